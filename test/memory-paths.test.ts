/**
 * Guard for the memory work: a file's text is let go once the fast reader has read it, and read
 * again from disk only when something needs it (a finding's place, a baseline's or a fingerprint's
 * line text, a table's number as written). Everything must come out exactly as when every text is
 * kept (the engine's `keepTexts`): lint in both languages and several formats on the example and every
 * fixture, `table`, `gaps`, `compile`, inline suppression and baselines. And a file changed or
 * deleted between loading and reporting must not break anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { filterByBaseline, lineTextOf, writeBaseline } from '../src/baseline/index.js';
import { check } from '../src/lint.js';
import { Engine } from '../src/engine/index.js';
import { decode } from '../src/load/decode.js';
import { fastValues } from '../src/load/fast.js';
import { loadPaths, parseBytes } from '../src/load/index.js';
import type { SourceFile } from '../src/load/source.js';
import { LoadedFile } from '../src/load/text.js';
import { lintFormatters } from '../src/render/lint/index.js';
import { countFindings } from '../src/render/lint/types.js';
import type { Diagnostic as Finding } from '../src/types.js';
import { copyExample, edit, example } from './helpers/ci-repo.js';
import { fixtureCases, fixtures } from './helpers/fixtures.js';
import { runCli as cliRun, type CliRun } from './helpers/cli.js';



/** Whether a file holds its text now (files not made by the loader always do). */
const holds = (f: SourceFile) => !(f instanceof LoadedFile) || f.holdsText;

async function reportsOf(repo: string): Promise<Record<string, CliRun>> {
  const out: Record<string, CliRun> = {};
  for (const lang of ['en', 'zh']) {
    for (const format of ['json', 'stylish', 'sarif', 'gitlab']) {
      out[`example ${format} ${lang}`] = await runCli(['lint', '.', '--format', format, '--lang', lang], { cwd: repo });
    }
    for (const c of fixtureCases()) out[`${c} ${lang}`] = await runCli(['lint', c, '--format', 'json', '--lang', lang], { cwd: fixtures });
    // number sources such as `4.0` come from the syntax tree, which needs the text again
    for (const name of ['targets', 'responsibilities', 'coverage', 'owners']) {
      out[`table ${name} ${lang}`] = await runCli(['table', name, '.', '--format', 'csv', '--lang', lang], { cwd: repo });
    }
    out[`gaps ${lang}`] = await runCli(['gaps', '.', '--format', 'json', '--lang', lang], { cwd: repo });
    out[`compile ${lang}`] = await runCli(['compile', '.', '--lang', lang], { cwd: repo });
  }
  return out;
}

/** Whether the runs of this file keep every text (the engine's option; default, as in plans: let go). */
let keep = false;
const runCli = (args: string[], opts: { cwd: string }) => cliRun(args, { ...opts, engine: { keepTexts: keep } });

/** The same runs with every text kept and with texts let go; returns the kept ones. */
async function bothWays<T>(run: () => Promise<T>): Promise<T> {
  keep = true;
  const kept = await run();
  keep = false;
  const lazy = await run();
  expect(lazy).toEqual(kept);
  return kept;
}

afterEach(() => {
  keep = false;
});

describe('texts let go after parsing', () => {
  it('are let go by the loader, except where the text is still to be read', () => {
    const loaded = loadPaths(['.'], { cwd: example });
    expect(loaded.files.length).toBeGreaterThan(5);
    // the comparisons below mean something only if the lazy path is really taken
    expect(loaded.files.filter(holds)).toEqual([]);
    const result = check(loaded.files, loaded.findings);
    const withFindings = new Set(result.findings.map((f) => f.file));
    expect(withFindings.size).toBeGreaterThan(3);
    // read again only where a finding needs a place: suppression does not read every file again
    for (const file of loaded.files) expect(holds(file), file.path).toBe(withFindings.has(file.path));
    expect(loadPaths(['.'], { cwd: example, keepTexts: true }).files.every(holds)).toBe(true);
    // bytes that are not a file on disk (tests, editors) keep their text
    expect(holds(parseBytes('x.yaml', '/nowhere/x.yaml', Buffer.from('kind: Owners\nowners: []\n')).file)).toBe(true);
  });

  it('a run keeps texts up to its budget and lets the rest go, with the same findings', async () => {
    const repo = copyExample();
    const texts = (budget?: number) => {
      const run = new Engine({ cwd: repo, ...(budget === undefined ? {} : { keepTextChars: budget }) }).lint({ paths: ['.'] });
      return { files: run.files.filter((f) => f instanceof LoadedFile), findings: run.findings };
    };
    // by default a repository this size is kept whole
    const whole = texts();
    expect(whole.files.length).toBeGreaterThan(5);
    expect(whole.files.every(holds)).toBe(true);
    // a budget of about a third: the files read first keep their texts, the others let them go (unless a finding needs them)
    const total = whole.files.reduce((n, f) => n + f.text.length, 0);
    const part = texts(Math.floor(total / 3));
    const withFindings = new Set(part.findings.map((f) => f.file));
    const kept = part.files.filter((f) => holds(f) && !withFindings.has(f.path));
    const gone = part.files.filter((f) => !holds(f));
    expect(kept.length).toBeGreaterThan(0);
    expect(gone.length).toBeGreaterThan(0);
    expect(part.findings).toEqual(whole.findings);
    // and what plans prints is the same either way
    const printed = async (engine: { keepTexts?: boolean; keepTextChars?: number }) => (await cliRun(['lint', '.', '--format', 'json'], { cwd: repo, engine })).stdout;
    expect(await printed({ keepTextChars: Math.floor(total / 3) })).toBe(await printed({ keepTexts: false }));
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it('a file with disable comments keeps its text; the others are not read again for suppression', () => {
    const repo = copyExample();
    edit(repo, 'ningbo/plan.yaml', 'kind: Plan', '# plans-disable-file action-without-target\nkind: Plan');
    const loaded = loadPaths(['.'], { cwd: repo });
    const byPath = new Map(loaded.files.map((f) => [f.path, f]));
    expect(holds(byPath.get('ningbo/plan.yaml')!)).toBe(true);
    expect(byPath.get('ningbo/plan.yaml')!.disables).toBe(true);
    expect(byPath.get('owners.yaml')!.disables).toBe(false);
    expect(holds(byPath.get('owners.yaml')!)).toBe(false);
  });

  it('the fast reader reads the same values when it copies them out of the text', () => {
    const files = [example, fixtures].flatMap((dir) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => /\.ya?ml$/.test(n)).map((n) => path.join(dir, n)));
    const texts = files.flatMap((f) => {
      const d = decode(fs.readFileSync(f));
      return d.ok ? [d.text] : [];
    });
    const long = '推进实施行政赔偿和追偿办法，完善行政复议与诉讼衔接机制';
    texts.push(
      `a: ${long}\nb: '${long}''s'\nc: "${long}"\nd: [${long}, 'x''y', "2022-12-31"]\ne: {k: ${long}}\nf: 2022-12-31\ng: 2022-12-31\nh: 0x1F\n`,
      `a: ${long}\ud800${long}\nb: ['\udc00${long}', x]\n`, // lone surrogates: copied another way
    );
    let accepted = 0;
    for (const text of texts) {
      const kept = fastValues(text);
      if (kept) accepted++;
      expect(fastValues(text, true), text.slice(0, 60)).toEqual(kept);
      if ((text as unknown as { isWellFormed(): boolean }).isWellFormed()) expect(fastValues(text, true, true), text.slice(0, 60)).toEqual(kept);
    }
    expect(accepted).toBeGreaterThan(20);
  });

  it('lint (JSON, stylish, SARIF, GitLab; English and Chinese), table, gaps and compile give the same output', async () => {
    const kept = await bothWays(() => reportsOf(example));
    const lintRuns = Object.entries(kept).filter(([key]) => / json /.test(key) || /^(load|rules|schema)\//.test(key));
    const withFindings = lintRuns.filter(([, r]) => (JSON.parse(r.stdout || '{"diagnostics":[]}') as { diagnostics: unknown[] }).diagnostics.length > 0);
    expect(withFindings.length).toBeGreaterThan(10);
    expect(kept['table targets en'].stdout).toContain('4.0'); // a number source only the syntax tree keeps
    expect(kept['example gitlab en'].stdout).toContain('fingerprint');
  }, 120_000);

  it('inline suppression: the same findings suppressed, the same unused comments reported', async () => {
    const repo = copyExample();
    edit(repo, 'hangzhou/plan.yaml', 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc # plans-disable-line unknown-reference');
    edit(repo, 'hangzhou/plan.yaml', 'lead: hz-sfj-lfc', 'lead: hz-sfj-lf');
    edit(repo, 'ningbo/plan.yaml', 'kind: Plan', '# plans-disable-file action-without-target, no-such-rule\n# plans-disable-nextline\nkind: Plan');
    edit(repo, 'wenzhou/plan.yaml', '\n  - id: WZ-02\n', '\n  # plans-disable-next-line\n  - id: WZ-02\n');
    const runs = await bothWays(async () => ({
      en: await runCli(['lint', '--format', 'json'], { cwd: repo }),
      zh: await runCli(['lint', '--format', 'json', '--lang', 'zh'], { cwd: repo }),
      stylish: await runCli(['lint'], { cwd: repo }),
    }));
    const found = (JSON.parse(runs.en.stdout) as { diagnostics: { file: string; rule: string }[] }).diagnostics;
    expect(found.filter((f) => f.file === 'ningbo/plan.yaml' && f.rule === 'action-without-target')).toEqual([]);
    expect(found.filter((f) => f.rule === 'unknown-reference')).toHaveLength(1);
    expect(found.filter((f) => f.file === 'wenzhou/plan.yaml' && f.rule === 'action-without-target')).toEqual([]);
    expect(found.filter((f) => f.rule === 'unused-disable')).toHaveLength(2); // no-such-rule, plans-disable-nextline
  }, 60_000);

  it('baselines: the same file written, the same findings matched and reported', async () => {
    const repo = copyExample();
    edit(repo, 'hangzhou/plan.yaml', 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc');
    const written = await bothWays(async () => {
      const run = await runCli(['lint', '--format', 'json', '--write-baseline', 'plans-baseline.json'], { cwd: repo });
      return { run, baseline: fs.readFileSync(path.join(repo, 'plans-baseline.json'), 'utf8') };
    });
    expect(JSON.parse(written.baseline).findings.length).toBeGreaterThan(5);
    // lines move, and one new finding appears
    edit(repo, 'hangzhou/plan.yaml', 'kind: Plan', '# 新增说明\n\nkind: Plan');
    edit(repo, 'hangzhou/plan.yaml', 'lead: hz-sfj-lfc', 'lead: hz-sfj-lf');
    const filtered = await bothWays(() => runCli(['lint', '--format', 'json', '--baseline', 'plans-baseline.json'], { cwd: repo }));
    expect((JSON.parse(filtered.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule)).toEqual(['unknown-reference']);
  }, 60_000);

  it('a file changed or deleted between loading and reporting: no crash, findings at its start', () => {
    const repo = copyExample();
    const keptLoad = loadPaths(['.'], { cwd: repo, keepTexts: true });
    const kept = check(keptLoad.files, keptLoad.findings).findings;
    const loaded = loadPaths(['.'], { cwd: repo });
    const deleted = 'ningbo/plan.yaml';
    const sameSize = 'wenzhou/plan.yaml';
    const longer = 'ningbo/progress/2022-06.yaml';
    for (const file of [deleted, sameSize, longer]) expect(kept.some((f) => f.file === file), file).toBe(true);
    fs.rmSync(path.join(repo, deleted));
    const text = fs.readFileSync(path.join(repo, sameSize), 'utf8');
    fs.writeFileSync(path.join(repo, sameSize), text.replace(/WZ-/g, 'XY-'));
    expect(fs.statSync(path.join(repo, sameSize)).size).toBe(Buffer.byteLength(text));
    fs.appendFileSync(path.join(repo, longer), '# a comment added since\n');

    const result = check(loaded.files, loaded.findings);
    const changed = new Set([deleted, sameSize, longer]);
    const key = (f: Finding) => [f.file, f.rule, f.message.en].join('\u0000');
    expect(result.findings.map(key).sort()).toEqual(kept.map(key).sort());
    for (const f of result.findings) {
      if (changed.has(f.file)) expect([f.line, f.column, f.endLine, f.endColumn], `${f.file} ${f.rule}`).toEqual([1, 1, 1, 1]);
    }
    expect(result.findings.filter((f) => !changed.has(f.file))).toEqual(kept.filter((f) => !changed.has(f.file)));

    // everything that reads texts after the check
    const byPath = new Map(result.files.map((f) => [f.path, f]));
    const contentOf = (f: Finding) => lineTextOf(f, byPath.get(f.file));
    for (const f of result.findings) expect(typeof contentOf(f)).toBe('string');
    const report = countFindings(result.findings, result.files.length, result.files.map((f) => f.path));
    for (const [name, format] of Object.entries(lintFormatters)) {
      expect(format(report, { lang: 'en', chalk: new Chalk({ level: 0 }), cwd: repo, contentOf }).length, name).toBeGreaterThan(0);
    }
    const baseline = JSON.parse(writeBaseline(result.findings, result.files, repo, repo));
    expect(filterByBaseline(result.findings, baseline, result.files, repo, repo).findings).toEqual([]);
  });
});
