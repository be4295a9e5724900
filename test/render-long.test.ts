/**
 * Long texts in the renderers: a measure, a baseline or a quoted value of thousands of characters
 * comes out wrapped or cut to a bounded width, with nothing lost that should be kept.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { copyExample, edit } from './helpers/ci-repo.js';
import { PART_ROWS, tableCells, text as textTables } from '../src/render/tables/text.js';
import { stylish, MAX_ALIGN } from '../src/render/lint/stylish.js';
import { countFindings } from '../src/render/lint/types.js';
import { clipValue, MAX_QUOTED, t } from '../src/i18n/index.js';
import { displayWidth } from '../src/render/width.js';
import type { Row, Table, TableReport } from '../src/tables/types.js';
import { measureTable } from './helpers/tables.js';
import type { Diagnostic as Finding } from '../src/types.js';

/** 5,000 characters of Chinese with English words and punctuation, all different, so a lost piece shows. */
function longMeasure(length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i++) text += `第${i}项：推动清理、修改和废止不适应共同富裕示范市建设要求的规章（rule ${i} review）。`;
  return text.slice(0, length);
}

/** The text of column `col` of a cli-table3 drawing, line after line, spaces removed. */
function columnText(drawing: string, col: number): string {
  return drawing
    .split('\n')
    .filter((l) => l.startsWith('│'))
    .map((l) => (l.split('│')[col + 1] ?? '').replace(/\s+/g, ''))
    .join('');
}

describe('a long measure in `plans table`', () => {
  const measure = longMeasure(5000);

  it('is handed to cli-table3 as one-line cells no wider than their column', () => {
    const table: Table = measureTable([
      { group: 'a', cells: { city: '宁波市', action: 'NB-01 政府立法服务共同富裕示范市建设', measure } },
      { group: 'a', cells: { city: '宁波市', action: 'NB-01 政府立法服务共同富裕示范市建设', measure: '短的举措' } },
    ] as unknown as Row[]);
    const widths = [6, 8, 26];
    const rows = [...tableCells(table, widths).rows];
    for (const row of rows) {
      row.forEach((cell, c) => {
        const content = typeof cell === 'object' && cell !== null ? String((cell as { content: unknown }).content) : String(cell);
        expect(content).not.toContain('\n');
        expect(stringWidth(content)).toBeLessThanOrEqual(widths[c]);
      });
    }
    // the measure is all there, in order
    const text = rows.map((row) => (typeof row[2] === 'object' ? String((row[2] as { content: unknown }).content) : String(row[2]))).join('');
    expect(text.replace(/\s+/g, '')).toContain(measure.replace(/\s+/g, ''));
    // 5,000 characters, about 9,000 columns, in lines of at most 26: several hundred lines
    expect(rows.length).toBeGreaterThan(340);
  });

  it('comes out of the command wrapped to the table, the text all there', async () => {
    const dir = copyExample();
    edit(dir, 'ningbo/plan.yaml', '      - 研究制定支持共同富裕示范区建设的系列配套法规规章', `      - "${measure}"`);
    const run = await runCli(['table', 'responsibilities', dir, '--city', 'ningbo']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => /^[│├┌└]/.test(l));
    const widths = new Set(lines.map((l) => stringWidth(l)));
    expect([...widths]).toHaveLength(1);
    expect([...widths][0]).toBeLessThanOrEqual(100);
    const heading = run.stdout.split('\n').find((l) => l.startsWith('│'))!.split('│').map((s) => s.trim());
    const col = heading.indexOf('Measure') - 1;
    expect(col).toBeGreaterThanOrEqual(0);
    expect(columnText(run.stdout, col)).toContain(measure.replace(/\s+/g, ''));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('a table taller than one cli-table3 part', () => {
  it('is drawn as one table: one top border, one bottom border, a rule above each row', async () => {
    const rows: Table['rows'] = [];
    for (let a = 0; a < 50; a++) {
      for (let m = 0; m < 3; m++) {
        rows.push({ group: `g${a}`, ids: {}, cells: { city: '宁波市', action: `NB-${a} 政府立法服务共同富裕示范市建设`, measure: `第${a}-${m}项：推动清理、修改和废止不适应共同富裕示范市建设要求的地方性法规` } });
      }
    }
    const table: Table = measureTable(rows);
    const report: TableReport = { lang: 'zh', campaign: { id: 'c', title: '' }, date: '2022-07-01', cities: [], limited: false, tables: [table] };
    const out = (await textTables.render(report, { width: 60 })) as string;
    const lines = out.split('\n').filter((l) => /^[│├┌└]/.test(l));
    expect([...tableCells(table, [6, 10, 30]).rows].length).toBeGreaterThan(2 * PART_ROWS);
    expect(lines.filter((l) => l.startsWith('┌'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('└'))).toHaveLength(1);
    expect(lines[0].startsWith('┌')).toBe(true);
    expect(lines[lines.length - 1].startsWith('└')).toBe(true);
    expect(new Set(lines.map((l) => stringWidth(l))).size).toBe(1);
    // a rule under the heading and above every row but the first: 150 in all; the city and the
    // action are merged over the three measures of an action, so 50 rules cross them
    expect(lines.filter((l) => l.includes('─') && !/^[┌└]/.test(l))).toHaveLength(150);
    expect(lines.filter((l) => l.startsWith('├'))).toHaveLength(50);
    expect(lines.filter((l) => /^│ +│ +├─/.test(l))).toHaveLength(100);
    for (let a = 0; a < 50; a++) for (let m = 0; m < 3; m++) expect(columnText(out, 2)).toContain(`第${a}-${m}项：`);
  });
});

describe('a long baseline text in `plans gaps`', () => {
  it('wraps within its column and keeps the number shown after it', async () => {
    const dir = copyExample();
    // no digits: the text does not show the baseline's number, which then follows it in brackets
    const text = longMeasure(3000).replace(/\d/g, '');
    edit(dir, 'ningbo/plan.yaml', 'baseline: {value: 4.0, date: 2021-12-31}', `baseline: {value: 4.0, date: 2021-12-31, text: "${text}"}`);
    // wide enough for the English table (below about 106 columns it prints records)
    const run = await runCli(['gaps', dir, '--city', 'ningbo', '--no-color'], { env: { COLUMNS: '140' } });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => /^[│├┌└]/.test(l));
    const widths = new Set(lines.map((l) => stringWidth(l)));
    expect([...widths]).toHaveLength(1);
    // ten columns, none wider than 30 columns of text
    expect([...widths][0]).toBeLessThanOrEqual(10 * 33 + 1);
    const baseline = columnText(run.stdout, 2);
    expect(baseline).toContain(`${text.replace(/\s+/g, '')}(4)`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('values quoted in messages', () => {
  it('are cut to 200 characters with … in the middle', () => {
    const value = 'a'.repeat(50_000) + 'MIDDLE' + 'z'.repeat(50_000);
    const clipped = clipValue(value);
    expect(clipped).toHaveLength(MAX_QUOTED);
    expect(clipped).toBe(`${'a'.repeat(140)}…${'z'.repeat(59)}`);
    expect(clipValue('short')).toBe('short');
    expect(clipValue('x'.repeat(200))).toBe('x'.repeat(200));
    // a surrogate pair is never split
    const emoji = '😀'.repeat(150);
    expect(clipValue(emoji)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('keep a finding about a 100 KB value to a bounded length, in both languages and both kinds of template', () => {
    const value = '值abc '.repeat(20_000);
    const placeholder = t('schema/pattern-id', { name: 'lead', value });
    const fn = t('unknown-reference/unknown', { sort: 'owner', id: value });
    for (const m of [placeholder, fn]) {
      for (const text of [m.zh, m.en]) {
        expect(text.length).toBeLessThan(MAX_QUOTED + 200);
        expect(text).toContain('…');
      }
    }
  });
});

describe('stylish with a huge message', () => {
  it('does not pad the other findings to its width', () => {
    const finding = (line: number, text: string): Finding =>
      ({ rule: 'r', severity: 'warning', file: 'a.yaml', line, column: 1, endLine: line, endColumn: 2, message: { zh: text, en: text }, offset: 0, endOffset: 1 }) as unknown as Finding;
    const findings = [finding(1, 'short message'), finding(2, 'x'.repeat(100_000)), finding(3, 'another message')];
    const out = stylish(countFindings(findings, 1), { lang: 'en', chalk: new Chalk({ level: 0 }), cwd: '/' });
    const lines = out.split('\n');
    const short = lines.find((l) => l.includes('short message'))!;
    const other = lines.find((l) => l.includes('another message'))!;
    expect(stringWidth(short)).toBeLessThan(MAX_ALIGN + 40);
    // the short ones still line up their rule ids
    expect(short.indexOf('  r')).toBe(other.indexOf('  r'));
    // the huge one wraps under itself within the width (100 without a terminal), all of it shown,
    // its rule id after its last line
    const start = lines.findIndex((l) => l.startsWith('  2:1'));
    const end = lines.findIndex((l, i) => i > start && /x  +r$/.test(l));
    expect(end).toBeGreaterThan(start);
    expect(lines.slice(start, end + 1).join('').replace(/[^x]/g, '')).toHaveLength(100_000);
    expect(Math.max(...lines.map((l) => stringWidth(l)))).toBeLessThanOrEqual(100);
  });
});

describe('displayWidth', () => {
  it('counts as string-width does, short or long, Chinese, English or other', () => {
    const alphabet = fc.constantFrom('a', ' ', '7', '中', '，', '“', '”', '…', '→', 'ア', '한', '😀', 'é', '\u0301', 'Ａ', '\t', '€', '👍🏽');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 700 }), (chars) => {
        const text = chars.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 200 },
    );
  });
});
