/**
 * `plans lint --fix` and `--fix-dry-run` (cli.md): the fixes of the engine (engine/fix.ts) written
 * back, or shown as a unified diff; then the lint of what is left, as `plans lint` prints it.
 */
import fs from 'node:fs';
// jsdiff: the hunks of a unified diff (Myers on lines, context, counts) as git and patch read them
import { structuredPatch } from 'diff';
import { Engine } from '../engine/index.js';
import { fixFiles, sameBytes, type FixedFile } from '../engine/fix.js';
import { t } from '../i18n/index.js';
import { UsageError } from '../types.js';
import { parseSize, resolveLang, type CliEnv } from './env.js';
import type { LintCliOptions, pairOutputs, runLint } from './lint.js';
import { replaceFile } from './output.js';
import { codeOf } from '../load/discover.js';

/** What fix and watch use of lint.ts, handed in (lint.ts registers them: no import cycle). */
export interface LintFunctions {
  runLint: typeof runLint;
  pairOutputs: typeof pairOutputs;
}

/** Runs `plans lint --fix` (or `--fix-dry-run` with `dryRun`) and returns the exit status of what is left. */
export async function runFix(paths: string[], opts: LintCliOptions, cli: CliEnv, dryRun: boolean, { runLint, pairOutputs }: LintFunctions): Promise<number> {
  const engine = new Engine({ ...cli.engine, cwd: cli.cwd });
  const config = engine.config(opts.config);
  const lang = resolveLang(opts.lang, config.config.lang, cli.env);
  // every argument is checked before anything is written
  const outputs = pairOutputs(opts.format ?? [], opts.out ?? [], opts.order);
  const maxFileBytes = parseSize('--max-file-size', opts.maxFileSize);
  const run = fixFiles(engine, { paths, maxFileBytes }, config);
  for (const r of run.refused) cli.stderr.write(t('fix/refused', { path: r.path, reason: r.reason })[lang] + '\n');
  const fixes = run.files.reduce((n, f) => n + f.applied, 0);
  if (dryRun) {
    // JSON on standard output carries each fixed text (ESLint's `output`); otherwise the diff is standard output, and the report of what is left goes to standard error
    const jsonToStdout = outputs.some((o) => o.format === 'json' && (o.out === undefined || o.out === '-'));
    if (!jsonToStdout) for (const f of run.files) cli.stdout.write(unifiedDiff(f));
    cli.stderr.write(t('fix/summary-dry-run', { fixes, files: run.files.length })[lang] + '\n');
    const after = new Engine({ ...cli.engine, cwd: cli.cwd, fs: run.fs });
    const fixed = run.files.map((f) => ({ file: f.path, fixCount: f.applied, output: f.text }));
    return runLint(paths, opts, jsonToStdout ? cli : { ...cli, stdout: cli.stderr as CliEnv['stdout'] }, after, { fixed });
  }
  let written = 0;
  let writtenFiles = 0;
  for (const f of run.files) {
    // never over a file that changed on disk since it was read
    let now: Uint8Array;
    try {
      now = fs.readFileSync(f.abs);
    } catch (err) {
      throw new UsageError(t('cli/out-failed', { path: f.path, code: codeOf(err) }));
    }
    if (!sameBytes(now, f.original)) {
      cli.stderr.write(t('fix/changed-on-disk', { path: f.path })[lang] + '\n');
      continue;
    }
    try {
      replaceFile(f.abs, f.bytes, f.path);
    } catch (err) {
      if (written > 0) cli.stderr.write(t('fix/summary', { fixes: written, files: writtenFiles })[lang] + '\n');
      throw err;
    }
    written += f.applied;
    writtenFiles++;
    // a turn of the event loop: the writer's signal handlers of this file are let go before the next
    await new Promise((resolve) => setImmediate(resolve));
  }
  cli.stderr.write(t('fix/summary', { fixes: written, files: writtenFiles })[lang] + '\n');
  return runLint(paths, opts, cli, new Engine({ ...cli.engine, cwd: cli.cwd }));
}

/**
 * The edits of one file as a unified diff (`--- a/PATH`, `+++ b/PATH`, hunks with 3 lines of
 * context), as `git apply` and `patch -p1` take it; lines keep their own ends (CRLF stays CRLF).
 */
export function unifiedDiff(f: Pick<FixedFile, 'path' | 'originalText' | 'text'>): string {
  const patch = structuredPatch(`a/${f.path}`, `b/${f.path}`, f.originalText, f.text, undefined, undefined, { context: 3 });
  if (patch.hunks.length === 0) return '';
  let out = `--- a/${f.path}\n+++ b/${f.path}\n`;
  for (const h of patch.hunks) {
    out += `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n`;
    for (const line of h.lines) out += line + '\n';
  }
  return out;
}

function range(start: number, lines: number): string {
  return lines === 1 ? String(start) : `${start},${lines}`;
}
