/**
 * Guard for the performance work: every fast path gives exactly the output of the plain one.
 * The example repository and every fixture are linted (JSON, in English and in Chinese; the example
 * also through `table targets` and `gaps`) with the
 * fast reader on and off and with the build-time validators on and off; and the esbuild bundle
 * (dist/plans.cjs), with and without its V8 code cache, against the tsc build (dist/cli/main.js) when
 * both are built. The narrowed lint in context has its own guard: test/context-narrowing.test.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/lint.js';
import { loadPaths } from '../src/load/index.js';
import { fingerprint, usingCompiledValidators, validatorsFor } from '../src/schema/index.js';
import fc from 'fast-check';
import type { CliEnv } from '../src/cli/env.js';
import { fixtureCases, fixtures } from './helpers/fixtures.js';
import { runCli as cliRun } from './helpers/cli.js';

const root = path.join(__dirname, '..');
const example = path.join(root, 'examples', 'zhejiang-2022');


type Run = { code: number; stdout: string; stderr: string };

/** A plan with empty and astral-plane strings: where the build-time validators count lengths their own way. */
const lengths = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-fast-paths-'));
fs.writeFileSync(
  path.join(lengths, 'plan.yaml'),
  'kind: Plan\ncampaign: c\ncity: x\ntitle: ""\nactions:\n  - id: A-1\n    title: "𝒳"\n    tasks: [""]\n    lead: ""\n    measures: ["", "𝒳", {text: ""}]\n',
);

/** Every run of `lintAll`, with the engine's fast reader and build-time validators as given. */
async function lintAll(engine: CliEnv['engine'] = {}): Promise<Record<string, Run>> {
  const runCli = (args: string[], opts: { cwd: string }) => cliRun(args, { ...opts, engine });
  const out: Record<string, Run> = {};
  for (const lang of ['en', 'zh']) {
    out[`example ${lang}`] = await runCli(['lint', '.', '--format', 'json', '--lang', lang], { cwd: example });
    for (const c of fixtureCases()) out[`${c} ${lang}`] = await runCli(['lint', c, '--format', 'json', '--lang', lang], { cwd: fixtures });
    out[`lengths ${lang}`] = await runCli(['lint', '.', '--format', 'json', '--lang', lang], { cwd: lengths });
    // the report commands read the same documents (and number sources such as `4.0` from the syntax tree)
    out[`table ${lang}`] = await runCli(['table', 'targets', '.', '--format', 'csv', '--lang', lang], { cwd: example });
    out[`gaps ${lang}`] = await runCli(['gaps', '.', '--format', 'json', '--lang', lang], { cwd: example });
  }
  return out;
}

describe('fast paths give the same findings', () => {
  it('fast reader and build-time validators, on and off', async () => {
    const plain = await lintAll({ fastParse: false, compiledValidators: false });
    // the comparison means something only if there are findings with positions to compare
    const lintRuns = Object.entries(plain).filter(([key]) => !/^(table|gaps) /.test(key));
    expect(plain['lengths en'].stdout).toContain('must not be empty');
    const withFindings = lintRuns.filter(([, r]) => (JSON.parse(r.stdout || '{"diagnostics":[]}') as { diagnostics: unknown[] }).diagnostics.length > 0);
    expect(plain['table en'].stdout).toContain('4.0'); // a number source only the syntax tree keeps
    expect(withFindings.length).toBeGreaterThan(10);
    for (const [fast, compiled] of [
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      const other = await lintAll({ fastParse: fast, compiledValidators: compiled });
      for (const key of Object.keys(plain)) expect(other[key], `${key} (fast reader ${fast}, compiled validators ${compiled})`).toEqual(plain[key]);
    }
  }, 120_000);

  it('the quick validators give the full validators\' verdict, on every document of the example and random changes to them', () => {
    const validators = validatorsFor(true);
    const docs = loadPaths([example], { cwd: root }).files.flatMap((f) => f.docs).filter((d) => d.kind && d.parsed);
    expect(docs.length).toBeGreaterThan(8);
    const verdicts = (kind: NonNullable<(typeof docs)[number]['kind']>, value: unknown) => [validators.quick(kind)!(value), validators.forKind(kind)(value)];
    for (const d of docs) expect(verdicts(d.kind!, d.value)).toEqual([true, true]);
    // a value anywhere in the document removed, replaced, or given a sibling; often nested in a target value or a measure
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant('2022-13-45'), fc.constant('2022-06-30'), fc.constantFrom('>=', '<', 'op', 'value', 'than', 'text'));
    const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(fc.constantFrom('op', 'value', 'min', 'max', 'change', 'annual_change', 'than', 'text', 'id', 'lead', 'due', 'x'), leaf, { maxKeys: 3 }));
    let rejected = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.constantFrom('remove', 'replace', 'add'), value, (pick, steps, how, v) => {
        const d = docs[pick % docs.length];
        const copy = structuredClone(d.value) as Record<string, unknown>;
        let node: unknown = copy;
        for (const step of steps) {
          const keys = node && typeof node === 'object' ? Object.keys(node) : [];
          if (keys.length === 0) break;
          const key = keys[step % keys.length];
          const next = (node as Record<string, unknown>)[key];
          if (!next || typeof next !== 'object' || step % 5 === 0) {
            const at = node as Record<string, unknown>;
            if (how === 'remove') Array.isArray(at) ? at.splice(Number(key), 1) : delete at[key];
            else if (how === 'replace') at[key] = v;
            else if (!Array.isArray(at)) at[`x${step}`] = v;
            else at.push(v);
            break;
          }
          node = next;
        }
        const [quick, full] = verdicts(d.kind!, copy);
        if (!full) rejected++;
        expect(quick).toBe(full);
      }),
      { seed: 20261202, numRuns: 3000 },
    );
    expect(rejected).toBeGreaterThan(500);
  });

  it('checking in context (`wanted`) gives the named files the findings a full check gives them', () => {
    const loaded = loadPaths([example], { cwd: root });
    const full = check(loaded.files, loaded.findings).findings;
    expect(full.length).toBeGreaterThan(5);
    for (const file of loaded.files) {
      const own = check(loaded.files, loaded.findings, { wanted: (f) => f === file }).findings.filter((f) => f.file === file.path);
      expect(own, file.path).toEqual(full.filter((f) => f.file === file.path));
    }
  });

  it('the build-time validators are current with schemas/ (else plans silently compiles at start-up)', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-validators.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(usingCompiledValidators()).toBe(true);
  });

  it.skipIf(!fs.existsSync(path.join(root, 'dist', 'schemas.stamp.json')))('the built tool trusts the build stamp of the schemas only while they are unchanged', () => {
    const stamp = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'schemas.stamp.json'), 'utf8')) as { hash: string; files: Record<string, { size: number; mtimeMs: number }> };
    // the stamp holds the fingerprint of the schemas as they are, and each file's size and time
    expect(stamp.hash).toBe(
      ['campaign', 'owners', 'plan', 'progress'].map((k) => fingerprint(fs.readFileSync(path.join(root, 'schemas', `${k}.schema.json`)))).join(' '),
    );
    for (const [name, seen] of Object.entries(stamp.files)) {
      const st = fs.statSync(path.join(root, 'schemas', name));
      expect([name, seen.size, seen.mtimeMs]).toEqual([name, st.size, st.mtimeMs]);
    }
    const script = `const m = await import(${JSON.stringify(new URL(`file://${path.join(root, 'dist', 'schema', 'index.js')}`).href)}); console.log(m.usingCompiledValidators());`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('true');
  });

  const bundle = path.join(root, 'dist', 'plans.cjs');
  const tscMain = path.join(root, 'dist', 'cli', 'main.js');
  const built = fs.existsSync(bundle) && fs.existsSync(tscMain) && fs.statSync(bundle).mtimeMs >= fs.statSync(tscMain).mtimeMs;
  const loader = path.join(root, 'bin', 'bundle-loader.cjs');

  it('the code cache serves the bundle it was made from, wherever the two are copied, and no other', () => {
    const { loadBundle, writeCache } = createRequire(import.meta.url)(loader) as {
      loadBundle: (file: string, o?: { useCache?: boolean }) => { exports: { answer: number }; cached: boolean };
      writeCache: (file: string, loaded: unknown) => number;
    };
    const made = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-cache-'));
    const file = path.join(made, 'plans.cjs');
    fs.writeFileSync(file, '// plans-bundle 0123abcd\nmodule.exports = { answer: [1, 2, 3].map((x) => x * 14).pop() - 0 };\n');
    const first = loadBundle(file, { useCache: false });
    expect(first.exports.answer).toBe(42);
    expect(writeCache(file, first)).toBeGreaterThan(0);
    // copied elsewhere (new times, as from an npm tarball): still served
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-cache-copy-'));
    for (const name of ['plans.cjs', 'plans.cjs.cache']) fs.copyFileSync(path.join(made, name), path.join(copy, name));
    const again = loadBundle(path.join(copy, 'plans.cjs'));
    expect([again.cached, again.exports.answer]).toEqual([true, 42]);
    // another build (another id on the first line): the cache is left alone and the bundle compiled
    fs.writeFileSync(path.join(copy, 'plans.cjs'), '// plans-bundle 4567ef01\nmodule.exports = { answer: [1, 2, 3].map((x) => x * 14).pop() - 1 };\n');
    const other = loadBundle(path.join(copy, 'plans.cjs'));
    expect([other.cached, other.exports.answer]).toEqual([false, 41]);
  });

  it.skipIf(!built)('the esbuild bundle, with and without its code cache, and the tsc build', async () => {
    // `entry` is the tsc build's main module, or the bundle loaded with (cache) or without (nocache) its code cache
    const run = (entry: string, args: string[], cwd: string) => {
      const load =
        entry === tscMain
          ? `const { main } = await import(${JSON.stringify(new URL(`file://${entry}`).href)});`
          : `const { createRequire } = await import('node:module'); const loaded = createRequire(${JSON.stringify(loader)})(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(bundle)}, { useCache: ${entry === 'cache'} }); if (${entry === 'cache'} && !loaded.cached) throw new Error('code cache not used'); const { main } = loaded.exports;`;
      const script = `${load} process.exitCode = await main(['node', 'plans', ...process.argv.slice(1)]);`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const cases = fixtureCases();
    for (const lang of ['en', 'zh']) {
      for (const [args, cwd] of [
        [['lint', '.', '--format', 'json', '--lang', lang], example],
        [['lint', ...cases, '--format', 'json', '--lang', lang], fixtures],
        [['lint', '.', '--lang', lang], example],
        [['lint', 'hangzhou/plan.yaml', 'ningbo/progress/2022-06.yaml', '--lang', lang], example],
      ] as const) {
        const fromTsc = run(tscMain, [...args], cwd);
        expect(fromTsc.stdout.length).toBeGreaterThan(100);
        expect(run('cache', [...args], cwd), `${args.join(' ')} in ${cwd}, code cache`).toEqual(fromTsc);
        expect(run('nocache', [...args], cwd), `${args.join(' ')} in ${cwd}, no code cache`).toEqual(fromTsc);
      }
    }
    // the one command that loads a package on use (exceljs): the same workbook (its cells and merges;
    // the zip entries carry the time of writing, so the bytes may differ)
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-bundle-xlsx-'));
    const books = [];
    for (const [i, entry] of [tscMain, 'cache', 'nocache'].entries()) {
      const file = path.join(out, `${i}.xlsx`);
      const r = run(entry, ['table', 'responsibilities', '--format', 'xlsx', '--out', file], example);
      expect([entry, r.code, r.stderr]).toEqual([entry, 0, '']);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      books.push(book.worksheets.map((sheet) => ({ name: sheet.name, rows: sheet.getSheetValues(), merges: sheet.model.merges })));
    }
    expect(books[0][0].rows.length).toBeGreaterThan(10);
    expect(books[1]).toEqual(books[0]);
    expect(books[2]).toEqual(books[0]);
  }, 120_000);
});

describe('discovery shortcuts', () => {
  it('hidden folders are skipped when walking, read when named; a file linked twice is still read once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-hidden-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    const owners = 'kind: Owners\nowners:\n  - {id: a, name: A}\n';
    write('owners.yaml', owners);
    write('.github/workflows/ci.yml', 'on: push\njobs: {}\n');
    write('.vscode/settings.yaml', owners);
    write('sub/.hidden/x.yaml', owners);
    fs.symlinkSync(path.join(dir, 'owners.yaml'), path.join(dir, 'sub', 'again.yaml'));
    const walked = loadPaths(['.'], { cwd: dir });
    expect(walked.files.map((f) => f.path)).toEqual(['owners.yaml']);
    expect(walked.findings).toEqual([]);
    // named on the command line, a hidden folder is walked (and its CI file is no plan: unknown-kind)
    const named = loadPaths(['.github', 'sub/.hidden'], { cwd: dir });
    expect(named.files.map((f) => f.path)).toEqual(['.github/workflows/ci.yml', 'sub/.hidden/x.yaml']);
    expect(check(named.files, named.findings).findings.map((f) => [f.file, f.rule, f.line, f.column])).toEqual([['.github/workflows/ci.yml', 'unknown-kind', 1, 1]]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
