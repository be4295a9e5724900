/** target-not-quantified: a target stated in words only; points at its `target` value. */
import { t } from '../i18n/index.js';
import { defineRule } from './types.js';

export const targetNotQuantified = defineRule({
  id: 'target-not-quantified',
  severity: 'warning',
  description: t('rule/target-not-quantified'),
  messages: ['target-not-quantified/qualitative'],
  reads: { scope: 'file' },
  check(ctx) {
    for (const target of ctx.model.targets) {
      if (target.target?.form === 'qualitative') {
        ctx.report(target.origin, t('target-not-quantified/qualitative', { target: target.id, text: target.target.text }), { at: ['target'] });
      }
    }
  },
});
