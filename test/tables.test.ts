import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const root = path.join(__dirname, '..');
const example = path.join(root, 'examples/zhejiang-2022');
const TABLES = ['responsibilities', 'targets', 'coverage', 'owners'];
const FORMATS = ['text', 'markdown', 'csv', 'json', 'html', 'xlsx'];

/** A small repository with every form of target written without `text`. */
const FORMS = `kind: Campaign
id: c
title: 测试行动
period: {start: 2021-01-01, end: 2025-12-31}
cities: [{id: a, name: 甲市}, {id: b, name: 乙市}]
tasks:
  - {id: T1, title: 任务一}
  - id: T2
    title: 任务二
    subtasks: [{id: T2.1, title: 子任务甲}, {id: T2.2, title: 子任务乙}]
indicators:
  - {id: gdp-growth, name: GDP增长, unit: "%", better: higher}
---
kind: Owners
owners:
  - {id: a-sfj, name: 甲市司法局, city: a}
  - {id: a-x, name: "甲市某处 | 二科", city: a}
  - {id: b-sfj, name: 乙市司法局, city: b}
---
kind: Plan
campaign: c
city: a
title: 甲市方案
owner: a-sfj
units: [{id: u1, name: 一县}, {id: u2, name: 二县}]
actions:
  - id: A-01
    title: 行动一
    tasks: [T1, T2]
    lead: a-sfj
    support: [a-x]
    due: 2025-12-31
    measures: ["举措 | 甲"]
    targets:
      - {id: K1, name: 企业数, unit: 家, baseline: {value: 21000, date: 2020-12-31}, target: {op: ">=", value: 30000}, due: 2025-12-31}
      - {id: K2, name: 区间, unit: "%", baseline: {value: 77.3, text: "77.3*"}, target: {min: 5.0, max: 5.5}}
      - {id: K3, name: 增长, baseline: {value: 13.5, text: "[13.5]"}, target: {change: "+20%"}}
      - {id: K4, name: 左右, target: {op: "~", value: 5}}
      - {id: K5, name: 相对, target: {op: ">", than: gdp-growth}}
      - {id: K6, name: 每县, per: unit, target: {op: ">=", value: 5}}
      - {id: K7, name: 年均, baseline: {value: 100.0, date: 2020-12-31}, target: {annual_change: "+7%"}, nature: binding}
      - {id: K8, name: 五点五, target: {op: "<=", value: 5.50}}
---
kind: Plan
campaign: c
city: b
title: 乙市方案
owner: b-sfj
actions:
  - {id: B-01, title: 乙行动, tasks: [T2.1], lead: b-sfj, due: 2022-12-31}
`;

function formsRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-tables-'));
  fs.writeFileSync(path.join(dir, 'repo.yaml'), FORMS);
  return dir;
}

type JsonRow = Record<string, string> & { ids: Record<string, unknown> };
async function rows(args: string[], opts: { cwd?: string } = {}): Promise<JsonRow[]> {
  const run = await runCli(['table', ...args, '--format', 'json'], opts);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).rows as JsonRow[];
}

describe('plans table: every table in every format', () => {
  for (const table of TABLES) {
    for (const format of FORMATS) {
      it(`${table} as ${format}`, async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-out-'));
        const out = path.join(dir, `${table}.${format}`);
        const run = await runCli(['table', table, example, '--format', format, '--lang', 'zh', '--out', out]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const bytes = fs.readFileSync(out);
        if (format === 'xlsx') {
          expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip container
          return;
        }
        const text = bytes.toString('utf8');
        // every table names each city: in a cell, or in the coverage table's headings
        for (const city of ['杭州市', '宁波市', '温州市']) expect(text).toContain(city);
        if (format === 'csv') expect(text.startsWith('\uFEFF')).toBe(true);
        if (format === 'json') expect(JSON.parse(text).table).toBe(table);
        if (format === 'markdown') expect(text).toMatch(/^\|( --- \|)+$/m);
        if (format === 'html') expect(text).toContain('<thead>');
      });
    }
  }
});

describe('responsibilities', () => {
  it('has one row per measure, with the duty of the measure or else of its action, owners by name', async () => {
    const all = await rows(['responsibilities', example, '--lang', 'zh']);
    const hz01 = all.filter((r) => r.ids.action === 'HZ-01');
    expect(hz01).toHaveLength(3);
    // a plain-string measure: its action's lead, support and due
    expect(hz01[0].lead).toBe('杭州市司法局法治督察处');
    expect(hz01[0].support).toBe('杭州市司法局立法处、杭州市司法局行政执法协调监督处');
    expect(hz01[0].due).toBe('2022-12-31');
    expect(hz01[2].due).toBe('2022-11-30');
    const hz04 = all.filter((r) => r.ids.action === 'HZ-04');
    expect(hz04[1]).toMatchObject({ measure: '推进实施《杭州市行政赔偿和追偿办法》', lead: '杭州市司法局行政复议应诉处', support: '杭州市司法局行政执法协调监督处', due: '2022-06-30' });
    // a measure with its own lead and no support is that lead's alone
    expect(all.find((r) => r.ids.action === 'HZ-02')!.support).toBe('');
    expect(hz01[0].action).toBe('HZ-01 共同富裕法治同行行动');
    expect(hz01[0].city).toBe('杭州市');
  });

  it('puts the actions of the document carrying the plan title first', async () => {
    const order = [...new Set((await rows(['responsibilities', example, '--city', 'hangzhou'])).map((r) => r.ids.action))];
    expect(order).toEqual(['HZ-01', 'HZ-02', 'HZ-03', 'HZ-04', 'HZ-05', 'HZ-06', 'HZ-07', 'HZ-08', 'HZ-09', 'HZ-10']);
  });

  it('follows --lang in headings, and --city (repeatable) in rows', async () => {
    const en = JSON.parse((await runCli(['table', 'responsibilities', example, '--format', 'json', '--city', 'ningbo', '--city', 'wenzhou'])).stdout);
    expect(en.columns.map((c: { heading: string }) => c.heading)).toEqual(['No.', 'City', 'Action', 'Measure', 'Lead', 'Support', 'Due']);
    expect(new Set(en.rows.map((r: JsonRow) => r.ids.city))).toEqual(new Set(['ningbo', 'wenzhou']));
    expect(en.cities).toEqual(['ningbo', 'wenzhou']);
    const zh = JSON.parse((await runCli(['table', 'responsibilities', example, '--format', 'json', '--lang', 'zh'])).stdout);
    expect(zh.columns.map((c: { heading: string }) => c.heading)).toEqual(['序号', '城市', '行动', '具体举措', '牵头单位', '配合单位', '完成时限']);
  });
});

describe('targets', () => {
  it('prints the drafter’s wording, baselines as written, nature, the latest value and the status', async () => {
    const all = await rows(['targets', example, '--lang', 'zh']);
    const by = (id: string) => all.find((r) => r.ids.target === id)!;
    expect(by('NB-06-K1')).toMatchObject({ wording: '法治体检企业3万家以上', baseline: '21000', nature: '约束性', latest: '24800', status: '有风险', unit: '家' });
    // p = (24800 - 21000) / (30000 - 21000) = 0.422; e = 181 / 365 = 0.496; p >= e - 0.1: at risk
    expect(by('NB-04-K1').baseline).toBe('4.0');
    expect(by('NB-04-K1').wording).toBe('≥ 5');
    expect(by('NB-07-K1').baseline).toBe('2021年全年5200件');
    expect(by('HZ-06-K1')).toMatchObject({ baseline: '0.30', wording: '≤ 0.20', latest: '0.255' });
    expect(by('WZ-03-K3')).toMatchObject({ latest: '98.1（对比 96.7）', status: '已完成' });
    expect(by('WZ-02-K1')).toMatchObject({ status: '未量化', latest: '' });
    // per unit: the units that fall short, by name
    expect(by('WZ-01-K1').status).toBe('滞后');
    expect(by('WZ-01-K1').latest).toContain('洞头区 1');
    expect(by('WZ-01-K1').latest).toContain('泰顺县 1');
    expect(by('WZ-01-K1').latest).not.toContain('瓯海区');
  });

  it('ignores progress after --as-of', async () => {
    const before = await rows(['targets', example, '--as-of', '2022-05-31']);
    expect(new Set(before.map((r) => r.ids.status))).toEqual(new Set(['no-data', 'not-quantified']));
    expect(before.every((r) => r.latest === '')).toBe(true);
  });

  it('writes the wording of each form when the drafter gave no text', async () => {
    const dir = formsRepo();
    const zh = await rows(['targets', dir, '--lang', 'zh']);
    const w = Object.fromEntries(zh.map((r) => [r.ids.target, r.wording]));
    expect(w).toEqual({ K1: '≥ 30000', K2: '5.0–5.5', K3: '+20%', K4: '5 左右', K5: '高于GDP增长', K6: '每县 ≥ 5', K7: '年均 +7%', K8: '≤ 5.50' });
    const b = Object.fromEntries(zh.map((r) => [r.ids.target, r.baseline]));
    expect(b).toMatchObject({ K1: '21000', K2: '77.3*', K3: '[13.5]', K7: '100.0', K4: '' });
    expect(zh.find((r) => r.ids.target === 'K7')!.nature).toBe('约束性');
    const en = await rows(['targets', dir, '--lang', 'en']);
    const we = Object.fromEntries(en.map((r) => [r.ids.target, r.wording]));
    expect(we).toMatchObject({ K4: 'about 5', K5: 'above GDP增长', K6: 'each county ≥ 5', K7: '+7% a year' });
    expect(en.find((r) => r.ids.target === 'K1')!.nature).toBe('expected');
  });
});

describe('coverage', () => {
  it('shows the actions covering each leaf task per city, and what is not covered', async () => {
    const all = await rows(['coverage', example, '--lang', 'zh']);
    const by = (id: string) => all.find((r) => r.task === id)!;
    expect(all.map((r) => r.task)).toEqual(['T01', 'T02', 'T03', 'T04', 'T05.1', 'T05.2', 'T05.3', 'T06.1', 'T06.2', 'T06.3', 'T07', 'T08', 'T09', 'T10']);
    expect(by('T02')['city:wenzhou']).toBe('未覆盖');
    expect(by('T05.2')['city:ningbo']).toBe('NB-05、NB-07');
    expect(by('T05.2').title).toBe('公共法律服务扶弱托底 · 公证和涉外法律服务');
    expect(by('T08').ids['city:ningbo']).toEqual([]);
  });

  it('counts an action that lists a parent task as covering its subtasks', async () => {
    const all = await rows(['coverage', formsRepo(), '--lang', 'en']);
    expect(all.map((r) => [r.task, r['city:a'], r['city:b']])).toEqual([
      ['T1', 'A-01', 'not covered'],
      ['T2.1', 'A-01', 'B-01'],
      ['T2.2', 'A-01', 'not covered'],
    ]);
  });
});

describe('owners', () => {
  it('lists what each owner leads and supports, its measures and its nearest due date', async () => {
    const all = await rows(['owners', example, '--lang', 'zh']);
    const fzdc = all.find((r) => r.ids.owner === 'hz-sfj-fzdc')!;
    expect(fzdc.owner).toBe('杭州市司法局法治督察处');
    expect(fzdc.city).toBe('杭州市');
    expect(fzdc.ids.led).toEqual(['HZ-01']);
    expect(fzdc.ids.supported).toEqual(['HZ-02', 'HZ-04', 'HZ-10']);
    // HZ-01's three measures (two inherit the action's lead, one names it), HZ-04 none, …
    expect(fzdc.measuresLed).toBe('3');
    expect(fzdc.due).toBe('2022-11-30');
    const later = (await rows(['owners', example, '--as-of', '2022-12-01'])).find((r) => r.ids.owner === 'hz-sfj-fzdc')!;
    expect(later.due).toBe('2022-12-31');
    const province = all.find((r) => r.ids.owner === 'zj-jdglj')!;
    expect(province.city).toBe('省级');
    expect(province.ids.supported).toEqual(['HZ-06', 'WZ-04']);
  });
});

describe('formats', () => {
  it('text fits the terminal width, has no colour codes, and keeps Chinese columns aligned', async () => {
    for (const width of [100, 72]) {
      const stdout = Object.assign(new (await import('node:stream')).PassThrough(), { columns: width });
      let text = '';
      stdout.on('data', (c: Buffer) => (text += c.toString()));
      const { main } = await import('../src/cli/main.js');
      const code = await main(['node', 'plans', 'table', 'responsibilities', example, '--lang', 'zh'], { cwd: root, env: { LANG: 'zh_CN.UTF-8' }, stdout, stderr: process.stderr });
      expect(code).toBe(0);
      expect(text).not.toContain('\u001b[');
      const tableLines = text.split('\n').filter((l) => /^[│┌├└]/.test(l));
      expect(tableLines.length).toBeGreaterThan(20);
      const widths = new Set(tableLines.map((l) => stringWidth(l)));
      expect(widths.size).toBe(1); // every line of the box is as wide as the others
      expect([...widths][0]).toBeLessThanOrEqual(width);
    }
  });

  it('markdown escapes pipes and leaves merged cells blank below their first row', async () => {
    const run = await runCli(['table', 'responsibilities', formsRepo(), '--format', 'markdown']);
    expect(run.stdout).toContain('| 1 | 甲市 | A-01 行动一 | 举措 \\| 甲 | 甲市司法局 | 甲市某处 \\| 二科 | 2025-12-31 |');
    const md = (await runCli(['table', 'responsibilities', example, '--format', 'markdown', '--city', 'hangzhou'])).stdout;
    expect(md).toMatch(/^\| \d+ \| {2}\| {2}\| 做好列入计划项目的起草、审查和提请审议工作 \| /m);
  });

  it('json rows carry exactly the column keys plus ids, in column order', async () => {
    for (const table of TABLES) {
      const doc = JSON.parse((await runCli(['table', table, example, '--format', 'json'])).stdout);
      const keys = doc.columns.map((c: { key: string }) => c.key);
      for (const row of doc.rows) expect(Object.keys(row)).toEqual([...keys, 'ids']);
    }
  });

  it('all: every table, in one document', async () => {
    const doc = JSON.parse((await runCli(['table', 'all', example, '--format', 'json'])).stdout);
    expect(doc.tables.map((t: { table: string }) => t.table)).toEqual(TABLES);
    const md = (await runCli(['table', 'all', example, '--format', 'markdown', '--lang', 'zh'])).stdout;
    for (const title of ['## 分工责任清单', '## 指标表', '## 省级任务覆盖表', '## 责任单位任务表']) expect(md).toContain(title);
  });
});

describe('plans table: usage and errors', () => {
  it('exits 2 with one line for a bad table, format, city, date, xlsx without --out and csv of all', async () => {
    for (const args of [
      ['table', 'budget', example],
      ['table', 'targets', example, '--format', 'pdf'],
      ['table', 'targets', example, '--city', 'shanghai'],
      ['table', 'targets', example, '--as-of', '2022-13-01'],
      ['table', 'targets', example, '--format', 'xlsx'],
      ['table', 'all', example, '--format', 'csv'],
    ]) {
      const run = await runCli(args, { cwd: root });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
  });

  it('refuses to write onto an input file and leaves it as it was', async () => {
    const dir = formsRepo();
    const input = path.join(dir, 'repo.yaml');
    const run = await runCli(['table', 'targets', dir, '--format', 'csv', '--out', input]);
    expect(run.code).toBe(2);
    expect(fs.readFileSync(input, 'utf8')).toBe(FORMS);
    expect(fs.readdirSync(dir)).toEqual(['repo.yaml']);
  });

  it('leaves no file behind when the output cannot be written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-out-'));
    const out = path.join(dir, 'no-such-folder', 'targets.xlsx');
    const run = await runCli(['table', 'targets', example, '--format', 'xlsx', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('still makes the table of a repository with errors: one line on stderr, exit 0', async () => {
    const dir = formsRepo();
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'kind: Plan\ncity: a\nactions: [\n');
    fs.writeFileSync(path.join(dir, 'bad-ref.yaml'), 'kind: Owners\nowners:\n  - {id: a-y, name: 甲市某科, city: nowhere, parent: nobody}\n');
    const run = await runCli(['table', 'responsibilities', dir, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/errors/);
    expect(JSON.parse(run.stdout).rows.length).toBe(2);
  });
});
