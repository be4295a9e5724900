/**
 * invalid-target: a target that cannot be judged: a range with `min` above `max`, a relative target
 * that names itself, a baseline dated after the due date. Such a target gets no status finding
 * (target-off-track skips it): this is its one finding.
 */
import { t, type Message } from '../i18n/index.js';
import { dueDate } from '../domain/status.js';
import type { Model, Target } from '../model/types.js';
import type { Path } from '../types.js';
import { defineRule } from './types.js';

/** What makes a target impossible to judge, each with the node it is at; empty for a sound target. */
export function targetProblems(target: Target, model: Model): { message: Message; at: Path }[] {
  const out: { message: Message; at: Path }[] = [];
  const form = target.target;
  if (form?.form === 'range' && form.min > form.max) out.push({ message: t('invalid-target/range', { target: target.id, min: form.min, max: form.max }), at: ['target', 'min'] });
  if (form?.form === 'relative' && form.than === target.id) out.push({ message: t('invalid-target/self', { target: target.id }), at: ['target', 'than'] });
  const due = dueDate(target, model);
  const since = target.baseline?.date;
  if (since !== undefined && due !== undefined && since > due) out.push({ message: t('invalid-target/baseline-after-due', { target: target.id, date: since, due }), at: ['baseline', 'date'] });
  return out;
}

export const invalidTarget = defineRule({
  id: 'invalid-target',
  severity: 'error',
  description: t('rule/invalid-target'),
  messages: ['invalid-target/range', 'invalid-target/self', 'invalid-target/baseline-after-due'],
  reads: { scope: 'file' },
  check(ctx) {
    for (const target of ctx.model.targets) {
      for (const p of targetProblems(target, ctx.model)) ctx.report(target.origin, p.message, { at: p.at });
    }
  },
});
