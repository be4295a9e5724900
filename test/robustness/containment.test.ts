/**
 * Fault containment: an unexpected exception below the CLI becomes one line and exit 2, the stack
 * only with --debug; and one broken file never stops the others from being checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanTemp, example, MINI, tempDir } from './helpers.js';

// What the mocked pipeline throws; undefined lets it run as usual.
// What the mocked pipeline throws: an Error made inside `check` (message), or any value as it is.
const fault = vi.hoisted(() => ({ message: undefined as string | undefined, value: undefined as unknown }));

vi.mock('../../src/lint.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/lint.js')>();
  return {
    ...original,
    check: (...args: Parameters<typeof original.check>) => {
      if (fault.message !== undefined) throw new Error(fault.message);
      if (fault.value !== undefined) throw fault.value;
      return original.check(...args);
    },
  };
});

afterEach(() => {
  fault.message = undefined;
  fault.value = undefined;
});
afterAll(cleanTemp);

const STACK_LINE = /^\s+at /m;

describe('an unexpected exception', () => {
  it('in lint, gaps, table and compile: one line naming where and what, how to report it, exit 2, no stack', async () => {
    fault.message = 'boom\nsecond line of the message';
    for (const args of [['lint'], ['gaps'], ['table', 'targets'], ['compile']]) {
      const run = await runCli([...args, example]);
      expect(run.code, args[0]).toBe(2);
      expect(run.stdout, args[0]).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines, args[0]).toHaveLength(1);
      expect(lines[0]).toMatch(/^plans: internal error in check \(test\/robustness\/containment\.test\.ts:\d+:\d+\): boom\. This is a defect of plans: please report it with the file that caused it; --debug shows the details\.$/);
      expect(run.stderr).not.toMatch(STACK_LINE);
    }
  });

  it('with --debug the stack follows the line', async () => {
    fault.message = 'boom';
    const run = await runCli(['lint', example, '--debug']);
    expect(run.code).toBe(2);
    const [first, ...rest] = run.stderr.trim().split('\n');
    expect(first).toMatch(/^plans: internal error in check .*: boom\./);
    expect(rest.join('\n')).toMatch(STACK_LINE);
  });

  it('speaks Chinese with --lang zh', async () => {
    fault.message = 'boom';
    const run = await runCli(['lint', '--lang', 'zh', example]);
    expect(run.stderr).toMatch(/^plans: 内部错误（check .*）：boom。这是 plans 的缺陷/);
  });

  it('hostile throws (a string, an object whose toString throws, a revoked proxy) still end in one line and exit 2', async () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const values: unknown[] = [
      'just a string',
      42,
      { toString: () => { throw new Error('no'); } },
      revoked.proxy,
      Object.defineProperty(new Error('getter'), 'stack', { get: () => { throw new Error('no stack'); } }),
    ];
    for (const value of values) {
      fault.value = value;
      const run = await runCli(['lint', example]);
      expect(run.code).toBe(2);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^plans: internal error in /);
      expect(run.stderr).not.toMatch(STACK_LINE);
    }
  });

  it('without a fault the same commands run as usual (the mock is transparent)', async () => {
    const run = await runCli(['lint', example, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).errorCount).toBe(0);
  });
});

describe('one broken file does not stop the others', () => {
  it('binary, undecodable, broken YAML, too deep, alias bomb, a FIFO and a folder named .yaml sit beside a checked file', async () => {
    const dir = tempDir();
    const write = (rel: string, content: string | Uint8Array) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    };
    for (const [rel, content] of Object.entries(MINI)) write(rel, content);
    write('broken/binary.yaml', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    write('broken/latin1.yaml', Uint8Array.from([0x6b, 0x3a, 0x20, 0xff, 0xfe, 0xff, 0x0a]));
    write('broken/syntax.yaml', 'kind: Owners\nowners: [\n');
    write('broken/deep.yaml', '['.repeat(5000));
    write('broken/bomb.yaml', 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n');
    write('broken/dir.yaml/.keep', '');
    execFileSync('mkfifo', [path.join(dir, 'broken/fifo.yaml')]);
    write('owners-extra.yaml', 'kind: Owners\nowners:\n  - {id: extra, name: E, sity: hz}\n');
    const run = await runCli(['lint', '.', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { diagnostics: { file: string; rule: string; line: number; column: number }[] };
    const byFile = new Map<string, string[]>();
    for (const d of report.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d.rule]);
    expect(byFile.get('broken/binary.yaml')).toEqual(['encoding']);
    expect(byFile.get('broken/latin1.yaml')).toEqual(['encoding']);
    expect(byFile.get('broken/syntax.yaml')).toContain('yaml-syntax');
    expect(byFile.get('broken/deep.yaml')).toEqual(['yaml-syntax']);
    expect(byFile.get('broken/bomb.yaml')).toEqual(['yaml-syntax']);
    expect(byFile.get('broken/fifo.yaml')).toEqual(['encoding']);
    // the healthy file next to them is checked: its mistake is found at its place
    expect(report.diagnostics.filter((d) => d.file === 'owners-extra.yaml').map((d) => [d.rule, d.line, d.column])).toEqual([['schema', 3, 26]]);
    // and the repository's own files contribute as usual (no errors from them)
    expect(report.diagnostics.filter((d) => ['campaign.yaml', 'owners.yaml', 'hz/plan.yaml'].includes(d.file))).toEqual([]);
  });
});
