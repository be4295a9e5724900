/** The gap report for a terminal: per city the missing pieces, a table of targets (cli-table3, CJK widths), coloured statuses and a summary line. */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { tr } from '../../i18n/index.js';
import type { StatusName } from '../../domain/types.js';
import { asOfLine, columnTitles, COLUMNS, dueHeading, dueRows, filterLine, gapLists, statusName, summaryLine, targetRow, titleLine, truncate, unitLines, wrap } from './common.js';
import type { GapFormatter } from './types.js';
import { wrapText } from '../tables/layout.js';
import { PART_ROWS } from '../tables/text.js';
import { displayWidth } from '../width.js';
import { maxOf } from '../max.js';

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

const NAME_WIDTH = 20;
const TARGET_WIDTH = 20;
/** Other cells (a baseline as drafted, an id) wrap at this width. */
const CELL_WIDTH = 30;

/** The lines of a cell at most `max` columns wide. */
function fit(text: string, max: number): string[] {
  return displayWidth(text) <= max && !text.includes('\n') ? [text] : wrapText(text, max);
}

export const text: GapFormatter = (report, { lang, chalk, width }) => {
  const out: string[] = [];
  out.push(chalk.bold(titleLine(report, lang)));
  out.push(asOfLine(report, lang));
  const filtered = filterLine(report, lang);
  if (filtered) out.push(filtered);
  if (report.cities.length === 0) out.push('', tr(lang, 'gaps/no-cities'));
  for (const city of report.cities) {
    out.push('', chalk.bold.underline(tr(lang, 'gaps/city', { name: city.name, city: city.city })));
    if (!city.hasPlan) out.push(chalk.red(tr(lang, 'gaps/no-plan')));
    for (const [heading, items] of gapLists(city, lang)) {
      const sep = lang === 'zh' ? '：' : ': ';
      const list = items.length ? items.join(lang === 'zh' ? '；' : '; ') : chalk.gray(tr(lang, 'gaps/none'));
      out.push(`${heading}${sep}${items.length ? chalk.yellow(String(items.length)) + ' — ' : ''}${list}`);
    }
    if (city.targets.length === 0) {
      out.push(chalk.gray(tr(lang, 'gaps/no-targets')));
    } else {
      const head = columnTitles(lang);
      const rows: string[][] = [];
      const plain: string[][] = [];
      for (const s of city.targets) {
        const row = targetRow(s, lang);
        // every cell is cut or wrapped here, so cli-table3 only draws one-line cells no wider than
        // their column: it cuts a longer cell one character at a time (minutes for a long text)
        const lines = COLUMNS.map((c) => {
          if (c === 'status') return [statusName(row.status, lang)];
          if (c === 'name') return [truncate(row.name, NAME_WIDTH)];
          if (c === 'target') return [truncate(row.target, TARGET_WIDTH)];
          return fit(row[c], CELL_WIDTH);
        });
        const height = Math.max(...lines.map((l) => l.length));
        // a wrapped row goes on in rows of its own: body rows have no rule between them
        for (let k = 0; k < height; k++) {
          plain.push(lines.map((l) => l[k] ?? ''));
          rows.push(COLUMNS.map((c, i) => (c === 'status' && k === 0 ? paintStatus(chalk, row.status, lines[i][0]) : (lines[i][k] ?? ''))));
        }
      }
      // a city of thousands of targets is drawn in parts (see PART_ROWS) with the same widths,
      // measured here on the uncoloured text
      const colWidths =
        rows.length > PART_ROWS ? COLUMNS.map((_, i) => 2 + maxOf(plain.map((r) => displayWidth(r[i])), displayWidth(head[i]))) : undefined;
      for (let start = 0; start < rows.length; start += PART_ROWS) {
        const first = start === 0;
        const last = start + PART_ROWS >= rows.length;
        // cli-table3's own colours are off: colour comes from chalk only, so --no-color and NO_COLOR hold
        const table = new Table({
          ...(first ? { head } : {}),
          ...(colWidths ? { colWidths } : {}),
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
        table.push(...rows.slice(start, start + PART_ROWS));
        out.push(table.toString());
      }
    }
    out.push(...unitLines(city, lang));
    out.push(chalk.bold(summaryLine(city, lang)));
  }
  if (report.dueSoon) {
    out.push('', chalk.bold.underline(dueHeading(report.dueSoon, lang)));
    const rows = dueRows(report.dueSoon, lang);
    if (rows.length === 0) out.push(chalk.gray(tr(lang, 'gaps/due-soon-none')));
    for (const r of rows) {
      const line = tr(lang, 'gaps/due/line', { due: r.due, kind: r.kind, city: r.city, item: r.item, lead: r.lead });
      out.push(r.status ? line.replace(statusName(r.status, lang), paintStatus(chalk, r.status, statusName(r.status, lang))) : line);
    }
  }
  out.push('', chalk.bold(tr(lang, 'gaps/method-title')));
  out.push(...wrap(tr(lang, 'gaps/method'), Math.max(40, Math.min(width ?? 100, 100))));
  return out.join('\n') + '\n';
};
