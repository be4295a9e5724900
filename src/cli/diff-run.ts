/** `plans diff`: reads both sides as lint reads a repository, compares their models and writes the report; loaded only when the command runs. */
import fs from 'node:fs';
import path from 'node:path';
import { ignoreFilter, readConfig } from '../config/index.js';
import { diffReport, failsOn, type ChangeSeverity } from '../diff/index.js';
import { t } from '../i18n/index.js';
import { check, sortFindings } from '../lint.js';
import { codeOf } from '../load/discover.js';
import { startGitRevision } from '../load/git.js';
import type { Model } from '../model/types.js';
import { diffFormatters } from '../render/diff/index.js';
import { UsageError } from '../types.js';
import type { DiffCliOptions } from './diff.js';
import { makeChalk, parseSize, resolveLang, type CliEnv } from './env.js';
import { writeOutput } from './output.js';
import { Engine } from '../engine/index.js';
import { loadRepository } from './repository.js';

interface Side {
  label: string;
  model: Model;
  errorCount: number;
  /** Files read from disk (never written by --out). */
  inputs: string[];
}

/** Compares OLD with NEW and writes the report; 1 when --fail-on finds a change that bad, 2 (UsageError) when a side cannot be read. */
export async function runDiff(oldArg: string, newArg: string, opts: DiffCliOptions, cli: CliEnv): Promise<number> {
  const formatter = diffFormatters[opts.format];
  if (!formatter) throw new UsageError(t('cli/bad-format', { format: opts.format, allowed: Object.keys(diffFormatters).join(', ') }));
  const failOn = parseFailOn(opts.failOn);
  const { config } = readConfig(opts.config, cli.cwd);
  const lang = resolveLang(opts.lang, config.lang, cli.env);
  const prepared: PreparedSide[] = [];
  let old: Side;
  let next: Side;
  try {
    // one at a time: when NEW cannot be read, OLD (already started) must still be disposed of
    prepared.push(prepareSide(oldArg, 'OLD', opts, cli));
    prepared.push(prepareSide(newArg, 'NEW', opts, cli));
    // folders first: meanwhile git writes out the files of a git side
    const loaded: Side[] = [];
    for (const i of [0, 1].sort((a, b) => Number(prepared[a].git) - Number(prepared[b].git))) loaded[i] = await prepared[i].load();
    [old, next] = loaded;
  } finally {
    for (const side of prepared) side.dispose();
  }
  for (const [name, side] of [['OLD', old], ['NEW', next]] as const) {
    if (side.errorCount > 0) cli.stderr.write(t('diff/errors-note', { side: name, label: side.label, count: side.errorCount })[lang] + '\n');
  }
  const report = diffReport(oldArg, newArg, old.model, next.model);
  const chalk = makeChalk(opts.out === undefined ? opts.color : false, cli);
  writeOutput(cli, formatter(report, { lang, chalk }), opts.out, [...old.inputs, ...next.inputs]);
  return failOn && failsOn(report.counts, failOn) ? 1 : 0;
}

function parseFailOn(value: string | undefined): ChangeSeverity | undefined {
  if (value === undefined) return undefined;
  if (value !== 'error' && value !== 'warning') throw new UsageError(t('diff/bad-fail-on', { value }));
  return value;
}

/** A side whose argument has been checked (a git side's files listed, their contents on the way), to be loaded. */
interface PreparedSide {
  git: boolean;
  load(): Promise<Side>;
  dispose(): void;
}

/** One side: `git:REV` from git, else a folder read as `plans lint FOLDER` reads it. A side that cannot be read throws a UsageError here. */
function prepareSide(arg: string, name: 'OLD' | 'NEW', opts: DiffCliOptions, cli: CliEnv): PreparedSide {
  if (arg.startsWith('git:')) {
    const { config, findings: configFindings } = readConfig(opts.config, cli.cwd);
    const pending = startGitRevision({
      cwd: cli.cwd,
      rev: arg.slice('git:'.length),
      label: arg,
      // git itself needs the process's PATH and HOME, which the CLI's env need not carry
      env: { ...process.env, ...cli.env },
      ignored: ignoreFilter(config, cli.cwd),
      maxFileBytes: parseSize('--max-file-size', opts.maxFileSize),
    });
    return {
      git: true,
      async load() {
        const loaded = await pending.finish();
        if (loaded.files.length === 0) throw new UsageError(t('diff/no-files', { side: name, label: arg }));
        const result = check(loaded.files, loaded.findings, { rules: config.rules });
        const findings = sortFindings([...configFindings, ...result.findings]);
        return { label: arg, model: result.model, errorCount: findings.filter((f) => f.severity === 'error').length, inputs: [] };
      },
      dispose: pending.dispose,
    };
  }
  const abs = path.resolve(cli.cwd, arg);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch (err) {
    throw new UsageError(t('cli/path-missing', { path: arg, code: codeOf(err) }));
  }
  if (!stat.isDirectory()) throw new UsageError(t('diff/not-folder', { label: arg }));
  return {
    git: false,
    async load() {
      // every change is placed at its line: the texts are kept (not let go and read again)
      const repo = loadRepository([arg], cli, opts, 'numbers', new Engine({ ...cli.engine, cwd: cli.cwd, keepTexts: true }));
      if (repo.files.length === 0) throw new UsageError(t('diff/no-files', { side: name, label: arg }));
      return { label: arg, model: repo.model, errorCount: repo.errorCount, inputs: repo.files.map((f) => f.abs) };
    },
    dispose: () => undefined,
  };
}
