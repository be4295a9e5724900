/** RFC 4180 CSV with a UTF-8 BOM and CRLF, so that Excel and WPS open Chinese text correctly. */
import type { TableReport } from '../../tables/types.js';
import type { TableFormatter } from './types.js';

/** One field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csv: TableFormatter = {
  binary: false,
  async render(report: TableReport) {
    // one table per file (the command refuses `all` with csv); merged cells repeat, so every row stands alone when filtered
    const table = report.tables[0];
    const lines = [table.columns.map((c) => csvField(c.heading)).join(',')];
    for (const row of table.rows) lines.push(table.columns.map((c) => csvField(row.cells[c.key] ?? '')).join(','));
    return '\uFEFF' + lines.map((l) => l + '\r\n').join('');
  },
};
