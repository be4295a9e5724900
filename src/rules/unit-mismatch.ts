/**
 * unit-mismatch: a target's unit that differs from its indicator's, and a progress value of the
 * wrong shape (a single value for a `per: unit` target, or units for an ordinary one).
 */
import { t } from '../i18n/index.js';
import { defineRule } from './types.js';

/** Units compare after NFKC (full-width ％ is %) and trimming. */
export function sameUnit(a: string, b: string): boolean {
  return a.normalize('NFKC').trim() === b.normalize('NFKC').trim();
}

export const unitMismatch = defineRule({
  id: 'unit-mismatch',
  severity: 'error',
  description: t('rule/unit-mismatch'),
  messages: ['unit-mismatch/unit', 'unit-mismatch/value-for-per-unit', 'unit-mismatch/units-for-single'],
  reads: { scope: 'references', references: ['indicator', 'target', 'unit', 'city'] },
  check(ctx) {
    const { model } = ctx;
    const indicators = new Map((model.campaign?.indicators ?? []).map((i) => [i.id, i]));
    for (const target of model.targets) {
      const indicator = target.indicator ? indicators.get(target.indicator) : undefined;
      if (indicator?.unit && target.unit && !sameUnit(indicator.unit, target.unit)) {
        ctx.report(target.origin, t('unit-mismatch/unit', { target: target.id, unit: target.unit, indicator: indicator.id, expected: indicator.unit }), { at: ['unit'] });
      }
    }
    for (const report of model.progress) {
      for (const v of report.values) {
        const target = model.targetsById.get(v.target);
        if (!target || target.city !== report.city) continue; // unknown-reference reports it
        if (target.per === 'unit' && v.value !== undefined) {
          ctx.report(v.origin, t('unit-mismatch/value-for-per-unit', { target: target.id }), { at: ['value'], key: true });
        } else if (target.per !== 'unit' && v.units !== undefined) {
          ctx.report(v.origin, t('unit-mismatch/units-for-single', { target: target.id }), { at: ['units'], key: true });
        }
      }
    }
  },
});
