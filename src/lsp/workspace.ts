/**
 * One workspace folder of the language server: the engine over the disk with the editor's open
 * documents overlaid, and a cache of parsed files keyed on their bytes, so that a check after an
 * edit parses again only the files whose bytes changed (the rest of a 2,000-file repository is
 * compared, not parsed). Lint runs are `Engine.lint`, exactly as `plans lint FILE…` runs them.
 */
import path from 'node:path';
import { Buffer } from 'node:buffer';
import { filterByBaseline, parseBaseline, type Baseline } from '../baseline/index.js';
import { ignoreFilter, type LoadedConfig } from '../config/index.js';
import { findCampaignRoot, startFolder } from '../config/root.js';
import { Engine, type LintRun } from '../engine/index.js';
import { ReusedParses } from '../engine/reuse.js';
import type { Finding } from '../findings/index.js';
import { discover } from '../load/discover.js';
import { NodeFileSystem, OverlayFileSystem, type DirEntry, type FileStat, type FileSystem } from '../load/fs.js';
import type { LoadOptions } from '../load/index.js';
import type { SourceFile } from '../load/source.js';
import { buildModel } from '../model/build.js';
import type { Model } from '../model/types.js';

/** What one check of some open documents found: the findings of each file (by absolute path), and the files read. */
export interface Checked {
  findings: Map<string, Finding[]>;
  /** The files as read, by absolute path (their texts held): where findings are placed. */
  files: Map<string, SourceFile>;
  config: LoadedConfig;
  run: LintRun;
}

/** A model of the whole folder, for navigation and completion. */
export interface WorkspaceModel {
  model: Model;
  files: Map<string, SourceFile>;
}

/** A model this old is made again even without an edit (files changed on disk behind the editor's back). */
const MODEL_TTL_MS = 2000;
/** How long the disk as last seen is trusted (RecentDisk): a file changed behind the editor's back shows within this. */
const REREAD_MS = 2000;

/**
 * The disk as last seen, for at most `REREAD_MS`: folder listings and file bytes are read again
 * when older, or after `forget` (the editor's watcher said files changed). A check reads every file
 * of the repository (the byte search of lint in context, then the files themselves): on 2,000 files
 * those reads are a third of the time a check takes.
 */
class RecentDisk implements FileSystem {
  readonly #bytes = new Map<string, { at: number; max: number; bytes: Uint8Array | undefined }>();
  readonly #listings = new Map<string, { at: number; entries: DirEntry[] }>();

  constructor(readonly base: FileSystem) {}

  forget(): void {
    this.#bytes.clear();
    this.#listings.clear();
  }

  stat(abs: string): FileStat {
    return this.base.stat(abs);
  }

  readFile(abs: string): Uint8Array {
    return this.base.readFile(abs);
  }

  realpath(abs: string): string {
    return this.base.realpath(abs);
  }

  readdir(abs: string): DirEntry[] {
    const now = Date.now();
    const seen = this.#listings.get(abs);
    if (seen && now - seen.at < REREAD_MS) return seen.entries;
    // an error (a folder gone) is thrown as the disk throws it, and not kept
    const entries = this.base.readdir(abs);
    this.#listings.set(abs, { at: now, entries });
    return entries;
  }

  readRegular(abs: string, max: number): Uint8Array | undefined {
    const now = Date.now();
    const seen = this.#bytes.get(abs);
    if (seen && seen.max === max && now - seen.at < REREAD_MS) return seen.bytes;
    const read = this.base.readRegular(abs, max);
    // the base's bytes may live only until its next read: keep a copy
    const bytes = read ? Uint8Array.from(read) : undefined;
    this.#bytes.set(abs, { at: now, max, bytes });
    return bytes;
  }
}

export class Workspace {
  readonly fs: OverlayFileSystem;
  readonly engine: Engine;
  /** Parsed files with the bytes they were parsed from. */
  readonly #parsed: ReusedParses;
  readonly #disk: RecentDisk;
  /** Models by the campaign folder they were made of (or, for a file with no campaign above it, by that file). */
  readonly #models = new Map<string, { at: number; value: WorkspaceModel }>();

  constructor(
    /** The folder findings are relative to (the workspace folder). */
    readonly root: string,
    base: FileSystem = new NodeFileSystem(),
    /** A baseline file (relative to `root`), whose findings are not shown, as `plans lint --baseline`. */
    readonly baselinePath?: string,
  ) {
    this.#disk = new RecentDisk(base);
    this.fs = new OverlayFileSystem(this.#disk);
    // RecentDisk and the overlay hand out bytes they keep: no copy needed
    this.#parsed = new ReusedParses(this.fs, false);
    this.engine = new Engine({ cwd: root, fs: this.fs, keepTexts: true, load: (abs, opts) => this.#parsed.load(abs, opts) });
  }

  /** Sets (or with undefined, drops) the unsaved text of an open document. */
  setText(abs: string, text: string | undefined): void {
    if (text === undefined) {
      this.fs.delete(abs);
      // closed: the file on disk, read again, replaces the parse of the unsaved text
      this.#parsed.forget(abs);
    } else this.fs.set(abs, text);
    this.#models.clear();
  }

  /** Files changed on disk (the editor's watcher said so): the next check and the next model read every file again. */
  touched(): void {
    this.#models.clear();
    this.#disk.forget();
  }

  /** Whether `abs` lies in this folder. */
  holds(abs: string): boolean {
    const rel = path.relative(this.root, abs);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  }

  /**
   * `plans lint FILE…` on these files (absolute paths in this folder): their findings with the config
   * in force, inline suppression, and the baseline when one is set. Throws what `Engine.lint` throws
   * (a usage error when none of them is a plan file).
   */
  check(absPaths: readonly string[]): Checked {
    const config = this.engine.config(undefined);
    const run = this.engine.lint({ paths: absPaths.map((abs) => path.relative(this.root, abs) || '.') }, config);
    const files = new Map<string, SourceFile>();
    for (const f of [...(config.file ? [config.file] : []), ...run.files]) files.set(f.abs, f);
    let reported = run.findings;
    const baseline = this.#baseline();
    if (baseline) {
      const byPath = new Map([...files.values()].map((f) => [f.path, f]));
      const sources = [...new Set(reported.map((f) => f.file))].flatMap((p) => byPath.get(p) ?? []);
      reported = filterByBaseline(reported, baseline.baseline, sources, this.root, path.dirname(baseline.abs)).findings;
    }
    const findings = new Map<string, Finding[]>();
    for (const abs of absPaths) findings.set(abs, []);
    for (const f of reported) {
      const abs = path.resolve(this.root, f.file);
      const list = findings.get(abs);
      if (list) list.push(f);
      else findings.set(abs, [f]);
    }
    return { findings, files, config, run };
  }

  /** Every finding of the folder (`plans lint .`), for pull diagnostics of the workspace. */
  checkAll(): Checked {
    return this.check([this.root]);
  }

  #baseline(): { abs: string; baseline: Baseline } | undefined {
    if (!this.baselinePath) return undefined;
    const abs = path.resolve(this.root, this.baselinePath);
    // an unreadable or broken baseline throws: the server says so once and shows every finding
    const text = Buffer.from(this.fs.readFile(abs)).toString('utf8');
    return { abs, baseline: parseBaseline(text, this.baselinePath) };
  }

  /**
   * The model of the repository around `abs` as the editor shows it (unsaved documents included):
   * the campaign folder that holds it, as `plans lint` finds it, or the file alone when there is
   * none (a file outside any plans repository: its folder is not walked). Made again after an edit.
   */
  model(abs: string, now = Date.now()): WorkspaceModel {
    const root = findCampaignRoot(startFolder(abs, this.fs), new Map(), this.fs);
    const key = root ?? abs;
    const kept = this.#models.get(key);
    if (kept && now - kept.at < MODEL_TTL_MS) return kept.value;
    const config = this.engine.config(undefined);
    const opts: LoadOptions = { cwd: this.root, ignored: ignoreFilter(config.config, this.root), fs: this.fs, keepTexts: true };
    const found = discover([root ?? abs], opts);
    const loaded = found.files.map((file) => this.#parsed.load(file, { ...opts, knownRegular: found.regular }).file);
    const value = { model: buildModel(loaded), files: new Map(loaded.map((f) => [f.abs, f])) };
    this.#models.set(key, { at: now, value });
    return value;
  }

  /** A file of the folder as last read (parsed from the editor's text when open). */
  file(abs: string): SourceFile | undefined {
    return this.model(abs).files.get(abs);
  }
}
