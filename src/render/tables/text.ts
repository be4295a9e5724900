/** The terminal table: cli-table3 with cells wrapped by display width, fitted to the terminal. */
import Table3 from 'cli-table3';
import { tr } from '../../i18n/index.js';
import type { Table, TableReport } from '../../tables/types.js';
import { documentTitle, mergeSpans, subtitleParts, width, wrapText } from './layout.js';
import type { TableFormatter } from './types.js';

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
    return Math.max(1, ...cells.flatMap((c) => c.split('\n')).map(width));
  });
  // a Latin word stays whole where it can (up to 12 columns); Chinese breaks anywhere
  const longestWord = table.columns.map((col) => {
    const words = [col.heading, ...table.rows.map((r) => r.cells[col.key] ?? '')].flatMap((c) => c.split(/[\s\n]+/)).filter((w) => !/[^\x00-\x7f]/.test(w));
    return Math.min(12, Math.max(0, ...words.map(width)));
  });
  const least = table.columns.map((col, i) => (col.nowrap ? natural[i] : Math.min(natural[i], Math.max(MIN_COLUMN, longestWord[i]))));
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
  // water-filling by the columns' paper widths: the columns that need less than their share get
  // what they need, the others share the rest in proportion to their widths on paper
  const weight = table.columns.map((c) => c.width);
  const order = natural.map((_, i) => i).filter((i) => !short[i]).sort((a, b) => natural[a] / weight[a] - natural[b] / weight[b]);
  let weights = order.reduce((a, i) => a + weight[i], 0);
  for (const i of order) {
    const share = Math.floor((room * weight[i]) / weights);
    widths[i] = Math.max(least[i], Math.min(natural[i], share));
    room -= widths[i];
    weights -= weight[i];
  }
  return widths;
}

function renderTable(table: Table, report: TableReport, total: number): string {
  if (table.rows.length === 0) return tr(report.lang, 'tables/empty');
  const widths = fitColumns(table, total);
  const spans = mergeSpans(table);
  const cell = (text: string, i: number) => wrapText(text, widths[i]).join('\n');
  const out = new Table3({
    head: table.columns.map((c, i) => cell(c.heading, i)),
    colWidths: widths.map((w) => w + 2),
    wordWrap: false,
    style: { head: [], border: [], compact: false },
  });
  table.rows.forEach((row, r) => {
    const cells: Table3.Cell[] = [];
    table.columns.forEach((col, c) => {
      const span = spans[r][c];
      if (span === 0) return;
      const content = cell(row.cells[col.key] ?? '', c);
      cells.push(span > 1 ? { content, rowSpan: span, vAlign: 'top' } : content);
    });
    out.push(cells);
  });
  return out.toString();
}

/** Title, date line, then each table under its own heading. */
export const text: TableFormatter = {
  binary: false,
  async render(report, ctx) {
    const parts = [documentTitle(report), subtitleParts(report).join('  '), ''];
    for (const table of report.tables) {
      if (report.tables.length > 1) parts.push(table.title);
      parts.push(renderTable(table, report, ctx.width), '');
    }
    return parts.join('\n');
  },
};
