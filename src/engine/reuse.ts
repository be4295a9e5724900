/**
 * Parses kept between runs of one long-lived process (the language server, `plans lint --watch`):
 * a file whose bytes are those it was parsed from is not parsed again. Only the files that changed
 * are read by the parser; every check still runs on the whole part of the repository it needs.
 */
import type { FileSystem } from '../load/fs.js';
import { DEFAULT_MAX_FILE_BYTES, loadFile, type LoadOptions } from '../load/index.js';
import type { Loaded } from './index.js';

export class ReusedParses {
  readonly #parsed = new Map<string, { bytes: Uint8Array; max: number; loaded: Loaded }>();

  constructor(
    /** What the bytes are read through (the engine's file system). */
    private readonly fs: FileSystem,
    /** Whether `readRegular` hands out a buffer it reuses (the disk's does): the bytes kept are then a copy. */
    private readonly copy = true,
  ) {}

  /** `loadFile`, or the parse made before from the same bytes (the engine's `load` option). */
  load(abs: string, opts: LoadOptions): Loaded {
    const max = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const hit = this.#parsed.get(abs);
    const bytes = this.fs.readRegular(abs, max);
    if (bytes && hit && hit.max === max && (hit.bytes === bytes || Buffer.compare(hit.bytes, bytes) === 0)) return hit.loaded;
    const kept = bytes && this.copy ? Uint8Array.from(bytes) : bytes;
    const loaded = loadFile(abs, opts);
    if (kept) this.#parsed.set(abs, { bytes: kept, max, loaded });
    else this.#parsed.delete(abs);
    return loaded;
  }

  /** Forgets a file's parse (an editor closed its unsaved text). */
  forget(abs: string): void {
    this.#parsed.delete(abs);
  }
}
