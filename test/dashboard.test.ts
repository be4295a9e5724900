/**
 * The gap report as a dashboard: a chart per quantified target with its id and figures in the
 * text alternative, charts that stand alone and reference nothing outside, what falls due next,
 * and the --owner / --status filters of `plans gaps` and `plans table targets`.
 */
import { execFileSync } from 'node:child_process';
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
  progress: number | null;
  elapsed: number | null;
  units?: { unit: string; status: string; progress: number | null }[];
  unitsShort?: string[];
}
interface DueJson {
  kind: string;
  city: string;
  action: string;
  measure?: number;
  target?: string;
  due: string;
  lead: string | null;
  support: string[];
  status?: string;
}
interface GapsJson {
  cities: { city: string; targets: TargetJson[]; actionsWithoutTarget: string[] }[];
  dueSoon?: { from: string; until: string; days: number; items: DueJson[] };
}

async function gaps(...args: string[]) {
  const run = await runCli(['gaps', example, ...args], { cwd: root });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}
const gapsJson = async (...args: string[]) => JSON.parse(await gaps('--format', 'json', ...args)) as GapsJson;

/** Every <svg> of a page with its aria-label, its <title> and its text. */
function charts(page: string): { svg: string; label: string; title: string }[] {
  return [...page.matchAll(/<svg\b[^>]*>[\s\S]*?<\/svg>/g)].map((m) => {
    const svg = m[0];
    const label = /^<svg\b[^>]*\baria-label="([^"]*)"/.exec(svg)?.[1] ?? '';
    const title = /<title>([^<]*)<\/title>/.exec(svg)?.[1] ?? '';
    return { svg, label, title };
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** What a self-contained page must not hold: anything fetched from outside, a script, a web font. */
function outsideReferences(page: string): string[] {
  const found: string[] = [];
  for (const [name, re] of [
    ['http(s) URL', /https?:/i],
    ['@import', /@import/i],
    ['<link>', /<link\b/i],
    ['<script>', /<script\b/i],
    ['@font-face', /@font-face/i],
    ['src=', /\bsrc\s*=/i],
    ['href= (not to #)', /\bhref\s*=\s*"(?!#)/i],
    ['url() not to #', /url\(\s*(?!['"]?#)/i],
    ['xlink', /xlink:/i],
  ] as const) {
    if (re.test(page)) found.push(name);
  }
  return found;
}

describe('gaps --format html: the charts', () => {
  it('every quantified target of the example has its chart, its id and figures in the <title> and aria-label', async () => {
    for (const lang of ['zh', 'en']) {
      const page = await gaps('--format', 'html', '--lang', lang);
      const doc = await gapsJson('--lang', lang);
      const all = charts(page);
      const quantified = doc.cities.flatMap((c) => c.targets).filter((t) => t.status !== 'not-quantified');
      expect(quantified.length).toBeGreaterThan(15);
      for (const target of quantified) {
        const mine = all.filter((c) => c.label.startsWith(`${target.id} `));
        expect(mine, `${lang}: chart of ${target.id}`).toHaveLength(1);
        const { svg, label, title } = mine[0];
        expect(title).toBe(label);
        expect(svg).toMatch(/^<svg\b[^>]*\brole="img"/);
        if (target.units) {
          // small multiples: one bar per unit, each unit's p in the text alternative
          for (const u of target.units) if (u.progress !== null) expect(label).toContain(pct(u.progress));
          const bars = svg.match(/<rect [^>]*fill="url\(#c\d+-[a-z-]+\)"/g) ?? [];
          expect(bars.length).toBeGreaterThanOrEqual(target.units.filter((u) => u.progress !== null && u.progress > 0).length);
        } else if (target.progress !== null) {
          expect(label).toContain(pct(target.progress));
          if (target.elapsed !== null) expect(label).toContain(pct(target.elapsed));
        }
      }
      // a target in words has no chart
      const qualitative = doc.cities.flatMap((c) => c.targets).filter((t) => t.status === 'not-quantified');
      expect(qualitative.length).toBeGreaterThan(0);
      for (const t of qualitative) expect(all.some((c) => c.label.startsWith(`${t.id} `))).toBe(false);
    }
  });

  it('the units that fall short are named under their small multiples', async () => {
    const page = await gaps('--format', 'html', '--lang', 'zh', '--city', 'wenzhou');
    const chart = charts(page).find((c) => c.label.startsWith('WZ-01-K1 '))!;
    // WZ-01-K1 falls short in 龙湾区, 洞头区, 文成县, 泰顺县
    expect(chart.svg).toContain('未达进度：龙湾区、洞头区、文成县、泰顺县');
    expect((chart.svg.match(/stroke-dasharray="3 2"/g) ?? []).length).toBe(4);
  });

  it('a status summary per city and a coverage map that name their city and figures', async () => {
    const page = await gaps('--format', 'html', '--lang', 'en');
    const labels = charts(page).map((c) => c.label);
    expect(labels).toContain('杭州市 target statuses: achieved 2, on track 4, at risk 2, off track 1, no data 1, not quantified 1');
    const coverage = labels.find((l) => l.startsWith('Coverage of province tasks'))!;
    expect(coverage).toContain('14 tasks × 3 cities');
    expect(coverage).toContain('宁波市 T08, T10');
    expect(coverage).toContain('温州市 T02, T06.3, T08, T10');
  });

  it('every status of the legend has its pattern, symbol and label; the charts are standalone XML with unique ids', async () => {
    const page = await gaps('--format', 'html', '--lang', 'zh');
    const legend = charts(page).find((c) => c.svg.includes('class="chart legend"'))!;
    for (const label of ['已完成', '按期', '有风险', '滞后', '未完成', '无数据', '未量化']) expect(legend.svg).toContain(`>${label}</text>`);
    const ids = [...page.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { svg } of charts(page)) {
      // a pattern a chart uses is defined in that chart: each picture can be taken out alone
      for (const [, ref] of svg.matchAll(/url\(#([^)]+)\)/g)) expect(svg).toContain(`id="${ref}"`);
    }
  });

  it('xmllint reads every chart as well-formed SVG', async () => {
    const hasXmllint = fs.existsSync('/usr/bin/xmllint');
    if (!hasXmllint && !process.env.CI) return;
    expect(hasXmllint, 'xmllint (libxml2-utils) is not installed').toBe(true);
    const page = await gaps('--format', 'html', '--lang', 'zh');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-dash-'));
    try {
      const svgs = charts(page).map((c) => c.svg.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" '));
      const file = path.join(dir, 'charts.xml');
      fs.writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n<charts>${svgs.join('\n')}</charts>\n`);
      const count = execFileSync('xmllint', ['--xpath', 'count(/charts/*[local-name()="svg"])', file], { encoding: 'utf8' });
      expect(Number(count)).toBe(svgs.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('references nothing outside the file: no URL, no @import, no <link>, no script, no web font', async () => {
    for (const args of [['--lang', 'zh'], ['--lang', 'en', '--due-within', '200'], ['--lang', 'zh', '--owner', 'nb-sfj']]) {
      expect(outsideReferences(await gaps('--format', 'html', ...args))).toEqual([]);
    }
    const table = await runCli(['table', 'all', example, '--format', 'html', '--lang', 'en'], { cwd: root });
    expect(outsideReferences(table.stdout)).toEqual([]);
    // the check itself finds what it is meant to
    expect(outsideReferences('<img src="https://x/y.png"><style>@import "a.css"; b { background: url(c.png) }</style>')).toEqual([
      'http(s) URL',
      '@import',
      'src=',
      'url() not to #',
    ]);
  });

  it('page numbers 第 N 页 / 共 M 页 (Page N of M) in an @page margin box; each city and the method begin a page', async () => {
    const zh = await gaps('--format', 'html', '--lang', 'zh');
    expect(zh).toMatch(/@bottom-center \{ content: "第 " counter\(page\) " 页 \/ 共 " counter\(pages\) " 页"/);
    expect(await gaps('--format', 'html', '--lang', 'en')).toMatch(/content: "Page " counter\(page\) " of " counter\(pages\);/);
    expect(zh).toMatch(/section\.city \{ break-before: page;/);
    expect(zh).toMatch(/section\.method \{ break-before: page;/);
    expect((zh.match(/<section class="city"/g) ?? []).length).toBe(3);
  });
});

describe('what falls due next', () => {
  it('json: the actions, measures and targets due within --due-within days of the as-of date, with their leads', async () => {
    const doc = await gapsJson('--due-within', '100');
    expect(doc.dueSoon).toMatchObject({ from: '2022-06-30', until: '2022-10-08', days: 100 });
    const items = doc.dueSoon!.items;
    expect(items.map((x) => [x.due, x.kind, x.action, x.measure])).toEqual([
      ['2022-06-30', 'measure', 'HZ-04', 2],
      ['2022-06-30', 'measure', 'WZ-03', 3],
      ['2022-09-30', 'measure', 'HZ-04', 1],
      ['2022-09-30', 'measure', 'WZ-03', 2],
    ]);
    for (const x of items) expect(x.lead).toMatch(/^(hz|wz)-sfj-/);
    for (let i = 1; i < items.length; i++) expect(items[i].due >= items[i - 1].due).toBe(true);
  });

  it('the default window is 30 days; a later as-of date moves it; 0 days is the as-of day alone', async () => {
    const d30 = await gapsJson();
    expect(d30.dueSoon).toMatchObject({ from: '2022-06-30', until: '2022-07-30', days: 30 });
    expect(d30.dueSoon!.items.every((x) => x.due >= '2022-06-30' && x.due <= '2022-07-30')).toBe(true);
    const sep = await gapsJson('--as-of', '2022-09-15');
    expect(sep.dueSoon!.items.map((x) => `${x.action}/${x.measure}`)).toEqual(['HZ-04/1', 'WZ-03/2']);
    const oct = await gapsJson('--as-of', '2022-10-01', '--due-within', '0');
    expect(oct.dueSoon!.items).toEqual([]);
    // with the year end in the window, every action due then is listed with its lead
    const dec = await gapsJson('--as-of', '2022-12-01');
    const actions = dec.dueSoon!.items.filter((x) => x.kind === 'action');
    expect(actions.length).toBeGreaterThan(20);
    expect(actions.every((x) => x.due === '2022-12-31')).toBe(true);
    expect(dec.dueSoon!.items.filter((x) => x.kind === 'target').every((x) => x.status !== 'achieved')).toBe(true);
  });

  it('text, markdown and html carry the section', async () => {
    expect(await gaps('--lang', 'zh', '--due-within', '100')).toMatch(/近期到期事项（2022-06-30 至 2022-10-08）\n2022-06-30 举措 杭州市 HZ-04 第 2 项举措：.*；牵头：杭州市司法局/);
    expect(await gaps('--format', 'markdown', '--due-within', '100')).toMatch(/## What falls due next \(2022-06-30 to 2022-10-08\)\n\n\| Due \| Kind \| City \| Item \| Lead \| Support \|\n/);
    const page = await gaps('--format', 'html', '--lang', 'zh', '--due-within', '100');
    expect(page).toContain('<h2>近期到期事项（2022-06-30 至 2022-10-08）</h2>');
    expect((page.match(/<table class="due">[\s\S]*?<\/table>/)?.[0].match(/<tr>/g) ?? []).length).toBe(1 + 4);
  });

  it('a bad --due-within: one line, exit 2', async () => {
    const run = await runCli(['gaps', example, '--due-within', 'soon'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('--owner and --status', () => {
  it('gaps --owner: only what the owner leads or supports (a measure or support counts), only its cities', async () => {
    const doc = await gapsJson('--owner', 'nb-sfj-lsgzc');
    expect(doc.cities.map((c) => c.city)).toEqual(['ningbo']);
    // NB-04 and NB-07 it leads, NB-06 it supports
    expect(doc.cities[0].targets.map((t) => t.id)).toEqual(['NB-04-K1', 'NB-06-K1', 'NB-07-K1']);
    // a bureau sees what its divisions do
    const bureau = await gapsJson('--owner', 'nb-sfj');
    const all = await gapsJson('--city', 'ningbo');
    expect(bureau.cities[0].targets.map((t) => t.id)).toEqual(all.cities[0].targets.map((t) => t.id));
  });

  it('gaps --status (repeatable): only targets of those statuses, counted as shown', async () => {
    const doc = await gapsJson('--status', 'at-risk', '--status', 'off-track');
    const statuses = doc.cities.flatMap((c) => c.targets.map((t) => t.status));
    expect(statuses.length).toBe(7);
    expect(new Set(statuses)).toEqual(new Set(['at-risk', 'off-track']));
    const text = await gaps('--status', 'off-track', '--city', 'hangzhou');
    expect(text).toContain('1 target: 1 off track');
    expect(text).toContain('Filtered: status off track');
  });

  it('table targets takes both filters', async () => {
    const run = await runCli(['table', 'targets', example, '--format', 'json', '--owner', 'nb-sfj-lsgzc', '--status', 'off-track'], { cwd: root });
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout).rows as { ids: { target: string; status: string } }[];
    expect(rows.map((r) => r.ids.target)).toEqual(['NB-07-K1']);
    // the page says it is filtered
    const text = await runCli(['table', 'targets', example, '--lang', 'zh', '--status', 'at-risk'], { cwd: root });
    expect(text.stdout.split('\n')[1]).toContain('筛选：状态 有风险');
    expect(text.stdout).not.toContain('按期');
  });

  it('an unknown owner or status, or a filter on another table: one line on stderr, exit 2', async () => {
    for (const args of [
      ['gaps', example, '--owner', 'nb-sfj-lsgz'],
      ['gaps', example, '--status', 'late'],
      ['gaps', example, '--status', 'ontrack'],
      ['table', 'targets', example, '--owner', 'nobody-at-all'],
      ['table', 'targets', example, '--status', 'done'],
      ['table', 'responsibilities', example, '--owner', 'nb-sfj'],
      ['table', 'all', example, '--status', 'at-risk'],
    ]) {
      const run = await runCli(args, { cwd: root });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect((await runCli(['gaps', example, '--owner', 'nb-sfj-lsgz'], { cwd: root })).stderr).toContain('did you mean `nb-sfj-lsgzc`');
    expect((await runCli(['gaps', example, '--status', 'ontrack'], { cwd: root })).stderr).toContain('did you mean `on-track`');
  });
});

describe('table --format html in the same style', () => {
  it('status cells carry their status, numbers are right-aligned, 序号 and short headings do not wrap', async () => {
    const run = await runCli(['table', 'targets', example, '--format', 'html', '--lang', 'zh'], { cwd: root });
    expect(run.code).toBe(0);
    const page = run.stdout;
    expect(page).toMatch(/<td class="status off-track">滞后<\/td>/);
    expect(page).toMatch(/<td class="status at-risk">有风险<\/td>/);
    expect(page).toMatch(/td\.status\.off-track \{ color: #[0-9a-f]{6}; background: #[0-9a-f]{6}; font-weight: bold; \}/);
    // 12000 (a baseline) right-aligned; a baseline in words is not
    expect(page).toMatch(/<td class="num">12000<\/td>/);
    expect(page).toMatch(/<td>2021年全年5200件<\/td>/);
    expect(page).toMatch(/<th scope="col" class="nowrap">序号<\/th>/);
    expect(page).toMatch(/td\.num \{ text-align: right;/);
  });

  it('column widths follow the language: an English column is as wide as its longest word', async () => {
    const { columnShares, textEm } = await import('../src/render/tables/layout.js');
    const en = JSON.parse((await runCli(['table', 'targets', example, '--format', 'json', '--lang', 'en'], { cwd: root })).stdout);
    const zh = JSON.parse((await runCli(['table', 'targets', example, '--format', 'json', '--lang', 'zh'], { cwd: root })).stdout);
    const asTable = (doc: { columns: { key: string; heading: string }[]; rows: Record<string, string>[] }) => ({
      name: 'targets' as const,
      title: '',
      // the widths the table asks for are those of the builder (the json gives no widths): the same for both languages
      columns: doc.columns.map((c) => ({ ...c, width: c.key === 'nature' ? 4 : c.key === 'no' ? 3 : 8, nowrap: c.key === 'no' || c.key === 'due' })),
      rows: doc.rows.map((r) => ({ cells: r, ids: {} })),
    });
    const line = 80;
    const nature = (doc: typeof en) => doc.columns.findIndex((c: { key: string }) => c.key === 'nature');
    const enShare = columnShares(asTable(en), line)[nature(en)];
    const zhShare = columnShares(asTable(zh), line)[nature(zh)];
    // "expected" and "binding" need more room than 预期性 and 约束性
    expect(enShare * line).toBeGreaterThanOrEqual(textEm('expected'));
    expect(enShare * line).toBeGreaterThanOrEqual(textEm('Nature', true));
    expect(enShare).toBeGreaterThan(zhShare);
    // the shares fill the line
    expect(columnShares(asTable(en), line).reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 9);
  });
});
