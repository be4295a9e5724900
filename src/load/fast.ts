/**
 * A fast reader for the plain YAML that plan files are made of (block mappings and sequences,
 * one-line scalars and flow collections, comments), giving the same values as the `yaml` package.
 *
 * Why: composing full syntax trees with the `yaml` package is most of the time `plans lint` takes
 * (about 0.6 ms per 4 KB plan file), and a clean file needs only its values; positions are found
 * later, only for files with findings, by `locate()` parsing the file again with `yaml`.
 *
 * It is a recogniser of a strict subset, not a YAML parser: anything it does not fully understand
 * (anchors, tags, block scalars, multi-line scalars, escapes, tabs, CR, duplicate keys, odd
 * indentation, …) makes it give up, and the caller parses the file with the `yaml` package as
 * before. So verdicts and positions cannot change; only the values of accepted files come from
 * here, and plain scalars are resolved by the `yaml` package's own core-schema tags.
 * test/fast-parse.test.ts checks it against `yaml` on fixtures, the yaml-test-suite and fuzzed input.
 */
import { Document, isScalar } from 'yaml';
import type { SourceFile, SourceDoc, Kind } from './source.js';
import { KINDS, YAML_OPTIONS } from './source.js';
import { writtenOtherwise } from '../util/number.js';

/** Nesting deeper than this is left to the `yaml` package (and its depth finding). */
export const FAST_MAX_DEPTH = 32;

class GiveUp {}
const GIVE_UP = new GiveUp();

/**
 * Characters that send a file to the full parser wherever they appear, and a lone CR. Two tests: a
 * class alone scans faster than a class in an alternation, and most files hold no CR at all.
 */
// eslint-disable-next-line no-control-regex
export const UNSUPPORTED_CHARS = /[\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\u2028\u2029\ufffe\uffff]/;
const LONE_CR = /\r(?!\n)/;
const NON_STRING_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** First characters that make a plain scalar something else (or that we leave to `yaml`). */
const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';
/** INDICATORS and MAYBE_NOT_STRING as tables by character code (ASCII only; other characters are in neither). */
const IS_INDICATOR = codeTable(INDICATORS);

type ScalarTag = { default?: boolean | 'key'; test?: RegExp; resolve: (s: string, onError: (m: string) => void, opts: unknown) => unknown };

let tags: ScalarTag[] | undefined;
let options: unknown;

/** The core-schema tags of the `yaml` package, tried in its own order, so `012`, `0x1F`, `.inf`, `~` resolve as it would. */
function scalarTags(): ScalarTag[] {
  if (!tags) {
    const doc = new Document(null, YAML_OPTIONS);
    tags = (doc.schema.tags as unknown as ScalarTag[]).filter((t) => t.default === true && t.test);
    options = doc.options;
  }
  return tags;
}

/** First characters of every plain scalar that the core schema reads as other than a string (null, bool, int, float). */
const MAYBE_NOT_STRING = codeTable('~nNtTfF-+.0123456789');

function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

function resolvePlain(source: string): unknown {
  // `杭州市`, `HZ-01`: no core-schema test can match a text starting with any other character
  if (source.length > 0) {
    const c = source.charCodeAt(0);
    if (c >= 128 || MAYBE_NOT_STRING[c] === 0) return source;
  }
  for (const tag of scalarTags()) {
    if (tag.test!.test(source)) {
      let failed = false;
      const res = tag.resolve(source, () => (failed = true), options);
      if (failed) throw GIVE_UP;
      const value: unknown = isScalar(res) ? res.value : res;
      if (typeof value === 'number' && numbersAsPrinted && writtenOtherwise(source, value)) numbersAsPrinted = false;
      return value;
    }
  }
  return source;
}

// The reader works on offsets into the file's text, one line at a time: `src` is the text and
// `end` the end of the current line (trailing spaces cut), so no line or rest-of-line is copied.
let src = '';
let end = 0;
/** Whether values must not point into `src` (the text is let go after parsing): see `own`. */
let detach = false;
/** Whether every number read from `src` so far is written as `formatNumber` prints it (see SourceDoc.numbersAsPrinted). */
let numbersAsPrinted = true;
/** Where the last quoted scalar, flow collection or flow item ended (returned this way to spare a tuple per value). */
let next = 0;

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

/** The character code at `i` within the current line, or -1 past its end. */
function at(i: number): number {
  return i < end ? src.charCodeAt(i) : -1;
}

function skipSpaces(i: number): number {
  while (i < end && src.charCodeAt(i) === SPACE) i++;
  return i;
}

/** End of an identifier-like key starting at `i` (a letter, then letters, digits, `_`, `-`), or -1. */
function keyEnd(i: number): number {
  const c = at(i);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return -1;
  let j = i + 1;
  for (; j < end; j++) {
    const d = src.charCodeAt(j);
    if (!((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 95 || d === DASH)) break;
  }
  return j - i > 128 ? -1 : j;
}

/** A block mapping key at `i` (`key:` then a space or the end of the line): the offset of its colon, or -1. */
function blockKey(i: number): number {
  const j = keyEnd(i);
  if (j < 0 || at(j) !== COLON) return -1;
  const after = at(j + 1);
  return after === -1 || after === SPACE ? j : -1;
}

/** The key's text, refused when the core schema would read it as null or a boolean. */
function keyText(from: number, to: number): string {
  // A repository uses a few dozen keys: reuse the string last seen with this length, first and
  // last letter instead of cutting a new one out of the text (fewer strings, faster property access).
  const slot = (src.charCodeAt(from) * 31 + src.charCodeAt(to - 1) * 7 + (to - from)) & 1023;
  const known = keyCache[slot];
  if (known !== undefined && known.length === to - from && src.startsWith(known, from)) return known;
  const key = src.slice(from, to);
  // `__proto__` as a plain property would set the prototype of the map: the yaml package defines it as its own key
  if (NON_STRING_KEY.test(key) || key === '__proto__') throw GIVE_UP;
  // the property name V8 keeps for it: a copy, so the cache never holds on to a file's text
  const own = Object.keys({ [key]: 0 })[0];
  keyCache[slot] = own;
  return own;
}

/** Keys already checked by keyText, by a hash of length, first and last character. */
const keyCache: (string | undefined)[] = new Array(1024).fill(undefined);

function isSeqItem(i: number): boolean {
  return at(i) === DASH && (i + 1 >= end || src.charCodeAt(i + 1) === SPACE);
}

/** After a scalar or flow collection: nothing, or spaces and a comment. */
function checkTrail(from: number): void {
  const i = skipSpaces(from);
  if (i >= end) return;
  if (src.charCodeAt(i) === HASH && i > from) return;
  throw GIVE_UP;
}

function quoted(from: number): string {
  if (src.charCodeAt(from) === 34 /* " */) {
    const close = src.indexOf('"', from + 1);
    if (close < 0 || close >= end) throw GIVE_UP;
    for (let i = from + 1; i < close; i++) if (src.charCodeAt(i) === 92 /* \\ */) throw GIVE_UP;
    next = close + 1;
    return cut(from + 1, close);
  }
  let i = from + 1;
  let out = '';
  for (;;) {
    const close = src.indexOf("'", i);
    if (close < 0 || close >= end) throw GIVE_UP;
    if (i === from + 1 && at(close + 1) !== 39) {
      // no '' inside: the common case
      next = close + 1;
      return cut(i, close);
    }
    out += src.slice(i, close);
    if (at(close + 1) === 39 /* ' */) {
      out += "'";
      i = close + 2;
    } else {
      next = close + 1;
      return own(out);
    }
  }
}

/**
 * V8 keeps a substring of 13 characters or more as a slice that points into the whole text and
 * keeps all of it alive; shorter ones are copies. When the text is to be let go (`detach`), longer
 * strings are copied out of it: made a string of two parts, which `toWellFormed` flattens into one
 * string of its own. That is the identity on well-formed text, which decoded text always is (valid
 * UTF-8, UTF-16 and GB18030 never decode to a lone surrogate); any other text is copied through a
 * round trip through JSON (exactly equal too, a little slower).
 */
const SLICE_MIN = 13;
/** Whether the text being read is known to be well-formed UTF-16 (no lone surrogate). */
let wellFormed = false;
type WellFormedString = { isWellFormed(): boolean; toWellFormed(): string };
const hasWellFormed = typeof (String.prototype as unknown as Partial<WellFormedString>).toWellFormed === 'function';

/** A string of its own (see SLICE_MIN) equal to `s`, which may point into the text. */
function own(s: string): string {
  if (!detach || s.length < SLICE_MIN) return s;
  if (wellFormed) return ((s[0] + s.slice(1)) as unknown as WellFormedString).toWellFormed();
  return JSON.parse(JSON.stringify(s)) as string;
}

/** Values up to this long are shared through `valueCache`: ids, dates, units and operators repeat all over a repository. */
const SHARED_MAX = 16;
const VALUE_SLOTS = 4096;
/** Strings already cut, by a hash of their characters; one per slot, the last one seen. */
const valueCache: (string | undefined)[] = new Array(VALUE_SLOTS).fill(undefined);

/** The text from `from` to `to` as a string: the one cut before when it is short and seen recently, else a new one (see `own`). */
function cut(from: number, to: number): string {
  const n = to - from;
  if (n > SHARED_MAX || (n >= SLICE_MIN && !detach)) {
    // never cached: a long value rarely repeats, and a slice in the cache would keep its text alive
    if (!detach || n < SLICE_MIN) return src.slice(from, to);
    if (wellFormed) return ((src[from] + src.slice(from + 1, to)) as unknown as WellFormedString).toWellFormed();
    return own(src.slice(from, to));
  }
  let h = n;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + src.charCodeAt(i)) | 0;
  const slot = (h ^ (h >>> 13)) & (VALUE_SLOTS - 1);
  const known = valueCache[slot];
  if (known !== undefined && known.length === n && src.startsWith(known, from)) return known;
  const value = own(src.slice(from, to));
  valueCache[slot] = value;
  return value;
}

function plainStartOk(i: number): boolean {
  const c = at(i);
  if (c === -1 || c === SPACE) return false;
  if (c >= 128 || IS_INDICATOR[c] === 0) return true;
  // `-5`, `-13.5%`: a dash followed by a non-space starts a scalar, not a sequence item
  const d = at(i + 1);
  return c === DASH && d !== -1 && d !== SPACE && d !== 44 /* , */ && d !== 93 /* ] */ && d !== 125 /* } */;
}

/** A one-line value in block context from `from` to the end of the line: quoted, flow collection or plain scalar. */
function inlineValue(from: number, depth: number): unknown {
  const c = src.charCodeAt(from);
  if (c === 34 || c === 39) {
    const value = quoted(from);
    checkTrail(next);
    return value;
  }
  if (c === 91 /* [ */ || c === 123 /* { */) {
    const value = flow(from, depth + 1);
    checkTrail(next);
    return value;
  }
  if (!plainStartOk(from)) throw GIVE_UP;
  // the scalar ends at ` #` (a comment) or at the end of the line; `: ` inside it would be a nested mapping
  let stop = end;
  for (let i = from + 1; i < end; i++) {
    const d = src.charCodeAt(i);
    if (d === HASH && src.charCodeAt(i - 1) === SPACE) {
      stop = i;
      break;
    }
    if (d === SPACE && src.charCodeAt(i - 1) === COLON) throw GIVE_UP;
  }
  // only spaces end a plain scalar: U+3000 and U+00A0 are part of it, as for the yaml package
  while (stop > from && src.charCodeAt(stop - 1) === SPACE) stop--;
  if (src.charCodeAt(stop - 1) === COLON) throw GIVE_UP;
  return resolvePlain(cut(from, stop));
}

/** A flow collection on one line, `[a, b]` or `{id: x, name: y}`, without trailing commas or empty entries. */
function flow(from: number, depth: number): unknown {
  if (depth > FAST_MAX_DEPTH) throw GIVE_UP;
  const close = src.charCodeAt(from) === 91 ? 93 : 125;
  let i = skipSpaces(from + 1);
  if (at(i) === close) {
    next = i + 1;
    return close === 93 ? [] : {};
  }
  if (close === 93) {
    const list: unknown[] = [];
    for (;;) {
      list.push(flowItem(i, depth));
      i = skipSpaces(next);
      const c = at(i);
      if (c === 93) {
        next = i + 1;
        // a copy of exactly its length: a list grown by push keeps room for 16 more items
        return list.slice();
      }
      if (c !== 44) throw GIVE_UP;
      i = skipSpaces(i + 1);
      if (at(i) === 93) throw GIVE_UP;
    }
  }
  const map: Record<string, unknown> = {};
  for (;;) {
    const j = keyEnd(i);
    if (j < 0 || at(j) !== COLON || at(j + 1) !== SPACE) throw GIVE_UP;
    const key = keyText(i, j);
    if (Object.prototype.hasOwnProperty.call(map, key)) throw GIVE_UP;
    map[key] = flowItem(skipSpaces(j + 1), depth);
    i = skipSpaces(next);
    const c = at(i);
    if (c === 125) {
      next = i + 1;
      return map;
    }
    if (c !== 44) throw GIVE_UP;
    i = skipSpaces(i + 1);
    if (at(i) === 125) throw GIVE_UP;
  }
}

function flowItem(i: number, depth: number): unknown {
  const c = at(i);
  if (c === 91 || c === 123) return flow(i, depth + 1);
  if (c === 34 || c === 39) return quoted(i);
  if (!plainStartOk(i)) throw GIVE_UP;
  let j = i;
  for (; j < end; j++) {
    const d = src.charCodeAt(j);
    if (d === 44 || d === 93 || d === 125) break;
    if (d === 91 || d === 123 || d === HASH || d === COLON || d === 34 || d === 39) throw GIVE_UP;
  }
  if (j >= end) throw GIVE_UP;
  let stop = j;
  while (stop > i && src.charCodeAt(stop - 1) === SPACE) stop--;
  next = j;
  return resolvePlain(cut(i, stop));
}

/** Block structure over the content lines of one document: where each starts and ends in the text, and its indent. */
class Block {
  constructor(
    private readonly indent: number[],
    private readonly start: number[],
    private readonly stop: number[],
  ) {}

  private line(i: number): number {
    end = this.stop[i];
    return this.start[i];
  }

  /** The line after the last value read (set by node, below, map and seq: no tuple to allocate per value). */
  after = 0;

  node(i: number, depth: number): unknown {
    if (depth > FAST_MAX_DEPTH) throw GIVE_UP;
    const from = this.line(i);
    if (isSeqItem(from)) return this.seq(i, this.indent[i], depth);
    if (blockKey(from) >= 0) return this.map(i, this.indent[i], depth);
    throw GIVE_UP;
  }

  /** A value that starts on the next line: deeper, or a sequence at the key's own indent. */
  private below(i: number, n: number, depth: number, seqAtSameIndent: boolean): unknown {
    if (i < this.indent.length) {
      if (this.indent[i] > n) return this.node(i, depth + 1);
      if (seqAtSameIndent && this.indent[i] === n && isSeqItem(this.line(i))) return this.seq(i, n, depth + 1);
    }
    this.after = i;
    return null;
  }

  private map(first: number, n: number, depth: number): unknown {
    const map: Record<string, unknown> = {};
    let i = first;
    while (i < this.indent.length && this.indent[i] === n) {
      const from = this.line(i);
      const colon = blockKey(from);
      if (colon < 0) throw GIVE_UP;
      const key = keyText(from, colon);
      if (Object.prototype.hasOwnProperty.call(map, key)) throw GIVE_UP;
      const rest = skipSpaces(colon + 1);
      let value: unknown;
      if (rest >= end || src.charCodeAt(rest) === HASH) {
        value = this.below(i + 1, n, depth, true);
        i = this.after;
      } else {
        value = inlineValue(rest, depth);
        i++;
      }
      map[key] = value;
    }
    if (i < this.indent.length && this.indent[i] > n) throw GIVE_UP;
    this.after = i;
    return map;
  }

  private seq(first: number, n: number, depth: number): unknown {
    const list: unknown[] = [];
    let i = first;
    while (i < this.indent.length && this.indent[i] === n && isSeqItem(this.line(i))) {
      const from = this.start[i];
      const rest = skipSpaces(from + 1);
      if (rest >= end || src.charCodeAt(rest) === HASH) {
        const value = this.below(i + 1, n, depth, false);
        const next = this.after;
        list.push(value);
        i = next;
      } else if (isSeqItem(rest)) {
        throw GIVE_UP;
      } else if (blockKey(rest) >= 0) {
        // `- id: x`: a mapping whose keys line up with `id`
        this.indent[i] = n + (rest - from);
        this.start[i] = rest;
        const value = this.map(i, n + (rest - from), depth + 1);
        const next = this.after;
        list.push(value);
        i = next;
      } else {
        list.push(inlineValue(rest, depth));
        i++;
      }
    }
    if (i < this.indent.length && this.indent[i] > n) throw GIVE_UP;
    this.after = i;
    return list.slice();
  }
}

/**
 * The values of every document in `text`, or undefined when the text is not in the subset this
 * reader is sure about (then the `yaml` package must parse it). With `detached`, no string value
 * points into `text` (see SLICE_MIN); `decoded` says the text comes from decode() and is therefore
 * well-formed, which spares checking it; `plainChars` that the caller found none of UNSUPPORTED_CHARS
 * (see `UNUSUAL_CHARS` in load/index.ts, one scan for two checks).
 */
export function fastValues(text: string, detached = false, decoded = false, plainChars = false): unknown[] | undefined {
  if ((!plainChars && UNSUPPORTED_CHARS.test(text)) || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  src = text;
  detach = detached;
  numbersAsPrinted = true;
  wellFormed = detached && hasWellFormed && (decoded || (text as unknown as WellFormedString).isWellFormed());
  try {
    const docs: unknown[] = [];
    let indent: number[] = [];
    let start: number[] = [];
    let stop: number[] = [];
    let opened = false; // a `---` started the current document
    const finish = () => {
      if (indent.length === 0) {
        if (opened) throw GIVE_UP; // an empty document: leave its exact shape to `yaml`
        return;
      }
      if (indent[0] !== 0) throw GIVE_UP;
      const block = new Block(indent, start, stop);
      const value = block.node(0, 1);
      const next = block.after;
      if (next !== indent.length) throw GIVE_UP;
      docs.push(value);
    };
    let pos = 0;
    const len = text.length;
    while (pos < len) {
      let eol = text.indexOf('\n', pos);
      if (eol < 0) eol = len;
      let last = eol;
      if (last > pos && text.charCodeAt(last - 1) === 13) last--;
      let i = pos;
      while (i < last && text.charCodeAt(i) === SPACE) i++;
      if (i < last && text.charCodeAt(i) !== HASH) {
        while (last > i && text.charCodeAt(last - 1) === SPACE) last--;
        const n = i - pos;
        const c = text.charCodeAt(i);
        if (n === 0 && (text.startsWith('---', i) || text.startsWith('...', i) || c === 37 /* % */)) {
          if (last - i !== 3 || c !== DASH) throw GIVE_UP;
          finish();
          indent = [];
          start = [];
          stop = [];
          opened = true;
        } else {
          indent.push(n);
          start.push(i);
          stop.push(last);
        }
      }
      pos = eol + 1;
    }
    finish();
    return docs.length > 0 ? docs : undefined;
  } catch {
    // GIVE_UP, or anything unforeseen: the yaml package decides
    return undefined;
  } finally {
    src = '';
    detach = false;
  }
}

/**
 * Fills `file.docs` from the fast reader when the whole file is in its subset; returns false (and
 * leaves the file untouched) when the file must go through the full parser. With `detached`, no
 * value points into the text, which can then be let go (`decoded`: see fastValues).
 */
export function fastParseFile(file: SourceFile, detached = false, decoded = false, plainChars = false): boolean {
  const values = fastValues(file.text, detached, decoded, plainChars);
  if (!values) return false;
  const printed = numbersAsPrinted;
  file.docs = values.map((value, index) => new FastDoc(file, index, value, printed));
  return true;
}

/**
 * A document read by the fast reader: plain data, without a syntax tree until `yamlDocument()`
 * parses the file (tables read number sources from it, findings their places). `numbersAsPrinted`
 * is a private field behind a getter, so the document shows (keys, JSON, equality) like one from
 * the full parser without its tree.
 */
class FastDoc implements SourceDoc {
  readonly parsed = true;
  declare kind?: Kind;
  declare yaml?: Document.Parsed;
  readonly #numbersAsPrinted: boolean;

  constructor(
    readonly file: SourceFile,
    readonly index: number,
    readonly value: unknown,
    numbersAsPrinted: boolean,
  ) {
    this.#numbersAsPrinted = numbersAsPrinted;
    const kind = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).kind : undefined;
    if (typeof kind === 'string' && (KINDS as readonly string[]).includes(kind)) this.kind = kind as Kind;
  }

  get numbersAsPrinted(): boolean {
    return this.#numbersAsPrinted;
  }
}
