/**
 * task-not-covered: a leaf province task that no action of a city lists. An action that lists a
 * task with subtasks covers all of them. Points at the plan's `city:` value.
 */
import { t } from '../i18n/index.js';
import type { Campaign, CityPlan } from '../model/types.js';
import type { Rule } from './types.js';
import { cityName, planCityOrigin, planUnread } from './shared.js';

/** The ids of the leaf tasks a city's actions cover (directly, or through a parent task they list). */
export function coveredTasks(campaign: Campaign, plan: CityPlan): Set<string> {
  const listed = new Set(plan.actions.flatMap((a) => a.tasks));
  // a task written by its title (unknown-reference asks for the id) still says which task is meant
  for (const x of campaign.allTasks) if (listed.has(x.title) && campaign.allTasks.filter((y) => y.title === x.title).length === 1) listed.add(x.id);
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

/** For each leaf task, the ids of the city's actions that cover it (directly, or through a parent task they list), in plan order. */
export function coveringActions(campaign: Campaign, plan: CityPlan): Map<string, string[]> {
  const parentOf = new Map(campaign.allTasks.map((x) => [x.id, x.parent]));
  const out = new Map<string, string[]>(campaign.leafTasks.map((leaf) => [leaf.id, []]));
  for (const action of plan.actions) {
    const listed = new Set(action.tasks);
    for (const leaf of campaign.leafTasks) {
      for (let id: string | undefined = leaf.id; id !== undefined; id = parentOf.get(id)) {
        if (listed.has(id)) {
          out.get(leaf.id)!.push(action.id);
          break;
        }
      }
    }
  }
  return out;
}

export const taskNotCovered: Rule = {
  id: 'task-not-covered',
  severity: 'warning',
  description: t('rule/task-not-covered'),
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
};
