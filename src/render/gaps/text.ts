/** The gap report for a terminal: per city the missing pieces, a table of targets (cli-table3, CJK widths), coloured statuses and a summary line. */
import Table3 from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { tr, type Lang } from '../../i18n/index.js';
import type { Table } from '../../tables/types.js';
import type { StatusName } from '../../domain/types.js';
import { asOfLine, columnTitles, COLUMNS, dueHeading, dueRows, filterLine, gapLists, statusName, summaryLine, targetRow, titleLine, unitLines, type TargetRow } from './common.js';
import type { GapFormatter } from './types.js';
import { fitColumns, fits, PART_ROWS, renderRecords } from '../tables/text.js';
import { hanging, MIN_TEXT_WIDTH, wrapText } from '../wrap.js';
import { oneLine, visible } from '../escape.js';

/** A row's texts with control characters written out; a cell's own lines stay lines (drawn inside the borders). */
function visibleRow<T extends object>(row: T): T {
  const out = { ...row } as Record<string, unknown>;
  for (const k of Object.keys(out)) if (typeof out[k] === 'string') out[k] = visible(out[k] as string, 'keep');
  return out as unknown as T;
}

/** The colour of a status: green done or on course, yellow at risk, red behind, grey when nothing can be said. */
export function paintStatus(chalk: ChalkInstance, status: StatusName, text: string): string {
  switch (status) {
    case 'achieved':
      return chalk.green.bold(text);
    case 'on-track':
      return chalk.green(text);
    case 'at-risk':
      return chalk.yellow(text);
    case 'off-track':
    case 'not-achieved':
      return chalk.red(text);
    default:
      return chalk.gray(text);
  }
}

/** How the columns share the room left when the table must wrap: the name and the target wrap first. */
const WEIGHTS: Partial<Record<string, number>> = { name: 3, target: 3, baseline: 2, latest: 2 };

/** Lines of text fitted to the width, the lines after the first indented under it. */
function fitted(first: string, rest: string, width: number, indent = 2): string[] {
  return hanging(first, rest, width, indent);
}

export const text: GapFormatter = (report, { lang, chalk, width = 100 }) => {
  const out: string[] = [];
  const push = (lines: string[], paint: (s: string) => string = (x) => x) => lines.forEach((l) => out.push(paint(l)));
  push(fitted('', oneLine(titleLine(report, lang)), width), chalk.bold);
  push(fitted('', asOfLine(report, lang), width));
  const filtered = filterLine(report, lang);
  if (filtered) push(fitted('', filtered, width));
  if (report.cities.length === 0) out.push('', tr(lang, 'gaps/no-cities'));
  for (const city of report.cities) {
    out.push('');
    push(fitted('', oneLine(tr(lang, 'gaps/city', { name: city.name, city: city.city })), width), (l) => chalk.bold.underline(l));
    if (!city.hasPlan) push(fitted('', tr(lang, 'gaps/no-plan'), width), chalk.red);
    for (const [heading, items] of gapLists(city, lang)) {
      const sep = lang === 'zh' ? '：' : ': ';
      if (items.length === 0) {
        out.push(`${heading}${sep}${chalk.gray(tr(lang, 'gaps/none'))}`);
        continue;
      }
      // the count in colour, the items wrapped under the heading
      const lines = fitted(`${heading}${sep}`, `${items.length} — ${oneLine(items.join(lang === 'zh' ? '；' : '; '))}`, width, 2);
      const count = `${heading}${sep}${items.length}`;
      out.push(lines[0].startsWith(count) ? `${heading}${sep}${chalk.yellow(String(items.length))}${lines[0].slice(count.length)}` : lines[0], ...lines.slice(1));
    }
    if (city.targets.length === 0) {
      out.push(chalk.gray(tr(lang, 'gaps/no-targets')));
    } else {
      out.push(targetTable(city.targets.map((s) => visibleRow(targetRow(s, lang))), lang, chalk, width));
    }
    for (const line of unitLines(city, lang)) push(fitted('', oneLine(line), width));
    push(fitted('', summaryLine(city, lang), width), chalk.bold);
  }
  if (report.dueSoon) {
    out.push('', chalk.bold.underline(dueHeading(report.dueSoon, lang)));
    const rows = dueRows(report.dueSoon, lang);
    if (rows.length === 0) out.push(chalk.gray(tr(lang, 'gaps/due-soon-none')));
    for (const r of rows) {
      const line = oneLine(tr(lang, 'gaps/due/line', { due: r.due, kind: r.kind, city: r.city, item: r.item, lead: r.lead }));
      const status = r.status;
      const painted = status ? (l: string) => l.replace(statusName(status, lang), paintStatus(chalk, status, statusName(status, lang))) : undefined;
      push(fitted('', line, width), painted);
    }
  }
  out.push('', chalk.bold(tr(lang, 'gaps/method-title')));
  out.push(...wrapText(tr(lang, 'gaps/method'), Math.max(MIN_TEXT_WIDTH, Math.min(width, 100))));
  return out.join('\n') + '\n';
};

/**
 * The targets of a city as a table fitted to `width` (cells wrapped by display width), or as
 * records when even wrapped the columns cannot fit. Statuses are coloured after the layout.
 */
function targetTable(targetRows: TargetRow[], lang: Lang, chalk: ChalkInstance, width: number): string {
  const head = columnTitles(lang);
  const table: Table = {
    name: 'targets',
    title: '',
    columns: COLUMNS.map((c, i) => ({ key: c, heading: head[i], width: WEIGHTS[c] ?? 1, ...(WEIGHTS[c] ? { breakWords: true } : {}) })),
    rows: targetRows.map((row) => ({ cells: Object.fromEntries(COLUMNS.map((c) => [c, c === 'status' ? statusName(row.status, lang) : row[c]])) })),
  } as unknown as Table;
  const widths = fitColumns(table, width);
  if (!fits(widths, width)) return renderRecords(table, width, (key, line, r) => (key === 'status' ? paintStatus(chalk, targetRows[r].status, line) : line));
  const rows: string[][] = [];
  for (const [r, row] of targetRows.entries()) {
    // every cell is wrapped here, so cli-table3 only draws one-line cells no wider than their
    // column: it cuts a longer cell one character at a time (minutes for a long text)
    const lines = COLUMNS.map((c, i) => wrapText(table.rows[r].cells[c], widths[i]));
    const height = Math.max(...lines.map((l) => l.length));
    // a wrapped row goes on in rows of its own: body rows have no rule between them
    for (let k = 0; k < height; k++) {
      rows.push(COLUMNS.map((c, i) => (c === 'status' && k === 0 ? paintStatus(chalk, row.status, lines[i][0]) : (lines[i][k] ?? ''))));
    }
  }
  const headCells = head.map((h, i) => wrapText(h, widths[i]).join('\n'));
  const colWidths = widths.map((w) => w + 2);
  const parts: string[] = [];
  // a city of thousands of targets is drawn in parts (see PART_ROWS) with the same widths
  for (let start = 0; start < rows.length; start += PART_ROWS) {
    const first = start === 0;
    const last = start + PART_ROWS >= rows.length;
    // cli-table3's own colours are off: colour comes from chalk only, so --no-color and NO_COLOR hold
    const t3 = new Table3({
      ...(first ? { head: headCells } : {}),
      colWidths,
      wordWrap: false,
      style: { head: [], border: [] },
      chars: {
        // no rule between body rows: a city's targets read as one block
        mid: '',
        'left-mid': '',
        'mid-mid': '',
        'right-mid': '',
        // the parts of a long table join without a border
        ...(first ? {} : { top: '', 'top-left': '', 'top-mid': '', 'top-right': '' }),
        ...(last ? {} : { bottom: '', 'bottom-left': '', 'bottom-mid': '', 'bottom-right': '' }),
      },
    });
    t3.push(...rows.slice(start, start + PART_ROWS));
    parts.push(t3.toString());
  }
  return parts.join('\n');
}
