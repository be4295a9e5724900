import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const root = path.join(__dirname, '..');
const example = path.join(root, 'examples/zhejiang-2022');

describe('plans lint', () => {
  it('passes the reference example with exit 0', async () => {
    const run = await runCli(['lint', example, '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect(report.errorCount).toBe(0);
    expect(report.fileCount).toBeGreaterThanOrEqual(9);
    expect(run.code).toBe(0);
  });

  it('exits 1 with errors, and reports file:line:col with the rule in stylish', async () => {
    const run = await runCli(['lint', 'test/fixtures/schema/plan-mistakes.yaml', '--no-color'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('test/fixtures/schema/plan-mistakes.yaml');
    expect(run.stdout).toMatch(/^ {2}10:5 +error +unknown key `suport`; did you mean `support`\? +schema$/m);
    expect(run.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings?\)/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('speaks Chinese with --lang zh and with LANG=zh_CN', async () => {
    const a = await runCli(['lint', 'test/fixtures/schema/plan-mistakes.yaml', '--lang', 'zh'], { cwd: root });
    expect(a.stdout).toContain('未知的键 `suport`，是否应为 `support`？');
    const b = await runCli(['lint', 'test/fixtures/schema/plan-mistakes.yaml'], { cwd: root, env: { LANG: 'zh_CN.UTF-8' } });
    expect(b.stdout).toContain('个问题');
  });

  it('--quiet drops warnings', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-'));
    fs.writeFileSync(path.join(dir, 'gb.yaml'), new Uint8Array([...Buffer.from('kind: Owners\nowners:\n  - {id: a, name: "'), 0xba, 0xbc, ...Buffer.from('"}\n')]));
    const loud = await runCli(['lint', dir, '--format', 'json']);
    expect(JSON.parse(loud.stdout).warningCount).toBe(1);
    const quiet = await runCli(['lint', dir, '--format', 'json', '--quiet']);
    expect(JSON.parse(quiet.stdout).diagnostics).toEqual([]);
  });

  it('colours with FORCE_COLOR and not with NO_COLOR', async () => {
    const args = ['lint', 'test/fixtures/schema/plan-mistakes.yaml'];
    expect((await runCli(args, { cwd: root, env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await runCli(args, { cwd: root, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('exits 2 with one line for a path that does not exist, a bad format or a bad language', async () => {
    for (const args of [['lint', 'no/such/dir'], ['lint', example, '--format', 'xml'], ['lint', example, '--lang', 'fr']]) {
      const run = await runCli(args, { cwd: root });
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
  });
});
