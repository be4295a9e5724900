/**
 * Where plans.config.yaml is looked for. Apart from the rest of the config code: `plans lint
 * --cache` answers from its results before loading that (src/cli/replay.ts) and must find the same file.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CONFIG_NAMES = ['plans.config.yaml', 'plans.config.yml'] as const;

/**
 * The nearest plans.config.yaml in `cwd` or one of its parents, like ESLint's and yamllint's, up to
 * the repository's root (the folder holding `.git`, as yamllint and markdownlint-cli2 stop): a config
 * in some folder above the repository does not apply to it.
 */
export function findConfigFile(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    if (exists(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
