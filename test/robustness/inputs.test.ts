/** Hostile and odd file contents: each gets a finding at its place, or is read correctly; none throws. */
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadPaths, parseBytes, DEFAULT_MAX_FILE_BYTES } from '../../src/load/index.js';
import { check } from '../../src/lint.js';
import { HARD_MAX_DEPTH } from '../../src/load/parse.js';
import { parseSize } from '../../src/cli/env.js';
import { UsageError } from '../../src/types.js';
import { cleanTemp, expectMessages, expectPlacesInside, lintBytes, lintMany, MINI, tempDir } from './helpers.js';

afterAll(cleanTemp);

const syntax = (text: string | Uint8Array) => lintBytes(text).findings.filter((f) => f.rule === 'yaml-syntax');
const heapMb = () => process.memoryUsage().heapUsed / 2 ** 20;

describe('alias bombs', () => {
  const laughs = (levels: number) => {
    let s = 'kind: Owners\nl0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < levels; i++) s += `l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
    return s;
  };

  it('billion laughs: one yaml-syntax finding at the first alias, in bounded memory', () => {
    const before = heapMb();
    const linted = lintBytes(laughs(10));
    const grown = heapMb() - before;
    const [finding, ...rest] = linted.findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'yaml-syntax', severity: 'error', line: 3, column: 10 });
    expect(finding.message.en).toMatch(/alias bomb/);
    expect(finding.message.zh).toMatch(/别名炸弹/);
    // 9^10 strings would be gigabytes; the limit stops expansion early
    expect(grown).toBeLessThan(64);
  });

  it('a loop made with an alias is a finding, not an endless walk', () => {
    for (const text of ['kind: Campaign\ntasks: &t [{id: T1, title: x, subtasks: *t}]\n', 'a: &x {b: *x}\n']) {
      const [f, ...rest] = lintBytes(text).findings;
      expect(rest).toEqual([]);
      expect(f.rule).toBe('yaml-syntax');
      expect(f.message.en).toMatch(/loop/);
    }
  });

  it('aliases that nest past the depth limit once expanded are a finding', () => {
    const nest = (n: number, inner: string) => '['.repeat(n) + inner + ']'.repeat(n);
    const text = `a: &a ${nest(40, '1')}\nb: ${nest(40, '*a')}\n`;
    const [f] = lintBytes(text).findings;
    expect(f).toMatchObject({ rule: 'yaml-syntax', line: 2 });
    expect(f.message.en).toMatch(/once aliases are expanded/);
  });

  it('ordinary aliases still work', () => {
    const plan = MINI['hz/plan.yaml'].replace('    lead: hz-sfj\n', '    lead: &bureau hz-sfj\n').replace('      - 研究制定行政执法裁量办法\n', '      - 研究制定行政执法裁量办法\n      - {text: 第二项措施, lead: *bureau}\n');
    expect(plan).toContain('*bureau');
    expect(lintMany({ ...MINI, 'hz/plan.yaml': plan }).findings).toEqual([]);
  });
});

describe('deep nesting', () => {
  it('64 levels are read, 65 are a finding at the 65th', () => {
    expect(syntax('['.repeat(64) + ']'.repeat(64))).toEqual([]);
    const [f] = syntax('['.repeat(65) + ']'.repeat(65));
    expect(f).toMatchObject({ line: 1, column: 65 });
    expect(f.message.en).toBe('nested deeper than 64 levels; not checked');
    let block = '';
    for (let i = 0; i < 70; i++) block += `${' '.repeat(i)}k${i}:\n`;
    const [g] = syntax(block);
    expect(g).toMatchObject({ line: 65, column: 65 });
  });

  it('far deeper input (flow, block sequences, unclosed brackets) ends in one finding, in bounded memory', () => {
    const inputs = [
      '['.repeat(100_000) + ']'.repeat(100_000),
      '{a: '.repeat(20_000) + '1' + '}'.repeat(20_000),
      '- '.repeat(50_000) + 'x\n',
      '['.repeat(200_000),
      `kind: Plan\nactions: ${'['.repeat(3000)}\n`,
    ];
    for (const text of inputs) {
      const before = heapMb();
      const linted = lintBytes(text);
      expect(heapMb() - before).toBeLessThan(256);
      expect(linted.findings.map((f) => f.rule)).toEqual(['yaml-syntax']);
      expect(linted.findings[0].message.en).toMatch(/nested deeper than/);
      expectPlacesInside(linted);
    }
  });

  it('the configured depth limit applies, capped at the hard limit', () => {
    expect(syntax('[[[1]]]')).toEqual([]);
    expect(lintBytes('[[[1]]]', 'x.yaml', { limits: { maxDepth: 2, maxAliasCount: 100 } }).findings[0].message.en).toMatch(/deeper than 2 levels/);
    const deep = '['.repeat(HARD_MAX_DEPTH + 1) + ']'.repeat(HARD_MAX_DEPTH + 1);
    expect(lintBytes(deep, 'x.yaml', { limits: { maxDepth: 100_000, maxAliasCount: 100 } }).findings[0].message.en).toMatch(`deeper than ${HARD_MAX_DEPTH} levels`);
  });
});

describe('size limits', () => {
  it('a file over the limit is a finding at 1:1 and is not read; the others still are', () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.yaml');
    // a valid plan file just over the default limit, generated here instead of committed
    const line = '  - {id: o-0000000, name: 一个责任单位的名称}\n';
    const count = Math.ceil((DEFAULT_MAX_FILE_BYTES + 1) / Buffer.byteLength(line));
    fs.writeFileSync(big, 'kind: Owners\nowners:\n' + line.repeat(count));
    fs.writeFileSync(path.join(dir, 'small.yaml'), 'kind: Owners\nowners: [{id: a, name: A, sity: x}]\n');
    const loaded = loadPaths([dir], { cwd: dir });
    const result = check(loaded.files, loaded.findings);
    const tooBig = result.findings.find((f) => f.file === 'big.yaml');
    expect(tooBig).toMatchObject({ rule: 'yaml-syntax', severity: 'error', line: 1, column: 1 });
    expect(tooBig!.message.en).toMatch(new RegExp(`over the limit of ${DEFAULT_MAX_FILE_BYTES}`));
    expect(tooBig!.message.zh).toMatch(/超过上限/);
    expect(result.findings.some((f) => f.file === 'small.yaml' && f.rule === 'schema')).toBe(true);
    expect(result.files.find((f) => f.path === 'big.yaml')!.docs).toEqual([]);
  });

  it('the limit is configurable', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.yaml'), MINI['owners.yaml']);
    const size = fs.statSync(path.join(dir, 'a.yaml')).size;
    const under = loadPaths([dir], { cwd: dir, maxFileBytes: size });
    expect(under.findings).toEqual([]);
    const over = loadPaths([dir], { cwd: dir, maxFileBytes: size - 1 });
    expect(over.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['yaml-syntax', 1, 1]]);
    expect(parseSize('--max-file-size', '20M')).toBe(20 * 2 ** 20);
    expect(parseSize('--max-file-size', '512k')).toBe(512 * 1024);
    expect(parseSize('--max-file-size', '1000')).toBe(1000);
    expect(() => parseSize('--max-file-size', 'big')).toThrow(UsageError);
  });

  it('a 2 MB line is read, and a finding after it is placed right', () => {
    const long = 'x'.repeat(2 * 2 ** 20);
    const text = `kind: Owners\nowners:\n  - {id: a, name: ${long}}\n  - {id: b, name: B, sity: hz}\n`;
    const linted = lintBytes(text);
    expect(linted.findings).toHaveLength(1);
    expect(linted.findings[0]).toMatchObject({ rule: 'schema', line: 4, column: 22 });
  });
});

describe('binary and encodings', () => {
  const findingsOf = (bytes: Uint8Array) => {
    const linted = lintBytes(bytes);
    expectPlacesInside(linted);
    expectMessages(linted.findings);
    return linted.findings;
  };

  it('a binary file named .yaml is one encoding error at the first NUL', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const [f, ...rest] = findingsOf(png);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'encoding', severity: 'error', line: 3, column: 1 });
    expect(f.message.en).toBe('this is not a text file (NUL byte at byte 8)');
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(findingsOf(random).map((x) => x.rule)).toEqual(['encoding']);
  });

  // 杭州市司法局 in GB18030, written out by hand and checked against the decoder below
  const GB = Uint8Array.from([0xba, 0xbc, 0xd6, 0xdd, 0xca, 0xd0, 0xcb, 0xbe, 0xb7, 0xa8, 0xbe, 0xd6]);
  const ascii = (s: string) => Buffer.from(s, 'latin1');
  const cat = (...parts: Uint8Array[]) => Uint8Array.from(Buffer.concat(parts));

  it('GB18030 is read with a warning, and findings keep their places', () => {
    expect(new TextDecoder('gb18030').decode(GB)).toBe('杭州市司法局');
    const bytes = cat(ascii('kind: Owners\nowners:\n  - {id: a, name: '), GB, ascii(', sity: x}\n'));
    const found = findingsOf(bytes);
    expect(found.map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([
      ['encoding', 'warning', 1, 1],
      ['schema', 'error', 3, 27],
    ]);
    expect(found[0].message.en).toMatch(/GB18030/);
  });

  const owners = 'kind: Owners\nowners:\n  - {id: a, name: 杭州市司法局, sity: x}\n';
  const utf16le = (s: string) => Buffer.from(s, 'utf16le');
  const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

  it('UTF-16 LE and BE with a BOM, and LE without one, are read with a warning at the right places', () => {
    for (const [bytes, name] of [
      [cat(Uint8Array.from([0xff, 0xfe]), utf16le(owners)), 'UTF-16LE'],
      [cat(Uint8Array.from([0xfe, 0xff]), utf16be(owners)), 'UTF-16BE'],
      [utf16le(owners), 'UTF-16LE'],
    ] as const) {
      const found = findingsOf(bytes);
      expect(found.map((f) => [f.rule, f.line, f.column])).toEqual([
        ['encoding', 1, 1],
        ['schema', 3, 27],
      ]);
      expect(found[0].message.en).toContain(name);
    }
  });

  it('UTF-32 is refused with its own message', () => {
    const [f] = findingsOf(cat(Uint8Array.from([0xff, 0xfe, 0, 0]), Buffer.from('k\0\0\0')));
    expect(f.rule).toBe('encoding');
    expect(f.message.en).toMatch(/UTF-32/);
  });

  it('a file mixing UTF-8 and GB18030 lines is an error at the first foreign byte, not silently garbled', () => {
    const bytes = cat(Buffer.from('kind: Owners\nowners:\n  - {id: a, name: 杭州市}\n  - {id: b, name: '), GB, ascii('}\n'));
    const [f, ...rest] = findingsOf(bytes);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'encoding', severity: 'error', line: 4, column: 19 });
    expect(f.message.en).toMatch(/mixes encodings/);
  });

  it('a UTF-8 BOM is skipped; positions count from after it', () => {
    const found = findingsOf(cat(Uint8Array.from([0xef, 0xbb, 0xbf]), Buffer.from(owners)));
    expect(found.map((f) => [f.rule, f.line, f.column])).toEqual([['schema', 3, 27]]);
  });

  it('a second BOM in the middle (two files pasted together) is a warning there, and the rest is read', () => {
    const text = `\ufeff${MINI['owners.yaml']}---\n\ufeff${owners.replace('id: a', 'id: z')}`;
    const linted = lintBytes(text);
    expectPlacesInside(linted);
    // the pasted-in BOM is named at its place, and the document after it is read as usual
    expect(linted.findings.map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([
      ['encoding', 'warning', 6, 1],
      ['schema', 'error', 8, 27],
    ]);
    expect(linted.findings[0].message.en).toMatch(/pasted together/);
  });
});

describe('line ends, tabs and odd documents', () => {
  const text = ['kind: Owners', 'owners:', '  - id: a', '    name: 杭州市司法局', '    sity: hz', '  - {id: b, name: B}', 'owners: []', ''].join('\n');

  it('LF, CRLF and lone CR give the same findings at the same lines and columns', () => {
    const places = (t: string) => {
      const linted = lintBytes(t);
      expectPlacesInside(linted);
      return linted.findings.map((f) => [f.rule, f.line, f.column, f.endLine]);
    };
    const lf = places(text);
    expect(lf).toEqual([
      ['yaml-syntax', 7, 1, 7],
    ]);
    const valid = text.replace('owners: []\n', '');
    expect(places(valid)).toEqual([['schema', 5, 5, 5]]);
    for (const eol of ['\r\n', '\r']) {
      expect(places(text.replace(/\n/g, eol))).toEqual(lf);
      expect(places(valid.replace(/\n/g, eol))).toEqual([['schema', 5, 5, 5]]);
    }
    // mixed line ends in one file
    const mixed = valid.split('\n').map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\r' : '\n')).join('');
    expect(places(mixed)).toEqual([['schema', 5, 5, 5]]);
  });

  it('a tab used as indentation is a yaml-syntax finding at the tab; tabs inside values are fine', () => {
    const [f] = syntax('kind: Owners\nowners:\n\t- {id: a, name: A}\n');
    expect(f).toMatchObject({ line: 3, column: 1 });
    expect(f.message.zh).toMatch(/制表符/);
    expect(lintBytes('kind: Owners\nowners:\n  - {id: a, name: "A\tB"}\n  - {id: b,\tname: B}\n').findings).toEqual([]);
  });

  it('empty, blank, comment-only and marker-only files have nothing to report', () => {
    for (const t of ['', '\n\n', '   ', '# 只有注释\n# only comments\n', '---\n', '---\n...\n', '\ufeff']) {
      const linted = lintBytes(t);
      expect(linted.findings, JSON.stringify(t)).toEqual([]);
    }
  });

  it('a document that is a scalar or a list is one unknown-kind finding at its start', () => {
    for (const [t, got] of [
      ['just a sentence\n', 'a string'],
      ['42\n', 'a number'],
      ['- kind: Plan\n- kind: Owners\n', 'a list'],
      ['[a, b]\n', 'a list'],
      ['true\n', 'true or false'],
    ]) {
      const [f, ...rest] = lintBytes(t).findings;
      expect(rest).toEqual([]);
      expect(f).toMatchObject({ rule: 'unknown-kind', line: 1, column: 1 });
      expect(f.message.en).toContain(got);
    }
  });
});

describe('__proto__, constructor and prototype', () => {
  const names = ['__proto__', 'constructor', 'prototype'];
  const before = Object.getOwnPropertyNames(Object.prototype).sort();

  /** The reference repository with these names as keys at every level of every kind. */
  const hostile = (): Record<string, string> => {
    const extra = (indent: string) => names.map((n) => `${indent}${n}: {polluted: true, toString: 1}`).join('\n') + '\n';
    const out: Record<string, string> = {};
    out['campaign.yaml'] = MINI['campaign.yaml'].replace('period: {', `${extra('')}period: {${names.map((n) => `${n}: 1, `).join('')}`).replace('  - {id: T01,', '  - {__proto__: {x: 1}, constructor: 1, prototype: 1, id: T01,');
    out['owners.yaml'] = MINI['owners.yaml'] + '  - {id: constructor, name: C, __proto__: {city: hz}, prototype: x}\n  - {id: prototype, name: P, constructor: {prototype: {polluted: 1}}}\n';
    out['hz/plan.yaml'] = MINI['hz/plan.yaml']
      .replace('    lead: hz-sfj\n', `    lead: hz-sfj\n    support: [constructor, prototype]\n${extra('    ')}`)
      .replace('        target: {op: ">=", value: 6}', `        target: {op: ">=", value: 6, __proto__: {op: "<"}, constructor: 1}\n${extra('        ')}`);
    out['hz/progress.yaml'] = [
      'kind: Progress',
      'campaign: c2022',
      'city: hz',
      'as_of: 2022-06-30',
      '__proto__: {polluted: 1}',
      'values:',
      '  - {target: HZ-01-K1, value: 5.5, constructor: 1}',
      '  - {target: constructor, units: {__proto__: 1, constructor: 2, prototype: 3}}',
      '',
    ].join('\n');
    return out;
  };

  it('are reported as unknown keys and never reach Object.prototype', () => {
    const linted = lintMany(hostile());
    expectPlacesInside(linted);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof ({} as Record<string, unknown>).toString).toBe('function');
    const unknownKeys = linted.findings.filter((f) => f.rule === 'schema' && /unknown key `(__proto__|constructor|prototype)`/.test(f.message.en));
    expect(unknownKeys.length).toBeGreaterThanOrEqual(12);
  });

  it('leave the objects of the model ordinary: own values only, nothing inherited from a `__proto__` key', () => {
    const repo = hostile();
    const files = Object.entries(repo).map(([name, text]) => parseBytes(name, `/repo/${name}`, Buffer.from(text)));
    const { model } = check(files.map((f) => f.file), files.flatMap((f) => f.findings));
    const owner = model.ownersById.get('constructor')!;
    expect(owner).toMatchObject({ id: 'constructor', name: 'C' });
    // `__proto__: {city: hz}` is a key of the owner, not its prototype
    expect(owner.city).toBeUndefined();
    expect(Object.getPrototypeOf(owner)).toBe(Object.prototype);
    expect(model.ownersById.get('prototype')).toMatchObject({ id: 'prototype', name: 'P' });
    const target = model.targetsById.get('HZ-01-K1')!;
    expect(target.target).toMatchObject({ form: 'level', op: '>=', value: 6 });
    const units = model.progress[0].values[1].units!;
    expect(Object.keys(units).sort()).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(units.constructor).toBe(2);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('as ids they are ids like any other: defined ones resolve, undefined ones are unknown references', () => {
    const repo = hostile();
    const linted = lintMany(repo);
    // constructor and prototype are defined owners: no unknown-reference for the support list
    expect(linted.findings.filter((f) => f.rule === 'unknown-reference' && f.file === 'hz/plan.yaml')).toEqual([]);
    // the progress value names a target `constructor` that does not exist
    const refs = linted.findings.filter((f) => f.rule === 'unknown-reference' && f.file === 'hz/progress.yaml');
    expect(refs.map((f) => f.line)).toEqual([8]);
    // and an owner named like Object.prototype's members that is not defined is reported too
    const plan = MINI['hz/plan.yaml'].replace('    lead: hz-sfj\n', '    lead: hz-sfj\n    support: [toString, hasOwnProperty, valueOf, __lookupGetter__]\n');
    const again = lintMany({ ...MINI, 'hz/plan.yaml': plan });
    expect(again.findings.filter((f) => f.rule === 'unknown-reference').length + again.findings.filter((f) => f.rule === 'schema').length).toBeGreaterThanOrEqual(4);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
});
