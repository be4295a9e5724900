/**
 * `plans lint --cache`: a run given back from the cache equals a run without it, and any change
 * the run depended on (the named file, a file in its context, a new file, the config, a write
 * that keeps the size and the modification time) makes it check again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../src/engine/index.js';
import { CACHE_MAGIC, ResultsCache } from '../src/engine/cache.js';
import { t, PlaceRef } from '../src/i18n/index.js';
import { finding } from '../src/findings/index.js';
import { runCli } from './helpers/cli.js';
import { copyExample, edit, write } from './helpers/ci-repo.js';
import { applyEdit, drafterEdit, ID_TOKEN } from './helpers/edits.js';
import { yamlFiles } from './helpers/fixtures.js';
import fc from 'fast-check';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function repo(): string {
  const dir = copyExample();
  made.push(dir);
  return dir;
}

const FILE = 'hangzhou/actions-06-10.yaml';

/** One engine run with a cache, as the CLI makes it: whether it came from the cache, and its findings. */
function engineRun(dir: string, cache: ResultsCache, paths = [FILE]) {
  const run = new Engine({ cwd: dir }).lint({ paths, cache: { results: cache, tool: 'test' } });
  return { cached: run.cached === true, findings: run.findings.map((f) => [f.file, f.ruleId, f.messageId, f.range[0], f.range[1]].join(' ')) };
}

function fresh(dir: string, paths = [FILE]) {
  return engineRun(dir, ResultsCache.empty(), paths).findings;
}

describe('the results cache', () => {
  it('gives back the same findings, and says so', () => {
    const dir = repo();
    edit(dir, FILE, 'lead: hz-sfj-sqjzc', 'lead: hz-sfj-nobody');
    const cache = ResultsCache.empty();
    const first = engineRun(dir, cache);
    expect(first.cached).toBe(false);
    expect(first.findings.some((f) => f.includes('unknown-reference'))).toBe(true);
    const second = engineRun(dir, cache);
    expect(second.cached).toBe(true);
    expect(second.findings).toEqual(first.findings);
    // through the file it is written to
    const reread = ResultsCache.parse(cache.serialize())!;
    expect(engineRun(dir, reread)).toEqual({ cached: true, findings: first.findings });
  });

  it('checks again when the named file, a file of its context or a new file changes what it would find', () => {
    const dir = repo();
    const cache = ResultsCache.empty();
    engineRun(dir, cache);
    // the named file
    edit(dir, FILE, 'lead: hz-sfj-sqjzc', 'lead: hz-sfj-nobody');
    let run = engineRun(dir, cache);
    expect(run.cached).toBe(false);
    expect(run.findings).toEqual(fresh(dir));
    expect(engineRun(dir, cache).cached).toBe(true);
    // the owners file, where the owner comes to be defined
    const owners = fs.readFileSync(path.join(dir, 'owners.yaml'), 'utf8');
    edit(dir, 'owners.yaml', 'id: hz-sfj-sqjzc', 'id: hz-sfj-nobody');
    run = engineRun(dir, cache);
    expect(run.cached).toBe(false);
    expect(run.findings).toEqual(fresh(dir));
    expect(run.findings.some((f) => f.includes('hz-sfj-nobody'))).toBe(false);
    // a new file in another folder that defines an id of the named file a second time
    fs.writeFileSync(path.join(dir, 'owners.yaml'), owners);
    engineRun(dir, cache);
    const action = /^\s*- id: (HZ-\d+)/m.exec(fs.readFileSync(path.join(dir, FILE), 'utf8'))![1];
    write(dir, 'extra/dup.yaml', `kind: Plan\ncampaign: zj-fzgf-2022\ncity: hangzhou\nactions:\n  - id: ${action}\n    title: 重复\n    lead: hz-sfj\n    tasks: [T01]\n`);
    run = engineRun(dir, cache);
    expect(run.cached).toBe(false);
    expect(run.findings).toEqual(fresh(dir));
  });

  it('checks again after a write that keeps the size and the modification time', () => {
    const dir = repo();
    const cache = ResultsCache.empty();
    const abs = path.join(dir, FILE);
    // a whole second, which utimes sets exactly (a fraction would be rounded)
    fs.utimesSync(abs, 1_700_000_000, 1_700_000_000);
    engineRun(dir, cache);
    expect(engineRun(dir, cache).cached).toBe(true);
    const text = fs.readFileSync(abs, 'utf8');
    // same length: one owner id for another of the same length, then the old time set back
    const changed = text.replace('lead: hz-sfj-sqjzc', 'lead: hz-sfj-sqjzx');
    expect(changed.length).toBe(text.length);
    fs.writeFileSync(abs, changed);
    fs.utimesSync(abs, 1_700_000_000, 1_700_000_000);
    expect(fs.statSync(abs).mtimeMs).toBe(1_700_000_000_000);
    const run = engineRun(dir, cache);
    expect(run.cached).toBe(false);
    expect(run.findings.some((f) => f.includes('unknown-reference'))).toBe(true);
  });

  it('is keyed on the config and the paths', async () => {
    const dir = repo();
    const location = path.join(dir, 'c.cache');
    const args = (extra: string[] = []) => ['lint', FILE, '--cache', '--cache-location', location, '--format', 'json', ...extra];
    const first = await runCli(args(), { cwd: dir });
    expect(fs.readFileSync(location, 'utf8').startsWith(CACHE_MAGIC + '\n')).toBe(true);
    fs.writeFileSync(path.join(dir, 'plans.config.yaml'), 'rules:\n  missing-target: off\n');
    const configured = await runCli(args(), { cwd: dir });
    const plain = await runCli(['lint', FILE, '--format', 'json'], { cwd: dir });
    expect(configured.stdout).toBe(plain.stdout);
    expect(configured.stdout).not.toBe(first.stdout);
    // the whole repository, then the file again: both kept
    const all = await runCli(['lint', '.', '--cache', '--cache-location', location, '--format', 'json'], { cwd: dir });
    expect(all.stdout).toBe((await runCli(['lint', '.', '--format', 'json'], { cwd: dir })).stdout);
    expect((await runCli(args(), { cwd: dir })).stdout).toBe(plain.stdout);
  });

  it('gives the CLI the same output, exit status and messages in either language', async () => {
    const dir = repo();
    edit(dir, FILE, 'lead: hz-sfj-sqjzc', 'lead: hz-sfj-sqjz');
    const location = path.join(dir, '.planscache');
    for (const format of ['stylish', 'json', 'sarif']) {
      for (const lang of ['en', 'zh']) {
        const plain = await runCli(['lint', FILE, '--format', format, '--lang', lang], { cwd: dir });
        const warm = await runCli(['lint', FILE, '--cache', '--format', format, '--lang', lang], { cwd: dir });
        const hit = await runCli(['lint', FILE, '--cache', '--format', format, '--lang', lang], { cwd: dir });
        expect(plain.code).toBe(1);
        for (const r of [warm, hit]) expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: plain.code, stdout: plain.stdout, stderr: plain.stderr });
      }
    }
    expect(fs.existsSync(location)).toBe(true);
  });

  it('never reads or overwrites a file that is not a cache of ours', async () => {
    const dir = repo();
    const mine = path.join(dir, 'notes.txt');
    fs.writeFileSync(mine, 'my notes\n');
    const r = await runCli(['lint', FILE, '--cache-location', mine], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(mine, 'utf8')).toBe('my notes\n');
    // nor a plan file
    const plan = path.join(dir, FILE);
    const text = fs.readFileSync(plan, 'utf8');
    expect((await runCli(['lint', FILE, '--cache-location', FILE], { cwd: dir })).code).toBe(2);
    expect(fs.readFileSync(plan, 'utf8')).toBe(text);
  });

  it('starts afresh from a cache of ours that was cut short', async () => {
    const dir = repo();
    const location = path.join(dir, '.planscache');
    await runCli(['lint', FILE, '--cache'], { cwd: dir });
    const whole = fs.readFileSync(location, 'utf8');
    fs.writeFileSync(location, whole.slice(0, Math.floor(whole.length / 2)));
    const r = await runCli(['lint', FILE, '--cache'], { cwd: dir });
    expect(r.code).toBe(0);
    // written again as it was: nothing it depends on changed (the cache file beside the plans included)
    expect(fs.readFileSync(location, 'utf8')).toBe(whole);
    const cache = ResultsCache.parse(whole)!;
    expect(engineRun(dir, cache).cached).toBe(false); // another tool build: the key differs
  });

  it('is not made stale by its own file, written inside the repository', async () => {
    const dir = repo();
    const location = path.join(dir, '.planscache');
    await runCli(['lint', FILE, '--cache'], { cwd: dir });
    const written = fs.statSync(location).mtimeMs;
    await runCli(['lint', FILE, '--cache'], { cwd: dir });
    // a hit stores nothing, so the file is not written again
    expect(fs.statSync(location).mtimeMs).toBe(written);
  });

  it('keeps messages, places and numbers JSON cannot carry', () => {
    const dir = repo();
    const cache = ResultsCache.empty();
    const inner = t('sort/owner');
    const record = finding(FILE, [3, 9], 'unknown-reference', 'error', t('text/verbatim', { text: 'x', nested: inner, at: new PlaceRef('a.yaml', 4), big: Infinity, small: -Infinity, nan: NaN, zero: -0, gone: undefined }));
    cache.store('k', { findings: [record], named: [path.join(dir, FILE)], lone: [], inputs: [path.join(dir, FILE)], dirs: [dir] }, new Engine({ cwd: dir }).fs);
    const back = ResultsCache.parse(cache.serialize())!.lookup('k', new Engine({ cwd: dir }).fs)!;
    const data = back.findings[0].data;
    expect((data.nested as typeof inner).id).toBe('sort/owner');
    expect((data.nested as typeof inner).zh).toBe(inner.zh);
    expect(data.at).toBeInstanceOf(PlaceRef);
    expect(String(data.at)).toBe('a.yaml:4');
    expect([data.big, data.small, Number.isNaN(data.nan), Object.is(data.zero, -0)]).toEqual([Infinity, -Infinity, true, true]);
    expect(Object.prototype.hasOwnProperty.call(data, 'gone') && data.gone === undefined).toBe(true);
    expect(back.findings[0].range).toEqual([3, 9]);
  });

  it('random drafter edits, one after another on the disk: a run with the cache equals a run without it', async () => {
    const dir = repo();
    const location = path.join(dir, '.planscache');
    const names = () => yamlFiles(dir);
    const tokens = [...new Set(names().flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(ID_TOKEN)].map((m) => m[1])))];
    let hits = 0;
    let last: string | undefined;
    await fc.assert(
      fc.asyncProperty(fc.option(drafterEdit, { freq: 2 }), fc.nat(), async (e, pick) => {
        // the edit (or none: then the run must come from the cache) made on the files as they are
        const files = Object.fromEntries(names().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
        if (e) {
          const edited: string[] = [];
          const next = { ...files };
          applyEdit(next, e, tokens, edited);
          for (const f of Object.keys(files)) if (!(f in next)) fs.rmSync(path.join(dir, f));
          for (const [f, text] of Object.entries(next)) if (files[f] !== text) write(dir, f, text);
        }
        const list = names();
        // often the file linted last (a drafter linting again), else any
        const file = last && list.includes(last) && pick % 2 === 0 ? last : list[pick % list.length];
        last = file;
        const written = fs.existsSync(location) ? fs.statSync(location).mtimeMs : -1;
        const cached = await runCli(['lint', file, '--cache', '--format', 'json'], { cwd: dir });
        // a run from the cache stores nothing: the file is not written again
        if (fs.statSync(location).mtimeMs === written) hits++;
        const plain = await runCli(['lint', file, '--format', 'json'], { cwd: dir });
        expect({ code: cached.code, stdout: cached.stdout }, file).toEqual({ code: plain.code, stdout: plain.stdout });
      }),
      { numRuns: 40, seed: 20261202 },
    );
    // some runs came from the cache (a file linted again with nothing changed since)
    expect(hits).toBeGreaterThan(3);
  }, 300_000);
});
