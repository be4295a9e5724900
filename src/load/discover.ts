/** Finds the YAML files under the given paths, in a stable order, without looping on symlinks. */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../types.js';
import { t } from '../i18n/index.js';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const YAML_FILE = /\.ya?ml$/i;
/** Files that are not plan files even though they are YAML. */
const NOT_PLAN_FILES = new Set(['plans.config.yaml', 'plans.config.yml', '.pre-commit-hooks.yaml', '.pre-commit-config.yaml', '.gitlab-ci.yml']);

export interface Discovered {
  /** Absolute paths of the files to read. */
  files: string[];
  /** Folders that could not be listed (reported as findings by the caller). */
  unreadable: { abs: string; code: string }[];
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
  const seenDirs = new Set<string>();
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
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = fs.statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link names nothing to read
        }
      }
      if (isDir) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(abs);
      } else if (isFile && YAML_FILE.test(entry.name) && !NOT_PLAN_FILES.has(entry.name)) {
        files.add(abs);
      }
    }
  };

  for (const p of paths) {
    const abs = path.resolve(opts.cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (err) {
      throw new UsageError(t('cli/path-missing', { path: p, code: codeOf(err) }));
    }
    if (st.isDirectory()) walk(abs);
    else files.add(abs);
  }
  return { files: [...files], unreadable };
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : 'EIO';
}
