/** The one registry of rules: the catalogue that config, SARIF, docs, the README's table and `explain` are built from. */
import { ciRules, coreRules } from './core.js';
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
const MODEL_RULES = [
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
] as const;

const ALL = [...coreRules, ...MODEL_RULES, ...ciRules] as const;

/** Every rule id a finding can carry, as a typed union. */
export type RuleId = (typeof ALL)[number]['id'];

/** The cross-file rules, in the order they run. */
export const modelRules: readonly Rule<RuleId>[] = MODEL_RULES;

/** Every rule of the plan-format catalogue, core ones first. */
export const allRules: readonly RuleMeta<RuleId>[] = [...coreRules, ...MODEL_RULES];

/** Every rule a finding can carry: the catalogue plus `config` and `unused-disable`. */
export const ruleCatalogue: readonly RuleMeta<RuleId>[] = ALL;

export const RULE_IDS: readonly RuleId[] = ALL.map((r) => r.id);

export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

export function ruleById(id: string): RuleMeta<RuleId> | undefined {
  return ruleCatalogue.find((r) => r.id === id);
}
