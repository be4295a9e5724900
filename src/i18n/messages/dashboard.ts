import type { Catalog } from '../index.js';

/** The gap report as a dashboard: filters, what falls due next, charts and their text alternatives, page numbers. */
export const dashboardMessages = {
  // options
  'help/owner': { zh: '只包括该责任单位（及其下属单位）牵头或配合的内容', en: 'only what this owner (or an owner under it) leads or supports' },
  'help/status': { zh: '只包括该状态的目标（可重复）：{statuses}', en: 'only targets of this status (repeatable): {statuses}' },
  'help/due-within': { zh: '列出进展截至日后这么多天内到期的事项（默认 {days}）', en: 'list what falls due within this many days after the as-of date (default {days})' },
  'cli/bad-owner': { zh: '未知的责任单位 `{owner}`', en: 'unknown owner `{owner}`' },
  'cli/bad-owner-suggest': { zh: '未知的责任单位 `{owner}`，是否应为 `{suggestion}`？', en: 'unknown owner `{owner}`; did you mean `{suggestion}`?' },
  'cli/bad-status': { zh: '未知的状态 `{status}`；可选：{allowed}', en: 'unknown status `{status}`; use one of {allowed}' },
  'cli/bad-status-suggest': { zh: '未知的状态 `{status}`，是否应为 `{suggestion}`？', en: 'unknown status `{status}`; did you mean `{suggestion}`?' },
  'cli/filter-targets-only': {
    zh: '{option} 只适用于 targets 表（以及 plans gaps）',
    en: '{option} applies to the targets table only (and to plans gaps)',
  },

  // what falls due next
  'gaps/due-soon': { zh: '近期到期事项（{from} 至 {until}）', en: 'What falls due next ({from} to {until})' },
  'gaps/due-soon-none': { zh: '此期间没有到期的行动、举措或目标。', en: 'No action, measure or target falls due in this period.' },
  'gaps/due/kind/action': { zh: '行动', en: 'action' },
  'gaps/due/kind/measure': { zh: '举措', en: 'measure' },
  'gaps/due/kind/target': { zh: '目标', en: 'target' },
  'gaps/due/col/due': { zh: '到期日', en: 'Due' },
  'gaps/due/col/kind': { zh: '类别', en: 'Kind' },
  'gaps/due/col/city': { zh: '城市', en: 'City' },
  'gaps/due/col/item': { zh: '事项', en: 'Item' },
  'gaps/due/col/lead': { zh: '牵头单位', en: 'Lead' },
  'gaps/due/col/support': { zh: '配合单位', en: 'Support' },
  'gaps/due/measure-ref': { zh: '{action} 第 {n} 项举措', en: '{action} measure {n}' },
  'gaps/due/line': { zh: '{due} {kind} {city} {item}；牵头：{lead}', en: '{due} {kind} {city} {item}; lead: {lead}' },
  'gaps/due/no-lead': { zh: '（未指定）', en: '(none named)' },
  'gaps/filtered': { zh: '筛选：{parts}', en: 'Filtered: {parts}' },
  'gaps/filtered/owner': { zh: '责任单位 {owner}', en: 'owner {owner}' },
  'gaps/filtered/status': { zh: '状态 {statuses}', en: 'status {statuses}' },

  // charts
  'chart/legend': { zh: '图例', en: 'Legend' },
  'chart/legend-marker': { zh: '竖线为时间进度 e，浅色带为“有风险”区间（e − 10% 至 e），粗线为目标 100%', en: 'the vertical line is the time share e, the light band the at-risk zone (e − 10% to e), the heavy line the target at 100%' },
  'chart/overview': { zh: '总览', en: 'Overview' },
  'chart/targets': { zh: '目标进度图', en: 'Progress of targets' },
  'chart/bullet': {
    zh: '{id} {name}：完成进度 p {p}，时间进度 e {e}，状态：{status}',
    en: '{id} {name}: progress p {p}, time share e {e}, status: {status}',
  },
  'chart/bullet-no-p': { zh: '{id} {name}：无法计算完成进度（{reason}），状态：{status}', en: '{id} {name}: progress cannot be computed ({reason}), status: {status}' },
  'chart/reason/no-data': { zh: '尚无进展数值', en: 'no value reported yet' },
  'chart/reason/no-baseline': { zh: '无基数或目标值', en: 'no baseline or target value' },
  'chart/units': {
    zh: (d) => `${d.id} ${d.name}（按县考核）：${d.count} 个县（市、区），状态：${d.status}${(d.units as string[]).length ? `；${(d.units as string[]).join('、')}` : ''}`,
    en: (d) => `${d.id} ${d.name} (per unit): ${d.count} units, status: ${d.status}${(d.units as string[]).length ? `; ${(d.units as string[]).join(', ')}` : ''}`,
  },
  'chart/unit': { zh: '{name} p {p}（{status}）', en: '{name} p {p} ({status})' },
  'chart/units-short': { zh: '未达进度：{units}', en: 'falling short: {units}' },
  'chart/units-short-none': { zh: '各县均达进度', en: 'every unit keeps pace' },
  'chart/summary': { zh: '{city} 目标状态：{counts}', en: '{city} target statuses: {counts}' },
  'chart/summary-none': { zh: '{city}：没有目标', en: '{city}: no targets' },
  'chart/count': { zh: '{status} {n}', en: '{status} {n}' },
  'chart/coverage': { zh: '省级任务覆盖图', en: 'Coverage of province tasks' },
  'chart/coverage-alt': {
    zh: '省级任务覆盖图：{tasks} 项任务 × {cities} 个城市；未承接：{missing}',
    en: 'Coverage of province tasks: {tasks} tasks × {cities} cities; not covered: {missing}',
  },
  'chart/coverage-missing': { zh: '{city} {tasks}', en: '{city} {tasks}' },
  'chart/coverage-legend': { zh: '格中数字为承接该任务的行动数', en: 'each cell counts the actions that cover the task' },
  'chart/coverage-zero': { zh: '0 未承接', en: '0 not covered' },
  'chart/none': { zh: '无', en: 'none' },

  // print
  'report/page-of': { zh: '第 {page} 页 / 共 {pages} 页', en: 'Page {page} of {pages}' },
} satisfies Catalog;
