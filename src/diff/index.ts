/** `plans diff` as data: the changes between two models, counted, with the city names for headings. */
import type { Model } from '../model/types.js';
import { diffModels } from './compare.js';
import { SEVERITIES, type Change, type ChangeSeverity, type DiffCounts, type DiffReport } from './types.js';

export { diffModels } from './compare.js';
export * from './types.js';

/** The report of `plans diff OLD NEW` from the two sides' models. */
export function diffReport(oldLabel: string, newLabel: string, old: Model, next: Model): DiffReport {
  const changes = diffModels(old, next);
  const cityNames: Record<string, string> = {};
  for (const m of [old, next]) for (const c of m.campaign?.cities ?? []) cityNames[c.id] = c.name;
  return { old: oldLabel, new: newLabel, changes, counts: countChanges(changes), cityNames };
}

export function countChanges(changes: readonly Change[]): DiffCounts {
  const counts: DiffCounts = { error: 0, warning: 0, info: 0 };
  for (const c of changes) counts[c.severity]++;
  return counts;
}

/** Whether a change of `level` or worse is among the changes (`--fail-on`). */
export function failsOn(counts: DiffCounts, level: ChangeSeverity): boolean {
  const worst = SEVERITIES.slice(0, SEVERITIES.indexOf(level) + 1);
  return worst.some((s) => counts[s] > 0);
}
