/** Finds the YAML files under the given paths, in a stable order, without looping on symlinks. */
import path from 'node:path';
import { UsageError } from '../types.js';
import { t } from '../i18n/index.js';
import { NodeFileSystem, type DirEntry, type FileStat, type FileSystem } from './fs.js';
import { NOT_PLAN_FILES, YAML_FILE } from './names.js';

export { NOT_PLAN_FILES, YAML_FILE };

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface Discovered {
  /** Absolute paths of the files to read. */
  files: string[];
  /** Those of `files` that the folder listing showed as plain regular files (not links): the reader need not stat them first. */
  regular: Set<string>;
  /** Folders that could not be listed (reported as findings by the caller). */
  unreadable: { abs: string; code: string }[];
  /** Symbolic links not followed: broken or looping (`code`), or leading out of the folders given (`outside`). */
  skippedLinks: { abs: string; code: string; target?: string }[];
  /** The folders listed, as walked (a results cache tells by their times that no entry came or went). */
  dirs: string[];
}

export interface DiscoverOptions {
  /** What to read through (default: the disk). */
  fs?: FileSystem;
  /** Returns true for a path (relative to cwd, `/` separators) that the config ignores. */
  ignored?: (relPath: string) => boolean;
  cwd: string;
}

/** Expands paths to YAML files; a path that does not exist is a usage error. */
export function discover(paths: readonly string[], opts: DiscoverOptions): Discovered {
  const fs = opts.fs ?? new NodeFileSystem();
  const realOrSelf = (p: string) => {
    try {
      const real = fs.realpath(p);
      // a real path of bytes that are not UTF-8 is kept as shown
      return !real.includes('\ufffd') ? real : p;
    } catch {
      return p;
    }
  };
  const files = new Set<string>();
  const unreadable: Discovered['unreadable'] = [];
  const skippedLinks: Discovered['skippedLinks'] = [];
  const seenDirs = new Set<string>();
  const dirs: string[] = [];
  // A file reached twice (through a link inside the tree) is read once, under the first name met.
  const seenFiles = new Set<string>();
  const regular = new Set<string>();
  // `real` is known without a system call for a plain entry of a folder whose real path is known.
  const addFile = (abs: string, real = realOrSelf(abs)) => {
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.add(abs);
  };
  // A link is followed only while it stays inside a folder given on the command line: a
  // repository that reaches out of itself would be checked differently on every machine.
  const roots: string[] = [];
  const inside = (real: string) => roots.some((root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
  const rel = (abs: string) => toPosix(path.relative(opts.cwd, abs)) || '.';

  // `known` is the real path of a folder met as a plain entry of a folder whose real path is known
  const walk = (dir: string, known?: string) => {
    let realDir: string;
    try {
      realDir = known ?? fs.realpath(dir);
    } catch (err) {
      unreadable.push({ abs: dir, code: codeOf(err) });
      return;
    }
    if (seenDirs.has(realDir)) return;
    seenDirs.add(realDir);
    let entries: DirEntry[];
    try {
      entries = fs.readdir(dir);
    } catch (err) {
      unreadable.push({ abs: dir, code: codeOf(err) });
      return;
    }
    dirs.push(dir);
    // `dir` is absolute and normalized, and a listed name has no separator: no need for path.join's work
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    const realPrefix = realDir.endsWith(path.sep) ? realDir : realDir + path.sep;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = prefix + entry.name;
      if (opts.ignored?.(rel(abs))) continue;
      let isDir = entry.isDirectory();
      const planName = YAML_FILE.test(entry.name) && !NOT_PLAN_FILES.has(entry.name);
      // A plain entry's real path is its folder's real path and its name: one realpath per link and per
      // folder given, not per file or folder.
      let real = realPrefix + entry.name;
      const link = entry.isSymbolicLink();
      if (link) {
        try {
          const st = fs.stat(abs);
          real = fs.realpath(abs);
          isDir = st.isDirectory();
        } catch (err) {
          // a dangling or looping link names nothing to read; say so when it looks like a plan file
          if (planName) skippedLinks.push({ abs, code: codeOf(err) });
          continue;
        }
        if (!inside(real) && (isDir || planName)) {
          skippedLinks.push({ abs, code: 'outside', target: real });
          continue;
        }
      }
      if (isDir) {
        // Hidden folders (.git, .github, .vscode…) hold tool settings and CI workflows, not plans; a
        // hidden folder named on the command line is still walked (that happens in `given` below).
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(abs, link ? undefined : real);
      } else if (planName) {
        // FIFOs, sockets and devices with a plan file's name are handed on too: the reader reports them instead of hanging on them
        addFile(abs, real);
        if (entry.isFile()) regular.add(abs);
      }
    }
  };

  const given: { abs: string; dir: boolean }[] = [];
  for (const p of paths) {
    const abs = path.resolve(opts.cwd, p);
    let st: FileStat;
    try {
      st = fs.stat(abs);
    } catch (err) {
      throw new UsageError(t('cli/path-missing', { path: p, code: codeOf(err) }));
    }
    given.push({ abs, dir: st.isDirectory() });
    if (st.isDirectory()) roots.push(realOrSelf(abs));
  }
  for (const { abs, dir } of given) {
    if (dir) walk(abs);
    else addFile(abs);
  }
  return { files: [...files], regular, unreadable, skippedLinks, dirs };
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : 'EIO';
}
