/**
 * plans diff on mutated copies of the example (fast-check, fixed seed): any value of any plan file
 * replaced or deleted, compared both ways in every format, never ends in an internal error, and
 * every change it reports has a place inside the file of its side.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isCollection, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { DIFF_FORMATS } from '../src/cli/diff.js';
import { runCli } from './helpers/cli.js';
import { example } from './helpers/ci-repo.js';
import { yamlFiles } from './helpers/fixtures.js';

const SEED = 20221231;
const RUNS = 25;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** The paths of every node of a document, depth first. */
function nodePaths(node: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (at.length) out.push(at);
  if (isMap(node)) for (const pair of node.items) if (isPair(pair) && isScalar(pair.key)) nodePaths(pair.value, [...at, String(pair.key.value)], out);
  if (isSeq(node)) node.items.forEach((item, i) => nodePaths(item, [...at, i], out));
  return out;
}

const replacement = fc.oneof(
  fc.integer({ min: -100000, max: 100000 }),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.constantFrom('2023-03-31', '2021-01-01', '+15%', '-5%', '>=', '<=', '~', 'HZ-01', 'T08', 'hz-sfj-lfc', '', '杭州', null, true),
  fc.string({ maxLength: 12 }),
  fc.constant([]),
  fc.constant({}),
);

const files = yamlFiles(example).sort();

describe('plans diff on mutated copies of the example', () => {
  it(`never an internal error, and every place is inside its file (${RUNS} runs, both ways, every format)`, async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-diff-prop-'));
    made.push(base);
    const original = path.join(base, 'old');
    fs.cpSync(example, original, { recursive: true });
    let changed = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), fc.nat(), fc.boolean(), replacement, fc.constantFrom(...DIFF_FORMATS), fc.constantFrom('zh', 'en'), async (file, pick, remove, value, format, lang) => {
        const dir = path.join(base, 'new');
        fs.rmSync(dir, { recursive: true, force: true });
        fs.cpSync(example, dir, { recursive: true });
        const doc = parseDocument(fs.readFileSync(path.join(dir, file), 'utf8'));
        const paths = nodePaths(doc.contents as Node);
        fc.pre(paths.length > 0);
        const at = paths[pick % paths.length];
        if (remove) doc.deleteIn(at);
        else doc.setIn(at, isCollection(value) ? doc.createNode(value) : value);
        fs.writeFileSync(path.join(dir, file), doc.toString());
        for (const [a, b] of [
          [original, dir],
          [dir, original],
        ]) {
          const json = await runCli(['diff', a, b, '--format', 'json'], { cwd: b });
          if (json.code !== 0 || /internal error/.test(json.stderr)) throw new Error(`diff after ${remove ? 'deleting' : 'setting'} ${at.join('.')} of ${file}: ${json.stderr}`);
          const report = JSON.parse(json.stdout) as { changes: { file: string; line: number; column: number; side: string }[] };
          changed += report.changes.length;
          for (const c of report.changes) {
            const lines = fs.readFileSync(path.resolve(b, c.file), 'utf8').split('\n');
            expect(c.line).toBeGreaterThanOrEqual(1);
            expect(c.line).toBeLessThanOrEqual(lines.length);
            expect(c.column).toBeLessThanOrEqual(lines[c.line - 1].length + 1);
          }
          const other = await runCli(['diff', a, b, '--format', format, '--lang', lang], { cwd: b });
          if (other.code !== 0 || /internal error/.test(other.stderr)) throw new Error(`diff --format ${format}: ${other.stderr}`);
        }
        return true;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // the mutations are not all lost on the way: most of them are changes a reviewer is told of
    expect(changed).toBeGreaterThan(RUNS / 2);
  });
});
