/**
 * The one file-system interface that every read of plan files, folders and configs goes through,
 * and an overlay of unsaved documents over it (an editor's open buffers), so that an editor server
 * lints what the drafter sees without writing it to disk.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { bytesOf, escapedName, fsPath, registerRawPath } from './rawpath.js';

export interface FileStat {
  size: number;
  /** Times and inode, as node:fs gives them (none for a document only in an overlay). */
  mtimeMs?: number;
  ctimeMs?: number;
  ino?: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
}

export interface DirEntry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/** What plans reads through; errors are thrown as Node's are (with a `code`). */
export interface FileSystem {
  /** Follows links. */
  stat(abs: string): FileStat;
  readFile(abs: string): Uint8Array;
  readdir(abs: string): DirEntry[];
  realpath(abs: string): string;
  /**
   * The bytes of a file the folder listing showed as regular, read without a stat first; undefined
   * whenever anything is unusual (no bytes, more than `max`, an error), and the caller then takes
   * the careful path. The bytes may be valid only until the next call.
   */
  readRegular(abs: string, max: number): Uint8Array | undefined;
}

const OPEN_NONBLOCK = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** The disk, through node:fs. Each instance has its own read buffer (nothing is shared between engines). */
export class NodeFileSystem implements FileSystem {
  /** One buffer for every `readRegular`: the bytes live only until they are decoded. */
  #buffer = Buffer.allocUnsafe(256 * 1024);

  // paths are as shown; fsPath gives the bytes of a name that is not UTF-8 (load/rawpath.ts)
  stat(abs: string): FileStat {
    return fs.statSync(fsPath(abs));
  }

  readFile(abs: string): Uint8Array {
    return fs.readFileSync(fsPath(abs));
  }

  readdir(abs: string): DirEntry[] {
    const entries = fs.readdirSync(fsPath(abs) as string, { withFileTypes: true });
    // a name that is not UTF-8 lists as U+FFFD: list the folder again by bytes, and show such names escaped
    return entries.some((e) => e.name.includes('\ufffd')) ? (rawEntries(abs) ?? entries) : entries;
  }

  realpath(abs: string): string {
    return fs.realpathSync.native(fsPath(abs) as string);
  }

  /**
   * Open and read to the end (no stat: building a Stats object costs more than the read of a small
   * file). O_NONBLOCK: should the file have become a FIFO in the meantime, opening it does not wait.
   */
  readRegular(abs: string, max: number): Uint8Array | undefined {
    let fd: number | undefined;
    try {
      fd = fs.openSync(fsPath(abs), OPEN_NONBLOCK);
      return this.#readToEnd(fd, max);
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) {
        try {
          fs.closeSync(fd);
        } catch {
          // nothing to do: the bytes (if any) are read
        }
      }
    }
  }

  #readToEnd(fd: number, max: number): Buffer | undefined {
    let n = 0;
    for (;;) {
      if (n === this.#buffer.length) {
        if (n > max) return undefined;
        const bigger = Buffer.allocUnsafe(n * 2);
        this.#buffer.copy(bigger, 0, 0, n);
        this.#buffer = bigger;
      }
      const got = fs.readSync(fd, this.#buffer, n, this.#buffer.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return n === 0 || n > max ? undefined : this.#buffer.subarray(0, n);
  }
}

/** The entries of a folder listed by bytes, each named as shown (bad bytes escaped), the bytes of those not UTF-8 remembered. */
function rawEntries(dir: string): fs.Dirent[] | undefined {
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  try {
    const listed = fs.readdirSync(fsPath(dir), { withFileTypes: true, encoding: 'buffer' }) as unknown as (fs.Dirent & { name: Buffer })[];
    const base = bytesOf(prefix);
    return listed.map((entry) => {
      const bytes = entry.name;
      const name = escapedName(bytes);
      if (!isUtf8(bytes)) registerRawPath(prefix + name, Buffer.concat([base, bytes]));
      // the entry as the string listing gives it, with the shown name
      return Object.assign(Object.create(Object.getPrototypeOf(entry)), entry, { name }) as fs.Dirent;
    });
  } catch {
    return undefined;
  }
}

/** A regular file that exists only in the overlay. */
class OverlayStat implements FileStat {
  constructor(readonly size: number) {}
  isFile(): boolean {
    return true;
  }
  isDirectory(): boolean {
    return false;
  }
  isFIFO(): boolean {
    return false;
  }
}

class OverlayEntry implements DirEntry {
  constructor(readonly name: string) {}
  isFile(): boolean {
    return true;
  }
  isDirectory(): boolean {
    return false;
  }
  isSymbolicLink(): boolean {
    return false;
  }
}

/**
 * Unsaved documents over another file system: a document set here is read instead of the file on
 * disk (or as a new file, listed in its folder when the folder exists); `delete` shows the disk again.
 */
export class OverlayFileSystem implements FileSystem {
  readonly #docs = new Map<string, Uint8Array>();

  constructor(readonly base: FileSystem) {}

  /** Sets the unsaved text of the file at `abs` (an absolute, normalized path). */
  set(abs: string, text: string): void {
    this.#docs.set(path.resolve(abs), Buffer.from(text, 'utf8'));
  }

  /** Sets the unsaved bytes of the file at `abs`, in whatever encoding they are (a fix not yet written). */
  setBytes(abs: string, bytes: Uint8Array): void {
    this.#docs.set(path.resolve(abs), bytes);
  }

  delete(abs: string): void {
    this.#docs.delete(path.resolve(abs));
  }

  has(abs: string): boolean {
    return this.#docs.has(path.resolve(abs));
  }

  stat(abs: string): FileStat {
    const doc = this.#docs.get(abs);
    return doc ? new OverlayStat(doc.length) : this.base.stat(abs);
  }

  readFile(abs: string): Uint8Array {
    return this.#docs.get(abs) ?? this.base.readFile(abs);
  }

  readdir(abs: string): DirEntry[] {
    const entries = this.base.readdir(abs);
    const dir = path.resolve(abs);
    const names = new Set(entries.map((e) => e.name));
    const extra: DirEntry[] = [];
    for (const file of this.#docs.keys()) {
      if (path.dirname(file) === dir && !names.has(path.basename(file))) extra.push(new OverlayEntry(path.basename(file)));
    }
    // a file shown from the overlay is a regular file, whatever is on disk under its name
    const shown = entries.map((e) => (this.#docs.has(path.join(dir, e.name)) ? new OverlayEntry(e.name) : e));
    return extra.length ? [...shown, ...extra] : shown;
  }

  realpath(abs: string): string {
    try {
      return this.base.realpath(abs);
    } catch (err) {
      if (this.#docs.has(abs)) return path.join(this.base.realpath(path.dirname(abs)), path.basename(abs));
      throw err;
    }
  }

  readRegular(abs: string, max: number): Uint8Array | undefined {
    const doc = this.#docs.get(abs);
    if (!doc) return this.base.readRegular(abs, max);
    return doc.length === 0 || doc.length > max ? undefined : doc;
  }
}
