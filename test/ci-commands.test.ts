/** The drafter commands: plans init, plans explain, plans schema. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, root } from './helpers/ci-repo.js';
import { runCli } from './helpers/cli.js';

const entrySchema = path.join(root, 'schemas/plans.schema.json');

describe('plans init CITY', () => {
  it('writes a starter plan with the modeline and the tasks, which lints without errors', async () => {
    const repo = copyExample();
    fs.rmSync(path.join(repo, 'wenzhou'), { recursive: true });
    const run = await runCli(['init', 'wenzhou'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('wrote a starter plan for 温州市: wenzhou/plan.yaml\n');
    const text = fs.readFileSync(path.join(repo, 'wenzhou/plan.yaml'), 'utf8');
    const lines = text.split('\n');
    const modeline = /^# yaml-language-server: \$schema=(.+)$/.exec(lines[0]);
    expect(modeline).not.toBeNull();
    expect(path.isAbsolute(modeline![1])).toBe(false);
    // no installed package here: a copy of the entry schema in the repository, named relatively
    expect(modeline![1]).toBe('../.plans/plans.schema.json');
    expect(fs.readFileSync(path.resolve(repo, 'wenzhou', modeline![1]), 'utf8')).toBe(fs.readFileSync(entrySchema, 'utf8'));
    // Every task of the campaign, subtasks indented under their task.
    for (const id of ['T01', 'T05', 'T05.1', 'T06.3', 'T10']) expect(text).toMatch(new RegExp(`^#\\s+${id.replace('.', '\\.')}\\s+\\S`, 'm'));
    expect(text).toMatch(/^# {5}T05\.1 {2}律师行业高质量发展$/m);
    expect(text).toMatch(/^# {3}lawyers-per-10k +律师万人比 \(人\/万人\)$/m);
    expect(text).toMatch(/^campaign: fazhu-gongfu-2022$/m);
    expect(text).toMatch(/^city: wenzhou$/m);
    const lint = await runCli(['lint', 'wenzhou/plan.yaml', '--format', 'json'], { cwd: repo });
    const report = JSON.parse(lint.stdout);
    expect(report.errorCount).toBe(0);
    expect(report.diagnostics.filter((d: { rule: string }) => d.rule === 'task-not-covered')).toHaveLength(14);
    expect(lint.code).toBe(0);
  });

  it('never overwrites a file: exit 2 with one line', async () => {
    const repo = copyExample();
    const before = fs.readFileSync(path.join(repo, 'hangzhou/plan.yaml'), 'utf8');
    const run = await runCli(['init', 'hangzhou'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plans: hangzhou/plan.yaml exists and is not overwritten; name another file with --out\n');
    expect(fs.readFileSync(path.join(repo, 'hangzhou/plan.yaml'), 'utf8')).toBe(before);
  });

  it('takes --out, a city name, and the campaign from a parent folder; comments in Chinese with --lang zh', async () => {
    const repo = copyExample();
    const run = await runCli(['init', '宁波市', '--out', 'drafts/nb.yaml', '--lang', 'zh'], { cwd: path.join(repo, 'hangzhou') });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('已生成 宁波市 的实施方案草稿：drafts/nb.yaml\n');
    const text = fs.readFileSync(path.join(repo, 'hangzhou/drafts/nb.yaml'), 'utf8');
    expect(text).toContain('# 省级任务（每项末级任务都须有行动在 tasks 中列出）：');
    expect(text).toMatch(/^city: ningbo$/m);
    // the copy of the entry schema in the campaign's folder, named from the plan's folder
    expect(path.resolve(repo, 'hangzhou/drafts', /\$schema=(.+)/.exec(text)![1])).toBe(path.join(repo, '.plans/plans.schema.json'));
  });

  it('refuses an unknown city with the closest id, and a folder without a campaign', async () => {
    const repo = copyExample();
    const typo = await runCli(['init', 'wenzou'], { cwd: repo });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('plans: the campaign has no city `wenzou`; did you mean `wenzhou`?\n');
    const lonely = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-lonely-'));
    fs.mkdirSync(path.join(lonely, '.git'));
    const none = await runCli(['init', 'wenzhou'], { cwd: lonely });
    expect(none.code).toBe(2);
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('plans explain RULE', () => {
  it("prints the rule's docs page", async () => {
    const run = await runCli(['explain', 'unused-disable']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(fs.readFileSync(path.join(root, 'docs/rules/unused-disable.md'), 'utf8'));
  });

  it('refuses an unknown rule with the closest id', async () => {
    const run = await runCli(['explain', 'unused-disabel']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plans: no rule `unused-disabel`; did you mean `unused-disable`?\n');
    const zh = await runCli(['explain', 'nonsense-rule'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stderr).toBe('plans: 没有规则 `nonsense-rule`\n');
  });
});

describe('plans schema', () => {
  it('prints the entry schema, or its path with --path', async () => {
    const content = await runCli(['schema']);
    expect(content.code).toBe(0);
    expect(JSON.parse(content.stdout)).toEqual(JSON.parse(fs.readFileSync(entrySchema, 'utf8')));
    const where = await runCli(['schema', '--path']);
    expect(where.stdout).toBe(entrySchema + '\n');
  });
});
