/** Issue 12: no false green, no cascade. Each case as a new user would meet it, on a copy of the reference example. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const example = path.join(__dirname, '..', 'examples', 'zhejiang-2022');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the reference example, changed by `edit` (relative path → new text from the old). */
function copy(edit: Record<string, ((text: string) => string) | null> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-trust-'));
  made.push(dir);
  fs.cpSync(example, dir, { recursive: true });
  for (const [rel, change] of Object.entries(edit)) {
    const abs = path.join(dir, rel);
    if (change === null) fs.rmSync(abs);
    else fs.writeFileSync(abs, change(fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : ''));
  }
  return dir;
}

interface Diagnostic {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: string;
  message: string;
}

async function lintJson(cwd: string, args: string[] = ['.']) {
  const run = await runCli(['lint', ...args, '--format', 'json'], { cwd });
  return { ...run, diagnostics: (run.stdout ? JSON.parse(run.stdout).diagnostics : []) as Diagnostic[] };
}

const errors = (d: Diagnostic[]) => d.filter((x) => x.severity === 'error').map((x) => `${x.file}:${x.line}:${x.column} ${x.rule}`);

describe('false green', () => {
  it('a path with no plan files: exit 2 and one line, not “0 files checked”', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-trust-'));
    made.push(dir);
    fs.mkdirSync(path.join(dir, 'empty'));
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'docs/readme.md'), '# not a plan\n');
    for (const args of [['lint', 'empty'], ['lint', 'docs'], ['lint'], ['lint', '--format', 'json', 'empty']]) {
      const run = await runCli(args, { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).toMatch(/^plans: no plan files/);
    }
    expect((await runCli(['lint', 'empty', '--lang', 'zh'], { cwd: dir })).stderr).toMatch(/没有找到方案文件/);
    // a named file that is no plan (pre-commit passes every changed YAML file) is still no failure
    fs.writeFileSync(path.join(dir, 'plans.config.yaml'), 'rules: {}\n');
    expect((await runCli(['lint', 'plans.config.yaml'], { cwd: dir })).code).toBe(0);
  });

  it('campaign.yaml deleted: one unknown-reference per Plan and Progress document, at its campaign', async () => {
    const dir = copy({ 'campaign.yaml': null });
    const run = await lintJson(dir);
    expect(run.code).toBe(1);
    expect(errors(run.diagnostics)).toEqual([
      'hangzhou/actions-06-10.yaml:5:11 unknown-reference',
      'hangzhou/plan.yaml:8:11 unknown-reference',
      'hangzhou/progress/2022-06.yaml:9:11 unknown-reference',
      'ningbo/plan.yaml:9:11 unknown-reference',
      'ningbo/progress/2022-06.yaml:8:11 unknown-reference',
      'wenzhou/plan.yaml:9:11 unknown-reference',
      'wenzhou/progress/2022-06.yaml:9:11 unknown-reference',
    ]);
    // the report commands count them too
    const gaps = await runCli(['gaps', '.'], { cwd: dir });
    expect(gaps.stderr).toMatch(/7 errors/);
  });

  it('owners.yaml deleted: one unknown-reference per document that names owners, at its first owner id', async () => {
    const dir = copy({ 'owners.yaml': null });
    const run = await lintJson(dir);
    expect(run.code).toBe(1);
    expect(errors(run.diagnostics)).toEqual([
      'campaign.yaml:8:9 unknown-reference',
      'hangzhou/actions-06-10.yaml:12:11 unknown-reference',
      'hangzhou/plan.yaml:11:8 unknown-reference',
      'ningbo/plan.yaml:12:8 unknown-reference',
      'wenzhou/plan.yaml:12:8 unknown-reference',
    ]);
    expect(run.diagnostics.find((d) => d.file === 'hangzhou/plan.yaml')?.message).toMatch(/^owner 'hz-sfj' is not defined: no kind: Owners document/);
  });

  it('a file linted alone, with no campaign in or above its folder: its own findings and one note on stderr', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-trust-'));
    made.push(dir);
    fs.copyFileSync(path.join(example, 'ningbo/plan.yaml'), path.join(dir, 'plan.yaml'));
    fs.copyFileSync(path.join(example, 'wenzhou/plan.yaml'), path.join(dir, 'other.yaml'));
    const run = await lintJson(dir, ['plan.yaml', 'other.yaml']);
    expect(run.code).toBe(0);
    expect(run.diagnostics.every((d) => d.rule === 'action-without-target' || d.rule === 'target-not-quantified')).toBe(true);
    const notes = run.stderr.trim().split('\n');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^plans: note: no campaign .* plan\.yaml, other\.yaml, so the checks across files/);
    // a file inside a repository is no lone file: no note
    const inRepo = await runCli(['lint', 'ningbo/plan.yaml'], { cwd: copy() });
    expect(inRepo.stderr).toBe('');
  });
});

/** The findings of a changed copy that the unchanged example does not have, and those it lost, by place and rule. */
async function changes(edit: Record<string, (text: string) => string>) {
  const key = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.rule}`;
  const before = (await lintJson(copy())).diagnostics.map(key);
  const after = (await lintJson(copy(edit))).diagnostics.map(key);
  return { added: after.filter((k) => !before.includes(k)), lost: before.filter((k) => !after.includes(k)) };
}

describe('no cascade: one mistake, one finding', () => {
  it('`kind: plan` (lower case) is one unknown-kind; no missing-plan, no unknown-reference per progress value', async () => {
    const { added } = await changes({ 'ningbo/plan.yaml': (s) => s.replace(/^kind: Plan$/m, 'kind: plan') });
    expect(added).toEqual(['ningbo/plan.yaml:8:7 unknown-kind']);
  });

  it('a plan document of no kind at all, recognised by its keys, is one finding too', async () => {
    const { added } = await changes({ 'ningbo/plan.yaml': (s) => s.replace(/^kind: Plan\n/m, '') });
    expect(added).toEqual(['ningbo/plan.yaml:7:1 unknown-kind']);
  });

  it('`city: ningpo` is one unknown-reference; no missing-plan for ningbo, no finding per progress value or owner', async () => {
    const { added } = await changes({ 'ningbo/plan.yaml': (s) => s.replace(/^city: ningbo$/m, 'city: ningpo') });
    expect(added).toEqual(['ningbo/plan.yaml:10:7 unknown-reference']);
    const { added: report } = await changes({ 'ningbo/progress/2022-06.yaml': (s) => s.replace(/^city: ningbo$/m, 'city: ningpo') });
    expect(report).toHaveLength(1);
    expect(report[0]).toMatch(/^ningbo\/progress\/2022-06\.yaml:\d+:\d+ unknown-reference$/);
  });

  it('`due: 2022/11/30` and `due: 2022-02-30` are schema findings only: no due-outside-period from comparing strings', async () => {
    const { added } = await changes({
      'hangzhou/plan.yaml': (s) => s.replace('    due: 2022-12-31', '    due: 2022/11/30').replace('        due: 2022-06-30', '        due: 2022-02-30'),
    });
    expect(added.length).toBe(2);
    expect(added.every((k) => k.endsWith(' schema'))).toBe(true);
    // a baseline or report date that is no date takes part in no status either
    const { added: asOf } = await changes({ 'ningbo/progress/2022-06.yaml': (s) => s.replace(/^as_of: .*$/m, 'as_of: 2022-06-31') });
    expect(asOf.every((k) => k.endsWith(' schema'))).toBe(true);
    expect(asOf.length).toBeGreaterThan(0);
  });

  it('--as-of takes calendar dates only', async () => {
    const run = await runCli(['gaps', example, '--as-of', '2022-02-30']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('not-achieved once past the due date', () => {
  const shortStatuses = ['on-track', 'at-risk', 'off-track'];

  it('plans gaps --as-of 2030-01-01: every target due by then and not met is not-achieved, never on-track/at-risk/off-track', async () => {
    const run = await runCli(['gaps', example, '--format', 'json', '--as-of', '2030-01-01']);
    const targets = JSON.parse(run.stdout).cities.flatMap((c: { targets: { id: string; status: string }[] }) => c.targets);
    const byId = new Map(targets.map((x: { id: string; status: string }) => [x.id, x.status]));
    expect(byId.get('HZ-01-K1')).toBe('not-achieved');
    expect(byId.get('HZ-03-K1')).toBe('not-achieved');
    expect(byId.get('HZ-04-K1')).toBe('achieved');
    expect(targets.filter((x: { status: string }) => shortStatuses.includes(x.status))).toEqual([]);
    // before the due date nothing changes
    const mid = await runCli(['gaps', example, '--format', 'json', '--as-of', '2022-06-30']);
    const midIds = new Map(JSON.parse(mid.stdout).cities.flatMap((c: { targets: { id: string; status: string }[] }) => c.targets).map((x: { id: string; status: string }) => [x.id, x.status]));
    expect(midIds.get('HZ-03-K1')).toBe('off-track');
  });

  it('plans table targets --as-of 2030-01-01: the status column says not-achieved', async () => {
    const run = await runCli(['table', 'targets', example, '--format', 'json', '--as-of', '2030-01-01']);
    const rows = JSON.parse(run.stdout).rows as { ids: { target: string; status: string } }[];
    expect(rows.find((r) => r.ids.target === 'HZ-03-K1')?.ids.status).toBe('not-achieved');
    expect(rows.filter((r) => shortStatuses.includes(r.ids.status))).toEqual([]);
  });

  it('a report dated after the due date: gaps, compile and lint (target-off-track) say not-achieved', async () => {
    const dir = copy({
      'hangzhou/progress/2023-01.yaml': () =>
        ['kind: Progress', 'campaign: fazhu-gongfu-2022', 'city: hangzhou', 'as_of: 2023-01-15', 'values:', '  - {target: HZ-01-K1, value: 9.5}', '  - {target: HZ-03-K1, value: 19000}', ''].join('\n'),
    });
    const gaps = JSON.parse((await runCli(['gaps', '.', '--format', 'json'], { cwd: dir })).stdout);
    const hz = gaps.cities.find((c: { city: string }) => c.city === 'hangzhou').targets as { id: string; status: string }[];
    expect(hz.find((x) => x.id === 'HZ-03-K1')?.status).toBe('not-achieved');
    const compiled = JSON.parse((await runCli(['compile', '.'], { cwd: dir })).stdout);
    const targets = compiled.plans.flatMap((p: { actions: { targets: { id: string; status: { status: string } }[] }[] }) => p.actions.flatMap((a) => a.targets));
    expect(targets.find((x: { id: string }) => x.id === 'HZ-03-K1').status).toEqual({ status: 'not-achieved', latest: 19000, latestDate: '2023-01-15' });
    const lint = await lintJson(dir);
    const offTrack = lint.diagnostics.filter((d) => d.rule === 'target-off-track' && d.file === 'hangzhou/progress/2023-01.yaml');
    // HZ-01-K1 is due at the end of 2025: not yet judged
    expect(offTrack.map((d) => `${d.line}:${d.column}`)).toEqual(['7:14']);
    expect(offTrack[0].message).toMatch(/^target HZ-03-K1 is not achieved: its due date 2022-12-31 has passed/);
  });
});

describe('interoperability: YAML merge keys', () => {
  const withMerge = (s: string) =>
    s
      .replace('    track: 法治政府建设\n    lead: hz-sfj-fzdc\n    support: [hz-sfj-lfc, hz-sfj-xzzfjdc]\n    due: 2022-12-31\n', '    <<: &hz-defaults {track: 法治政府建设, due: 2022-12-31}\n    lead: hz-sfj-fzdc\n    support: [hz-sfj-lfc, hz-sfj-xzzfjdc]\n')
      .replace('    track: 法治政府建设\n    lead: hz-sfj-lfc\n    support: [hz-sfj-fzdc]\n    due: 2022-12-31\n', '    <<: *hz-defaults\n    lead: hz-sfj-lfc\n    support: [hz-sfj-fzdc]\n');

  it('`<<: *anchor` is merged as the yaml package does with merge: true: no unknown key, the merged values count', async () => {
    const dir = copy({ 'hangzhou/plan.yaml': withMerge });
    expect(fs.readFileSync(path.join(dir, 'hangzhou/plan.yaml'), 'utf8').match(/<</g)).toHaveLength(2);
    const { added, lost } = await changes({ 'hangzhou/plan.yaml': withMerge });
    expect(added).toEqual([]);
    expect(lost).toEqual([]);
    const compiled = JSON.parse((await runCli(['compile', '.'], { cwd: dir })).stdout);
    const actions = compiled.plans.find((p: { city: { id: string } }) => p.city.id === 'hangzhou').actions as { id: string; due: string; track: string }[];
    expect(actions.find((a) => a.id === 'HZ-02')).toMatchObject({ due: '2022-12-31', track: '法治政府建设' });
  });

  it('the fast reader gives up on a merge key, so the yaml package reads the file', async () => {
    const { fastValues } = await import('../src/load/fast.js');
    expect(fastValues('kind: Plan\nactions:\n  - id: A\n    <<: {due: 2022-12-31}\n')).toBeUndefined();
    expect(fastValues('kind: Plan\nbase: {a: 1}\n')).toBeDefined();
  });
});

describe('not-achieved for a per-unit target', () => {
  it('a report after the due date names the units that fall short', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-trust-'));
    made.push(dir);
    fs.cpSync(path.join(__dirname, 'fixtures/rules/target-off-track-trigger'), dir, { recursive: true });
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(
      path.join(dir, 'alpha/progress/2023-01.yaml'),
      ['kind: Progress', 'campaign: c1', 'city: alpha', 'as_of: 2023-01-31', 'values:', '  - target: A-01-K3', '    units: {x1: 6, x2: 12}', ''].join('\n'),
    );
    const run = await lintJson(dir);
    const found = run.diagnostics.filter((d) => d.rule === 'target-off-track' && d.file === 'alpha/progress/2023-01.yaml');
    expect(found.map((d) => `${d.line}:${d.column}`)).toEqual(['6:13']);
    expect(found[0].message).toMatch(/^target A-01-K3 is not achieved: .* these units fall short: 一区$/);
    const gaps = JSON.parse((await runCli(['gaps', '.', '--format', 'json'], { cwd: dir })).stdout);
    const k3 = gaps.cities[0].targets.find((x: { id: string }) => x.id === 'A-01-K3');
    expect(k3.status).toBe('not-achieved');
  });
});
