/**
 * The last arrow of the flow: write a report to stdout or to `--out` (cli.md, "Options every command takes").
 * An ordinary file is replaced atomically (a temporary file beside it, then rename); a symbolic link is
 * written through to its target; a FIFO or device is written to directly; a directory or a file the
 * run read is refused. `-` is standard output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { t } from '../i18n/index.js';
import { UsageError } from '../types.js';
import { codeOf } from '../load/discover.js';
import type { CliEnv } from './env.js';

/** What is written: a text, bytes, or a text in pieces (longer than the longest string, about 512 MB). */
type Content = string | Uint8Array | Iterable<string>;

/** Symbolic links followed before giving up (a loop, or a chain longer than any real one). */
const MAX_LINKS = 40;

/**
 * Writes `content` to `out`, or to stdout when `out` is undefined or `-`. Refuses (UsageError,
 * exit 2) a directory and any of `inputs` (every file the run read); any failure to write is
 * one line and exit 2, and an ordinary file is never left half-written.
 */
export function writeOutput(cli: CliEnv, content: Content, out: string | undefined, inputs: Iterable<string> = []): void {
  if (out === undefined || out === '-') {
    writeStdout(cli, content);
    return;
  }
  const abs = path.resolve(cli.cwd, out);
  // stat follows links, as opening does (/dev/stdout → /proc/self/fd/1 → a pipe)
  const stat = statOrUndefined(abs);
  if (stat?.isDirectory()) throw new UsageError(t('cli/out-is-dir', { path: out }));
  const real = realOrSelf(abs);
  for (const input of inputs) {
    if (realOrSelf(input) === real) throw new UsageError(t('cli/out-is-input', { path: out }));
  }
  if (stat && !stat.isFile()) {
    // this process's own standard output (/dev/stdout, /proc/self/fd/1): through the stream, as a socket cannot be opened by name
    if (isStdout(stat)) {
      writeStdout(cli, content);
      return;
    }
    // a FIFO, a device (/dev/null, a terminal): written to as it is, never replaced
    try {
      const fd = fs.openSync(abs, 'w');
      try {
        writeAll(fd, content);
      } finally {
        fs.closeSync(fd);
      }
    } catch (err) {
      throw new UsageError(t('cli/out-failed', { path: out, code: codeOf(err) }));
    }
    return;
  }
  // an ordinary file is replaced where it really is, so that a link to it stays a link; a dangling link is written through
  replaceAtomically(stat ? real : followLinks(abs, out), content, stat?.mode, out);
}

/**
 * Standard output: a stream that is already closed is an error (one line, exit 2); errors that come
 * later, asynchronously, are handled where process.stdout is guarded (main.ts).
 */
function writeStdout(cli: CliEnv, content: Content): void {
  const out = cli.stdout as NodeJS.WritableStream & { destroyed?: boolean; writableEnded?: boolean };
  if (out.destroyed || out.writableEnded) throw new UsageError(t('cli/stdout-failed', { code: 'EBADF' }));
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) out.write(content);
    else for (const piece of content) out.write(piece);
  } catch (err) {
    if (codeOf(err) === 'EPIPE') return;
    throw new UsageError(t('cli/stdout-failed', { code: codeOf(err) }));
  }
}

/**
 * A text made of pieces (a document longer than the longest string): written piece by piece, to
 * standard output or to `--out`, never joined; write errors as in writeOutput.
 */
export function writePieces(cli: CliEnv, pieces: Iterable<string>, out: string | undefined, inputs: Iterable<string> = []): void {
  writeOutput(cli, pieces, out, inputs);
}

/** Writes all of `content` at the file descriptor's position. */
function writeAll(fd: number, content: Content): void {
  if (typeof content === 'string' || content instanceof Uint8Array) fs.writeFileSync(fd, content);
  else for (const piece of content) fs.writeFileSync(fd, piece);
}

/** The path a chain of symbolic links ends at (which may not exist yet: a dangling link is written through). */
function followLinks(abs: string, shown: string): string {
  let current = abs;
  for (let i = 0; i < MAX_LINKS; i++) {
    let link: string;
    try {
      if (!fs.lstatSync(current).isSymbolicLink()) return current;
      link = fs.readlinkSync(current);
    } catch (err) {
      if (codeOf(err) === 'ENOENT') return current;
      throw new UsageError(t('cli/out-failed', { path: shown, code: codeOf(err) }));
    }
    current = path.resolve(path.dirname(current), link);
  }
  throw new UsageError(t('cli/out-failed', { path: shown, code: 'ELOOP' }));
}

/**
 * Replaces an input file with new bytes (`plans lint --fix`): where it really is (a link to it stays a
 * link), keeping its mode, atomically as `--out` does. A failure is one line (exit 2) and leaves the
 * file as it was.
 */
export function replaceFile(abs: string, content: Uint8Array, shown: string): void {
  const real = realOrSelf(abs);
  let mode: number;
  try {
    mode = fs.statSync(real).mode;
  } catch (err) {
    throw new UsageError(t('cli/out-failed', { path: shown, code: codeOf(err) }));
  }
  replaceAtomically(real, content, mode, shown);
}

/** Signals that end a run while a temporary file exists: it is removed first. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * A temporary file in the target's folder, opened exclusively and given the mode the output has
 * (or would get), written, then renamed over the target. A signal during the write is held until the
 * temporary file is gone, then ends the process as it would have.
 */
function replaceAtomically(target: string, content: Content, existingMode: number | undefined, shown: string): void {
  // opened with O_EXCL below, so the name need only be unlikely to be taken (node:crypto would cost ~6 ms of every start)
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Math.floor(Math.random() * 2 ** 48).toString(16).padStart(12, '0')}.tmp`);
  let created = false;
  const cleanup = () => {
    if (!created) return;
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing was left to remove
    }
    created = false;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    // a new file gets what the umask leaves of rw-rw-rw-, as any other; a replaced one keeps its mode
    const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, existingMode === undefined ? 0o666 : 0o600);
    created = true;
    try {
      if (existingMode !== undefined) fs.fchmodSync(fd, existingMode & 0o7777);
      writeAll(fd, content);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
    created = false;
  } catch (err) {
    cleanup();
    throw new UsageError(t('cli/out-failed', { path: shown, code: codeOf(err) }));
  } finally {
    // a signal that came during the write is dispatched on the next turn of the event loop: keep the handler till then
    setImmediate(() => {
      for (const s of SIGNALS) process.removeListener(s, onSignal);
    }).unref();
  }
}

function isStdout(stat: fs.Stats): boolean {
  try {
    const own = fs.fstatSync(1);
    return own.dev === stat.dev && own.ino === stat.ino && !own.isFile();
  } catch {
    return false;
  }
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
