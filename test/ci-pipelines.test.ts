/** The files shipped for pipelines: the pre-commit hook and the CI examples run as written. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyExample, edit, root } from './helpers/ci-repo.js';
import { runCli } from './helpers/cli.js';

/** The `plans lint …` commands of a CI file, split into arguments (no quoting is used in them). */
function lintCommands(file: string): string[][] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/^\s*-?\s*(?:run:\s*)?plans (lint[^\n#]*)$/gm)].map((m) => m[1].trim().split(/\s+/));
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, string>[];

  it('declares plans-lint, passing changed YAML files to plans lint', () => {
    expect(hooks).toHaveLength(1);
    const hook = hooks[0];
    expect(hook).toMatchObject({ id: 'plans-lint', entry: 'plans lint', language: 'node' });
    expect(hook.pass_filenames).not.toBe(false);
    const files = new RegExp(hook.files);
    const exclude = new RegExp(hook.exclude);
    const picked = (f: string) => files.test(f) && !exclude.test(f);
    expect(['hangzhou/plan.yaml', 'owners.yml', 'a/b/progress/2022-06.YAML'.toLowerCase()].every(picked)).toBe(true);
    expect(['README.md', 'plans.config.yaml', 'sub/plans.config.yml', '.pre-commit-config.yaml', '.github/workflows/ci.yml', '.gitlab-ci.yml'].some(picked)).toBe(false);
  });
});

describe('the CI examples in docs/ci', () => {
  it.each(['docs/ci/github-actions.yml', 'docs/ci/gitlab-ci.yml'])('%s is YAML and its plans lint command runs, writing its reports', async (file) => {
    expect(() => parse(fs.readFileSync(path.join(root, file), 'utf8'))).not.toThrow();
    const commands = lintCommands(file);
    expect(commands.length).toBeGreaterThan(0);
    for (const args of commands) {
      const repo = copyExample();
      edit(repo, 'hangzhou/plan.yaml', 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc');
      const run = await runCli(args, { cwd: repo });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout).toContain('hz-sfj-fzc');
      args.forEach((arg, i) => {
        if (arg === '--out') expect(fs.statSync(path.join(repo, args[i + 1])).size).toBeGreaterThan(100);
      });
    }
  });

  it('name the report files the GitLab job declares as artifacts', () => {
    const job = parse(fs.readFileSync(path.join(root, 'docs/ci/gitlab-ci.yml'), 'utf8'))['plans-lint'];
    const outs = lintCommands('docs/ci/gitlab-ci.yml').flatMap((args) => args.filter((_, i) => args[i - 1] === '--out'));
    expect(outs.sort()).toEqual([job.artifacts.reports.codequality, job.artifacts.reports.junit].sort());
  });
});
