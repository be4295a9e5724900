import type { Catalog } from '../index.js';

/** Messages of config, suppression, baselines, CI formats and the drafter commands (init, explain, schema). */
export const ciMessages = {
  // The rules this area adds to the catalogue.
  'rule/config': { zh: 'plans.config.yaml 本身有错：未知的键或规则、无效的设置', en: 'plans.config.yaml itself is wrong: an unknown key or rule, or a bad setting' },
  'rule/unused-disable': { zh: '禁用注释没有屏蔽任何问题（或写错了规则名）', en: 'a disable comment that suppresses nothing (or names no rule)' },

  // plans.config.yaml
  'config/one-document': { zh: '配置文件只能有一个文档；其余文档被忽略', en: 'a config file holds one document; this one is ignored' },
  'config/not-mapping': { zh: '配置须为映射（rules、ignore、lang）', en: 'the config must be a mapping (rules, ignore, lang)' },
  'config/unknown-key-suggest': { zh: '未知的配置键 `{key}`，是否应为 `{suggestion}`？', en: 'unknown config key `{key}`; did you mean `{suggestion}`?' },
  'config/unknown-key': { zh: '未知的配置键 `{key}`；可用：{allowed}', en: 'unknown config key `{key}`; use {allowed}' },
  'config/bad-lang': { zh: '`lang` 须为 zh 或 en，而不是 `{value}`', en: '`lang` takes zh or en, not `{value}`' },
  'config/rules-not-mapping': { zh: '`rules` 须为“规则: 设置”的映射', en: '`rules` must map rule ids to settings' },
  'config/unknown-rule-suggest': { zh: '未知的规则 `{rule}`，是否应为 `{suggestion}`？', en: 'unknown rule `{rule}`; did you mean `{suggestion}`?' },
  'config/unknown-rule': { zh: '未知的规则 `{rule}`（plans explain 可查看规则）', en: 'unknown rule `{rule}` (plans explain lists what a rule does)' },
  'config/config-rule-fixed': { zh: '规则 `config` 不能在配置中更改：配置错误总是报告', en: 'the `config` rule cannot be changed in the config: config errors are always reported' },
  'config/bad-setting-suggest': { zh: '规则 `{rule}` 的设置 `{value}` 无效，是否应为 `{suggestion}`？（off、warning、error）', en: 'rule `{rule}` cannot be set to `{value}`; did you mean `{suggestion}`? (off, warning, error)' },
  'config/bad-setting': { zh: '规则 `{rule}` 的设置 `{value}` 无效；可选：off、warning、error', en: 'rule `{rule}` cannot be set to `{value}`; use off, warning or error' },
  'config/ignore-not-list': { zh: '`ignore` 须为 glob 列表，如 ["drafts/**"]', en: '`ignore` takes a list of globs, like ["drafts/**"]' },
  'config/ignore-not-glob': { zh: '`ignore` 的每一项须为非空的 glob 字符串', en: 'each `ignore` entry must be a glob (a non-empty string)' },
  'config/bad-glob': {
    zh: '忽略模式 `{glob}` 不是有效的通配符：字符范围 {range} 首尾颠倒；该模式未使用',
    en: 'the ignore pattern `{glob}` is not a glob: the range {range} runs backwards; the pattern is not used',
  },
  'config/missing': { zh: '无法读取配置文件 {path}（{code}）', en: 'cannot read the config file {path} ({code})' },

  // Inline suppression
  'suppress/unknown-directive-suggest': { zh: '未知的禁用注释 `{name}`，是否应为 `{suggestion}`？', en: 'unknown disable comment `{name}`; did you mean `{suggestion}`?' },
  'suppress/unknown-directive': { zh: '未知的禁用注释 `{name}`；可用：{allowed}', en: 'unknown disable comment `{name}`; use {allowed}' },
  'suppress/unused-all-line': { zh: '`{name}` 没有屏蔽本行的任何问题，可以删除', en: '`{name}` suppresses nothing on this line; remove it' },
  'suppress/unused-all-next-line': { zh: '`{name}` 没有屏蔽下一行的任何问题，可以删除', en: '`{name}` suppresses nothing on the next line; remove it' },
  'suppress/unused-all-file': { zh: '`{name}` 没有屏蔽本文件的任何问题，可以删除', en: '`{name}` suppresses nothing in this file; remove it' },
  'suppress/unused-rule-line': { zh: '本行没有 `{rule}` 问题，`{name} {rule}` 可以删除', en: 'no `{rule}` finding on this line; remove `{rule}` from `{name}`' },
  'suppress/unused-rule-next-line': { zh: '下一行没有 `{rule}` 问题，`{name} {rule}` 可以删除', en: 'no `{rule}` finding on the next line; remove `{rule}` from `{name}`' },
  'suppress/unused-rule-file': { zh: '本文件没有 `{rule}` 问题，`{name} {rule}` 可以删除', en: 'no `{rule}` finding in this file; remove `{rule}` from `{name}`' },
  'suppress/unknown-rule-suggest': { zh: '禁用注释中的规则 `{rule}` 不存在，是否应为 `{suggestion}`？', en: 'the disable comment names no rule `{rule}`; did you mean `{suggestion}`?' },
  'suppress/unknown-rule': { zh: '禁用注释中的规则 `{rule}` 不存在', en: 'the disable comment names no rule `{rule}`' },

  // Baselines
  'baseline/missing': { zh: '无法读取基线文件 {path}（{code}）', en: 'cannot read the baseline {path} ({code})' },
  'baseline/not-json': { zh: '基线文件 {path} 不是 JSON（用 --write-baseline 生成）', en: 'the baseline {path} is not JSON (write one with --write-baseline)' },
  'baseline/bad-shape': { zh: '{path} 不是 plans 基线文件（version {version}）', en: '{path} is not a plans baseline (version {version})' },
  'baseline/written': { zh: 'plans: 已将 {count} 个问题记入基线 {path}', en: 'plans: recorded {count} findings in the baseline {path}' },
  'baseline/note': { zh: 'plans: 基线中已有 {matched} 个问题未报告；基线中有 {fixed} 个问题已不存在', en: 'plans: {matched} findings known to the baseline not shown; {fixed} baseline entries are fixed' },
  // Results cache (--cache)
  'cache/missing': { zh: '无法读取缓存文件 {path}（{code}）', en: 'cannot read the cache {path} ({code})' },
  'cache/not-ours': {
    zh: '{path} 不是 plans 的缓存文件，不会覆盖它；请用 --cache-location 指定另一个文件',
    en: '{path} is not a plans cache, and will not be overwritten; name another file with --cache-location',
  },
  'cache/not-written': { zh: 'plans: 未能写入缓存 {path}：{reason}（检查结果不受影响）', en: 'plans: could not write the cache {path}: {reason} (the result is not affected)' },

  // Output formats and options
  'sarif/help': { zh: '{description}。完整说明：plans explain {id}', en: '{description}. The full page: plans explain {id}' },
  'junit/failure': { zh: '{errors} 个错误，{warnings} 个警告', en: '{errors} errors, {warnings} warnings' },
  'lint/out-without-format': { zh: '--out 有 {count} 个，但 --format 只有 {formats} 个：每个 --out 须跟在它的 --format 之后', en: '{count} --out for {formats} --format: each --out belongs to the --format before it' },
  'lint/many-to-stdout': { zh: '只有一个格式可以输出到标准输出，其余须加 --out：{formats}', en: 'only one format can go to standard output; give the others an --out: {formats}' },

  // Drafter commands
  'schema-cmd/unreadable': { zh: '无法读取模式文件 {path}（{code}）；安装可能不完整', en: 'cannot read the schema {path} ({code}); the installation may be incomplete' },
  'explain/unknown-suggest': { zh: '没有规则 `{rule}`，是否应为 `{suggestion}`？', en: 'no rule `{rule}`; did you mean `{suggestion}`?' },
  'explain/unknown': { zh: '没有规则 `{rule}`', en: 'no rule `{rule}`' },
  'explain/default': { zh: '默认级别', en: 'default severity' },
  'explain/messages': { zh: '消息编号', en: 'message ids' },
  'explain/no-page': { zh: '规则 `{rule}` 还没有说明页 docs/rules/{rule}.md', en: 'rule `{rule}` has no docs page docs/rules/{rule}.md yet' },
  'init/no-campaign': {
    zh: '当前目录及其上级目录中没有找到专项行动（kind: Campaign）；请在方案仓库中运行 plans init',
    en: 'no campaign (kind: Campaign) in this folder or above; run plans init inside a plans repository',
  },
  'init/unknown-city-suggest': { zh: '专项行动中没有城市 `{city}`，是否应为 `{suggestion}`？', en: 'the campaign has no city `{city}`; did you mean `{suggestion}`?' },
  'init/unknown-city': { zh: '专项行动中没有城市 `{city}`；可选：{cities}', en: 'the campaign has no city `{city}`; its cities are {cities}' },
  'init/exists': { zh: '{path} 已存在，不会覆盖；用 --out 指定其他文件', en: '{path} exists and is not overwritten; name another file with --out' },
  'init/written': { zh: '已生成 {city} 的实施方案草稿：{path}', en: 'wrote a starter plan for {city}: {path}' },
  'init/header': { zh: '{city}落实 {campaign}（{id}）的实施方案草稿，由 plans init 生成。', en: 'Starter plan of {city} for {campaign} ({id}), written by plans init.' },
  'init/tasks': { zh: '省级任务（每项末级任务都须有行动在 tasks 中列出）：', en: 'Province tasks (every leaf task needs an action that lists it under tasks):' },
  'init/indicators': { zh: '必须设定目标的指标（在目标的 indicator 中引用）：', en: 'Required indicators (name them in a target\'s indicator):' },
  'init/owners': { zh: '本市责任单位（lead / support 可用的标识）：', en: 'Owners of the city (ids for lead / support):' },
  'init/title-suffix': { zh: '实施方案', en: '实施方案' },
  'init/action-template': { zh: '行动的写法（去掉 # 并替换上面的 actions: []）：', en: 'How an action reads (uncomment and replace actions: [] above):' },
  'init/action-title': { zh: '行动名称', en: 'title of the action' },
  'init/measure': { zh: '具体措施', en: 'what is done' },
  'init/target-name': { zh: '指标名称', en: 'what is measured' },
  'init/target-unit': { zh: '单位', en: 'unit' },
} satisfies Catalog;
