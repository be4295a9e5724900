/** What the report commands (gaps, table, compile) share: their options, the repository as lint sees it, and the note about errors. */
import type { Command } from 'commander';
import { t, type Lang } from '../i18n/index.js';
import type { CheckResult } from '../lint.js';
import { Engine } from '../engine/index.js';
import type { Positions } from '../findings/index.js';
import { UsageError } from '../types.js';
import { closest } from '../util/closest.js';
import { collect, helpText, parseSize, resolveLang, type CliEnv } from './env.js';

export interface Repository extends CheckResult {
  /** Where a file's lines start, to place its findings at the edge (config file included). */
  positionsOf(file: string): Positions | undefined;
  /** The errors `plans lint` would report (config, suppression and settings applied). */
  errorCount: number;
  /** The language the config asks for, if any. */
  configLang?: Lang;
  /** Every file read (plan files and the config in force): what --out must never replace. */
  inputs: string[];
}

export interface RepositoryOptions {
  config?: string;
  maxFileSize?: string;
}

/** The options every report command takes, beside its format list. */
export interface ReportCliOptions extends RepositoryOptions {
  format: string;
  out?: string;
  lang?: string;
  city?: string[];
  asOf?: string;
  color?: boolean;
  /** `--attachment N` (docx): 附件N above the title. */
  attachment?: string;
}

/** Adds the options of a report command (format, out, lang, city, as-of, colour, config, size limit). */
export function reportOptions(command: Command, cli: CliEnv, formats: string[], defaultFormat: string): Command {
  const h = helpText(cli);
  return repositoryOptions(
    command
      .option('-f, --format <format>', h('report-format', { formats: formats.join(', ') }), defaultFormat)
      .option('-o, --out <file>', h('report-out'))
      .option('--lang <lang>', h('lang-report'))
      .option('--city <id>', h('city'), collect)
      .option('--as-of <date>', h('as-of'))
      .option('--attachment <n>', h('attachment'))
      .option('--no-color', h('no-color')),
    cli,
  );
}

/** `--attachment N`: a whole number from 1, for the docx format only. */
export function parseAttachment(opts: { attachment?: string }, docx: boolean): number | undefined {
  if (opts.attachment === undefined) return undefined;
  if (!docx) throw new UsageError(t('office/attachment-needs-docx'));
  if (!/^[1-9]\d{0,3}$/.test(opts.attachment)) throw new UsageError(t('office/bad-attachment', { value: opts.attachment }));
  return Number(opts.attachment);
}

/** Adds the options that choose how the repository is read: config and size limit. */
export function repositoryOptions(command: Command, cli: CliEnv): Command {
  const h = helpText(cli);
  return command
    .option('-c, --config <file>', h('config'))
    .option('--max-file-size <size>', h('max-file-size'));
}

/**
 * Reads and checks everything under `paths` as `plans lint` would (config, ignore globs, inline
 * suppression); a file that cannot be parsed contributes nothing to the model.
 */
export function loadRepository(paths: string[], cli: CliEnv, opts: RepositoryOptions = {}, texts: 'numbers' | 'all' = 'numbers', engine: Engine = new Engine({ ...cli.engine, cwd: cli.cwd })): Repository {
  const maxFileBytes = parseSize('--max-file-size', opts.maxFileSize);
  const run = engine.repository({ paths, config: opts.config, maxFileBytes }, texts);
  const configFile = run.config.file;
  const positionsOf = engine.positions(configFile ? [configFile, ...run.files] : run.files);
  const inputs = [...run.files.map((f) => f.abs), ...(configFile ? [configFile.abs] : [])];
  return { files: run.files, model: run.model, findings: run.findings, positionsOf, errorCount: run.errorCount, configLang: run.config.config.lang, inputs };
}

/** --lang, else the config's, else the environment's. */
export function reportLang(opts: { lang?: string }, repo: Repository, cli: CliEnv): Lang {
  return resolveLang(opts.lang, repo.configLang, cli.env);
}

/** Refuses a --city that names no city of the repository, suggesting the closest. */
export function checkCities(requested: string[] | undefined, known: string[]): void {
  for (const city of requested ?? []) {
    if (known.includes(city)) continue;
    const suggestion = closest(city, known);
    throw new UsageError(suggestion ? t('cli/bad-city-suggest', { city, suggestion }) : t('cli/bad-city', { city, allowed: known.join(', ') || '—' }));
  }
}

/** The one line on stderr that says a report was made from a repository with errors. */
export function noteErrors(repo: Repository, cli: CliEnv, lang: Lang): void {
  if (repo.errorCount > 0) cli.stderr.write(t('report/errors-note', { count: repo.errorCount })[lang] + '\n');
}
