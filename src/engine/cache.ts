/**
 * The results cache of `plans lint --cache` (ESLint's `--cache` is the model): the findings of a
 * run, kept with what they were made from, and given back while none of it has changed.
 *
 * A run's findings depend on the files it read or looked at (in context, every file of the
 * repository is at least searched), the folders it listed, the config and the tool. An entry is
 * valid while the key (tool, config, paths, options) is the same, every folder listed holds the same
 * folders, links and YAML files (what the walk could take; the cache file itself, written beside
 * them, is none of these) and every file has the same size, times and inode (a write changes the
 * change time, which no tool sets back). A run with the same key
 * replaces the entry. Nothing here reads the disk except through the engine's file system.
 */
import type { Finding } from '../findings/index.js';
import { isMessageId, Message, PlaceRef, t } from '../i18n/index.js';
import type { FileSystem } from '../load/fs.js';
import { CACHE_MAGIC, entryUnchanged, listingOf, stampOf, stamps, type CacheEntry as Entry, type Replay } from './stamps.js';

export { CACHE_MAGIC };

/** Entries kept (the most recent first): a drafter alternates few runs (`lint .`, `lint FILE`). */
const MAX_ENTRIES = 4;
/** Outputs kept per entry: the same run printed in a few formats or languages. */
const MAX_REPLAYS = 8;

/** What a run gives back from the cache. */
export interface CachedRun {
  findings: Finding[];
  named: string[];
  lone: string[];
  inputs: string[];
}

/** The cache as read from its file (or empty), changed in memory, and written back by the caller. */
export class ResultsCache {
  #entries: Entry[];
  #changed = false;

  private constructor(entries: Entry[]) {
    this.#entries = entries;
  }

  /** An empty cache. */
  static empty(): ResultsCache {
    return new ResultsCache([]);
  }

  /**
   * The cache in a file's text; undefined when the text is not a cache of ours (the caller must then
   * not overwrite the file). A cache of ours that cannot be read (cut short, an older layout) is empty.
   */
  static parse(text: string): ResultsCache | undefined {
    if (!text.startsWith(CACHE_MAGIC + '\n')) return text.length === 0 ? ResultsCache.empty() : undefined;
    try {
      const entries = JSON.parse(text.slice(CACHE_MAGIC.length + 1)) as unknown;
      return new ResultsCache(Array.isArray(entries) ? entries.filter(isEntry).slice(0, MAX_ENTRIES) : []);
    } catch {
      return ResultsCache.empty();
    }
  }

  /** Whether a run stored something, so that the file needs writing. */
  get changed(): boolean {
    return this.#changed;
  }

  /** The cache file's text. */
  serialize(): string {
    return `${CACHE_MAGIC}\n${JSON.stringify(this.#entries)}\n`;
  }

  /** The findings of the run with this key, if nothing it depended on has changed; else undefined. */
  lookup(key: string, fs: FileSystem): CachedRun | undefined {
    const entry = this.#entries.find((e) => e.key === key);
    if (!entry || !entryUnchanged(entry, fs)) return undefined;
    const findings: Finding[] = [];
    for (const f of entry.findings) {
      const finding = decodeFinding(f);
      if (!finding) return undefined;
      findings.push(finding);
    }
    return { findings, named: entry.named, lone: entry.lone, inputs: entry.inputs };
  }

  /** Keeps a run: its findings, and the state of the files and folders it depended on. */
  store(key: string, run: CachedRun & { dirs: readonly string[] }, fs: FileSystem): void {
    // the named files first: the file a drafter edited is the first one looked at again
    const named = new Set(run.named);
    const inputs = new Set(run.inputs);
    const files = stamps([...run.named.filter((p) => inputs.has(p)), ...run.inputs.filter((p) => !named.has(p))], fs, stampOf);
    const dirs = stamps(run.dirs, fs, listingOf);
    // a file or folder that could not be stated cannot be told unchanged later: keep nothing
    if (files === undefined || dirs === undefined) return;
    const entry: Entry = { key, files, dirs, findings: run.findings.map(encodeFinding), named: run.named, lone: run.lone, inputs: run.inputs };
    this.#entries = [entry, ...this.#entries.filter((e) => e.key !== key)].slice(0, MAX_ENTRIES);
    this.#changed = true;
  }

  /** Keeps what a call printed with the entry of its run (the one with `key`), replacing what the same call printed before. */
  addReplay(key: string, replay: Replay): void {
    const entry = this.#entries.find((e) => e.key === key);
    if (!entry) return;
    const before = entry.replays ?? [];
    const same = before.find((r) => r.call === replay.call);
    if (same && JSON.stringify(same) === JSON.stringify(replay)) return;
    entry.replays = [replay, ...before.filter((r) => r !== same)].slice(0, MAX_REPLAYS);
    this.#changed = true;
  }
}

function isEntry(e: unknown): e is Entry {
  if (!e || typeof e !== 'object') return false;
  const x = e as Record<string, unknown>;
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  return (
    typeof x.key === 'string' &&
    typeof x.files === 'string' &&
    typeof x.dirs === 'string' &&
    Array.isArray(x.findings) &&
    strings(x.named) &&
    strings(x.lone) &&
    strings(x.inputs) &&
    (x.replays === undefined || Array.isArray(x.replays))
  );
}

// Finding data holds messages (an id and data), places and numbers JSON cannot carry (±Infinity,
// NaN, -0) and keys whose value is undefined: each is encoded as a one-key object of its own.
const M = '\u0000m';
const P = '\u0000p';
const N = '\u0000n';
const U = '\u0000u';

function encodeFinding(f: Finding): unknown {
  return { ...f, data: encodeValue(f.data) };
}

function encodeValue(v: unknown): unknown {
  if (v instanceof Message) return { [M]: v.id, d: encodeValue(v.data) };
  if (v instanceof PlaceRef) return { [P]: [v.file, v.line] };
  if (v === undefined) return { [U]: 1 };
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? v : { [N]: Object.is(v, -0) ? '-0' : String(v) };
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = encodeValue(x);
    return out;
  }
  return v;
}

class Undecodable extends Error {}

function decodeValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeValue);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if (M in o) {
    const id = o[M];
    if (typeof id !== 'string' || !isMessageId(id)) throw new Undecodable();
    return t(id, decodeValue(o.d) as Record<string, unknown>);
  }
  if (P in o) {
    const [file, line] = o[P] as [string, number];
    return new PlaceRef(file, line);
  }
  if (N in o) return Number(o[N]);
  if (U in o) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = decodeValue(x);
  return out;
}

function decodeFinding(raw: unknown): Finding | undefined {
  try {
    const f = raw as Finding;
    if (typeof f.file !== 'string' || !Array.isArray(f.range) || !isMessageId(f.messageId)) return undefined;
    return { ...f, range: [f.range[0], f.range[1]], data: decodeValue(f.data) as Finding['data'] };
  } catch {
    return undefined;
  }
}
