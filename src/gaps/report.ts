/** The gap report as data: per city, the province tasks not covered, actions without lead or quantified target, required indicators not targeted, and the status of every target. */
import type { Action, Indicator, Model, Task } from '../model/types.js';
import { coveredTasks, coveringActions, hasQuantifiedTarget } from '../domain/coverage.js';
import { cityName } from '../domain/names.js';
import { plansShown } from '../domain/plan.js';
import { targetStatus } from '../domain/status.js';
import type { StatusName, TargetStatus } from '../domain/types.js';
import { dueSoon, type DueSoon } from './due-soon.js';
import { actionFilter, statusFilter, type TargetFilter } from '../domain/filter.js';

/** The order in which statuses are counted in a city's summary. */
export const STATUS_ORDER: readonly StatusName[] = ['achieved', 'on-track', 'at-risk', 'off-track', 'not-achieved', 'no-data', 'not-quantified'];

export interface CityGaps {
  city: string;
  /** As the campaign names it (杭州市), else the id. */
  name: string;
  /** False for a campaign city that has no plan: everything is then missing. */
  hasPlan: boolean;
  tasksNotCovered: Task[];
  actionsWithoutLead: Action[];
  actionsWithoutTarget: Action[];
  requiredIndicatorsMissing: Indicator[];
  targets: TargetStatus[];
  /** How many targets have each status. */
  counts: Record<StatusName, number>;
  /** For each leaf task of the campaign, the ids of the city's actions that cover it (all of them, whatever the filter). */
  coverage: Map<string, string[]>;
}

export interface GapReport {
  campaign?: string;
  campaignTitle?: string;
  /** The --as-of date, else the date of the latest progress report read (reports of the cities shown). */
  asOf?: string;
  /** Whether `asOf` was given (rather than found). */
  asOfGiven: boolean;
  cities: CityGaps[];
  /** The campaign's leaf tasks, the rows of the coverage map. */
  tasks: { id: string; title: string }[];
  /** What falls due next, when asked for (a date to count from is needed). */
  dueSoon?: DueSoon;
  /** The --owner and --status filters applied. */
  filter?: TargetFilter;
}

export interface GapOptions {
  /** Only these cities (ids), in the campaign's order. */
  cities?: readonly string[];
  /** Ignore progress reported after this date. */
  asOf?: string;
  /** Only what an owner leads or supports, only targets of some statuses. */
  filter?: TargetFilter;
  /** List what falls due within this many days of the as-of date (else of `today`). */
  dueWithin?: number;
  /** The day to count from when there is no as-of date (no --as-of, no progress report). */
  today?: string;
}

/** Every city id the repository knows: the campaign's, then those with a plan only. */
export function gapCities(model: Model): string[] {
  const ids = (model.campaign?.cities ?? []).map((c) => c.id);
  for (const id of model.plans.keys()) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** Natural order of ids, so HZ-2 comes before HZ-10 and actions read as the plan numbers them. */
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id, 'en', { numeric: true });

/** Builds the gap report of the chosen cities. */
export function gapReport(model: Model, opts: GapOptions = {}): GapReport {
  const campaign = model.campaign;
  const wanted = opts.cities && opts.cities.length > 0 ? new Set(opts.cities) : undefined;
  const ids = gapCities(model).filter((id) => !wanted || wanted.has(id));
  const actionWanted = actionFilter(model, opts.filter);
  const statusWanted = statusFilter(opts.filter);
  const filtering = !!opts.filter?.owner;
  const cities: CityGaps[] = [];
  for (const id of ids) {
    const plan = model.plans.get(id);
    const name = cityName(model, id);
    const all = [...(plan?.actions ?? [])].sort(byId);
    const actions = all.filter(actionWanted);
    // --owner: only the cities where the owner leads or supports something
    if (filtering && actions.length === 0) continue;
    const covered = campaign && plan ? coveredTasks(campaign, plan) : new Set<string>();
    const targeted = new Set(all.flatMap((a) => a.targets.map((x) => x.indicator)));
    const targets = actions
      .flatMap((a) => [...a.targets].sort(byId))
      .map((x) => targetStatus(x, model, opts.asOf))
      .filter((s) => statusWanted(s.status));
    const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<StatusName, number>;
    for (const s of targets) counts[s.status]++;
    cities.push({
      city: id,
      name,
      hasPlan: plan !== undefined,
      tasksNotCovered: (campaign?.leafTasks ?? []).filter((task) => !covered.has(task.id)),
      actionsWithoutLead: actions.filter((a) => a.lead === undefined),
      actionsWithoutTarget: actions.filter((a) => !hasQuantifiedTarget(a)),
      requiredIndicatorsMissing: (campaign?.indicators ?? []).filter((i) => i.required && !targeted.has(i.id)),
      targets,
      counts,
      coverage: campaign && plan ? coveringActions(campaign, plan) : new Map((campaign?.leafTasks ?? []).map((t) => [t.id, []])),
    });
  }
  let asOf = opts.asOf;
  if (asOf === undefined) {
    for (const r of model.progress) if (ids.includes(r.city) && (asOf === undefined || r.asOf > asOf)) asOf = r.asOf;
  }
  const from = asOf ?? opts.today;
  const due =
    opts.dueWithin !== undefined && from !== undefined
      ? dueSoon(model, cities.length ? plansShown(model, cities.map((c) => c.city)) : [], { from, days: opts.dueWithin, asOf: opts.asOf, action: actionWanted, status: statusWanted })
      : undefined;
  return {
    campaign: campaign?.id,
    campaignTitle: campaign?.title,
    asOf,
    asOfGiven: opts.asOf !== undefined,
    cities,
    tasks: (campaign?.leafTasks ?? []).map((t) => ({ id: t.id, title: t.title })),
    dueSoon: due,
    filter: opts.filter,
  };
}
