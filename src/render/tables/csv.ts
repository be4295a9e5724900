/** RFC 4180 CSV with a UTF-8 BOM and CRLF, so that Excel and WPS open Chinese text correctly. */
import type { TableReport } from '../../tables/types.js';
import type { TableFormatter } from './types.js';

/** A number as written in a cell (`-13.5`, `+20%`, `1e3`): left as it is, for the spreadsheet to read as a number. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/**
 * A text cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, or a tab or CR
 * first) gets a leading `'` (OWASP, CSV injection); numbers stay numbers.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/** One field: formulas defused; quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(raw: string): string {
  const text = defuseFormula(raw);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const PIECE = 1 << 16;

export const csv: TableFormatter = {
  binary: false,
  async render(report: TableReport) {
    // one table per file (the command refuses `all` with csv); merged cells repeat, so every row stands alone when filtered
    const table = report.tables[0];
    // in pieces of about PIECE characters, made as they are written: never one string of the whole table
    return (function* () {
      let piece = '\uFEFF' + table.columns.map((c) => csvField(c.heading)).join(',') + '\r\n';
      for (const row of table.rows) {
        if (piece.length > PIECE) {
          yield piece;
          piece = '';
        }
        piece += table.columns.map((c) => csvField(row.cells[c.key] ?? '')).join(',') + '\r\n';
      }
      yield piece;
    })();
  },
};
