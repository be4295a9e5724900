/**
 * Hostile input, round 2 (issue 18): inputs from a fuzzing round that crashed, injected, blew up or
 * were silently misread. Each test fails on the code before the fix; the scale cases are measured
 * in bench/scale.mjs (time and memory against size), here only their structure is checked.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { t, type MessageId } from '../../src/i18n/index.js';
import { MAX_EXPANDED_NODES, MAX_EXPANSION_FACTOR } from '../../src/load/parse.js';
import * as validators from '../../src/schema/validators.generated.js';
import { runCli } from '../helpers/cli.js';
import { MINI, cleanTemp, lintBytes, lintMany, repo, root, tempDir } from './helpers.js';

afterAll(cleanTemp);

/** MINI with a `per: unit` target (one unit, xh) and a progress report whose `units:` is `units`. */
function perUnit(units: string): Record<string, string> {
  return {
    ...MINI,
    'hz/plan.yaml': MINI['hz/plan.yaml']
      .replace('owner: hz-sfj\n', 'owner: hz-sfj\nunits:\n  - {id: xh, name: 西湖区}\n')
      .replace('        unit: 人/万人\n', '        unit: 人/万人\n        per: unit\n'),
    'hz/progress.yaml': ['kind: Progress', 'campaign: c2022', 'city: hz', 'as_of: 2022-06-30', 'values:', '  - target: HZ-01-K1', `    units: ${units}`, ''].join('\n'),
  };
}

const INTERNAL = /internal error|This is a defect/;

describe('crashes', () => {
  for (const key of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
    it(`a per-unit value only for the unknown unit \`${key}\` is a finding in lint, gaps, table and compile, not a crash`, async () => {
      const dir = repo(perUnit(`{${key}: 5}`));
      for (const args of [['lint'], ['gaps'], ['table', 'targets'], ['compile', '--allow-errors']]) {
        const run = await runCli([...args, '.'], { cwd: dir });
        expect(run.stderr, args.join(' ')).not.toMatch(INTERNAL);
        expect(run.code, args.join(' ')).not.toBe(2);
      }
      const lint = await runCli(['lint', '.', '--format', 'json'], { cwd: dir });
      const findings = JSON.parse(lint.stdout)[0]?.messages ?? JSON.parse(lint.stdout);
      const text = JSON.stringify(findings);
      expect(text).toContain(`'${key}'`);
      expect(text).not.toContain('[object Object]');
    });
  }

  it('__proto__ as a key reads the same in the fast reader as in the yaml package (an own key, not the prototype)', () => {
    const linted = lintMany(perUnit('{__proto__: 5, xh: 6}'));
    const plan = linted.files.find((f) => f.path === 'hz/progress.yaml')!;
    const units = (plan.docs[0].value as { values: { units: object }[] }).values[0].units;
    expect(Object.keys(units)).toEqual(['__proto__', 'xh']);
    expect(Object.getPrototypeOf(units)).toBe(Object.prototype);
  });

  it('a unit key that is no id is shown as the key, at the key (not `[object Object]` at the mapping)', () => {
    const linted = lintMany(perUnit('{"-bad": 5}'));
    const schema = linted.findings.filter((f) => f.rule === 'schema');
    expect(schema).toHaveLength(1);
    const message = schema[0].message as unknown as { id: string; data: { value: string }; en: string };
    expect(message.id).toBe('schema/pattern-key');
    expect(message.data.value).toBe('-bad');
    expect(message.en).not.toContain('[object Object]');
    expect([schema[0].line, schema[0].column]).toEqual([7, 13]);
  });

  it('validators append errors in place: no `vErrors.concat` copy per item (quadratic at 80,000 owners)', () => {
    const code = Object.values(validators)
      .filter((v) => typeof v === 'function')
      .map((v) => String(v))
      .join('\n');
    expect(code).toMatch(/vErrors/);
    expect(code).not.toMatch(/vErrors\.concat\(/);
  });

  it('150,000 schema findings of one document come out (no spread of a huge array: Maximum call stack size)', () => {
    const n = 150_000;
    const linted = lintBytes(`kind: Owners\nowners: [${Array(n).fill('1').join(', ')}]\n`, 'owners.yaml');
    expect(linted.findings.filter((f) => f.rule === 'schema')).toHaveLength(n);
  }, 120_000);

  it('alias expansion is bounded: one anchor used 90 times over a large list is a yaml-syntax finding, not 4 GB of table', () => {
    const big = Array.from({ length: 12_000 }, (_, i) => i).join(', ');
    const text = ['kind: Owners', `x: &big [${big}]`, 'owners:', ...Array.from({ length: 90 }, () => '  - {id: a, name: *big}'), ''].join('\n');
    const linted = lintBytes(text, 'owners.yaml');
    const found = linted.findings.filter((f) => f.rule === 'yaml-syntax');
    expect(found.map((f) => f.message)).toEqual([t('yaml/alias-expansion', { factor: MAX_EXPANSION_FACTOR })]);
    expect(MAX_EXPANDED_NODES).toBeGreaterThan(MAX_EXPANSION_FACTOR);
    expect(linted.files[0].docs[0].parsed).toBe(false);
  });

  it('plans compile writes its document in pieces, not as one string (which cannot pass 512 MB)', async () => {
    const owners = ['kind: Owners', 'owners:', '  - {id: prov, name: 省司法厅}', '  - {id: hz-sfj, name: 杭州市司法局, city: hz}'];
    for (let i = 0; i < 3000; i++) owners.push(`  - {id: o${i}, name: 单位${i}, city: hz}`);
    const dir = repo({ ...MINI, 'owners.yaml': owners.join('\n') + '\n' });
    const writes: string[] = [];
    const stdout = new (class extends Writable {
      override _write(chunk: Buffer, _e: BufferEncoding, done: () => void) {
        writes.push(chunk.toString());
        done();
      }
    })();
    const stderr = new Writable({ write: (_c, _e, done) => done() });
    const code = await main(['node', 'plans', 'compile', '.'], { cwd: dir, env: { LANG: 'en_US.UTF-8' }, stdout, stderr });
    expect(code).toBe(0);
    expect(writes.length).toBeGreaterThan(2);
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(200_000);
    const doc = JSON.parse(writes.join(''));
    expect(doc.owners).toHaveLength(3002);
    // the same text as one JSON.stringify
    expect(writes.join('')).toBe(JSON.stringify(doc, null, 2) + '\n');
  });

  it('SOURCE_DATE_EPOCH that is no date is a usage line (exit 2), not an internal error', async () => {
    for (const epoch of ['99999999999999999', 'yesterday', '-5', '1e3']) {
      const run = await runCli(['table', 'targets', '.'], { cwd: repo(MINI), env: { SOURCE_DATE_EPOCH: epoch } });
      expect(run.code, epoch).toBe(2);
      expect(run.stderr.trim().split('\n'), epoch).toEqual([`plans: ${t('cli/bad-epoch', { value: epoch }).en}`]);
    }
    const ok = await runCli(['table', 'targets', '.', '--format', 'json'], { cwd: repo(MINI), env: { SOURCE_DATE_EPOCH: '1656547200' } });
    expect(ok.code).toBe(0);
  });

  it('a deleted working folder is one line and exit 2, no stack', () => {
    const dir = tempDir();
    // through the built CLI: a child whose folder is gone
    const bin = path.join(root, 'bin/plans.js');
    let out = '';
    let status = 0;
    try {
      execFileSync('sh', ['-c', `cd "${dir}" && rmdir "${dir}" && exec "${process.execPath}" "${bin}" lint`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8' } });
    } catch (err) {
      const e = err as { status: number; stderr: string };
      status = e.status;
      out = e.stderr;
    }
    expect(status).toBe(2);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toContain(t('cli/no-cwd', { code: 'ENOENT' }).en);
    expect(out).not.toMatch(/\n\s+at /);
  });
});

describe('odd inputs', () => {
  it('--as-of 2022-02-31 is refused', async () => {
    for (const cmd of [['gaps'], ['table', 'targets']]) {
      const run = await runCli([...cmd, '.', '--as-of', '2022-02-31'], { cwd: repo(MINI) });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`plans: ${t('cli/bad-date', { option: '--as-of', value: '2022-02-31' }).en}\n`);
    }
    expect((await runCli(['gaps', '.', '--as-of', '2024-02-29'], { cwd: repo(MINI) })).code).not.toBe(2);
  });

  it('plans.config.yaml above the repository root (the folder holding .git) does not apply', async () => {
    const outer = repo({ 'plans.config.yaml': 'ignore: ["**"]\n' });
    const dir = path.join(outer, 'repo');
    for (const [rel, content] of Object.entries({ ...MINI, 'owners.yaml': 'kind: Owners\nowners:\n  - {id: prov, name: 省司法厅, sity: x}\n  - {id: hz-sfj, name: 杭州市司法局, city: hz}\n' })) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    }
    fs.mkdirSync(path.join(dir, '.git'));
    const run = await runCli(['lint', '.', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('sity');
    // without .git the config above is the nearest one, as before: it ignores every file, and a lint of nothing is exit 2
    fs.rmdirSync(path.join(dir, '.git'));
    expect((await runCli(['lint', '.'], { cwd: dir })).code).toBe(2);
  });

  it('--baseline and --config on a FIFO, /dev/zero or a folder: one line, exit 2, no hang', async () => {
    const dir = repo(MINI);
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const [option, target, what] of [
      ['--baseline', fifo, 'load/what-fifo'],
      ['--config', fifo, 'load/what-fifo'],
      ['--baseline', '/dev/zero', 'load/what-special'],
      ['--config', '/dev/zero', 'load/what-special'],
      ['--config', dir, 'load/what-folder'],
    ]) {
      const run = await runCli(['lint', '.', option, target], { cwd: dir });
      expect(run.code, `${option} ${target}`).toBe(2);
      expect(run.stderr).toBe(`plans: ${t('cli/file-refused', { path: target, reason: t('load/not-a-file', { what: t(what as MessageId) }) }).en}\n`);
    }
  });

  it('a baseline larger than its limit is refused without reading it all', async () => {
    const dir = repo(MINI);
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 300 * 1024 * 1024); // sparse: no disk used
    const run = await runCli(['lint', '.', '--baseline', big], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^plans: .*big\.json: /);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });
});

const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/;

describe('injection', () => {
  const ESC = '\u001b[1A\u001b[2K';
  const hostileTitle = `专项${ESC}行动\u200b\u0007`;

  it('stylish shows control and invisible characters of plan text written out, and a newline in a file name starts no line', async () => {
    const dir = repo({ 'x.yaml': `kind: "Pl${ESC}an\u200b"\n`, 'a\n::error file=b.yaml.yaml': 'kind: Owners\nowners:\n  - {id: a, name: A, sity: x}\n' });
    const run = await runCli(['lint', '.'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stdout).toContain('\\u001b[1A\\u001b[2K');
    expect(run.stdout).toContain('\\u200b');
    expect(run.stdout).toContain('a\\u000a::error file=b.yaml.yaml');
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
  });

  it('gaps text: titles with ESC, BEL, zero-width space and a newline come out escaped, and no line starts with ::error', async () => {
    const files = {
      ...MINI,
      'campaign.yaml': MINI['campaign.yaml'].replace('title: 专项行动', `title: ${JSON.stringify(hostileTitle)}`),
      'hz/plan.yaml': MINI['hz/plan.yaml'] + '  - id: HZ-02\n    title: "无指标\\n::error file=x.yaml::injected\\r"\n    tasks: [T01]\n    lead: hz-sfj\n',
    };
    for (const format of ['text', 'markdown']) {
      const run = await runCli(['gaps', '.', '--format', format], { cwd: repo(files) });
      expect(run.stderr).toBe('');
      expect(run.stdout, format).not.toMatch(RAW_CONTROL);
      expect(run.stdout.split('\n').filter((l) => l.startsWith('::')), format).toEqual([]);
      expect(run.stdout, format).toContain('\\u001b[1A');
    }
  });

  it('table text: ESC and CR in a measure are written out, in the cell', async () => {
    const files = { ...MINI, 'hz/plan.yaml': MINI['hz/plan.yaml'].replace('      - 研究制定行政执法裁量办法', `      - ${JSON.stringify(`研究${ESC}制定\r办法\u2028`)}`) };
    const run = await runCli(['table', 'responsibilities', '.'], { cwd: repo(files) });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stdout).toContain('\\u001b');
    expect(run.stdout).toContain('\\u000d');
  });

  it('markdown: `<` and `&` are entities, and a lone CR does not split a table row', async () => {
    const files = {
      ...MINI,
      'campaign.yaml': MINI['campaign.yaml'].replace('title: 专项行动', 'title: "<script>alert(1)</script> & co"'),
      'hz/plan.yaml': MINI['hz/plan.yaml'].replace('        name: 律师万人比', '        name: "律师<b>万人比\\r| x |"'),
    };
    const dir = repo(files);
    const gaps = await runCli(['gaps', '.', '--format', 'markdown'], { cwd: dir });
    expect(gaps.stdout).not.toContain('<script>');
    expect(gaps.stdout).toContain('&lt;script>');
    expect(gaps.stdout).toContain('&amp; co');
    expect(gaps.stdout).not.toContain('\r');
    const row = gaps.stdout.split('\n').find((l) => l.startsWith('| HZ-01-K1'))!;
    expect(row).toContain('&lt;b>');
    expect(row.split(/(?<!\\)\|/).length).toBe(gaps.stdout.split('\n').find((l) => l.startsWith('| ---'))!.split('|').length);
    const table = await runCli(['table', 'targets', '.', '--format', 'markdown'], { cwd: dir });
    expect(table.stdout).not.toContain('\r');
    expect(table.stdout).not.toContain('<b>');
    expect(table.stdout).not.toContain('<script>');
    const rows = table.stdout.split('\n').filter((l) => l.startsWith('|'));
    const bars = (l: string) => l.split(/(?<!\\)\|/).length;
    expect(new Set(rows.map(bars)).size).toBe(1);
  });

  it('plans init: a title or owner name with a newline stays inside its comment', async () => {
    const files = {
      ...MINI,
      'campaign.yaml': MINI['campaign.yaml'].replace('title: 专项行动', 'title: "行动\\nowner: injected\\r\\ncity: evil"').replace('  - {id: T01, title: 共同富裕法治同行}', '  - {id: T01, title: "任务\\nactions: [1]"}'),
      'owners.yaml': MINI['owners.yaml'].replace('name: 杭州市司法局', 'name: "司法局\\nkind: Owners"'),
    };
    const dir = repo(files);
    fs.rmSync(path.join(dir, 'hz'), { recursive: true });
    const run = await runCli(['init', 'hz', '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'hz/plan.yaml'), 'utf8');
    const YAML = await import('yaml');
    const value = YAML.parse(text);
    expect(Object.keys(value).sort()).toEqual(['actions', 'campaign', 'city', 'kind', 'title', 'version']);
    expect(value.kind).toBe('Plan');
    expect(value.actions).toEqual([]);
    expect(text).toContain('\\u000a');
  });

  it('`# plans-disable-file` inside a block scalar is text: the file is still checked', () => {
    const plan = MINI['hz/plan.yaml'].replace('      - 研究制定行政执法裁量办法\n', '      - |\n        # plans-disable-file\n        研究制定\n').replace('    lead: hz-sfj\n', '    lead: hz-sfj\n    leed: x\n');
    const linted = lintMany({ ...MINI, 'hz/plan.yaml': plan });
    expect(linted.findings.filter((f) => f.file === 'hz/plan.yaml').map((f) => f.rule)).toContain('schema');
    // a real comment still disables
    const real = lintMany({ ...MINI, 'hz/plan.yaml': '# plans-disable-file\n' + plan });
    expect(real.findings.filter((f) => f.file === 'hz/plan.yaml' && f.rule === 'schema')).toEqual([]);
  });

  it('noncharacters U+FFFE and U+FFFF in plan text are an encoding finding at their place', () => {
    const linted = lintBytes('kind: Owners\nowners:\n  - {id: a, name: "A\uFFFEB"}\n  - {id: b, name: B\uFFFF}\n', 'owners.yaml');
    const found = linted.findings.filter((f) => f.rule === 'encoding');
    expect(found.map((f) => [f.line, f.column, f.severity])).toEqual([
      [3, 21, 'error'],
      [4, 20, 'error'],
    ]);
    expect(found[0].message).toEqual(t('load/noncharacter', { code: 'U+FFFE' }));
  });
});

describe('superlinear work', () => {
  it('did-you-mean is bounded: a 200,000-character id against 5,000 owners fills no table (length filter), typos are still found', async () => {
    const { closest, DistanceWork, CLOSEST_BUDGET } = await import('../../src/util/closest.js');
    const owners = new Set(Array.from({ length: 5000 }, (_, i) => `owner-${i}`));
    const long = new DistanceWork();
    expect(closest('x'.repeat(200_000), owners, long)).toBeUndefined();
    expect(long.cells).toBe(0);
    expect(closest('ownre-4321', owners)).toBe('owner-4321');
    expect(closest('OWNER-17', owners)).toBe('owner-17');
    // 10,000 unknown ids against 10,000 owners: each search stays within its budget
    const many = new Set(Array.from({ length: 10_000 }, (_, i) => `o${(i * 7919) % 100_000}-sfj`));
    let most = 0;
    for (let i = 0; i < 200; i++) {
      const work = new DistanceWork();
      closest(`q${i}-xyz`, many, work);
      most = Math.max(most, work.cells);
    }
    expect(most).toBeLessThanOrEqual(CLOSEST_BUDGET + 100);
  });

  it('table owners keeps the owners files order, each owner once, then ids named but not defined (50,000 owners)', async () => {
    const n = 50_000;
    const owners = ['kind: Owners', 'owners:', '  - {id: prov, name: 省司法厅}', '  - {id: hz-sfj, name: 杭州市司法局, city: hz}'];
    for (let i = 0; i < n; i++) owners.push(`  - {id: o${i}, name: 单位${i}, city: hz}`);
    const actions = ['  - id: HZ-02', '    title: 行动', '    tasks: [T01]', '    lead: o7', '    support: [ghost, o3, o3]'];
    const files = { ...MINI, 'owners.yaml': owners.join('\n') + '\n', 'hz/plan.yaml': MINI['hz/plan.yaml'] + actions.join('\n') + '\n' };
    const run = await runCli(['table', 'owners', '.', '--format', 'json'], { cwd: repo(files) });
    const table = JSON.parse(run.stdout);
    expect(table.rows.map((r: { ids: { owner: string } }) => r.ids.owner)).toEqual(['hz-sfj', 'o3', 'o7', 'ghost']);
    const o3 = table.rows.find((r: { ids: { owner: string } }) => r.ids.owner === 'o3');
    expect(o3.ids.supported).toEqual(['HZ-02']);
  }, 60_000);

  it('grapheme segmentation is done in pieces: Intl.Segmenter never sees a 128,000-character cell whole (it is quadratic in its input)', async () => {
    const { wrapText } = await import('../../src/render/tables/layout.js');
    const seen: number[] = [];
    const original = Intl.Segmenter.prototype.segment;
    Intl.Segmenter.prototype.segment = function (this: Intl.Segmenter, input: string) {
      seen.push(input.length);
      return original.call(this, input);
    };
    try {
      const lines = wrapText('法治'.repeat(64_000) + ' abc', 30);
      expect(lines.join('').replace(/ /g, '')).toBe('法治'.repeat(64_000) + 'abc');
      expect(lines.length).toBeGreaterThan(8000);
    } finally {
      Intl.Segmenter.prototype.segment = original;
    }
    expect(Math.max(...seen)).toBeLessThanOrEqual(4096);
  });

  it('ignore globs do not backtrack: `*a` × 10 + `*b` on a 40-character name, `**/` × 10 in a 40-deep tree', async () => {
    const { matchGlob } = await import('../../src/config/glob.js');
    expect(matchGlob(`${'*a'.repeat(10)}*b`, 'a'.repeat(40))).toBe(false);
    expect(matchGlob(`${'*a'.repeat(10)}*b`, `${'a'.repeat(40)}b`)).toBe(true);
    expect(matchGlob(`${'**/'.repeat(10)}x.yaml`, `${'d/'.repeat(40)}y.yaml`)).toBe(false);
    expect(matchGlob(`${'**/'.repeat(10)}x.yaml`, `${'d/'.repeat(40)}x.yaml`)).toBe(true);
    // a character class never takes a `/`
    expect(matchGlob('a[!x]b', 'a/b')).toBe(false);
  });

  it('a backwards character range in an ignore glob is a config finding at the glob, not an internal error', async () => {
    const dir = repo({ ...MINI, 'plans.config.yaml': 'ignore:\n  - drafts/**\n  - "[z-a].yaml"\n' });
    const run = await runCli(['lint', '.', '--format', 'json'], { cwd: dir });
    expect(run.stderr).not.toMatch(INTERNAL);
    const diags = JSON.parse(run.stdout).diagnostics as { rule: string; file: string; line: number; column: number; message: string }[];
    const config = diags.filter((d) => d.rule === 'config');
    expect(config.map((d) => [d.file, d.line, d.column])).toEqual([['plans.config.yaml', 3, 5]]);
    expect(config[0].message).toBe(t('config/bad-glob', { glob: '[z-a].yaml', range: '[z-a]' }).en);
  });
});

describe('numbers', () => {
  it('1e-400 (read as 0) and -1e400 (read as -Infinity) are schema findings at the number', () => {
    const plan = MINI['hz/plan.yaml'].replace('baseline: {value: 5.1,', 'baseline: {value: 1e-400,').replace('target: {op: ">=", value: 6}', 'target: {op: ">=", value: -1e400}');
    const linted = lintMany({ ...MINI, 'hz/plan.yaml': plan });
    const found = linted.findings.filter((f) => f.file === 'hz/plan.yaml' && f.rule === 'schema');
    expect(found.map((f) => [f.line, f.column])).toEqual([
      [18, 27],
      [19, 35],
    ]);
    expect(found[0].message).toEqual(t('schema/number-range', { written: '1e-400' }));
    // in range: no finding
    expect(lintMany({ ...MINI, 'hz/plan.yaml': MINI['hz/plan.yaml'].replace('value: 5.1,', 'value: 1.5e308,') }).findings.filter((f) => f.rule === 'schema')).toEqual([]);
  });

  it('a change target whose goal overflows is not judged achieved, and nothing prints Infinity', async () => {
    const plan = MINI['hz/plan.yaml'].replace('baseline: {value: 5.1,', 'baseline: {value: -1.5e308,').replace('target: {op: ">=", value: 6}', 'target: {change: "+50%"}');
    const progress = 'kind: Progress\ncampaign: c2022\ncity: hz\nas_of: 2022-06-30\nvalues:\n  - {target: HZ-01-K1, value: -1e308}\n';
    const dir = repo({ ...MINI, 'hz/plan.yaml': plan, 'hz/progress.yaml': progress });
    const gaps = await runCli(['gaps', '.', '--format', 'json'], { cwd: dir });
    const target = JSON.parse(gaps.stdout).cities[0].targets[0];
    expect(target.status).not.toBe('achieved');
    for (const args of [['gaps'], ['table', 'targets'], ['lint']]) {
      const run = await runCli([...args, '.'], { cwd: dir });
      expect(run.stdout + run.stderr, args.join(' ')).not.toContain('Infinity');
    }
  });
});

describe('files that change under a run', () => {
  it('a plan file replaced by a FIFO is not read again (its text is then empty), so nothing hangs', async () => {
    const { loadPaths } = await import('../../src/load/index.js');
    const dir = repo({ ...MINI, 'hz/plan.yaml': MINI['hz/plan.yaml'] });
    const loaded = loadPaths(['.'], { cwd: dir, keepTexts: false });
    const file = loaded.files.find((f) => f.path === 'hz/plan.yaml')!;
    expect((file as unknown as { holdsText: boolean }).holdsText).toBe(false);
    fs.rmSync(path.join(dir, 'hz/plan.yaml'));
    execFileSync('mkfifo', [path.join(dir, 'hz/plan.yaml')]);
    expect(file.text).toBe('');
  });
});

describe('legacy encodings', () => {
  const owners = (name: number[]) => Uint8Array.from([...Buffer.from('kind: Owners\nowners:\n  - {id: a, name: '), ...name, ...Buffer.from('}\n')]);
  const nameOf = (linted: ReturnType<typeof lintBytes>) => (linted.files[0].docs[0].value as { owners: { name: string }[] }).owners[0].name;

  it('Big5 and Shift-JIS files are read as such (not as GB18030 mojibake), with a warning naming the encoding', () => {
    // 臺北市政府法務局 in Big5, 東京都のほうむきょく in Shift-JIS (Node has no encoder for either: the bytes are written out)
    const big5 = lintBytes(owners([187, 79, 165, 95, 165, 171, 172, 70, 169, 178, 170, 107, 176, 200, 167, 189]), 'owners.yaml');
    expect(nameOf(big5)).toBe('臺北市政府法務局');
    expect(big5.findings.map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([['encoding', 'warning', 1, 1]]);
    expect(big5.findings[0].message).toEqual(t('load/not-utf8', { encoding: 'Big5' }));
    const sjis = lintBytes(owners([147, 140, 139, 158, 147, 115, 130, 204, 130, 217, 130, 164, 130, 222, 130, 171, 130, 229, 130, 173]), 'owners.yaml');
    expect(nameOf(sjis)).toBe('東京都のほうむきょく');
    expect(sjis.findings[0].message).toEqual(t('load/not-utf8', { encoding: 'Shift-JIS' }));
  });

  it('a doubtful guess says which encodings were possible and asks for UTF-8', () => {
    // 高雄 in Big5 is also two common characters in GB18030: no way to tell from the bytes
    const linted = lintBytes(owners([176, 170, 182, 175]), 'owners.yaml');
    expect(linted.findings.map((f) => [f.rule, f.severity])).toEqual([['encoding', 'warning']]);
    expect(linted.findings[0].message).toEqual(t('load/not-utf8-doubtful', { encoding: 'GB18030', possible: 'GB18030, Big5' }));
  });
});

describe('file names that are not UTF-8', () => {
  it('a GBK file name (unzipped on Linux) is read by its bytes and shown escaped', async () => {
    const dir = tempDir();
    // 杭州 in GBK
    const name = Buffer.concat([Buffer.from([0xba, 0xbc, 0xd6, 0xdd]), Buffer.from('.yaml')]);
    fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/'), name]), 'kind: Owners\nowners:\n  - {id: a, name: A, sity: x}\n');
    const run = await runCli(['lint', '.', '--format', 'json'], { cwd: dir });
    const diags = JSON.parse(run.stdout).diagnostics as { rule: string; file: string; line: number; column: number }[];
    expect(diags.map((d) => [d.file, d.rule, d.line, d.column])).toEqual([['\\xBA\\xBC\\xD6\\xDD.yaml', 'schema', 3, 22]]);
    const text = await runCli(['lint', '.'], { cwd: dir });
    expect(text.stdout).toContain('\\xBA\\xBC\\xD6\\xDD.yaml');
    expect(text.stdout).not.toContain('\ufffd');
  });
});

describe('empty documents', () => {
  it('`---` lines with nothing between them make no documents to keep (10 MB of them took 3.8 GB)', () => {
    const linted = lintBytes('---\n'.repeat(50_000) + '--- # the last one\nkind: Owners\nowners:\n  - {id: a, name: A, sity: x}\n---\n', 'owners.yaml', { limits: { maxAliasCount: 100, maxDepth: 64 } });
    expect(linted.files[0].docs.map((d) => [d.index, d.kind])).toEqual([[50_000, 'Owners']]);
    // the finding is placed in the document it belongs to (found again by its index in the file)
    expect(linted.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['schema', 50_004, 22]]);
  });
});
