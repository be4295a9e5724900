/** What the formats share: merged cells, page titles and the widths of text. */
import { tr } from '../../i18n/index.js';
import type { Table, TableReport } from '../../tables/types.js';
import { displayWidth, graphemeSegments } from '../width.js';

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
  return parts;
}

/** Display width in terminal columns: a Chinese character counts 2. */
export function width(text: string): number {
  return displayWidth(text);
}

/** Punctuation that must not start a line (避头点). */
const NO_LINE_START = /^[，。、；：？！）》」』”’]$/u;
/** Punctuation that must not end a line (避尾点). */
const NO_LINE_END = /^[（《「『“‘]$/u;

/** Words of Latin text stay whole; CJK text breaks between any two characters. */
function tokens(line: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const segment of graphemeSegments(line)) {
    const wide = width(segment) > 1;
    if (segment === ' ' || wide || NO_LINE_START.test(segment) || NO_LINE_END.test(segment)) {
      if (word) out.push(word);
      word = '';
      out.push(segment);
    } else {
      word += segment;
    }
  }
  if (word) out.push(word);
  return out;
}

/** Text wrapped to `max` columns, keeping words whole where they fit and closing punctuation off the start of a line. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let current: string[] = [];
    let w = 0;
    const flush = () => {
      lines.push(current.join('').trimEnd());
      current = [];
      w = 0;
    };
    for (const tok of tokens(para)) {
      const tw = width(tok);
      if (w + tw <= max) {
        if (!(w === 0 && tok === ' ')) {
          current.push(tok);
          w += tw;
        }
        continue;
      }
      if (NO_LINE_START.test(tok) && current.length > 1) {
        // carry the last character down with the punctuation
        const last = current.pop()!;
        flush();
        current = [last, tok];
        w = width(last) + tw;
        continue;
      }
      // an opening bracket goes down with what it opens
      const carried: string[] = [];
      while (current.length > 1 && NO_LINE_END.test(current[current.length - 1])) carried.unshift(current.pop()!);
      if (current.length) flush();
      if (tok === ' ') continue;
      if (carried.length) {
        current = carried;
        w = carried.reduce((n, c) => n + width(c), 0);
        if (w + tw <= max) {
          current.push(tok);
          w += tw;
          continue;
        }
        flush();
      }
      if (tw <= max) {
        current = [tok];
        w = tw;
        continue;
      }
      // a word longer than the column: cut it
      for (const segment of graphemeSegments(tok)) {
        const sw = width(segment);
        if (w + sw > max && current.length) flush();
        current.push(segment);
        w += sw;
      }
    }
    flush();
  }
  return lines;
}
