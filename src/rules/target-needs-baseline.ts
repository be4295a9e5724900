/** target-needs-baseline: a `change` or `annual_change` target without a baseline to change from. */
import { t } from '../i18n/index.js';
import { defineRule } from './types.js';

export const targetNeedsBaseline = defineRule({
  id: 'target-needs-baseline',
  severity: 'error',
  description: t('rule/target-needs-baseline'),
  messages: ['target-needs-baseline/missing'],
  reads: { scope: 'file' },
  check(ctx) {
    for (const target of ctx.model.targets) {
      const form = target.target;
      if ((form?.form === 'change' || form?.form === 'annual') && target.baseline === undefined) {
        const key = form.form === 'change' ? 'change' : 'annual_change';
        ctx.report(target.origin, t('target-needs-baseline/missing', { target: target.id, form: t(`form/${form.form}`), change: form.raw }), { at: ['target', key] });
      }
    }
  },
});
