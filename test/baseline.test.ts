/** Baselines: record today's findings, then report only new ones, matched by content and counted. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, edit, write } from './helpers/ci-repo.js';
import { runCli } from './helpers/cli.js';

const PLAN = 'hangzhou/plan.yaml';

async function lint(cwd: string, args: string[]) {
  const run = await runCli(['lint', '--format', 'json', ...args], { cwd });
  return { ...run, report: JSON.parse(run.stdout) as { diagnostics: { file: string; line: number; rule: string; message: string }[]; errorCount: number; warningCount: number } };
}

describe('--write-baseline and --baseline', () => {
  it('records every finding, then hides them all, exit 0 even with errors recorded', async () => {
    const repo = copyExample();
    edit(repo, PLAN, 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc');
    const first = await lint(repo, ['--write-baseline', 'plans-baseline.json']);
    expect(first.code).toBe(1);
    const total = first.report.diagnostics.length;
    expect(total).toBeGreaterThan(5);
    expect(first.stderr).toBe(`plans: recorded ${total} findings in the baseline plans-baseline.json\n`);
    const baseline = JSON.parse(fs.readFileSync(path.join(repo, 'plans-baseline.json'), 'utf8'));
    expect(baseline.version).toBe(1);
    expect(baseline.findings).toHaveLength(total);
    expect(baseline.findings[0]).toEqual(expect.objectContaining({ rule: expect.any(String), file: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{24}$/) }));
    const second = await lint(repo, ['--baseline', 'plans-baseline.json']);
    expect(second.report.diagnostics).toEqual([]);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe(`plans: ${total} findings known to the baseline not shown; 0 baseline entries are fixed\n`);
  });

  it('still matches after lines are inserted above a finding, and reports a new one', async () => {
    const repo = copyExample();
    edit(repo, PLAN, 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc');
    await lint(repo, ['--write-baseline', 'plans-baseline.json']);
    edit(repo, PLAN, 'kind: Plan', '# 新增说明\n# another line\n\n\nkind: Plan');
    const moved = await lint(repo, ['--baseline', 'plans-baseline.json']);
    expect(moved.report.diagnostics).toEqual([]);
    edit(repo, PLAN, 'lead: hz-sfj-lfc', 'lead: hz-sfj-lf');
    const fresh = await lint(repo, ['--baseline', 'plans-baseline.json']);
    expect(fresh.report.diagnostics.map((d) => [d.file, d.rule, d.message])).toEqual([[PLAN, 'unknown-reference', "owner 'hz-sfj-lf' is not defined; did you mean 'hz-sfj-lfc' (杭州市司法局立法处)?"]]);
    expect(fresh.code).toBe(1);
  });

  it('ignores the line numbers a message cites (duplicate-id names the other place)', async () => {
    const repo = copyExample();
    edit(repo, 'ningbo/plan.yaml', /id: NB-01\b/, 'id: HZ-01');
    await lint(repo, ['--write-baseline', 'b.json']);
    const before = (await lint(repo, [])).report.diagnostics.find((d) => d.rule === 'duplicate-id' && d.file === PLAN)!;
    edit(repo, 'ningbo/plan.yaml', 'kind: Plan', '# moved down\n\nkind: Plan');
    const after = (await lint(repo, [])).report.diagnostics.find((d) => d.rule === 'duplicate-id' && d.file === PLAN)!;
    expect(after.message).not.toBe(before.message); // the cited line moved…
    expect((await lint(repo, ['--baseline', 'b.json'])).report.diagnostics).toEqual([]); // …and the baseline still matches
  });

  it('counts identical findings: a second copy is new', async () => {
    const repo = copyExample();
    edit(repo, PLAN, 'tasks: [T01]', 'tasks: [T99]');
    await lint(repo, ['--write-baseline', 'b.json']);
    edit(repo, PLAN, 'tasks: [T02]', 'tasks: [T99]'); // the same line text and message, another action
    const run = await lint(repo, ['--baseline', 'b.json']);
    // New: the second `T99` (same line text, same message as the recorded one) and T02, now not covered.
    expect(run.report.diagnostics.map((d) => d.rule)).toEqual(['task-not-covered', 'unknown-reference']);
    const baseline = JSON.parse(fs.readFileSync(path.join(repo, 'b.json'), 'utf8'));
    expect(baseline.findings.filter((f: { rule: string }) => f.rule === 'unknown-reference')).toHaveLength(1);
  });

  it('keeps paths relative to the baseline file, so it works from another folder', async () => {
    const repo = copyExample();
    edit(repo, PLAN, 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc');
    write(repo, 'ci/.keep', '');
    await lint(repo, ['--write-baseline', 'ci/baseline.json']);
    const entries = JSON.parse(fs.readFileSync(path.join(repo, 'ci/baseline.json'), 'utf8')).findings as { file: string }[];
    expect(entries.some((e) => e.file === '../hangzhou/plan.yaml')).toBe(true);
    const fromSub = await lint(path.join(repo, 'hangzhou'), ['plan.yaml', '--baseline', '../ci/baseline.json']);
    expect(fromSub.report.diagnostics).toEqual([]);
  });

  it('refuses a baseline that is missing or not one, with exit 2', async () => {
    const repo = copyExample();
    write(repo, 'bad.json', '{"findings": 3}');
    write(repo, 'notjson.json', 'findings:');
    for (const file of ['missing.json', 'bad.json', 'notjson.json']) {
      const run = await runCli(['lint', '--baseline', file], { cwd: repo });
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
