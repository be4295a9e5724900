import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

describe('help', () => {
  it('speaks the language of --lang, else of the environment', async () => {
    const zh = await runCli(['lint', '--help', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法： plans lint/);
    expect(zh.stdout).toContain('只报告错误');
    const env = await runCli(['--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(env.stdout).toContain('命令：');
    expect(env.stdout).toContain('差距报告');
    const en = await runCli(['table', '--help']);
    expect(en.stdout).toMatch(/^Usage: plans table/);
    expect(en.stdout).toContain('responsibilities, targets, coverage, owners or all');
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en.stdout).toContain('[options]');
    expect(en.stdout).toMatch(/\(default:\s+"text"\)/);
  });

  it("puts commander's own words into Chinese too: the usage line and the defaults", async () => {
    const table = await runCli(['table', '--help', '--lang', 'zh']);
    expect(table.stdout).toMatch(/^用法： plans table \[选项\] <name> \[path\]/);
    expect(table.stdout).toMatch(/docx（默认\s+text）/);
    expect(table.stdout).not.toMatch(/\[options\]|\(default:/);
    const top = await runCli(['--help', '--lang', 'zh']);
    expect(top.stdout).toMatch(/^用法： plans \[选项\] \[命令\]/);
  });

  it('has a text for every option of every command in both languages', async () => {
    for (const lang of ['zh', 'en']) {
      for (const command of ['lint', 'gaps', 'table', 'compile', 'init', 'explain', 'schema', 'template progress', 'import progress', 'lsp']) {
        const run = await runCli([...command.split(' '), '--help', '--lang', lang]);
        expect(run.stdout).not.toMatch(/help\/[\w-]+/);
        if (lang === 'zh') expect(run.stdout.split('\n').filter((l) => /^\s+-/.test(l)).every((l) => /[\u4e00-\u9fff]/.test(l))).toBe(true);
      }
    }
  });
});
