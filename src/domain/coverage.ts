/** Coverage: which province tasks a city's plan covers, and whether an action has a quantified target. */
import type { Action, Campaign, CityPlan } from '../model/types.js';

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

/** Whether an action has at least one target with a number to reach. */
export function hasQuantifiedTarget(action: Action): boolean {
  return action.targets.some((x) => x.target !== undefined && x.target.form !== 'qualitative');
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
