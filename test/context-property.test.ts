/**
 * Lint in context, derived from what the rules read and where the schemas reference (src/engine/context.ts):
 * on copies of the example and of a generated repository with random drafter edits, `plans lint FILE`
 * reports exactly the findings that `plans lint .` reports for FILE, both ways (none missed, none extra).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextKeys } from '../src/engine/context.js';
import { ruleCatalogue } from '../src/rules/index.js';
import { runCli } from './helpers/cli.js';
import { yamlFiles } from './helpers/fixtures.js';
import { applyEdit, drafterEdit, ID_TOKEN } from './helpers/edits.js';
// @ts-expect-error bench/generate.mjs is plain JavaScript
import { generate } from '../bench/generate.mjs';

const root = path.join(__dirname, '..');
const example = path.join(root, 'examples', 'zhejiang-2022');

interface Diagnostic {
  file: string;
}

/** `lint FILE` against `lint .` restricted to FILE, on random drafter edits of `original`. */
async function compareOn(original: Record<string, string>, runs: number, seed: number): Promise<{ withFindings: number }> {
  const tokens = [...new Set(Object.values(original).flatMap((text) => [...text.matchAll(ID_TOKEN)].map((m) => m[1])))];
  expect(tokens.length).toBeGreaterThan(30);
  let withFindings = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(drafterEdit, { minLength: 1, maxLength: 4 }), fc.nat(), async (edits, pick) => {
      const files = { ...original };
      const edited: string[] = [];
      for (const e of edits) applyEdit(files, e, tokens, edited);
      const present = edited.filter((f) => f in files);
      // mostly the files edited; sometimes any file, since an edit elsewhere changes its findings too
      const names = Object.keys(files);
      const file = pick % 3 === 0 || !present.length ? names[pick % names.length] : present[pick % present.length];
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-context-prop-'));
      try {
        fs.mkdirSync(path.join(dir, '.git'));
        for (const [name, text] of Object.entries(files)) {
          fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
          fs.writeFileSync(path.join(dir, name), text);
        }
        const alone = await runCli(['lint', file, '--format', 'json'], { cwd: dir });
        const all = await runCli(['lint', '.', '--format', 'json'], { cwd: dir });
        const own = (JSON.parse(alone.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
        const restricted = (JSON.parse(all.stdout) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.file === file);
        if (restricted.length) withFindings++;
        expect(own, file).toEqual(restricted);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }),
    { numRuns: runs, seed },
  );
  return { withFindings };
}

describe('lint in context is derived, not listed', () => {
  it('the keys it looks at follow from the rules and the schemas', () => {
    const keys = contextKeys();
    expect([...keys.names].sort()).toEqual(['city', 'id', 'target', 'than']);
    expect([...keys.owners].sort()).toEqual(['lead', 'owner', 'parent', 'support']);
    expect([...keys.keyNames]).toEqual(['units']);
    expect([...keys.wholeRepositoryRules].sort()).toEqual(['missing-plan', 'required-indicator-missing', 'task-not-covered', 'unknown-reference']);
    // a rule that stops reading targets across files takes `than` and `target` with it
    const withoutTargets = ruleCatalogue.map((r) => {
      const reads = r.reads;
      return reads?.references?.includes('target') ? { ...r, reads: { scope: reads.scope, references: reads.references.filter((s) => s !== 'target') } } : r;
    });
    expect([...contextKeys(withoutTargets).names].sort()).toEqual(['city', 'id']);
  });

  it('random drafter edits of the example: lint FILE equals lint . restricted to FILE, both ways', async () => {
    const original = Object.fromEntries(yamlFiles(example).map((f) => [f, fs.readFileSync(path.join(example, f), 'utf8')]));
    const { withFindings } = await compareOn(original, 60, 20261201);
    expect(withFindings).toBeGreaterThan(20);
  }, 300_000);

  it('random drafter edits of a generated repository (one file per action): the same, both ways', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-context-gen-'));
    (generate as (dir: string, cities: number) => void)(base, 3);
    const original = Object.fromEntries(yamlFiles(base).map((f) => [f, fs.readFileSync(path.join(base, f), 'utf8')]));
    fs.rmSync(base, { recursive: true, force: true });
    const { withFindings } = await compareOn(original, 40, 7);
    expect(withFindings).toBeGreaterThan(10);
  }, 300_000);
});
