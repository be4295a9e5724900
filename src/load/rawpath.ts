/**
 * File names that are not UTF-8 (GBK names from unzipping an archive on Linux): a JavaScript string
 * cannot hold their bytes, so Node's string listing shows U+FFFD and the name opens nothing. Such a
 * name is shown with its bad bytes escaped (`\xBA\xBC.yaml`), and that shown path is mapped here to
 * the real bytes, which every read of the file uses.
 */
import { Buffer, isUtf8 } from 'node:buffer';

const raw = new Map<string, Buffer>();

/** The path to hand to `fs` for a path as shown: its bytes when it has a name that is not UTF-8. */
export function fsPath(shown: string): string | Buffer {
  return raw.size === 0 ? shown : (raw.get(shown) ?? shown);
}

/** Remembers the bytes of a shown path. */
export function registerRawPath(shown: string, bytes: Buffer): void {
  raw.set(shown, bytes);
}

/** A name's bytes as text: valid UTF-8 as it is, each other byte as `\xHH`. */
export function escapedName(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    const piece = len > 0 && i + len <= bytes.length ? bytes.subarray(i, i + len) : undefined;
    if (piece && isUtf8(piece)) {
      out += piece.toString('utf8');
      i += len;
    } else {
      out += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

/** The bytes of a shown folder path, to join a raw name to. */
export function bytesOf(shown: string): Buffer {
  const known = raw.get(shown);
  return known ?? Buffer.from(shown, 'utf8');
}
