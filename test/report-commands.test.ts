/** What gaps, table and compile share with lint: config (lang, ignore, rules), suppression, size limit, --city checks. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAP_FORMATS, TABLE_FORMATS } from '../src/cli/report-formats.js';
import { binaryGapFormatters, gapFormatters } from '../src/render/gaps/index.js';
import { tableFormatters } from '../src/render/tables/index.js';
import { runCli } from './helpers/cli.js';

const example = path.join(__dirname, '..', 'examples/zhejiang-2022');

function copyExample(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-report-'));
  fs.cpSync(example, dir, { recursive: true });
  return dir;
}

describe('report commands', () => {
  it('the format names of the help and options are exactly the formatters (which load only when the command runs)', async () => {
    expect([...TABLE_FORMATS].sort()).toEqual(Object.keys(tableFormatters).sort());
    expect([...GAP_FORMATS].sort()).toEqual([...Object.keys(gapFormatters), ...Object.keys(binaryGapFormatters)].sort());
    const help = await runCli(['table', '--help']);
    for (const format of TABLE_FORMATS) expect(help.stdout).toContain(format);
  });

  it('take the language from the config file', async () => {
    const dir = copyExample();
    fs.writeFileSync(path.join(dir, 'plans.config.yaml'), 'lang: zh\n');
    const gaps = await runCli(['gaps', '--city', 'ningbo'], { cwd: dir });
    expect(gaps.code).toBe(0);
    expect(gaps.stdout).toContain('宁波市');
    expect(gaps.stdout).toContain('计算方法');
    const en = await runCli(['gaps', '--city', 'ningbo', '--lang', 'en'], { cwd: dir });
    expect(en.stdout).toContain('Gap report');
  });

  it('count errors as lint does: ignored files and suppressed findings do not count', async () => {
    const dir = copyExample();
    fs.mkdirSync(path.join(dir, 'drafts'));
    fs.writeFileSync(path.join(dir, 'drafts/broken.yaml'), 'kind: Owners\nowners: [{id: x}]\n');
    const noisy = await runCli(['gaps', '--format', 'json'], { cwd: dir });
    expect(noisy.stderr).toMatch(/has 1 error/);
    fs.writeFileSync(path.join(dir, 'plans.config.yaml'), 'ignore: ["drafts/**"]\n');
    const quiet = await runCli(['gaps', '--format', 'json'], { cwd: dir });
    expect(quiet.stderr).toBe('');
    fs.rmSync(path.join(dir, 'plans.config.yaml'));
    fs.writeFileSync(path.join(dir, 'drafts/broken.yaml'), 'kind: Owners\nowners: [{id: x}]  # plans-disable-line schema\n');
    const suppressed = await runCli(['compile', '--out', path.join(dir, 'out.json')], { cwd: dir });
    expect(suppressed.code).toBe(0);
  });

  it('suggest the closest city for a misspelt --city, in gaps and table alike', async () => {
    for (const command of ['gaps', 'table responsibilities']) {
      const run = await runCli([...command.split(' '), example, '--city', 'wenzou']);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe('plans: unknown city `wenzou`; did you mean `wenzhou`?');
    }
  });

  it('honour --max-file-size in lint and in the reports', async () => {
    const dir = copyExample();
    const lint = await runCli(['lint', '--max-file-size', '1k', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(lint.stdout);
    expect(report.diagnostics.some((d: { rule: string; message: string }) => d.rule === 'yaml-syntax' && /over the limit of 1024/.test(d.message))).toBe(true);
    const gaps = await runCli(['gaps', '--max-file-size', '1k'], { cwd: dir });
    expect(gaps.stderr).toMatch(/errors/);
    const bad = await runCli(['lint', '--max-file-size', 'lots'], { cwd: dir });
    expect(bad.code).toBe(2);
  });
});
