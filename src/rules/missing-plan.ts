/** missing-plan: a city of the campaign without a plan; points at the campaign's city entry. */
import { t } from '../i18n/index.js';
import { defineRule } from './types.js';
import { planUnread } from './shared.js';

export const missingPlan = defineRule({
  id: 'missing-plan',
  severity: 'error',
  description: t('rule/missing-plan'),
  messages: ['missing-plan/missing'],
  reads: { scope: 'repository' },
  check(ctx) {
    const campaign = ctx.model.campaign;
    if (!campaign) return;
    for (const city of campaign.cities) {
      if (!ctx.model.plans.has(city.id) && !planUnread(ctx.model, city.id)) ctx.report(city.origin, t('missing-plan/missing', { city: city.id, name: city.name }), { at: ['id'] });
    }
  },
});
