import { STATUS_EN, STATUS_ZH } from './status.js';
import type { Catalog } from '../index.js';

/** Table titles, column headings, wording of targets, and the messages of `plans table` and `plans compile`. */
export const tablesMessages = {
  // titles
  'tables/title/responsibilities': { zh: '分工责任清单', en: 'Responsibilities' },
  'tables/title/targets': { zh: '指标表', en: 'Targets' },
  'tables/title/coverage': { zh: '省级任务覆盖表', en: 'Coverage of province tasks' },
  'tables/title/owners': { zh: '责任单位任务表', en: 'Owners' },
  'tables/document-title': { zh: '{campaign} · {table}', en: '{campaign} · {table}' },
  'tables/made-on': { zh: '制表日期：{date}', en: 'Made on {date}' },
  'tables/as-of': { zh: '进展截至：{date}', en: 'Progress as of {date}' },
  'tables/cities': { zh: '城市：{cities}', en: 'Cities: {cities}' },
  'tables/page': { zh: '第 {page} 页', en: 'page {page}' },
  'tables/empty': { zh: '（无内容）', en: '(nothing to list)' },

  // headings
  'tables/col/no': { zh: '序号', en: 'No.' },
  'tables/col/city': { zh: '城市', en: 'City' },
  'tables/col/action': { zh: '行动', en: 'Action' },
  'tables/col/measure': { zh: '具体举措', en: 'Measure' },
  'tables/col/lead': { zh: '牵头单位', en: 'Lead' },
  'tables/col/support': { zh: '配合单位', en: 'Support' },
  'tables/col/due': { zh: '完成时限', en: 'Due' },
  'tables/col/target': { zh: '指标', en: 'Target' },
  'tables/col/unit': { zh: '单位', en: 'Unit' },
  'tables/col/baseline': { zh: '基数', en: 'Baseline' },
  'tables/col/wording': { zh: '目标值', en: 'Target value' },
  'tables/col/nature': { zh: '属性', en: 'Nature' },
  'tables/col/latest': { zh: '最新值', en: 'Latest' },
  'tables/col/status': { zh: '状态', en: 'Status' },
  'tables/col/task': { zh: '编号', en: 'Task' },
  'tables/col/task-title': { zh: '省级任务', en: 'Province task' },
  'tables/col/owner': { zh: '责任单位', en: 'Owner' },
  'tables/col/owner-city': { zh: '所属', en: 'Belongs to' },
  'tables/col/led': { zh: '牵头行动', en: 'Actions led' },
  'tables/col/supported': { zh: '配合行动', en: 'Actions supported' },
  'tables/col/measures-led': { zh: '牵头举措', en: 'Measures led' },
  'tables/col/measures-supported': { zh: '配合举措', en: 'Measures supported' },
  'tables/col/next-due': { zh: '最近时限', en: 'Nearest due' },

  // cells
  'tables/nature/expected': { zh: '预期性', en: 'expected' },
  'tables/nature/binding': { zh: '约束性', en: 'binding' },
  'tables/status/achieved': { zh: STATUS_ZH['achieved'], en: STATUS_EN['achieved'] },
  'tables/status/on-track': { zh: STATUS_ZH['on-track'], en: STATUS_EN['on-track'] },
  'tables/status/at-risk': { zh: STATUS_ZH['at-risk'], en: STATUS_EN['at-risk'] },
  'tables/status/off-track': { zh: STATUS_ZH['off-track'], en: STATUS_EN['off-track'] },
  'tables/status/not-achieved': { zh: STATUS_ZH['not-achieved'], en: STATUS_EN['not-achieved'] },
  'tables/status/no-data': { zh: STATUS_ZH['no-data'], en: STATUS_EN['no-data'] },
  'tables/status/not-quantified': { zh: STATUS_ZH['not-quantified'], en: STATUS_EN['not-quantified'] },
  'tables/not-covered': { zh: '未覆盖', en: 'not covered' },
  'tables/province': { zh: '省级', en: 'province' },
  'tables/latest-compared': { zh: '{value}（对比 {compared}）', en: '{value} (against {compared})' },
  'tables/latest-date': { zh: '{value}（{date}）', en: '{value} ({date})' },
  'tables/units-short': { zh: '未达：{units}', en: 'short: {units}' },
  'tables/units-reported': { zh: '{count} 个地区已报', en: '{count} units reported' },

  // target wording
  'tables/op/>=': { zh: '≥ {value}', en: '≥ {value}' },
  'tables/op/>': { zh: '> {value}', en: '> {value}' },
  'tables/op/<=': { zh: '≤ {value}', en: '≤ {value}' },
  'tables/op/<': { zh: '< {value}', en: '< {value}' },
  'tables/op/=': { zh: '= {value}', en: '= {value}' },
  'tables/op/~': { zh: '{value} 左右', en: 'about {value}' },
  'tables/tolerance': { zh: '{wording}（±{tolerance}）', en: '{wording} (±{tolerance})' },
  'tables/than/>=': { zh: '不低于{name}', en: 'at least {name}' },
  'tables/than/>': { zh: '高于{name}', en: 'above {name}' },
  'tables/than/<=': { zh: '不高于{name}', en: 'at most {name}' },
  'tables/than/<': { zh: '低于{name}', en: 'below {name}' },
  'tables/than/=': { zh: '等于{name}', en: 'equal to {name}' },
  'tables/than/~': { zh: '与{name}基本同步', en: 'in step with {name}' },
  'tables/range': { zh: '{min}–{max}', en: '{min}–{max}' },
  'tables/change': { zh: '{change}', en: '{change}' },
  'tables/annual': { zh: '年均 {change}', en: '{change} a year' },
  'tables/per-unit': { zh: '每县 {wording}', en: 'each county {wording}' },

  // command line
  'tables/bad-name': { zh: '未知的表格 `{name}`；可选：{allowed}', en: 'unknown table `{name}`; use one of {allowed}' },
  'tables/one-table': {
    zh: '格式 {format} 只能容纳一张表格；请指定表格名称，而不是 all',
    en: 'the {format} format holds one table: name one instead of all',
  },
  'compile/refused': {
    zh: 'plans: 仓库中有 {count} 个错误，未生成编译结果（加 --allow-errors 可强制生成）',
    en: 'plans: the repository has {count} errors; nothing compiled (--allow-errors compiles anyway)',
  },
  'compile/no-campaign': {
    zh: 'plans: 未找到 kind: Campaign 文档',
    en: 'plans: no kind: Campaign document found',
  },
} satisfies Catalog;
