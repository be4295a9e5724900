/**
 * task-not-covered: a leaf province task that no action of a city lists. An action that lists a
 * task with subtasks covers all of them. Points at the plan's `city:` value.
 */
import { t } from '../i18n/index.js';
import { defineRule } from './types.js';
import { coveredTasks } from '../domain/coverage.js';

export { coveredTasks, coveringActions } from '../domain/coverage.js';
import { cityName, planCityOrigin, planUnread } from './shared.js';


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
