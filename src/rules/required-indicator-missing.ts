/** required-indicator-missing: a required campaign indicator that no target of a city's plan names. */
import { t } from '../i18n/index.js';
import { defineRule } from './types.js';
import { cityName, planCityOrigin, planUnread } from './shared.js';

export const requiredIndicatorMissing = defineRule({
  id: 'required-indicator-missing',
  severity: 'warning',
  description: t('rule/required-indicator-missing'),
  messages: ['required-indicator-missing/missing'],
  reads: { scope: 'city', references: ['campaign', 'indicator'] },
  check(ctx) {
    const campaign = ctx.model.campaign;
    if (!campaign) return;
    const required = campaign.indicators.filter((i) => i.required);
    for (const plan of ctx.model.plans.values()) {
      if (!campaign.cities.some((c) => c.id === plan.city)) continue;
      if (planUnread(ctx.model, plan.city)) continue; // its unreadable part may cover it
      const targeted = new Set(plan.actions.flatMap((a) => a.targets.map((x) => x.indicator)));
      for (const indicator of required) {
        if (!targeted.has(indicator.id)) {
          ctx.report(planCityOrigin(plan), t('required-indicator-missing/missing', { city: cityName(ctx.model, plan.city), indicator: indicator.id, name: indicator.name }));
        }
      }
    }
  },
});
