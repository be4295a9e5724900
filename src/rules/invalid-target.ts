/**
 * invalid-target: a target that cannot be judged: a range with `min` above `max`, a relative target
 * that names itself, a baseline dated after the due date. Such a target gets no status finding
 * (target-off-track skips it): this is its one finding.
 */
import { t, type Localized } from '../i18n/index.js';
import { dueDate } from '../gaps/status.js';
import type { Model, Target } from '../model/types.js';
import type { Path } from '../types.js';
import type { Rule } from './types.js';

/** What makes a target impossible to judge, each with the node it is at; empty for a sound target. */
export function targetProblems(target: Target, model: Model): { message: Localized; at: Path }[] {
  const out: { message: Localized; at: Path }[] = [];
  const form = target.target;
  if (form?.form === 'range' && form.min > form.max) out.push({ message: t('invalid-target/range', { target: target.id, min: form.min, max: form.max }), at: ['target', 'min'] });
  if (form?.form === 'relative' && form.than === target.id) out.push({ message: t('invalid-target/self', { target: target.id }), at: ['target', 'than'] });
  const due = dueDate(target, model);
  const since = target.baseline?.date;
  if (since !== undefined && due !== undefined && since > due) out.push({ message: t('invalid-target/baseline-after-due', { target: target.id, date: since, due }), at: ['baseline', 'date'] });
  return out;
}

export const invalidTarget: Rule = {
  id: 'invalid-target',
  severity: 'error',
  description: t('rule/invalid-target'),
  check(ctx) {
    for (const target of ctx.model.targets) {
      for (const p of targetProblems(target, ctx.model)) ctx.report(target.origin, p.message, { at: p.at });
    }
  },
};
