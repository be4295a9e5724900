/** Every fixture under test/fixtures/<group>/ lints to exactly the findings its inline markers name. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/lint.js';
import { loadPaths } from '../src/load/index.js';
import { fixtureCases, readMarkers, yamlFilesUnder } from './helpers/markers.js';

const root = path.join(__dirname, 'fixtures');
/** Groups that test one stage see only that stage's rules, so a one-file case needs no whole repository. */
const groups: Record<string, string[] | undefined> = {
  load: ['yaml-syntax', 'encoding', 'unknown-kind', 'schema'],
  schema: ['yaml-syntax', 'encoding', 'unknown-kind', 'schema'],
  rules: undefined,
};

function lintCase(casePath: string, only: string[] | undefined) {
  const loaded = loadPaths([casePath], { cwd: root });
  const result = check(loaded.files, loaded.findings);
  return only ? result.findings.filter((f) => only.includes(f.rule)) : result.findings;
}

for (const [group, only] of Object.entries(groups)) {
  const cases = fixtureCases(path.join(root, group));
  if (cases.length === 0) continue;
  describe(`fixtures/${group}`, () => {
    for (const casePath of cases) {
      it(path.basename(casePath), () => {
        const findings = lintCase(casePath, only);
        const expected = yamlFilesUnder(casePath).flatMap((f) => readMarkers(f, path.relative(root, f).split(path.sep).join('/')));
        const key = (f: { file: string; line: number; rule: string }) => `${f.file}:${f.line} ${f.rule}`;
        expect(findings.map(key).sort()).toEqual(expected.map(key).sort());
        for (const e of expected.filter((x) => x.column !== undefined)) {
          const hit = findings.find((f) => f.file === e.file && f.line === e.line && f.rule === e.rule && f.column === e.column);
          expect(hit, `${key(e)} at column ${e.column}; found columns ${findings.filter((f) => key(f) === key(e)).map((f) => f.column)}`).toBeTruthy();
        }
        for (const e of expected.filter((x) => x.messageId !== undefined)) {
          const hit = findings.find((f) => f.file === e.file && f.line === e.line && f.rule === e.rule && (e.column === undefined || f.column === e.column));
          expect(hit?.message.id, `${key(e)}: message id`).toBe(e.messageId);
          // the message of that id, in both languages, filled (no placeholder left)
          for (const lang of ['zh', 'en'] as const) {
            expect(hit!.message[lang]).not.toBe(e.messageId);
            expect(hit!.message[lang]).not.toMatch(/\{\w+\}/);
            // a keyboard mistake names its character in both languages
            const char = hit!.message.data?.char;
            if (typeof char === 'string') expect(hit!.message[lang]).toContain(char);
          }
          expect(hit!.message.zh).toMatch(/[\u4e00-\u9fff]/);
        }
        for (const f of findings) {
          // both languages are written, and no message id leaks through untranslated
          expect(f.message.zh.length).toBeGreaterThan(0);
          expect(f.message.en.length).toBeGreaterThan(0);
          expect(f.message.en).not.toMatch(/^(schema|yaml|load|kind)\/[\w-]+$/);
          expect(f.message.zh).not.toMatch(/^(schema|yaml|load|kind)\/[\w-]+$/);
        }
      });
    }
  });
}
