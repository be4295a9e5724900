/** Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030; reports what it had to guess. */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; bom: boolean }
  | { ok: false; reason: 'binary' | 'undecodable'; byteOffset: number };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes a file's bytes; never throws. */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return tryDecode(utf8, bytes.subarray(3), 'utf-8', true, 3);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return tryDecode(new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }), bytes.subarray(2), 'utf-16le', true, 2);
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return tryDecode(new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true }), bytes.subarray(2), 'utf-16be', true, 2);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: 'binary', byteOffset: nul };
  const asUtf8 = tryDecode(utf8, bytes, 'utf-8', false, 0);
  if (asUtf8.ok) return asUtf8;
  const asGb = tryDecode(new TextDecoder('gb18030', { fatal: true }), bytes, 'gb18030', false, 0);
  if (asGb.ok) return asGb;
  return { ok: false, reason: 'undecodable', byteOffset: firstBadUtf8Byte(bytes) };
}

function tryDecode(decoder: TextDecoder, bytes: Uint8Array, encoding: Encoding, bom: boolean, skipped: number): Decoded {
  try {
    return { ok: true, text: decoder.decode(bytes), encoding, bom };
  } catch {
    return { ok: false, reason: 'undecodable', byteOffset: skipped };
  }
}

/** Offset of the first byte that breaks UTF-8, to point an `encoding` error at it. */
export function firstBadUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return 0;
}

/** The valid UTF-8 prefix of `bytes` up to `byteOffset`, to turn a byte offset into a line and column. */
export function prefixText(bytes: Uint8Array, byteOffset: number): string {
  return new TextDecoder('utf-8').decode(bytes.subarray(0, byteOffset));
}
