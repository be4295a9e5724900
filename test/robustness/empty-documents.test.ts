/**
 * Empty documents cost nothing (issue 18: 10 MB of `---` took 9 s in the yaml package's Parser):
 * runs of them are not read (src/load/documents.ts), and what is read keeps its exact offsets.
 * Checked against the yaml package reading the whole text, and on lint output. The time is
 * measured in bench/scale.mjs (`empty-documents`), not here.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Composer, Lexer, parseAllDocuments, type CST, type Document } from 'yaml';
import { commentStarts, documentTokens } from '../../src/load/documents.js';
import { YAML_OPTIONS } from '../../src/load/source.js';
import { runCli } from '../helpers/cli.js';
import { MINI, cleanTemp, lintBytes, repo } from './helpers.js';

afterAll(cleanTemp);

/** What a composed document shows: its value, errors, warnings and range. */
function shown(doc: Document.Parsed) {
  let value: unknown;
  try {
    value = doc.errors.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : 'errors';
  } catch (err) {
    value = `throws ${(err as Error).message}`;
  }
  return {
    value,
    errors: doc.errors.map((e) => [e.code, ...e.pos]),
    warnings: doc.warnings.map((e) => [e.code, ...e.pos]),
    range: doc.range,
  };
}

/** The documents the loader composes, by index in the file, and how many the file holds. */
function composed(text: string): { docs: Map<number, Document.Parsed>; count: number } {
  const tokens: CST.Token[] = [];
  const indexes: number[] = [];
  const count = documentTokens(text, (token, index) => {
    if (token.type === 'document') indexes.push(index);
    tokens.push(token);
  });
  const docs = new Map<number, Document.Parsed>();
  let k = 0;
  for (const d of new Composer(YAML_OPTIONS).compose(tokens)) docs.set(indexes[k++], d);
  expect(k).toBe(indexes.length);
  return { docs, count };
}

/** Lines that make empty documents, and lines that do not (content, directives, markers with something after them). */
const EMPTYISH = ['---', '--- # c', '---   ', '...', '... # e', '', '  ', '# c', '   # c', '---\t', '...#x'];
const CONTENT = ['a: 1', 'b: [1, 2', '- x', '  c: d', '"q', "'q", 'x: {a', 'k: |', '  text', '  ---', '--- a: 1', '--- |', '%YAML 1.2', '%TAG ! tag:x,2022:', '& x', 'k: *a', 'j: &a 1', '----', '.... x', 'a: 1 # c', '\ufeff---'];

describe('empty documents are not read, and nothing else changes', () => {
  it('documents, values, errors and ranges agree with the yaml package reading the whole text (fast-check)', () => {
    const line = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...EMPTYISH) }, { weight: 1, arbitrary: fc.constantFrom(...CONTENT) });
    const texts = fc.tuple(fc.array(line, { maxLength: 24 }), fc.boolean(), fc.boolean()).map(([lines, crlf, last]) => lines.join(crlf ? '\r\n' : '\n') + (last ? '\n' : ''));
    fc.assert(
      fc.property(texts, (text) => {
        const all = parseAllDocuments(text, YAML_OPTIONS);
        const reference = Array.isArray(all) ? all : [];
        const { docs, count } = composed(text);
        expect(count).toBe(reference.length);
        for (const [i, doc] of docs) expect(shown(doc), `document ${i}`).toEqual(shown(reference[i]));
        // a document left out was empty in the yaml package too: no value, nothing wrong with it
        for (let i = 0; i < reference.length; i++) {
          if (docs.has(i)) continue;
          expect(reference[i].toJS(), `document ${i}`).toBeNull();
          expect(reference[i].errors, `document ${i}`).toEqual([]);
        }
        // comments (where disable directives may stand) are those of the yaml lexer reading it all
        const comments: number[] = [];
        let offset = 0;
        for (const token of new Lexer().lex(text)) {
          if (token === '\x02' || token === '\x18' || token === '\x1f') continue;
          if (token.startsWith('#')) comments.push(offset);
          offset += token.length;
        }
        expect([...commentStarts(text)].sort((a, b) => a - b)).toEqual(comments);
      }),
      { seed: Number(process.env.SEED ?? 20221201), numRuns: Number(process.env.RUNS ?? 1500) },
    );
  });

  it('100,000 `---` lines before a document: the same finding as after one, at its line (100,003) and column', () => {
    const doc = 'kind: Owners\nowners:\n  - {id: a, name: A, sity: x}\n';
    const small = lintBytes(`---\n${doc}`, 'owners.yaml');
    const big = lintBytes('---\n'.repeat(100_000) + doc + '---\n'.repeat(100_000), 'owners.yaml');
    const shape = (f: (typeof small.findings)[number], lines: number) => [f.rule, f.messageId, f.line - lines, f.column, f.endLine - lines, f.endColumn];
    expect(small.findings.length).toBeGreaterThan(0);
    expect(big.findings.map((f) => shape(f, 99_999))).toEqual(small.findings.map((f) => shape(f, 0)));
    expect(big.findings.map((f) => [f.line, f.column])).toEqual([[100_003, 22]]);
    expect(big.files[0].docs.map((d) => d.index)).toEqual([99_999]);
  });

  it('a file of only `---`, `...`, comments and blank lines has nothing to report, as one `---` has not', () => {
    for (const text of ['---\n'.repeat(100_000), '---\n...\n'.repeat(50_000), '--- # c\n\n# d\n...\n...\n'.repeat(20_000), '---\r\n'.repeat(50_000)]) {
      const linted = lintBytes(text, 'owners.yaml');
      expect(linted.findings).toEqual(lintBytes('---\n', 'owners.yaml').findings);
      expect(linted.findings).toEqual([]);
      expect(linted.files[0].docs).toEqual([]);
    }
  });

  it('disable comments among 100,000 `---` lines are read as comments (the lexer reads only what is not left out)', () => {
    const seps = '---\n'.repeat(50_000);
    const doc = 'kind: Owners\nowners: [1]\n';
    const next = lintBytes(`${seps}--- # plans-disable-next-line schema\n${seps}# plans-disable-next-line\n${doc}`, 'owners.yaml');
    // the first names a rule and covers a `---` line: unused; the second covers `kind:`, not the finding
    expect(next.findings.map((f) => [f.rule, f.line])).toEqual([
      ['unused-disable', 50_001],
      ['unused-disable', 100_002],
      ['schema', 100_004],
    ]);
    expect(lintBytes(`${seps}# plans-disable-file\n${seps}${doc}`, 'owners.yaml').findings).toEqual([]);
    // inside an unclosed quote that reads to the end of the file, it is text
    const quoted = lintBytes(`kind: Owners\nowners: "x\n${seps}# plans-disable-file\n${seps}`, 'owners.yaml');
    expect(quoted.findings.map((f) => f.rule)).toContain('yaml-syntax');
  });

  it('an empty document ended by `...` before a plan is valid YAML: no "doc-end without document" finding', () => {
    const linted = lintBytes('---\n...\n---\nkind: Owners\nowners:\n  - {id: a, name: A}\n', 'owners.yaml');
    expect(linted.findings).toEqual([]);
    expect(linted.files[0].docs.map((d) => [d.index, d.kind])).toEqual([[1, 'Owners']]);
  });

  it('a directive before a run of `---` still belongs to the document after it', () => {
    const text = '%YAML 1.2\n---\n' + '---\n'.repeat(1000) + 'kind: Owners\nowners: [1]\n';
    const linted = lintBytes(text, 'owners.yaml');
    expect(linted.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['schema', 1004, 10]]);
  });

  it('plans lint on a repository with a file of 200,000 `---` and a finding after them: exit 1, the finding at its place', async () => {
    const dir = repo({ ...MINI, 'seps.yaml': '---\n'.repeat(200_000) + 'kind: Owners\nowners:\n  - {id: zz, name: Z, sity: x}\n' });
    const run = await runCli(['lint', '--format', 'json', '.'], { cwd: dir });
    expect(run.code).toBe(1);
    const found = (JSON.parse(run.stdout) as { diagnostics: { file: string; line: number; column: number; rule: string }[] }).diagnostics.filter((d) => d.file === 'seps.yaml');
    expect(found.map((d) => [d.rule, d.line, d.column])).toEqual([['schema', 200_003, 23]]);
  });
});
