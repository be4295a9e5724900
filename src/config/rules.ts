/** The rules this area adds to the catalogue: a bad config file and a disable comment that suppresses nothing. */
import { t } from '../i18n/index.js';
import { allRules } from '../rules/index.js';
import type { RuleMeta } from '../rules/types.js';

/** `config`: a problem in plans.config.yaml; `unused-disable`: a stale `# plans-disable…` comment. */
export const ciRules: RuleMeta[] = [
  { id: 'config', severity: 'error', description: t('rule/config') },
  { id: 'unused-disable', severity: 'warning', description: t('rule/unused-disable') },
];

/** Every rule a finding can carry: the registry plus the config and suppression rules. */
export function catalogue(): RuleMeta[] {
  const seen = new Set<string>();
  const out: RuleMeta[] = [];
  for (const rule of [...allRules, ...ciRules]) {
    if (seen.has(rule.id)) continue;
    seen.add(rule.id);
    out.push(rule);
  }
  return out;
}
