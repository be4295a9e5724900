/**
 * Files whose text is let go once they are parsed, and read again (through the engine's file
 * system, by an explicit `restoreText`) where something needs it: a finding's place, a baseline's
 * line text, a table's number as written. Reading a property never reads a file.
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
import { LineIndex, type SourceDoc, type SourceFile } from './source.js';
import type { FileSystem } from './fs.js';

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
 * A file read from disk. After `release()` the text is no longer held (`text` is empty and
 * `holdsText` false) until `restoreText` reads it again; `lines` is made from the text on first use.
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

  /** The text; empty while it is let go (see `holdsText`, `restoreText`). */
  get text(): string {
    return this.#text ?? '';
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

  /** Whether the text is held now. */
  get holdsText(): boolean {
    return this.#text !== undefined;
  }

  /** How many bytes the file had when loaded (undefined while it holds its text): a read again takes no more. */
  get loadedSize(): number | undefined {
    return this.#stamp?.size;
  }

  /** Lets the text go; `stamp` says what the bytes were, so that reading them again can be checked. */
  release(stamp: Stamp): void {
    this.#stamp = stamp;
    this.#text = undefined;
    this.#lines = undefined;
  }

  /** Takes the text back from the file's bytes read again (undefined: unreadable): the same text, or '' when the bytes changed. */
  restore(bytes: Uint8Array | undefined): void {
    const stamp = this.#stamp;
    let text = '';
    if (bytes && stamp && bytes.length === stamp.size && checksum()?.(bytes) === stamp.crc) {
      const decoded = decode(bytes);
      if (decoded.ok) text = decoded.text;
    }
    this.#text = text;
    this.#lines = undefined;
  }
}

/** Reads again, through `fs`, the text of a file that let it go; does nothing for a file that holds its text. */
export function restoreText(file: SourceFile, fs: FileSystem): void {
  if (!(file instanceof LoadedFile) || file.holdsText) return;
  // only a regular file, and only as large as it was (readRegular: no wait on a FIFO, no endless /dev/zero)
  file.restore(fs.readRegular(file.abs, file.loadedSize ?? 0));
}
