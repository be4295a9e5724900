/** Finds the YAML files under the given paths, in a stable order, without looping on symlinks. */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../types.js';
import { t } from '../i18n/index.js';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const YAML_FILE = /\.ya?ml$/i;
/** Files that are not plan files even though they are YAML. */
export const NOT_PLAN_FILES = new Set(['plans.config.yaml', 'plans.config.yml', '.pre-commit-hooks.yaml', '.pre-commit-config.yaml', '.gitlab-ci.yml']);

export interface Discovered {
  /** Absolute paths of the files to read. */
  files: string[];
  /** Folders that could not be listed (reported as findings by the caller). */
  unreadable: { abs: string; code: string }[];
  /** Symbolic links not followed: broken or looping (`code`), or leading out of the folders given (`outside`). */
  skippedLinks: { abs: string; code: string; target?: string }[];
}

export interface DiscoverOptions {
  /** Returns true for a path (relative to cwd, `/` separators) that the config ignores. */
  ignored?: (relPath: string) => boolean;
  cwd: string;
}

/** Expands paths to YAML files; a path that does not exist is a usage error. */
export function discover(paths: readonly string[], opts: DiscoverOptions): Discovered {
  const files = new Set<string>();
  const unreadable: Discovered['unreadable'] = [];
  const skippedLinks: Discovered['skippedLinks'] = [];
  const seenDirs = new Set<string>();
  // A file reached twice (through a link inside the tree) is read once, under the first name met.
  const seenFiles = new Set<string>();
  const addFile = (abs: string) => {
    const real = realOrSelf(abs);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.add(abs);
  };
  // A link is followed only while it stays inside a folder given on the command line: a
  // repository that reaches out of itself would be checked differently on every machine.
  const roots: string[] = [];
  const inside = (real: string) => roots.some((root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
  const rel = (abs: string) => toPosix(path.relative(opts.cwd, abs)) || '.';

  const walk = (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (err) {
      unreadable.push({ abs: dir, code: codeOf(err) });
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      unreadable.push({ abs: dir, code: codeOf(err) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (opts.ignored?.(rel(abs))) continue;
      let isDir = entry.isDirectory();
      const planName = YAML_FILE.test(entry.name) && !NOT_PLAN_FILES.has(entry.name);
      if (entry.isSymbolicLink()) {
        let real: string;
        try {
          const st = fs.statSync(abs);
          real = fs.realpathSync(abs);
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
        if (!SKIPPED_DIRS.has(entry.name)) walk(abs);
      } else if (planName) {
        // FIFOs, sockets and devices with a plan file's name are handed on too: the reader reports them instead of hanging on them
        addFile(abs);
      }
    }
  };

  const given: { abs: string; dir: boolean }[] = [];
  for (const p of paths) {
    const abs = path.resolve(opts.cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
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
  return { files: [...files], unreadable, skippedLinks };
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : 'EIO';
}
