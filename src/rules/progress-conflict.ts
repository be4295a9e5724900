/**
 * progress-conflict: one target (or one unit of a `per: unit` target) given two different values for
 * the same date, in one file or across files. Reported at the later value (in reading order), naming
 * the first; the same value given twice is no conflict.
 */
import { t } from '../i18n/index.js';
import type { ProgressValue } from '../model/types.js';
import { defineRule } from './types.js';

export const progressConflict = defineRule({
  id: 'progress-conflict',
  severity: 'error',
  description: t('rule/progress-conflict'),
  messages: ['progress-conflict/value', 'progress-conflict/unit'],
  reads: { scope: 'references', references: ['target', 'unit'] },
  check(ctx) {
    // the first value given for city, target, date (and unit), in reading order
    const first = new Map<string, { value: number; entry: ProgressValue; at: (string | number)[] }>();
    for (const report of ctx.model.progress) {
      for (const v of report.values) {
        const key = [report.city, v.target, report.asOf].join('\u0000');
        if (v.value !== undefined) {
          const seen = first.get(key);
          if (!seen) first.set(key, { value: v.value, entry: v, at: ['value'] });
          else if (seen.value !== v.value && (!ctx.wants || ctx.wants(v.origin))) {
            ctx.report(v.origin, t('progress-conflict/value', { target: v.target, date: report.asOf, value: v.value, other: seen.value, place: ctx.placeOf(seen.entry.origin, seen.at) }), { at: ['value'] });
          }
        }
        for (const [unit, value] of Object.entries(v.units ?? {})) {
          const unitKey = `${key}\u0000${unit}`;
          const seen = first.get(unitKey);
          if (!seen) first.set(unitKey, { value, entry: v, at: ['units', unit] });
          else if (seen.value !== value && (!ctx.wants || ctx.wants(v.origin))) {
            ctx.report(v.origin, t('progress-conflict/unit', { target: v.target, unit, date: report.asOf, value, other: seen.value, place: ctx.placeOf(seen.entry.origin, seen.at) }), { at: ['units', unit] });
          }
        }
      }
    }
  },
});
