/** The one registry of rules: the catalogue that config, SARIF, docs and `explain` are built from. */
import { coreRules } from './core.js';
import type { Rule, RuleMeta } from './types.js';
import { duplicateId } from './duplicate-id.js';
import { unknownReference } from './unknown-reference.js';
import { missingPlan } from './missing-plan.js';
import { taskNotCovered } from './task-not-covered.js';
import { actionWithoutTarget } from './action-without-target.js';
import { targetNotQuantified } from './target-not-quantified.js';
import { targetNeedsBaseline } from './target-needs-baseline.js';
import { requiredIndicatorMissing } from './required-indicator-missing.js';
import { unitMismatch } from './unit-mismatch.js';
import { dueOutsidePeriod } from './due-outside-period.js';
import { ownerOutsideCity } from './owner-outside-city.js';
import { targetOffTrack } from './target-off-track.js';
import { progressConflict } from './progress-conflict.js';
import { invalidTarget } from './invalid-target.js';

/** The cross-file rules, run over the model in this order (the catalogue's order in plan-format.md). */
export const modelRules: Rule[] = [
  duplicateId,
  unknownReference,
  missingPlan,
  taskNotCovered,
  actionWithoutTarget,
  targetNotQuantified,
  targetNeedsBaseline,
  requiredIndicatorMissing,
  unitMismatch,
  dueOutsidePeriod,
  ownerOutsideCity,
  targetOffTrack,
  progressConflict,
  invalidTarget,
];

/** Every rule of the catalogue, core ones first. */
export const allRules: RuleMeta[] = [...coreRules, ...modelRules];

export function ruleById(id: string): RuleMeta | undefined {
  return allRules.find((r) => r.id === id);
}
