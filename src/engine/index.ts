/**
 * The engine: one object over a file system (the disk, or unsaved documents over it), used by
 * lint, gaps, table and compile (and by a coming diff and language server). It owns its caches
 * (campaign folders looked at, rule pages read) and the policy for texts (let go after parsing, or
 * kept); nothing here is module state, so several engines (or many runs of one) do not meet.
 * Every read goes through `fs`; texts let go are read again only by an explicit `restore`.
 */
import path from 'node:path';
import { ignoreFilter, readConfig, type LoadedConfig } from '../config/index.js';
import { findCampaignRoot, startFolder } from '../config/root.js';
import { sortFindings, findingKey, type Finding, type Positions } from '../findings/index.js';
import { t } from '../i18n/index.js';
import { check, type CheckResult } from '../lint.js';
import { contextKeys, holdsPlanOf, namesOf, NameSearch, needsWholeRepository, type ContextKeys } from './context.js';
import { codeOf, discover, NOT_PLAN_FILES, toPosix, type Discovered } from '../load/discover.js';
import { NodeFileSystem, type FileSystem } from '../load/fs.js';
import { discoveryFindings, loadFile, type LoadOptions } from '../load/index.js';
import type { SourceFile } from '../load/source.js';
import { restoreText } from '../load/text.js';
import { UsageError, type RuleSetting } from '../types.js';
import { LineIndex } from '../load/source.js';
import type { CachedRun, ResultsCache } from './cache.js';
import { buildModel } from '../model/build.js';
import { validatorsFor, type Validators } from '../schema/index.js';

export interface EngineOptions {
  /** The folder paths are relative to, and findings show paths from. */
  cwd: string;
  /** What to read through; default: the disk. */
  fs?: FileSystem;
  /**
   * true: keep every text in memory; false: let the texts of clean files go, and read them again
   * when needed; default: keep the first KEPT_TEXT_CHARS characters of text a run reads, let the rest go.
   */
  keepTexts?: boolean;
  /** With keepTexts unset, how many characters of text to keep (default KEPT_TEXT_CHARS; tests set a small one). */
  keepTextChars?: number;
  /** Lint named files with only the part of the repository that can change their findings (default: on). */
  narrowing?: boolean;
  /** The fast reader for plain files (default: on); off, every file goes through the yaml package (tests compare both). */
  fastParse?: boolean;
  /** The build-time schema validators (true), or validators compiled now (false); default: the build's while current. */
  compiledValidators?: boolean;
  /** Where to count the checks in context that were narrowed and that needed the whole repository (default: the engine's own). */
  stats?: NarrowingStats;
  /** How one file is read and parsed (default: `loadFile`); a language server passes one that reuses what it parsed before. */
  load?: (abs: string, opts: LoadOptions) => Loaded;
}

/** How many checks in context were narrowed, and how many needed the whole repository. */
export interface NarrowingStats {
  narrowed: number;
  whole: number;
}

export interface LintRequest {
  /** Files and folders to lint (default `.`). */
  paths: readonly string[];
  /** `--config FILE`, else the nearest config above cwd. */
  config?: string;
  maxFileBytes?: number;
  /** `plans lint --cache`: the results cache to look in and to store the run in, and the tool's build (part of the key). */
  cache?: { results: ResultsCache; tool: string };
}

/** What a lint run found: the findings (records) of the named files and of the config, and what was read. */
export interface LintRun extends CheckResult {
  config: LoadedConfig;
  /** The files whose findings are reported. */
  namedFiles: SourceFile[];
  /** Every file read or looked at, which `--out` must never overwrite. */
  inputs: string[];
  /** Named files with no campaign in or above their folders: the checks across files could not run. */
  lone: string[];
  /** Whether the findings came from the results cache (`--cache`): nothing was parsed. */
  cached?: boolean;
  /** The run's key in the results cache (`--cache`), when it is kept there: what its printed output is kept with. */
  cacheKey?: string;
}

export interface RepositoryRun extends CheckResult {
  config: LoadedConfig;
  /** The errors `plans lint` would report (config, suppression and settings applied). */
  errorCount: number;
}

export type Loaded = ReturnType<typeof loadFile>;

/**
 * How much text a run keeps unasked: a repository of a few thousand files whole (2,202 files of
 * the bench are 6.2 million characters), so that the texts need neither a checksum nor their
 * values copied out of them (about 7 % of lint . there); past it, texts are let go as they are
 * read, which holds a run of 22,000 files to its memory (at most 16 MiB more than letting all go).
 */
export const KEPT_TEXT_CHARS = 8 * 1024 * 1024;

/** One engine: see the module comment. */
export class Engine {
  readonly cwd: string;
  readonly fs: FileSystem;
  readonly keepTexts: boolean;
  readonly narrowing: boolean;
  /** How many checks in context were narrowed, and how many needed the whole repository. */
  readonly stats: NarrowingStats;
  readonly fastParse: boolean;
  readonly validators: Validators;
  /** Folders looked at for a campaign (many named files share their folders). */
  readonly #campaignFolders = new Map<string, boolean>();
  /** What lint in context looks at, derived once from the rules and the schemas. */
  #contextKeys: ContextKeys | undefined;
  readonly #load: (abs: string, opts: LoadOptions) => Loaded;
  /** Characters of text this engine may still keep without being asked to (see KEPT_TEXT_CHARS). */
  #textBudget: number;

  constructor(opts: EngineOptions) {
    this.cwd = opts.cwd;
    this.fs = opts.fs ?? new NodeFileSystem();
    this.keepTexts = opts.keepTexts ?? false;
    this.narrowing = opts.narrowing ?? true;
    this.stats = opts.stats ?? { narrowed: 0, whole: 0 };
    this.fastParse = opts.fastParse ?? true;
    this.validators = validatorsFor(opts.compiledValidators);
    this.#textBudget = opts.keepTexts === undefined ? (opts.keepTextChars ?? KEPT_TEXT_CHARS) : 0;
    this.#load = opts.load ?? ((abs, o) => this.#loadKeeping(abs, o));
  }

  /** loadFile, keeping the texts while the budget lasts (a text kept needs no checksum, no copies of its values, no second read). */
  #loadKeeping(abs: string, opts: LoadOptions): Loaded {
    if (opts.keepTexts || this.#textBudget <= 0) return loadFile(abs, opts);
    const loaded = loadFile(abs, { ...opts, keepTexts: true });
    this.#textBudget -= loaded.file.text.length;
    return loaded;
  }

  /** Reads again, through this engine's file system, the text of a file that let it go. */
  restore(file: SourceFile): void {
    restoreText(file, this.fs);
  }

  /** Where the lines of these files start (texts read again as needed), for placing findings at the edge. */
  positions(files: Iterable<SourceFile>): (file: string) => Positions | undefined {
    const byPath = new Map<string, SourceFile>();
    for (const f of files) if (!byPath.has(f.path)) byPath.set(f.path, f);
    return (p) => {
      const file = byPath.get(p);
      if (!file) return undefined;
      this.restore(file);
      return file.lines;
    };
  }

  /** A file's text, read again if it was let go. */
  textOf(file: SourceFile): string {
    this.restore(file);
    return file.text;
  }

  /** The config named, or the nearest one above cwd. */
  config(option: string | undefined): LoadedConfig {
    return readConfig(option, this.cwd, this.fs);
  }

  /** The absolute path of a named path that exists; a missing one is a usage error (exit 2). */
  existing(p: string): string {
    const abs = path.resolve(this.cwd, p);
    try {
      this.fs.stat(abs);
    } catch (err) {
      throw new UsageError(t('cli/path-missing', { path: p, code: codeOf(err) }));
    }
    return abs;
  }

  /**
   * `plans lint`: every finding of the named paths. Named files are linted in context: the
   * repository around them (the folder holding the campaign) is loaded and checked as a whole, or
   * the part of it that can change their findings (engine/context.ts).
   */
  lint(request: LintRequest, config: LoadedConfig = this.config(request.config)): LintRun {
    const cwd = this.cwd;
    const ignored = ignoreFilter(config.config, cwd);
    const named = request.paths.length ? request.paths : ['.'];
    const namedAbs = named.map((p) => this.existing(p));
    const namedDirs = namedAbs.filter((abs) => startFolder(abs, this.fs) === abs);
    const namedFileSet = new Set(namedAbs.filter((abs) => startFolder(abs, this.fs) !== abs));
    // asked for every file and every finding: each file is judged once
    const namedCache = new Map<string, boolean>();
    const isNamed = (abs: string) => {
      let is = namedCache.get(abs);
      if (is === undefined) {
        is = (namedFileSet.has(abs) || namedDirs.some((dir) => isWithin(dir, abs))) && !skipNamed(abs, cwd, ignored);
        namedCache.set(abs, is);
      }
      return is;
    };
    const opts: LoadOptions = { cwd, ignored, maxFileBytes: request.maxFileBytes, fs: this.fs, keepTexts: this.keepTexts, fastParse: this.fastParse };
    const cacheKey = request.cache && JSON.stringify([request.cache.tool, cwd, namedAbs, config.file?.abs ?? null, config.config, request.maxFileBytes ?? null, this.narrowing]);
    const hit = cacheKey !== undefined ? request.cache!.results.lookup(cacheKey, this.fs) : undefined;
    if (hit) return { ...this.#fromCache(hit, config, opts), cacheKey };
    const { files, findings: checked, inputs, model, lone, dirs } = this.#checkInContext(named, opts, config.config.rules, isNamed);
    const namedFiles = files.filter((f) => isNamed(f.abs));
    // success on nothing is no success: a path under which no plan file was found (a named file skipped as no plan is not that)
    if (namedFiles.length === 0 && namedAbs.every((abs) => startFolder(abs, this.fs) === abs || !skipNamed(abs, cwd, ignored)) && !files.some((f) => namedFileSet.has(f.abs))) {
      throw new UsageError(t('lint/no-files', { paths: named.join(', ') }));
    }
    const namedSet = new Set(namedFiles.map((f) => f.path));
    const inNamed = (f: Finding) => namedSet.has(f.file) || namedDirs.some((dir) => isWithin(dir, path.resolve(cwd, f.file)));
    const own = checked.filter(inNamed);
    const findings = sortFindings([...config.findings, ...own]);
    const loneNamed = lone.filter(isNamed);
    // a file with no campaign above it was judged by folders looked at up to the root: not kept
    if (cacheKey !== undefined && lone.length === 0) {
      request.cache!.results.store(cacheKey, { findings: own, named: namedFiles.map((f) => f.abs), lone: loneNamed, inputs, dirs: [...dirs, ...this.#campaignFolders.keys()] }, this.fs);
    }
    return { config, files, namedFiles, findings, inputs, model, lone: loneNamed, cacheKey };
  }

  /**
   * A run given back by the results cache: its findings, and the files to place them in (those with
   * findings read and parsed again, as a run would have; the other named files by name only).
   */
  #fromCache(hit: CachedRun, config: LoadedConfig, opts: LoadOptions): LintRun {
    const withFindings = new Set(hit.findings.map((f) => f.file));
    const files: SourceFile[] = [];
    const namedFiles: SourceFile[] = [];
    for (const abs of hit.named) {
      const rel = relativeTo(this.cwd, abs);
      const file = withFindings.has(rel) ? this.#load(abs, opts).file : { path: rel, abs, text: '', encoding: 'utf-8' as const, lines: new LineIndex(''), docs: [] };
      files.push(file);
      namedFiles.push(file);
    }
    for (const rel of withFindings) {
      if (!files.some((f) => f.path === rel)) files.push(this.#load(path.resolve(this.cwd, rel), opts).file);
    }
    const findings = sortFindings([...config.findings, ...hit.findings]);
    return { config, files, namedFiles, findings, inputs: hit.inputs, model: buildModel([]), lone: hit.lone, cached: true };
  }

  /**
   * The repository under `paths` read and checked as `plans lint` would (config, ignore globs,
   * inline suppression), for the report commands; a file that cannot be parsed contributes nothing.
   * `texts`: also read again the texts that tables need (numbers not written as plans prints them),
   * or every text (compile gives every item's line).
   */
  repository(request: LintRequest, texts: 'numbers' | 'all' | 'none' = 'numbers'): RepositoryRun {
    const config = this.config(request.config);
    const opts: LoadOptions = { cwd: this.cwd, ignored: ignoreFilter(config.config, this.cwd), maxFileBytes: request.maxFileBytes, fs: this.fs, keepTexts: this.keepTexts, fastParse: this.fastParse };
    const found = discover(request.paths.length ? request.paths : ['.'], opts);
    const loaded = found.files.map((abs) => this.#load(abs, { ...opts, knownRegular: found.regular }));
    const result = check(
      loaded.map((l) => l.file),
      [...loaded.flatMap((l) => l.findings), ...discoveryFindings(found, this.cwd)],
      { rules: config.config.rules, restore: (file) => this.restore(file), validators: this.validators, records: true, complete: true },
    );
    for (const file of result.files) {
      if (texts === 'all' || (texts === 'numbers' && file.docs.some((d) => d.numbersAsPrinted === false))) this.restore(file);
    }
    const findings = sortFindings([...config.findings, ...result.findings]);
    return { ...result, config, findings, errorCount: findings.filter((f) => f.severity === 'error').length };
  }

  /** Paths under one campaign folder are checked with that folder; paths with no campaign above, on their own. */
  #checkInContext(named: readonly string[], opts: LoadOptions, rules: Record<string, RuleSetting>, isNamed: (abs: string) => boolean): CheckResult & { inputs: string[]; lone: string[]; dirs: string[] } {
    const wanted = (file: SourceFile) => isNamed(file.abs);
    const groups = new Map<string, string[]>();
    for (const p of named) {
      const abs = path.resolve(this.cwd, p);
      const root = findCampaignRoot(startFolder(abs, this.fs), this.#campaignFolders, this.fs) ?? '';
      const list = groups.get(root) ?? [];
      list.push(abs);
      groups.set(root, list);
    }
    const files = new Map<string, SourceFile>();
    const findings = new Map<string, Finding>();
    const inputs = new Set<string>();
    const dirs = new Set<string>();
    let model: CheckResult['model'] | undefined;
    const lone: string[] = [];
    for (const [root, paths] of groups) {
      // The walk skips ignored files, but a file named on the command line is read unless ignored too.
      const toRead = paths.filter((p) => startFolder(p, this.fs) === p || !skipNamed(p, this.cwd, opts.ignored));
      const namedFiles = toRead.filter((p) => startFolder(p, this.fs) !== p);
      // files named alone, with no campaign in or above their folders: the checks across files cannot run
      const alone = !root && paths.every((p) => startFolder(p, this.fs) !== p);
      if (alone) lone.push(...namedFiles);
      const result =
        root && namedFiles.length === paths.length && this.narrowing
          ? this.#checkNarrowed(root, namedFiles, opts, rules, isNamed)
          : this.#checkFound(discover(root ? [root, ...namedFiles] : toRead, opts), opts, rules, wanted, !alone);
      model ??= result.model;
      for (const abs of result.inputs) inputs.add(abs);
      for (const dir of result.dirs) dirs.add(dir);
      for (const f of result.files) if (!files.has(f.path)) files.set(f.path, f);
      for (const f of result.findings) {
        const key = [f.file, f.range[0], f.range[1], findingKey(f)].join('\u0000');
        if (!findings.has(key)) findings.set(key, f);
      }
    }
    return { files: [...files.values()], findings: [...findings.values()], inputs: [...inputs], model: model!, lone, dirs: [...dirs] };
  }

  /** Every file found, loaded (or taken from `loaded`, read before) and checked. */
  #checkFound(found: Discovered, opts: LoadOptions, rules: Record<string, RuleSetting>, wanted: (file: SourceFile) => boolean, complete: boolean, loaded?: Map<string, Loaded>): CheckResult & { inputs: string[]; dirs: string[] } {
    const loadOpts = { ...opts, knownRegular: found.regular };
    const all = found.files.map((abs) => loaded?.get(abs) ?? this.#load(abs, loadOpts));
    return { ...this.#checkLoaded(found, all, opts, rules, wanted, complete), inputs: found.files, dirs: found.dirs };
  }

  /** `complete`: the files are a whole repository (a missing campaign or owners document is then a finding). */
  #checkLoaded(found: Discovered, files: Loaded[], opts: LoadOptions, rules: Record<string, RuleSetting>, wanted: (file: SourceFile) => boolean, complete: boolean): CheckResult {
    return check(
      files.map((r) => r.file),
      [...files.flatMap((r) => r.findings), ...discoveryFindings(found, opts.cwd)],
      { rules, wanted, complete, restore: (file) => this.restore(file), validators: this.validators, records: true },
    );
  }

  /**
   * Named files checked with only the files of their repository that share a name with them
   * (engine/context.ts); with every file, reusing what was read, when that cannot be told or may not
   * give the whole repository's findings.
   */
  #checkNarrowed(root: string, named: string[], opts: LoadOptions, rules: Record<string, RuleSetting>, isNamed: (abs: string) => boolean): CheckResult & { inputs: string[]; dirs: string[] } {
    const wanted = (file: SourceFile) => isNamed(file.abs);
    const found = discover([root, ...named], opts);
    const loadOpts = { ...opts, knownRegular: found.regular };
    const loaded = new Map<string, Loaded>();
    for (const abs of found.files) if (isNamed(abs)) loaded.set(abs, this.#load(abs, loadOpts));
    const keys = (this.#contextKeys ??= contextKeys());
    const names = loaded.size ? namesOf([...loaded.values()].map((r) => r.file), keys) : undefined;
    if (!names) return this.#checkFound(found, opts, rules, wanted, true, loaded);
    const ownPaths = new Set([...loaded.values()].map((r) => r.file.path));
    const search = new NameSearch(names, this.fs);
    // A named plan's city: until its first plan document is met, a file naming the city may be it and is
    // read; when the first is a named file, the whole city is needed from there on (and the files
    // before it that name the city were read already).
    const pending = new Map(names.planCities.map((city) => [city, Buffer.from(city, 'utf8')]));
    const wholeCities: Buffer[] = [];
    const holdsAny = (bytes: Uint8Array | undefined, cities: Iterable<Buffer>) => {
      if (bytes !== undefined) {
        const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        for (const city of cities) if (b.indexOf(city) >= 0) return true;
      }
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
      const bytes = search.bytesOf(abs);
      if (!search.relevantBytes(bytes) && !holdsAny(bytes, wholeCities) && !holdsAny(bytes, pending.values())) continue;
      const file = this.#load(abs, loadOpts);
      loaded.set(abs, file);
      for (const city of pending.keys()) if (holdsPlanOf(file.file, city)) pending.delete(city);
    }
    // in the order of the walk, as the whole repository would be
    const part = found.files.flatMap((abs) => loaded.get(abs) ?? []);
    const result = this.#checkLoaded(found, part, opts, rules, wanted, true);
    const whole = needsWholeRepository(result.model, result.findings, (file) => ownPaths.has(file), keys);
    this.stats[whole ? 'whole' : 'narrowed']++;
    return whole ? this.#checkFound(found, opts, rules, wanted, true, loaded) : { ...result, inputs: found.files, dirs: found.dirs };
  }
}

/**
 * A file named on the command line that is still not linted: ignored by the config, or a YAML file
 * that is no plan (plans.config.yaml, .pre-commit-config.yaml…), as pre-commit passes every changed file.
 */
function skipNamed(abs: string, cwd: string, ignored: ((rel: string) => boolean) | undefined): boolean {
  return NOT_PLAN_FILES.has(path.basename(abs)) || (ignored?.(toPosix(path.relative(cwd, abs))) ?? false);
}

/** A path as findings show it: relative to `cwd`, with `/` separators. */
function relativeTo(cwd: string, abs: string): string {
  return toPosix(path.relative(cwd, abs)) || path.basename(abs);
}

/** Whether `abs` is `dir` or below it; both are resolved absolute paths (a prefix test: this runs for every file × named folder). */
function isWithin(dir: string, abs: string): boolean {
  return abs === dir || abs.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}
