/** due-outside-period: an action or measure due outside the campaign's period (targets may be due later, e.g. 2025). */
import { t, type Localized } from '../i18n/index.js';
import type { Origin } from '../model/types.js';
import { defineRule, type RuleContext } from './types.js';

/** `what` is worded, and `item.origin` read, only when a finding is made: most dates are fine, and both cost. */
function checkDue(ctx: RuleContext, item: { readonly origin: Origin }, due: string | undefined, what: () => Localized, period: { start: string; end: string }): void {
  if (due === undefined) return;
  if (due > period.end) ctx.report(item.origin, t('due-outside-period/after', { what: what(), due, end: period.end }), { at: ['due'] });
  else if (due < period.start) ctx.report(item.origin, t('due-outside-period/before', { what: what(), due, start: period.start }), { at: ['due'] });
}

export const dueOutsidePeriod = defineRule({
  id: 'due-outside-period',
  severity: 'warning',
  description: t('rule/due-outside-period'),
  messages: ['due-outside-period/after', 'due-outside-period/before'],
  reads: { scope: 'references', references: ['campaign'] },
  check(ctx) {
    const period = ctx.model.campaign?.period;
    if (!period) return;
    for (const action of ctx.model.actions) {
      checkDue(ctx, action, action.due, () => t('what/action', { action: action.id }), period);
      for (const m of action.measures) checkDue(ctx, m, m.due, () => t('what/measure', { action: action.id, n: m.index + 1 }), period);
    }
  },
});
