/**
 * The comparison of `plans diff`: two models (OLD and NEW, each built as lint builds it) to the
 * changes a reviewer must see, each with its kind, the ids it concerns and its place (in NEW, in
 * OLD for what is gone). Items are matched by id (targets, actions), measures by their text within
 * their action, progress values by (target, unit, date). A pure function of the two models.
 */
import { clipValue, t, type Localized } from '../i18n/index.js';
import { locate } from '../load/source.js';
import type { Action, Measure, Model, Origin, Target, TargetForm } from '../model/types.js';
import { coveredTasks } from '../domain/coverage.js';
import { cityName } from '../domain/names.js';
import { planCityOrigin, planUnread } from '../domain/plan.js';
import { measureDuty } from '../domain/plan.js';
import { targetWording } from '../domain/wording.js';
import { formatNumber } from '../util/number.js';
import type { Path } from '../types.js';
import { compareStrength, type StrengthReason } from './strength.js';
import { CHANGE_SEVERITY, type Change, type ChangeKind, type ChangePlace } from './types.js';

/** Every change from `old` to `next`, in the order of `sortChanges`. */
export function diffModels(old: Model, next: Model): Change[] {
  const sides: Sides = { old, next, changes: [] };
  const renamed = diffTargets(sides);
  diffActions(sides);
  diffCoverage(sides);
  diffProgress(sides, renamed);
  return sortChanges(sides.changes, cityOrder(next, old));
}

interface Sides {
  old: Model;
  next: Model;
  changes: Change[];
}

interface Spot {
  origin: Origin;
  at?: Path;
  side: 'old' | 'new';
}

/** The place of the node at `at` below an item: its value, else the deepest node written. */
export function placeOf(origin: Origin, at: Path = []): ChangePlace {
  const file = origin.doc.file;
  const range = locate(origin.doc, [...origin.path, ...at]);
  const start = file.lines.position(range[0]);
  const end = file.lines.position(Math.max(range[0], range[1]));
  return { file: file.path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, offset: range[0] };
}

function push(sides: Sides, kind: ChangeKind, spot: Spot, fields: Omit<Change, 'kind' | 'severity' | 'side' | 'place' | 'message'>, message: Localized): void {
  sides.changes.push({ kind, severity: CHANGE_SEVERITY[kind], ...fields, side: spot.side, place: placeOf(spot.origin, spot.at), message });
}

/** Whether what seems gone from a city of NEW may only be unreadable there (NEW has a file that did not parse). */
function unreadIn(model: Model, city: string): boolean {
  return planUnread(model, city);
}

// ---------------------------------------------------------------------------------------------
// Targets

/** Compares targets by id; returns the renames found (OLD id → NEW id). */
function diffTargets(sides: Sides): Map<string, string> {
  const { old, next } = sides;
  const newActionIds = new Set(next.actions.map((a) => a.id));
  const oldActionIds = new Set(old.actions.map((a) => a.id));
  const gone = [...old.targetsById.values()].filter((x) => !next.targetsById.has(x.id));
  const fresh = [...next.targetsById.values()].filter((x) => !old.targetsById.has(x.id));
  // a target whose id alone changed (same city, every other field the same) is one rename
  const renamed = new Map<string, string>();
  const freshBySignature = new Map<string, Target[]>();
  for (const x of fresh) {
    const key = signature(x);
    const list = freshBySignature.get(key);
    if (list) list.push(x);
    else freshBySignature.set(key, [x]);
  }
  const taken = new Set<Target>();
  for (const x of gone) {
    const match = freshBySignature.get(signature(x))?.find((y) => !taken.has(y));
    if (!match) continue;
    taken.add(match);
    renamed.set(x.id, match.id);
    push(sides, 'target-renamed', { origin: match.origin, at: ['id'], side: 'new' }, { city: match.city, action: match.action.id, target: match.id, renamedFrom: x.id, before: x.id, after: match.id }, t('diff/target-renamed', { from: x.id, to: match.id }));
  }
  for (const x of gone) {
    if (renamed.has(x.id)) continue;
    // an action gone takes its targets with it: action-removed says so once
    if (!newActionIds.has(x.action.id)) continue;
    if (unreadIn(next, x.city)) continue;
    push(sides, 'target-removed', { origin: x.origin, at: ['id'], side: 'old' }, { city: x.city, action: x.action.id, target: x.id, before: targetValue(x) }, t('diff/target-removed', { target: x.id, name: x.name }));
  }
  for (const x of fresh) {
    if (taken.has(x) || !oldActionIds.has(x.action.id)) continue;
    push(sides, 'target-added', { origin: x.origin, at: ['id'], side: 'new' }, { city: x.city, action: x.action.id, target: x.id, after: targetValue(x) }, t('diff/target-added', { target: x.id, name: x.name, wording: wording(x, next) }));
  }
  for (const before of old.targetsById.values()) {
    const after = next.targetsById.get(renamed.get(before.id) ?? before.id);
    if (after) compareTarget(sides, before, after);
  }
  return renamed;
}

/** Everything of a target but its id and its action's: what a rename keeps. */
function signature(x: Target): string {
  return JSON.stringify([x.city, x.name, x.indicator ?? null, x.unit ?? null, x.better ?? null, x.per ?? null, x.baseline ?? null, x.target ?? null, x.due ?? null, x.nature]);
}

function compareTarget(sides: Sides, before: Target, after: Target): void {
  const ids = { city: after.city, action: after.action.id, target: after.id };
  const strength = compareStrength(before, after, sides.old, sides.next);
  if (strength.verdict !== 'same') {
    const weaker = strength.verdict === 'weaker';
    push(
      sides,
      weaker ? 'target-weakened' : 'target-strengthened',
      { origin: after.origin, at: after.target ? ['target'] : [], side: 'new' },
      { ...ids, before: targetValue(before), after: targetValue(after) },
      t(weaker ? 'diff/target-weakened' : 'diff/target-strengthened', {
        target: after.id,
        before: wording(before, sides.old),
        after: wording(after, sides.next),
        reasons: reasonWords(strength.reasons),
      }),
    );
  }
  // a target without its own due date has its action's, which the action's comparison reports
  if (before.due !== undefined || after.due !== undefined) {
    dueChange(sides, { origin: after.origin, at: after.due !== undefined ? ['due'] : [], side: 'new' }, ids, before.due ?? before.action.due, after.due ?? after.action.due, 'target', after.id);
  }
  const b0 = before.baseline;
  const b1 = after.baseline;
  if (b0?.value !== b1?.value || b0?.date !== b1?.date) {
    push(
      sides,
      'baseline-changed',
      { origin: after.origin, at: b1 ? ['baseline'] : [], side: 'new' },
      { ...ids, before: b0 ? { value: b0.value, date: b0.date } : null, after: b1 ? { value: b1.value, date: b1.date } : null },
      t('diff/baseline-changed', { target: after.id, before: baselineWords(b0), after: baselineWords(b1) }),
    );
  }
}

/** The reasons worth words beside before → after (a moved value speaks for itself). */
function reasonWords(reasons: StrengthReason[]): Localized[] {
  return [...new Set(reasons)].filter((r) => r !== 'value' && r !== 'change').map((r) => t(`diff/reason/${r}`));
}

/** The target as YAML writes it (without its wording `text`), with `per` and `nature` when they say something. */
export function targetValue(x: Target): Record<string, unknown> | null {
  const form = x.target;
  if (!form) return null;
  let value: Record<string, unknown>;
  switch (form.form) {
    case 'level':
      value = { op: form.op, value: form.value, ...(form.tolerance !== undefined ? { tolerance: form.tolerance } : {}) };
      break;
    case 'range':
      value = { min: form.min, max: form.max };
      break;
    case 'change':
      value = { change: form.raw };
      break;
    case 'annual':
      value = { annual_change: form.raw };
      break;
    case 'relative':
      value = { op: form.op, than: form.than, ...(form.tolerance !== undefined ? { tolerance: form.tolerance } : {}) };
      break;
    case 'qualitative':
      value = { text: form.text };
      break;
  }
  if (x.per === 'unit') value.per = 'unit';
  if (x.nature === 'binding') value.nature = 'binding';
  return value;
}

/** `≥ 20000`, `each county ≥ 5`, `“保持在合理区间”`: the form's own wording (not the drafted text, which may not have changed with it). */
function wording(x: Target, model: Model): Localized {
  const form = x.target;
  if (!form) return { zh: '—', en: '—' };
  if (form.form === 'qualitative') return { zh: `“${clipValue(form.text)}”`, en: `“${clipValue(form.text)}”` };
  const bare: Target = { ...x, target: { ...form, text: undefined } as TargetForm };
  const words = (lang: 'zh' | 'en') => clipValue(targetWording(bare, model, lang)) + (x.nature === 'binding' ? t('diff/binding')[lang] : '');
  return { zh: words('zh'), en: words('en') };
}

function baselineWords(b: Target['baseline']): Localized {
  if (!b) return t('diff/none');
  return b.date ? t('diff/baseline', { value: formatNumber(b.value), date: b.date }) : { zh: formatNumber(b.value), en: formatNumber(b.value) };
}

// ---------------------------------------------------------------------------------------------
// Actions, measures, leads and supports, deadlines

function diffActions(sides: Sides): void {
  const { old, next } = sides;
  const oldById = firstById(old.actions);
  const newById = firstById(next.actions);
  // an action renumbered (same city, everything else the same, its targets' ids aside) is one rename
  const fresh = new Map<string, Action[]>();
  for (const a of newById.values()) {
    if (oldById.has(a.id)) continue;
    const key = actionSignature(a);
    const list = fresh.get(key);
    if (list) list.push(a);
    else fresh.set(key, [a]);
  }
  const renamed = new Set<Action>();
  for (const a of oldById.values()) {
    if (newById.has(a.id)) continue;
    const match = fresh.get(actionSignature(a))?.find((b) => !renamed.has(b));
    if (!match) continue;
    renamed.add(match).add(a);
    push(sides, 'action-renamed', { origin: match.origin, at: ['id'], side: 'new' }, { city: match.city, action: match.id, renamedFrom: a.id, before: a.id, after: match.id }, t('diff/action-renamed', { from: a.id, to: match.id }));
  }
  for (const a of oldById.values()) {
    if (newById.has(a.id) || renamed.has(a) || unreadIn(next, a.city)) continue;
    push(sides, 'action-removed', { origin: a.origin, at: ['id'], side: 'old' }, { city: a.city, action: a.id, before: a.title }, t('diff/action-removed', { action: a.id, title: a.title, targets: a.targets.length }));
  }
  for (const a of newById.values()) {
    if (oldById.has(a.id) || renamed.has(a)) continue;
    push(sides, 'action-added', { origin: a.origin, at: ['id'], side: 'new' }, { city: a.city, action: a.id, after: a.title }, t('diff/action-added', { action: a.id, title: a.title, targets: a.targets.length }));
  }
  for (const before of oldById.values()) {
    const after = newById.get(before.id);
    if (after) compareAction(sides, before, after);
  }
}

/** Everything of an action but its id (and its targets' ids): what a renumbering keeps. */
function actionSignature(a: Action): string {
  const measures = a.measures.map((m) => [m.text, m.lead ?? null, m.support, m.due ?? null]);
  return JSON.stringify([a.city, a.title, a.tasks, a.track ?? null, a.lead ?? null, a.support, a.due ?? null, measures, a.targets.map(signature)]);
}

function firstById(actions: Action[]): Map<string, Action> {
  const map = new Map<string, Action>();
  for (const a of actions) if (!map.has(a.id)) map.set(a.id, a);
  return map;
}

function compareAction(sides: Sides, before: Action, after: Action): void {
  const ids = { city: after.city, action: after.id };
  dueChange(sides, { origin: after.origin, at: after.due !== undefined ? ['due'] : [], side: 'new' }, ids, before.due, after.due, 'action', after.id);
  if (before.lead !== after.lead) {
    push(sides, 'lead-changed', { origin: after.origin, at: ['lead'], side: 'new' }, { ...ids, before: before.lead ?? null, after: after.lead ?? null }, t('diff/lead-changed/action', { action: after.id, before: ownerWords(sides.old, before.lead), after: ownerWords(sides.next, after.lead) }));
  }
  supportChange(sides, { origin: after.origin, at: ['support'], side: 'new' }, ids, before.support, after.support, () => t('diff/subject/action', { action: after.id }));
  compareMeasures(sides, before, after);
}

/** Measures matched by their text within the action (the n-th of a text with the n-th). */
function compareMeasures(sides: Sides, before: Action, after: Action): void {
  const list0 = before.measures;
  const list1 = after.measures;
  // the usual case, an action whose measures did not change: one pass, nothing made
  if (list0.length === list1.length && list0.every((m, i) => sameMeasure(m, list1[i]))) return;
  const ids = { city: after.city, action: after.id };
  const waiting = new Map<string, Measure[]>();
  for (const m of list1) {
    const list = waiting.get(m.text);
    if (list) list.push(m);
    else waiting.set(m.text, [m]);
  }
  const unread = unreadIn(sides.next, after.city);
  for (const m0 of list0) {
    const m1 = waiting.get(m0.text)?.shift();
    if (!m1) {
      if (!unread) push(sides, 'measure-removed', { origin: m0.origin, side: 'old' }, { ...ids, measure: m0.text }, t('diff/measure-removed', { action: after.id, text: m0.text }));
      continue;
    }
    // a measure with nothing of its own has its action's lead, support and due: nothing to compare here
    const own = m0.due !== undefined || m1.due !== undefined || m0.lead !== undefined || m1.lead !== undefined || m0.support.length > 0 || m1.support.length > 0;
    if (!own) continue;
    const subject = () => t('diff/subject/measure', { action: after.id, text: m1.text });
    const d0 = measureDuty(m0);
    const d1 = measureDuty(m1);
    if (m0.due !== undefined || m1.due !== undefined) {
      dueChange(sides, { origin: m1.origin, at: m1.due !== undefined ? ['due'] : [], side: 'new' }, { ...ids, measure: m1.text }, d0.due, d1.due, 'measure', subject);
    }
    if ((m0.lead !== undefined || m1.lead !== undefined) && d0.lead !== d1.lead) {
      push(sides, 'lead-changed', { origin: m1.origin, at: m1.lead !== undefined ? ['lead'] : [], side: 'new' }, { ...ids, measure: m1.text, before: d0.lead ?? null, after: d1.lead ?? null }, t('diff/lead-changed/measure', { subject: subject(), before: ownerWords(sides.old, d0.lead), after: ownerWords(sides.next, d1.lead) }));
    }
    supportChange(sides, { origin: m1.origin, at: m1.support.length ? ['support'] : [], side: 'new' }, { ...ids, measure: m1.text }, d0.support, d1.support, subject);
  }
  for (const rest of waiting.values()) {
    for (const m of rest) push(sides, 'measure-added', { origin: m.origin, side: 'new' }, { ...ids, measure: m.text }, t('diff/measure-added', { action: after.id, text: m.text }));
  }
}

/** `hz-sfj-lfc（立法处）`: an owner's id with its name, as the side's Owners documents give it. */
function ownerWords(model: Model, id: string | undefined): Localized | string {
  if (id === undefined) return '—';
  const name = model.ownersById.get(id)?.name;
  return name && name !== id ? t('diff/owner', { id, name }) : id;
}

function sameMeasure(a: Measure, b: Measure): boolean {
  return a.text === b.text && a.lead === b.lead && a.due === b.due && a.support.length === b.support.length && a.support.every((x, i) => x === b.support[i]);
}

function supportChange(sides: Sides, spot: Spot, ids: Partial<Change>, before: string[], after: string[], subject: () => Localized): void {
  const added = after.filter((x) => !before.includes(x));
  const dropped = before.filter((x) => !after.includes(x));
  if (added.length === 0 && dropped.length === 0) return;
  const parts = [...added.map((x) => `+${x}`), ...dropped.map((x) => `−${x}`)];
  push(sides, 'support-changed', spot, { ...ids, before: [...before], after: [...after] }, t('diff/support-changed', { subject: subject(), changes: parts.join(' ') }));
}

/** deadline-postponed or -advanced between two due dates; nothing when either is missing or unchanged. */
function dueChange(sides: Sides, spot: Spot, ids: Partial<Change>, before: string | undefined, after: string | undefined, what: 'action' | 'measure' | 'target', subject: string | (() => Localized)): void {
  if (before === undefined || after === undefined || before === after) return;
  const later = after > before;
  const words = typeof subject === 'function' ? subject() : t(`diff/subject/${what}`, { [what]: subject });
  push(sides, later ? 'deadline-postponed' : 'deadline-advanced', spot, { ...ids, before, after }, t(later ? 'diff/deadline-postponed' : 'diff/deadline-advanced', { subject: words, before, after }));
}

// ---------------------------------------------------------------------------------------------
// Province tasks covered per city

function diffCoverage(sides: Sides): void {
  const { old, next } = sides;
  if (!old.campaign || !next.campaign) return;
  const required = new Set(next.campaign.cities.map((c) => c.id));
  const stillTasks = new Map(next.campaign.leafTasks.map((x) => [x.id, x]));
  for (const [city, plan0] of old.plans) {
    if (!required.has(city) || unreadIn(next, city)) continue;
    const plan1 = next.plans.get(city);
    const covered0 = coveredTasks(old.campaign, plan0);
    const covered1 = plan1 ? coveredTasks(next.campaign, plan1) : new Set<string>();
    for (const task of covered0) {
      const leaf = stillTasks.get(task);
      if (!leaf || covered1.has(task)) continue;
      // the `tasks` in NEW of an action that covered it, else the plan in NEW, else that action in OLD
      const coverer = plan0.actions.find((a) => a.tasks.some((x) => x === task || isAncestor(old, x, task)));
      const still = coverer && plan1?.actions.find((a) => a.id === coverer.id);
      const spot: Spot = still
        ? { origin: still.origin, at: ['tasks'], side: 'new' }
        : plan1
          ? { origin: planCityOrigin(plan1), side: 'new' }
          : { origin: (coverer ?? plan0).origin, side: 'old' };
      push(sides, 'task-uncovered', spot, { city, ...(still ? { action: still.id } : {}), task }, t('diff/task-uncovered', { city: cityName(next, city), task, title: leaf.title }));
    }
  }
}

function isAncestor(model: Model, ancestor: string, task: string): boolean {
  const parentOf = new Map(model.campaign?.allTasks.map((x) => [x.id, x.parent]) ?? []);
  for (let id = parentOf.get(task); id !== undefined; id = parentOf.get(id)) if (id === ancestor) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Progress values by (target, unit, date)

interface Reported {
  city: string;
  target: string;
  unit?: string;
  date: string;
  value: number | undefined;
  origin: Origin;
  at: Path;
}

function reportedValues(model: Model, rename: (id: string) => string = (id) => id): Map<string, Reported> {
  const out = new Map<string, Reported>();
  for (const report of model.progress) {
    for (const v of report.values) {
      const target = rename(v.target);
      const add = (unit: string | undefined, value: number | undefined, at: Path) => {
        const key = `${report.city}\u0000${target}\u0000${unit ?? ''}\u0000${report.asOf}`;
        // two values for one key are a progress-conflict of that side: the first counts here
        if (!out.has(key)) out.set(key, { city: report.city, target, unit, date: report.asOf, value, origin: v.origin, at });
      };
      if (v.units) for (const [unit, n] of Object.entries(v.units)) add(unit, n, ['units', unit]);
      if (v.value !== undefined || !v.units) add(undefined, v.value, ['value']);
    }
  }
  return out;
}

function diffProgress(sides: Sides, renamed: Map<string, string>): void {
  const before = reportedValues(sides.old, (id) => renamed.get(id) ?? id);
  const after = reportedValues(sides.next);
  for (const [key, v0] of before) {
    // the progress of a target that is gone goes with it (target-removed says so)
    if (!sides.next.targetsById.has(v0.target)) continue;
    const v1 = after.get(key);
    if (v1 && v1.value === v0.value) continue;
    if (!v1 && unreadIn(sides.next, v0.city)) continue;
    const spot: Spot = v1 ? { origin: v1.origin, at: v1.at, side: 'new' } : { origin: v0.origin, at: v0.at, side: 'old' };
    const words = (n: number | undefined) => (n === undefined ? t('diff/none') : { zh: formatNumber(n), en: formatNumber(n) });
    push(
      sides,
      'progress-revised',
      spot,
      { city: v0.city, target: v0.target, ...(v0.unit !== undefined ? { unit: v0.unit } : {}), date: v0.date, before: v0.value ?? null, after: v1 ? (v1.value ?? null) : null },
      t(v0.unit !== undefined ? 'diff/progress-revised/unit' : 'diff/progress-revised', { target: v0.target, unit: unitWords(sides, v0), date: v0.date, before: words(v0.value), after: v1 ? words(v1.value) : t('diff/removed') }),
    );
  }
}

/** `瓯海区（ouhai）` from the city's plan in NEW (else OLD); the id alone when neither names it. */
function unitWords(sides: Sides, v: Reported): Localized | string | undefined {
  if (v.unit === undefined) return undefined;
  const name = [sides.next, sides.old].map((m) => m.plans.get(v.city)?.units.find((u) => u.id === v.unit)?.name).find((n) => n !== undefined);
  return name && name !== v.unit ? t('diff/unit', { name, unit: v.unit }) : v.unit;
}

// ---------------------------------------------------------------------------------------------
// Order

/** Cities in NEW's campaign order, then OLD's, then any other plan's. */
function cityOrder(next: Model, old: Model): string[] {
  const order: string[] = [];
  const add = (id: string) => {
    if (!order.includes(id)) order.push(id);
  };
  for (const m of [next, old]) {
    for (const c of m.campaign?.cities ?? []) add(c.id);
    for (const id of m.plans.keys()) add(id);
  }
  return order;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** By city, then NEW's places before OLD's, then file and position, then worst first. */
export function sortChanges(changes: Change[], cities: string[]): Change[] {
  const rank = (c: Change) => (c.city === undefined ? -1 : cities.indexOf(c.city) < 0 ? cities.length : cities.indexOf(c.city));
  return changes.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.side === b.side ? 0 : a.side === 'new' ? -1 : 1) ||
      (a.place.file < b.place.file ? -1 : a.place.file > b.place.file ? 1 : 0) ||
      a.place.offset - b.place.offset ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
  );
}
