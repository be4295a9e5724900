/**
 * The plan files of a git revision, read with git itself (`rev-parse`, `ls-tree`, `cat-file
 * --batch`) from the repository that holds the current folder: the current folder as it was at that
 * revision (or, for `REV:PATH`, the folder PATH of that revision). Nothing touches the work tree or the index, and git may not reach the network (no lazy
 * fetch of a partial clone, no transport at all).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { t, type Localized } from '../i18n/index.js';
import { UsageError, type Finding } from '../types.js';
import { codeOf } from './discover.js';
import { NOT_PLAN_FILES, YAML_FILE } from './names.js';
import { parseBytes, placeless, DEFAULT_MAX_FILE_BYTES } from './index.js';
import { LineIndex, type SourceFile } from './source.js';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface GitLoadOptions {
  cwd: string;
  /** The revision as written after `git:`. */
  rev: string;
  /** How the side is named in messages (`git:origin/main`). */
  label: string;
  /** The environment git runs in (the CLI's process environment: PATH, HOME…). */
  env: Record<string, string | undefined>;
  ignored?: (relPath: string) => boolean;
  maxFileBytes?: number;
}

/** A revision being read: git writes the files' contents while the caller does other work. */
export interface PendingGitLoad {
  /** The files, parsed, once git is done; a failure of git is a usage error. */
  finish(): Promise<{ files: SourceFile[]; findings: Finding[] }>;
  /** Stops git and removes what it wrote (after `finish`, or instead of it). */
  dispose(): void;
}

/**
 * Lists the plan files of `rev` (at once: a revision that cannot be read throws here) and starts
 * `git cat-file --batch` for their contents, which runs beside whatever the caller does next (the
 * other side of a diff): its input and output are files in a temporary folder, not pipes that
 * would stall while this process is busy.
 */
export function startGitRevision(opts: GitLoadOptions): PendingGitLoad {
  const { label, rev } = opts;
  const git = gitRunner(opts);
  const top = git(['rev-parse', '--show-prefix']);
  if (top.status !== 0) throw new UsageError(t('diff/not-git', { label, reason: firstLine(top.stderr) }));
  // `git:REV:PATH` names a folder of the revision itself (git's own REV:PATH), not the current folder's place in it
  const prefix = rev.includes(':') ? '' : top.stdout.toString('utf8').trim();
  // a revision is never an option: `git:--output=x` must not reach git as one
  if (rev === '' || rev.startsWith('-') || /[\0\n]/.test(rev)) throw new UsageError(t('diff/bad-rev', { label, rev }));
  // after `:` all is a path, so `^{tree}` would be read as part of it: REV:PATH must name a tree itself
  const tree = git(['rev-parse', '--verify', '--quiet', rev.includes(':') ? rev : `${rev}^{tree}`]);
  if (tree.status !== 0) throw new UsageError(t('diff/bad-rev', { label, rev }));
  const treeId = tree.stdout.toString('utf8').trim();
  if (rev.includes(':') && git(['cat-file', '-t', treeId]).stdout.toString('utf8').trim() !== 'tree') throw new UsageError(t('diff/bad-rev', { label, rev }));
  const listing = git(['ls-tree', '-r', '-l', '-z', '--full-tree', treeId]);
  if (listing.status !== 0) throw new UsageError(t('diff/git-failed', { label, reason: firstLine(listing.stderr) }));

  const max = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const wanted: { rel: string; full: string; oid: string }[] = [];
  const findings: Finding[] = [];
  const files: SourceFile[] = [];
  for (const entry of listing.stdout.toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid, size] = entry.slice(0, tab).split(/ +/);
    const full = entry.slice(tab + 1);
    if (!full.startsWith(prefix)) continue;
    const rel = full.slice(prefix.length);
    if (type !== 'blob' || mode === '120000' || !isPlanPath(rel) || opts.ignored?.(rel)) continue;
    if (Number(size) > max) {
      files.push(emptyFile(rel, abs(opts, full)));
      findings.push(placeless(rel, 'yaml-syntax', t('load/too-large', { size: Number(size), max })));
      continue;
    }
    wanted.push({ rel, full, oid });
  }
  if (wanted.length === 0) return { finish: async () => ({ files, findings }), dispose: () => undefined };

  const batch = spawnBatch(opts, wanted.map((w) => w.oid).join('\n') + '\n');
  return {
    async finish() {
      const out = await batch.done;
      let at = 0;
      for (const w of wanted) {
        const eol = out.indexOf(10, at);
        if (eol < 0) throw new UsageError(t('diff/git-failed', { label, reason: 'cat-file' }));
        const header = out.subarray(at, eol).toString('utf8').split(' ');
        at = eol + 1;
        if (header[1] !== 'blob') {
          files.push(emptyFile(w.rel, abs(opts, w.full)));
          findings.push(placeless(w.rel, 'encoding', t('load/unreadable', { code: header[1] ?? 'missing' })));
          continue;
        }
        const size = Number(header[2]);
        const bytes = out.subarray(at, at + size);
        at += size + 1; // the content, then a newline
        const parsed = parseBytes(w.rel, abs(opts, w.full), bytes);
        files.push(parsed.file);
        findings.push(...parsed.findings);
      }
      return { files, findings };
    },
    dispose: batch.dispose,
  };
}

/** `git cat-file --batch` on `input`, its output going to a temporary file; `done` gives the output once git has ended well. */
function spawnBatch(opts: GitLoadOptions, input: string): { done: Promise<Buffer>; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-git-'));
  const inPath = path.join(dir, 'objects');
  const outPath = path.join(dir, 'contents');
  let child: ChildProcess | undefined;
  const dispose = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill();
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // a file still held open (not on Linux): the folder stays in the temporary folder, nothing else is harmed
    }
  };
  try {
    fs.writeFileSync(inPath, input);
    const inFd = fs.openSync(inPath, 'r');
    const outFd = fs.openSync(outPath, 'w');
    try {
      child = spawn('git', [...GIT_SETTINGS, 'cat-file', '--batch'], { cwd: opts.cwd, env: gitEnv(opts), stdio: [inFd, outFd, 'pipe'] });
    } finally {
      fs.closeSync(inFd);
      fs.closeSync(outFd);
    }
  } catch (err) {
    dispose();
    throw new UsageError(t('diff/git-failed', { label: opts.label, reason: codeOf(err) }));
  }
  const running = child;
  const done = new Promise<Buffer>((resolve, reject) => {
    let stderr = '';
    running.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString();
    });
    running.on('error', (err: NodeJS.ErrnoException) => reject(new UsageError(t('diff/git-failed', { label: opts.label, reason: err.code === 'ENOENT' ? 'git not found' : (err.code ?? 'error') }))));
    running.on('close', (code) => {
      if (code !== 0) return reject(new UsageError(t('diff/git-failed', { label: opts.label, reason: firstLine(stderr) })));
      try {
        resolve(fs.readFileSync(outPath));
      } catch (err) {
        reject(new UsageError(t('diff/git-failed', { label: opts.label, reason: codeOf(err) })));
      }
    });
  });
  // a side disposed of while git still runs (the other side failed first) abandons `done`: its
  // rejection then has no reader and must not surface as an unhandled rejection
  done.catch(() => undefined);
  return { done, dispose };
}

/** What discovery would read: a YAML file that is not a known tool file, outside hidden folders and node_modules. */
function isPlanPath(rel: string): boolean {
  const parts = rel.split('/');
  const name = parts[parts.length - 1];
  if (!YAML_FILE.test(name) || NOT_PLAN_FILES.has(name)) return false;
  return parts.slice(0, -1).every((dir) => !dir.startsWith('.') && !SKIPPED_DIRS.has(dir));
}

/** A name for the file that is no path on disk (so that `--out` and re-reads never take it for one). */
function abs(opts: GitLoadOptions, full: string): string {
  return `git:${opts.rev}:${full}`;
}

function emptyFile(rel: string, absName: string): SourceFile {
  return { path: rel, abs: absName, text: '', encoding: 'utf-8', lines: new LineIndex(''), docs: [] };
}

function firstLine(bytes: Buffer | string | null | undefined): string {
  const text = (bytes ?? '').toString().trim().split('\n')[0];
  return text.replace(/^(fatal|error): /, '').slice(0, 200) || 'git';
}

type GitResult = { status: number | null; stdout: Buffer; stderr: Buffer };

/** No transport at all (a partial clone's lazy fetch included): git reads what the clone has, or fails. */
const GIT_SETTINGS = ['-c', 'protocol.allow=never', '-c', 'core.quotePath=false'];

function gitEnv(opts: GitLoadOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.env)) if (v !== undefined) env[k] = v;
  return Object.assign(env, { GIT_NO_LAZY_FETCH: '1', GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' });
}

/** Runs git in the current folder, with no network, no prompts and no optional locks. */
function gitRunner(opts: GitLoadOptions): (args: string[], input?: string) => GitResult {
  const env = gitEnv(opts);
  return (args, input) => {
    const r = spawnSync('git', [...GIT_SETTINGS, ...args], {
      cwd: opts.cwd,
      env,
      input,
      maxBuffer: Infinity,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    if (r.error) {
      const code = (r.error as NodeJS.ErrnoException).code ?? 'error';
      throw new UsageError(t('diff/git-failed', { label: opts.label, reason: code === 'ENOENT' ? 'git not found' : code }) as Localized);
    }
    return { status: r.status, stdout: r.stdout as Buffer, stderr: r.stderr as Buffer };
  };
}
