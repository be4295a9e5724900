/**
 * Whether a target asks for more or for less than before. `better` (the target's, else its
 * indicator's) says which way is progress; without it the direction follows `op` or the sign of
 * `change` (plan-format.md, Targets). Each aspect of a target (its form and value, `per: unit`, its
 * nature) gives a verdict; one aspect that asks for less makes the whole change a weakening.
 */
import { DEFAULT_TOLERANCE_SHARE, goalValue } from '../domain/status.js';
import type { Model, Target, TargetForm } from '../model/types.js';

/** Why a target counts as weaker or stronger: `value` and `change` need no words beside before → after. */
export type StrengthReason = 'value' | 'change' | 'range' | 'tolerance' | 'op' | 'form' | 'words' | 'quantified' | 'per-unit-dropped' | 'per-unit-added' | 'not-binding' | 'binding' | 'than' | 'no-direction';

export interface Strength {
  verdict: 'weaker' | 'stronger' | 'same';
  reasons: StrengthReason[];
}

/** The values a target accepts, as one interval. */
interface Interval {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
}

/** -1 asks for less, +1 for more, 0 the same, NaN changed in a way no direction judges. */
type Verdict = number;

/** Compares the target of OLD with the target of the same id (or renamed) in NEW. */
export function compareStrength(before: Target, after: Target, oldModel: Model, newModel: Model): Strength {
  const verdicts: { v: Verdict; reason: StrengthReason }[] = [];
  const a = before.target;
  const b = after.target;
  // a target value that fits no form is a lint error on its side: nothing to judge
  if (a && b) {
    const wordsA = a.form === 'qualitative';
    const wordsB = b.form === 'qualitative';
    if (!wordsA && wordsB) verdicts.push({ v: -1, reason: 'words' });
    else if (wordsA && !wordsB) verdicts.push({ v: 1, reason: 'quantified' });
    else if (!wordsA && !wordsB) verdicts.push(compareForms(before, after, oldModel, newModel));
  }
  if (before.per === 'unit' && after.per !== 'unit') verdicts.push({ v: -1, reason: 'per-unit-dropped' });
  if (before.per !== 'unit' && after.per === 'unit') verdicts.push({ v: 1, reason: 'per-unit-added' });
  if (before.nature === 'binding' && after.nature !== 'binding') verdicts.push({ v: -1, reason: 'not-binding' });
  if (before.nature !== 'binding' && after.nature === 'binding') verdicts.push({ v: 1, reason: 'binding' });
  const weaker = verdicts.filter((x) => x.v < 0 || Number.isNaN(x.v));
  if (weaker.length) return { verdict: 'weaker', reasons: weaker.map((x) => x.reason) };
  const stronger = verdicts.filter((x) => x.v > 0);
  if (stronger.length) return { verdict: 'stronger', reasons: stronger.map((x) => x.reason) };
  return { verdict: 'same', reasons: [] };
}

/** +1 when higher is better, -1 when lower is, 0 when neither `better` nor the form says. */
export function directionOf(target: Target): number {
  if (target.better) return target.better === 'higher' ? 1 : -1;
  const form = target.target;
  if (form?.form === 'level') return form.op === '>=' || form.op === '>' ? 1 : form.op === '<=' || form.op === '<' ? -1 : 0;
  if (form?.form === 'change' || form?.form === 'annual') return Math.sign(form.amount);
  return 0;
}

function compareForms(before: Target, after: Target, oldModel: Model, newModel: Model): { v: Verdict; reason: StrengthReason } {
  const a = before.target as Exclude<TargetForm, { form: 'qualitative' }>;
  const b = after.target as Exclude<TargetForm, { form: 'qualitative' }>;
  // the direction as OLD had it decides; a target that only now says which way, NEW's
  const dir = directionOf(before) || directionOf(after);
  if ((a.form === 'change' && b.form === 'change') || (a.form === 'annual' && b.form === 'annual')) {
    if (a.percent === b.percent) {
      if (a.amount === b.amount) return { v: 0, reason: 'change' };
      return { v: dir === 0 ? NaN : Math.sign(b.amount - a.amount) * dir, reason: dir === 0 ? 'no-direction' : 'change' };
    }
  }
  if (a.form === 'relative' || b.form === 'relative') {
    if (a.form !== 'relative' || b.form !== 'relative') return { v: NaN, reason: 'form' };
    if (a.than !== b.than) return { v: NaN, reason: 'than' };
    if (a.op === '~' && b.op === '~' && (a.tolerance === undefined) !== (b.tolerance === undefined)) return { v: NaN, reason: 'tolerance' };
    // against the value compared with, put at 0; `~` without tolerance is the same unknown band on both sides
    const v = compareIntervals(levelInterval(a.op, 0, a.tolerance ?? 1), levelInterval(b.op, 0, b.tolerance ?? 1), dir);
    return { v, reason: Number.isNaN(v) ? 'no-direction' : a.op !== b.op ? 'op' : 'tolerance' };
  }
  const ia = intervalOf(before, oldModel);
  const ib = intervalOf(after, newModel);
  if (!ia || !ib) return { v: NaN, reason: 'form' };
  const v = compareIntervals(ia, ib, dir);
  let reason: StrengthReason = 'value';
  if (a.form !== b.form) reason = 'form';
  else if (a.form === 'range') reason = 'range';
  else if (a.form === 'level' && b.form === 'level') reason = a.value === b.value && a.op === b.op ? 'tolerance' : a.value === b.value ? 'op' : 'value';
  else if (a.form === 'change' || a.form === 'annual') reason = 'change';
  return { v, reason: Number.isNaN(v) ? 'no-direction' : reason };
}

function levelInterval(op: string, value: number, tolerance: number | undefined): Interval {
  switch (op) {
    case '>=':
      return { lo: value, loOpen: false, hi: Infinity, hiOpen: true };
    case '>':
      return { lo: value, loOpen: true, hi: Infinity, hiOpen: true };
    case '<=':
      return { lo: -Infinity, loOpen: true, hi: value, hiOpen: false };
    case '<':
      return { lo: -Infinity, loOpen: true, hi: value, hiOpen: true };
    case '~': {
      const tol = Math.abs(tolerance ?? Math.abs(value) * DEFAULT_TOLERANCE_SHARE);
      return { lo: value - tol, loOpen: false, hi: value + tol, hiOpen: false };
    }
    default:
      return { lo: value, loOpen: false, hi: value, hiOpen: false };
  }
}

/** The values a quantified, non-relative target accepts; a change from its baseline through the value it works out to. */
function intervalOf(target: Target, model: Model): Interval | undefined {
  const form = target.target;
  if (!form) return undefined;
  switch (form.form) {
    case 'level':
      return levelInterval(form.op, form.value, form.tolerance);
    case 'range':
      return { lo: Math.min(form.min, form.max), loOpen: false, hi: Math.max(form.min, form.max), hiOpen: false };
    case 'change':
    case 'annual': {
      const goal = goalValue(target, model);
      if (goal === undefined) return undefined;
      return form.amount >= 0 ? levelInterval('>=', goal, undefined) : levelInterval('<=', goal, undefined);
    }
    default:
      return undefined;
  }
}

/** -1 when NEW accepts what OLD did not on the side that `dir` calls worse (or, without one, accepts more), +1 the reverse. */
function compareIntervals(a: Interval, b: Interval, dir: number): Verdict {
  if (a.lo === b.lo && a.loOpen === b.loOpen && a.hi === b.hi && a.hiOpen === b.hiOpen) return 0;
  if (dir > 0) {
    const c = compareBound(a.lo, a.loOpen, b.lo, b.loOpen);
    if (c !== 0) return c;
  } else if (dir < 0) {
    const c = -compareBound(a.hi, !a.hiOpen, b.hi, !b.hiOpen);
    if (c !== 0) return c;
  }
  const bHoldsA = contains(b, a);
  const aHoldsB = contains(a, b);
  if (bHoldsA && !aHoldsB) return -1;
  if (aHoldsB && !bHoldsA) return 1;
  return NaN;
}

/** +1 when bound B is above bound A (an open lower bound sits just above its value), -1 below, 0 the same. */
function compareBound(a: number, aOpen: boolean, b: number, bOpen: boolean): number {
  if (b > a) return 1;
  if (b < a) return -1;
  if (aOpen === bOpen) return 0;
  return bOpen ? 1 : -1;
}

function contains(outer: Interval, inner: Interval): boolean {
  const loOk = outer.lo < inner.lo || (outer.lo === inner.lo && (!outer.loOpen || inner.loOpen));
  const hiOk = outer.hi > inner.hi || (outer.hi === inner.hi && (!outer.hiOpen || inner.hiOpen));
  return loOk && hiOk;
}
