/** Helpers shared by the cross-file rules: where an item was written, and "did you mean" references. */
import { PlaceRef, t, type Localized, type MessageId } from '../i18n/index.js';
import { locate, valueRange, type SourceDoc } from '../load/source.js';
import type { Model, Origin } from '../model/types.js';
import type { Path } from '../types.js';
import { closest } from '../util/closest.js';
import type { RuleContext } from './types.js';

/** The place (`file:line`) of the node at `path` inside an origin, for messages that name another place. */
export function placeOf(origin: Origin, at: Path = []): PlaceRef {
  const range = locate(origin.doc, [...origin.path, ...at]);
  return new PlaceRef(origin.doc.file.path, origin.doc.file.lines.position(range[0]).line);
}

/** The localized name of a sort of id (`sort/owner` …). */
export function sortName(sort: string): Localized {
  return t(`sort/${sort}` as MessageId);
}

/** What a name, title or alias written in place of an id means: the id, and which of the three it is. */
export interface NameHit {
  id: string;
  how: 'name' | 'alias' | 'title';
}

const nameIndexes = new WeakMap<Model, Map<string, Map<string, NameHit[]>>>();

/** The ids of a sort by their names, titles and aliases (made once per model and sort). */
function namesOf(model: Model, sort: string): Map<string, NameHit[]> {
  let bySort = nameIndexes.get(model);
  if (!bySort) nameIndexes.set(model, (bySort = new Map()));
  let index = bySort.get(sort);
  if (index) return index;
  index = new Map();
  const add = (name: string | undefined, id: string, how: NameHit['how']) => {
    if (!name || name === id) return;
    const list = index!.get(name) ?? [];
    if (!list.some((h) => h.id === id)) list.push({ id, how });
    index!.set(name, list);
  };
  const campaign = model.campaign;
  if (sort === 'owner') {
    for (const o of model.owners) {
      add(o.name, o.id, 'name');
      for (const a of o.aliases) add(a, o.id, 'alias');
    }
  } else if (sort === 'task') {
    for (const x of campaign?.allTasks ?? []) add(x.title, x.id, 'title');
  } else if (sort === 'city') {
    for (const c of campaign?.cities ?? []) add(c.name, c.id, 'name');
  } else if (sort === 'indicator' || sort === 'indicator-or-target') {
    for (const x of campaign?.indicators ?? []) add(x.name, x.id, 'name');
    if (sort === 'indicator-or-target') for (const x of model.targets) add(x.name, x.id, 'name');
  } else if (sort === 'target') {
    for (const x of model.targets) add(x.name, x.id, 'name');
  } else if (sort === 'unit') {
    for (const p of model.plans.values()) for (const u of p.units) add(u.name, u.id, 'name');
  }
  bySort.set(sort, index);
  return index;
}

/** The one id a name, title or alias stands for, if exactly one thing of the sort is so called. */
export function byName(model: Model, sort: string, written: string, among?: (id: string) => boolean): NameHit | undefined {
  const hits = (namesOf(model, sort).get(written.trim()) ?? []).filter((h) => !among || among(h.id));
  return hits.length === 1 ? hits[0] : undefined;
}

/** The name shown beside an id in a did-you-mean (`HZ-03-K1（法治体检企业数）`), if the thing has one. */
export function nameOfId(model: Model, sort: string, id: string): string {
  if (sort === 'owner') return model.ownersById.get(id)?.name ?? '';
  if (sort === 'target') return model.targetsById.get(id)?.name ?? '';
  if (sort === 'task') return model.campaign?.allTasks.find((x) => x.id === id)?.title ?? '';
  if (sort === 'city') return model.campaign?.cities.find((x) => x.id === id)?.name ?? '';
  if (sort === 'indicator' || sort === 'indicator-or-target') {
    return model.campaign?.indicators.find((x) => x.id === id)?.name ?? (sort === 'indicator-or-target' ? model.targetsById.get(id)?.name ?? '' : '');
  }
  return '';
}

/**
 * The closest id to a typo, trying the nearest candidates first (the same action's, then the same
 * city's, then all), so that `HZ-03-K2` suggests `HZ-03-K1` before `HZ-30-K2`.
 */
export function closestPreferring(id: string, groups: Iterable<string>[]): string | undefined {
  for (const group of groups) {
    const hit = closest(id, group);
    if (hit) return hit;
  }
  return undefined;
}

/** The fix that writes `text` over the node (or key) at `at` inside an origin. */
export function locatedFix(origin: Origin, at: Path, text: string, key = false): { range: [number, number]; text: string } {
  // inside the quotes of a quoted name: quoting stays as written
  const range = valueRange(origin.doc.file.text, locate(origin.doc, [...origin.path, ...at], { key }));
  return { range, text };
}

/**
 * Reports an id that names nothing: when it is the name, title or alias of one thing of its sort,
 * one finding that gives the id (with the replacement as its fix); else `unknown-reference/unknown`
 * with the closest existing id and its name.
 */
export function reportUnknown(ctx: RuleContext, origin: Origin, at: Path, sort: string, id: string, candidates: Iterable<string>, nearer: Iterable<string>[] = []): void {
  // a finding nobody asked for (a file read as context) is dropped by report: no name or suggestion to look for
  if (ctx.wants && !ctx.wants(origin)) return;
  const hit = byName(ctx.model, sort, id);
  if (hit) {
    ctx.report(origin, t('unknown-reference/by-name', { sort: sortName(sort), written: id, id: hit.id, how: t(`how/${hit.how}`), fix: locatedFix(origin, at, hit.id) }), { at });
    return;
  }
  const suggestion = closestPreferring(id, [...nearer, candidates]) ?? '';
  ctx.report(origin, t('unknown-reference/unknown', { sort: sortName(sort), id, suggestion, suggestionName: suggestion ? nameOfId(ctx.model, sort, suggestion) : '' }), { at });
}

export { cityName } from '../domain/names.js';
export { planCityOrigin, planUnread } from '../domain/plan.js';


/** A plain field of a document's top-level mapping. */
export function docField(doc: SourceDoc, key: string): unknown {
  const v = doc.value;
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
}

/** Whether the repository defines a campaign: without one, checks against it have nothing to compare with. */
export function hasCampaign(model: Model): boolean {
  return model.campaign !== undefined;
}


/** Whether a city id is one of the campaign's (true without a campaign: nothing to compare with). */
export function cityKnown(model: Model, city: string): boolean {
  const campaign = model.campaign;
  return !campaign || model.unread.campaign || campaign.cities.some((c) => c.id === city);
}
