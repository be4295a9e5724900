/**
 * Text fitted to a width: lines wrapped by display width (CJK counts two), with hanging indents.
 * wrapText is the one line wrapper of the renderers (terminal tables and text, lint output, the
 * xlsx row heights, the legend of the SVG charts).
 */
import { displayWidth, graphemeSegments } from './width.js';

/** Punctuation that must not start a line (避头点). */
const NO_LINE_START = /^[，。、；：？！）》」』”’]$/u;
/** Punctuation that must not end a line (避尾点). */
const NO_LINE_END = /^[（《「『“‘]$/u;

/**
 * Text in which every code point is a grapheme of its own (no combining marks, emoji or surrogates):
 * Latin, CJK, and the symbols plans prints (✔ ✖ ⚠ → ≥ ▲ ●: U+2030–U+2BFF without the combining
 * marks for symbols, U+20D0–U+20FF). Such text never builds an Intl.Segmenter, whose first use
 * loads ICU data: about 25 ms of a one-file lint that prints only its summary line.
 */
const SIMPLE = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u20cf\u2100-\u2bff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]*$/;

/**
 * The graphemes of a text: the characters themselves where each is one (Intl.Segmenter walks a
 * long text in time that grows with the square of its length: 100,000 letters take half a minute).
 */
function graphemesOf(text: string): Iterable<string> {
  if (SIMPLE.test(text)) return text;
  return graphemeSegments(text);
}

/** Words of Latin text stay whole; CJK text breaks between any two characters. */
export function wrapTokens(line: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const segment of graphemesOf(line)) {
    const wide = displayWidth(segment) > 1;
    if (segment === ' ' || wide || NO_LINE_START.test(segment) || NO_LINE_END.test(segment)) {
      if (word) out.push(word);
      word = '';
      out.push(segment);
    } else {
      word += segment;
    }
  }
  if (word) out.push(word);
  return out;
}

/** Text wrapped to `max` columns, keeping words whole where they fit and closing punctuation off the start of a line. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let current: string[] = [];
    let w = 0;
    const flush = () => {
      lines.push(current.join('').trimEnd());
      current = [];
      w = 0;
    };
    for (const tok of wrapTokens(para)) {
      const tw = displayWidth(tok);
      if (w + tw <= max) {
        if (!(w === 0 && tok === ' ')) {
          current.push(tok);
          w += tw;
        }
        continue;
      }
      if (NO_LINE_START.test(tok) && current.length > 1) {
        // carry the last character down with the punctuation, and the closing punctuation before it
        // (`前列），`: 列 and ） go down with ，)
        const carried: string[] = [];
        while (current.length > 1 && NO_LINE_START.test(current[current.length - 1])) carried.unshift(current.pop()!);
        if (current.length > 1) carried.unshift(current.pop()!);
        // and an opening bracket before that character goes down with it (`县（市、`)
        while (current.length > 1 && NO_LINE_END.test(current[current.length - 1])) carried.unshift(current.pop()!);
        flush();
        current = [...carried, tok];
        w = current.reduce((n, c) => n + displayWidth(c), 0);
        continue;
      }
      // an opening bracket goes down with what it opens
      const carried: string[] = [];
      while (current.length > 1 && NO_LINE_END.test(current[current.length - 1])) carried.unshift(current.pop()!);
      if (current.length) flush();
      if (tok === ' ') continue;
      if (carried.length) {
        current = carried;
        w = carried.reduce((n, c) => n + displayWidth(c), 0);
        if (w + tw <= max) {
          current.push(tok);
          w += tw;
          continue;
        }
        flush();
      }
      if (tw <= max) {
        current = [tok];
        w = tw;
        continue;
      }
      // a word longer than the column: cut it
      for (const segment of graphemesOf(tok)) {
        const sw = displayWidth(segment);
        if (w + sw > max && current.length) flush();
        current.push(segment);
        w += sw;
      }
    }
    flush();
  }
  return lines;
}


/** Narrowest a wrapped text gets, however narrow the terminal: below it words would break into letters. */
export const MIN_TEXT_WIDTH = 20;

/**
 * `text` after `first` (a heading, a position), wrapped so no line is wider than `width`: the
 * lines after the first are indented by `indent` columns (default: the width of `first`).
 */
export function hanging(first: string, text: string, width: number, indent = displayWidth(first)): string[] {
  const room = Math.max(MIN_TEXT_WIDTH, width - indent);
  const firstRoom = Math.max(MIN_TEXT_WIDTH, width - displayWidth(first));
  // the first line may have a different room than the rest: wrap it on its own, then the rest
  const head = wrapText(text, firstRoom);
  if (head.length <= 1 || firstRoom === room) return head.map((line, i) => (i === 0 ? first : ' '.repeat(indent)) + line);
  const rest = wrapText(text.slice(firstLineLength(text, head[0])).trimStart(), room);
  return [first + head[0], ...rest.map((line) => ' '.repeat(indent) + line)];
}

/** How much of `text` its first wrapped line took (the line is `text`'s start, less trailing spaces). */
function firstLineLength(text: string, line: string): number {
  return text.startsWith(line) ? line.length : Math.min(text.length, line.length);
}

/** The width to fit text output to: the terminal's columns, else COLUMNS, else 100 (a pipe); a file gets 100. */
export function outputWidth(columns: number | undefined, env: Record<string, string | undefined>, toFile = false): number {
  if (toFile) return 100;
  if (columns !== undefined && columns > 0) return columns;
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return 100;
}
