/** The rules that the loader and the schema stage report; listed so config, SARIF and `explain` know them. */
import { t } from '../i18n/index.js';
import type { RuleMeta } from './types.js';

export const coreRules: RuleMeta[] = [
  { id: 'yaml-syntax', severity: 'error', description: t('rule/yaml-syntax') },
  { id: 'encoding', severity: 'error', description: t('rule/encoding') },
  { id: 'unknown-kind', severity: 'error', description: t('rule/unknown-kind') },
  { id: 'schema', severity: 'error', description: t('rule/schema') },
];
