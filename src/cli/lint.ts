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
import { ignoreFilter, readConfig } from '../config/index.js';
import { findCampaignRoot, startFolder } from '../config/root.js';
import { t } from '../i18n/index.js';
import { check, sortFindings, type LintResult } from '../lint.js';
import { contextNarrowingEnabled, countNarrowing, holdsPlanOf, namesOf, NameSearch, needsWholeRepository } from '../load/context.js';
import { discover, toPosix, codeOf, NOT_PLAN_FILES, type Discovered } from '../load/discover.js';
import { discoveryFindings, loadFile, type LoadOptions } from '../load/index.js';
import type { SourceFile } from '../load/source.js';
import { lintFormatters } from '../render/lint/index.js';
import { countFindings, type FormatContext } from '../render/lint/types.js';
import { outputWidth } from '../render/wrap.js';
import { UsageError, type Finding, type RuleSetting } from '../types.js';
import { collect, helpText, makeChalk, parseCount, parseSize, resolveLang, type CliEnv } from './env.js';
import { writeOutput } from './output.js';
import { packageFile } from './schema.js';
import { ciRoot } from './ci-root.js';
import { readRegularFile, refusal } from '../load/regular.js';

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
  /** The order in which --format and --out were given. */
  order?: OutputFlag[];
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
    .action((paths: string[], opts: LintCliOptions) => {
      setCode(runLint(paths, { ...opts, order }, cli));
    });
}

interface Output {
  format: string;
  out?: string;
}

type OutputFlag = 'format' | 'out';

/**
 * Pairs `--format` and `--out`: each --out belongs to the --format before it (a single --format and
 * --out pair in any order); a format without --out goes to stdout, and only one may.
 */
export function pairOutputs(formats: string[], outs: string[], order?: OutputFlag[]): Output[] {
  const list = formats.length ? formats : ['stylish'];
  for (const format of list) {
    if (!lintFormatters[format]) throw new UsageError(t('cli/bad-format', { format, allowed: Object.keys(lintFormatters).join(', ') }));
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
export function runLint(paths: string[], opts: LintCliOptions, cli: CliEnv): number {
  const loadedConfig = readConfig(opts.config, cli.cwd);
  const config = loadedConfig.config;
  const lang = resolveLang(opts.lang, config.lang, cli.env);
  const outputs = pairOutputs(opts.format ?? [], opts.out ?? [], opts.order);
  const maxWarnings = parseCount('--max-warnings', opts.maxWarnings);
  const baseline = opts.baseline === undefined ? undefined : readBaseline(opts.baseline, cli);

  const named = paths.length ? paths : ['.'];
  const ignored = ignoreFilter(config, cli.cwd);
  const namedAbs = named.map((p) => existing(p, cli.cwd));
  const namedDirs = namedAbs.filter((abs) => startFolder(abs) === abs);
  const namedFileSet = new Set(namedAbs.filter((abs) => startFolder(abs) !== abs));
  // asked for every file and every finding: each file is judged once
  const namedCache = new Map<string, boolean>();
  const isNamed = (abs: string) => {
    let named = namedCache.get(abs);
    if (named === undefined) {
      named = (namedFileSet.has(abs) || namedDirs.some((dir) => isWithin(dir, abs))) && !skipNamed(abs, cli.cwd, ignored);
      namedCache.set(abs, named);
    }
    return named;
  };

  const maxFileBytes = parseSize('--max-file-size', opts.maxFileSize);
  const { files, findings: checked, inputs: read, lone } = checkInContext(named, cli.cwd, ignored, config.rules, maxFileBytes, isNamed);
  // every file the run read, which --out and --write-baseline must never replace
  const inputs = [...read, ...(loadedConfig.file ? [loadedConfig.file.abs] : []), ...(baseline ? [baseline.abs] : [])];
  const namedFiles = files.filter((f) => isNamed(f.abs));
  // success on nothing is no success: a path under which no plan file was found (a named file skipped as no plan is not that)
  if (namedFiles.length === 0 && namedAbs.every((abs) => startFolder(abs) === abs || !skipNamed(abs, cli.cwd, ignored)) && !files.some((f) => namedFileSet.has(f.abs))) {
    throw new UsageError(t('lint/no-files', { paths: named.join(', ') }));
  }
  const loneShown = lone.filter((abs) => isNamed(abs)).map((abs) => toPosix(path.relative(cli.cwd, abs)) || '.');
  if (loneShown.length > 0) cli.stderr.write(t('lint/alone', { files: loneShown.join(', ') })[lang] + '\n');
  const namedSet = new Set(namedFiles.map((f) => f.path));
  const inNamed = (f: Finding) => namedSet.has(f.file) || namedDirs.some((dir) => isWithin(dir, path.resolve(cli.cwd, f.file)));
  const current = sortFindings([...loadedConfig.findings, ...checked.filter(inNamed)]);

  if (opts.writeBaseline !== undefined) {
    const abs = path.resolve(cli.cwd, opts.writeBaseline);
    writeOutput(cli, writeBaseline(current, files, cli.cwd, path.dirname(abs)), opts.writeBaseline, [...files.map((f) => f.abs), ...inputs.slice(read.length)]);
    cli.stderr.write(t('baseline/written', { count: current.length, path: opts.writeBaseline })[lang] + '\n');
  }
  let reported = current;
  if (baseline) {
    const filtered = filterByBaseline(current, baseline.baseline, files, cli.cwd, path.dirname(baseline.abs));
    reported = filtered.findings;
    if (filtered.matched > 0 || filtered.fixed > 0) cli.stderr.write(t('baseline/note', { matched: filtered.matched, fixed: filtered.fixed })[lang] + '\n');
  }

  const fileList = [...namedSet];
  const all = countFindings(reported, namedFiles.length, fileList);
  const shown = opts.quiet ? countFindings(reported.filter((f) => f.severity === 'error'), all.fileCount, fileList) : all;
  const byPath = new Map(files.map((f) => [f.path, f]));
  const ctx: Omit<FormatContext, 'chalk'> = {
    lang,
    cwd: cli.cwd,
    contentOf: (f) => lineTextOf(f, byPath.get(f.file)),
    ruleDocs: (id) => readRuleDocs(id),
    root: ciRoot(cli),
    version: packageVersion(),
  };
  const plain = new Chalk({ level: 0 });
  // Files first, so that a report on stdout is the last thing a pipeline sees.
  for (const o of [...outputs].sort((a, b) => Number(a.out === undefined) - Number(b.out === undefined))) {
    const chalk = o.out === undefined ? makeChalk(opts.color, cli) : plain;
    const width = outputWidth(cli.stdout.columns, cli.env, o.out !== undefined);
    writeOutput(cli, lintFormatters[o.format](shown, { ...ctx, chalk, width }), o.out, inputs);
  }
  if (all.errorCount > 0) return 1;
  if (maxWarnings !== undefined && all.warningCount > maxWarnings) {
    cli.stderr.write(t('lint/too-many-warnings', { count: all.warningCount, max: maxWarnings })[lang] + '\n');
    return 1;
  }
  return 0;
}

/**
 * Loads and checks each named path together with the repository around it: paths under one campaign
 * folder are checked with that whole folder (for named files, with the part of it that can change
 * their findings: see load/context.ts); paths with no campaign above are checked on their own.
 * `inputs` are all the files read or looked at, which `--out` must never overwrite.
 */
function checkInContext(
  named: string[],
  cwd: string,
  ignored: ((rel: string) => boolean) | undefined,
  rules: Record<string, 'off' | 'warning' | 'error'>,
  maxFileBytes: number | undefined,
  isNamed: (abs: string) => boolean,
): { files: SourceFile[]; findings: Finding[]; inputs: string[]; lone: string[] } {
  const wanted = (file: SourceFile) => isNamed(file.abs);
  const groups = new Map<string, string[]>();
  const seen = new Map<string, boolean>();
  for (const p of named) {
    const abs = path.resolve(cwd, p);
    const root = findCampaignRoot(startFolder(abs), seen) ?? '';
    const list = groups.get(root) ?? [];
    list.push(abs);
    groups.set(root, list);
  }
  const files = new Map<string, SourceFile>();
  const findings = new Map<string, Finding>();
  const inputs = new Set<string>();
  const lone: string[] = [];
  for (const [root, paths] of groups) {
    // The walk skips ignored files, but a file named on the command line is read unless ignored too.
    const toRead = paths.filter((p) => startFolder(p) === p || !skipNamed(p, cwd, ignored));
    const namedFiles = toRead.filter((p) => startFolder(p) !== p);
    const opts = { cwd, ignored, maxFileBytes };
    // files named alone, with no campaign in or above their folders: the checks across files cannot run
    const alone = !root && paths.every((p) => startFolder(p) !== p);
    if (alone) lone.push(...namedFiles);
    const result =
      root && namedFiles.length === paths.length && contextNarrowingEnabled()
        ? checkNarrowed(root, namedFiles, opts, rules, isNamed)
        : checkFound(discover(root ? [root, ...namedFiles] : toRead, opts), opts, rules, wanted, !alone);
    for (const abs of result.inputs) inputs.add(abs);
    for (const f of result.files) if (!files.has(f.path)) files.set(f.path, f);
    for (const f of result.findings) {
      const key = [f.file, f.offset, f.endOffset, f.rule, f.message.en].join('\u0000');
      if (!findings.has(key)) findings.set(key, f);
    }
  }
  return { files: [...files.values()], findings: [...findings.values()], inputs: [...inputs], lone };
}

type Checked = LintResult & { inputs: string[] };

type Loaded = ReturnType<typeof loadFile>;

/** Every file found, loaded (or taken from `loaded`, read before) and checked. */
function checkFound(found: Discovered, opts: LoadOptions, rules: Record<string, RuleSetting>, wanted: (file: SourceFile) => boolean, complete: boolean, loaded?: Map<string, Loaded>): Checked {
  const loadOpts = { ...opts, knownRegular: found.regular };
  const all = found.files.map((abs) => loaded?.get(abs) ?? loadFile(abs, loadOpts));
  return { ...checkLoaded(found, all, opts, rules, wanted, complete), inputs: found.files };
}

/** Checks files loaded from a walk, with the walk's own findings. */
function checkLoaded(found: Discovered, files: Loaded[], opts: LoadOptions, rules: Record<string, RuleSetting>, wanted: (file: SourceFile) => boolean, complete: boolean): LintResult {
  return check(
    files.map((r) => r.file),
    [...files.flatMap((r) => r.findings), ...discoveryFindings(found, opts.cwd)],
    { rules, wanted, complete },
  );
}

/**
 * Named files checked with only the files of their repository that share a name with them
 * (load/context.ts); with every file, reusing what was read, when that cannot be told or may not
 * give the whole repository's findings.
 */
function checkNarrowed(root: string, named: string[], opts: LoadOptions, rules: Record<string, RuleSetting>, isNamed: (abs: string) => boolean): Checked {
  const wanted = (file: SourceFile) => isNamed(file.abs);
  const found = discover([root, ...named], opts);
  const loadOpts = { ...opts, knownRegular: found.regular };
  const loaded = new Map<string, Loaded>();
  for (const abs of found.files) if (isNamed(abs)) loaded.set(abs, loadFile(abs, loadOpts));
  const names = loaded.size ? namesOf([...loaded.values()].map((r) => r.file)) : undefined;
  if (!names) return checkFound(found, opts, rules, wanted, true, loaded);
  const ownPaths = new Set([...loaded.values()].map((r) => r.file.path));
  const search = new NameSearch(names);
  // A named plan's city: until its first plan document is met, a file naming the city may be it and is
  // read; when the first is a named file, the whole city is needed from there on (and the files
  // before it that name the city were read already).
  const pending = new Map(names.planCities.map((city) => [city, Buffer.from(city, 'utf8')]));
  const wholeCities: Buffer[] = [];
  const holdsAny = (bytes: Buffer | undefined, cities: Iterable<Buffer>) => {
    if (bytes !== undefined) for (const city of cities) if (bytes.indexOf(city) >= 0) return true;
    return false;
  };
  for (const abs of found.files) {
    const own = loaded.get(abs);
    if (own) {
      for (const [city, bytes] of pending) {
        if (!holdsPlanOf(own.file, city)) continue;
        pending.delete(city);
        wholeCities.push(bytes);
      }
      continue;
    }
    const bytes = NameSearch.bytesOf(abs);
    if (!search.relevantBytes(bytes) && !holdsAny(bytes, wholeCities) && !holdsAny(bytes, pending.values())) continue;
    const file = loadFile(abs, loadOpts);
    loaded.set(abs, file);
    for (const city of pending.keys()) if (holdsPlanOf(file.file, city)) pending.delete(city);
  }
  // in the order of the walk, as the whole repository would be
  const part = found.files.flatMap((abs) => loaded.get(abs) ?? []);
  const result = checkLoaded(found, part, opts, rules, wanted, true);
  const whole = needsWholeRepository(result.model, result.findings, (file) => ownPaths.has(file));
  countNarrowing(!whole);
  return whole ? checkFound(found, opts, rules, wanted, true, loaded) : { ...result, inputs: found.files };
}

/**
 * A file named on the command line that is still not linted: ignored by the config, or a YAML file
 * that is no plan (plans.config.yaml, .pre-commit-config.yaml…), as pre-commit passes every changed file.
 */
function skipNamed(abs: string, cwd: string, ignored: ((rel: string) => boolean) | undefined): boolean {
  return NOT_PLAN_FILES.has(path.basename(abs)) || (ignored?.(toPosix(path.relative(cwd, abs))) ?? false);
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

const docsCache = new Map<string, string | undefined>();

/** The rule's page under docs/rules of the installed package, if it has one. */
function readRuleDocs(id: string): string | undefined {
  if (!docsCache.has(id)) {
    let text: string | undefined;
    try {
      text = /^[a-z0-9-]+$/.test(id) ? fs.readFileSync(packageFile('docs', 'rules', `${id}.md`), 'utf8') : undefined;
    } catch {
      text = undefined;
    }
    docsCache.set(id, text);
  }
  return docsCache.get(id);
}

/** The absolute path of a named path that exists; a missing one is a usage error (exit 2). */
function existing(p: string, cwd: string): string {
  const abs = path.resolve(cwd, p);
  try {
    fs.statSync(abs);
  } catch (err) {
    throw new UsageError(t('cli/path-missing', { path: p, code: codeOf(err) }));
  }
  return abs;
}

/** Whether `abs` is `dir` or below it; both are resolved absolute paths (a prefix test: this runs for every file × named folder). */
function isWithin(dir: string, abs: string): boolean {
  return abs === dir || abs.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

let version: string | undefined;

/** The version in the installed package's package.json (SARIF's tool.driver.version). */
function packageVersion(): string | undefined {
  if (version === undefined) {
    try {
      const v = (JSON.parse(fs.readFileSync(packageFile('package.json'), 'utf8')) as { version?: unknown }).version;
      version = typeof v === 'string' ? v : '';
    } catch {
      version = '';
    }
  }
  return version || undefined;
}
