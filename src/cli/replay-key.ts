/**
 * What a kept output of `plans lint --cache` is told by, shared by the run that keeps it
 * (replay-record.ts) and the answer given before the rest of plans loads (replay.ts): light on
 * purpose (node:fs and a few small modules), as the second must start fast.
 */
import fs from 'node:fs';
import path from 'node:path';
import { findConfigFile } from '../config/find.js';
import type { StampFs } from '../engine/stamps.js';
import { CACHE_MAGIC } from '../engine/stamps.js';
import { ciRoot } from './ci-root.js';

/** The disk through node:fs, as stamps are taken of the files beside the repository (config, baseline, rule pages). */
export const nodeStampFs: StampFs = {
  stat: (abs) => fs.statSync(abs),
  readdir: (abs) => fs.readdirSync(abs, { withFileTypes: true }),
};

/** What tells one build of plans from another: the version and the built files' sizes and times (`root`: the package's folder). */
export function toolBuild(root: string): string {
  const parts = [CACHE_MAGIC];
  for (const file of [path.join(root, 'package.json'), path.join(root, 'dist', 'plans.cjs'), path.join(root, 'dist', 'cli', 'main.js'), path.join(root, 'dist', 'replay.cjs')]) {
    try {
      const st = fs.statSync(file);
      parts.push(`${path.basename(file)}:${st.size}:${st.mtimeMs}`);
    } catch {
      parts.push(`${path.basename(file)}:-`);
    }
  }
  return parts.join(' ');
}

interface Stream {
  isTTY?: boolean;
  columns?: number;
}

/** How plans was called: the arguments after `plans`, the folder, and whether each stream is a terminal (and how wide). */
export function replayCall(args: readonly string[], cwd: string, stdout: Stream, stderr: Stream): string {
  return JSON.stringify([args, cwd, stdout.isTTY === true, stdout.columns ?? null, stderr.isTTY === true]);
}

/** What the run found around it that is not a file it read: the config file the search finds, and the CI root. */
export function replayFacts(cwd: string, env: Record<string, string | undefined>): string {
  return JSON.stringify([findConfigFile(cwd) ?? null, ciRoot({ cwd, env })]);
}
