/** What the formats share: merged cells, page titles and the widths of text. */
import { tr } from '../../i18n/index.js';
import type { Table, TableReport } from '../../tables/types.js';
import { displayWidth, graphemeSegments } from '../width.js';
import { wrapText, wrapTokens } from '../wrap.js';

/** For a merged column at a row: how many rows the cell spans (0: covered by the cell above). */
export type Spans = number[][];

/**
 * Row spans of the `merge` columns: consecutive rows of one group with the same value share a
 * cell, and a column merges only where the columns to its left do.
 */
export function mergeSpans(table: Table): Spans {
  const spans: Spans = table.rows.map(() => table.columns.map(() => 1));
  table.columns.forEach((col, c) => {
    if (!col.merge) return;
    let start = 0;
    for (let r = 1; r <= table.rows.length; r++) {
      const row = table.rows[r];
      const prev = table.rows[r - 1];
      const same =
        r < table.rows.length &&
        row.group !== undefined &&
        row.group === prev.group &&
        row.cells[col.key] === prev.cells[col.key] &&
        table.columns.slice(0, c).every((x, k) => !x.merge || spans[r][k] === 0);
      if (same) {
        spans[r][c] = 0;
      } else {
        spans[start][c] = r - start;
        start = r;
      }
    }
  });
  return spans;
}

/** `“法助共富、法护平安”专项行动 · 分工责任清单`. */
export function documentTitle(report: TableReport): string {
  const table = report.tables.length === 1 ? report.tables[0].title : report.tables.map((t) => t.title).join(report.lang === 'zh' ? '、' : ', ');
  return report.campaign.title ? tr(report.lang, 'tables/document-title', { campaign: report.campaign.title, table }) : table;
}

/** The line under the title: the date made, progress as of, and the cities when limited. */
export function subtitleParts(report: TableReport): string[] {
  const parts = [tr(report.lang, 'tables/made-on', { date: report.date })];
  if (report.asOf) parts.push(tr(report.lang, 'tables/as-of', { date: report.asOf }));
  if (report.limited) parts.push(tr(report.lang, 'tables/cities', { cities: report.cities.map((c) => c.name) }));
  const f = report.filter;
  if (f && (f.owner || f.statuses?.length)) {
    const lang = report.lang;
    const what: string[] = [];
    if (f.owner) what.push(tr(lang, 'gaps/filtered/owner', { owner: f.owner }));
    if (f.statuses?.length) what.push(tr(lang, 'gaps/filtered/status', { statuses: f.statuses.map((s) => tr(lang, `tables/status/${s}`)) }));
    parts.push(tr(lang, 'gaps/filtered', { parts: what.join(lang === 'zh' ? '；' : '; ') }));
  }
  return parts;
}

/** Display width in terminal columns: a Chinese character counts 2. */
export function width(text: string): number {
  return displayWidth(text);
}

/** The one line wrapper of the renderers (../wrap.ts); re-exported for the table formats. */
export { wrapText };

/** Ems of a text in a CJK sans font: a wide character a full em, a narrow one about 0.6 (bold headings a little more). */
export function textEm(text: string, bold = false): number {
  let em = 0;
  for (const segment of graphemeSegments(text)) em += width(segment) > 1 ? 1 : 0.6;
  return bold ? em * 1.08 : em;
}

/** The widest piece of a text that a line may not break inside: a Latin word (CJK breaks between characters), or the whole text when it must not wrap. */
function unbreakableEm(text: string, nowrap: boolean, bold = false): number {
  let max = 0;
  for (const line of text.split('\n')) {
    if (nowrap) {
      max = Math.max(max, textEm(line, bold));
      continue;
    }
    for (const tok of wrapTokens(line)) if (tok !== ' ') max = Math.max(max, textEm(tok, bold));
  }
  return max;
}

/** A short heading (序号, Due, Nature) stays on one line; a longer one wraps between its words. */
export function headingNowrap(heading: string): boolean {
  return textEm(heading, true) <= 6;
}

/** A word longer than this (an id run wild, a URL) may be broken rather than take the page. */
const MAX_WORD_EM = 14;
/** Padding and border of a cell, in ems. */
const CELL_PAD_EM = 0.9;

/**
 * Column widths as shares of the table (summing to 1), for a line of `available` ems: each
 * column at least as wide as its longest word in the language in use (or its whole text when
 * it must not wrap), the rest shared out in proportion to the widths the table asks for. So an
 * English "Nature" column is not cut to "Natur/e", and 序号 stays on one line.
 */
export function columnShares(table: Table, available: number): number[] {
  const mins = table.columns.map((c) => {
    let em = unbreakableEm(c.heading, headingNowrap(c.heading), true);
    for (const row of table.rows) em = Math.max(em, unbreakableEm(row.cells[c.key] ?? '', !!c.nowrap));
    return Math.min(em, MAX_WORD_EM) + CELL_PAD_EM;
  });
  const wanted = table.columns.map((c) => c.width);
  const widths = wanted.map(() => 0);
  // water-filling: columns whose share would be under their minimum get it; the others share what is left
  const fixed = new Set<number>();
  for (;;) {
    const left = available - [...fixed].reduce((a, i) => a + mins[i], 0);
    const weight = wanted.reduce((a, w, i) => (fixed.has(i) ? a : a + w), 0);
    let changed = false;
    wanted.forEach((w, i) => {
      if (fixed.has(i)) return;
      const share = weight > 0 ? (left * w) / weight : 0;
      if (share < mins[i]) {
        fixed.add(i);
        changed = true;
      }
    });
    if (!changed || fixed.size === wanted.length) {
      wanted.forEach((w, i) => (widths[i] = fixed.has(i) ? mins[i] : weight > 0 ? (Math.max(left, 0) * w) / weight : 0));
      break;
    }
  }
  const total = widths.reduce((a, w) => a + w, 0);
  return widths.map((w) => w / total);
}
