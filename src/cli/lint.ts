/**
 * `plans lint [PATH...]`: every finding of the catalogue, in one or more formats; exit 1 on errors.
 * Named files are linted in context: the repository around them (the folder holding the campaign)
 * is loaded and checked as a whole, and the findings of the named files are reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import type { Command } from 'commander';
import { filterByBaseline, lineTextOf, parseBaseline, writeBaseline } from '../baseline/index.js';
import { Engine } from '../engine/index.js';
import { t } from '../i18n/index.js';
import { diagnose, type Finding } from '../findings/index.js';
import { toPosix } from '../load/discover.js';
import type { SourceFile } from '../load/source.js';
import { isLintFormat, lintFormatters, type LintFormat } from '../render/lint/index.js';
import { countFindings, type FormatContext } from '../render/lint/types.js';
import { outputWidth } from '../render/wrap.js';
import { UsageError } from '../types.js';
import { collect, helpText, makeChalk, parseCount, parseSize, resolveLang, type CliEnv } from './env.js';
import { writeOutput } from './output.js';
import { packageFile } from './schema.js';
import { ciRoot } from './ci-root.js';
import { DEFAULT_CACHE_LOCATION, openCache, saveCache } from './cache.js';
import { RunRecorder } from './replay-record.js';
import { replayCall, replayFacts } from './replay-key.js';
import { readRegularFile, refusal } from '../load/regular.js';
import { runFix } from './fix.js';
import { runWatch } from './watch.js';

export interface LintCliOptions {
  format?: string[];
  out?: string[];
  lang?: string;
  color?: boolean;
  quiet?: boolean;
  maxWarnings?: string;
  config?: string;
  baseline?: string;
  writeBaseline?: string;
  maxFileSize?: string;
  cache?: boolean;
  cacheLocation?: string;
  /** The order in which --format and --out were given. */
  order?: OutputFlag[];
  fix?: boolean;
  fixDryRun?: boolean;
  watch?: boolean;
}

/** Adds `plans lint` to the program. */
export function registerLint(program: Command, cli: CliEnv, setCode: (code: number) => void): void {
  const h = helpText(cli);
  // The order of --format and --out on the command line pairs them; commander keeps only the values.
  const order: OutputFlag[] = [];
  const command = program.command('lint');
  command.on('option:format', () => order.push('format'));
  command.on('option:out', () => order.push('out'));
  command
    .description(h('lint'))
    .argument('[paths...]', h('lint-paths'))
    .option('-f, --format <format>', h('lint-format', { formats: Object.keys(lintFormatters).join(', ') }), collect)
    .option('-o, --out <file>', h('lint-out'), collect)
    .option('--lang <lang>', h('lang-messages'))
    .option('--no-color', h('no-color'))
    .option('-q, --quiet', h('lint-quiet'))
    .option('--max-warnings <n>', h('lint-max-warnings'))
    .option('-c, --config <file>', h('config'))
    .option('--baseline <file>', h('lint-baseline'))
    .option('--write-baseline <file>', h('lint-write-baseline'))
    .option('--max-file-size <size>', h('max-file-size'))
    .option('--cache', h('lint-cache'))
    .option('--cache-location <file>', h('lint-cache-location'))
    .option('--fix', h('lint-fix'))
    .option('--fix-dry-run', h('lint-fix-dry-run'))
    .option('--watch', h('lint-watch'))
    .action(async (paths: string[], opts: LintCliOptions) => {
      const all = { ...opts, order };
      const lint = { runLint, pairOutputs };
      const given = (['fix', 'fixDryRun', 'watch'] as const).filter((k) => all[k]);
      if (given.length > 1) throw new UsageError(t('commander/conflict', { option: flagOf(given[0]), other: flagOf(given[1]) }));
      if (all.watch) setCode(await runWatch(paths, all, cli, lint));
      else if (all.fix || all.fixDryRun) setCode(await runFix(paths, all, cli, all.fixDryRun === true, lint));
      else setCode(runLint(paths, all, cli));
    });
}

function flagOf(key: 'fix' | 'fixDryRun' | 'watch'): string {
  return { fix: '--fix', fixDryRun: '--fix-dry-run', watch: '--watch' }[key];
}

interface Output {
  format: LintFormat;
  out?: string;
}

type OutputFlag = 'format' | 'out';

/**
 * Pairs `--format` and `--out`: each --out belongs to the --format before it (a single --format and
 * --out pair in any order); a format without --out goes to stdout, and only one may.
 */
export function pairOutputs(formats: string[], outs: string[], order?: OutputFlag[]): Output[] {
  const list: LintFormat[] = [];
  for (const format of formats.length ? formats : ['stylish']) {
    if (!isLintFormat(format)) throw new UsageError(t('cli/bad-format', { format, allowed: Object.keys(lintFormatters).join(', ') }));
    list.push(format);
  }
  let outputs: Output[];
  if (list.length <= 1 || !order || order.length !== formats.length + outs.length) {
    if (outs.length > list.length) throw new UsageError(t('lint/out-without-format', { count: outs.length, formats: list.length }));
    outputs = list.map((format, i) => ({ format, out: outs[i] }));
  } else {
    outputs = [];
    let f = 0;
    let o = 0;
    for (const flag of order) {
      if (flag === 'format') {
        outputs.push({ format: list[f++] });
        continue;
      }
      const last = outputs[outputs.length - 1];
      if (!last || last.out !== undefined) throw new UsageError(t('lint/out-without-format', { count: outs.length, formats: list.length }));
      last.out = outs[o++];
    }
  }
  const toStdout = outputs.filter((x) => x.out === undefined);
  if (toStdout.length > 1) throw new UsageError(t('lint/many-to-stdout', { formats: toStdout.map((x) => x.format).join(', ') }));
  return outputs;
}

/** Runs `plans lint` and returns the exit status: 0 clean, 1 errors or too many warnings. */
export function runLint(paths: string[], opts: LintCliOptions, cli: CliEnv, engine: Engine = new Engine({ ...cli.engine, cwd: cli.cwd }), extra: Pick<FormatContext, 'fixed'> = {}): number {
  const cached = opts.cache === true || opts.cacheLocation !== undefined;
  // --cache: what this call reads and prints is recorded, to be kept with its findings (replay.ts answers the same call next time)
  const recorder = cached && replayable(opts, cli, extra) ? new RunRecorder(cli) : undefined;
  const base = cli;
  if (recorder) cli = recorder.cli;
  const loadedConfig = engine.config(opts.config);
  const config = loadedConfig.config;
  const lang = resolveLang(opts.lang, config.lang, cli.env);
  const outputs = pairOutputs(opts.format ?? [], opts.out ?? [], opts.order);
  const maxWarnings = parseCount('--max-warnings', opts.maxWarnings);
  const baseline = opts.baseline === undefined ? undefined : readBaseline(opts.baseline, cli);
  const maxFileBytes = parseSize('--max-file-size', opts.maxFileSize);
  const cacheLocation = opts.cacheLocation ?? DEFAULT_CACHE_LOCATION;
  const cache = cached ? openCache(cacheLocation, cli) : undefined;
  const run = engine.lint({ paths, maxFileBytes, cache }, loadedConfig);
  const { files, namedFiles, findings: current, inputs: read, lone } = run;
  // every file the run read, which --out and --write-baseline must never replace
  const inputs = [...read, ...(loadedConfig.file ? [loadedConfig.file.abs] : []), ...(baseline ? [baseline.abs] : [])];
  if (lone.length > 0) cli.stderr.write(t('lint/alone', { files: lone.map((abs) => toPosix(path.relative(cli.cwd, abs)) || '.').join(', ') })[lang] + '\n');
  const configFile = loadedConfig.file;
  // the texts the baseline and the edge need are read again here, explicitly, and only for findings
  const sources = configFile ? [configFile, ...files] : files;
  const positionsOf = engine.positions(sources);
  const byPath = new Map(sources.map((f) => [f.path, f]));
  const sourceOf = (p: string) => {
    const file = byPath.get(p);
    if (file) engine.restore(file);
    return file;
  };

  if (opts.writeBaseline !== undefined) {
    const abs = path.resolve(cli.cwd, opts.writeBaseline);
    writeOutput(cli, writeBaseline(current, withSources(current, sourceOf), cli.cwd, path.dirname(abs)), opts.writeBaseline, [...files.map((f) => f.abs), ...inputs.slice(read.length)]);
    cli.stderr.write(t('baseline/written', { count: current.length, path: opts.writeBaseline })[lang] + '\n');
  }
  let reported = current;
  if (baseline) {
    const filtered = filterByBaseline(current, baseline.baseline, withSources(current, sourceOf), cli.cwd, path.dirname(baseline.abs));
    reported = filtered.findings;
    if (filtered.matched > 0 || filtered.fixed > 0) cli.stderr.write(t('baseline/note', { matched: filtered.matched, fixed: filtered.fixed })[lang] + '\n');
  }

  // the edge: lines and columns, and the words of the messages
  const placed = diagnose(reported, positionsOf, cli.messages);
  const fileList = namedFiles.map((f) => f.path);
  const all = countFindings(placed, namedFiles.length, fileList);
  const shown = opts.quiet ? countFindings(placed.filter((f) => f.severity === 'error'), all.fileCount, fileList) : all;
  const docs = new Map<string, string | undefined>();
  const ctx: Omit<FormatContext, 'chalk'> = {
    lang,
    cwd: cli.cwd,
    contentOf: (f) => lineTextOf(f, sourceOf(f.file)),
    ruleDocs: (id) => {
      if (!docs.has(id)) {
        docs.set(id, readRuleDocs(id));
        recorder?.read(ruleDocsFile(id));
      }
      return docs.get(id);
    },
    root: ciRoot(cli),
    version: packageVersion(),
    ...extra,
  };
  const plain = new Chalk({ level: 0 });
  // Files first, so that a report on stdout is the last thing a pipeline sees.
  for (const o of [...outputs].sort((a, b) => Number(a.out === undefined) - Number(b.out === undefined))) {
    const chalk = o.out === undefined ? makeChalk(opts.color, cli) : plain;
    const width = outputWidth(cli.stdout.columns, cli.env, o.out !== undefined);
    writeOutput(cli, lintFormatters[o.format](shown, { ...ctx, chalk, width }), o.out, inputs);
  }
  let code = 0;
  if (all.errorCount > 0) code = 1;
  else if (maxWarnings !== undefined && all.warningCount > maxWarnings) {
    cli.stderr.write(t('lint/too-many-warnings', { count: all.warningCount, max: maxWarnings })[lang] + '\n');
    code = 1;
  }
  if (cache) {
    if (recorder && run.cacheKey !== undefined) {
      for (const abs of [configFile?.abs, baseline?.abs]) if (abs !== undefined) recorder.read(abs);
      const facts = replayFacts(cli.cwd, cli.env);
      const kept = recorder.replay(replayCall(cli.argv!, cli.cwd, cli.stdout, cli.stderr as CliEnv['stdout']), cache.tool, facts, code, t('cli/stdout-failed', { code: '\u0000' })[lang]);
      if (kept) cache.results.addReplay(run.cacheKey, kept);
    }
    saveCache(cache.results, cacheLocation, [...run.inputs, ...(loadedConfig.file ? [loadedConfig.file.abs] : [])], base, lang);
  }
  return code;
}

/** Whether a run's output can be kept for the same call: it only prints (no --out, --write-baseline, --fix, --watch) and runs as `plans` does. */
function replayable(opts: LintCliOptions, cli: CliEnv, extra: Pick<FormatContext, 'fixed'>): boolean {
  const onlyPrints = (opts.out ?? []).length === 0 && opts.writeBaseline === undefined && !opts.fix && !opts.fixDryRun && !opts.watch && extra.fixed === undefined;
  return onlyPrints && cli.argv !== undefined && cli.messages === undefined && cli.engine === undefined;
}

/** The files that hold these findings, their texts read again. */
function withSources(findings: readonly Finding[], sourceOf: (p: string) => SourceFile | undefined): SourceFile[] {
  const out = new Map<string, SourceFile>();
  for (const f of findings) {
    if (out.has(f.file)) continue;
    const file = sourceOf(f.file);
    if (file) out.set(f.file, file);
  }
  return [...out.values()];
}

/** A baseline is a list of findings: 256 MB holds about a million of them. */
const MAX_BASELINE_BYTES = 256 * 1024 * 1024;

function readBaseline(option: string, cli: CliEnv) {
  const abs = path.resolve(cli.cwd, option);
  let text: string;
  try {
    text = readRegularFile(abs, MAX_BASELINE_BYTES).toString('utf8');
  } catch (err) {
    throw new UsageError(refusal('baseline/missing', option, err));
  }
  return { abs, baseline: parseBaseline(text, option) };
}

function ruleDocsFile(id: string): string {
  return packageFile('docs', 'rules', `${id}.md`);
}

/** The rule's page under docs/rules of the installed package, if it has one. */
function readRuleDocs(id: string): string | undefined {
  try {
    return /^[a-z0-9-]+$/.test(id) ? fs.readFileSync(ruleDocsFile(id), 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** The version in the installed package's package.json (SARIF's tool.driver.version). */
function packageVersion(): string | undefined {
  try {
    const v = (JSON.parse(fs.readFileSync(packageFile('package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof v === 'string' && v ? v : undefined;
  } catch {
    return undefined;
  }
}
