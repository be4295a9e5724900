/** Helpers shared by the cross-file rules: where an item was written, and "did you mean" references. */
import { PlaceRef, t, type Localized, type MessageId } from '../i18n/index.js';
import { locate, type SourceDoc } from '../load/source.js';
import type { CityPlan, Model, Origin } from '../model/types.js';
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

/** Reports `unknown-reference/unknown` at a node, naming the closest existing id. */
export function reportUnknown(ctx: RuleContext, origin: Origin, at: Path, sort: string, id: string, candidates: Iterable<string>): void {
  ctx.report(origin, t('unknown-reference/unknown', { sort: sortName(sort), id, suggestion: closest(id, candidates) ?? '' }), { at });
}

export { cityName } from '../domain/names.js';

/** The document and path of a city plan's `city:` value: where findings about the plan as a whole point. */
export function planCityOrigin(plan: CityPlan): Origin {
  return { doc: plan.origin.doc, path: ['city'] };
}

/** A plain field of a document's top-level mapping. */
export function docField(doc: SourceDoc, key: string): unknown {
  const v = doc.value;
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
}

/** Whether the repository defines a campaign: without one, checks against it have nothing to compare with. */
export function hasCampaign(model: Model): boolean {
  return model.campaign !== undefined;
}

/** Whether part of a city's plan could not be read, so what seems missing from it may only be unreadable. */
export function planUnread(model: Model, city: string): boolean {
  const u = model.unread;
  return u.campaign || u.anyPlan || u.plansOf.has(city);
}

/** Whether a city id is one of the campaign's (true without a campaign: nothing to compare with). */
export function cityKnown(model: Model, city: string): boolean {
  const campaign = model.campaign;
  return !campaign || model.unread.campaign || campaign.cities.some((c) => c.id === city);
}
