/** Shared by the robustness suite: lint bytes in-process, make throwaway folders, check finding places. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { check } from '../../src/lint.js';
import { parseBytes, type LoadOptions } from '../../src/load/index.js';
import type { SourceFile } from '../../src/load/source.js';
import type { Diagnostic as Finding } from '../../src/types.js';

export const root = path.resolve(__dirname, '../..');
export const example = path.join(root, 'examples/zhejiang-2022');

/** A fresh folder under the system's temporary folder; removed by `cleanTemp`. */
const made: string[] = [];
/**
 * The compiled CLI for tests that need a real process: built with tsc when dist is missing or
 * older than src (npm test builds it first; a single test file run on its own may not have).
 */
export function ensureCompiled(): void {
  const mainJs = path.join(root, 'dist/cli/main.js');
  const newest = (dir: string): number =>
    Math.max(...fs.readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs)));
  if (!fs.existsSync(mainJs) || fs.statSync(mainJs).mtimeMs < newest(path.join(root, 'src'))) spawnSync('npx', ['tsc', '-p', '.'], { cwd: root, stdio: 'ignore' });
}

export function tempDir(prefix = 'plans-robust-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
/** Writes files (path → content) under a fresh folder and returns it. */
export function repo(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

export function cleanTemp(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export interface Linted {
  files: SourceFile[];
  findings: Finding[];
}

/** Lints the contents of one file named `name` (bytes or text), through the same stages as `plans lint`. */
export function lintBytes(content: string | Uint8Array, name = 'input.yaml', opts: Pick<LoadOptions, 'limits'> = {}): Linted {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const loaded = parseBytes(name, path.join(root, name), bytes, opts);
  const result = check([loaded.file], loaded.findings);
  return { files: result.files, findings: result.findings };
}

/** Lints several files together (a small repository held in memory). */
export function lintMany(contents: Record<string, string | Uint8Array>): Linted {
  const files: SourceFile[] = [];
  const findings: Finding[] = [];
  for (const [name, content] of Object.entries(contents)) {
    const loaded = parseBytes(name, path.join(root, name), typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    files.push(loaded.file);
    findings.push(...loaded.findings);
  }
  const result = check(files, findings);
  return { files: result.files, findings: result.findings };
}

/** The lines of a text as `LineIndex` counts them: `\n`, `\r\n` and a lone `\r` each end one. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Every finding's line and column lie inside its file (line <= lines, column <= length of the line + 1). */
export function placesInside(linted: Linted): string[] {
  const byPath = new Map(linted.files.map((f) => [f.path, linesOf(f.text)]));
  const bad: string[] = [];
  for (const f of linted.findings) {
    const lines = byPath.get(f.file);
    if (!lines) {
      // findings about files that were never read (folders, links) sit at 1:1
      if (f.line !== 1 || f.column !== 1) bad.push(`${f.file}:${f.line}:${f.column} (${f.rule}) in no file`);
      continue;
    }
    const ok = (line: number, column: number) =>
      Number.isInteger(line) && Number.isInteger(column) && line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1].length + 1;
    if (!ok(f.line, f.column)) bad.push(`${f.file}:${f.line}:${f.column} (${f.rule}) outside ${lines.length} lines`);
    if (!ok(f.endLine, f.endColumn)) bad.push(`${f.file}:${f.endLine}:${f.endColumn} end (${f.rule}) outside`);
  }
  return bad;
}

export function expectPlacesInside(linted: Linted): void {
  expect(placesInside(linted)).toEqual([]);
}

/** Both languages of every finding are filled and differ from their message id. */
export function expectMessages(findings: Finding[]): void {
  for (const f of findings) {
    expect(f.message.zh.length, `${f.rule} zh`).toBeGreaterThan(0);
    expect(f.message.en.length, `${f.rule} en`).toBeGreaterThan(0);
    expect(f.message.en).not.toMatch(/^[a-z-]+\/[A-Za-z_-]+$/);
    expect(f.message.zh).not.toMatch(/^[a-z-]+\/[A-Za-z_-]+$/);
  }
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** A small repository that lints without errors; the tests below break it in one place at a time. */
export const MINI: Record<string, string> = {
  'campaign.yaml': [
    'kind: Campaign',
    'id: c2022',
    'title: 专项行动',
    'issuer: prov',
    'period: {start: 2022-01-01, end: 2022-12-31}',
    'cities:',
    '  - {id: hz, name: 杭州市}',
    'tasks:',
    '  - {id: T01, title: 共同富裕法治同行}',
    '',
  ].join('\n'),
  'owners.yaml': ['kind: Owners', 'owners:', '  - {id: prov, name: 省司法厅}', '  - {id: hz-sfj, name: 杭州市司法局, city: hz}', ''].join('\n'),
  'hz/plan.yaml': [
    'kind: Plan',
    'campaign: c2022',
    'city: hz',
    'title: 杭州市实施方案',
    'owner: hz-sfj',
    'actions:',
    '  - id: HZ-01',
    '    title: 共同富裕法治同行行动',
    '    tasks: [T01]',
    '    lead: hz-sfj',
    '    due: 2022-12-31',
    '    measures:',
    '      - 研究制定行政执法裁量办法',
    '    targets:',
    '      - id: HZ-01-K1',
    '        name: 律师万人比',
    '        unit: 人/万人',
    '        baseline: {value: 5.1, date: 2021-12-31}',
    '        target: {op: ">=", value: 6}',
    '        due: 2022-12-31',
    '',
  ].join('\n'),
};
