/** duplicate-id: an id used twice in its sort; each place gets a finding naming the other. */
import { t } from '../i18n/index.js';
import type { Origin } from '../model/types.js';
import { defineRule, type RuleContext } from './types.js';
import { sortName } from './shared.js';

interface Place {
  id: string;
  origin: Origin;
}

function checkSort(ctx: RuleContext, sort: string, places: Place[]): void {
  // the first place of each id; a list only for the few ids met again (ids are nearly always unique)
  const first = new Map<string, Place>();
  const again = new Map<string, Place[]>();
  for (const p of places) {
    const seen = first.get(p.id);
    if (seen === undefined) first.set(p.id, p);
    else {
      const list = again.get(p.id);
      if (list) list.push(p);
      else again.set(p.id, [seen, p]);
    }
  }
  if (again.size === 0) return;
  // in the order ids were first met, as before
  for (const id of first.keys()) {
    const list = again.get(id);
    if (!list) continue;
    list.forEach((p, i) => {
      // the first place names the second; every later place names the first
      const other = i === 0 ? list[1] : list[0];
      ctx.report(p.origin, t('duplicate-id/duplicate', { sort: sortName(sort), id, other: ctx.placeOf(other.origin, ['id']) }), { at: ['id'] });
    });
  }
}

export const duplicateId = defineRule({
  id: 'duplicate-id',
  severity: 'error',
  description: t('rule/duplicate-id'),
  messages: ['duplicate-id/duplicate'],
  reads: { scope: 'references', references: ['campaign', 'city', 'task', 'indicator', 'owner', 'target', 'unit'] },
  check(ctx) {
    const { model } = ctx;
    checkSort(ctx, 'campaign', model.campaigns.map((c) => ({ id: c.id, origin: c.origin })).filter((p) => p.id));
    for (const c of model.campaigns) {
      checkSort(ctx, 'city', c.cities);
      checkSort(ctx, 'task', c.allTasks);
      checkSort(ctx, 'indicator', c.indicators);
    }
    checkSort(ctx, 'owner', model.owners);
    checkSort(ctx, 'action', model.actions);
    checkSort(ctx, 'target', model.targets);
    checkSort(ctx, 'unit', [...model.plans.values()].flatMap((p) => p.units));
  },
});
