/** `plans gaps` on the reference example: the JSON shape of cli.md, every format, --city, --as-of, and figures checked by hand. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const root = path.join(__dirname, '..');
const example = 'examples/zhejiang-2022';

interface TargetJson {
  id: string;
  status: string;
  baseline: number | null;
  target: number | null;
  latest: number | null;
  latestDate: string | null;
  progress: number | null;
  elapsed: number | null;
  unitsShort?: string[];
}
interface CityJson {
  city: string;
  tasksNotCovered: string[];
  actionsWithoutTarget: string[];
  requiredIndicatorsMissing: string[];
  targets: TargetJson[];
}
interface GapsJson {
  campaign: string;
  asOf: string | null;
  cities: CityJson[];
}

async function gapsJson(...args: string[]): Promise<GapsJson> {
  const run = await runCli(['gaps', example, '--format', 'json', ...args], { cwd: root });
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as GapsJson;
}

const targetOf = (doc: GapsJson, id: string) => doc.cities.flatMap((c) => c.targets).find((x) => x.id === id)!;

describe('plans gaps --format json', () => {
  it('has the shape of cli.md', async () => {
    const doc = await gapsJson();
    // cli.md's keys, then what falls due next (an addition: test/dashboard.test.ts)
    expect(Object.keys(doc)).toEqual(['campaign', 'asOf', 'cities', 'dueSoon']);
    expect(doc.campaign).toBe('fazhu-gongfu-2022');
    expect(doc.asOf).toBe('2022-06-30');
    expect(doc.cities.map((c) => c.city)).toEqual(['hangzhou', 'ningbo', 'wenzhou']);
    for (const city of doc.cities) {
      expect(Object.keys(city)).toEqual(expect.arrayContaining(['city', 'tasksNotCovered', 'actionsWithoutTarget', 'requiredIndicatorsMissing', 'targets']));
      for (const x of city.targets) {
        expect(Object.keys(x).slice(0, 8)).toEqual(['id', 'status', 'baseline', 'target', 'latest', 'latestDate', 'progress', 'elapsed']);
      }
    }
  });

  it('lists what each city leaves uncovered (as the example README says)', async () => {
    const doc = await gapsJson();
    const city = (id: string) => doc.cities.find((c) => c.city === id)!;
    expect(city('hangzhou').tasksNotCovered).toEqual([]);
    expect(city('ningbo').tasksNotCovered).toEqual(['T08', 'T10']);
    expect(city('wenzhou').tasksNotCovered).toEqual(['T02', 'T06.3', 'T08', 'T10']);
    expect(city('hangzhou').actionsWithoutTarget).toEqual(['HZ-08', 'HZ-10']);
    expect(city('ningbo').actionsWithoutTarget).toEqual(['NB-01', 'NB-02', 'NB-03', 'NB-08', 'NB-09', 'NB-10', 'NB-12']);
    expect(city('wenzhou').actionsWithoutTarget).toEqual(['WZ-02']);
    expect(city('hangzhou').requiredIndicatorsMissing).toEqual([]);
    expect(city('ningbo').requiredIndicatorsMissing).toEqual(['satisfaction-rate']);
    expect(city('wenzhou').requiredIndicatorsMissing).toEqual(['lawyers-per-10k', 'satisfaction-rate']);
  });

  it('gives every target of the example the status its progress file expects', async () => {
    const doc = await gapsJson();
    const statuses = Object.fromEntries(doc.cities.flatMap((c) => c.targets.map((x) => [x.id, x.status])));
    expect(statuses).toEqual({
      'HZ-01-K1': 'on-track', 'HZ-02-K1': 'on-track', 'HZ-03-K1': 'off-track', 'HZ-04-K1': 'achieved',
      'HZ-05-K1': 'at-risk', 'HZ-05-K2': 'on-track', 'HZ-05-K3': 'achieved', 'HZ-06-K1': 'at-risk',
      'HZ-07-K1': 'on-track', 'HZ-09-K1': 'not-quantified', 'HZ-09-K2': 'no-data',
      'NB-04-K1': 'no-data', 'NB-05-K1': 'on-track', 'NB-06-K1': 'at-risk', 'NB-07-K1': 'off-track', 'NB-11-K1': 'on-track',
      'WZ-01-K1': 'off-track', 'WZ-01-K2': 'on-track', 'WZ-02-K1': 'not-quantified', 'WZ-03-K1': 'achieved',
      'WZ-03-K2': 'at-risk', 'WZ-03-K3': 'achieved', 'WZ-04-K1': 'no-data',
    });
  });

  it('agrees with figures computed by hand', async () => {
    const doc = await gapsJson();
    // 2021-12-31 → 2022-06-30 is 181 days; → 2022-12-31 is 365; → 2025-12-31 is 1461
    const e2022 = 181 / 365;
    const e2025 = 181 / 1461;
    // NB-07-K1: change +20% from 5200 → T = 6240; p = (5500 - 5200) / 1040
    expect(targetOf(doc, 'NB-07-K1')).toMatchObject({ baseline: 5200, target: 6240, latest: 5500, latestDate: '2022-06-30' });
    expect(targetOf(doc, 'NB-07-K1').progress).toBeCloseTo(300 / 1040, 4);
    expect(targetOf(doc, 'NB-07-K1').elapsed).toBeCloseTo(e2022, 4);
    // HZ-07-K1: +5% a year over 4 years, compound: T = 4800 × 1.05⁴ = 5834.43; p = 160 / 1034.43
    expect(targetOf(doc, 'HZ-07-K1').target).toBeCloseTo(5834.43, 2);
    expect(targetOf(doc, 'HZ-07-K1').progress).toBeCloseTo(160 / 1034.43, 4);
    expect(targetOf(doc, 'HZ-07-K1').elapsed).toBeCloseTo(e2025, 4);
    // HZ-06-K1: better lower, 0.30 → 0.20, a = 0.255: p = 0.045 / 0.1 = 0.45 ≥ e - 0.1 = 0.396
    expect(targetOf(doc, 'HZ-06-K1').progress).toBeCloseTo(0.45, 4);
    // WZ-01-K1 per unit: 洞头 and 泰顺 1 of 5 (p = 0.2, off-track), 龙湾 and 文成 2 of 5 (p = 0.4, at-risk)
    expect(targetOf(doc, 'WZ-01-K1').unitsShort).toEqual(['longwan', 'dongtou', 'wencheng', 'taishun']);
    expect(targetOf(doc, 'WZ-01-K1').progress).toBeCloseTo(0.2, 4);
  });

  it('--city keeps only those cities, in the campaign order', async () => {
    const doc = await gapsJson('--city', 'wenzhou', '--city', 'hangzhou');
    expect(doc.cities.map((c) => c.city)).toEqual(['hangzhou', 'wenzhou']);
  });

  it('--as-of before the reports leaves every quantified target without data', async () => {
    const doc = await gapsJson('--as-of', '2022-03-31');
    expect(doc.asOf).toBe('2022-03-31');
    const statuses = new Set(doc.cities.flatMap((c) => c.targets.map((x) => x.status)));
    expect([...statuses].sort()).toEqual(['no-data', 'not-quantified']);
  });
});

describe('plans gaps formats', () => {
  it('text: a table per city, a summary line and the method, without colour when not a terminal', async () => {
    // the English table needs about 106 columns with its headings' words whole: below, records
    const narrow = await runCli(['gaps', example], { cwd: root });
    expect(narrow.stdout).not.toContain('┌');
    expect(narrow.stdout).toMatch(/^Target {6}HZ-03-K1$/m);
    const run = await runCli(['gaps', example], { cwd: root, env: { COLUMNS: '140' } });
    expect(run.code).toBe(0);
    // a printed report names the city, not its id
    expect(run.stdout).toMatch(/^杭州市$/m);
    expect(run.stdout).not.toContain('(hangzhou)');
    expect(run.stdout).toMatch(/│ HZ-03-K1 │.*│ 31\.3%\s+│ 49\.6%\s+│ off track/);
    expect(run.stdout).toContain('11 targets: 2 achieved, 4 on track, 2 at risk, 1 off track, 1 no data, 1 not quantified');
    expect(run.stdout).toContain('Province tasks not covered: 2 — T08');
    expect(run.stdout).toContain('p = (a − b) / (T − b)');
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('text in Chinese, with statuses coloured under FORCE_COLOR', async () => {
    const run = await runCli(['gaps', example, '--lang', 'zh', '--city', 'wenzhou'], { cwd: root, env: { FORCE_COLOR: '1' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\u001b[31m滞后');
    expect(run.stdout).toContain('共 7 个目标：已完成 2，按期 1，有风险 1，滞后 1，无数据 1，未量化 1');
    expect(run.stdout).toContain('洞头区 1（滞后）');
    expect(run.stdout).toContain('完成进度 p = (a − b) / (T − b)');
  });

  it('--no-color wins over FORCE_COLOR', async () => {
    const run = await runCli(['gaps', example, '--no-color'], { cwd: root, env: { FORCE_COLOR: '1' } });
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('markdown: a section and a table per city', async () => {
    const run = await runCli(['gaps', example, '--format', 'markdown', '--lang', 'zh'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# 差距报告/);
    expect(run.stdout).toContain('## 宁波市\n');
    expect(run.stdout).not.toContain('（ningbo）');
    expect(run.stdout).toContain('| NB-07-K1 | 涉外法律服务业务量 | 2021年全年5200件 | +20% → 6240 | 2022-12-31 | 5500 | 2022-06-30 | 28.8% | 49.6% | 滞后 |');
    expect(run.stdout).toContain('## 计算方法');
  });

  it('html: one self-contained page for A4', async () => {
    const run = await runCli(['gaps', example, '--format', 'html'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(run.stdout).toContain('@page { size: A4');
    expect(run.stdout).not.toMatch(/<script|<link|src="http/);
    expect(run.stdout).toContain('<td class="status off-track">off track</td>');
    expect(run.stdout).toContain('“法助共富、法护平安”专项行动');
  });

  it('--out writes the file and nothing to stdout', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-gaps-'));
    const out = path.join(dir, 'gaps.html');
    const run = await runCli(['gaps', path.join(root, example), '--format', 'html', '--out', out], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(fs.readFileSync(out, 'utf8')).toContain('</html>');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('plans gaps arguments', () => {
  it('an unknown city: one line on stderr, exit 2, with the closest id', async () => {
    const run = await runCli(['gaps', example, '--city', 'wenzou'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain("did you mean `wenzhou`");
  });

  it('an unknown format or a bad date: exit 2', async () => {
    expect((await runCli(['gaps', example, '--format', 'pdf'], { cwd: root })).code).toBe(2);
    expect((await runCli(['gaps', example, '--as-of', '2022-13-01'], { cwd: root })).code).toBe(2);
  });

  it('a repository with errors still gets its report, exit 0, and one line on stderr', async () => {
    const run = await runCli(['gaps', 'test/fixtures/rules/unknown-reference-trigger', '--format', 'json'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout).cities.map((c: CityJson) => c.city)).toEqual(['alpha', 'beta']);
  });
});
