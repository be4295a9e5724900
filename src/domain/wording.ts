/** How a target and its baseline read in tables and the compiled form: the drafter's own words, else written from the form. */
import { tr, type Lang } from '../i18n/index.js';
import type { Model, Target } from '../model/types.js';
import { numberAsWritten } from './plan.js';

/** The wording of a target: its `text` when drafted, else `≥ 30000`, `+20%`, `5.0–5.5`, `5 左右`, `高于…`, `每县 ≥ 5`. */
export function targetWording(target: Target, model: Model, lang: Lang): string {
  const form = target.target;
  if (!form) return '';
  if (form.text) return form.text;
  const n = (key: string, value: number) => numberAsWritten(target.origin, ['target', key], value);
  let wording: string;
  switch (form.form) {
    case 'level':
      wording = tr(lang, `tables/op/${form.op}`, { value: n('value', form.value) });
      if (form.tolerance !== undefined) wording = tr(lang, 'tables/tolerance', { wording, tolerance: n('tolerance', form.tolerance) });
      break;
    case 'range':
      wording = tr(lang, 'tables/range', { min: n('min', form.min), max: n('max', form.max) });
      break;
    case 'change':
      wording = tr(lang, 'tables/change', { change: form.raw });
      break;
    case 'annual':
      wording = tr(lang, 'tables/annual', { change: form.raw });
      break;
    case 'relative':
      wording = tr(lang, `tables/than/${form.op}`, { name: comparedName(form.than, model) });
      if (form.tolerance !== undefined) wording = tr(lang, 'tables/tolerance', { wording, tolerance: n('tolerance', form.tolerance) });
      break;
    case 'qualitative':
      return form.text;
  }
  return target.per === 'unit' ? tr(lang, 'tables/per-unit', { wording }) : wording;
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
