/**
 * The folder CI formats name files from (github, gitlab, sarif, junit): the repository's root, so that
 * `plans lint` run from a subfolder still annotates the right lines. GITHUB_WORKSPACE or CI_PROJECT_DIR
 * when set, else the top of the git work tree around the current folder, else the current folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CliEnv } from './env.js';

export function ciRoot(cli: Pick<CliEnv, 'cwd' | 'env'>): string {
  for (const name of ['GITHUB_WORKSPACE', 'CI_PROJECT_DIR']) {
    const value = cli.env[name];
    if (value) return path.resolve(cli.cwd, value);
  }
  return gitTop(cli.cwd) ?? cli.cwd;
}

/** The nearest folder at or above `cwd` holding `.git` (a folder, or the file of a linked work tree or submodule). */
function gitTop(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    try {
      fs.statSync(path.join(dir, '.git'));
      return dir;
    } catch {
      // not here
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
