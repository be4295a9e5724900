import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { mergeSpans, wrapText } from '../src/render/tables/layout.js';
import { fitColumns } from '../src/render/tables/text.js';
import { html } from '../src/render/tables/html.js';
import type { Table, TableReport } from '../src/tables/types.js';
import { measureTable } from './helpers/tables.js';

describe('wrapText', () => {
  it('breaks Chinese between characters within the width', () => {
    expect(wrapText('推进法治政府示范创建', 8)).toEqual(['推进法治', '政府示范', '创建']);
  });

  it('keeps closing punctuation off the start of a line and opening brackets off the end', () => {
    // "，" would start line 2: the character before it comes down with it
    expect(wrapText('推进法治，示范创建', 8)).toEqual(['推进法', '治，示范', '创建']);
    // "《" would end line 1 and "》" start line 3
    expect(wrapText('执行《办法》', 6)).toEqual(['执行', '《办', '法》']);
    for (const line of wrapText('将《杭州市优化营商环境条例》《杭州市乡村建设条例》等项目列入年度立法计划', 10)) {
      expect(line).not.toMatch(/^[，。、；：）》」』]/);
      expect(line).not.toMatch(/[（《「『]$/);
      expect(stringWidth(line)).toBeLessThanOrEqual(10);
    }
  });

  it('keeps English words whole where they fit, keeps numbers whole, and cuts a word longer than the column', () => {
    expect(wrapText('on track', 5)).toEqual(['on', 'track']);
    expect(wrapText('98.1（对比 96.7）', 8)).toEqual(['98.1（对', '比', '96.7）']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('a\nb', 10)).toEqual(['a', 'b']);
  });
});

const table = (rows: [string, string, string][]): Table =>
  measureTable(rows.map(([city, action, measure]) => ({ cells: { city, action, measure }, group: `${city}/${action}`, ids: {} })));

describe('mergeSpans', () => {
  it('merges the cells of one group, and a column only where the columns left of it merge', () => {
    const spans = mergeSpans(
      table([
        ['甲', 'A', '1'],
        ['甲', 'A', '2'],
        ['甲', 'A', '3'],
        ['甲', 'B', '4'],
        ['乙', 'B', '5'],
      ]),
    );
    expect(spans.map((r) => r.slice(0, 2))).toEqual([
      [3, 3],
      [0, 0],
      [0, 0],
      [1, 1],
      [1, 1],
    ]);
    expect(spans.every((r) => r[2] === 1)).toBe(true);
  });
});

describe('fitColumns', () => {
  it('keeps natural widths when they fit and shares the rest by paper width when they do not', () => {
    const t = table([['杭州市', 'HZ-01 共同富裕法治同行行动', '与《法治杭州建设规划(2021-2025年)》、司法行政发展“十四五”规划并轨推进']]);
    const cells = ['杭州市', 'HZ-01 共同富裕法治同行行动', '与《法治杭州建设规划(2021-2025年)》、司法行政发展“十四五”规划并轨推进'];
    expect(fitColumns(t, 200)).toEqual(cells.map((c) => stringWidth(c)));
    expect(fitColumns(t, 200)[0]).toBe(6);
    const narrow = fitColumns(t, 60);
    expect(narrow[0]).toBe(6); // a short column stays whole
    expect(narrow.reduce((a, b) => a + b, 0) + 3 * 3 + 1).toBeLessThanOrEqual(60);
    expect(narrow[2]).toBeGreaterThan(narrow[1]); // the measure is wider on paper than the action
  });
});

describe('html print set-up', () => {
  it('A4 page, header row repeated, rows kept whole, CJK fonts, no external resource', async () => {
    const report: TableReport = {
      lang: 'zh',
      campaign: { id: 'c', title: '测试<行动>' },
      date: '2022-07-01',
      cities: [],
      limited: false,
      tables: [table([['甲', 'A', '1 & 2']])],
    };
    const page = (await html.render(report, { width: 100 })) as string;
    expect(page).toMatch(/@page \{ size: A4 landscape;/);
    expect(page).toContain('thead { display: table-header-group; }');
    expect(page).toMatch(/tr, tbody\.group \{ break-inside: avoid;/);
    expect(page).toContain('"Noto Sans CJK SC"');
    expect(page).toContain('<title>测试&lt;行动&gt; · t 2022-07-01</title>');
    expect(page).toContain('<td>1 &amp; 2</td>');
    expect(page).not.toMatch(/<(link|script|img)\b|url\(|@import/);
  });
});
