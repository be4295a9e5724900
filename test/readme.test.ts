/**
 * The READMEs' console examples are run and compared with real output, so they cannot drift.
 *
 * A ```console block is a scenario (as Spectral's scenario files are): `$ ` lines are commands, the lines
 * after one are what it prints (standard error, then standard output). A line `…` stands for any number of
 * lines. Commands run in a fresh copy of examples/ (so `--out` and `init` write into the copy); an HTML
 * comment `<!-- tour: cwd=DIR -->` just above a block starts it in DIR of the copy. Understood commands:
 * `plans ARGS` (optionally `| head -N` or `| tail -N`), `echo $?`, `cd DIR`, `cat FILE`; anything else fails the test,
 * so an example cannot quietly stop being checked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const root = path.join(__dirname, '..');

interface Step {
  command: string;
  expected: string[];
  /** 0-based index of the step's first output line in the file. */
  at: number;
}
interface Scenario {
  line: number;
  cwd: string;
  steps: Step[];
}

/** The console blocks of a Markdown text as scenarios. */
export function scenarios(markdown: string): Scenario[] {
  const lines = markdown.split('\n');
  const out: Scenario[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```console') continue;
    const marker = /<!--\s*tour:\s*cwd=(\S+)\s*-->/.exec(lines[i - 1] ?? '');
    const scenario: Scenario = { line: i + 1, cwd: marker ? marker[1] : '.', steps: [] };
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) {
      const line = lines[i];
      if (line.startsWith('$ ')) scenario.steps.push({ command: line.slice(2).trim(), expected: [], at: i + 1 });
      else if (scenario.steps.length) scenario.steps[scenario.steps.length - 1].expected.push(line);
      else throw new Error(`README line ${i + 1}: output before the first command`);
    }
    out.push(scenario);
  }
  return out;
}

/** Splits a command line as a POSIX shell would for the simple words the READMEs use. */
function words(command: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(command); m; m = re.exec(command)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/**
 * With UPDATE_TOUR=1 the test writes what the commands print into the READMEs instead of comparing
 * (then read the diff before committing it).
 */
const update = process.env.UPDATE_TOUR === '1';
const updates = new Map<string, Array<{ at: number; count: number; lines: string[] }>>();

/** Whether the actual lines match the expected ones, where a line `…` matches any run of lines. */
export function matches(expected: string[], actual: string[]): boolean {
  const memo = new Map<string, boolean>();
  const go = (e: number, a: number): boolean => {
    const key = `${e},${a}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let ok: boolean;
    if (e === expected.length) ok = a === actual.length;
    else if (expected[e].trim() === '…') ok = go(e + 1, a) || (a < actual.length && go(e, a + 1));
    else ok = a < actual.length && expected[e] === actual[a] && go(e + 1, a + 1);
    memo.set(key, ok);
    return ok;
  };
  return go(0, 0);
}

const trimLines = (text: string): string[] => {
  const lines = text.split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
};

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
  for (const [file, list] of updates) {
    const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
    for (const u of list.sort((a, b) => b.at - a.at)) lines.splice(u.at, u.count, ...u.lines);
    fs.writeFileSync(path.join(root, file), lines.join('\n'));
  }
});

/** A fresh copy of examples/ (with a .git, so no config above it applies). */
function copyExamples(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-readme-'));
  copies.push(dir);
  fs.cpSync(path.join(root, 'examples'), path.join(dir, 'examples'), { recursive: true });
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

async function runScenario(scenario: Scenario, file: string): Promise<void> {
  const top = copyExamples();
  let cwd = path.join(top, scenario.cwd);
  let lastCode = 0;
  for (const step of scenario.steps) {
    let actual: string[];
    const argv = words(step.command);
    if (argv[0] === 'plans') {
      const pipe = argv.indexOf('|');
      const args = pipe < 0 ? argv.slice(1) : argv.slice(1, pipe);
      const run = await runCli(args, { cwd, env: { NO_COLOR: '1', COLUMNS: '100', LANG: 'en_US.UTF-8' } });
      lastCode = run.code;
      actual = trimLines(run.stderr + run.stdout);
      if (pipe >= 0) {
        const [cmd, flag] = argv.slice(pipe + 1);
        if (!/^(head|tail)$/.test(cmd) || !/^-\d+$/.test(flag ?? '')) throw new Error(`${file} line ${scenario.line}: unsupported pipe in ${step.command}`);
        const n = Number(flag.slice(1));
        actual = cmd === 'head' ? actual.slice(0, n) : actual.slice(-n);
      }
    } else if (step.command === 'echo $?') {
      actual = [String(lastCode)];
    } else if (argv[0] === 'cd' && argv.length === 2) {
      cwd = path.resolve(cwd, argv[1]);
      actual = [];
    } else if (argv[0] === 'cat' && argv.length === 2) {
      actual = trimLines(fs.readFileSync(path.resolve(cwd, argv[1]), 'utf8'));
    } else {
      throw new Error(`${file} line ${scenario.line}: the tour test does not know how to run \`${step.command}\``);
    }
    const expected = trimLines(step.expected.join('\n'));
    if (update) {
      const list = updates.get(file) ?? [];
      list.push({ at: step.at, count: step.expected.length, lines: actual });
      updates.set(file, list);
    } else if (!matches(expected, actual)) {
      // show the whole difference: the expected text against what the command printed
      expect({ command: step.command, output: actual.join('\n') }).toEqual({ command: step.command, output: expected.join('\n') });
    }
  }
}

for (const file of ['README.md', 'README.zh-CN.md']) {
  const text = fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), 'utf8') : '';
  describe(`${file}: every console example prints what the tool prints`, () => {
    it('has a tour', () => {
      expect(scenarios(text).length).toBeGreaterThan(0);
    });
    for (const scenario of scenarios(text)) {
      it(`the example at line ${scenario.line}`, async () => {
        await runScenario(scenario, file);
      });
    }
  });
}

describe('the tour matcher', () => {
  it('takes … as any run of lines and nothing else', () => {
    expect(matches(['a', '…', 'd'], ['a', 'b', 'c', 'd'])).toBe(true);
    expect(matches(['a', '…', 'd'], ['a', 'd'])).toBe(true);
    expect(matches(['a', 'd'], ['a', 'b', 'd'])).toBe(false);
    expect(matches(['a'], ['a', 'b'])).toBe(false);
  });
  it('reads commands and their output from a console block', () => {
    const s = scenarios('x\n<!-- tour: cwd=examples/zhejiang-2022 -->\n```console\n$ plans lint\nout\n$ echo $?\n0\n```\n');
    expect(s).toHaveLength(1);
    expect(s[0].cwd).toBe('examples/zhejiang-2022');
    expect(s[0].steps.map(({ command, expected }) => ({ command, expected }))).toEqual([
      { command: 'plans lint', expected: ['out'] },
      { command: 'echo $?', expected: ['0'] },
    ]);
    expect(s[0].steps.map((step) => step.at)).toEqual([4, 6]);
  });
});
