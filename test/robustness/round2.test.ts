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
import { t } from '../../src/i18n/index.js';
import { MAX_EXPANDED_NODES } from '../../src/load/parse.js';
import * as validators from '../../src/schema/validators.generated.js';
import { runCli } from '../helpers/cli.js';
import { cleanTemp, lintBytes, lintMany, MINI, root, tempDir } from './helpers.js';

afterAll(cleanTemp);

/** Writes files (path → content) under a fresh folder and returns it. */
function repo(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

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
    expect(schema[0].message).toEqual(t('schema/pattern-id', { name: 'values[0].units', value: '-bad' }));
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
    const big = Array.from({ length: 30_000 }, (_, i) => i).join(', ');
    const text = ['kind: Owners', `x: &big [${big}]`, 'owners:', ...Array.from({ length: 90 }, () => '  - {id: a, name: *big}'), ''].join('\n');
    const linted = lintBytes(text, 'owners.yaml');
    const found = linted.findings.filter((f) => f.rule === 'yaml-syntax');
    expect(found.map((f) => f.message)).toEqual([t('yaml/alias-expansion', { max: MAX_EXPANDED_NODES })]);
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
    // without .git the config above is the nearest one, as before
    fs.rmdirSync(path.join(dir, '.git'));
    expect((await runCli(['lint', '.'], { cwd: dir })).code).toBe(0);
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
      expect(run.stderr).toBe(`plans: ${t('cli/file-refused', { path: target, reason: t('load/not-a-file', { what: t(what) }) }).en}\n`);
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
