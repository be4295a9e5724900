/**
 * `plans lint --cache` when nothing has changed, answered before the rest of plans loads: the
 * output the same call printed last time, kept in the cache with its run (replay-record.ts), is
 * written again when every file and folder of the run, the environment variables it read, the
 * config and CI root it found, the other files it read and the tool itself are as they were.
 * Anything else, or anything unexpected, answers nothing here and plans runs as usual (which
 * may still find the findings in the cache). bin/plans.js calls this from its own small bundle
 * (dist/replay.cjs); nothing here prints unless it answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CACHE_MAGIC, DEFAULT_CACHE_LOCATION, entryUnchanged, stampOrMissing, unchanged, type CacheEntry, type Replay } from '../engine/stamps.js';
import { nodeStampFs, replayCall, replayFacts, toolBuild } from './replay-key.js';

/** As src/cli/cache.ts: past this a file is not a cache of ours. */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

/** Options that do more than print (or that replay.ts cannot read the arguments of): never answered from the cache. */
const NOT_REPLAYED = new Set(['--fix', '--fix-dry-run', '--watch', '--out', '--write-baseline', '--']);

/**
 * Answers `argv` (as process.argv) from the results cache when it can: writes the kept output and
 * returns the exit status; undefined when plans must run. `root`: the package's folder.
 */
export function replay(argv: readonly string[], root: string, streams: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream } = process): number | undefined {
  try {
    const args = argv.slice(2);
    if (args[0] !== 'lint') return undefined;
    let location: string | undefined;
    let cache = false;
    for (let i = 1; i < args.length; i++) {
      const a = args[i];
      const name = a.startsWith('--') ? a.split('=', 1)[0] : a;
      if (NOT_REPLAYED.has(name)) return undefined;
      if (a === '--cache') cache = true;
      else if (a === '--cache-location') location = args[++i];
      else if (a.startsWith('--cache-location=')) location = a.slice('--cache-location='.length);
    }
    if (!cache && location === undefined) return undefined;
    const cwd = process.cwd();
    const text = readCache(path.resolve(cwd, location ?? DEFAULT_CACHE_LOCATION));
    if (text === undefined || !text.startsWith(CACHE_MAGIC + '\n')) return undefined;
    const entries = JSON.parse(text.slice(CACHE_MAGIC.length + 1)) as unknown;
    if (!Array.isArray(entries)) return undefined;
    const call = replayCall(args, cwd, streams.stdout, streams.stderr);
    for (const entry of entries as CacheEntry[]) {
      const kept = Array.isArray(entry?.replays) ? entry.replays.find((r) => r?.call === call) : undefined;
      if (kept && current(entry, kept, root, cwd)) return write(kept, streams);
    }
    return undefined;
  } catch {
    // anything unforeseen: plans runs as usual
    return undefined;
  }
}

/** Whether what the kept output depended on is all as it was. */
function current(entry: CacheEntry, kept: Replay, root: string, cwd: string): boolean {
  if (typeof kept.tool !== 'string' || kept.tool !== toolBuild(root)) return false;
  if (!Array.isArray(kept.env) || !kept.env.every(([name, value]) => (process.env[name] ?? null) === value)) return false;
  if (typeof kept.facts !== 'string' || kept.facts !== replayFacts(cwd, process.env)) return false;
  if (typeof kept.files !== 'string' || !unchanged(kept.files, nodeStampFs, stampOrMissing)) return false;
  if (!entryUnchanged(entry, nodeStampFs)) return false;
  return Array.isArray(kept.writes) && Number.isInteger(kept.code) && typeof kept.failed === 'string';
}

function write(kept: Replay, streams: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }): number {
  // a closed pipe (`plans lint --cache | head -1`) ends the output quietly; any other failure is one line and exit 2, as in main.ts
  const failed = (err: NodeJS.ErrnoException): number => {
    if (err?.code === 'EPIPE') return 0;
    try {
      streams.stderr.write(`plans: ${kept.failed.replace('\u0000', err?.code ?? 'EIO')}\n`);
    } catch {
      // nowhere left to say it
    }
    return 2;
  };
  streams.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(failed(err)));
  try {
    for (const [fd, chunk] of kept.writes) (fd === 1 ? streams.stdout : streams.stderr).write(chunk);
  } catch (err) {
    // a file or device as standard output fails at once (/dev/full)
    return failed(err as NodeJS.ErrnoException);
  }
  return kept.code;
}

/** The cache file's text: a regular file of sensible size, else undefined. */
function readCache(abs: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > MAX_CACHE_BYTES) return undefined;
    return fs.readFileSync(fd, 'utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
