/**
 * The mistakes drafters make, on a copy of the reference example: a misspelt key, a list where one
 * value belongs, a tab, a key written twice and a file saved as GB18030. Each is reported once, at
 * its file, line and column, in both languages, and none of them sets off findings elsewhere.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const example = path.join(__dirname, '..', 'examples/zhejiang-2022');
let dir: string;

/** Replaces the first `from` in a file of the copy; fails the test if it is not there. */
function edit(file: string, from: string, to: string): void {
  const p = path.join(dir, file);
  const text = fs.readFileSync(p, 'utf8');
  expect(text.includes(from), `${file} holds ${JSON.stringify(from)}`).toBe(true);
  fs.writeFileSync(p, text.replace(from, to));
}

/** 1-based line and column of the first `needle` in a file of the copy. */
function placeOf(file: string, needle: string): { line: number; column: number } {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const at = text.indexOf(needle);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-drafter-'));
  fs.cpSync(example, dir, { recursive: true });
  edit('ningbo/plan.yaml', '    support: [nb-sfj-fzdc]\n', '    suport: [nb-sfj-fzdc]\n');
  edit('ningbo/plan.yaml', '    lead: nb-sfj-xzzfjdc\n', '    lead: [nb-sfj-xzzfjdc, nb-sfj-lfc]\n');
  edit('wenzhou/plan.yaml', '    track: ', '\ttrack: ');
  edit('hangzhou/plan.yaml', '    due: 2022-12-31\n', '    due: 2022-12-31\n    due: 2022-11-30\n');
  // 浙江 in GB18030 (there is no GB18030 encoder in Node, so the bytes are written out)
  fs.writeFileSync(path.join(dir, 'owners-extra.yaml'), Buffer.concat([Buffer.from('kind: Owners\nowners:\n  - id: zj-sft-ggfw\n    name: '), Buffer.from([0xd5, 0xe3, 0xbd, 0xad]), Buffer.from('\n')]));
});

describe('a drafter’s mistakes on the reference example', () => {
  it('are each reported once at their place, with nothing set off elsewhere', async () => {
    const run = await runCli(['lint', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const errors = report.diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    const at = (file: string, needle: string, offset = 0) => {
      const p = placeOf(file, needle);
      return { file, line: p.line, column: p.column + offset };
    };
    expect(errors.map((d: { file: string; line: number; column: number; rule: string }) => ({ file: d.file, line: d.line, column: d.column, rule: d.rule }))).toEqual([
      { ...at('hangzhou/plan.yaml', '    due: 2022-11-30', 4), rule: 'yaml-syntax' },
      { ...at('ningbo/plan.yaml', 'suport', 0), rule: 'schema' },
      { ...at('ningbo/plan.yaml', '[nb-sfj-xzzfjdc, nb-sfj-lfc]', 0), rule: 'schema' },
      { ...at('wenzhou/plan.yaml', '\ttrack', 0), rule: 'yaml-syntax' },
    ]);
    const gb = report.diagnostics.filter((d: { file: string }) => d.file === 'owners-extra.yaml');
    expect(gb).toMatchObject([{ rule: 'encoding', severity: 'warning', line: 1, column: 1 }]);
    // the unreadable Wenzhou plan does not make its progress report's targets unknown, nor the city planless
    expect(report.diagnostics.filter((d: { rule: string }) => d.rule === 'unknown-reference' || d.rule === 'missing-plan')).toEqual([]);
  });

  it('say what to change, in English and in Chinese', async () => {
    const en = JSON.parse((await runCli(['lint', '--format', 'json', '--quiet'], { cwd: dir })).stdout).diagnostics.map((d: { message: string }) => d.message);
    const zh = JSON.parse((await runCli(['lint', '--format', 'json', '--quiet', '--lang', 'zh'], { cwd: dir })).stdout).diagnostics.map((d: { message: string }) => d.message);
    expect(en).toEqual([
      'the key `due` is written twice: it is already used at line 34 of the same mapping; delete one',
      'unknown key `suport`; did you mean `support`?',
      '`lead` of action NB-02 takes one lead, not a list; put the other owners under support',
      'a tab is used for indentation; YAML indents with spaces only',
    ]);
    expect(zh).toEqual([
      '键 `due` 重复：同一映射中第 34 行已写过；请删去其中一个',
      '未知的键 `suport`，是否应为 `support`？',
      '行动 NB-02 的 `lead` 只能写一个牵头单位，不能是列表；其他单位请写在 support 中',
      '缩进中使用了制表符（Tab）；YAML 只能用空格缩进',
    ]);
  });
});
