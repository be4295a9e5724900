/** How a target and its baseline read in tables and the compiled form: the drafter's own words, else written from the form. */
import { tr, type Lang } from '../i18n/index.js';
import type { Model, Op, Target } from '../model/types.js';
import { numberAsWritten } from './plan.js';

/**
 * The words a report writes a target with, form by form: each report has its own (a table writes
 * `不低于 30000` and the compared target's name, the gap report `≥ 30000` and the goal worked out),
 * while `wordTarget` is the one place that says how a target's form, tolerance and `per: unit` combine.
 */
export interface TargetWords {
  level(op: Op, value: number): string;
  range(min: number, max: number): string;
  change(raw: string): string;
  annual(raw: string): string;
  relative(op: Op, than: string): string;
  tolerance(wording: string, tolerance: number): string;
  perUnit(wording: string): string;
}

/** A target written in `words`: its form (qualitative: its text), with its tolerance, per unit when it is. */
export function wordTarget(target: Target, words: TargetWords): string {
  const form = target.target;
  if (!form) return '';
  let wording: string;
  switch (form.form) {
    case 'level':
      wording = words.level(form.op, form.value);
      if (form.tolerance !== undefined) wording = words.tolerance(wording, form.tolerance);
      break;
    case 'range':
      wording = words.range(form.min, form.max);
      break;
    case 'change':
      wording = words.change(form.raw);
      break;
    case 'annual':
      wording = words.annual(form.raw);
      break;
    case 'relative':
      wording = words.relative(form.op, form.than);
      if (form.tolerance !== undefined) wording = words.tolerance(wording, form.tolerance);
      break;
    case 'qualitative':
      return form.text;
  }
  return target.per === 'unit' ? words.perUnit(wording) : wording;
}

/** The wording of a target in tables and the compiled form: its `text` when drafted, else `≥ 30000`, `+20%`, `5.0–5.5`, `5 左右`, `高于…`, `每县 ≥ 5`, numbers as written. */
export function targetWording(target: Target, model: Model, lang: Lang): string {
  if (target.target?.text) return target.target.text;
  const n = (key: string, value: number) => numberAsWritten(target.origin, ['target', key], value);
  const tolerance = (): string => n('tolerance', (target.target as { tolerance: number }).tolerance);
  return wordTarget(target, {
    level: (op, value) => tr(lang, `tables/op/${op}`, { value: n('value', value) }),
    range: (min, max) => tr(lang, 'tables/range', { min: n('min', min), max: n('max', max) }),
    change: (raw) => tr(lang, 'tables/change', { change: raw }),
    annual: (raw) => tr(lang, 'tables/annual', { change: raw }),
    relative: (op, than) => tr(lang, `tables/than/${op}`, { name: comparedName(than, model) }),
    tolerance: (wording) => tr(lang, 'tables/tolerance', { wording, tolerance: tolerance() }),
    perUnit: (wording) => tr(lang, 'tables/per-unit', { wording }),
  });
}

/** The name of what a relative target compares with: a target, else a campaign indicator, else the id. */
function comparedName(id: string, model: Model): string {
  return model.targetsById.get(id)?.name ?? model.campaign?.indicators.find((i) => i.id === id)?.name ?? id;
}

/** The baseline as drafted: its `text` when given (`77.3*`, `[13.5]`), else its number as written. */
export function baselineWording(target: Target): string {
  const b = target.baseline;
  if (!b) return '';
  return b.text ?? numberAsWritten(target.origin, ['baseline', 'value'], b.value);
}
