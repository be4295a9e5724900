/** plans.config.yaml: found upward, --config, rule settings, ignore globs, lang, and its own mistakes. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { globToRegExp, matchGlob } from '../src/config/glob.js';
import { copyExample, edit, lineOf, write } from './helpers/ci-repo.js';
import { runCli } from './helpers/cli.js';

async function lintJson(cwd: string, args: string[] = [], env: Record<string, string> = {}) {
  const run = await runCli(['lint', '--format', 'json', ...args], { cwd, env });
  return { code: run.code, stderr: run.stderr, report: JSON.parse(run.stdout) as { diagnostics: any[]; errorCount: number; warningCount: number; fileCount: number } };
}

const count = (diagnostics: { rule: string }[], rule: string) => diagnostics.filter((d) => d.rule === rule).length;

describe('glob matching for ignore', () => {
  it.each([
    ['drafts/**', 'drafts/a.yaml', true],
    ['drafts/**', 'drafts/x/y/a.yaml', true],
    ['drafts/**', 'hangzhou/drafts/a.yaml', false],
    ['drafts/', 'drafts/a.yaml', true],
    ['drafts', 'hangzhou/drafts/a.yaml', true], // no slash: any depth, as in .gitignore
    ['*.draft.yaml', 'ningbo/plan.draft.yaml', true],
    ['*.draft.yaml', 'ningbo/plan.yaml', false],
    ['hangzhou/*.yaml', 'hangzhou/plan.yaml', true],
    ['hangzhou/*.yaml', 'hangzhou/progress/2022-06.yaml', false],
    ['**/progress/*.yaml', 'hangzhou/progress/2022-06.yaml', true],
    ['**/progress/*.yaml', 'progress/2022-06.yaml', true],
    ['*/progress/2022-0?.yaml', 'ningbo/progress/2022-06.yaml', true],
    ['*/progress/2022-0?.yaml', 'ningbo/progress/2022-12.yaml', false],
    ['2022-[01][0-9].yaml', 'a/2022-06.yaml', true],
    ['a+b(1).yaml', 'a+b(1).yaml', true],
    ['a+b(1).yaml', 'aab1.yaml', false],
    ['/campaign.yaml', 'campaign.yaml', true],
  ])('%s against %s → %s', (glob, file, expected) => {
    expect(matchGlob(glob, file)).toBe(expected);
  });

  it('never lets * or ? cross a folder', () => {
    expect(globToRegExp('a*b').test('a/b')).toBe(false);
    expect(globToRegExp('a?b').test('a/b')).toBe(false);
  });
});

describe('plans.config.yaml', () => {
  it('turns a rule off and raises another to error', async () => {
    const repo = copyExample();
    const before = await lintJson(repo);
    expect(count(before.report.diagnostics, 'action-without-target')).toBeGreaterThan(0);
    expect(before.report.errorCount).toBe(0);
    const covered = count(before.report.diagnostics, 'task-not-covered');
    expect(covered).toBeGreaterThan(0);
    write(repo, 'plans.config.yaml', 'rules:\n  action-without-target: off\n  task-not-covered: error\n');
    const after = await lintJson(repo);
    expect(count(after.report.diagnostics, 'action-without-target')).toBe(0);
    expect(after.report.diagnostics.filter((d) => d.rule === 'task-not-covered').every((d) => d.severity === 'error')).toBe(true);
    expect(after.report.errorCount).toBe(covered);
    expect(after.code).toBe(1);
  });

  it('is found in a parent folder, and --config names another one', async () => {
    const repo = copyExample();
    write(repo, 'plans.config.yaml', 'rules:\n  target-off-track: off\n');
    const inside = await lintJson(path.join(repo, 'hangzhou'), ['progress/2022-06.yaml']);
    expect(count(inside.report.diagnostics, 'target-off-track')).toBe(0);
    write(repo, 'strict.config.yml', 'rules:\n  target-off-track: error\n');
    const named = await lintJson(path.join(repo, 'hangzhou'), ['progress/2022-06.yaml', '--config', '../strict.config.yml']);
    expect(named.report.diagnostics.filter((d) => d.rule === 'target-off-track').map((d) => d.severity)).toEqual(['error']);
    const whole = await lintJson(repo, ['--config', 'strict.config.yml']);
    expect(whole.report.diagnostics.filter((d) => d.file === 'strict.config.yml')).toEqual([]);
    const missing = await runCli(['lint', '--config', 'nope.yaml'], { cwd: repo });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^plans: cannot read the config file nope\.yaml \(ENOENT\)\n$/);
  });

  it('ignores files by glob, relative to the config folder, and does not lint the config as a plan', async () => {
    const repo = copyExample();
    write(repo, 'drafts/wip.yaml', 'kind: Plan\ncampaign: nope\n');
    write(repo, 'hangzhou/notes.draft.yaml', 'kind: Nonsense\n');
    const plain = await lintJson(repo);
    expect(plain.report.diagnostics.some((d) => d.file.startsWith('drafts/'))).toBe(true);
    write(repo, 'plans.config.yaml', 'ignore: ["drafts/**", "*.draft.yaml"]\n');
    const ignored = await lintJson(repo);
    expect(ignored.report.diagnostics.filter((d) => d.file.startsWith('drafts/') || d.file.endsWith('.draft.yaml'))).toEqual([]);
    expect(ignored.report.diagnostics.some((d) => d.file === 'plans.config.yaml')).toBe(false);
    expect(ignored.report.fileCount).toBe(plain.report.fileCount - 2);
    // The same from a subfolder: the globs stay relative to the config's folder.
    const fromSub = await lintJson(path.join(repo, 'hangzhou'), ['.']);
    expect(fromSub.report.diagnostics.filter((d) => d.file.endsWith('.draft.yaml'))).toEqual([]);
  });

  it('reports an unknown key, an unknown rule and a bad setting in the config itself, with the closest name', async () => {
    const repo = copyExample();
    write(repo, 'plans.config.yaml', 'rules:\n  action-without-targets: off\n  target-off-track: warn\n  unknown-kind: error\nignores: ["drafts/**"]\nlang: fr\n');
    const { report, code } = await lintJson(repo);
    expect(code).toBe(1);
    const own = report.diagnostics.filter((d) => d.file === 'plans.config.yaml');
    expect(own.map((d) => [d.line, d.column, d.rule, d.severity, d.message])).toEqual([
      [2, 3, 'config', 'error', 'unknown rule `action-without-targets`; did you mean `action-without-target`?'],
      [3, 21, 'config', 'error', 'rule `target-off-track` cannot be set to `warn`; did you mean `warning`? (off, warning, error)'],
      [5, 1, 'config', 'error', 'unknown config key `ignores`; did you mean `ignore`?'],
      [6, 7, 'config', 'error', '`lang` takes zh or en, not `fr`'],
    ]);
    // What is valid still applies: action-without-target is unknown, so it stays on.
    expect(count(report.diagnostics, 'action-without-target')).toBeGreaterThan(0);
  });

  it('takes lang from the config, after --lang and before the environment', async () => {
    const repo = copyExample();
    edit(repo, 'hangzhou/plan.yaml', 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc');
    write(repo, 'plans.config.yaml', 'lang: zh\n');
    const zh = await runCli(['lint', 'hangzhou/plan.yaml'], { cwd: repo, env: { LANG: 'en_US.UTF-8' } });
    expect(zh.stdout).toContain('个问题');
    const en = await runCli(['lint', 'hangzhou/plan.yaml', '--lang', 'en'], { cwd: repo });
    expect(en.stdout).toContain('1 problem');
    expect(lineOf(repo, 'hangzhou/plan.yaml', 'hz-sfj-fzc')).toBeGreaterThan(1);
  });
});
