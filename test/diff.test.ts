/** plans diff: every change kind both ways on copies of the example, the formats, exit codes, unreadable sides. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIFF_FORMATS } from '../src/cli/diff.js';
import { CHANGE_KINDS, CHANGE_SEVERITY, type ChangeKind } from '../src/diff/types.js';
import { diffFormatters } from '../src/render/diff/index.js';
import { markdown, MAX_ROWS } from '../src/render/diff/markdown.js';
import type { Change, DiffReport } from '../src/diff/types.js';
import { Chalk } from 'chalk';
import { runCli } from './helpers/cli.js';
import { copyExample, edit, lineOf } from './helpers/ci-repo.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function copy(): string {
  const dir = copyExample();
  made.push(dir);
  return dir;
}

interface JsonChange {
  kind: ChangeKind;
  severity: string;
  city?: string;
  action?: string;
  target?: string;
  measure?: string;
  task?: string;
  unit?: string;
  date?: string;
  renamedFrom?: string;
  file: string;
  line: number;
  column: number;
  side: 'old' | 'new';
  before?: unknown;
  after?: unknown;
  message: string;
}

/** `plans diff OLD NEW --format json` run from NEW, so that NEW's files are named as in the repository. */
async function diff(oldDir: string, newDir: string, extra: string[] = []) {
  const run = await runCli(['diff', oldDir, newDir, '--format', 'json', ...extra], { cwd: newDir });
  expect(run.code, run.stderr).toBe(0);
  const json = JSON.parse(run.stdout) as { old: string; new: string; changes: JsonChange[]; counts: Record<string, number> };
  return { ...run, json };
}

type Edit = [file: string, from: string | RegExp, to: string];

interface Case {
  name: string;
  edits: Edit[];
  /** The one change OLD → NEW must give (and nothing else unless `also`). */
  kind: ChangeKind;
  ids: Partial<JsonChange>;
  /** Where the change points in NEW (file and the text of its line); in OLD for a removal. */
  at: [file: string, needle: string, linesBelow?: number];
  /** Other kinds expected beside `kind`. */
  also?: ChangeKind[];
  /** The change NEW → OLD must give: a kind, or null when going back is no change a reviewer is told of. */
  reverse: ChangeKind | null;
  before?: unknown;
  after?: unknown;
}

const HZ = 'hangzhou/plan.yaml';
const HZ2 = 'hangzhou/actions-06-10.yaml';
const NB = 'ningbo/plan.yaml';
const WZ = 'wenzhou/plan.yaml';

const cases: Case[] = [
  {
    name: 'a level target lowered (better: higher)',
    edits: [[HZ, 'target: {op: ">=", value: 20000}', 'target: {op: ">=", value: 15000}']],
    kind: 'target-weakened',
    ids: { city: 'hangzhou', action: 'HZ-03', target: 'HZ-03-K1', column: 17 },
    at: [HZ, 'value: 15000'],
    reverse: 'target-strengthened',
    before: { op: '>=', value: 20000 },
    after: { op: '>=', value: 15000 },
  },
  {
    name: 'a change of +20% made +15%',
    edits: [[NB, 'change: "+20%"', 'change: "+15%"']],
    kind: 'target-weakened',
    ids: { city: 'ningbo', target: 'NB-07-K1' },
    at: [NB, 'change: "+15%"'],
    reverse: 'target-strengthened',
    before: { change: '+20%' },
    after: { change: '+15%' },
  },
  {
    name: 'an annual change of +5% made +3%',
    edits: [[HZ2, 'annual_change: "+5%"', 'annual_change: "+3%"']],
    kind: 'target-weakened',
    ids: { target: 'HZ-07-K1' },
    at: [HZ2, 'annual_change: "+3%"'],
    reverse: 'target-strengthened',
  },
  {
    name: '<= 0.20 made <= 0.25 with better: lower',
    edits: [[HZ2, 'value: 0.20}', 'value: 0.25}']],
    kind: 'target-weakened',
    ids: { target: 'HZ-06-K1' },
    at: [HZ2, 'value: 0.25'],
    reverse: 'target-strengthened',
  },
  {
    name: 'a quantified target turned into words',
    edits: [[HZ, 'target: {op: ">=", value: 20000}', 'target: {text: 法治体检企业数大幅增加}']],
    kind: 'target-weakened',
    ids: { target: 'HZ-03-K1' },
    at: [HZ, '法治体检企业数大幅增加'],
    reverse: 'target-strengthened',
    after: { text: '法治体检企业数大幅增加' },
  },
  {
    name: 'a range widened',
    edits: [[HZ, '{min: 8, max: 15,', '{min: 5, max: 15,']],
    kind: 'target-weakened',
    ids: { target: 'HZ-04-K1' },
    at: [HZ, 'min: 5'],
    reverse: 'target-strengthened',
  },
  {
    name: 'per: unit dropped',
    edits: [[WZ, /\n {8}per: unit/, '']],
    kind: 'target-weakened',
    ids: { city: 'wenzhou', target: 'WZ-01-K1' },
    at: [WZ, 'target: {op: ">=", value: 5, text: 各县'],
    reverse: 'target-strengthened',
  },
  {
    name: 'a tolerance widened',
    edits: [[HZ, 'tolerance: 2,', 'tolerance: 3,']],
    kind: 'target-weakened',
    ids: { target: 'HZ-05-K3' },
    at: [HZ, 'tolerance: 3'],
    reverse: 'target-strengthened',
  },
  {
    name: 'a binding target made expected',
    edits: [[HZ2, /\n {8}nature: binding/, '']],
    kind: 'target-weakened',
    ids: { target: 'HZ-06-K1' },
    at: [HZ2, 'value: 0.20}'],
    reverse: 'target-strengthened',
  },
  {
    name: '>= made > (a strict bound asks more)',
    edits: [[HZ, 'target: {op: ">=", value: 20000}', 'target: {op: ">", value: 20000}']],
    kind: 'target-strengthened',
    ids: { target: 'HZ-03-K1' },
    at: [HZ, 'op: ">", value: 20000'],
    reverse: 'target-weakened',
  },
  {
    name: 'a target removed',
    edits: [[HZ2, /\n {6}- id: HZ-09-K2\n(?: {8}.*\n)+/, '\n']],
    kind: 'target-removed',
    ids: { target: 'HZ-09-K2', side: 'old' },
    at: [HZ2, 'id: HZ-09-K2'],
    reverse: 'target-added',
  },
  {
    name: 'a target renamed, nothing else changed',
    edits: [[HZ2, 'id: HZ-09-K2', 'id: HZ-09-K3']],
    kind: 'target-renamed',
    ids: { target: 'HZ-09-K3', renamedFrom: 'HZ-09-K2' },
    at: [HZ2, 'id: HZ-09-K3'],
    reverse: 'target-renamed',
  },
  {
    name: 'an action removed (and the task it alone covered)',
    edits: [[HZ2, /\n {2}- id: HZ-08\n[\s\S]*?(?=\n {2}- id: HZ-09)/, '']],
    kind: 'action-removed',
    ids: { action: 'HZ-08', side: 'old' },
    at: [HZ2, 'id: HZ-08'],
    also: ['task-uncovered'],
    reverse: 'action-added',
  },
  {
    name: 'an action renumbered, nothing else changed',
    edits: [[HZ2, 'id: HZ-08', 'id: HZ-11']],
    kind: 'action-renamed',
    ids: { action: 'HZ-11', renamedFrom: 'HZ-08' },
    at: [HZ2, 'id: HZ-11'],
    reverse: 'action-renamed',
  },
  {
    name: 'a province task no longer covered',
    edits: [[HZ2, 'tasks: [T08]', 'tasks: [T07]']],
    kind: 'task-uncovered',
    ids: { city: 'hangzhou', task: 'T08', action: 'HZ-08' },
    // the tasks of the action that covered it
    at: [HZ2, 'id: HZ-08', 2],
    reverse: null,
  },
  {
    name: "an action's deadline postponed",
    edits: [[HZ, /(id: HZ-01\n[\s\S]*?)due: 2022-12-31/, '$1due: 2023-03-31']],
    kind: 'deadline-postponed',
    ids: { action: 'HZ-01', before: '2022-12-31', after: '2023-03-31' },
    at: [HZ, 'due: 2023-03-31'],
    reverse: 'deadline-advanced',
  },
  {
    name: "a measure's deadline postponed",
    edits: [[HZ, 'due: 2022-11-30 # 示意', 'due: 2022-12-15']],
    kind: 'deadline-postponed',
    ids: { action: 'HZ-01', measure: '推进法治政府示范创建，优化法治保障的基本单元' },
    at: [HZ, 'due: 2022-12-15'],
    reverse: 'deadline-advanced',
  },
  {
    name: "a target's deadline postponed",
    edits: [[HZ, 'due: 2025-12-31 # 文章：“到2025年”\n', 'due: 2026-06-30\n']],
    kind: 'deadline-postponed',
    ids: { target: 'HZ-01-K1' },
    at: [HZ, 'due: 2026-06-30'],
    reverse: 'deadline-advanced',
  },
  {
    name: 'a baseline moved',
    edits: [[HZ, 'baseline: {value: 8,', 'baseline: {value: 6,']],
    kind: 'baseline-changed',
    ids: { target: 'HZ-01-K1' },
    at: [HZ, 'baseline: {value: 6,'],
    reverse: 'baseline-changed',
    before: { value: 8, date: '2021-12-31' },
    after: { value: 6, date: '2021-12-31' },
  },
  {
    name: 'a reported progress value revised',
    edits: [['hangzhou/progress/2022-06.yaml', 'value: 14500}', 'value: 16500}']],
    kind: 'progress-revised',
    ids: { target: 'HZ-03-K1', date: '2022-06-30', before: 14500, after: 16500 },
    at: ['hangzhou/progress/2022-06.yaml', 'value: 16500'],
    reverse: 'progress-revised',
  },
  {
    name: "a unit's reported progress revised",
    edits: [['wenzhou/progress/2022-06.yaml', 'ouhai: 6', 'ouhai: 5']],
    kind: 'progress-revised',
    ids: { target: 'WZ-01-K1', unit: 'ouhai', before: 6, after: 5 },
    at: ['wenzhou/progress/2022-06.yaml', 'ouhai: 5'],
    reverse: 'progress-revised',
  },
  {
    name: 'a reported progress value taken out (adding one for a date is no revision)',
    edits: [['hangzhou/progress/2022-06.yaml', '  - {target: HZ-07-K1, value: 4960}\n', '']],
    kind: 'progress-revised',
    ids: { target: 'HZ-07-K1', side: 'old', before: 4960, after: null },
    at: ['hangzhou/progress/2022-06.yaml', '{target: HZ-07-K1'],
    reverse: null,
  },
  {
    name: 'a measure removed',
    edits: [[HZ2, '      - 推进政法协同一体化建设\n', '']],
    kind: 'measure-removed',
    ids: { action: 'HZ-06', measure: '推进政法协同一体化建设', side: 'old' },
    at: [HZ2, '推进政法协同一体化建设'],
    reverse: 'measure-added',
  },
  {
    name: "an action's lead changed",
    edits: [[HZ, 'lead: hz-sfj-fzdc\n    support: [hz-sfj-lfc, hz-sfj-xzzfjdc]', 'lead: hz-sfj-lfc\n    support: [hz-sfj-lfc, hz-sfj-xzzfjdc]']],
    kind: 'lead-changed',
    ids: { action: 'HZ-01', before: 'hz-sfj-fzdc', after: 'hz-sfj-lfc' },
    at: [HZ, 'lead: hz-sfj-lfc'],
    reverse: 'lead-changed',
  },
  {
    name: "a measure's lead changed",
    edits: [[HZ, '        lead: hz-sfj-kjxxc\n        support: [hz-sfj-ggflfwc]', '        lead: hz-sfj-lsgzc\n        support: [hz-sfj-ggflfwc]']],
    kind: 'lead-changed',
    ids: { action: 'HZ-05', measure: '迭代升级公共法律服务数智平台' },
    at: [HZ, 'text: 迭代升级公共法律服务数智平台', 1],
    reverse: 'lead-changed',
  },
  {
    name: "an action's support changed",
    edits: [[HZ, 'support: [hz-sfj-lfc, hz-sfj-xzzfjdc]', 'support: [hz-sfj-lfc]']],
    kind: 'support-changed',
    ids: { action: 'HZ-01', before: ['hz-sfj-lfc', 'hz-sfj-xzzfjdc'], after: ['hz-sfj-lfc'] },
    at: [HZ, 'support: [hz-sfj-lfc]'],
    reverse: 'support-changed',
  },
];

describe('plans diff: each kind of change, both ways', () => {
  it('covers every kind of cli.md with its severity', () => {
    const covered = new Set(cases.flatMap((c) => [c.kind, ...(c.reverse ? [c.reverse] : []), ...(c.also ?? [])]));
    expect([...covered].sort()).toEqual([...CHANGE_KINDS].sort());
    expect(CHANGE_SEVERITY['target-weakened']).toBe('error');
    expect(CHANGE_SEVERITY['deadline-postponed']).toBe('warning');
    expect(CHANGE_SEVERITY['support-changed']).toBe('info');
  });

  for (const c of cases) {
    it(c.name, async () => {
      const before = copy();
      const after = copy();
      for (const [file, from, to] of c.edits) edit(after, file, from, to);

      const forward = await diff(before, after);
      expect(forward.json.changes.map((x) => x.kind).sort()).toEqual([c.kind, ...(c.also ?? [])].sort());
      const change = forward.json.changes.find((x) => x.kind === c.kind)!;
      expect(change.severity).toBe(CHANGE_SEVERITY[c.kind]);
      expect(change).toMatchObject({ side: 'new', ...c.ids });
      if (c.before !== undefined) expect(change.before).toEqual(c.before);
      if (c.after !== undefined) expect(change.after).toEqual(c.after);
      // the place: NEW's file as the repository names it, or OLD's file relative to the current folder
      const [file, needle, below = 0] = c.at;
      const side = change.side === 'new' ? after : before;
      expect(change.file).toBe(path.relative(after, path.join(side, file)).split(path.sep).join('/'));
      expect(change.line).toBe(lineOf(side, file, needle) + below);
      expect(change.message).not.toBe(`diff/${c.kind}`);
      expect(forward.json.counts[change.severity]).toBeGreaterThanOrEqual(1);

      const back = await diff(after, before);
      if (c.reverse === null) {
        expect(back.json.changes.filter((x) => CHANGE_SEVERITY[x.kind] !== 'info' || x.kind === c.kind)).toEqual([]);
      } else {
        expect(back.json.changes.map((x) => x.kind)).toContain(c.reverse);
        expect(back.json.changes.filter((x) => x.kind === c.reverse)).toHaveLength(1);
      }
    });
  }

  it('a point target moved with no `better` to say which way is reported for a reviewer to judge', async () => {
    const before = copy();
    const after = copy();
    edit(after, HZ, '{min: 8, max: 15,', '{min: 10, max: 20,');
    const forward = await diff(before, after);
    expect(forward.json.changes.map((x) => x.kind)).toEqual(['target-weakened']);
    const back = await diff(after, before);
    expect(back.json.changes.map((x) => x.kind)).toEqual(['target-weakened']);
  });

  it('the same repository twice: no change, and the drafted wording alone is no change either', async () => {
    const before = copy();
    const after = copy();
    expect((await diff(before, after)).json.changes).toEqual([]);
    edit(after, NB, 'text: 法治体检企业3万家以上', 'text: 法治体检企业三万家以上');
    const run = await diff(before, after);
    expect(run.json.changes).toEqual([]);
    expect(run.json.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('an action and its target renumbered together: two renames, and the progress of the old id is the progress of the new', async () => {
    const before = copy();
    const after = copy();
    edit(after, HZ, 'id: HZ-03\n', 'id: HZ-11\n');
    edit(after, HZ, 'id: HZ-03-K1', 'id: HZ-11-K1');
    edit(after, 'hangzhou/progress/2022-06.yaml', 'target: HZ-03-K1', 'target: HZ-11-K1');
    const run = await diff(before, after);
    expect(run.stderr).toBe('');
    expect(run.json.changes.map((x) => `${x.kind} ${x.renamedFrom} ${x.action ?? ''} ${x.target ?? ''}`).sort()).toEqual(['action-renamed HZ-03 HZ-11 ', 'target-renamed HZ-03-K1 HZ-11 HZ-11-K1']);
    edit(after, 'hangzhou/progress/2022-06.yaml', 'value: 14500}', 'value: 15500}');
    expect((await diff(before, after)).json.changes.filter((x) => x.kind === 'progress-revised').map((x) => x.target)).toEqual(['HZ-11-K1']);
  });

  it('a target renamed and also changed is removed and added, not renamed', async () => {
    const before = copy();
    const after = copy();
    edit(after, HZ2, 'id: HZ-09-K2', 'id: HZ-09-K3');
    edit(after, HZ2, 'target: {op: ">=", value: 12}', 'target: {op: ">=", value: 10}');
    const kinds = (await diff(before, after)).json.changes.map((x) => x.kind).sort();
    expect(kinds).toEqual(['target-added', 'target-removed']);
  });
});

describe('plans diff: exit status, sides, formats', () => {
  const lowered = () => {
    const before = copy();
    const after = copy();
    edit(after, HZ, 'target: {op: ">=", value: 20000}', 'target: {op: ">=", value: 15000}');
    return { before, after };
  };

  it('exits 0 without --fail-on, 1 with --fail-on at or below the worst change, 0 above it', async () => {
    const { before, after } = lowered();
    expect((await runCli(['diff', before, after], { cwd: after })).code).toBe(0);
    expect((await runCli(['diff', before, after, '--fail-on', 'error'], { cwd: after })).code).toBe(1);
    expect((await runCli(['diff', before, after, '--fail-on', 'warning'], { cwd: after })).code).toBe(1);
    const postponed = copy();
    edit(postponed, HZ, /(id: HZ-01\n[\s\S]*?)due: 2022-12-31/, '$1due: 2023-03-31');
    expect((await runCli(['diff', before, postponed, '--fail-on', 'error'], { cwd: postponed })).code).toBe(0);
    expect((await runCli(['diff', before, postponed, '--fail-on', 'warning'], { cwd: postponed })).code).toBe(1);
    const bad = await runCli(['diff', before, after, '--fail-on', 'info'], { cwd: after });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a side that cannot be read: exit 2 and one line', async () => {
    const { before } = lowered();
    for (const args of [
      ['diff', path.join(before, 'no-such-folder'), before],
      ['diff', before, path.join(before, 'campaign.yaml')],
      ['diff', path.join(before, 'hangzhou', 'progress', 'none')],
    ]) {
      const run = await runCli(args, { cwd: before });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    // a folder with no plan file in it
    const empty = fs.mkdtempSync(path.join(path.dirname(before), 'plans-empty-'));
    made.push(empty);
    const run = await runCli(['diff', empty, before], { cwd: before });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a side with lint errors is still compared, with one line on stderr', async () => {
    const { before, after } = lowered();
    // ningbo's plan no longer parses: what it held is not reported as removed
    fs.appendFileSync(path.join(after, NB), 'actions: [\n');
    const run = await runCli(['diff', before, after, '--format', 'json'], { cwd: after });
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('NEW');
    const changes = (JSON.parse(run.stdout) as { changes: JsonChange[] }).changes;
    expect(changes.map((c) => c.kind)).toEqual(['target-weakened']);
  });

  it('text: grouped by city in the campaign order, severities coloured only when asked', async () => {
    const { before, after } = lowered();
    edit(after, 'wenzhou/progress/2022-06.yaml', 'ouhai: 6', 'ouhai: 4');
    edit(after, NB, 'change: "+20%"', 'change: "+25%"');
    const plain = await runCli(['diff', before, after], { cwd: after });
    expect(plain.stdout).not.toMatch(/\x1b\[/);
    const hz = plain.stdout.indexOf('hangzhou');
    const nb = plain.stdout.indexOf('ningbo');
    const wz = plain.stdout.indexOf('wenzhou');
    expect(hz).toBeGreaterThan(0);
    expect(nb).toBeGreaterThan(hz);
    expect(wz).toBeGreaterThan(nb);
    expect(plain.stdout).toContain(`${HZ}:${lineOf(after, HZ, 'value: 15000')}:17`);
    const coloured = await runCli(['diff', before, after], { cwd: after, env: { FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\x1b[31m'); // the error in red
    const zh = await runCli(['diff', before, after, '--lang', 'zh'], { cwd: after });
    expect(zh.stdout).toContain('杭州市');
    expect(zh.stdout).toContain('错误');
  });

  it('markdown: a summary line, a table of errors and warnings, the info folded in <details>', async () => {
    const { before, after } = lowered();
    edit(after, NB, 'change: "+20%"', 'change: "+25%"');
    edit(after, HZ, /(id: HZ-01\n[\s\S]*?)due: 2022-12-31/, '$1due: 2023-03-31');
    const md = (await runCli(['diff', before, after, '--format', 'markdown'], { cwd: after })).stdout;
    const [head, details] = md.split('<details>');
    expect(head).toMatch(/\*\*1 error, 1 warning, 1 info\*\*/);
    expect(head).toMatch(/\| ❌ error \| `target-weakened` \| 杭州市 \| `hangzhou\/plan\.yaml:\d+` \|/);
    expect(head).toMatch(/\| ⚠️ warning \| `deadline-postponed` \|/);
    expect(head).not.toContain('target-strengthened');
    expect(details).toContain('`target-strengthened`');
    expect(details).toContain('</details>');
    const none = (await runCli(['diff', before, before, '--format', 'markdown'], { cwd: before })).stdout;
    expect(none).not.toContain('<details>');
    expect(none).not.toContain('|');
  });

  it('markdown: a long list is cut (MAX_ROWS rows a table, and room for the rest), with a line saying how many more, under the 65,536 characters of a comment', () => {
    const long = 'a measure text that goes on '.repeat(6);
    const change = (i: number, severity: 'error' | 'info'): Change => ({
      kind: severity === 'error' ? 'target-weakened' : 'measure-added',
      severity,
      city: 'hangzhou',
      side: 'new',
      place: { file: 'hangzhou/plan.yaml', line: i + 1, column: 1, endLine: i + 1, endColumn: 2, offset: i },
      message: { zh: long, en: long },
    });
    const changes = [...Array.from({ length: MAX_ROWS + 7 }, (_, i) => change(i, 'error')), ...Array.from({ length: MAX_ROWS + 1 }, (_, i) => change(i, 'info'))];
    const report: DiffReport = { old: 'a', new: 'b', changes, counts: { error: MAX_ROWS + 7, warning: 0, info: MAX_ROWS + 1 }, cityNames: { hangzhou: '杭州市' } };
    const md = markdown(report, { lang: 'en', chalk: new Chalk({ level: 0 }) });
    expect(md.split('\n').filter((l) => l.startsWith('| ❌'))).toHaveLength(MAX_ROWS);
    // the info table gets what the first left of the comment's room
    const infoRows = md.split('\n').filter((l) => l.startsWith('| `measure-added`')).length;
    expect(infoRows).toBeLessThan(MAX_ROWS);
    expect(md).toContain('7 more');
    expect(md).toContain(`${MAX_ROWS + 1 - infoRows} more`);
    expect(md.length).toBeLessThan(65536);
  });

  it("github: annotations on NEW's lines; what is gone names no file", async () => {
    const { before, after } = lowered();
    edit(after, HZ2, '      - 推进政法协同一体化建设\n', '');
    edit(after, NB, 'change: "+20%"', 'change: "+25%"');
    const out = (await runCli(['diff', before, after, '--format', 'github'], { cwd: after })).stdout.trim().split('\n');
    expect(out).toContain(`::error file=${HZ},line=${lineOf(after, HZ, 'value: 15000')},col=17,endLine=${lineOf(after, HZ, 'value: 15000')},endColumn=41,title=target-weakened::target HZ-03-K1 asks for less: ≥ 20000 → ≥ 15000`);
    const removed = out.find((l) => l.includes('title=measure-removed'))!;
    expect(removed).toMatch(/^::warning title=measure-removed::/);
    expect(out.some((l) => l.startsWith('::notice file=ningbo/plan.yaml,'))).toBe(true);
  });

  it('json: the sides as given and the shape of cli.md', async () => {
    const { before, after } = lowered();
    const run = await runCli(['diff', before, '--format', 'json', '--lang', 'zh'], { cwd: after });
    const json = JSON.parse(run.stdout);
    expect(json.old).toBe(before);
    expect(json.new).toBe('.');
    expect(Object.keys(json.changes[0])).toEqual(expect.arrayContaining(['kind', 'severity', 'city', 'action', 'target', 'file', 'line', 'column', 'before', 'after', 'message']));
    expect(json.changes[0].message).toContain('要求降低');
    expect(json.counts).toEqual({ error: 1, warning: 0, info: 0 });
  });

  it('the format names of the help are exactly the formatters; --out writes the report, never onto an input', async () => {
    expect([...DIFF_FORMATS].sort()).toEqual(Object.keys(diffFormatters).sort());
    const { before, after } = lowered();
    const out = path.join(after, 'diff.md');
    expect((await runCli(['diff', before, after, '--format', 'markdown', '--out', out], { cwd: after })).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('target-weakened');
    const onto = await runCli(['diff', before, after, '--out', path.join(after, HZ)], { cwd: after });
    expect(onto.code).toBe(2);
    expect(fs.readFileSync(path.join(after, HZ), 'utf8')).toContain('value: 15000');
  });
});
