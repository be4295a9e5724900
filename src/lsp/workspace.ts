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
import { Engine, type Loaded, type LintRun } from '../engine/index.js';
import type { Finding } from '../findings/index.js';
import { discover } from '../load/discover.js';
import { NodeFileSystem, OverlayFileSystem, type FileSystem } from '../load/fs.js';
import { DEFAULT_MAX_FILE_BYTES, loadFile, type LoadOptions } from '../load/index.js';
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
/**
 * A file the editor does not hold is read again (and compared) when its last read is this old, or
 * when the editor's watcher says files changed: reading 2,000 files is a third of a check's time.
 */
const REREAD_MS = 2000;

export class Workspace {
  readonly fs: OverlayFileSystem;
  readonly engine: Engine;
  /** Parsed files with the bytes they were parsed from. */
  readonly #parsed = new Map<string, { bytes: Buffer; max: number; loaded: Loaded; seen: number }>();
  #model: { at: number; value: WorkspaceModel } | undefined;

  constructor(
    /** The folder findings are relative to (the workspace folder). */
    readonly root: string,
    base: FileSystem = new NodeFileSystem(),
    /** A baseline file (relative to `root`), whose findings are not shown, as `plans lint --baseline`. */
    readonly baselinePath?: string,
  ) {
    this.fs = new OverlayFileSystem(base);
    this.engine = new Engine({ cwd: root, fs: this.fs, keepTexts: true, load: (abs, opts) => this.#load(abs, opts) });
  }

  /** Sets (or with undefined, drops) the unsaved text of an open document. */
  setText(abs: string, text: string | undefined): void {
    if (text === undefined) {
      this.fs.delete(abs);
      // closed: the file on disk, read again, replaces the parse of the unsaved text
      this.#parsed.delete(abs);
    } else this.fs.set(abs, text);
    this.#model = undefined;
  }

  /** Files changed on disk (the editor's watcher said so): the next check and the next model read every file again. */
  touched(): void {
    this.#model = undefined;
    for (const entry of this.#parsed.values()) entry.seen = 0;
  }

  /** Whether `abs` lies in this folder. */
  holds(abs: string): boolean {
    const rel = path.relative(this.root, abs);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  }

  /** A file's bytes compared with those it was parsed from: the same parse is reused, else the file is loaded again. */
  #load(abs: string, opts: LoadOptions): Loaded {
    const max = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const hit = this.#parsed.get(abs);
    const now = Date.now();
    const open = this.fs.has(abs);
    if (hit && hit.max === max && !open && now - hit.seen < REREAD_MS) return hit.loaded;
    const bytes = this.fs.readRegular(abs, max);
    if (bytes && hit && hit.max === max && Buffer.compare(hit.bytes, bytes) === 0) {
      hit.seen = now;
      return hit.loaded;
    }
    // the bytes may live only until the next read: keep a copy
    const copy = bytes ? Buffer.from(bytes) : undefined;
    const loaded = loadFile(abs, opts);
    if (copy) this.#parsed.set(abs, { bytes: copy, max, loaded, seen: now });
    else this.#parsed.delete(abs);
    return loaded;
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

  /** The model of the whole folder as the editor shows it (unsaved documents included), made again after an edit. */
  model(now = Date.now()): WorkspaceModel {
    if (this.#model && now - this.#model.at < MODEL_TTL_MS) return this.#model.value;
    const config = this.engine.config(undefined);
    const opts: LoadOptions = { cwd: this.root, ignored: ignoreFilter(config.config, this.root), fs: this.fs, keepTexts: true };
    const found = discover([this.root], opts);
    const loaded = found.files.map((abs) => this.#load(abs, { ...opts, knownRegular: found.regular }).file);
    const value = { model: buildModel(loaded), files: new Map(loaded.map((f) => [f.abs, f])) };
    this.#model = { at: now, value };
    return value;
  }

  /** A file of the folder as last read (parsed from the editor's text when open). */
  file(abs: string): SourceFile | undefined {
    return this.model().files.get(abs);
  }
}
