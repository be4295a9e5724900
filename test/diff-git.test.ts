/** plans diff git:REV: a real git repository with two commits in a temporary folder, read with git without touching the work tree. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { edit, example, lineOf } from './helpers/ci-repo.js';

let top: string;
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=plans test', '-c', 'user.email=plans@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: top,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });

const HZ = 'hangzhou/plan.yaml';

beforeAll(() => {
  // the plans live in a subfolder of the repository, as in a monorepo: git:REV is the current folder at REV
  top = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-diff-git-'));
  repo = path.join(top, 'plans');
  fs.cpSync(example, repo, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'plans as adopted');
  edit(repo, HZ, 'target: {op: ">=", value: 20000}', 'target: {op: ">=", value: 15000}');
  edit(repo, HZ, /(id: HZ-03-K1\n[\s\S]*?)due: 2022-12-31/, '$1due: 2023-03-31');
  git('commit', '-q', '-am', 'Hangzhou: HZ-03-K1 lowered and postponed');
});

afterAll(() => {
  fs.rmSync(top, { recursive: true, force: true });
});

function kindsOf(stdout: string): string[] {
  return (JSON.parse(stdout) as { changes: { kind: string }[] }).changes.map((c) => c.kind);
}

describe('plans diff git:REV', () => {
  it('compares the previous commit with the work tree, from inside the repository', async () => {
    const status = git('status', '--porcelain');
    const index = fs.readFileSync(path.join(top, '.git', 'index'));
    const run = await runCli(['diff', 'git:HEAD~1', '--format', 'json'], { cwd: repo });
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.old).toBe('git:HEAD~1');
    expect(json.new).toBe('.');
    expect(kindsOf(run.stdout)).toEqual(['target-weakened', 'deadline-postponed']);
    expect(json.changes[0]).toMatchObject({ target: 'HZ-03-K1', file: HZ, line: lineOf(repo, HZ, 'value: 15000'), column: 17, side: 'new' });
    // git read the old side; the work tree and the index are as they were
    expect(git('status', '--porcelain')).toBe(status);
    expect(fs.readFileSync(path.join(top, '.git', 'index')).equals(index)).toBe(true);
  });

  it('two revisions; places in OLD are named as the work tree names the file', async () => {
    const both = await runCli(['diff', 'git:HEAD~1', 'git:HEAD', '--format', 'json'], { cwd: repo });
    expect(kindsOf(both.stdout)).toEqual(['target-weakened', 'deadline-postponed']);
    const back = await runCli(['diff', 'git:main', 'git:main~1', '--format', 'json', '--fail-on', 'error'], { cwd: repo });
    expect(back.code).toBe(0);
    expect(kindsOf(back.stdout).sort()).toEqual(['deadline-advanced', 'target-strengthened']);
    // git:REV:PATH: a folder of the revision, from anywhere in the repository
    const named = await runCli(['diff', 'git:HEAD~1:plans', 'plans', '--format', 'json'], { cwd: top });
    expect(kindsOf(named.stdout)).toEqual(['target-weakened', 'deadline-postponed']);
    expect(JSON.parse(named.stdout).changes[0].file).toBe(`plans/${HZ}`);
    const none = await runCli(['diff', 'git:HEAD', '--format', 'json', '--fail-on', 'warning'], { cwd: repo });
    expect(none.code).toBe(0);
    expect(kindsOf(none.stdout)).toEqual([]);
  });

  it('an uncommitted change of the work tree against HEAD; a removal points at the file of OLD', async () => {
    edit(repo, 'hangzhou/actions-06-10.yaml', '      - 推进政法协同一体化建设\n', '');
    try {
      const run = await runCli(['diff', 'git:HEAD', '--format', 'json', '--fail-on', 'warning'], { cwd: repo });
      expect(run.code).toBe(1);
      const [change] = JSON.parse(run.stdout).changes;
      expect(change).toMatchObject({ kind: 'measure-removed', side: 'old', file: 'hangzhou/actions-06-10.yaml' });
      const old = git('show', 'HEAD:plans/hangzhou/actions-06-10.yaml').split('\n');
      expect(change.line).toBe(old.findIndex((l) => l.includes('推进政法协同一体化建设')) + 1);
    } finally {
      git('checkout', '-q', '--', 'plans/hangzhou/actions-06-10.yaml');
    }
  });

  it('a revision git does not know, an option in its place, or no repository: exit 2 and one line', async () => {
    for (const side of ['git:no-such-branch', 'git:--output=/tmp/x', 'git:']) {
      const run = await runCli(['diff', side], { cwd: repo });
      expect(run.code, side).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-diff-nogit-'));
    try {
      fs.cpSync(example, outside, { recursive: true });
      const run = await runCli(['diff', 'git:HEAD'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: path.dirname(outside) } });
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('leaves no temporary folder behind, also when the other side cannot be read once git has started', async () => {
    const ours = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('plans-git-')).sort();
    const before = ours();
    expect((await runCli(['diff', 'git:HEAD~1', '--format', 'json'], { cwd: repo })).code).toBe(0);
    const failed = await runCli(['diff', 'git:HEAD~1', path.join(top, 'no-such-folder')], { cwd: repo });
    expect(failed.code).toBe(2);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(ours()).toEqual(before);
  });

  it('a revision whose files have lint errors is still compared, with one line on stderr', async () => {
    fs.appendFileSync(path.join(repo, 'ningbo/plan.yaml'), 'actions: [\n');
    git('commit', '-q', '-am', 'a broken ningbo plan');
    try {
      const run = await runCli(['diff', 'git:HEAD~2', 'git:HEAD', '--format', 'json'], { cwd: repo });
      expect(run.code).toBe(0);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('git:HEAD');
      expect(kindsOf(run.stdout)).toEqual(['target-weakened', 'deadline-postponed']);
    } finally {
      git('reset', '-q', '--hard', 'HEAD~1');
    }
  });
});
