/**
 * Target status (plan-format.md, "Target status"): how far a target has come against how much of
 * its time has passed (时间过半、任务过半). The method, with every choice made where the spec is
 * silent, is printed with each gap report (message `gaps/method`); keep the two in step.
 */
import type { Model, Op, ProgressValue, Target } from '../model/types.js';
import type { StatusName, TargetStatus, UnitStatus } from './types.js';
import { isCalendarDate } from '../util/date.js';

/**
 * Comparisons of p with e, and of a value with its target, allow this much (relative to the
 * size of the numbers), so that `p = e` computed through different roundings still counts as
 * equal: 0.1 + 0.2 >= 0.3 must hold.
 */
export const EPSILON = 1e-9;
/** How far behind the time share a target may be and still be `at-risk` rather than `off-track`. */
export const AT_RISK_MARGIN = 0.1;
/** Default tolerance of `~`: 5% of the value compared with. */
export const DEFAULT_TOLERANCE_SHARE = 0.05;

const DAY = 86_400_000;

/** Milliseconds of a `YYYY-MM-DD` date at UTC midnight, or undefined when it is not a date. */
export function dateValue(date: string | undefined): number | undefined {
  if (!date) return undefined;
  // a repository uses few dates, each many times (every status reads three)
  let ms = dateValues.get(date);
  if (ms === undefined && !dateValues.has(date)) {
    ms = isCalendarDate(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
    if (Number.isNaN(ms)) ms = undefined;
    if (dateValues.size >= 4096) dateValues.clear();
    dateValues.set(date, ms);
  }
  return ms;
}

const dateValues = new Map<string, number | undefined>();

/**
 * Calendar years from `from` to `to`: whole years, then the rest as a share of the following
 * year, so 2021-12-31 → 2025-12-31 is exactly 4 and 2021-12-31 → 2022-12-31 exactly 1.
 */
export function yearsBetween(from: string, to: string): number | undefined {
  const a = dateValue(from);
  const b = dateValue(to);
  if (a === undefined || b === undefined) return undefined;
  if (b < a) return -(yearsBetween(to, from) ?? 0);
  const start = new Date(a);
  const plus = (n: number) => Date.UTC(start.getUTCFullYear() + n, start.getUTCMonth(), start.getUTCDate());
  let whole = 0;
  while (plus(whole + 1) <= b) whole++;
  const from0 = plus(whole);
  const next = plus(whole + 1);
  return whole + (b - from0) / (next - from0);
}

const near = (x: number, y: number) => Math.abs(x - y) <= EPSILON * Math.max(1, Math.abs(x), Math.abs(y));
const atLeast = (x: number, y: number) => x > y || near(x, y);
const atMost = (x: number, y: number) => x < y || near(x, y);

/** Whether `a` satisfies `op goal` (with `~`: within `tolerance`, default 5% of `goal`). */
export function meetsOp(a: number, op: Op, goal: number, tolerance?: number): boolean {
  switch (op) {
    case '>=':
      return atLeast(a, goal);
    case '>':
      return a > goal && !near(a, goal);
    case '<=':
      return atMost(a, goal);
    case '<':
      return a < goal && !near(a, goal);
    case '=':
      return near(a, goal);
    case '~':
      return atMost(Math.abs(a - goal), tolerance ?? Math.abs(goal) * DEFAULT_TOLERANCE_SHARE);
  }
}

/** Progress values by city, then target id, oldest first; built once per model (the model is not changed after it is built). */
const progressIndex = new WeakMap<Model, Map<string, Map<string, ProgressValue[]>>>();
const NO_PROGRESS: ProgressValue[] = Object.freeze([]) as unknown as ProgressValue[];

/** Every progress value reported for a target by its own city, oldest report first (reading order within a day). */
export function progressOf(model: Model, target: Target): ProgressValue[] {
  let index = progressIndex.get(model);
  if (!index) {
    index = new Map();
    // model.progress is sorted by as_of, stable in reading order
    for (const report of model.progress) {
      let ofCity = index.get(report.city);
      if (!ofCity) index.set(report.city, (ofCity = new Map()));
      for (const v of report.values) {
        const list = ofCity.get(v.target);
        if (list) list.push(v);
        else ofCity.set(v.target, [v]);
      }
    }
    progressIndex.set(model, index);
  }
  return index.get(target.city)?.get(target.id) ?? NO_PROGRESS;
}

/** The latest progress value reported for a target (of its city), with the report's `as_of` not after `asOf`. */
export function latestProgress(model: Model, target: Target, asOf?: string): ProgressValue | undefined {
  const values = progressOf(model, target);
  for (let i = values.length - 1; i >= 0; i--) {
    if (asOf === undefined || values[i].report.asOf <= asOf) return values[i];
  }
  return undefined;
}

/** t0: the baseline's date, else the campaign's start. */
export function startDate(target: Target, model: Model): string | undefined {
  return target.baseline?.date ?? model.campaign?.period?.start;
}

/** t1: the target's due date, else its action's, else the campaign's end. */
export function dueDate(target: Target, model: Model): string | undefined {
  return target.due ?? target.action.due ?? model.campaign?.period?.end;
}

/** e = (t - t0) / (t1 - t0), with t capped at t1 (a report after the due date gives e = 1) and e never below 0. */
export function elapsedShare(t0: string | undefined, t: string | undefined, t1: string | undefined): number | undefined {
  const a = dateValue(t0);
  const b = dateValue(t);
  const c = dateValue(t1);
  if (a === undefined || b === undefined || c === undefined || c <= a) return undefined;
  const capped = Math.min(Math.max(b, a), c);
  return Math.round((capped - a) / DAY) / Math.round((c - a) / DAY);
}

/** The value to reach, T, of a quantified target given its baseline; undefined when it cannot be said. */
export function goalValue(target: Target, model: Model, compared?: number): number | undefined {
  const goal = rawGoal(target, model, compared);
  // a goal beyond what a double holds (b = -1e308, +50%: -Infinity, which every value "meets") says nothing
  return goal === undefined || Number.isFinite(goal) ? goal : undefined;
}

function rawGoal(target: Target, model: Model, compared?: number): number | undefined {
  const form = target.target;
  const b = target.baseline?.value;
  if (!form) return undefined;
  switch (form.form) {
    case 'level':
      return form.value;
    case 'range':
      if (b === undefined) return undefined;
      if (b < form.min) return form.min;
      if (b > form.max) return form.max;
      return undefined; // the baseline is already inside the range
    case 'change':
      if (b === undefined) return undefined;
      return form.percent ? b * (1 + form.amount / 100) : b + form.amount;
    case 'annual': {
      if (b === undefined) return undefined;
      const t0 = startDate(target, model);
      const t1 = dueDate(target, model);
      const years = t0 && t1 ? yearsBetween(t0, t1) : undefined;
      if (years === undefined || years <= 0) return undefined;
      // a relative annual change compounds; an absolute one adds up year by year
      return form.percent ? b * Math.pow(1 + form.amount / 100, years) : b + form.amount * years;
    }
    case 'relative':
      return compared;
    case 'qualitative':
      return undefined;
  }
}

/** Whether `a` meets the target, its goal `goal` already worked out. */
function meets(target: Target, a: number, goal: number | undefined): boolean | undefined {
  const form = target.target;
  if (!form) return undefined;
  switch (form.form) {
    case 'level':
      return meetsOp(a, form.op, form.value, form.tolerance);
    case 'range':
      return atLeast(a, form.min) && atMost(a, form.max);
    case 'change':
    case 'annual':
      if (goal === undefined) return undefined;
      return form.amount >= 0 ? atLeast(a, goal) : atMost(a, goal);
    case 'relative':
      if (goal === undefined) return undefined;
      return meetsOp(a, form.op, goal, form.tolerance);
    case 'qualitative':
      return undefined;
  }
}

/** The latest value of what a relative target names: another target of the campaign, else a campaign indicator (the value of this city's first target of it). */
export function comparedValue(target: Target, model: Model, asOf?: string): { value: number; date: string } | undefined {
  const form = target.target;
  if (form?.form !== 'relative') return undefined;
  let other = model.targetsById.get(form.than);
  if (!other && model.campaign?.indicators.some((i) => i.id === form.than)) {
    other = model.targets.find((x) => x.city === target.city && x.indicator === form.than && x !== target);
  }
  if (!other || other === target) return undefined;
  const v = latestProgress(model, other, asOf);
  return v?.value !== undefined ? { value: v.value, date: v.report.asOf } : undefined;
}

/** Which way the target points: +1 up (`>=`, `>`, a rise), -1 down, 0 towards a value (`=`, `~`, a range, a relative). */
function direction(target: Target): number {
  const form = target.target;
  if (form?.form === 'level') return form.op === '>=' || form.op === '>' ? 1 : form.op === '<=' || form.op === '<' ? -1 : 0;
  if (form?.form === 'change' || form?.form === 'annual') return Math.sign(form.amount);
  return 0;
}

interface Judged {
  status: StatusName;
  progress?: number;
  elapsed?: number;
}

/** Whether the due date t1 has passed for a value reported at `t`: the report is dated on or after t1, or `asOf` is after it. */
export function pastDue(t1: string | undefined, t: string | undefined, asOf?: string): boolean {
  const due = dateValue(t1);
  if (due === undefined) return false;
  const at = dateValue(t);
  const as = dateValue(asOf);
  return (at !== undefined && at >= due) || (as !== undefined && as > due);
}

/** Status of one value `a` reported at `t`: achieved; not-achieved once past due; else p against e. */
function judge(target: Target, model: Model, a: number, t: string, goal: number | undefined, asOf?: string): Judged {
  // a relative target moves with what it names: there is no trajectory from a baseline to follow
  const b = target.target?.form === 'relative' ? undefined : target.baseline?.value;
  const met = meets(target, a, goal);
  const t0 = startDate(target, model);
  const t1 = dueDate(target, model);
  const elapsed = b !== undefined ? elapsedShare(t0, t, t1) : undefined;
  let progress: number | undefined;
  // T on the far side of b from where the target points (b already met it) leaves no way to go: no p
  const way = direction(target);
  if (b !== undefined && goal !== undefined && !near(goal, b) && (way === 0 || Math.sign(goal - b) === way)) progress = (a - b) / (goal - b);
  if (progress !== undefined && !Number.isFinite(progress)) progress = undefined; // a difference beyond a double's range
  if (met) return { status: 'achieved', progress, elapsed };
  // past the due date, a target not met is not achieved: there is no time left to be on track or at risk
  if (pastDue(t1, t, asOf) && met === false) return { status: 'not-achieved', progress, elapsed };
  if (b === undefined || goal === undefined) return { status: 'not-achieved', progress, elapsed };
  if (progress === undefined) {
    // the baseline already met the target (T = b) and the latest value no longer does: it slipped back
    return { status: 'off-track', progress, elapsed };
  }
  if (elapsed === undefined) return { status: 'not-achieved', progress, elapsed };
  if (atLeast(progress, elapsed)) return { status: 'on-track', progress, elapsed };
  if (atLeast(progress, elapsed - AT_RISK_MARGIN)) return { status: 'at-risk', progress, elapsed };
  return { status: 'off-track', progress, elapsed };
}

/** Worst first: the order in which a `per: unit` target takes the status of its worst unit. */
export const STATUS_SEVERITY: readonly StatusName[] = ['off-track', 'not-achieved', 'at-risk', 'no-data', 'on-track', 'achieved', 'not-quantified'];

/** Statuses that count as falling short (for `unitsShort` and summaries). */
export function isShort(status: StatusName): boolean {
  return status === 'off-track' || status === 'at-risk' || status === 'not-achieved' || status === 'no-data';
}

/**
 * The status of a target against its latest progress (reports after `asOf` ignored), with the
 * figures that lead to it: b, T, a and its date, p and e, and for `per: unit` targets each unit.
 */
export function targetStatus(target: Target, model: Model, asOf?: string): TargetStatus {
  const form = target.target;
  const baseline = target.baseline?.value;
  // written out rather than spread: a status is made for every target of every run (spreads cost)
  const start = startDate(target, model);
  const due = dueDate(target, model);
  if (!form || form.form === 'qualitative') return { target, status: 'not-quantified', baseline, start, due };

  if (target.per === 'unit') return Object.assign(unitTargetStatus(target, model, asOf), { start, due });

  let compared: number | undefined;
  if (form.form === 'relative') compared = comparedValue(target, model, asOf)?.value;
  const goal = goalValue(target, model, compared);
  const latest = latestProgress(model, target, asOf);
  const base: TargetStatus = { target, status: 'no-data', baseline, goal, compared, start, due };
  if (!latest || latest.value === undefined) return base;
  base.latest = latest.value;
  base.latestDate = latest.report.asOf;
  if (form.form === 'relative' && compared === undefined) return base; // nothing to compare with yet
  // a change from a baseline whose goal cannot be worked out (it overflows): nothing can be said
  if ((form.form === 'change' || form.form === 'annual') && baseline !== undefined && goal === undefined && Number.isFinite(baseline)) {
    const raw = rawGoal(target, model, compared);
    if (raw !== undefined && !Number.isFinite(raw)) return base;
  }
  const judged = judge(target, model, latest.value, latest.report.asOf, goal, asOf);
  base.status = judged.status;
  base.progress = judged.progress;
  base.elapsed = judged.elapsed;
  return base;
}

/** A `per: unit` target: each of the plan's units judged on its own latest value; the target takes its worst unit's status. */
function unitTargetStatus(target: Target, model: Model, asOf?: string): TargetStatus {
  const form = target.target!;
  const baseline = target.baseline?.value;
  const goal = goalValue(target, model);
  // per unit, the latest report that gives a value for it (a later report may list only some units)
  const byUnit = new Map<string, { value: number; date: string }>();
  for (const v of progressOf(model, target)) {
    if (!v.units || (asOf !== undefined && v.report.asOf > asOf)) continue;
    for (const [unit, value] of Object.entries(v.units)) byUnit.set(unit, { value, date: v.report.asOf });
  }
  const planUnits = target.action.plan.units.map((u) => u.id);
  const unitIds = planUnits.length > 0 ? planUnits : [...byUnit.keys()];
  const units: UnitStatus[] = unitIds.map((unit) => {
    const got = byUnit.get(unit);
    if (!got) return { unit, status: 'no-data' };
    const judged = form.form === 'relative' ? { status: 'no-data' as StatusName } : judge(target, model, got.value, got.date, goal, asOf);
    return { unit, status: judged.status, latest: got.value, progress: judged.progress, elapsed: 'elapsed' in judged ? judged.elapsed : undefined };
  });
  const result: TargetStatus = { target, status: 'no-data', baseline, goal, units, unitsShort: units.filter((u) => isShort(u.status)).map((u) => u.unit) };
  if (byUnit.size === 0 || units.length === 0) return result;
  const worst = units.reduce((w, u) => (STATUS_SEVERITY.indexOf(u.status) < STATUS_SEVERITY.indexOf(w.status) ? u : w));
  result.status = worst.status;
  // the figures shown for the target are its worst unit's (the least progress among the units that reported)
  const reported = units.filter((u) => u.latest !== undefined);
  // values only for units the plan does not list (`units: {constructor: 5}`): nothing to judge
  if (reported.length === 0) return result;
  const least = reported.reduce((w, u) => ((u.progress ?? Infinity) < (w.progress ?? Infinity) ? u : w), reported[0]);
  result.latest = least.latest;
  result.progress = least.progress;
  result.latestDate = reported.reduce((d, u) => {
    const date = byUnit.get(u.unit)!.date;
    return date > d ? date : d;
  }, '');
  if (baseline !== undefined) result.elapsed = elapsedShare(startDate(target, model), result.latestDate, dueDate(target, model));
  return result;
}
