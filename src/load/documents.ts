/**
 * The CST tokens of a text's documents, as the yaml package's Parser reads them, without the empty
 * documents: what the loader composes (parse.ts) and what `yamlDocument` composes again to place a
 * finding (source.ts), so that both see the same tree.
 *
 * Why: 10 MB of `---` is 2.6 million empty documents, and the yaml Parser took 9 s and gigabytes
 * over them. A linear scan first finds the runs of empty documents (a `---` line, then only blank
 * lines, comments and `...` lines, up to the next `---`); the Parser reads only the text between
 * them, each piece from its own offset in the file (`Parser.offset`), so every position of a later
 * document is exact. An empty document holds nothing to check, but keeps its place in the count:
 * each document's index is its index in the file, as `parseAllDocuments` would number it.
 */
import { Lexer, Parser, type CST } from 'yaml';

/** A stretch of the text the Parser reads, and how many empty documents follow it unread. */
interface Span {
  start: number;
  end: number;
  skipped: number;
  /** Where the empty chunk read last starts (its `---`), when documents after it are left out; else -1. */
  tail: number;
}

/**
 * Calls `each` with every token of `text` to compose, and with its document's index in the file
 * (for a document token). Left out: empty documents (`---` and nothing, a comment at most) and the
 * `...` that ends one; one after a directive is kept, since the directive is its. Returns how many
 * documents the file holds, empty ones included.
 */
export function documentTokens(text: string, each: (token: CST.Token, index: number) => void): number {
  let index = 0;
  let previous: CST.Token | undefined;
  let dropped = false;
  const all = spans(text);
  for (let s = 0; s < all.length; s++) {
    let span = all[s];
    let tokens = read(text, span);
    // An unclosed quote reads on over any `---` to the end of the text: then the Parser's
    // tokens end elsewhere than the empty chunk it was given, and the rest is read whole.
    if (span.tail >= 0 && !tokens.some((t) => t.type === 'document' && t.offset === span.tail)) {
      span = { start: span.start, end: text.length, skipped: 0, tail: -1 };
      tokens = read(text, span);
      s = all.length;
    }
    for (const token of tokens) {
      const significant = token.type !== 'newline' && token.type !== 'space' && token.type !== 'comment' && token.type !== 'byte-order-mark';
      if (token.type === 'document') {
        const i = index++;
        dropped = emptyDocument(token) && previous?.type !== 'directive';
        previous = token;
        if (dropped) continue;
        each(token, i);
        continue;
      }
      // the `...` of a document left out would be an end without a document
      if (token.type === 'doc-end' && dropped) {
        dropped = false;
        continue;
      }
      if (significant) {
        previous = token;
        dropped = false;
      }
      each(token, index);
    }
    index += span.skipped;
  }
  return index;
}

/** The top-level tokens of one span, with offsets in the whole text. */
function read(text: string, span: Span): CST.Token[] {
  const parser = new Parser();
  // tokens carry offsets from where the parser was told it starts
  parser.offset = span.start;
  const source = span.start === 0 && span.end === text.length ? text : text.slice(span.start, span.end);
  return Array.from(parser.parse(source));
}

/** A document token with nothing in it: `---` (a comment at most), no value, no anchor or tag. */
export function emptyDocument(token: CST.Document): boolean {
  if (token.value !== undefined || (token.end && token.end.length > 0)) return false;
  return token.start.every((t) => t.type === 'doc-start' || t.type === 'newline' || t.type === 'space' || t.type === 'comment');
}

const NL = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const PERCENT = 37;
const DASH = 45;
const DOT = 46;

/** Whether a `---` or `...` at `i` is a document marker: what follows is white space or nothing (the yaml lexer's test). */
function markerAt(text: string, i: number, c: number): boolean {
  if (text.charCodeAt(i) !== c || text.charCodeAt(i + 1) !== c || text.charCodeAt(i + 2) !== c) return false;
  if (i + 3 >= text.length) return true;
  const d = text.charCodeAt(i + 3);
  return d === SPACE || d === NL || d === CR || d === 9;
}

/** End of the line starting at `i` (the offset of its `\n`, or the text's length). */
function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/** Whether text[from, to) is nothing, spaces, or spaces and a comment (` # …`, or `#…` when `bare`), a CR at the end allowed. */
function restEmpty(text: string, from: number, to: number, bare: boolean): boolean {
  if (to > from && text.charCodeAt(to - 1) === CR) to--;
  let i = from;
  while (i < to && text.charCodeAt(i) === SPACE) i++;
  if (i === to) return true;
  return text.charCodeAt(i) === HASH && (bare || i > from);
}

/**
 * How many documents the yaml Parser makes of the chunk [from, to) that starts with a `---` line,
 * or 0 when it holds anything but blank lines, comments and `...` lines (then it is read).
 * `---` opens one document, `...` ends it, and each further `...` makes one more (empty) document.
 */
function emptyChunk(text: string, from: number, to: number): number {
  let eol = lineEnd(text, from);
  if (!restEmpty(text, from + 3, eol, false)) return 0;
  let ends = 0;
  for (let i = eol + 1; i < to; i = eol + 1) {
    eol = lineEnd(text, i);
    if (markerAt(text, i, DOT)) {
      if (!restEmpty(text, i + 3, eol, false)) return 0;
      ends++;
    } else if (!restEmpty(text, i, eol, true)) {
      return 0;
    }
  }
  return Math.max(1, ends);
}

/**
 * The stretches of the text to parse. Chunks start at each `---` line (the yaml lexer ends any
 * scalar or collection there); a run of empty chunks is left out after its first, which the
 * Parser still reads, so the document before it ends as it would in the whole text. The chunk
 * after a directive (`%` at the start of a line) is always read.
 */
function spans(text: string): Span[] {
  const whole: Span[] = [{ start: 0, end: text.length, skipped: 0, tail: -1 }];
  // most files have no `---` after their first line: nothing to find
  let marker = nextMarker(text, 0);
  if (marker < 0 || text.indexOf('\n---', marker + 3) < 0) return whole;
  const out: Span[] = [];
  let spanStart = 0;
  let spanEnd = 0;
  let skipping = false;
  let skipped = 0;
  let tail = -1;
  let percent = nextPercent(text, 0);
  for (;;) {
    if (marker < 0) break;
    // the chunk at `marker` runs to the next marker
    const next = nextMarker(text, marker + 3);
    const end = next < 0 ? text.length : next;
    // a directive in the chunk before makes this chunk its document
    const directive = percent >= 0 && percent < marker;
    while (percent >= 0 && percent < marker) percent = nextPercent(text, percent + 1);
    const docs = directive ? 0 : emptyChunk(text, marker, end);
    if (docs === 0) {
      if (skipping) {
        out.push({ start: spanStart, end: spanEnd, skipped, tail });
        spanStart = marker;
        skipping = false;
        skipped = 0;
      }
      spanEnd = end;
    } else if (!skipping) {
      // the first empty chunk after read text is read with it
      spanEnd = end;
      tail = marker;
      skipping = true;
    } else {
      skipped += docs;
    }
    marker = next;
  }
  if (out.length === 0 && skipped === 0) return whole;
  out.push({ start: spanStart, end: skipping ? spanEnd : text.length, skipped, tail: skipping ? tail : -1 });
  return out;
}

/** The offset of the next `---` marker at the start of a line, from `from` on, or -1. */
function nextMarker(text: string, from: number): number {
  if (from === 0 && markerAt(text, 0, DASH)) return 0;
  for (let i = text.indexOf('\n---', Math.max(0, from - 1)); i >= 0; i = text.indexOf('\n---', i + 1)) {
    if (i + 1 >= from && markerAt(text, i + 1, DASH)) return i + 1;
  }
  return -1;
}

/** The offset of the next `%` at the start of a line, from `from` on, or -1. */
function nextPercent(text: string, from: number): number {
  if (from === 0 && text.charCodeAt(0) === PERCENT) return 0;
  const i = text.indexOf('\n%', Math.max(0, from - 1));
  return i < 0 ? -1 : i + 1;
}

/**
 * Where the YAML comments of a text start (the `#` of each comment token of the yaml lexer), with
 * the runs of empty documents not lexed: there the first `#` of each line starts one.
 */
export function commentStarts(text: string): Set<number> {
  const starts = new Set<number>();
  const all = spans(text);
  for (let s = 0; s < all.length; s++) {
    const span = all[s];
    if (!lexComments(text, span, starts)) {
      // an unclosed quote read on over the `---`: the rest is lexed whole (see documentTokens)
      lexComments(text, { start: span.start, end: text.length, skipped: 0, tail: -1 }, starts);
      break;
    }
    if (span.skipped === 0) continue;
    const to = s + 1 < all.length ? all[s + 1].start : text.length;
    for (let i = text.indexOf('#', span.end); i >= 0 && i < to; i = text.indexOf('#', lineEnd(text, i))) starts.add(i);
  }
  return starts;
}

/** Adds the comment starts of one span; false when the lexer did not see its tail's `---` as a marker. */
function lexComments(text: string, span: Span, starts: Set<number>): boolean {
  const source = span.start === 0 && span.end === text.length ? text : text.slice(span.start, span.end);
  let offset = span.start;
  let tailSeen = span.tail < 0;
  for (const token of new Lexer().lex(source)) {
    // the lexer's own markers (document, flow error end, scalar) take no characters of the text
    if (token === '\x02' || token === '\x18' || token === '\x1f') continue;
    if (token.charCodeAt(0) === HASH) starts.add(offset);
    else if (offset === span.tail && token === '---') tailSeen = true;
    offset += token.length;
  }
  return tailSeen;
}
