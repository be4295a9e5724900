import type { Catalog } from '../index.js';

/** Rule descriptions (`rule/<id>`) and the messages of the cross-file rules (`<rule>/<messageId>`). */
export const ruleMessages: Catalog = {
  'rule/yaml-syntax': { zh: '文件不是有效的 YAML（包括重复的键和用 Tab 缩进）', en: 'the file is not valid YAML (including duplicate keys and tabs used as indentation)' },
  'rule/encoding': { zh: '文件不是 UTF-8 编码；可按 GB18030 读取的文件给出警告', en: 'the file is not UTF-8; a file that decodes as GB18030 is read with a warning' },
  'rule/unknown-kind': { zh: '缺少 kind，或 kind 不是四种类型之一', en: '`kind` is missing or not one of the four kinds' },
  'rule/schema': { zh: '不符合该类型的 JSON Schema', en: 'breaks the JSON Schema of its kind' },
};
