/**
 * task-not-covered: a leaf province task that no action of a city lists. An action that lists a
 * task with subtasks covers all of them. Points at the plan's `city:` value.
 */
import { t } from '../i18n/index.js';
import type { Campaign, CityPlan } from '../model/types.js';
import { defineRule } from './types.js';
import { cityName, planCityOrigin, planUnread } from './shared.js';

/** The ids of the leaf tasks a city's actions cover (directly, or through a parent task they list). */
export function coveredTasks(campaign: Campaign, plan: CityPlan): Set<string> {
  const listed = new Set(plan.actions.flatMap((a) => a.tasks));
  const parentOf = new Map(campaign.allTasks.map((x) => [x.id, x.parent]));
  const covered = new Set<string>();
  for (const leaf of campaign.leafTasks) {
    for (let id: string | undefined = leaf.id; id !== undefined; id = parentOf.get(id)) {
      if (listed.has(id)) {
        covered.add(leaf.id);
        break;
      }
    }
  }
  return covered;
}

export const taskNotCovered = defineRule({
  id: 'task-not-covered',
  severity: 'warning',
  description: t('rule/task-not-covered'),
  messages: ['task-not-covered/not-covered'],
  reads: { scope: 'city', references: ['campaign', 'task'] },
  check(ctx) {
    const campaign = ctx.model.campaign;
    if (!campaign) return;
    for (const plan of ctx.model.plans.values()) {
      if (!campaign.cities.some((c) => c.id === plan.city)) continue;
      if (planUnread(ctx.model, plan.city)) continue; // its unreadable part may cover it // unknown-reference says so
      const covered = coveredTasks(campaign, plan);
      for (const task of campaign.leafTasks) {
        if (!covered.has(task.id)) {
          ctx.report(planCityOrigin(plan), t('task-not-covered/not-covered', { city: cityName(ctx.model, plan.city), task: task.id, title: task.title }));
        }
      }
    }
  },
});
