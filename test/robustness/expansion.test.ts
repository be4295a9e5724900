/**
 * What aliases may cost, counted in characters as well as values (issue 18: one anchored 6 MB
 * measure used 100 times is 100 values, but 600 MB of CSV, which ended in "Invalid string
 * length"), and compile output written in pieces to `--out` as to stdout. The 600 MB compile is
 * measured in bench/scale.mjs (`compile-past-512mb`), not here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { expansionBudget, MAX_EXPANDED_CHARS, MAX_EXPANSION_FACTOR, MIN_EXPANSION_CHARS } from '../../src/load/parse.js';
import { runCli } from '../helpers/cli.js';
import { MINI, cleanTemp, lintBytes, repo } from './helpers.js';

afterAll(cleanTemp);
afterEach(() => {
  vi.restoreAllMocks();
});

/** A plan whose first action's measure is an anchored string of `size` characters, used by `uses` more actions. */
function anchoredPlan(size: number, uses: number): string {
  const lines = ['kind: Plan', 'campaign: c2022', 'city: hz', 'title: 杭州市实施方案', 'owner: hz-sfj', 'actions:'];
  for (let i = 0; i <= uses; i++) {
    lines.push(`  - id: A${i}`, '    title: 行动', '    tasks: [T01]', '    lead: hz-sfj', '    measures:', `      - ${i === 0 ? `&m ${'法'.repeat(size)}` : '*m'}`);
  }
  return lines.join('\n') + '\n';
}

const expansionFindings = (text: string) => lintBytes(text, 'plan.yaml').findings.filter((f) => f.messageId === 'yaml/alias-expansion');

describe('alias expansion is bounded in characters', () => {
  it('the budget: what the file writes, at least MIN_EXPANSION_CHARS, else FACTOR times the file up to MAX_EXPANDED_CHARS', () => {
    expect(expansionBudget(10).chars).toBe(MIN_EXPANSION_CHARS);
    expect(expansionBudget(1_000_000).chars).toBe(MAX_EXPANSION_FACTOR * 1_000_000);
    expect(expansionBudget(50_000_000).chars).toBe(MAX_EXPANDED_CHARS);
    expect(expansionBudget(200_000_000).chars).toBe(200_000_000);
  });

  it('one anchored 200,000-character measure used 90 times (100 values, 18 million characters) is a yaml-syntax finding at the first alias', () => {
    const text = anchoredPlan(200_000, 90);
    const found = expansionFindings(text);
    expect(found.map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([['yaml-syntax', 'error', 18, 9]]);
    expect(text.split('\n')[17].trim()).toBe('- *m');
  });

  it('the same measure used 4 times (1 million characters) is within the budget', () => {
    expect(expansionFindings(anchoredPlan(200_000, 4))).toEqual([]);
  });

  it('what the text writes out is never refused: 3 million characters of measures without aliases', () => {
    const lines = ['kind: Plan', 'campaign: c2022', 'city: hz', 'title: 杭州市实施方案', 'owner: hz-sfj', 'actions:', '  - id: A0', '    title: 行动', '    tasks: [T01]', '    lead: hz-sfj', '    measures:'];
    for (let i = 0; i < 30; i++) lines.push(`      - ${'法'.repeat(100_000)}`);
    expect(expansionFindings(lines.join('\n') + '\n')).toEqual([]);
  });

  it('the budget is the file’s: two documents each within it alone, together past it, make one finding, in the second', () => {
    const doc = (n: number) => `kind: Owners\nx: &s ${'法'.repeat(20_000)}\nowners:\n${Array.from({ length: n }, (_, i) => `  - {id: o${i}, name: *s}\n`).join('')}`;
    // one document: 20,000 characters written (budget: the least, 1 million), 620,000 expanded
    expect(expansionFindings(doc(30))).toEqual([]);
    // two: 40,000 written (budget still 1 million), 1.24 million expanded in all
    const two = `${doc(30)}---\n${doc(30)}`;
    const found = expansionFindings(two);
    expect(found).toHaveLength(1);
    expect(found[0].line).toBeGreaterThan(34);
  });

  it('table responsibilities --format csv of the 90-fold anchor: the finding, no internal error, no 18 MB table', async () => {
    const dir = repo({ ...MINI, 'hz/plan.yaml': anchoredPlan(200_000, 90) });
    const run = await runCli(['table', 'responsibilities', '--format', 'csv', '.'], { cwd: dir });
    expect(run.code).not.toBe(2);
    expect(run.stderr).not.toMatch(/internal error|Invalid string length/);
    expect(run.stdout.length).toBeLessThan(10_000);
  });
});

describe('compile --out writes its document in pieces', () => {
  it('the file holds the same JSON as stdout, written piece by piece (none joined into one buffer)', async () => {
    const owners = ['kind: Owners', 'owners:', '  - {id: prov, name: 省司法厅}', '  - {id: hz-sfj, name: 杭州市司法局, city: hz}'];
    for (let i = 0; i < 3000; i++) owners.push(`  - {id: o${i}, name: 单位${i}, city: hz}`);
    const dir = repo({ ...MINI, 'owners.yaml': owners.join('\n') + '\n' });
    const stdout = await runCli(['compile', '.'], { cwd: dir });
    expect(stdout.code).toBe(0);
    const pieces: number[] = [];
    const real = fs.writeFileSync;
    vi.spyOn(fs, 'writeFileSync').mockImplementation((file, data, options) => {
      if (typeof file === 'number') pieces.push(typeof data === 'string' ? data.length : (data as Uint8Array).byteLength);
      real(file, data, options);
    });
    const out = path.join(dir, 'compiled.json');
    const written = await runCli(['compile', '.', '--out', out], { cwd: dir });
    expect(written.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(stdout.stdout);
    expect(pieces.length).toBeGreaterThan(2);
    expect(Math.max(...pieces)).toBeLessThan(200_000);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).owners).toHaveLength(3002);
  });
});

describe('tables in pieces', () => {
  for (const format of ['csv', 'json']) {
    it(`table responsibilities --format ${format} of 3,000 actions is written in pieces (a table may pass 512 MB), the same text`, async () => {
      const plan = ['kind: Plan', 'campaign: c2022', 'city: hz', 'title: 杭州市实施方案', 'owner: hz-sfj', 'actions:'];
      for (let i = 0; i < 3000; i++) plan.push(`  - {id: A${i}, title: 行动${i}, tasks: [T01], lead: hz-sfj, measures: [措施${i}甲, 措施${i}乙]}`);
      const dir = repo({ ...MINI, 'hz/plan.yaml': plan.join('\n') + '\n' });
      const writes: string[] = [];
      const stdout = new Writable({
        write(chunk: Buffer, _e, done) {
          writes.push(chunk.toString());
          done();
        },
      });
      const stderr = new Writable({ write: (_c, _e, done) => done() });
      const code = await main(['node', 'plans', 'table', 'responsibilities', '--format', format, '.'], { cwd: dir, env: { LANG: 'en_US.UTF-8' }, stdout, stderr });
      expect(code).toBe(0);
      expect(writes.length).toBeGreaterThan(2);
      expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(200_000);
      const text = writes.join('');
      if (format === 'json') {
        expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
        expect(JSON.parse(text).rows).toHaveLength(6000);
      } else {
        expect(text.startsWith('\ufeff')).toBe(true);
        expect(text.split('\r\n')).toHaveLength(6000 + 2);
      }
    });
  }
});
