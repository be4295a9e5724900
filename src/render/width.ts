/** Display width of text in terminal columns, safe on long strings. */
import stringWidth from 'string-width';

/** Made on first use: building a segmenter loads ICU data, about 2 ms of every start otherwise. */
let graphemeSegmenter: Intl.Segmenter | undefined;
const graphemes = () => (graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
/** SGR colour codes (what chalk writes); they take no columns. */
const SGR = /\x1b\[[0-9;]*m/g;
/** string-width is fast on short strings but slows down sharply on long ones (90 KB of mixed text: seconds). */
const PIECE = 200;

/** Pieces handed to the segmenter: V8's Intl.Segmenter slows down with the length of its input (64,000 characters: 5 s, quadratic). */
const SEGMENT_PIECE = 512;

/** Printable ASCII and CJK ideographs: between two of them there is always a grapheme boundary (UAX #29, GB999). */
function simple(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x303e) || (code >= 0xff01 && code <= 0xff60);
}

/**
 * The grapheme clusters of `text`, as Intl.Segmenter gives them, in linear time: the text is cut
 * into pieces of about SEGMENT_PIECE characters where a boundary is certain (between two simple
 * characters), and each piece is segmented alone. A text with no such place for 8 pieces' length
 * (pages of combining marks) is cut there anyway: one cluster may then come out in two.
 */
export function* graphemeSegments(text: string): Generator<string> {
  if (text.length <= SEGMENT_PIECE) {
    for (const { segment } of graphemes().segment(text)) yield segment;
    return;
  }
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + SEGMENT_PIECE);
    if (to < text.length) {
      const hard = Math.min(text.length, from + 8 * SEGMENT_PIECE);
      while (to < hard && !(simple(text.charCodeAt(to - 1)) && simple(text.charCodeAt(to)))) to++;
    }
    for (const { segment } of graphemes().segment(text.slice(from, to))) yield segment;
    from = to;
  }
}

/** Display width in terminal columns (a Chinese character counts 2); long texts are measured in grapheme-aligned pieces. */
export function displayWidth(text: string): number {
  const quick = plainWidth(text);
  if (quick !== undefined) return quick;
  if (text.length <= PIECE) return stringWidth(text);
  let total = 0;
  let piece = '';
  for (const segment of graphemeSegments(text.replace(SGR, ''))) {
    piece += segment;
    if (piece.length >= PIECE) {
      total += stringWidth(piece);
      piece = '';
    }
  }
  return piece ? total + stringWidth(piece) : total;
}

/**
 * Narrow punctuation of Chinese and English text (East Asian ambiguous: string-width counts them 1),
 * and the narrow symbols plans prints (– ± ● ▲ ○ ■ √ ✕ ✓ ← ⁴, box drawing).
 */
export const NARROW = new Set([
  0xb7, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x2192, 0x2248, 0x2264, 0x2265, 0x2212, 0xd7, 0x2013, 0xb1, 0x25cf, 0x25b2, 0x25cb, 0x25a0,
  0x221a, 0x2715, 0x2713, 0x2190, 0x2074, 0x2500, 0x2502, 0x251c, 0x2524, 0x253c,
]);
/** Symbols plans prints that string-width counts as two columns (emoji by default: ✔ ✖ ⚠ ❌ ℹ). */
export const WIDE_SYMBOLS = new Set([0x2714, 0x2716, 0x26a0, 0x274c, 0x2139]);

/** CJK ideographs, kana, Hangul syllables, CJK and fullwidth punctuation: two columns each, as string-width counts them. */
function wide(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3000 && code <= 0x303e) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a0 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

/**
 * The width of text made only of printable ASCII, common CJK and the punctuation above, counted
 * without string-width (which costs microseconds a call, and a report measures hundreds of
 * thousands of cells); undefined for anything else.
 */
function plainWidth(text: string): number | undefined {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x20 && code <= 0x7e) || NARROW.has(code)) total += 1;
    else if (wide(code) || WIDE_SYMBOLS.has(code)) total += 2;
    else return undefined;
  }
  return total;
}

/** `text` padded with spaces to `columns` display columns (never cut). */
export function padTo(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}
