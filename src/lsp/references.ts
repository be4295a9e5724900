/**
 * Where ids are written: which key of which kind names which sort (from the schemas' reference
 * marks, as lint in context reads them: engine/context.ts `referenceFields`), where an id is
 * defined, the id under the cursor, and every place that names one id.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { referenceFields } from '../engine/context.js';
import type { Range } from '../findings/index.js';
import { locate, yamlDocument, type Kind, type SourceDoc, type SourceFile } from '../load/source.js';
import type { Model, Origin } from '../model/types.js';
import type { ReferenceSort } from '../rules/types.js';
import { readSchema } from '../schema/index.js';
import type { Path } from '../types.js';

/** What an id can name: the sorts references name, and actions (defined, named by no reference). */
export type Sort = ReferenceSort | 'action';

/** The id at a place: what it names, and whether it is where that thing is defined. */
export interface IdAt {
  /** What it may name, in the order to look (`than`: a target, else an indicator). */
  sorts: Sort[];
  id: string;
  /** The scalar's range in the file's text. */
  range: Range;
  definition: boolean;
  doc: SourceDoc;
  path: Path;
}

/** For each kind, its reference keys and the sorts they name (`than` names a target or an indicator). */
export type ReferenceKeys = ReadonlyMap<Kind, ReadonlyMap<string, ReadonlySet<ReferenceSort>>>;

/** The reference keys of each kind, read from the schemas. */
export function referenceKeys(): ReferenceKeys {
  const out = new Map<Kind, Map<string, Set<ReferenceSort>>>();
  for (const kind of ['Campaign', 'Owners', 'Plan', 'Progress'] as const) out.set(kind, referenceFields([readSchema(kind)]));
  // `than` names a target or, failing that, a campaign indicator (domain/wording.ts, comparedName)
  out.get('Plan')?.get('than')?.add('indicator');
  return out;
}

/** What the id at `path` (a value, or with `key` a mapping key) of a document of `kind` names, if it is a reference or a definition. */
export function classify(kind: Kind | undefined, path: Path, key: boolean, keys: ReferenceKeys): { sorts: Sort[]; definition: boolean } | undefined {
  if (!kind) return undefined;
  if (key) {
    // the units of a progress value: `units: {xh: 5}`
    return kind === 'Progress' && path.length >= 2 && path[path.length - 2] === 'units' ? { sorts: ['unit'], definition: false } : undefined;
  }
  const last = lastKey(path);
  if (last === undefined) return undefined;
  if (last === 'id' && path[path.length - 1] === 'id') {
    const sort = definedSort(kind, path);
    return sort ? { sorts: [sort], definition: true } : undefined;
  }
  // a plan's target form sits under `target`: only a progress value's `target` names one
  if (kind === 'Plan' && last === 'target') return undefined;
  const sorts = keys.get(kind)?.get(last);
  return sorts && sorts.size ? { sorts: [...sorts], definition: false } : undefined;
}

/** The sort an `id` defines at `path` of a document of `kind`. */
function definedSort(kind: Kind, path: Path): Sort | undefined {
  const steps = path.filter((s) => typeof s === 'string');
  const shape = steps.join('/');
  switch (kind) {
    case 'Campaign':
      if (shape === 'id') return 'campaign';
      if (shape === 'cities/id') return 'city';
      if (shape === 'indicators/id') return 'indicator';
      if (steps[0] === 'tasks' && steps.slice(1, -1).every((s) => s === 'subtasks')) return 'task';
      return undefined;
    case 'Owners':
      return shape === 'owners/id' ? 'owner' : undefined;
    case 'Plan':
      if (shape === 'actions/id') return 'action';
      if (shape === 'actions/targets/id') return 'target';
      if (shape === 'units/id') return 'unit';
      return undefined;
    default:
      return undefined;
  }
}

function lastKey(path: Path): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

/** The scalar at `offset` of a file (a cursor just after an id counts), with the path to it. */
export function scalarAt(file: SourceFile, offset: number): { doc: SourceDoc; path: Path; key: boolean; value: string; range: Range } | undefined {
  for (const doc of file.docs) {
    if (!doc.parsed) continue;
    const contents = yamlDocument(doc)?.contents as Node | null | undefined;
    if (!contents?.range || offset < contents.range[0] || offset > contents.range[2]) continue;
    const hit = walk(contents, offset, []);
    if (hit) return { doc, ...hit };
  }
  return undefined;
}

const within = (range: readonly number[] | null | undefined, offset: number) => !!range && range[0] <= offset && offset <= range[1];

function walk(node: unknown, offset: number, path: Path): { path: Path; key: boolean; value: string; range: Range } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key;
      if (!isScalar(k)) continue;
      const name = String(k.value);
      if (within(k.range, offset)) return { path: [...path, name], key: true, value: name, range: [k.range![0], k.range![1]] };
      const v = pair.value as Node | null;
      if (v && within(v.range, offset)) return walk(v, offset, [...path, name]);
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node | null;
      if (item && within(item.range, offset)) return walk(item, offset, [...path, i]);
    }
    return undefined;
  }
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') && node.range) {
    return { path, key: false, value: String(node.value), range: [node.range[0], node.range[1]] };
  }
  return undefined;
}

/** The id at `offset` of a file, when it names or defines something. */
export function idAt(file: SourceFile, offset: number, keys: ReferenceKeys): IdAt | undefined {
  const hit = scalarAt(file, offset);
  if (!hit) return undefined;
  const what = classify(hit.doc.kind, hit.path, hit.key, keys);
  if (!what) return undefined;
  return { sorts: what.sorts, id: hit.value, range: hit.range, definition: what.definition, doc: hit.doc, path: hit.path };
}

/** The city a place belongs to: its document's `city` (a plan or report), or the owner's `city`. */
export function cityAt(doc: SourceDoc, path: Path): string | undefined {
  const v = doc.value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  if (typeof v.city === 'string') return v.city;
  if (doc.kind === 'Owners' && path[0] === 'owners' && typeof path[1] === 'number') {
    const owner = (v.owners as unknown[] | undefined)?.[path[1]] as Record<string, unknown> | undefined;
    if (owner && typeof owner.city === 'string') return owner.city;
  }
  return undefined;
}

/** A thing an id names, where it is defined. */
export interface Defined {
  sort: Sort;
  id: string;
  origin: Origin;
}

/** What `id` of one of `sorts` names in the model (a target, action or unit of `city` first). */
export function resolve(model: Model, sorts: readonly Sort[], id: string, city: string | undefined): Defined | undefined {
  for (const sort of sorts) {
    const origin = originOf(model, sort, id, city);
    if (origin) return { sort, id, origin };
  }
  return undefined;
}

function originOf(model: Model, sort: Sort, id: string, city: string | undefined): Origin | undefined {
  const campaign = model.campaign;
  const ofCity = <T extends { city: string; origin: Origin }>(items: T[]) => (items.find((x) => x.city === city) ?? items[0])?.origin;
  switch (sort) {
    case 'owner':
      return model.ownersById.get(id)?.origin;
    case 'task':
      return campaign?.allTasks.find((x) => x.id === id)?.origin;
    case 'indicator':
      return campaign?.indicators.find((x) => x.id === id)?.origin;
    case 'city':
      return campaign?.cities.find((x) => x.id === id)?.origin;
    case 'campaign':
      return model.campaigns.find((x) => x.id === id)?.origin;
    case 'target':
      return ofCity(model.targets.filter((x) => x.id === id));
    case 'action':
      return ofCity(model.actions.filter((x) => x.id === id));
    case 'unit': {
      const plans = city !== undefined ? [model.plans.get(city)] : [...model.plans.values()];
      for (const plan of plans) {
        const unit = plan?.units.find((u) => u.id === id);
        if (unit) return unit.origin;
      }
      return undefined;
    }
  }
}

/** Where a defined thing's id is written. */
export function definitionRange(defined: Defined): Range {
  return locate(defined.origin.doc, [...defined.origin.path, 'id']);
}

/** Every place of the model's files that names `id` as `sort` (definitions left out), in reading order. */
export function referencesTo(model: Model, sort: Sort, id: string, keys: ReferenceKeys): { doc: SourceDoc; path: Path; key: boolean }[] {
  const out: { doc: SourceDoc; path: Path; key: boolean }[] = [];
  for (const file of model.files) {
    for (const doc of file.docs) {
      if (!doc.parsed || !doc.kind) continue;
      const kind = doc.kind;
      const visit = (value: unknown, path: Path): void => {
        if (typeof value === 'string') {
          if (value !== id) return;
          const what = classify(kind, path, false, keys);
          if (what && !what.definition && what.sorts.includes(sort)) out.push({ doc, path, key: false });
        } else if (Array.isArray(value)) {
          value.forEach((v, i) => visit(v, [...path, i]));
        } else if (value !== null && typeof value === 'object') {
          for (const [k, v] of Object.entries(value)) {
            const at = [...path, k];
            if (k === id && sort === 'unit' && classify(kind, at, true, keys)) out.push({ doc, path: at, key: true });
            visit(v, at);
          }
        }
      };
      visit(doc.value, []);
    }
  }
  return out;
}
