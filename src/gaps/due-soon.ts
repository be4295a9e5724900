/**
 * "What falls due next": the actions, measures and targets whose own due date lies within a
 * number of days from the as-of date, with who leads them: the reminder list a clerk sends out.
 */
import type { Action, CityPlan, Model } from '../model/types.js';
import { actionsInOrder, cityName, measureDuty, ownerName } from '../domain/index.js';
import { dateValue, targetStatus } from './status.js';
import type { StatusName } from './types.js';

const DAY = 86_400_000;

export interface DueItem {
  kind: 'action' | 'measure' | 'target';
  city: string;
  /** The action, or the action of the measure or target. */
  action: Action;
  /** For a measure: its number in its action, from 1. */
  measure?: number;
  /** For a target: its id. */
  target?: string;
  /** The action's title, the measure's text, the target's name. */
  text: string;
  due: string;
  lead?: string;
  support: string[];
  /** Names to print: the city's, the lead's and the supporters' (an id that names no owner prints as written). */
  cityName: string;
  leadName?: string;
  supportNames: string[];
  /** For a target: its status as of the report. */
  status?: StatusName;
}

export interface DueSoon {
  /** The first day counted: the as-of date. */
  from: string;
  /** The last day counted: `from` plus `days`. */
  until: string;
  days: number;
  items: DueItem[];
}

/** `date` plus `days` days, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const ms = dateValue(date);
  if (ms === undefined) return date;
  return new Date(ms + days * DAY).toISOString().slice(0, 10);
}

export interface DueSoonOptions {
  from: string;
  days: number;
  /** Progress after this date is ignored for the status of targets. */
  asOf?: string;
  /** Which actions count (the --owner filter). */
  action?: (action: Action) => boolean;
  /** Which target statuses count (the --status filter); achieved targets are never listed. */
  status?: (status: StatusName) => boolean;
}

/**
 * The items of the plans due from `from` to `from + days` (both included), by date, then in the
 * plans' order. A measure or target is listed only when it has a due date of its own: one that
 * inherits its action's is reminded of with the action. An achieved target needs no reminder.
 */
export function dueSoon(model: Model, plans: readonly CityPlan[], opts: DueSoonOptions): DueSoon {
  const until = addDays(opts.from, opts.days);
  const within = (due: string | undefined): due is string => due !== undefined && dateValue(due) !== undefined && due >= opts.from && due <= until;
  const items: DueItem[] = [];
  const named = (city: string, lead: string | undefined, support: string[]) => ({
    lead,
    support,
    cityName: cityName(model, city),
    leadName: lead === undefined ? undefined : ownerName(model, lead),
    supportNames: support.map((s) => ownerName(model, s)),
  });
  for (const plan of plans) {
    for (const action of actionsInOrder(plan)) {
      if (opts.action && !opts.action(action)) continue;
      if (within(action.due)) items.push({ kind: 'action', city: plan.city, action, text: action.title, due: action.due, ...named(plan.city, action.lead, action.support) });
      action.measures.forEach((m, i) => {
        if (!within(m.due)) return;
        const duty = measureDuty(m);
        items.push({ kind: 'measure', city: plan.city, action, measure: i + 1, text: m.text, due: m.due, ...named(plan.city, duty.lead, duty.support) });
      });
      for (const target of action.targets) {
        if (!within(target.due)) continue;
        const status = targetStatus(target, model, opts.asOf).status;
        if (status === 'achieved' || (opts.status && !opts.status(status))) continue;
        items.push({ kind: 'target', city: plan.city, action, target: target.id, text: target.name, due: target.due, ...named(plan.city, action.lead, action.support), status });
      }
    }
  }
  // stable: the plans' order within a day
  items.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return { from: opts.from, until, days: opts.days, items };
}
