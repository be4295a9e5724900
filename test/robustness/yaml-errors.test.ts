/**
 * Every error code of the yaml package (read from its errors.d.ts, so a new code fails here) is
 * produced from a small input and must come out as a `yaml-syntax` finding with its own zh and en
 * message, at the place the yaml package itself names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseAllDocuments, parseDocument, YAMLParseError, type ErrorCode } from 'yaml';
import { t } from '../../src/i18n/index.js';
import { yamlFinding } from '../../src/load/parse.js';
import { LineIndex, type SourceFile } from '../../src/load/source.js';
import { expectMessages, expectPlacesInside, lintBytes, root } from './helpers.js';

const OPTIONS = { uniqueKeys: true, strict: true, stringKeys: false } as const;

/** Inputs that make `plans lint`'s parser raise each code (first error or warning of that code). */
const THROUGH_LINT: Partial<Record<ErrorCode, string>> = {
  ALIAS_PROPS: 'a: &x 1\nb: !!str *x\n',
  BAD_ALIAS: 'a: & 1\n',
  BAD_DIRECTIVE: '%FOO bar\n---\na: 1\n',
  BAD_DQ_ESCAPE: 'a: "\\q"\n',
  BAD_INDENT: 'a:\n  b: 1\n c: 2\n',
  BAD_PROP_ORDER: '&x ? a\n: b\n',
  BAD_SCALAR_START: 'a: @b\n',
  BLOCK_AS_IMPLICIT_KEY: 'a: &x ? b\n',
  BLOCK_IN_FLOW: '[a, b:\n  - c]\n',
  DUPLICATE_KEY: 'kind: Plan\nkind: Plan\n',
  KEY_OVER_1024_CHARS: `${'k'.repeat(1030)}: 1\n`,
  MISSING_CHAR: 'title: "unclosed\n',
  MULTILINE_IMPLICIT_KEY: 'a\nb: 1\n',
  MULTIPLE_ANCHORS: 'a: &x &y 1\n',
  MULTIPLE_TAGS: 'a: !!str !!str 1\n',
  TAB_AS_INDENT: 'a:\n\tb: 1\n',
  TAG_RESOLVE_FAILED: 'a: !custom x\n',
  UNEXPECTED_TOKEN: 'a: 1\n]\n',
  BAD_COLLECTION_TYPE: 'a: !!set [1]\n',
};

/**
 * Codes `plans lint` cannot meet with its parser options, made with the yaml API directly:
 * NON_STRING_KEY needs `stringKeys`, MULTIPLE_DOCS needs `parseDocument`, RESOURCE_EXHAUSTION is
 * pre-empted by our own depth limit, and IMPOSSIBLE marks states the yaml package says should not happen.
 */
const ELSEWHERE: Partial<Record<ErrorCode, () => YAMLParseError>> = {
  NON_STRING_KEY: () => parseAllDocuments('? [a]\n: b\n', { ...OPTIONS, stringKeys: true })[0].errors[0] as YAMLParseError,
  MULTIPLE_DOCS: () => parseDocument('a: 1\n---\nb: 2\n').errors[0] as YAMLParseError,
  RESOURCE_EXHAUSTION: () => new YAMLParseError([0, 1], 'RESOURCE_EXHAUSTION', 'Maximum call stack size exceeded'),
  IMPOSSIBLE: () => new YAMLParseError([0, 1], 'IMPOSSIBLE', 'Map comment with trailing content'),
};

function errorCodes(): string[] {
  const dts = fs.readFileSync(path.join(root, 'node_modules/yaml/dist/errors.d.ts'), 'utf8');
  const union = /export type ErrorCode = ([^;]+);/.exec(dts);
  if (!union) throw new Error('ErrorCode not found in yaml/dist/errors.d.ts');
  return [...union[1].matchAll(/'([A-Z_0-9]+)'/g)].map((m) => m[1]);
}

const generic = (en: string) => en.startsWith(t('yaml/other', { detail: '', code: '' }).en.replace(/:.*$/, ''));

describe('every yaml error code', () => {
  const codes = errorCodes();

  it('has an input here (the list covers the ErrorCode union of the installed yaml)', () => {
    expect(codes.length).toBeGreaterThanOrEqual(23);
    const covered = new Set([...Object.keys(THROUGH_LINT), ...Object.keys(ELSEWHERE)]);
    expect(codes.filter((c) => !covered.has(c))).toEqual([]);
  });

  for (const [code, input] of Object.entries(THROUGH_LINT)) {
    it(`${code}: a yaml-syntax finding at the place yaml names, in both languages`, () => {
      const lc = new LineCounter();
      const docs = parseAllDocuments(input, { ...OPTIONS, lineCounter: lc });
      const all = (Array.isArray(docs) ? docs : []).flatMap((d) => [...d.errors, ...d.warnings]);
      const raised = all.find((e) => e.code === code);
      expect(raised, `yaml raises ${code} for ${JSON.stringify(input)}`).toBeDefined();
      const linted = lintBytes(input);
      const syntax = linted.findings.filter((f) => f.rule === 'yaml-syntax');
      expect(syntax.length).toBeGreaterThan(0);
      const pos = lc.linePos(raised!.pos[0]);
      // a wrong indentation is pointed at the key on that line (load/indent.ts), else at yaml's own place
      const here = syntax.find((f) => f.line === pos.line && (f.column === pos.col || (f.message.id?.startsWith('yaml/indent-') && f.column > pos.col)));
      expect(here, `a finding at ${pos.line}:${pos.col}`).toBeDefined();
      expect(generic(here!.message.en), here!.message.en).toBe(false);
      expect(here!.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(here!.message.en).not.toMatch(/[\u4e00-\u9fff]/);
      expectMessages(linted.findings);
      expectPlacesInside(linted);
    });
  }

  for (const [code, make] of Object.entries(ELSEWHERE)) {
    it(`${code}: has its own message too`, () => {
      const error = make();
      expect(error.code).toBe(code);
      const text = 'a: 1\n';
      const file: SourceFile = { path: 'x.yaml', abs: '/x.yaml', text, encoding: 'utf-8', lines: new LineIndex(text), docs: [] };
      const finding = yamlFinding(file, error, 'error');
      expect(finding.rule).toBe('yaml-syntax');
      expect(generic(finding.message.en), finding.message.en).toBe(false);
      expect(finding.message.zh).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('the common MISSING_CHAR and UNEXPECTED_TOKEN details read in Chinese, not in English', () => {
    for (const input of ['a: [1, 2\n', 'a: {b: 1\n', "a: 'x\n", 'a: "x\n', 'a: 1\n]\n', '[a]]\n']) {
      const zh = lintBytes(input).findings.filter((f) => f.rule === 'yaml-syntax').map((f) => f.message.zh);
      expect(zh.length, input).toBeGreaterThan(0);
      for (const m of zh) expect(m, input).not.toMatch(/[A-Za-z]{5,} [A-Za-z]{3,}/);
    }
  });

  it('an alias without its anchor names the alias, not an alias bomb', () => {
    const [f] = lintBytes('kind: Plan\nlead: *nobody\n').findings;
    expect(f).toMatchObject({ rule: 'yaml-syntax', line: 2, column: 7 });
    expect(f.message.en).toBe('the alias *nobody has no anchor &nobody before it');
  });
});
