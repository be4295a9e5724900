/** How a plan reads: numbers as the drafter wrote them, a measure's duty, actions in reading order. */
import { isScalar } from 'yaml';
import { yamlDocument } from '../load/source.js';
import type { Action, CityPlan, Measure, Model, Origin } from '../model/types.js';
import type { Path } from '../types.js';
import { formatNumber, writtenOtherwise } from '../util/number.js';

/**
 * A number as the drafter wrote it (`5.0` stays `5.0`), read from the YAML source at `path`
 * below the item; the value itself when the source says something else.
 */
export function numberAsWritten(origin: Origin, path: Path, value: number): string {
  // a document whose every number is written as formatNumber prints it needs no syntax tree
  if (origin.doc.numbersAsPrinted) return formatNumber(value);
  const node = yamlDocument(origin.doc)?.getIn([...origin.path, ...path], true);
  if (isScalar(node) && typeof node.source === 'string' && node.value === value && writtenOtherwise(node.source, value)) {
    return node.source.trim();
  }
  return formatNumber(value);
}

/** The lead, support and due of a measure: its own where it says, else its action's. */
export function measureDuty(measure: Measure): { lead?: string; support: string[]; due?: string } {
  const action = measure.action;
  // A measure that names its own lead but no support is that lead's alone.
  const support = measure.support.length ? measure.support : measure.lead ? [] : action.support;
  return { lead: measure.lead ?? action.lead, support, due: measure.due ?? action.due };
}

/**
 * A plan's actions in the order a reader expects: those of the document that carries the plan's
 * title first (its head), then the other documents in reading order, each in its own order.
 */
export function actionsInOrder(plan: CityPlan): Action[] {
  const rank = (action: Action) => {
    const i = plan.docs.indexOf(action.origin.doc);
    const doc = action.origin.doc.value as Record<string, unknown> | undefined;
    return doc && typeof doc === 'object' && 'title' in doc ? -1 : i;
  };
  return plan.actions.map((a, i) => ({ a, i, r: rank(a) })).sort((x, y) => x.r - y.r || x.i - y.i).map((x) => x.a);
}

/** The plans to show, in the campaign's order of cities, then any other plan in reading order. */
export function plansShown(model: Model, cities: readonly string[] | undefined): CityPlan[] {
  const order = (model.campaign?.cities ?? []).map((c) => c.id);
  for (const id of model.plans.keys()) if (!order.includes(id)) order.push(id);
  const wanted = cities && cities.length ? new Set(cities) : undefined;
  return order.filter((id) => !wanted || wanted.has(id)).flatMap((id) => {
    const plan = model.plans.get(id);
    return plan ? [plan] : [];
  });
}

/** The document and path of a city plan's `city:` value: where findings about the plan as a whole point. */
export function planCityOrigin(plan: CityPlan): Origin {
  return { doc: plan.origin.doc, path: ['city'] };
}

/** Whether part of a city's plan could not be read, so what seems missing from it may only be unreadable. */
export function planUnread(model: Model, city: string): boolean {
  const u = model.unread;
  return u.campaign || u.anyPlan || u.plansOf.has(city);
}
