/**
 * Property-based tests (fast-check, fixed seeds, bounded runs): arbitrary bytes, arbitrary YAML and
 * mutated copies of the reference plans never make lint throw, every finding lies inside its file,
 * every mutation of a valid repository is found, and every lint format renders every result.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseAllDocuments, stringify, type Document, type Node, type Pair } from 'yaml';
import { check } from '../../src/lint.js';
import { parseBytes } from '../../src/load/index.js';
import type { SourceFile } from '../../src/load/source.js';
import { lintFormatters } from '../../src/render/lint/index.js';
import { countFindings } from '../../src/render/lint/types.js';
import { ruleById } from '../../src/rules/index.js';
import type { Diagnostic as Finding } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { example, placesInside, root, type Linted } from './helpers.js';

/** Runs per property; the whole file stays within a few seconds on two cores. */
const RUNS = { bytes: 300, unicode: 200, tokens: 400, shapes: 200, mutations: 120, reports: 10 };
const SEED = 20220630;
const chalk = new Chalk({ level: 0 });

/** Lints files given as (path → bytes) in one run; files in `reuse` are already parsed. */
function lint(contents: Record<string, Uint8Array>, reuse: SourceFile[] = []): Linted {
  const files = [...reuse];
  const findings: Finding[] = [];
  for (const [name, bytes] of Object.entries(contents)) {
    const loaded = parseBytes(name, path.join(root, name), bytes);
    files.push(loaded.file);
    findings.push(...loaded.findings);
  }
  const result = check(files, findings);
  return { files: result.files, findings: result.findings };
}

/** Every lint format renders the findings, in both languages, to text. */
function renderAll(linted: Linted): void {
  const report = countFindings(linted.findings, linted.files.length, linted.files.map((f) => f.path));
  const byPath = new Map(linted.files.map((f) => [f.path, f]));
  const contentOf = (f: Finding) => {
    const file = byPath.get(f.file);
    if (!file) return '';
    const start = file.lines.lineStart(f.line);
    return file.text.slice(start, file.lines.lineStart(f.line + 1)).trim();
  };
  for (const [name, format] of Object.entries(lintFormatters)) {
    for (const lang of ['zh', 'en'] as const) {
      const out = format(report, { lang, chalk, cwd: root, contentOf });
      if (typeof out !== 'string') throw new Error(`${name} returned ${typeof out}`);
      if (name === 'json' || name === 'sarif' || name === 'gitlab') JSON.parse(out);
    }
  }
}

/** The common property: lint does not throw, places are inside their files, and every format renders. */
function holds(linted: Linted): boolean {
  const outside = placesInside(linted);
  if (outside.length > 0) throw new Error(outside.join('\n'));
  renderAll(linted);
  return true;
}

const enc = (s: string) => Buffer.from(s, 'utf8');

describe('arbitrary input', () => {
  it(`arbitrary bytes (${RUNS.bytes} runs)`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => holds(lint({ 'bytes.yaml': bytes }))),
      { seed: SEED, numRuns: RUNS.bytes },
    );
  });

  it(`arbitrary unicode text, with every kind of line end (${RUNS.unicode} runs)`, () => {
    const text = fc.string({ unit: 'binary', maxLength: 300 });
    fc.assert(
      fc.property(text, fc.constantFrom('\n', '\r\n', '\r'), (s, eol) => holds(lint({ 'text.yaml': enc(s.replace(/\n/g, eol)) }))),
      { seed: SEED, numRuns: RUNS.unicode },
    );
  });

  it(`YAML-shaped token soup (${RUNS.tokens} runs)`, () => {
    const token = fc.constantFrom(
      'kind: ', 'Plan', 'Campaign', 'Owners', 'Progress', 'id: ', 'actions:', 'targets:', 'owners:', 'values:', 'tasks: [T01]',
      ':', ': ', ' ', '  ', '\n', '\r\n', '\r', '\t', '- ', '? ', '[', ']', '{', '}', ', ', '#', ' # c', '&a ', '*a', '&b ', '*b',
      '!!str ', '!!map ', '!x ', '"', "'", '"q\\"', '|', '>-', '---\n', '...\n', '%YAML 1.2\n', '%TAG ! tag:x,2022:\n', '\ufeff',
      'a', '中文', '1', '2022-06-30', 'null', '~', 'true', '__proto__', 'constructor', '<<: ', '\\', '\u0085', '\u2028', '@', '`',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => holds(lint({ 'soup.yaml': enc(tokens.join('')) }))),
      { seed: SEED, numRuns: RUNS.tokens },
    );
  });

  it(`valid YAML of any shape under each kind, the schema's keys and hostile keys mixed in (${RUNS.shapes} runs)`, () => {
    const key = fc.oneof(
      fc.constantFrom('kind', 'id', 'title', 'campaign', 'city', 'cities', 'tasks', 'subtasks', 'indicators', 'owners', 'owner', 'actions', 'measures',
        'targets', 'target', 'baseline', 'value', 'values', 'units', 'lead', 'support', 'due', 'period', 'start', 'end', 'op', 'min', 'max', 'change',
        'annual_change', 'than', 'text', 'per', 'as_of', 'indicator', 'unit', 'better', 'required', '__proto__', 'constructor', 'prototype'),
      fc.string({ maxLength: 8 }),
    );
    const leaf = fc.oneof(fc.constantFrom('T01', 'hz', 'c2022', 'unit', '>=', '+20%', '2022-06-30', 'Plan', 'higher'), fc.string({ maxLength: 6 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(key, tie('tree'), { maxKeys: 6 })),
    }));
    const doc = fc.record({ kind: fc.constantFrom('Campaign', 'Owners', 'Plan', 'Progress'), body: fc.dictionary(key, tree, { maxKeys: 8 }) });
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 4 }), (docs) => {
        const text = docs.map((d) => stringify({ ...d.body, kind: d.kind })).join('---\n');
        return holds(lint({ 'shapes.yaml': enc(text) }));
      }),
      { seed: SEED, numRuns: RUNS.shapes },
    );
  });
});

/** The reference repository, as files of text. */
function exampleFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (/\.ya?ml$/.test(entry.name)) out[path.relative(root, abs).split(path.sep).join('/')] = fs.readFileSync(abs, 'utf8');
    }
  };
  walk(example);
  return out;
}

type Mutation = 'rename-key' | 'retype-value' | 'delete-required' | 'duplicate-document';

/** Every place of a document a mutation can take: pairs of mappings and scalars, with the key above them. */
interface Spot {
  pair?: Pair;
  map?: Node;
  scalarParent?: Node;
  scalarIndex?: number | string;
  under?: string;
}

function spots(doc: Document): Spot[] {
  const out: Spot[] = [];
  const walk = (node: unknown, under: string | undefined) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        out.push({ pair, map: node, under });
        if (isScalar(pair.value)) out.push({ scalarParent: node, scalarIndex: key, under });
        walk(pair.value, key);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (isScalar(item)) out.push({ scalarParent: node, scalarIndex: i, under });
        walk(item, under);
      });
    }
  };
  walk(doc.contents, undefined);
  // the free-form map of a progress value (`units: {lucheng: 3}`) takes any unit id as a key
  return out.filter((s) => !(s.under === 'units' && s.pair));
}

/** Applies one mutation that must produce at least one error; undefined when the file offers no place for it. */
function mutate(text: string, kind: Mutation, pick: number): string | undefined {
  const docs = parseAllDocuments(text) as Document.Parsed[];
  const doc = docs[pick % docs.length];
  const all = spots(doc);
  if (kind === 'duplicate-document') {
    const k = (doc.toJS() as { kind?: string })?.kind;
    // a Progress report may legitimately be repeated in content; ids make the others collide
    if (k === 'Progress') return undefined;
    return `${text.trimEnd()}\n---\n${doc.toString()}`;
  }
  if (kind === 'rename-key') {
    const candidates = all.filter((s) => s.pair && isScalar(s.pair.key));
    if (!candidates.length) return undefined;
    const { pair } = candidates[pick % candidates.length];
    (pair!.key as { value: unknown }).value = `${String((pair!.key as { value: unknown }).value)}_renamed`;
  } else if (kind === 'retype-value') {
    const candidates = all.filter((s) => s.scalarParent !== undefined);
    if (!candidates.length) return undefined;
    const s = candidates[pick % candidates.length];
    const parent = s.scalarParent as unknown as { set(k: unknown, v: unknown): void };
    parent.set(s.scalarIndex, doc.createNode({ retyped: [1] }, { flow: true }));
  } else {
    const candidates = all.filter((s) => s.pair && isScalar(s.pair.key) && ['kind', 'id'].includes(String((s.pair.key as { value: unknown }).value)));
    if (!candidates.length) return undefined;
    const { pair, map } = candidates[pick % candidates.length];
    (map as unknown as { delete(k: unknown): void }).delete((pair!.key as { value: unknown }).value);
  }
  return docs.map((d) => d.toString()).join('');
}

describe('mutations of the reference plans', () => {
  const files = exampleFiles();
  const names = Object.keys(files).sort();
  const parsed = new Map(names.map((n) => [n, parseBytes(n, path.join(root, n), enc(files[n]))]));
  const errorsOf = (linted: Linted) => linted.findings.filter((f) => f.severity === 'error');

  it('the reference repository has no errors, also after a round trip through the yaml printer', () => {
    const plain = lint(Object.fromEntries(names.map((n) => [n, enc(files[n])])));
    expect(errorsOf(plain)).toEqual([]);
    const printed = lint(Object.fromEntries(names.map((n) => [n, enc((parseAllDocuments(files[n]) as Document.Parsed[]).map((d) => d.toString()).join(''))])));
    expect(errorsOf(printed)).toEqual([]);
  });

  const kinds: Mutation[] = ['rename-key', 'retype-value', 'delete-required'];
  // duplicate-id is what makes a duplicated document an error; without that rule the mutation proves nothing
  if (ruleById('duplicate-id')) kinds.push('duplicate-document');

  it(`one random mutation (${kinds.join(', ')}) always yields an error (${RUNS.mutations} runs)`, () => {
    let applied = 0;
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom(...kinds), fc.nat(), (name, kind, pick) => {
        const text = mutate(files[name], kind, pick);
        fc.pre(text !== undefined);
        applied++;
        const reuse = names.filter((n) => n !== name).map((n) => parsed.get(n)!.file);
        // re-parse the untouched files' findings too: they belong to the run
        const linted = lint({ [name]: enc(text!) }, reuse);
        holds(linted);
        const errors = errorsOf(linted);
        if (errors.length === 0) throw new Error(`${kind} of ${name} (pick ${pick}) gave no error:\n${text}`);
        return true;
      }),
      { seed: SEED, numRuns: RUNS.mutations },
    );
    expect(applied).toBeGreaterThan(RUNS.mutations / 2);
  });
});

describe('the report commands on mutated repositories', () => {
  const files = exampleFiles();
  const names = Object.keys(files).sort();
  const kinds: Mutation[] = ['rename-key', 'retype-value', 'delete-required', 'duplicate-document'];
  const commands = [['gaps', '--format', 'json'], ['table', 'responsibilities'], ['table', 'targets', '--format', 'csv'], ['table', 'coverage'], ['table', 'owners'], ['compile', '--allow-errors']];

  it(`gaps, table and compile make their report or refuse, never an internal error (${RUNS.reports} runs × ${commands.length} commands)`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-reports-'));
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...names), fc.constantFrom(...kinds), fc.nat(), async (name, kind, pick) => {
          const text = mutate(files[name], kind, pick);
          fc.pre(text !== undefined);
          fs.rmSync(dir, { recursive: true, force: true });
          for (const n of names) {
            const target = path.join(dir, path.relative('examples/zhejiang-2022', n));
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.writeFileSync(target, n === name ? text! : files[n]);
          }
          for (const args of commands) {
            const run = await runCli([...args, dir]);
            if (run.code === 2 || /internal error/.test(run.stderr)) throw new Error(`${args.join(' ')} after ${kind} of ${name}: ${run.stderr}`);
          }
          return true;
        }),
        { seed: SEED, numRuns: RUNS.reports },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
