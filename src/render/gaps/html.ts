/**
 * The gap report as one self-contained HTML page (no script, no web font, no outside resource)
 * that prints on A4 as a document: page numbers, each city on its own pages, headings kept with
 * what follows, charts and table rows never split, the method at the end on its own page.
 */
import { tr, type Lang } from '../../i18n/index.js';
import { bulletChart, coverageChart, esc, isQuantified, legendChart, STATUS_LOOK, statusSummaryChart } from './charts.js';
import {
  asOfLine, columnTitles, COLUMNS, DUE_COLUMNS, dueColumnTitles, dueHeading, dueRows, filterLine, gapLists, statusName, summaryLine, targetRow, titleLine, unitLines,
} from './common.js';
import type { GapFormatter } from './types.js';
import { pageCounterContent, statusCss } from '../print.js';

function style(lang: Lang): string {
  return `
@page { size: A4; margin: 16mm 14mm 18mm 14mm;
  @bottom-center { content: ${pageCounterContent(lang)}; font-size: 8pt; color: #444; } }
html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 10pt; line-height: 1.4; color: #111; }
body { margin: 0; }
@media screen { body { max-width: 190mm; margin: 1em auto; padding: 0 1em; } }
* { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid #999; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
.keep { break-inside: avoid; page-break-inside: avoid; }
p.as-of, p.filter { color: #444; margin: 0 0 2mm; }
section.city { break-before: page; page-break-before: always; }
section.method { break-before: page; page-break-before: always; }
ul.gaps { margin: 0 0 3mm; padding-left: 5mm; }
figure.chart { margin: 0 0 1.5mm; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 2mm 0; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #eee; white-space: nowrap; }
td.num, td.share { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.code { white-space: nowrap; }
/* a target's name reads in one or two lines, not a column of characters */
td.name { min-width: 30mm; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
td.status { font-weight: bold; white-space: nowrap; }
${statusCss('td.status')}
p.off-track { color: ${STATUS_LOOK['off-track'].ink}; font-weight: bold; }
p.summary { font-weight: bold; margin: 2mm 0 0; }
p.method { font-size: 9pt; color: #222; text-align: justify; }
`;
}

const NUMERIC = new Set(['baseline', 'latest']);
const SHARES = new Set(['progress', 'elapsed']);
/** Ids and dates read wrong when broken across lines (`2025-` / `12-31`). */
const UNBROKEN = new Set(['id', 'due', 'date']);
/** A cell that is a number: right-aligned. A baseline as drafted (`2021年全年5200件`) stays as text. */
const isNumber = (s: string) => /^[-−+]?\d[\d,]*(\.\d+)?%?$/.test(s);

/** The due list's columns: the date, kind and city never wrap; the item takes what is left. */
const DUE_COLGROUP = '<colgroup><col style="width:12%"><col style="width:8%"><col style="width:9%"><col><col style="width:17%"><col style="width:17%"></colgroup>';

export const html: GapFormatter = (report, { lang }) => {
  const title = titleLine(report, lang);
  const body: string[] = [];
  let charts = 0;
  const uid = () => `c${++charts}`;
  const figure = (svg: string) => `<figure class="chart">${svg}</figure>`;

  body.push('<header class="keep">', `<h1>${esc(title)}</h1>`, `<p class="as-of">${esc(asOfLine(report, lang))}</p>`);
  const filtered = filterLine(report, lang);
  if (filtered) body.push(`<p class="filter">${esc(filtered)}</p>`);
  body.push('</header>');

  // the front page: the legend, where the cities stand on the province tasks, and what falls due next
  body.push('<section class="overview">', `<h2>${esc(tr(lang, 'chart/overview'))}</h2>`);
  body.push(figure(legendChart(lang, uid())));
  if (report.tasks.length && report.cities.some((c) => c.hasPlan)) {
    body.push(`<div class="keep"><h3>${esc(tr(lang, 'chart/coverage'))}</h3>`, figure(coverageChart(report, lang, uid())), '</div>');
  }
  body.push('</section>');
  if (report.dueSoon) {
    body.push('<section class="due-soon">', `<h2>${esc(dueHeading(report.dueSoon, lang))}</h2>`);
    const rows = dueRows(report.dueSoon, lang);
    if (rows.length === 0) body.push(`<p>${esc(tr(lang, 'gaps/due-soon-none'))}</p>`);
    else {
      body.push('<table class="due">', DUE_COLGROUP, `<thead><tr>${dueColumnTitles(lang).map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`, '<tbody>');
      for (const r of rows) {
        const cells = DUE_COLUMNS.map((c) => `<td${c === 'due' || c === 'kind' || c === 'city' ? ' class="code"' : ''}>${esc(r[c])}</td>`);
        body.push(`<tr>${cells.join('')}</tr>`);
      }
      body.push('</tbody>', '</table>');
    }
    body.push('</section>');
  }

  if (report.cities.length === 0) body.push(`<p>${esc(tr(lang, 'gaps/no-cities'))}</p>`);
  for (const city of report.cities) {
    body.push(`<section class="city" id="city-${esc(city.city)}">`, '<div class="keep">', `<h2>${esc(tr(lang, 'gaps/city', { name: city.name, city: city.city }))}</h2>`);
    if (!city.hasPlan) body.push(`<p class="off-track">${esc(tr(lang, 'gaps/no-plan'))}</p>`);
    body.push('<ul class="gaps">');
    for (const [heading, items] of gapLists(city, lang)) {
      const sep = lang === 'zh' ? '：' : ': ';
      body.push(`<li><strong>${esc(heading)}</strong>${sep}${esc(items.length ? items.join(lang === 'zh' ? '；' : '; ') : tr(lang, 'gaps/none'))}</li>`);
    }
    body.push('</ul>');
    if (city.targets.length) body.push(figure(statusSummaryChart(city, lang, uid())));
    body.push('</div>');
    if (city.targets.length === 0) {
      body.push(`<p>${esc(tr(lang, 'gaps/no-targets'))}</p>`);
    } else {
      const quantified = city.targets.filter(isQuantified);
      if (quantified.length) {
        // the heading goes with its first chart
        quantified.forEach((s, i) => {
          const chart = figure(bulletChart(s, lang, uid()));
          body.push(i === 0 ? `<div class="keep"><h3>${esc(tr(lang, 'chart/targets'))}</h3>${chart}</div>` : chart);
        });
      }
      // heading and table on one page where the table fits on one
      body.push('<div class="keep">', `<h3>${esc(tr(lang, 'gaps/targets'))}</h3>`);
      body.push('<table class="targets">', `<thead><tr>${columnTitles(lang).map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`, '<tbody>');
      for (const s of city.targets) {
        const row = targetRow(s, lang);
        const cells = COLUMNS.map((c) => {
          if (c === 'status') return `<td class="status ${row.status}">${esc(statusName(row.status, lang))}</td>`;
          const cls = SHARES.has(c) ? 'share' : NUMERIC.has(c) && isNumber(row[c]) ? 'num' : UNBROKEN.has(c) ? 'code' : c === 'name' ? 'name' : '';
          return `<td${cls ? ` class="${cls}"` : ''}>${esc(row[c])}</td>`;
        });
        body.push(`<tr>${cells.join('')}</tr>`);
      }
      body.push('</tbody>', '</table>', '</div>');
    }
    const units = unitLines(city, lang);
    if (units.length) body.push('<ul class="units">', ...units.map((l) => `<li>${esc(l)}</li>`), '</ul>');
    body.push(`<p class="summary">${esc(summaryLine(city, lang))}</p>`, '</section>');
  }
  body.push('<section class="method">', `<h2>${esc(tr(lang, 'gaps/method-title'))}</h2>`, `<p class="method">${esc(tr(lang, 'gaps/method'))}</p>`, '</section>');
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${style(lang)}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
};
