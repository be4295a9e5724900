/** The rule catalogue as config, SARIF and `explain` see it (kept here for the modules that import it from config). */
import { ruleCatalogue, type RuleId } from '../rules/index.js';
import type { RuleMeta } from '../rules/types.js';

export { ciRules } from '../rules/core.js';

/** Every rule a finding can carry: the registry plus the config and suppression rules. */
export function catalogue(): readonly RuleMeta<RuleId>[] {
  return ruleCatalogue;
}
