/** Inline disable comments: each kind, with and without rule ids, the unused ones, and files that do not parse. */
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/load/source.js';
import { scanDirectives } from '../src/suppress/index.js';
import { copyExample, edit, lineOf, write } from './helpers/ci-repo.js';
import { runCli } from './helpers/cli.js';

async function findings(cwd: string, args: string[] = []) {
  const run = await runCli(['lint', '--format', 'json', ...args], { cwd });
  return JSON.parse(run.stdout).diagnostics as { file: string; line: number; column: number; rule: string; severity: string; message: string }[];
}

const PLAN = 'hangzhou/plan.yaml';

/** A copy with one unknown owner in hangzhou/plan.yaml. */
function repoWithMistake(): string {
  const repo = copyExample();
  edit(repo, PLAN, 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc');
  return repo;
}

describe('scanning disable comments', () => {
  it('finds each kind, its rule ids with their columns, and stops at -- reason', () => {
    const text = [
      'a: 1 # plans-disable-line unknown-reference, schema',
      '# plans-disable-next-line -- the owner is created next month',
      'b: "# plans-disable-file not a comment"',
      '  #plans-disable-file  duplicate-id',
      'c: x# plans-disable-line',
      '# plans-disable-nextline schema',
    ].join('\n');
    const scanned = scanDirectives({ text, lines: new LineIndex(text) });
    expect(scanned.directives.map((d) => [d.kind, d.line, d.rules?.map((r) => [r.id, r.offset])])).toEqual([
      ['line', 1, [['unknown-reference', 26], ['schema', 45]]],
      ['next-line', 2, undefined],
      ['file', 4, [['duplicate-id', text.indexOf('duplicate-id')]]],
    ]);
    expect(scanned.unknown.map((u) => u.name)).toEqual(['plans-disable-nextline']);
  });
});

describe('inline suppression in plans lint', () => {
  it('plans-disable-line RULE suppresses that rule on its line only', async () => {
    const repo = repoWithMistake();
    edit(repo, PLAN, 'lead: hz-sfj-fzc', 'lead: hz-sfj-fzc # plans-disable-line unknown-reference');
    expect((await findings(repo, [PLAN])).filter((f) => f.rule === 'unknown-reference')).toEqual([]);
    const run = await runCli(['lint', PLAN], { cwd: repo });
    expect(run.code).toBe(0);
  });

  it('plans-disable-next-line RULE suppresses the line below', async () => {
    const repo = repoWithMistake();
    edit(repo, PLAN, /\n(\s*)lead: hz-sfj-fzc/, '\n$1# plans-disable-next-line unknown-reference\n$1lead: hz-sfj-fzc');
    expect(await findings(repo, [PLAN])).toEqual([]);
  });

  it('plans-disable-file RULE suppresses the rule anywhere in the file', async () => {
    const repo = repoWithMistake();
    edit(repo, PLAN, 'lead: hz-sfj-lfc', 'lead: hz-sfj-lf'); // a second unknown owner, further down
    expect((await findings(repo, [PLAN])).filter((f) => f.rule === 'unknown-reference')).toHaveLength(2);
    edit(repo, PLAN, 'kind: Plan', 'kind: Plan\n# plans-disable-file unknown-reference');
    expect(await findings(repo, [PLAN])).toEqual([]);
  });

  it('without rule ids, a comment turns off every rule', async () => {
    const repo = repoWithMistake();
    edit(repo, PLAN, 'lead: hz-sfj-fzc', 'lead: hz-sfj-fzc # plans-disable-line');
    expect(await findings(repo, [PLAN])).toEqual([]);
    // … but only there: another rule on the next line is still reported.
    edit(repo, PLAN, /lead: hz-sfj-fzc # plans-disable-line\n(\s*)support:/, 'lead: hz-sfj-fzc # plans-disable-line\n$1suport:');
    expect((await findings(repo, [PLAN])).map((f) => f.rule)).toEqual(['schema']);
  });

  it('reports a comment that suppresses nothing, at the comment, and a rule id that names no rule', async () => {
    const repo = copyExample();
    edit(repo, PLAN, 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzdc # plans-disable-line unknown-reference');
    edit(repo, PLAN, 'kind: Plan', 'kind: Plan # plans-disable-line');
    edit(repo, PLAN, 'city: hangzhou', 'city: hangzhou # plans-disable-line unknown-referance');
    const line = lineOf(repo, PLAN, '# plans-disable-line unknown-reference');
    // Columns by hand: `city: hangzhou # plans-disable-line ` is 36 characters; `    lead: hz-sfj-fzdc # plans-disable-line ` is 43.
    const text = (await findings(repo, [PLAN])).map((f) => [f.line, f.column, f.rule, f.severity, f.message]);
    expect(text).toEqual([
      [lineOf(repo, PLAN, 'kind: Plan'), 12, 'unused-disable', 'warning', '`plans-disable-line` suppresses nothing on this line; remove it'],
      [lineOf(repo, PLAN, 'city: hangzhou'), 37, 'unused-disable', 'warning', 'the disable comment names no rule `unknown-referance`; did you mean `unknown-reference`?'],
      [line, 44, 'unused-disable', 'warning', 'no `unknown-reference` finding on this line; remove `unknown-reference` from `plans-disable-line`'],
    ]);
  });

  it('reports only the rule ids of a comment that were not needed', async () => {
    const repo = repoWithMistake();
    edit(repo, PLAN, 'lead: hz-sfj-fzc', 'lead: hz-sfj-fzc # plans-disable-line unknown-reference, schema');
    const found = await findings(repo, [PLAN]);
    expect(found.map((f) => [f.rule, f.message])).toEqual([['unused-disable', 'no `schema` finding on this line; remove `schema` from `plans-disable-line`']]);
  });

  it('works in a file with YAML errors, and the unused report can be turned off in the config', async () => {
    const repo = copyExample();
    write(repo, 'drafts/broken.yaml', '# plans-disable-file yaml-syntax\nkind: Owners\nowners:\n\t- {id: a, name: b}\n');
    expect(await findings(repo, ['drafts/broken.yaml'])).toEqual([]);
    write(repo, 'drafts/broken.yaml', '# plans-disable-file schema\nkind: Owners\nowners:\n\t- {id: a, name: b}\n');
    expect((await findings(repo, ['drafts/broken.yaml'])).map((f) => f.rule).sort()).toEqual(['unused-disable', 'yaml-syntax']);
    write(repo, 'plans.config.yaml', 'rules:\n  unused-disable: off\n');
    expect((await findings(repo, ['drafts/broken.yaml'])).map((f) => f.rule)).toEqual(['yaml-syntax']);
  });

  it('reports a misspelt directive with the closest one', async () => {
    const repo = copyExample();
    edit(repo, PLAN, 'kind: Plan', 'kind: Plan # plans-disable-nextline');
    const found = await findings(repo, [PLAN]);
    expect(found.map((f) => [f.column, f.rule, f.message])).toEqual([[12, 'unused-disable', 'unknown disable comment `plans-disable-nextline`; did you mean `plans-disable-next-line`?']]);
  });
});
