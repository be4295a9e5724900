/** Reference text made from the rule registry: the rule table of docs/rules.md (scripts/rule-table.mjs writes it). */
import type { Lang } from '../i18n/index.js';
import { ruleCatalogue } from './index.js';

export const RULE_TABLE_BEGIN = '<!-- rules:begin (generated from src/rules by `npm run docs:rules`; do not edit) -->';
export const RULE_TABLE_END = '<!-- rules:end -->';

/** The Markdown table of every rule: id (linked to its page), default severity, what it finds. */
export function ruleTable(lang: Lang = 'en'): string {
  const head = lang === 'zh' ? ['| 规则 | 默认 | 查找 |', '| --- | --- | --- |'] : ['| rule | default | finds |', '| --- | --- | --- |'];
  const rows = ruleCatalogue.map((r) => `| [\`${r.id}\`](rules/${r.id}.md) | ${r.severity} | ${r.description.text(lang).replace(/\|/g, '\\|')} |`);
  return [...head, ...rows].join('\n');
}

/** `text` (docs/rules.md) with the part between the markers replaced by the table; undefined when it has no markers. */
export function withRuleTable(text: string, lang: Lang = 'en'): string | undefined {
  const begin = text.indexOf(RULE_TABLE_BEGIN);
  const end = text.indexOf(RULE_TABLE_END);
  if (begin < 0 || end < begin) return undefined;
  return `${text.slice(0, begin)}${RULE_TABLE_BEGIN}\n${ruleTable(lang)}\n${text.slice(end)}`;
}
