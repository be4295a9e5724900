/**
 * Files whose text is let go once they are parsed, and read again from disk when something asks
 * for it (a finding's place, a baseline's line text, a table's number as written).
 *
 * Why: at 22,000 files the texts are 125 MB of UTF-16, more than the values read from them, and
 * most files of a repository never need theirs again. The fast reader copies every value out of
 * the text (`fastValues(…, detach)`), so nothing else keeps it alive.
 *
 * A text read again is the same text: the file's bytes must have the size and CRC-32 they had when
 * it was loaded, and they are decoded the same way. If the file changed or vanished in between,
 * the text is empty: findings in it then point at its line 1, column 1, and nothing breaks.
 */
import { createRequire } from 'node:module';
import { decode, type Encoding } from './decode.js';
import { readRegularFile } from './regular.js';
import { LineIndex, type SourceDoc, type SourceFile } from './source.js';

type Crc32 = (data: Uint8Array) => number;
let crc32: Crc32 | null | undefined;

/**
 * zlib's CRC-32 (Node 20.15 and later), loaded on first use (only loading files needs it); null
 * when this Node has none, and then texts are kept.
 */
export function checksum(): Crc32 | null {
  if (crc32 === undefined) {
    try {
      const zlib = createRequire(import.meta.url)('node:zlib') as { crc32?: Crc32 };
      crc32 = typeof zlib.crc32 === 'function' ? zlib.crc32 : null;
    } catch {
      crc32 = null;
    }
  }
  return crc32;
}

/** What a file's bytes were when loaded: enough to tell that a second read gives the same text. */
interface Stamp {
  size: number;
  crc: number;
}

/**
 * A file read from disk. `text` and `lines` behave as plain properties; after `release()` the text
 * is no longer held, and the first read of either reads the file again.
 */
export class LoadedFile implements SourceFile {
  // plain assignments in the constructor (`declare`: no field definitions, a little cheaper per file)
  declare path: string;
  declare abs: string;
  declare encoding: Encoding;
  declare docs: SourceDoc[];
  #text: string | undefined;
  #lines: LineIndex | undefined = undefined;
  #stamp: Stamp | undefined = undefined;
  readonly #disables: boolean;

  constructor(path: string, abs: string, text: string, encoding: Encoding) {
    this.path = path;
    this.abs = abs;
    this.encoding = encoding;
    this.docs = [];
    this.#text = text;
    this.#disables = text.includes('plans-disable');
  }

  get text(): string {
    if (this.#text === undefined) this.#text = this.#stamp ? readAgain(this.abs, this.#stamp) : '';
    return this.#text;
  }

  set text(text: string) {
    this.#text = text;
    this.#lines = undefined;
  }

  get lines(): LineIndex {
    if (!this.#lines) this.#lines = new LineIndex(this.text);
    return this.#lines;
  }

  set lines(lines: LineIndex) {
    this.#lines = lines;
  }

  /** Whether the text holds `plans-disable` (as loaded): suppression looks only at those files. */
  get disables(): boolean {
    return this.#disables;
  }

  /** Whether the text is held now (tests and benchmarks look). */
  get holdsText(): boolean {
    return this.#text !== undefined;
  }

  /** Lets the text go; `stamp` says what the bytes were, so that reading them again can be checked. */
  release(stamp: Stamp): void {
    this.#stamp = stamp;
    this.#text = undefined;
    this.#lines = undefined;
  }
}

/** The file's text read again: decoded as at load time, or '' when the bytes are not the same any more. */
function readAgain(abs: string, stamp: Stamp): string {
  try {
    // only a regular file, and only as large as it was: one replaced by a FIFO would wait for a writer
    const bytes = readRegularFile(abs, stamp.size);
    if (bytes.length !== stamp.size || checksum()?.(bytes) !== stamp.crc) return '';
    const decoded = decode(bytes);
    return decoded.ok ? decoded.text : '';
  } catch {
    return '';
  }
}
