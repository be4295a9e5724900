/** GitHub-flavoured markdown: a heading per table, merged cells left blank below their first row. */
import { tr } from '../../i18n/index.js';
import type { TableReport } from '../../tables/types.js';
import { documentTitle, mergeSpans, subtitleParts } from './layout.js';
import type { TableFormatter } from './types.js';

/** A cell's text made safe inside a GFM table row. */
export function markdownCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, '<br>');
}

export const markdown: TableFormatter = {
  binary: false,
  async render(report: TableReport) {
    const out = [`# ${markdownCell(documentTitle(report))}`, '', subtitleParts(report).map(markdownCell).join(' · '), ''];
    for (const table of report.tables) {
      if (report.tables.length > 1) out.push(`## ${table.title}`, '');
      if (table.rows.length === 0) {
        out.push(tr(report.lang, 'tables/empty'), '');
        continue;
      }
      const spans = mergeSpans(table);
      out.push(`| ${table.columns.map((c) => markdownCell(c.heading)).join(' | ')} |`);
      out.push(`|${table.columns.map(() => ' --- ').join('|')}|`);
      table.rows.forEach((row, r) => {
        const cells = table.columns.map((c, i) => (spans[r][i] === 0 ? '' : markdownCell(row.cells[c.key] ?? '')));
        out.push(`| ${cells.join(' | ')} |`);
      });
      out.push('');
    }
    return out.join('\n');
  },
};
