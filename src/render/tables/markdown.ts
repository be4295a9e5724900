/** GitHub-flavoured markdown: a heading per table, merged cells left blank below their first row. */
import { tr } from '../../i18n/index.js';
import type { TableReport } from '../../tables/types.js';
import { documentTitle, mergeSpans, subtitleParts } from './layout.js';
import type { TableFormatter } from './types.js';
import { visible } from '../escape.js';

/** Text made safe inside GFM: control characters written out, `\\` and `|` escaped, `&` and `<` as entities (no HTML from a plan). */
function markdownText(text: string): string {
  return visible(text.replace(/\r\n|\r|\n|\u2028|\u2029/g, '\n'), 'keep')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

/** A cell's text made safe inside a GFM table row: every line break (a lone CR too) is a `<br>`. */
export function markdownCell(text: string): string {
  return markdownText(text).replace(/\n/g, '<br>');
}

/** Text made safe on one line of GFM (a heading, a list item): line breaks become spaces. */
export function markdownInline(text: string): string {
  return markdownText(text).replace(/ *\n */g, ' ');
}

export const markdown: TableFormatter = {
  binary: false,
  async render(report: TableReport) {
    const out = [`# ${markdownInline(documentTitle(report))}`, '', subtitleParts(report).map(markdownInline).join(' · '), ''];
    for (const table of report.tables) {
      if (report.tables.length > 1) out.push(`## ${markdownInline(table.title)}`, '');
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
