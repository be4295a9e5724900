/** The plans diff jobs of docs/ci run as written, on a merge request that weakens a target. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { edit, example, root } from './helpers/ci-repo.js';

/** The `plans diff …` commands of a CI file, split into arguments (no quoting is used in them), with `$BASE` given. */
function diffCommands(file: string, base: string): string[][] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/^\s*-?\s*(?:run:\s*)?plans (diff[^\n#]*)$/gm)].map((m) => m[1].trim().replace(/\$BASE\b/g, base).split(/\s+/).slice(1));
}

let repo: string;
let base: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=plans test', '-c', 'user.email=plans@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  }).trim();

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-diff-ci-'));
  fs.cpSync(example, repo, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  base = git('rev-parse', 'HEAD');
  git('checkout', '-q', '-b', 'lower-hz-03');
  edit(repo, 'hangzhou/plan.yaml', 'target: {op: ">=", value: 20000}', 'target: {op: ">=", value: 15000}');
  git('commit', '-q', '-am', 'lower HZ-03-K1');
});

afterAll(() => {
  fs.rmSync(repo, { recursive: true, force: true });
});

describe('the plans diff jobs in docs/ci', () => {
  it.each(['docs/ci/github-actions-diff.yml', 'docs/ci/gitlab-ci-diff.yml'])('%s: the report is written, and the last command fails on the error', async (file) => {
    expect(() => parse(fs.readFileSync(path.join(root, file), 'utf8'))).not.toThrow();
    const commands = diffCommands(file, base);
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const [i, args] of commands.entries()) {
      const run = await runCli(['diff', ...args], { cwd: repo });
      const last = i === commands.length - 1;
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(last ? 1 : 0);
      const out = args[args.indexOf('--out') + 1];
      if (args.includes('--out')) expect(fs.readFileSync(path.join(repo, out), 'utf8')).toContain('target-weakened');
      if (args.includes('markdown')) expect(fs.readFileSync(path.join(repo, out), 'utf8')).toMatch(/^<!-- plans-diff -->\n/);
      if (last) expect(run.stdout).toContain('HZ-03-K1');
    }
  });

  it('the GitLab job keeps the reports it writes as artifacts, and runs on merge requests with the whole history', () => {
    const job = parse(fs.readFileSync(path.join(root, 'docs/ci/gitlab-ci-diff.yml'), 'utf8'))['plans-diff'];
    const outs = diffCommands('docs/ci/gitlab-ci-diff.yml', 'x').flatMap((args) => args.filter((_, i) => args[i - 1] === '--out'));
    expect(outs.sort()).toEqual([...job.artifacts.paths].sort());
    expect(job.variables.GIT_DEPTH).toBe(0);
    expect(JSON.stringify(job.rules)).toContain('merge_request_event');
  });

  it('the GitHub job checks out the whole history and may comment', () => {
    const workflow = parse(fs.readFileSync(path.join(root, 'docs/ci/github-actions-diff.yml'), 'utf8'));
    const steps = workflow.jobs.diff.steps as { uses?: string; with?: Record<string, unknown> }[];
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
    expect(workflow.permissions['pull-requests']).toBe('write');
  });
});
