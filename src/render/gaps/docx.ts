/**
 * The gap report as a Word document on A4 landscape (its tables have ten columns): the legend and the
 * coverage map, then per city its missing pieces, its status summary, a bullet chart per quantified
 * target, a table of targets and a summary, then the method (see ../docx/document.ts; the charts are
 * those of the HTML report drawn as Word tables, see ./docx-charts.ts).
 */
import { tr } from '../../i18n/index.js';
import type { GapReport } from '../../gaps/report.js';
import { docxDocument, type DocxBlock } from '../docx/document.js';
import { asOfLine, columnTitles, COLUMNS, gapLists, statusName, summaryLine, targetRow, titleLine, unitLines } from './common.js';
import type { GapRenderOptions } from './types.js';
import { isQuantified } from './charts.js';
import { targetGrids, coverageGrid, legendGrid, summaryGrid } from './docx-charts.js';

/** Relative widths of the target table's columns (characters of a CJK font). */
const WIDTHS: Record<(typeof COLUMNS)[number], number> = { id: 7, name: 12, baseline: 6, target: 9, due: 7, latest: 6, date: 7, progress: 5, elapsed: 5, status: 5 };
const CENTRED = new Set(['id', 'due', 'date', 'progress', 'elapsed', 'status', 'baseline', 'latest']);

export interface BinaryGapFormatter {
  binary: true;
  render(report: GapReport, opts: GapRenderOptions & { attachment?: number; date: string }): Promise<Uint8Array>;
}

export const docx: BinaryGapFormatter = {
  binary: true,
  async render(report, opts) {
    const { lang } = opts;
    const sep = lang === 'zh' ? '：' : ': ';
    const blocks: DocxBlock[] = [];
    blocks.push({ kind: 'heading', text: tr(lang, 'chart/overview') }, { kind: 'figure', grid: legendGrid(lang) });
    if (report.tasks.length && report.cities.some((c) => c.hasPlan)) {
      blocks.push({ kind: 'subheading', text: tr(lang, 'chart/coverage') }, { kind: 'figure', grid: coverageGrid(report, lang) });
    }
    if (report.cities.length === 0) blocks.push({ kind: 'paragraph', text: tr(lang, 'gaps/no-cities') });
    for (const city of report.cities) {
      // each city on its own pages, as in the HTML report: its heading never left at the foot of a page
      blocks.push({ kind: 'heading', pageBreak: true, text: tr(lang, 'gaps/city', { name: city.name, city: city.city }) });
      if (!city.hasPlan) blocks.push({ kind: 'paragraph', text: tr(lang, 'gaps/no-plan'), bold: true });
      for (const [heading, items] of gapLists(city, lang)) {
        blocks.push({ kind: 'paragraph', small: true, text: `${heading}${sep}${items.length ? items.join(lang === 'zh' ? '；' : '; ') : tr(lang, 'gaps/none')}` });
      }
      if (city.targets.length) blocks.push({ kind: 'figure', grid: summaryGrid(city, lang) });
      const quantified = city.targets.filter(isQuantified);
      if (quantified.length) {
        blocks.push({ kind: 'subheading', text: tr(lang, 'chart/targets') });
        for (const s of quantified) {
          const grids = targetGrids(s, lang);
          grids.forEach((grid, i) => blocks.push({ kind: 'figure', grid, keepNext: i < grids.length - 1 }));
        }
      }
      if (city.targets.length === 0) {
        blocks.push({ kind: 'paragraph', small: true, text: tr(lang, 'gaps/no-targets') });
      } else {
        blocks.push({ kind: 'subheading', text: tr(lang, 'gaps/targets') });
        blocks.push({
          kind: 'table',
          table: {
            headings: columnTitles(lang),
            rows: city.targets.map((s) => {
              const row = targetRow(s, lang);
              return COLUMNS.map((c) => (c === 'status' ? statusName(row.status, lang) : row[c]));
            }),
            widths: COLUMNS.map((c) => WIDTHS[c]),
            centred: COLUMNS.map((c) => CENTRED.has(c)),
            keep: true,
          },
        });
      }
      for (const line of unitLines(city, lang)) blocks.push({ kind: 'paragraph', small: true, text: line });
      blocks.push({ kind: 'paragraph', small: true, bold: true, text: summaryLine(city, lang) });
    }
    blocks.push({ kind: 'heading', text: tr(lang, 'gaps/method-title') }, { kind: 'paragraph', small: true, text: tr(lang, 'gaps/method') });
    return docxDocument({
      lang,
      title: titleLine(report, lang),
      subtitle: [asOfLine(report, lang)],
      attachment: opts.attachment,
      landscape: true,
      blocks,
      date: opts.date,
      tableSize: 21,
    });
  },
};
