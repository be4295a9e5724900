/**
 * Lint in context, for a few named files: which files of the repository can change their findings.
 *
 * Every finding in a plan or progress file depends on its own documents and on the documents that
 * share a name with it: the campaign (and its tasks, indicators and cities), the owners it names,
 * the ids it defines (duplicates), the targets it reports on, a report's city, and the first plan
 * document of a plan's city (see `Names`). Each of those documents holds one of those names in its
 * text (`Campaign` for the campaign, `Owners` and the owner's id for an owner). So a file whose
 * bytes contain none of those strings is left unparsed: a byte search instead of a parse, model and
 * rules for the 2,000 other files of a repository. The few findings whose message or presence depends on
 * the whole repository (unknown references with their suggestions, coverage, required indicators,
 * missing plans) make the caller check again with every file (`needsWholeRepository`).
 *
 * What would hide a name from a byte search makes a file count as relevant: a backslash (an escape
 * in a double-quoted scalar), a NUL byte (UTF-16 or UTF-32), a file that cannot be read. Anchors,
 * aliases, merge keys, flow style and quoting all keep the name's bytes; GB18030 keeps ASCII bytes.
 */
import type { Finding } from '../types.js';
import type { Model } from '../model/types.js';
import { planCityOf } from './source.js';
import type { SourceFile } from './source.js';
import { DEFAULT_MAX_FILE_BYTES } from './index.js';
import { NodeFileSystem, type FileSystem } from './fs.js';

/** Keys whose values name what a relevant file holds: the targets reported on or compared with. */
const SHARED_NAMES = new Set(['target', 'than']);
/** Keys whose values name owners: relevant are the owners documents that hold one of them. */
const OWNER_NAMES = new Set(['lead', 'support', 'owner']);
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The rules whose findings in a file depend on files that do not share a name with it. */
const WHOLE_REPOSITORY_RULES: ReadonlySet<string> = new Set(['unknown-reference', 'missing-plan', 'task-not-covered', 'required-indicator-missing']);

let enabled = true;
/** Turns the narrowing off (tests compare both); on by default. */
export function setContextNarrowing(on: boolean): void {
  enabled = on;
}
export function contextNarrowingEnabled(): boolean {
  return enabled;
}

const outcomes = { narrowed: 0, whole: 0 };
/** How many checks in context were narrowed, and how many needed the whole repository (for tests and benchmarks). */
export function narrowingOutcomes(): { narrowed: number; whole: number } {
  return { ...outcomes };
}
export function countNarrowing(narrowed: boolean): void {
  outcomes[narrowed ? 'narrowed' : 'whole']++;
}

/**
 * What a relevant file holds, as strings: any of `names`, or `Owners` and any of `owners`.
 * `planCities` are the cities of named plan documents: of such a city, the caller needs the first
 * plan document in the order of the walk (coverage and required-indicator findings are placed on
 * it), and the whole city only when that first document is a named one. A progress report's city
 * is one of `names`: its plan gives the units of `per: unit` targets, its other reports tell which
 * one is the latest.
 */
export interface Names {
  names: string[];
  owners: string[];
  planCities: string[];
}

/**
 * The names of the named files' documents: the campaign's kind, their city, the ids they define, the
 * targets they report on or compare with, the owners they name (the campaign's tasks and indicators
 * are in the campaign). Undefined when a named file is not made only of parsed plan and progress
 * documents (a campaign or owners file concerns every file; a broken file may say anything): the
 * whole repository is needed anyway.
 */
export function namesOf(files: readonly SourceFile[]): Names | undefined {
  const names = new Set<string>(['Campaign']);
  const owners = new Set<string>();
  const planCities = new Set<string>();
  for (const file of files) {
    if (file.docs.length === 0) return undefined;
    for (const doc of file.docs) {
      if (!doc.parsed || (doc.kind !== 'Plan' && doc.kind !== 'Progress')) return undefined;
      collect(doc.value, undefined, names, owners);
      const city = (doc.value as { city?: unknown }).city;
      if (typeof city !== 'string' || city === '') continue;
      if (doc.kind === 'Progress') names.add(city);
      else planCities.add(city);
    }
  }
  return { names: [...names], owners: [...owners], planCities: [...planCities].filter((c) => !names.has(c)) };
}

/** Whether a file holds a plan document of `city` (as the model reads one). */
export function holdsPlanOf(file: SourceFile, city: string): boolean {
  return file.docs.some((doc) => planCityOf(doc) === city);
}

/** `key` is the key the value stands under; `listed` says it is an item of a list under that key. */
function collect(value: unknown, key: string | undefined, names: Set<string>, owners: Set<string>, listed = false): void {
  if (typeof value === 'string') {
    if (key === undefined || !ID.test(value)) return;
    if (key === 'id' || SHARED_NAMES.has(key)) names.add(value);
    else if (OWNER_NAMES.has(key)) owners.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, key, names, owners, true);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      // the keys of the `units` mapping of a progress value are unit ids
      if (key === 'units' && !listed && ID.test(k)) names.add(k);
      collect(v, k, names, owners);
    }
  }
}

/** The strings that hold none of the others (duplicates once). */
function minimal(strings: readonly string[]): string[] {
  const unique = [...new Set(strings)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of unique) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept;
}

/** Reads files' bytes into one reused buffer and tells whether they contain any of the names. */
export class NameSearch {
  private readonly names: Buffer[];
  private readonly owners: Buffer[];
  private readonly ownersKind = Buffer.from('Owners');

  /** `fs`: what to read through (default: the disk). */
  constructor(
    names: Names,
    private readonly fs: FileSystem = new NodeFileSystem(),
  ) {
    // A name that holds another is found whenever that one is: `c0050` makes `c0050-sfj-01` redundant.
    // Each name left is one search through each file, the cost that matters here.
    const core = minimal(names.names);
    this.names = core.map((n) => Buffer.from(n, 'utf8'));
    this.owners = minimal(names.owners)
      .filter((owner) => !core.some((name) => owner.includes(name)))
      .map((n) => Buffer.from(n, 'utf8'));
  }

  /** Whether `abs` may matter: it holds one of the names, or something that could hide one, or cannot be read. */
  relevant(abs: string): boolean {
    return this.relevantBytes(this.bytesOf(abs));
  }

  /** A file's bytes, valid until the next read; undefined when it has none, cannot be read or is too large. */
  bytesOf(abs: string): Uint8Array | undefined {
    return this.fs.readRegular(abs, DEFAULT_MAX_FILE_BYTES);
  }

  /** `relevant` for bytes read with `bytesOf` (no bytes: kept, for the reader to judge). */
  relevantBytes(data: Uint8Array | undefined): boolean {
    if (!data) return true;
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (bytes.indexOf(0x5c) >= 0 || bytes.indexOf(0) >= 0) return true;
    for (const name of this.names) if (bytes.indexOf(name) >= 0) return true;
    if (this.owners.length && bytes.indexOf(this.ownersKind) >= 0) {
      for (const owner of this.owners) if (bytes.indexOf(owner) >= 0) return true;
    }
    return false;
  }

}

/**
 * Whether findings checked on part of the repository might differ from those of the whole: a finding
 * of a whole-repository rule in a named file, or a repository part without the campaign or without
 * any owners (checks that a whole repository would make are then skipped).
 */
export function needsWholeRepository(model: Model, findings: readonly Finding[], named: (file: string) => boolean): boolean {
  if (!model.campaign) return true;
  if (!model.files.some((f) => f.docs.some((d) => d.kind === 'Owners'))) return true;
  return findings.some((f) => WHOLE_REPOSITORY_RULES.has(f.ruleId) && named(f.file));
}
