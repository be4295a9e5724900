/** One self-contained HTML page made for printing on A4: header row on every page, rows kept whole, CJK fonts. */
import { tr } from '../../i18n/index.js';
import type { Table, TableReport } from '../../tables/types.js';
import { columnShares, documentTitle, mergeSpans, subtitleParts, headingNowrap } from './layout.js';
import { pageCounterContent, statusCss } from '../print.js';
import type { TableFormatter } from './types.js';

/** Text made safe inside HTML; a line break in a cell stays one. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
const cellHtml = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

/** Ems on a line of A4 landscape between the margins: 277 mm at 9.5 pt, a little kept back. */
const LINE_EM = 80;

/** A cell that is a number (`12000`, `96.5`, `40%`): right-aligned, as figures are compared down a column. */
const isNumber = (s: string) => /^[-−+]?\d[\d,]*(\.\d+)?%?$/.test(s.trim());

function styles(report: TableReport): string {
  return `
@page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm;
  @bottom-center { content: ${pageCounterContent(report.lang)}; font-size: 8pt; color: #555; } }
html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "SimHei", sans-serif; font-size: 9.5pt; line-height: 1.35; color: #000; }
body { margin: 0; }
h1 { font-size: 15pt; margin: 0 0 2pt; text-align: center; }
h2 { font-size: 12pt; margin: 8pt 0 4pt; }
.meta { text-align: center; margin: 0 0 6pt; font-size: 9pt; color: #333; }
.meta span + span::before { content: "　"; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.6pt solid #333; padding: 2pt 3pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { font-weight: bold; text-align: center; vertical-align: middle; background: #e8e8e8; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
thead { display: table-header-group; }
tr, tbody.group { break-inside: avoid; page-break-inside: avoid; }
td.nowrap { white-space: nowrap; overflow-wrap: normal; text-align: center; }
th.nowrap { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
${statusCss('td.status')}
td.merged { vertical-align: middle; }
section + section { break-before: page; }
@media screen { body { max-width: 297mm; margin: 1em auto; padding: 0 1em; } }
`;
}

function tableHtml(table: Table, report: TableReport, single: boolean): string {
  const out: string[] = ['<section>'];
  if (!single) out.push(`<h2>${escapeHtml(table.title)}</h2>`);
  if (table.rows.length === 0) {
    out.push(`<p>${escapeHtml(tr(report.lang, 'tables/empty'))}</p></section>`);
    return out.join('\n');
  }
  // widths from the words of the language in use, on a line of A4 landscape (277 mm at 9.5 pt)
  const shares = columnShares(table, LINE_EM);
  out.push('<table>', '<colgroup>');
  for (const share of shares) out.push(`<col style="width:${(100 * share).toFixed(2)}%">`);
  out.push(
    '</colgroup>',
    '<thead><tr>' + table.columns.map((c) => `<th scope="col"${headingNowrap(c.heading) ? ' class="nowrap"' : ''}>${cellHtml(c.heading)}</th>`).join('') + '</tr></thead>',
  );
  const spans = mergeSpans(table);
  let group: string | undefined | null = null;
  table.rows.forEach((row, r) => {
    // one tbody per group, so that an action's measures stay on one page where they fit
    if (r === 0 || row.group !== group) {
      if (r > 0) out.push('</tbody>');
      out.push(row.group === undefined ? '<tbody>' : '<tbody class="group">');
      group = row.group;
    }
    const cells = table.columns.map((c, i) => {
      const span = spans[r][i];
      if (span === 0) return '';
      const text = row.cells[c.key] ?? '';
      const status = c.key === 'status' && typeof row.ids.status === 'string' ? `status ${row.ids.status}` : '';
      const cls = [c.nowrap ? 'nowrap' : '', span > 1 ? 'merged' : '', isNumber(text) ? 'num' : '', status].filter(Boolean).join(' ');
      return `<td${cls ? ` class="${cls}"` : ''}${span > 1 ? ` rowspan="${span}"` : ''}>${cellHtml(text)}</td>`;
    });
    out.push(`<tr>${cells.join('')}</tr>`);
  });
  out.push('</tbody>', '</table>', '</section>');
  return out.join('\n');
}

export const html: TableFormatter = {
  binary: false,
  async render(report: TableReport) {
    const title = documentTitle(report);
    const single = report.tables.length === 1;
    return [
      '<!DOCTYPE html>',
      `<html lang="${report.lang === 'zh' ? 'zh-CN' : 'en'}">`,
      '<head>',
      '<meta charset="utf-8">',
      `<title>${escapeHtml(title)} ${escapeHtml(report.asOf ?? report.date)}</title>`,
      `<style>${styles(report)}</style>`,
      '</head>',
      '<body>',
      `<h1>${escapeHtml(title)}</h1>`,
      `<p class="meta">${subtitleParts(report).map((p) => `<span>${escapeHtml(p)}</span>`).join('')}</p>`,
      ...report.tables.map((t) => tableHtml(t, report, single)),
      '</body>',
      '</html>',
      '',
    ].join('\n');
  },
};
