/**
 * Range edits of a decoded text carried back into the file's bytes, for `plans lint --fix`. The
 * bytes outside the edits are copied as they are (a BOM, CRLF, every character of an encoding that
 * could not be written again the same way); only the replacement texts are encoded. The result is
 * decoded again and must give the edited text in the same encoding, or there is no result: a file
 * is never written in a form that would lose or change a byte the edits did not touch.
 */
import { Buffer } from 'node:buffer';
import type { Fix } from '../findings/index.js';
import { decode, type Encoding } from './decode.js';

export type Spliced = { ok: true; bytes: Uint8Array; text: string } | { ok: false; reason: 'undecodable' | 'encoding' | 'mismatch' };

/** `bytes` with `edits` (ranges of its decoded text, sorted and not overlapping) applied. */
export function spliceEdits(bytes: Uint8Array, edits: readonly Fix[]): Spliced {
  const decoded = decode(bytes);
  if (!decoded.ok) return { ok: false, reason: 'undecodable' };
  const { text, encoding, bom } = decoded;
  const offsets = byteOffsets(bytes, text, encoding, bom, edits.flatMap((e) => [e.range[0], e.range[1]]));
  if (!offsets) return { ok: false, reason: 'encoding' };
  const pieces: Uint8Array[] = [];
  let at = 0;
  let edited = '';
  let textAt = 0;
  for (let i = 0; i < edits.length; i++) {
    const edit = edits[i];
    const replacement = encodeText(edit.text, encoding);
    if (!replacement) return { ok: false, reason: 'encoding' };
    pieces.push(bytes.subarray(at, offsets[2 * i]), replacement);
    at = offsets[2 * i + 1];
    edited += text.slice(textAt, edit.range[0]) + edit.text;
    textAt = edit.range[1];
  }
  pieces.push(bytes.subarray(at));
  edited += text.slice(textAt);
  const out = Buffer.concat(pieces);
  const check = decode(out);
  if (!check.ok || check.encoding !== encoding || check.bom !== bom || check.text !== edited) return { ok: false, reason: 'mismatch' };
  return { ok: true, bytes: out, text: edited };
}

/** The replacement in the file's encoding; in a legacy encoding only ASCII, whose bytes are the same in all of them. */
function encodeText(text: string, encoding: Encoding): Uint8Array | undefined {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-16le') return Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') return Buffer.from(text, 'utf16le').swap16();
  return /^[\x00-\x7f]*$/.test(text) ? Buffer.from(text, 'latin1') : undefined;
}

/** The byte offset of each text offset (UTF-16 code units of the decoded text, ascending), or undefined when one falls inside a character. */
function byteOffsets(bytes: Uint8Array, text: string, encoding: Encoding, bom: boolean, offsets: readonly number[]): number[] | undefined {
  if (encoding === 'utf-8') {
    const skip = bom ? 3 : 0;
    let bytesSoFar = 0;
    let last = 0;
    return offsets.map((o) => {
      bytesSoFar += Buffer.byteLength(text.slice(last, o), 'utf8');
      last = o;
      return skip + bytesSoFar;
    });
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return offsets.map((o) => (bom ? 2 : 0) + 2 * o);
  // a legacy encoding: fed byte by byte to a streaming decoder, a character ends where the text grows
  const decoder = new TextDecoder(encoding, { fatal: true });
  const boundary = new Map<number, number>([[0, 0]]);
  let length = 0;
  const one = new Uint8Array(1);
  try {
    for (let i = 0; i < bytes.length; i++) {
      one[0] = bytes[i];
      const got = decoder.decode(one, { stream: true });
      if (got.length > 0) {
        length += got.length;
        if (!boundary.has(length)) boundary.set(length, i + 1);
      }
    }
    length += decoder.decode().length;
  } catch {
    return undefined;
  }
  if (length !== text.length) return undefined;
  const out: number[] = [];
  for (const o of offsets) {
    const b = boundary.get(o);
    if (b === undefined) return undefined;
    out.push(b);
  }
  return out;
}
