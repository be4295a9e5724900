/** The one registry of rules: the catalogue that config, SARIF, docs and `explain` are built from. */
import { coreRules } from './core.js';
import type { Rule, RuleMeta } from './types.js';

/** The cross-file rules, run over the model in this order. */
export const modelRules: Rule[] = [];

/** Every rule of the catalogue, core ones first. */
export const allRules: RuleMeta[] = [...coreRules, ...modelRules];

export function ruleById(id: string): RuleMeta | undefined {
  return allRules.find((r) => r.id === id);
}
