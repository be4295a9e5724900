/**
 * `plans lint --watch`, run as a real process: the first result, a new result after each change
 * (an edit, a folder deleted, a file renamed, a named file deleted and written again), and Ctrl-C
 * ends it with status 0. Waits are generous and nothing asserts on time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiled } from './robustness/helpers.js';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin/plans.js');
const example = path.join(root, 'examples', 'zhejiang-2022');
const made: string[] = [];
const children: ChildProcess[] = [];

beforeAll(ensureCompiled, 120_000);

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

interface Diagnostic {
  file: string;
  messageId: string;
  rule: string;
}

/** A watching process: its JSON results as they come, one per run. */
function watch(dir: string, args: string[]) {
  const child = spawn(process.execPath, [bin, 'lint', ...args, '--watch', '--format', 'json'], { cwd: dir, env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  /** Each run's report (a JSON document ends with `}` alone on its line). */
  const results = () =>
    stdout
      .split(/^}\n/m)
      .slice(0, -1)
      .map((chunk) => JSON.parse(chunk + '}') as { diagnostics: Diagnostic[]; fileCount: number });
  const runs = () => (stderr.match(/watching/g) ?? []).length;
  /** Waits until the process has finished `n` runs in all (up to a minute: the machine is shared). */
  const until = async (n: number) => {
    for (let i = 0; i < 600 && runs() < n; i++) {
      if (child.exitCode !== null) throw new Error(`plans exited: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(runs(), stderr).toBeGreaterThanOrEqual(n);
  };
  return { child, results, runs, until, exited, stderr: () => stderr };
}

function copy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-watch-'));
  fs.cpSync(example, dir, { recursive: true });
  made.push(dir);
  return dir;
}

describe('plans lint --watch', () => {
  it('prints a new result after an edit, a deleted folder and a renamed file; Ctrl-C ends it with 0', async () => {
    const dir = copy();
    const w = watch(dir, ['.']);
    await w.until(1);
    const first = w.results()[0];
    expect(first.diagnostics.some((d) => d.messageId === 'yaml/fullwidth-colon')).toBe(false);

    // an edit: the new finding shows at once
    const plan = path.join(dir, 'hangzhou', 'plan.yaml');
    fs.writeFileSync(plan, fs.readFileSync(plan, 'utf8').replace('title: 杭州市', 'title：杭州市'));
    let seen = w.runs();
    await w.until(seen + 1);
    // (an editor's save may come as several events: the last result is the one that counts)
    await new Promise((r) => setTimeout(r, 300));
    let last = w.results().at(-1)!;
    expect(last.diagnostics.filter((d) => d.messageId === 'yaml/fullwidth-colon').map((d) => d.file)).toEqual(['hangzhou/plan.yaml']);

    // a whole folder deleted: no crash, and its files are gone from the result
    seen = w.runs();
    fs.rmSync(path.join(dir, 'wenzhou'), { recursive: true });
    await w.until(seen + 1);
    await new Promise((r) => setTimeout(r, 300));
    last = w.results().at(-1)!;
    expect(last.fileCount).toBeLessThan(first.fileCount);
    expect(last.diagnostics.some((d) => d.file.startsWith('wenzhou/'))).toBe(false);

    // a file renamed, then mended: the finding goes with it, then away
    seen = w.runs();
    fs.renameSync(plan, path.join(dir, 'hangzhou', 'plan-2022.yaml'));
    await w.until(seen + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(w.results().at(-1)!.diagnostics.filter((d) => d.messageId === 'yaml/fullwidth-colon').map((d) => d.file)).toEqual(['hangzhou/plan-2022.yaml']);
    seen = w.runs();
    const renamed = path.join(dir, 'hangzhou', 'plan-2022.yaml');
    fs.writeFileSync(renamed, fs.readFileSync(renamed, 'utf8').replace('title：杭州市', 'title: 杭州市'));
    await w.until(seen + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(w.results().at(-1)!.diagnostics.some((d) => d.messageId === 'yaml/fullwidth-colon')).toBe(false);

    // a folder made now, and a file written in it at once
    seen = w.runs();
    fs.mkdirSync(path.join(dir, 'drafts', 'new'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'drafts', 'new', 'owners-extra.yaml'), 'kind: Owners\nowners:\n  - id: zz-x\n    nmae: X\n');
    await w.until(seen + 1);
    for (let i = 0; i < 100 && !w.results().at(-1)!.diagnostics.some((d) => d.file === 'drafts/new/owners-extra.yaml'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(w.results().at(-1)!.diagnostics.filter((d) => d.file === 'drafts/new/owners-extra.yaml').map((d) => d.messageId)).toContain('schema/unknown-key-suggest');

    w.child.kill('SIGINT');
    expect(await w.exited).toBe(0);
    expect(w.stderr()).not.toMatch(/internal error|at .*\.js:\d+/);
  }, 180_000);

  it('a named file deleted and written again: one line meanwhile, then its result again', async () => {
    const dir = copy();
    const w = watch(dir, ['hangzhou/plan.yaml']);
    await w.until(1);
    const plan = path.join(dir, 'hangzhou', 'plan.yaml');
    const text = fs.readFileSync(plan, 'utf8');
    let seen = w.runs();
    fs.rmSync(plan);
    await w.until(seen + 1);
    // no result while it is gone: the run is one line on standard error
    expect(w.stderr()).toMatch(/plans: no such file or folder: hangzhou\/plan\.yaml/);
    seen = w.runs();
    const before = w.results().length;
    fs.writeFileSync(plan, text.replace('    track: 法治政府建设', '    trak: 法治政府建设'));
    await w.until(seen + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(w.results().length).toBeGreaterThan(before);
    expect(w.results().at(-1)!.diagnostics.map((d) => d.messageId)).toContain('schema/unknown-key-suggest');
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
  }, 180_000);
});
