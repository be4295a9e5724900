/** The gap report as one self-contained HTML page (no scripts, no external files) that prints on A4. */
import { tr } from '../../i18n/index.js';
import type { StatusName } from '../../domain/types.js';
import { asOfLine, columnTitles, COLUMNS, gapLists, statusName, summaryLine, targetRow, titleLine, unitLines } from './common.js';
import type { GapFormatter } from './types.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
@page { size: A4; margin: 15mm 12mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; font-size: 10pt; color: #111; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 7mm 0 2mm; border-bottom: 1px solid #999; break-after: avoid; }
p.as-of { color: #444; margin: 0 0 4mm; }
ul.gaps { margin: 0 0 3mm; padding-left: 5mm; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; }
td.share { text-align: right; white-space: nowrap; }
td.code { white-space: nowrap; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.status { font-weight: bold; white-space: nowrap; }
.achieved, .on-track { color: #176b2c; }
.at-risk { color: #8a5a00; }
.off-track, .not-achieved { color: #b00020; }
.no-data, .not-quantified { color: #666; }
p.summary { font-weight: bold; margin: 2mm 0 0; }
p.method { font-size: 8.5pt; color: #333; }
@media print { a { color: inherit; text-decoration: none; } }
`;

const NUMERIC = new Set(['baseline', 'latest']);
const SHARES = new Set(['progress', 'elapsed']);
/** Ids and dates read wrong when broken across lines (`2025-` / `12-31`). */
const UNBROKEN = new Set(['id', 'due', 'date']);

export const html: GapFormatter = (report, { lang }) => {
  const title = titleLine(report, lang);
  const body: string[] = [];
  body.push(`<h1>${esc(title)}</h1>`, `<p class="as-of">${esc(asOfLine(report, lang))}</p>`);
  if (report.cities.length === 0) body.push(`<p>${esc(tr(lang, 'gaps/no-cities'))}</p>`);
  for (const city of report.cities) {
    body.push(`<section id="city-${esc(city.city)}">`, `<h2>${esc(tr(lang, 'gaps/city', { name: city.name, city: city.city }))}</h2>`);
    if (!city.hasPlan) body.push(`<p class="off-track">${esc(tr(lang, 'gaps/no-plan'))}</p>`);
    body.push('<ul class="gaps">');
    for (const [heading, items] of gapLists(city, lang)) {
      const sep = lang === 'zh' ? '：' : ': ';
      body.push(`<li><strong>${esc(heading)}</strong>${sep}${esc(items.length ? items.join(lang === 'zh' ? '；' : '; ') : tr(lang, 'gaps/none'))}</li>`);
    }
    body.push('</ul>');
    if (city.targets.length === 0) {
      body.push(`<p>${esc(tr(lang, 'gaps/no-targets'))}</p>`);
    } else {
      body.push('<table>', `<thead><tr>${columnTitles(lang).map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`, '<tbody>');
      for (const s of city.targets) {
        const row = targetRow(s, lang);
        const cells = COLUMNS.map((c) => {
          if (c === 'status') return `<td class="status ${row.status}">${esc(statusName(row.status as StatusName, lang))}</td>`;
          const cls = NUMERIC.has(c) ? ' class="num"' : SHARES.has(c) ? ' class="share"' : UNBROKEN.has(c) ? ' class="code"' : '';
          return `<td${cls}>${esc(row[c])}</td>`;
        });
        body.push(`<tr>${cells.join('')}</tr>`);
      }
      body.push('</tbody>', '</table>');
    }
    const units = unitLines(city, lang);
    if (units.length) body.push('<ul class="units">', ...units.map((l) => `<li>${esc(l)}</li>`), '</ul>');
    body.push(`<p class="summary">${esc(summaryLine(city, lang))}</p>`, '</section>');
  }
  body.push(`<h2>${esc(tr(lang, 'gaps/method-title'))}</h2>`, `<p class="method">${esc(tr(lang, 'gaps/method'))}</p>`);
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
};
