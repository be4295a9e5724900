/**
 * Text output fits the terminal: at 80 columns (COLUMNS=80, or a terminal's own columns) no line
 * of `plans lint` (stylish), `plans gaps` (text) or `plans table` (text) is wider than 80, in
 * either language, with CJK counted as two columns (string-width, as terminals draw them).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { displayWidth, NARROW, WIDE_SYMBOLS } from '../src/render/width.js';

const example = path.join(__dirname, '..', 'examples/zhejiang-2022');
let dir: string;

/** Widest line of a text, in terminal columns. */
const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));

beforeAll(() => {
  // the example with a few long findings added: a misspelt key, a list for a lead, a name for an id
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-width-'));
  fs.cpSync(example, dir, { recursive: true });
  const plan = path.join(dir, 'ningbo/plan.yaml');
  const text = fs.readFileSync(plan, 'utf8');
  fs.writeFileSync(plan, text.replace('    support: [nb-sfj-fzdc]\n', '    suport: [nb-sfj-fzdc]\n').replace('    lead: nb-sfj-xzzfjdc\n', '    lead: [nb-sfj-xzzfjdc, nb-sfj-lfc]\n'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const commands: [string, string[]][] = [
  ['lint (stylish)', ['lint']],
  ['gaps (text)', ['gaps', '--as-of', '2022-09-30']],
  ['table responsibilities (text)', ['table', 'responsibilities']],
  ['table targets (text)', ['table', 'targets', '--as-of', '2022-09-30']],
  ['table coverage (text)', ['table', 'coverage']],
  ['table owners (text)', ['table', 'owners']],
];

describe('text output at 80 columns', () => {
  for (const lang of ['zh', 'en']) {
    for (const [name, args] of commands) {
      it(`${name}, --lang ${lang}: no line wider than 80`, async () => {
        const run = await runCli([...args, '--lang', lang], { cwd: dir, env: { COLUMNS: '80' } });
        expect(run.stdout.length).toBeGreaterThan(200);
        expect(widest(run.stdout)).toBeLessThanOrEqual(80);
        // a wrapped line never starts with closing punctuation (避头点)
        expect(run.stdout.split('\n').filter((l) => /^\s*[，。、；：？！）》」』”’]/.test(l))).toEqual([]);
        // nor does one end with an opening bracket, in a table cell either (避尾点)
        expect(run.stdout.split('\n').filter((l) => /[（《「『“‘]\s*(│|$)/.test(l))).toEqual([]);
      });
    }
  }

  it('a terminal’s own width comes first, then COLUMNS; 100 without either', async () => {
    const wide = await runCli(['lint', '--lang', 'zh'], { cwd: dir });
    expect(widest(wide.stdout)).toBeLessThanOrEqual(100);
    expect(widest(wide.stdout)).toBeGreaterThan(80);
    const narrow = await runCli(['lint', '--lang', 'zh'], { cwd: dir, env: { COLUMNS: '60' } });
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(60);
  });

  it('stylish wraps a long message under itself, the rule id after it', async () => {
    const run = await runCli(['lint', '--lang', 'zh'], { cwd: dir, env: { COLUMNS: '80' } });
    const lines = run.stdout.split('\n');
    const at = lines.findIndex((l) => /^\s+\d+:\d+\s+警告\s+目标 HZ-09-K1/.test(l));
    expect(at).toBeGreaterThan(0);
    const start = lines[at].indexOf('目标');
    // the next line goes on under the message (hanging indent), and the rule id ends the finding
    expect(lines[at + 1].slice(0, start).trim()).toBe('');
    expect(lines[at + 1].length).toBeGreaterThan(start);
    const end = lines.slice(at).findIndex((l) => /target-not-quantified\s*$/.test(l));
    expect(end).toBeGreaterThan(0);
  });
});

describe('widths counted without string-width', () => {
  it('agree with string-width for every symbol counted by hand, alone, in text and before a variation selector', () => {
    const codes = [...NARROW, ...WIDE_SYMBOLS];
    expect(codes.length).toBeGreaterThan(30);
    for (const code of codes) {
      const ch = String.fromCodePoint(code);
      for (const text of [ch, `a${ch}杭州`, `${ch}\ufe0f`]) expect(displayWidth(text), `U+${code.toString(16)} in ${JSON.stringify(text)}`).toBe(stringWidth(text));
    }
  });
});
