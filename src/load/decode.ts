/** Bytes to text: UTF-8 (with or without BOM), UTF-16 (with BOM, or plainly recognisable), else GB18030; reports what it had to guess. */
import { Buffer, isAscii, isUtf8, transcode } from 'node:buffer';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'shift_jis';

export type Decoded =
  | {
      ok: true;
      text: string;
      encoding: Encoding;
      bom: boolean;
      /** When the encoding was a guess among several that read the bytes: all of them, the one taken first. */
      possible?: Encoding[];
    }
  | {
      ok: false;
      reason: 'binary' | 'undecodable' | 'mixed' | 'utf-32';
      byteOffset: number;
      /** The text before the problem, in the encoding being read, to place the finding. */
      prefix: string;
    };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes a file's bytes; never throws. */
export function decode(bytes: Uint8Array): Decoded {
  // UTF-32 first: its little-endian BOM starts like UTF-16's.
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) return { ok: false, reason: 'utf-32', byteOffset: 0, prefix: '' };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const body = bytes.subarray(3);
    if (isUtf8(body)) return noNul({ ok: true, text: utf8Text(body), encoding: 'utf-8', bom: true }, 3, 1);
    const bad = 3 + firstBadUtf8Byte(bytes.subarray(3));
    return { ok: false, reason: 'undecodable', byteOffset: bad, prefix: prefixText(bytes, bad) };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return noNul(tryDecode(new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }), bytes.subarray(2), 'utf-16le', true, 2), 2, 2);
  if (startsWith(bytes, [0xfe, 0xff])) return noNul(tryDecode(new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true }), bytes.subarray(2), 'utf-16be', true, 2), 2, 2);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // UTF-16 saved without a BOM: a NUL in every other byte of the ASCII text around it.
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return utf16;
    return { ok: false, reason: 'binary', byteOffset: nul, prefix: prefixText(bytes, nul) };
  }
  // isUtf8 (simdutf) then utf8Text is cheaper than a fatal TextDecoder and accepts exactly the same bytes.
  if (isUtf8(bytes)) return { ok: true, text: utf8Text(bytes), encoding: 'utf-8', bom: false };
  const bad = firstBadUtf8Byte(bytes);
  // A file that holds proper UTF-8 Chinese on some lines and other bytes on others was pasted
  // together from two encodings; reading it all as GB18030 would garble the UTF-8 part unnoticed.
  if (hasUtf8Line(bytes)) return { ok: false, reason: 'mixed', byteOffset: bad, prefix: prefixText(bytes, bad) };
  return legacyCjk(bytes) ?? { ok: false, reason: 'undecodable', byteOffset: bad, prefix: prefixText(bytes, bad) };
}

/**
 * Bytes already known to be valid UTF-8, as text. V8's own UTF-8 decoding (what Buffer#toString
 * and TextDecoder do) was the largest single cost of reading a Chinese repository (about 60 ms for
 * 9.5 MB); Node's transcode to UTF-16 (simdutf) and taking those code units as they are gives the
 * same string about 5 × faster, and ASCII bytes are taken one for one.
 */
export function utf8Text(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(buffer)) return buffer.toString('latin1');
  // a node built without ICU has no transcode
  return typeof transcode === 'function' ? transcode(buffer, 'utf8', 'utf16le').toString('utf16le') : buffer.toString('utf8');
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function tryDecode(decoder: TextDecoder, bytes: Uint8Array, encoding: Encoding, bom: boolean, skipped: number): Decoded {
  try {
    return { ok: true, text: decoder.decode(bytes), encoding, bom };
  } catch {
    return { ok: false, reason: 'undecodable', byteOffset: skipped, prefix: '' };
  }
}

/** A decoded text holding U+0000 is binary, whatever its BOM says. */
function noNul(decoded: Decoded, skipped: number, unit: number): Decoded {
  if (!decoded.ok) return decoded;
  const at = decoded.text.indexOf('\u0000');
  return at < 0 ? decoded : { ok: false, reason: 'binary', byteOffset: skipped + at * unit, prefix: decoded.text.slice(0, at) };
}

function utf16WithoutBom(bytes: Uint8Array): Decoded | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const units = bytes.length / 2;
  // Mostly ASCII in UTF-16 puts NULs on one side only; require that for nearly every unit with a NUL.
  const encoding: Encoding | undefined = oddNul >= units / 2 && evenNul === 0 ? 'utf-16le' : evenNul >= units / 2 && oddNul === 0 ? 'utf-16be' : undefined;
  if (!encoding) return undefined;
  const decoded = tryDecode(new TextDecoder(encoding, { fatal: true, ignoreBOM: true }), bytes, encoding, false, 0);
  return decoded.ok && !decoded.text.includes('\u0000') ? decoded : undefined;
}

/** Whether some line is valid UTF-8 holding a character of three or more bytes (Chinese, say). */
function hasUtf8Line(bytes: Uint8Array): boolean {
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const line = bytes.subarray(start, end);
    let wide = false;
    for (let i = 0; i < line.length; i++) {
      if (line[i] >= 0xe0) {
        wide = true;
        break;
      }
    }
    if (wide) {
      try {
        utf8.decode(line);
        return true;
      } catch {
        // not this line
      }
    }
    start = end + 1;
  }
  return false;
}

/** Offset of the first byte that breaks UTF-8, to point an `encoding` error at it. */
export function firstBadUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    // overlong or surrogate forms that the fatal decoder rejects
    if (len === 3 && ((b === 0xe0 && bytes[i + 1] < 0xa0) || (b === 0xed && bytes[i + 1] >= 0xa0))) return i;
    if (len === 4 && ((b === 0xf0 && bytes[i + 1] < 0x90) || (b === 0xf4 && bytes[i + 1] >= 0x90))) return i;
    i += len;
  }
  return 0;
}

/** The valid UTF-8 prefix of `bytes` up to `byteOffset`, to turn a byte offset into a line and column. */
export function prefixText(bytes: Uint8Array, byteOffset: number): string {
  return new TextDecoder('utf-8').decode(bytes.subarray(0, byteOffset));
}

/** The legacy encodings a Chinese or Japanese file may be in, GB18030 first (the mainland's, and the default). */
const LEGACY: Encoding[] = ['gb18030', 'big5', 'shift_jis'];

/**
 * The share of a text's multi-byte characters that lie where the encoding keeps the characters
 * files use most, judged on the bytes: GB2312's punctuation, fullwidth forms and ideographs (lead
 * A1, A3, B0–F7); Big5's punctuation and frequent ideographs (A1–C6); Shift-JIS's symbols, kana
 * and level-1 and level-2 kanji (81–84, 88–9F, E0–EA). Text in one of them read as another falls
 * mostly outside: kana, Greek, rare or user-defined characters.
 */
function plausibility(encoding: Encoding, bytes: Uint8Array): number {
  let all = 0;
  let good = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    all++;
    const t = bytes[i + 1] ?? 0;
    if (encoding === 'gb18030') {
      if (t >= 0x30 && t <= 0x39) {
        i += 4; // a four-byte sequence: outside GB2312
        continue;
      }
      if ((b === 0xa1 || b === 0xa3 || (b >= 0xb0 && b <= 0xf7)) && t >= 0xa1 && t <= 0xfe) good++;
      i += 2;
    } else if (encoding === 'big5') {
      if (b >= 0xa1 && b <= 0xc6) good++;
      i += 2;
    } else {
      if (b >= 0xa1 && b <= 0xdf) {
        i++; // halfwidth katakana: one byte, rare in files (Chinese bytes read as Shift-JIS give them)
        continue;
      }
      if ((b >= 0x81 && b <= 0x84) || (b >= 0x88 && b <= 0x9f) || (b >= 0xe0 && b <= 0xea)) good++;
      i += 2;
    }
  }
  return all === 0 ? 1 : good / all;
}

/**
 * Bytes that are not UTF-8, read as GB18030, Big5 or Shift-JIS: each that decodes them without
 * error is scored by how much of its text is made of the characters such a file holds (Big5 read
 * as GB18030 gives kana, Greek and private-use characters, Shift-JIS read as GB18030 rare
 * ideographs). The best is taken (GB18030 on a tie); when another also reads the bytes plausibly,
 * or none reads them well, the guess is doubtful and `possible` lists the ones that read at least half
 * of it plausibly.
 */
function legacyCjk(bytes: Uint8Array): Decoded | undefined {
  const read: { encoding: Encoding; text: string; score: number }[] = [];
  for (const encoding of LEGACY) {
    const d = tryDecode(new TextDecoder(encoding, { fatal: true }), bytes, encoding, false, 0);
    if (!d.ok) continue;
    const score = plausibility(encoding, bytes);
    // GB18030 is taken as before whenever it decodes; Big5 and Shift-JIS only when the text looks like theirs (their decoders accept odd bytes)
    if (encoding === 'gb18030' || score >= 0.5) read.push({ encoding, text: d.text, score });
  }
  if (read.length === 0) return undefined;
  const best = read.reduce((a, b) => (b.score > a.score ? b : a));
  const doubtful = read.length > 1 && (best.score < 0.9 || read.some((r) => r !== best && r.score >= 0.8));
  return { ok: true, text: best.text, encoding: best.encoding, bom: false, ...(doubtful ? { possible: [best.encoding, ...read.filter((r) => r !== best && r.score >= 0.5).map((r) => r.encoding)] } : {}) };
}
