/** Lint in context: named files are checked with the repository around them, and only their findings reported. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCampaignRoot } from '../src/config/root.js';
import { copyExample, edit, lineOf, write } from './helpers/ci-repo.js';
import { runCli } from './helpers/cli.js';

const PLAN = 'hangzhou/plan.yaml';

async function lint(cwd: string, args: string[]) {
  const run = await runCli(['lint', '--format', 'json', ...args], { cwd });
  return { code: run.code, report: JSON.parse(run.stdout) as { diagnostics: { file: string; line: number; column: number; rule: string }[]; fileCount: number } };
}

describe('finding the repository around a file', () => {
  it('is the nearest folder above with the campaign, by name or by `kind: Campaign`', () => {
    const repo = copyExample();
    expect(findCampaignRoot(path.join(repo, 'hangzhou/progress'))).toBe(repo);
    fs.renameSync(path.join(repo, 'campaign.yaml'), path.join(repo, '专项行动.yml'));
    expect(findCampaignRoot(path.join(repo, 'hangzhou'))).toBe(repo);
  });

  it('stops at a folder with .git and at the filesystem root', () => {
    const outer = copyExample();
    fs.rmSync(path.join(outer, '.git'), { recursive: true });
    write(outer, 'inner/.git/HEAD', 'ref: refs/heads/main\n');
    write(outer, 'inner/plan.yaml', 'kind: Plan\n');
    expect(findCampaignRoot(path.join(outer, 'inner'))).toBeUndefined();
    const lonely = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-lonely-'));
    expect(findCampaignRoot(lonely)).toBeUndefined();
  });
});

describe('plans lint FILE inside a repository', () => {
  it('runs the cross-file rules on the whole repository and reports the named file only', async () => {
    const repo = copyExample();
    edit(repo, PLAN, 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc');
    const { code, report } = await lint(repo, [PLAN]);
    expect(code).toBe(1);
    expect(report.fileCount).toBe(1);
    // Owners, tasks and the campaign resolve from the other files: only the one wrong owner is left.
    expect(report.diagnostics.map((d) => [d.file, d.line, d.column, d.rule])).toEqual([[PLAN, lineOf(repo, PLAN, 'hz-sfj-fzc'), 11, 'unknown-reference']]);
    const whole = await lint(repo, []);
    expect(whole.report.diagnostics.some((d) => d.file !== PLAN)).toBe(true);
  });

  it('works from a subfolder and for several named files', async () => {
    const repo = copyExample();
    edit(repo, PLAN, 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc');
    const sub = await lint(path.join(repo, 'hangzhou'), ['plan.yaml', 'actions-06-10.yaml']);
    expect(sub.report.fileCount).toBe(2);
    expect(new Set(sub.report.diagnostics.map((d) => d.file))).toEqual(new Set(['plan.yaml', 'actions-06-10.yaml']));
    expect(sub.report.diagnostics.filter((d) => d.rule === 'unknown-reference').map((d) => d.file)).toEqual(['plan.yaml']);
  });

  it('reports only the named side of a duplicate id, and no missing plan of another city', async () => {
    const repo = copyExample();
    edit(repo, 'ningbo/plan.yaml', /id: NB-01\b/, 'id: HZ-01');
    fs.rmSync(path.join(repo, 'wenzhou'), { recursive: true });
    const whole = await lint(repo, []);
    expect(whole.report.diagnostics.filter((d) => d.rule === 'duplicate-id').map((d) => d.file).sort()).toEqual(['hangzhou/plan.yaml', 'ningbo/plan.yaml']);
    expect(whole.report.diagnostics.some((d) => d.rule === 'missing-plan')).toBe(true);
    const named = await lint(repo, [PLAN]);
    expect(named.report.diagnostics.map((d) => [d.file, d.rule])).toEqual([[PLAN, 'duplicate-id']]);
  });

  it('skips the YAML files pre-commit passes that are no plans, and ignored ones', async () => {
    const repo = copyExample();
    write(repo, 'plans.config.yaml', 'ignore: ["drafts/**"]\n');
    write(repo, '.pre-commit-config.yaml', 'repos: []\n');
    write(repo, 'drafts/x.yaml', 'kind: Nonsense\n');
    const { code, report } = await lint(repo, ['plans.config.yaml', '.pre-commit-config.yaml', 'drafts/x.yaml', PLAN]);
    expect(report.fileCount).toBe(1);
    expect(report.diagnostics).toEqual([]);
    expect(code).toBe(0);
  });

  it('takes a named folder as all the files under it', async () => {
    const repo = copyExample();
    const { report } = await lint(repo, ['ningbo']);
    expect(report.fileCount).toBe(2);
    expect(report.diagnostics.length).toBeGreaterThan(0);
    expect(report.diagnostics.every((d) => d.file.startsWith('ningbo/'))).toBe(true);
    expect(report.diagnostics.some((d) => d.rule === 'unknown-reference')).toBe(false);
  });

  it('lints just the named files when there is no campaign above them', async () => {
    const lonely = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-lonely-'));
    fs.mkdirSync(path.join(lonely, '.git'));
    write(lonely, 'a.yaml', 'kind: Plan\ncampaign: c\ncity: x\nactions:\n  - {id: X-01, title: t, tasks: [T01], lead: o}\n');
    write(lonely, 'b.yaml', 'kind: Plan\ncampaign: c\ncity: x\nactions:\n  - {id: X-01, title: t, tasks: [T01], lead: o}\n');
    const alone = await lint(lonely, ['a.yaml']);
    expect(alone.report.fileCount).toBe(1);
    expect(alone.report.diagnostics.filter((d) => d.rule === 'duplicate-id')).toEqual([]); // b.yaml was not read
    const both = await lint(lonely, ['a.yaml', 'b.yaml']);
    expect(both.report.diagnostics.filter((d) => d.rule === 'duplicate-id').map((d) => [d.file, d.line, d.column])).toEqual([
      ['a.yaml', 5, 10], // `  - {id: ` is 9 characters
      ['b.yaml', 5, 10],
    ]);
  });
});
