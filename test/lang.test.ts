/**
 * Chinese everywhere: rule pages in both languages (`plans explain RULE --lang zh`), commander's
 * own errors translated with the `plans:` prefix, the language named as people name it
 * (zh-CN, ZH, zh_CN), and a modeline that does not depend on where this checkout lies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../src/config/rules.js';
import { copyExample, root } from './helpers/ci-repo.js';
import { runCli } from './helpers/cli.js';

const example = path.join(root, 'examples/zhejiang-2022');
/** Rules whose pages another branch adds. */
const ELSEWHERE = new Set(['progress-conflict', 'invalid-target']);
const han = (text: string) => (text.match(/[\u4e00-\u9fff]/g) ?? []).length;

describe('rule pages in Chinese', () => {
  for (const rule of catalogue().map((r) => r.id).filter((id) => !ELSEWHERE.has(id))) {
    it(`${rule}: docs/rules/zh/${rule}.md, shown by plans explain --lang zh`, async () => {
      const page = fs.readFileSync(path.join(root, 'docs/rules/zh', `${rule}.md`), 'utf8');
      expect(page.split('\n')[0]).toBe(`# ${rule}`);
      // a page written in Chinese, not an English page with a Chinese line
      expect(han(page)).toBeGreaterThan(60);
      const run = await runCli(['explain', rule, '--lang', 'zh', '--no-color']);
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(page.replace(/\r\n?/g, '\n').trim());
      const en = await runCli(['explain', rule, '--no-color']);
      expect(en.stdout.trim()).toBe(fs.readFileSync(path.join(root, 'docs/rules', `${rule}.md`), 'utf8').trim());
    });
  }

  it('the language of explain follows PLANS_LANG too', async () => {
    const run = await runCli(['explain', 'schema', '--no-color'], { env: { PLANS_LANG: 'zh' } });
    expect(han(run.stdout)).toBeGreaterThan(60);
  });
});

describe('commander’s own errors', () => {
  const cases: [string[], RegExp, RegExp][] = [
    [['lint', example, '--bogus'], /^plans: 未知的选项 '?--bogus'?$/, /^plans: unknown option '?--bogus'?$/],
    [['explain'], /^plans: 缺少参数 <rule>$/, /^plans: missing the argument <rule>$/],
    [['lnt'], /^plans: 未知的命令 '?lnt'?.*是否应为 lint？$/, /^plans: unknown command '?lnt'?.*did you mean lint\?$/],
    [['lint', example, '--format'], /^plans: 选项 .*--format.* 缺少取值$/, /^plans: the option .*--format.* needs a value$/],
    [['explain', 'schema', 'extra'], /^plans: 命令 explain 参数过多/, /^plans: too many arguments for explain/],
  ];
  for (const [args, zh, en] of cases) {
    it(`${args.slice(args[0] === 'lint' ? 2 : 0).join(' ') || args[0]}: one line, plans: prefix, in Chinese (PLANS_LANG, --lang zh) and in English`, async () => {
      const z = await runCli(args, { env: { PLANS_LANG: 'zh' } });
      expect(z.code).toBe(2);
      expect(z.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(z.stderr.trimEnd()).toMatch(zh);
      if (args[args.length - 1] !== '--format') expect((await runCli([...args, '--lang', 'zh'])).stderr.trimEnd()).toMatch(zh);
      const e = await runCli(args);
      expect(e.code).toBe(2);
      expect(e.stderr.trimEnd()).toMatch(en);
    });
  }

  it('Chinese from the environment too', async () => {
    const run = await runCli(['lint', example, '--bogus'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(run.stderr).toMatch(/^plans: 未知的选项/);
  });
});

describe('--lang as people write it', () => {
  for (const lang of ['zh', 'ZH', 'zh-CN', 'zh_CN', 'zh-Hans-CN', 'Zh-cn']) {
    it(`--lang ${lang} gives Chinese`, async () => {
      const run = await runCli(['lint', example, '--lang', lang]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/警告/);
    });
  }
  for (const lang of ['en', 'EN', 'en-US', 'en_GB']) {
    it(`--lang ${lang} gives English`, async () => {
      const run = await runCli(['lint', example, '--lang', lang]);
      expect(run.stdout).toMatch(/warning/);
    });
  }
  it('an unknown language is still one line and exit 2', async () => {
    for (const lang of ['fr', 'zhx', 'chinese', '']) {
      const run = await runCli(['gaps', example, '--lang', lang]);
      expect(run.code, lang).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

describe('plans init modeline', () => {
  it('names the installed package’s schema when node_modules holds it', async () => {
    const repo = copyExample();
    fs.rmSync(path.join(repo, 'wenzhou'), { recursive: true });
    const installed = path.join(repo, 'node_modules/campaign-plans/schemas');
    fs.mkdirSync(installed, { recursive: true });
    fs.copyFileSync(path.join(root, 'schemas/plans.schema.json'), path.join(installed, 'plans.schema.json'));
    const run = await runCli(['init', 'wenzhou', '--lang', 'zh-CN'], { cwd: repo });
    expect(run.code).toBe(0);
    const first = fs.readFileSync(path.join(repo, 'wenzhou/plan.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../node_modules/campaign-plans/schemas/plan' + 's.schema.json');
    expect(fs.existsSync(path.join(repo, '.plans'))).toBe(false);
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it('else writes a copy into the repository once, and never overwrites it', async () => {
    const repo = copyExample();
    fs.rmSync(path.join(repo, 'wenzhou'), { recursive: true });
    fs.rmSync(path.join(repo, 'ningbo'), { recursive: true });
    const run = await runCli(['init', 'wenzhou'], { cwd: repo });
    expect(run.code).toBe(0);
    const copy = path.join(repo, '.plans/plans.schema.json');
    expect(fs.readFileSync(copy, 'utf8')).toBe(fs.readFileSync(path.join(root, 'schemas/plans.schema.json'), 'utf8'));
    // a copy the team changed stays as it is
    fs.writeFileSync(copy, '{"title": "ours"}\n');
    const again = await runCli(['init', 'ningbo', '--out', 'sub/dir/ningbo.yaml'], { cwd: repo });
    expect(again.code).toBe(0);
    expect(fs.readFileSync(copy, 'utf8')).toBe('{"title": "ours"}\n');
    const first = fs.readFileSync(path.join(repo, 'sub/dir/ningbo.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../../.plans/plans.schema.json');
    // nothing in the plan names this checkout
    expect(fs.readFileSync(path.join(repo, 'wenzhou/plan.yaml'), 'utf8')).not.toContain(root);
    fs.rmSync(repo, { recursive: true, force: true });
  });
});

describe('--format json', () => {
  it('messages name places in words, never a JSON path', async () => {
    const run = await runCli(['lint', 'test/fixtures/schema/plan-mistakes.yaml', '--format', 'json'], { cwd: root });
    const diagnostics = JSON.parse(run.stdout).diagnostics as { message: string; line: number }[];
    expect(diagnostics.length).toBeGreaterThan(5);
    for (const d of diagnostics) expect(d.message).not.toMatch(/\w\[\d+\]|\(document\)/);
    const lead = diagnostics.find((d) => d.line === 9)!;
    expect(lead.message).toBe('`lead` of action A-1 takes one lead, not a list; put the other owners under support');
    const zh = JSON.parse((await runCli(['lint', 'test/fixtures/schema/plan-mistakes.yaml', '--format', 'json', '--lang', 'zh'], { cwd: root })).stdout).diagnostics as { message: string; line: number }[];
    expect(zh.find((d) => d.line === 9)!.message).toBe('行动 A-1 的 `lead` 只能写一个牵头单位，不能是列表；其他单位请写在 support 中');
    // a measure without an id is counted from 1 within its action
    expect(zh.find((d) => d.line === 16)!.message).toMatch(/^行动 A-1 第 4 项措施/);
  });
});
