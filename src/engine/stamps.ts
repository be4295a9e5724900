/**
 * The results cache's file layout and how it tells that a file or folder is as a run saw it. Kept
 * apart from the cache's code (engine/cache.ts) and light (node:fs only, no messages, no parser):
 * `plans lint --cache` with nothing changed is answered from here before the rest of plans loads
 * (src/cli/replay.ts), and both must read a cache, and judge a stamp, exactly alike.
 */
import type { DirEntry, FileStat } from '../load/fs.js';
import { YAML_FILE } from '../load/names.js';

/** The first line of every cache file: what tells a cache of ours from a file of the user's. */
export const CACHE_MAGIC = 'plans-results-cache 1';

/** The cache file when none is named, as ESLint's `.eslintcache`. */
export const DEFAULT_CACHE_LOCATION = '.planscache';

/** What stamps are taken through (the engine's file system, or node:fs before it is loaded). */
export interface StampFs {
  stat(abs: string): FileStat;
  readdir(abs: string): DirEntry[];
}

/** One run: its key, what it depended on, its findings (records, their data encoded), and the outputs kept for it. */
export interface CacheEntry {
  key: string;
  /** `path\tsize\tmtimeMs\tctimeMs\tino` lines of the files. */
  files: string;
  /** `path\tnames` lines of the folders: the entries the walk could take, `/`-separated. */
  dirs: string;
  findings: unknown[];
  /** Named files the run reported on (paths as shown), and those with no campaign above them. */
  named: string[];
  lone: string[];
  inputs: string[];
  /** What `plans lint` printed for this run, by how it was called (src/cli/replay.ts). */
  replays?: Replay[];
}

/**
 * What one call of `plans lint --cache` printed, with everything besides the entry's files that
 * the output depended on: how it was called, the tool, the environment variables it read, the
 * config and CI root it found, and the other files it read (config, baseline, rule pages).
 */
export interface Replay {
  /** replayCall(): the arguments, the folder, and what the two streams are. */
  call: string;
  tool: string;
  /** Every environment variable the run looked at, with its value (null: unset). */
  env: [string, string | null][];
  /** replayFacts(): the config file the search finds and the CI root. */
  facts: string;
  /** stampOrMissing lines of the other files read. */
  files: string;
  /** What was written, in order: 1 standard output, 2 standard error. */
  writes: [1 | 2, string][];
  /** The exit status. */
  code: number;
  /** The line to print if standard output fails, in the run's language (`\u0000` stands for the error code). */
  failed: string;
}

/** A file's state: size, times and inode (a write changes the change time, which no tool sets back); undefined when it cannot be stated. */
export function stampOf(abs: string, fs: StampFs): string | undefined {
  try {
    const st = fs.stat(abs);
    // an unsaved document (an editor's overlay) has no times: it can never be told unchanged
    if (st.mtimeMs === undefined || st.ctimeMs === undefined) return undefined;
    return `${abs}\t${st.size}\t${st.mtimeMs}\t${st.ctimeMs}\t${st.ino}`;
  } catch {
    return undefined;
  }
}

/** A file's stamp, or that it is missing (a file looked for and not there is a state too). */
export function stampOrMissing(abs: string, fs: StampFs): string {
  return stampOf(abs, fs) ?? `${abs}\t-`;
}

/** A folder's state: the names of its folders, links and YAML files, sorted. */
export function listingOf(abs: string, fs: StampFs): string | undefined {
  try {
    const names = fs
      .readdir(abs)
      .filter((e) => e.isDirectory() || e.isSymbolicLink() || YAML_FILE.test(e.name))
      .map((e) => e.name)
      .sort();
    return `${abs}\t${names.join('/')}`;
  } catch {
    return undefined;
  }
}

export type StateOf = (abs: string, fs: StampFs) => string | undefined;

/** The lines of these paths' states; undefined when one cannot be taken. */
export function stamps(paths: readonly string[], fs: StampFs, stateOf: StateOf): string | undefined {
  const lines: string[] = [];
  for (const p of paths) {
    const line = stateOf(p, fs);
    if (line === undefined) return undefined;
    lines.push(line);
  }
  return lines.join('\n');
}

/** Whether every line still is the state of its path (the first that differs ends the look). */
export function unchanged(lines: string, fs: StampFs, stateOf: StateOf): boolean {
  if (lines === '') return true;
  for (const line of lines.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0 || stateOf(line.slice(0, tab), fs) !== line) return false;
  }
  return true;
}

/**
 * Whether every file and folder an entry depended on is as it was: the files first (the named
 * ones lead the list, and a drafter's saved file is the usual change), then the folders.
 * ResultsCache.lookup and the replay ask the same question this way.
 */
export function entryUnchanged(entry: Pick<CacheEntry, 'files' | 'dirs'>, fs: StampFs): boolean {
  return typeof entry.files === 'string' && typeof entry.dirs === 'string' && unchanged(entry.files, fs, stampOf) && unchanged(entry.dirs, fs, listingOf);
}
