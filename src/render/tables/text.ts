/** The terminal table: cli-table3 with cells wrapped by display width, fitted to the terminal. */
import Table3 from 'cli-table3';
import { tr } from '../../i18n/index.js';
import type { Table, TableReport } from '../../tables/types.js';
import { documentTitle, mergeSpans, subtitleParts, width, wrapText } from './layout.js';
import { wrapTokens } from '../wrap.js';
import { padTo } from '../width.js';
import type { TableFormatter } from './types.js';
import { maxOf } from '../max.js';
import { pushAll } from '../../util/array.js';
import { oneLine, visible } from '../escape.js';

/** The table with control and invisible characters of its cells written out (a cell's own lines stay). */
function visibleTable(table: Table): Table {
  return {
    ...table,
    columns: table.columns.map((c) => ({ ...c, heading: visible(c.heading, 'keep') })),
    rows: table.rows.map((r) => {
      const cells: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.cells)) cells[k] = typeof v === 'string' ? visible(v, 'keep') : v;
      return { ...r, cells };
    }),
  };
}

/** Narrowest a wrapped column gets: two Chinese characters or four letters. */
const MIN_COLUMN = 4;
/** A column this narrow (a city, a status, a date) is never wrapped when there is room. */
const SHORT_COLUMN = 10;
/** What a column of long text keeps at least, before short columns are wrapped. */
const LONG_COLUMN = 10;

/** Widths of the columns' content (padding and borders excluded) that fit `total` terminal columns. */
export function fitColumns(table: Table, total: number): number[] {
  const natural = table.columns.map((col) => {
    const cells = [col.heading, ...table.rows.map((r) => r.cells[col.key] ?? '')];
    return maxOf(cells.flatMap((c) => c.split('\n')).map(width), 1);
  });
  // a Latin word stays whole where it can (up to 12 columns); Chinese breaks anywhere
  const longestWord = table.columns.map((col) => {
    const words = [col.heading, ...table.rows.map((r) => r.cells[col.key] ?? '')].flatMap((c) => c.split(/[\s\n]+/)).filter((w) => !/[^\x00-\x7f]/.test(w));
    return Math.min(12, maxOf(words.map(width), 0));
  });
  // a heading's words are never broken (`Basel/ine b`): a column is at least as wide as the longest
  // of them (a Chinese heading breaks between characters: two columns); where that does not fit,
  // the caller prints records
  const headingWord = table.columns.map((col) => maxOf(wrapTokens(col.heading.replace(/\n/g, ' ')).map(width), 0));
  const least = table.columns.map((col, i) =>
    col.nowrap ? natural[i] : Math.max(headingWord[i], Math.min(natural[i], Math.max(MIN_COLUMN, col.breakWords ? 0 : longestWord[i]))),
  );
  // each column costs its padding (2) and one border; the table one more border
  let room = total - table.columns.length * 3 - 1;
  if (natural.reduce((a, b) => a + b, 0) <= room) return natural;
  // short columns (a city, a status, a date) stay whole, as many as can while the long ones keep
  // at least LONG_COLUMN each: try the widest threshold first
  const widths = [...least];
  let short = natural.map(() => false);
  for (const [limit, keep] of [[SHORT_COLUMN, LONG_COLUMN], [8, 8], [6, 6], [6, MIN_COLUMN]]) {
    const candidate = natural.map((n, i) => n <= limit || !!table.columns[i].nowrap);
    const need = natural.reduce((a, n, i) => a + (candidate[i] ? n : Math.max(least[i], Math.min(n, keep))), 0);
    if (need <= room) {
      short = candidate;
      break;
    }
  }
  short.forEach((s, i) => s && (widths[i] = natural[i]));
  room -= widths.reduce((a, w, i) => a + (short[i] ? w : 0), 0);
  // water-filling by the columns' paper widths: every long column has its least, and what is left
  // goes to them in proportion to their widths on paper, none past its natural width (the ones
  // that need little get it first, and the rest share what they leave)
  const weight = table.columns.map((c) => c.width);
  const order = natural.map((_, i) => i).filter((i) => !short[i]).sort((a, b) => (natural[a] - least[a]) / weight[a] - (natural[b] - least[b]) / weight[b]);
  let extra = room - order.reduce((a, i) => a + least[i], 0);
  let weights = order.reduce((a, i) => a + weight[i], 0);
  for (const i of order) {
    const give = Math.max(0, Math.min(natural[i] - least[i], Math.floor((extra * weight[i]) / weights)));
    widths[i] = least[i] + give;
    extra -= give;
    weights -= weight[i];
  }
  return widths;
}

/** Per-cell chars that make cli-table3 draw no line above a row: the next line of the same table row. */
const NO_RULE: Partial<Record<Table3.CharName, string>> = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '', top: '', 'top-left': '', 'top-mid': '', 'top-right': '' };
/** Per-cell chars that make cli-table3 draw no bottom border: a part of the table that goes on. */
const NO_BOTTOM: Partial<Record<Table3.CharName, string>> = { bottom: '', 'bottom-left': '', 'bottom-mid': '', 'bottom-right': '' };
/**
 * Rows drawn by one cli-table3 table: its layout pass (fillInTable) compares each cell with every
 * row above it, so a table of 60,000 targets is drawn as parts of this many rows, joined seamlessly.
 */
export const PART_ROWS = 50;

/** The cell with `chars` added to its own. */
function withChars(cell: Table3.Cell, chars: Partial<Record<Table3.CharName, string>>): Table3.Cell {
  if (cell !== null && typeof cell === 'object' && 'content' in cell) return { ...cell, chars: { ...cell.chars, ...chars } };
  return { content: cell as string, chars };
}

/**
 * The cells handed to cli-table3, each one line no wider than its column: each line of a wrapped
 * row is a row of its own with no rule above it, and a merged cell goes on line by line, through
 * the rules it crosses, the way cli-table3 draws a rowSpan. cli-table3 then never wraps nor
 * truncates (it cuts a long cell one character at a time, re-measuring it each time: minutes for a
 * measure of a few thousand characters), and no cell it measures is longer than its column.
 */
export function tableCells(table: Table, widths: number[]): { head: string[]; rows: Iterable<Table3.Cell[]> } {
  const spans = mergeSpans(table);
  const columns = table.columns;
  const rows = table.rows;
  const lines = rows.map((row, r) => columns.map((col, c) => (spans[r][c] === 0 ? [] : wrapText(row.cells[col.key] ?? '', widths[c]))));
  // the row where the merged cell covering (r, c) starts
  const owner = rows.map(() => columns.map(() => 0));
  rows.forEach((_, r) => columns.forEach((_, c) => (owner[r][c] = spans[r][c] === 0 ? owner[r - 1][c] : r)));
  // row heights as cli-table3 computes them: one-row cells first, then merged cells, last first,
  // spread what they lack over their rows from the top
  const heights = rows.map((_, r) => Math.max(1, ...columns.map((_, c) => (spans[r][c] === 1 ? lines[r][c].length : 0))));
  const merged: [number, number][] = [];
  rows.forEach((_, r) => columns.forEach((_, c) => spans[r][c] > 1 && merged.push([r, c])));
  for (const [r, c] of merged.reverse()) {
    const desired = lines[r][c].length;
    let existing = heights.slice(r, r + spans[r][c]).reduce((a, h) => a + h + 1, -1);
    for (let i = 0, editable = spans[r][c]; editable > 0 && desired > existing; i++, editable--) {
      const more = Math.round((desired - existing) / editable);
      existing += more;
      heights[r + i] += more;
    }
  }
  // the line of a merged cell's text at the first line of each row (rules count as lines)
  const offset: number[] = [];
  heights.forEach((h, r) => (offset[r] = r === 0 ? 0 : offset[r - 1] + heights[r - 1] + 1));
  const lineAt = (r: number, c: number, k: number) => {
    const start = owner[r][c];
    return lines[start][c][offset[r] - offset[start] + k] ?? '';
  };
  const continued = (r: number, c: number) => c >= 0 && spans[r][c] === 0;
  // the rule above row r: a merged cell that goes on shows its text there instead, like a rowSpan
  const ruleChars = (r: number, c: number): Partial<Record<Table3.CharName, string>> => {
    const on = continued(r, c);
    const left = continued(r, c - 1);
    let joint = c === 0 ? (on ? '│' : '├') : left ? (on ? '│' : '├') : on ? '┤' : '┼';
    if (on) joint += ` ${padTo(lineAt(r, c, -1), widths[c])} `;
    const right = on ? '│' : '┤';
    // the top names serve when the row starts a part of the table (see PART_ROWS)
    return { mid: on ? '' : '─', [c === 0 ? 'left-mid' : 'mid-mid']: joint, 'right-mid': right, top: on ? '' : '─', [c === 0 ? 'top-left' : 'top-mid']: joint, 'top-right': right };
  };
  // the rows are made as they are drawn: 60,000 targets make millions of cells
  function* cells(): Generator<Table3.Cell[]> {
    for (let r = 0; r < rows.length; r++) {
      for (let k = 0; k < heights[r]; k++) {
        yield columns.map((_, c): Table3.Cell => {
          const content = spans[r][c] === 1 ? (lines[r][c][k] ?? '') : lineAt(r, c, k);
          if (k > 0) return { content, chars: NO_RULE };
          return r > 0 ? { content, chars: ruleChars(r, c) } : content;
        });
      }
    }
  }
  return { head: columns.map((col, c) => wrapText(col.heading, widths[c]).join('\n')), rows: cells() };
}

/** Whether the columns at these widths, with padding and borders, fit `total` terminal columns. */
export function fits(widths: number[], total: number): boolean {
  return widths.reduce((a, w) => a + w + 3, 1) <= total;
}

/**
 * A table too wide for the terminal even with every column wrapped, as records: each row a block
 * of `heading  value` lines, values wrapped under themselves, blocks parted by a rule. `paint`
 * colours a value after it is wrapped (a status).
 */
export function renderRecords(table: Table, total: number, paint?: (key: string, line: string, row: number) => string): string {
  const headings = table.columns.map((c) => c.heading.replace(/\s*\n\s*/g, ' '));
  const headWidth = Math.min(maxOf(headings.map(width), 0), Math.floor(total / 3));
  const room = Math.max(MIN_COLUMN * 2, total - headWidth - 2);
  const out: string[] = [];
  table.rows.forEach((row, r) => {
    out.push('─'.repeat(Math.min(total, 40)));
    table.columns.forEach((col, c) => {
      const value = row.cells[col.key] ?? '';
      if (value === '') return;
      const head = wrapText(headings[c], headWidth);
      const lines = wrapText(value, room);
      const height = Math.max(head.length, lines.length);
      for (let k = 0; k < height; k++) {
        const line = lines[k] ?? '';
        out.push(`${padTo(head[k] ?? '', headWidth)}  ${paint && line ? paint(col.key, line, r) : line}`.trimEnd());
      }
    });
  });
  return out.join('\n');
}

function renderTable(table: Table, report: TableReport, total: number): string {
  if (table.rows.length === 0) return tr(report.lang, 'tables/empty');
  const widths = fitColumns(table, total);
  if (!fits(widths, total)) return renderRecords(table, total);
  const { head, rows } = tableCells(table, widths);
  const parts: string[] = [];
  const draw = (part: Table3.Cell[][], first: boolean, last: boolean) => {
    const out = new Table3({ ...(first ? { head } : {}), colWidths: widths.map((w) => w + 2), wordWrap: false, style: { head: [], border: [], compact: false } });
    if (!last) part[part.length - 1] = part[part.length - 1].map((cell) => withChars(cell, NO_BOTTOM));
    pushAll(out, part);
    parts.push(out.toString());
  };
  let part: Table3.Cell[][] = [];
  for (const row of rows) {
    if (part.length === PART_ROWS) {
      draw(part, parts.length === 0, false);
      part = [];
    }
    part.push(row);
  }
  draw(part, parts.length === 0, true);
  return parts.join('\n');
}

/** Title, date line, then each table under its own heading. */
export const text: TableFormatter = {
  binary: false,
  async render(report, ctx) {
    const parts = [oneLine(documentTitle(report)), oneLine(subtitleParts(report).join('  ')), ''];
    for (const table of report.tables) {
      if (report.tables.length > 1) parts.push(oneLine(table.title));
      parts.push(renderTable(visibleTable(table), report, ctx.width), '');
    }
    return parts.join('\n');
  },
};
