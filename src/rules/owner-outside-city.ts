/** owner-outside-city: a lead or support owner of another city (province-level owners, without `city`, may serve any city). */
import { t } from '../i18n/index.js';
import type { Origin } from '../model/types.js';
import { defineRule, type RuleContext } from './types.js';
import { cityKnown, cityName } from './shared.js';

/** `item.origin` is read only for a finding: a measure makes its origin when asked. */
function checkOwners(ctx: RuleContext, city: string, item: { readonly origin: Origin }, lead: string | undefined, support: string[]): void {
  // plain loops: this runs for every action and measure (no closure made per call)
  if (lead !== undefined) checkOwner(ctx, city, item, lead, 'owner-outside-city/lead', ['lead']);
  for (let i = 0; i < support.length; i++) checkOwner(ctx, city, item, support[i], 'owner-outside-city/support', ['support', i]);
}

function checkOwner(ctx: RuleContext, city: string, item: { readonly origin: Origin }, id: string, messageId: 'owner-outside-city/lead' | 'owner-outside-city/support', at: (string | number)[]): void {
  const owner = ctx.model.ownersById.get(id);
  if (!owner?.city || owner.city === city) return;
  ctx.report(item.origin, t(messageId, { owner: id, name: owner.name, ownerCity: cityName(ctx.model, owner.city), city: cityName(ctx.model, city) }), { at });
}

export const ownerOutsideCity = defineRule({
  id: 'owner-outside-city',
  severity: 'warning',
  description: t('rule/owner-outside-city'),
  messages: ['owner-outside-city/lead', 'owner-outside-city/support'],
  reads: { scope: 'references', references: ['owner', 'city'] },
  check(ctx) {
    for (const action of ctx.model.actions) {
      if (!cityKnown(ctx.model, action.city)) continue; // an unknown city: unknown-reference says so, once
      checkOwners(ctx, action.city, action, action.lead, action.support);
      for (const m of action.measures) checkOwners(ctx, action.city, m, m.lead, m.support);
    }
  },
});
