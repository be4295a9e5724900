import type { Catalog, MessageData } from '../index.js';

/** " (did you mean 'x'?)" when there is a suggestion. */
const suggest = (d: MessageData, lang: 'zh' | 'en') => {
  if (!d.suggestion) return '';
  const name = d.suggestionName ? String(d.suggestionName) : '';
  if (lang === 'zh') return name ? `；是否应为 ${d.suggestion}（${name}）？` : `；是否应为“${d.suggestion}”？`;
  return name ? `; did you mean '${d.suggestion}' (${name})?` : `; did you mean '${d.suggestion}'?`;
};
const loc = (v: unknown, lang: 'zh' | 'en'): string => (typeof v === 'object' && v !== null && lang in v ? String((v as Record<string, string>)[lang]) : String(v ?? ''));
const pct = (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '—');

/** Rule descriptions (`rule/<id>`) and the messages of the cross-file rules (`<rule>/<messageId>`). */
export const ruleMessages = {
  'rule/yaml-syntax': { zh: '文件不是有效的 YAML（包括重复的键和用 Tab 缩进）', en: 'the file is not valid YAML (including duplicate keys and tabs used as indentation)' },
  'rule/encoding': { zh: '文件不是 UTF-8 编码；可按 GB18030、Big5 或 Shift-JIS 读取的文件给出警告', en: 'the file is not UTF-8; a file that decodes as GB18030, Big5 or Shift-JIS is read with a warning' },
  'rule/unknown-kind': { zh: '缺少 kind，或 kind 不是四种类型之一', en: '`kind` is missing or not one of the four kinds' },
  'rule/schema': { zh: '不符合该类型的 JSON Schema', en: 'breaks the JSON Schema of its kind' },
  'rule/duplicate-id': { zh: '同类标识重复使用（两处都报告）', en: 'an id used twice in its sort (both places are reported)' },
  'rule/unknown-reference': {
    zh: '引用的专项行动、城市、任务、责任单位、指标、县（市、区）或目标不存在',
    en: 'a campaign, city, task, owner, indicator, unit or target id that names nothing',
  },
  'rule/progress-conflict': {
    zh: '同一目标（或同一县（市、区））在同一日期报告了两个不同的数值，无论在同一文件还是不同文件中',
    en: 'one target (or unit) given two different values for the same date, in one file or across files',
  },
  'rule/invalid-target': {
    zh: '无法判断的目标：区间的 min 大于 max、相对目标与自身比较、基数日期晚于期限',
    en: 'a target that cannot be judged: a range with min above max, a relative target that names itself, a baseline dated after the due date',
  },
  'rule/missing-plan': { zh: '专项行动列出的城市没有提交实施方案', en: 'a city of the campaign has no plan' },
  'rule/task-not-covered': { zh: '城市方案中没有任何行动承接某项省级（末级）任务', en: 'a leaf province task that no action of a city lists' },
  'rule/action-without-target': { zh: '行动没有量化目标', en: 'an action with no quantified target' },
  'rule/target-not-quantified': { zh: '目标只有文字表述，未量化', en: 'a qualitative target' },
  'rule/target-needs-baseline': { zh: '变化（年均变化）目标缺少基数', en: 'a change (or annual change) target without a baseline' },
  'rule/required-indicator-missing': { zh: '城市方案未设置专项行动要求的必报指标', en: 'a required campaign indicator that a city does not target' },
  'rule/unit-mismatch': {
    zh: '目标的计量单位与其指标不一致；或进展数值的形式不对（per: unit 目标给了单个数值，或反之）',
    en: "a target's unit differs from its indicator's; or a progress value of the wrong shape (a single value for a per: unit target or the reverse)",
  },
  'rule/due-outside-period': { zh: '行动或措施的完成时限在专项行动期限之外', en: 'an action or measure due after the campaign ends or before it starts' },
  'rule/owner-outside-city': { zh: '牵头或配合单位属于其他城市', en: 'a lead or support owner that belongs to another city' },
  'rule/target-off-track': { zh: '最新进展落后于按时间进度应达到的水平（滞后）', en: "the latest progress is behind where the target's trajectory says it should be (off track)" },

  // names of the sorts of ids
  'sort/campaign': { zh: '专项行动', en: 'campaign' },
  'sort/city': { zh: '城市', en: 'city' },
  'sort/task': { zh: '任务', en: 'task' },
  'sort/indicator': { zh: '指标', en: 'indicator' },
  'sort/owner': { zh: '责任单位', en: 'owner' },
  'sort/action': { zh: '行动', en: 'action' },
  'sort/target': { zh: '目标', en: 'target' },
  'sort/unit': { zh: '县（市、区）', en: 'unit' },
  'sort/indicator-or-target': { zh: '目标或指标', en: 'target or indicator' },
  'sort/measure': { zh: '措施', en: 'measure' },
  'sort/value': { zh: '进展', en: 'value' },

  'duplicate-id/duplicate': {
    zh: (d) => `${loc(d.sort, 'zh')}标识“${d.id}”重复：在 ${d.other} 也有定义`,
    en: (d) => `${loc(d.sort, 'en')} id '${d.id}' is used twice: also defined at ${d.other}`,
  },
  'unknown-reference/unknown': {
    zh: (d) => `${loc(d.sort, 'zh')}“${d.id}”未定义${suggest(d, 'zh')}`,
    en: (d) => `${loc(d.sort, 'en')} '${d.id}' is not defined${suggest(d, 'en')}`,
  },
  'unknown-reference/by-name': {
    zh: (d) => `“${d.written}”是${loc(d.sort, 'zh')} ${d.id} 的${loc(d.how, 'zh')}；此处请写标识 ${d.id}`,
    en: (d) => `${d.written} is the ${loc(d.how, 'en')} of ${loc(d.sort, 'en')} ${d.id}; write the id`,
  },
  'how/name': { zh: '名称', en: 'name' },
  'how/alias': { zh: '别名', en: 'alias' },
  'how/title': { zh: '标题', en: 'title' },
  'unknown-reference/city-not-in-campaign': {
    zh: (d) => `城市“${d.id}”不在专项行动“${d.campaign}”的城市名单中${suggest(d, 'zh')}`,
    en: (d) => `city '${d.id}' is not a city of campaign '${d.campaign}'${suggest(d, 'en')}`,
  },
  'unknown-reference/no-campaign': {
    zh: (d) => `专项行动“${d.id}”未定义：未找到 kind: Campaign 文档，无法进行跨文件检查`,
    en: (d) => `campaign '${d.id}' is not defined: no kind: Campaign document was found, so the checks across files cannot run`,
  },
  'unknown-reference/no-owners': {
    zh: (d) => `责任单位“${d.id}”未定义：未找到 kind: Owners 文档（本文档共引用 ${d.count} 处责任单位）`,
    en: (d) => `owner '${d.id}' is not defined: no kind: Owners document was found (${d.count} owner reference${d.count === 1 ? '' : 's'} in this document)`,
  },
  'unknown-reference/campaign-mismatch': {
    zh: (d) => `专项行动“${d.id}”未定义；本仓库的专项行动是“${d.campaign}”`,
    en: (d) => `campaign '${d.id}' is not defined; this repository's campaign is '${d.campaign}'`,
  },
  'unknown-reference/target-of-other-city': {
    zh: (d) => `目标“${d.id}”属于${d.owner}，不是${d.city}的目标${suggest(d, 'zh')}`,
    en: (d) => `target '${d.id}' belongs to ${d.owner}, not to ${d.city}${suggest(d, 'en')}`,
  },
  'unknown-reference/unit-not-in-plan': {
    zh: (d) => `县（市、区）“${d.id}”不在${d.city}方案的 units 中${suggest(d, 'zh')}`,
    en: (d) => `unit '${d.id}' is not one of the units of ${d.city}'s plan${suggest(d, 'en')}`,
  },
  'missing-plan/missing': {
    zh: '城市“{city}”（{name}）没有实施方案（找不到 city: {city} 的 kind: Plan 文档）',
    en: "city '{city}' ({name}) has no plan (no kind: Plan document with city: {city})",
  },
  'task-not-covered/not-covered': {
    zh: '{city}方案中没有行动承接省级任务 {task}（{title}）',
    en: "no action of {city}'s plan covers province task {task} ({title})",
  },
  'action-without-target/no-target': {
    zh: '行动 {action} 没有量化目标',
    en: 'action {action} has no quantified target',
  },
  'action-without-target/only-qualitative': {
    zh: '行动 {action} 的目标都只有文字表述，没有量化目标',
    en: 'action {action} has only qualitative targets, none quantified',
  },
  'target-not-quantified/qualitative': {
    zh: '目标 {target} 只有文字表述（{text}），无法衡量进度；可改写为数值目标',
    en: 'target {target} is stated in words only ({text}), so its progress cannot be measured; give it a number',
  },
  'target-needs-baseline/missing': {
    zh: '目标 {target} 是{form}目标（{change}），须给出 baseline 才能算出目标值',
    en: 'target {target} asks for a {form} of {change} but has no baseline to work out its target value from',
  },
  'form/change': { zh: '变化', en: 'change' },
  'form/annual': { zh: '年均变化', en: 'annual change' },
  'required-indicator-missing/missing': {
    zh: '{city}方案没有设置必报指标 {indicator}（{name}）的目标',
    en: "{city}'s plan has no target for the required indicator {indicator} ({name})",
  },
  'unit-mismatch/unit': {
    zh: '目标 {target} 的单位“{unit}”与指标 {indicator} 的单位“{expected}”不一致',
    en: "target {target} is in '{unit}' but its indicator {indicator} is in '{expected}'",
  },
  'unit-mismatch/value-for-per-unit': {
    zh: '目标 {target} 按县（市、区）分别考核（per: unit），进展应写 units: {县: 数值}，而不是单个 value',
    en: 'target {target} applies per unit (per: unit): report units: {unit: value}, not a single value',
  },
  'unit-mismatch/units-for-single': {
    zh: '目标 {target} 不是 per: unit 目标，进展应写单个 value，而不是 units',
    en: 'target {target} is not a per: unit target: report one value, not units',
  },
  'due-outside-period/after': {
    zh: '{what}的完成时限 {due} 晚于专项行动结束日 {end}',
    en: '{what} is due {due}, after the campaign ends on {end}',
  },
  'due-outside-period/before': {
    zh: '{what}的完成时限 {due} 早于专项行动开始日 {start}',
    en: '{what} is due {due}, before the campaign starts on {start}',
  },
  'what/action': { zh: '行动 {action} ', en: 'action {action}' },
  'what/measure': { zh: '行动 {action} 第 {n} 项措施', en: 'measure {n} of action {action}' },
  'owner-outside-city/lead': {
    zh: '牵头单位 {owner}（{name}）属于{ownerCity}，而本方案是{city}的',
    en: "lead {owner} ({name}) belongs to {ownerCity}, but this is {city}'s plan",
  },
  'owner-outside-city/support': {
    zh: '配合单位 {owner}（{name}）属于{ownerCity}，而本方案是{city}的',
    en: "support {owner} ({name}) belongs to {ownerCity}, but this is {city}'s plan",
  },
  'target-off-track/off-track': {
    zh: (d) => `目标 ${d.target} 进展滞后：截至 ${d.date} 完成进度 ${pct(d.progress)}，时间进度 ${pct(d.elapsed)}（基数 ${d.baseline}，目标 ${d.goal}，最新 ${d.latest}）`,
    en: (d) => `target ${d.target} is off track: ${pct(d.progress)} of the way at ${d.date} with ${pct(d.elapsed)} of the time gone (baseline ${d.baseline}, target ${d.goal}, latest ${d.latest})`,
  },
  'target-off-track/off-track-units': {
    zh: (d) => `目标 ${d.target} 进展滞后：截至 ${d.date}，进度滞后的县（市、区）：${(d.units as string[]).join('、')}`,
    en: (d) => `target ${d.target} is off track at ${d.date}; units off track: ${(d.units as string[]).join(', ')}`,
  },
  'target-off-track/not-achieved': {
    zh: (d) => `目标 ${d.target} 未完成：期限 ${d.due} 已过，截至 ${d.date} 的最新值 ${d.latest} 未达到目标 ${d.goal}`,
    en: (d) => `target ${d.target} is not achieved: its due date ${d.due} has passed and the latest value ${d.latest} at ${d.date} does not meet the target ${d.goal}`,
  },
  'target-off-track/not-achieved-units': {
    zh: (d) => `目标 ${d.target} 未完成：期限 ${d.due} 已过，截至 ${d.date} 未达标的县（市、区）：${(d.units as string[]).join('、')}`,
    en: (d) => `target ${d.target} is not achieved: its due date ${d.due} has passed and at ${d.date} these units fall short: ${(d.units as string[]).join(', ')}`,
  },
  'progress-conflict/value': {
    zh: (d) => `目标 ${d.target} 在 ${d.date} 的数值报告为 ${d.value}，但 ${d.place} 已报告为 ${d.other}；同一日期只能有一个数值`,
    en: (d) => `target ${d.target} is given ${d.value} for ${d.date} here, but ${d.other} at ${d.place}; one date takes one value`,
  },
  'progress-conflict/unit': {
    zh: (d) => `目标 ${d.target} 的 ${d.unit} 在 ${d.date} 的数值报告为 ${d.value}，但 ${d.place} 已报告为 ${d.other}；同一日期只能有一个数值`,
    en: (d) => `unit ${d.unit} of target ${d.target} is given ${d.value} for ${d.date} here, but ${d.other} at ${d.place}; one date takes one value`,
  },
  'invalid-target/range': {
    zh: (d) => `目标 ${d.target} 的区间下限 ${d.min} 大于上限 ${d.max}，任何数值都无法达到；请交换 min 与 max`,
    en: (d) => `target ${d.target} has a range with min ${d.min} above max ${d.max}, which no value can meet; swap min and max`,
  },
  'invalid-target/self': {
    zh: (d) => `目标 ${d.target} 是相对目标，却与自身比较；than 应写另一个目标或指标`,
    en: (d) => `target ${d.target} is relative to itself; \`than\` must name another target or an indicator`,
  },
  'invalid-target/baseline-after-due': {
    zh: (d) => `目标 ${d.target} 的基数日期 ${d.date} 晚于期限 ${d.due}，时间进度无从计算`,
    en: (d) => `target ${d.target} has a baseline dated ${d.date}, after its due date ${d.due}, so its time share cannot be worked out`,
  },
  'target-off-track/slipped': {
    zh: '目标 {target} 的基数已达标，但截至 {date} 的最新值 {latest} 不再达标',
    en: 'target {target} was met at its baseline, but the latest value {latest} at {date} no longer meets it',
  },
} satisfies Catalog;
