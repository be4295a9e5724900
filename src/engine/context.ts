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
 * Which keys name what, and which rules need the whole repository, is not listed here: it follows
 * from each rule's `reads` (src/rules) and the schemas' reference marks (`contextKeys`), so a new
 * rule or a new reference field changes what is read without an edit here.
 *
 * What would hide a name from a byte search makes a file count as relevant: a backslash (an escape
 * in a double-quoted scalar), a NUL byte (UTF-16 or UTF-32), a file that cannot be read. Anchors,
 * aliases, merge keys, flow style and quoting all keep the name's bytes; GB18030 keeps ASCII bytes.
 */
import type { Finding } from '../findings/index.js';
import type { Model } from '../model/types.js';
import { planCityOf, type SourceFile } from '../load/source.js';
import { DEFAULT_MAX_FILE_BYTES } from '../load/index.js';
import { NodeFileSystem, type FileSystem } from '../load/fs.js';
import { ruleCatalogue, type RuleId } from '../rules/index.js';
import type { ReferenceSort, RuleMeta } from '../rules/types.js';
import { readSchema } from '../schema/index.js';

/**
 * What lint in context needs to know of the keys of plan and progress documents, derived from the
 * rules' declarations (`reads`) and the schemas' reference marks (`$comment: reference:<sort>`):
 */
export interface ContextKeys {
  /** Keys whose values name what a relevant file holds (the ids a file defines, the targets it names). */
  names: ReadonlySet<string>;
  /** Keys whose values name owners: relevant are the owners documents that hold one of them. */
  owners: ReadonlySet<string>;
  /** Keys of mappings whose keys are ids (the units of a progress value). */
  keyNames: ReadonlySet<string>;
  /** The rules whose findings in a file depend on files that do not share a name with it. */
  wholeRepositoryRules: ReadonlySet<string>;
}

/** The sorts whose ids the campaign defines: found through the campaign document, which is always read. */
const CAMPAIGN_SORTS: ReadonlySet<ReferenceSort> = new Set(['campaign', 'task', 'indicator']);

/**
 * The reference fields of schemas: each property key marked `reference:<sort>`, directly, through
 * the definition it refers to, or through the items of a list.
 */
export function referenceFields(schemas: readonly Record<string, unknown>[]): Map<string, Set<ReferenceSort>> {
  const fields = new Map<string, Set<ReferenceSort>>();
  for (const schema of schemas) {
    const definitions = (schema.definitions ?? {}) as Record<string, Record<string, unknown>>;
    const markOf = (node: unknown, depth = 0): ReferenceSort | undefined => {
      if (!node || typeof node !== 'object' || depth > 4) return undefined;
      const n = node as Record<string, unknown>;
      const comment = typeof n.$comment === 'string' && n.$comment.startsWith('reference:') ? (n.$comment.slice('reference:'.length) as ReferenceSort) : undefined;
      if (comment) return comment;
      if (typeof n.$ref === 'string') return markOf(definitions[n.$ref.replace('#/definitions/', '')], depth + 1);
      if (n.items) return markOf(n.items, depth + 1);
      return undefined;
    };
    const seen = new Set<unknown>();
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object' || seen.has(node)) return;
      seen.add(node);
      if (Array.isArray(node)) return node.forEach(walk);
      const n = node as Record<string, unknown>;
      const props = n.properties as Record<string, unknown> | undefined;
      if (props && typeof props === 'object') {
        for (const [key, sub] of Object.entries(props)) {
          const sort = markOf(sub);
          if (sort) {
            const set = fields.get(key) ?? new Set<ReferenceSort>();
            set.add(sort);
            fields.set(key, set);
          }
        }
      }
      for (const v of Object.values(n)) walk(v);
    };
    walk(schema);
  }
  return fields;
}

/**
 * The keys lint in context looks at, from what the rules read and where the schemas reference:
 * the values of the reference fields of the sorts some rule resolves across files (owners apart:
 * they are searched in owners documents only; the campaign's sorts come with the campaign), and
 * `id`, by which a file is found that defines the same id or names one the named file defines.
 * The rules that read the whole city or repository make a check in context fall back to the whole.
 */
export function contextKeys(rules: readonly RuleMeta<string>[] = ruleCatalogue, schemas: readonly Record<string, unknown>[] = [readSchema('Plan'), readSchema('Progress')]): ContextKeys {
  const read = new Set<ReferenceSort>();
  const whole = new Set<string>();
  for (const rule of rules) {
    const reads = rule.reads ?? { scope: 'repository' };
    if (reads.scope === 'repository' || reads.scope === 'city') whole.add(rule.id);
    else if (reads.scope === 'references') for (const sort of reads.references ?? []) read.add(sort);
  }
  const names = new Set<string>(read.size ? ['id'] : []);
  const owners = new Set<string>();
  const keyNames = new Set<string>();
  for (const [key, sorts] of referenceFields(schemas)) {
    for (const sort of sorts) {
      if (!read.has(sort) || CAMPAIGN_SORTS.has(sort)) continue;
      if (sort === 'owner') owners.add(key);
      else if (key === 'units') keyNames.add(key); // an object whose keys are the references
      else names.add(key);
    }
  }
  return { names, owners, keyNames, wholeRepositoryRules: whole };
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

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
export function namesOf(files: readonly SourceFile[], keys: ContextKeys = contextKeys()): Names | undefined {
  const names = new Set<string>(['Campaign']);
  const owners = new Set<string>();
  const planCities = new Set<string>();
  for (const file of files) {
    if (file.docs.length === 0) return undefined;
    for (const doc of file.docs) {
      if (!doc.parsed || (doc.kind !== 'Plan' && doc.kind !== 'Progress')) return undefined;
      collect(doc.value, undefined, keys, names, owners);
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
function collect(value: unknown, key: string | undefined, keys: ContextKeys, names: Set<string>, owners: Set<string>, listed = false, top = true): void {
  if (typeof value === 'string') {
    if (key === undefined || !ID.test(value)) return;
    // a document's own `city` is handled by the caller (a report's city, a plan's first document)
    if (top && key === 'city') return;
    if (keys.names.has(key)) names.add(value);
    else if (keys.owners.has(key)) owners.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, key, keys, names, owners, true, false);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      // the keys of a mapping such as a progress value's `units` are ids
      if (key !== undefined && keys.keyNames.has(key) && !listed && ID.test(k)) names.add(k);
      collect(v, k, keys, names, owners, false, key === undefined);
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
    names: Pick<Names, 'names' | 'owners'>,
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
export function needsWholeRepository(model: Model, findings: readonly Finding[], named: (file: string) => boolean, keys: ContextKeys = contextKeys()): boolean {
  if (!model.campaign) return true;
  if (!model.files.some((f) => f.docs.some((d) => d.kind === 'Owners'))) return true;
  return findings.some((f) => keys.wholeRepositoryRules.has(f.ruleId satisfies RuleId) && named(f.file));
}
