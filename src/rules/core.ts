/** The rules that stages other than the model rules report (loading, schema, config, suppression); listed so config, SARIF and `explain` know them. */
import { t } from '../i18n/index.js';
import { defineMeta } from './types.js';

export const yamlSyntax = defineMeta({
  id: 'yaml-syntax',
  severity: 'error',
  description: t('rule/yaml-syntax'),
  messages: [
    'yaml/DUPLICATE_KEY',
    'yaml/TAB_AS_INDENT',
    'yaml/BAD_INDENT',
    'yaml/MISSING_CHAR',
    'yaml/BAD_SCALAR_START',
    'yaml/BLOCK_AS_IMPLICIT_KEY',
    'yaml/MULTILINE_IMPLICIT_KEY',
    'yaml/BLOCK_IN_FLOW',
    'yaml/UNEXPECTED_TOKEN',
    'yaml/BAD_ALIAS',
    'yaml/ALIAS_PROPS',
    'yaml/BAD_DIRECTIVE',
    'yaml/BAD_DQ_ESCAPE',
    'yaml/BAD_COLLECTION_TYPE',
    'yaml/BAD_PROP_ORDER',
    'yaml/COMMENT_SPACE',
    'yaml/IMPOSSIBLE',
    'yaml/KEY_OVER_1024_CHARS',
    'yaml/MULTIPLE_ANCHORS',
    'yaml/MULTIPLE_DOCS',
    'yaml/MULTIPLE_TAGS',
    'yaml/NON_STRING_KEY',
    'yaml/RESOURCE_EXHAUSTION',
    'yaml/TAG_RESOLVE_FAILED',
    'yaml/BAD_STRING',
    'yaml/other',
    'yaml/alias-count',
    'yaml/unresolved-alias',
    'yaml/alias-cycle',
    'yaml/too-deep-aliases',
    'yaml/duplicate-yaml-directive',
    'yaml/directive-without-document',
    'yaml/too-deep',
    'load/too-large',
  ],
  reads: { scope: 'file' },
});

export const encoding = defineMeta({
  id: 'encoding',
  severity: 'error',
  description: t('rule/encoding'),
  messages: [
    'load/unreadable',
    'load/unreadable-dir',
    'load/binary',
    'load/undecodable',
    'load/mixed',
    'load/inner-bom',
    'load/utf-32',
    'load/not-a-file',
    'load/link-outside',
    'load/link-broken',
    'load/not-utf8',
  ],
  reads: { scope: 'file' },
});

export const unknownKind = defineMeta({
  id: 'unknown-kind',
  severity: 'error',
  description: t('rule/unknown-kind'),
  messages: [
    'kind/missing',
    'kind/not-mapping',
    'kind/unknown',
  ],
  reads: { scope: 'file' },
});

export const schema = defineMeta({
  id: 'schema',
  severity: 'error',
  description: t('rule/schema'),
  messages: [
    'schema/unknown-key-suggest',
    'schema/unknown-key',
    'schema/required',
    'schema/type',
    'schema/list-for-one',
    'schema/list-for-lead',
    'schema/enum',
    'schema/enum-op-null',
    'schema/pattern-id',
    'schema/pattern-change',
    'schema/format-date',
    'schema/min-items',
    'schema/min-length',
    'schema/unique-items',
    'schema/minimum',
    'schema/target-form',
    'schema/measure-form',
    'schema/value-or-units',
    'schema/not-finite',
    'schema/one-of',
    'text/pair',
  ],
  reads: { scope: 'file' },
});

/** `config`: a problem in plans.config.yaml. */
export const config = defineMeta({
  id: 'config',
  severity: 'error',
  description: t('rule/config'),
  messages: [
    'config/one-document',
    'config/not-mapping',
    'config/unknown-key-suggest',
    'config/unknown-key',
    'config/bad-lang',
    'config/rules-not-mapping',
    'config/unknown-rule-suggest',
    'config/unknown-rule',
    'config/config-rule-fixed',
    'config/bad-setting-suggest',
    'config/bad-setting',
    'config/ignore-not-list',
    'config/ignore-not-glob',
    'config/missing',
  ],
  reads: { scope: 'file' },
});

/** `unused-disable`: a `# plans-disable…` comment that suppresses nothing. */
export const unusedDisable = defineMeta({
  id: 'unused-disable',
  severity: 'warning',
  description: t('rule/unused-disable'),
  messages: [
    'suppress/unknown-directive-suggest',
    'suppress/unknown-directive',
    'suppress/unused-all-line',
    'suppress/unused-all-next-line',
    'suppress/unused-all-file',
    'suppress/unused-rule-line',
    'suppress/unused-rule-next-line',
    'suppress/unused-rule-file',
    'suppress/unknown-rule-suggest',
    'suppress/unknown-rule',
  ],
  reads: { scope: 'file' },
});

export const coreRules = [yamlSyntax, encoding, unknownKind, schema] as const;
export const ciRules = [config, unusedDisable] as const;
