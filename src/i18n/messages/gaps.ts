import type { Catalog, MessageData } from '../index.js';
import { STATUS_EN, STATUS_ZH } from './status.js';

/** "11 targets: 2 achieved, 4 on track, …" from {total, counts}. */
function summary(d: MessageData, lang: 'zh' | 'en'): string {
  const counts = d.counts as Record<string, number>;
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => (lang === 'zh' ? `${STATUS_ZH[s]} ${n}` : `${n} ${STATUS_EN[s]}`));
  const total = Number(d.total);
  if (lang === 'zh') return `共 ${total} 个目标${parts.length ? `：${parts.join('，')}` : ''}`;
  return `${total} target${total === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

/** Headings, statuses and the method paragraph of the gap report. */
export const gapsMessages = {
  'gaps/title': { zh: '差距报告：{campaign}', en: 'Gap report: {campaign}' },
  'gaps/title-none': { zh: '差距报告（未找到 kind: Campaign 文档）', en: 'Gap report (no kind: Campaign document found)' },
  'gaps/as-of': { zh: '进展截至 {date}', en: 'progress as of {date}' },
  'gaps/as-of-none': { zh: '尚无进展报告', en: 'no progress reported yet' },
  'gaps/city': { zh: '{name}', en: '{name}' },
  'gaps/no-plan': { zh: '该城市没有实施方案。', en: 'This city has no plan.' },
  'gaps/tasks-not-covered': { zh: '未承接的省级任务', en: 'Province tasks not covered' },
  'gaps/actions-without-lead': { zh: '无牵头单位的行动', en: 'Actions without a lead' },
  'gaps/actions-without-target': { zh: '无量化目标的行动', en: 'Actions without a quantified target' },
  'gaps/required-missing': { zh: '未设置的必报指标', en: 'Required indicators not targeted' },
  'gaps/targets': { zh: '目标进度', en: 'Targets' },
  'gaps/none': { zh: '无', en: 'none' },
  'gaps/no-targets': { zh: '（没有目标）', en: '(no targets)' },
  'gaps/summary': { zh: (d) => summary(d, 'zh'), en: (d) => summary(d, 'en') },
  'gaps/no-cities': { zh: '没有可报告的城市。', en: 'No city to report on.' },
  'gaps/method-title': { zh: '计算方法', en: 'Method' },

  'gaps/col/id': { zh: '编号', en: 'Target' },
  'gaps/col/name': { zh: '名称', en: 'Name' },
  'gaps/col/baseline': { zh: '基数 b', en: 'Baseline b' },
  'gaps/col/target': { zh: '目标 T', en: 'Target T' },
  'gaps/col/due': { zh: '期限', en: 'Due' },
  'gaps/col/latest': { zh: '最新 a', en: 'Latest a' },
  'gaps/col/date': { zh: '日期', en: 'Date' },
  'gaps/col/progress': { zh: '完成进度 p', en: 'Progress p' },
  'gaps/col/elapsed': { zh: '时间进度 e', en: 'Time e' },
  'gaps/col/status': { zh: '状态', en: 'Status' },

  'gaps/status/achieved': { zh: STATUS_ZH.achieved, en: STATUS_EN.achieved },
  'gaps/status/on-track': { zh: STATUS_ZH['on-track'], en: STATUS_EN['on-track'] },
  'gaps/status/at-risk': { zh: STATUS_ZH['at-risk'], en: STATUS_EN['at-risk'] },
  'gaps/status/off-track': { zh: STATUS_ZH['off-track'], en: STATUS_EN['off-track'] },
  'gaps/status/not-achieved': { zh: STATUS_ZH['not-achieved'], en: STATUS_EN['not-achieved'] },
  'gaps/status/no-data': { zh: STATUS_ZH['no-data'], en: STATUS_EN['no-data'] },
  'gaps/status/not-quantified': { zh: STATUS_ZH['not-quantified'], en: STATUS_EN['not-quantified'] },

  // how a target reads in the report: the rule, and T worked out where the form needs it
  'gaps/form/range': { zh: '{min}–{max}', en: '{min}–{max}' },
  'gaps/form/change': { zh: '{change} → {goal}', en: '{change} → {goal}' },
  'gaps/form/annual': { zh: '年均 {change} → {goal}', en: '{change} a year → {goal}' },
  'gaps/form/relative': { zh: '{op} {than}', en: '{op} {than}' },
  'gaps/form/relative-value': { zh: '{op} {than}（{goal}）', en: '{op} {than} ({goal})' },
  'gaps/form/tolerance': { zh: '{wording}（±{tolerance}）', en: '{wording} (±{tolerance})' },
  'gaps/form/per-unit': { zh: '每县 {wording}', en: 'each unit {wording}' },
  'gaps/units-short': { zh: '{target} 未达进度的县（市、区）：{units}', en: '{target}: units that fall short: {units}' },
  'gaps/unit-status': { zh: '{name} {value}（{status}）', en: '{name} {value} ({status})' },

  'gaps/method': {
    zh:
      '状态的算法（可据此手工核对）：目标的基数 b 取自日期 t0（基数的日期，无则为专项行动开始日），目标值 T 的期限为 t1（目标的期限，无则为所属行动的期限，再无则为专项行动结束日）；' +
      '最新值 a 是日期 t 的最新进展报告中的数值（指定 --as-of 时不计此后的报告）。完成进度 p = (a − b) / (T − b)，时间进度 e = (t − t0) / (t1 − t0)，按天计算，t 晚于 t1 时按 t1 计（到期后的报告 e = 1）。' +
      'a 达到目标（比较方式、区间或变化量）为“已完成”；否则，已过期限（报告日期不早于 t1，或 --as-of 晚于 t1）的为“未完成”；未过期限的 p ≥ e 为“按期”，p ≥ e − 0.1 为“有风险”，其余为“滞后”。比较时允许 1e-9 的舍入误差，p = e 算作按期。' +
      '变化目标 T = b × (1 + x/100)（带 %）或 b + x；年均变化目标 T = b × (1 + r)^n（复利），n 为 t0 至 t1 的年数（按日历年计）；区间目标的 T 取区间中离基数较近的一端。' +
      '相对目标与其所指目标的最新值比较（所指为指标时，取本市设置该指标的第一个目标），只判“已完成”或“未完成”。' +
      '按县（市、区）考核（per: unit）的目标取最差一个县的状态（由差到好：滞后、未完成、有风险、无数据、按期、已完成；未报数的县算“无数据”），并列出未达进度的县。' +
      '没有基数的目标只能判“已完成”或“未完成”；“无数据”表示尚无进展数值；“未量化”表示目标只有文字表述。基数已达标而最新值不再达标的，为“滞后”。',
    en:
      'How the status is worked out (so that a figure can be checked by hand): a target has baseline b at date t0 (the baseline\'s date, else the campaign\'s start) and target value T due at t1 (the target\'s due date, else its action\'s, else the campaign\'s end); ' +
      'a is the value of the latest progress report, dated t (reports after --as-of are ignored). Progress p = (a − b) / (T − b); time share e = (t − t0) / (t1 − t0), counted in days, with t capped at t1 (a report after the due date gives e = 1). ' +
      'A target is achieved when a meets it (its op, range or change); otherwise, once the due date has passed (the report is dated on or after t1, or --as-of is after t1), not achieved; before it, on track when p ≥ e, at risk when p ≥ e − 0.1, else off track. Comparisons allow 1e-9 for rounding, so p = e counts as on track. ' +
      'A change target has T = b × (1 + x/100) (with %) or b + x; an annual change T = b × (1 + r)^n (compound), n the years from t0 to t1 in calendar years; a range target has T at the end of the range nearer to b. ' +
      'A relative target is achieved or not achieved against the latest value of the target it names (for an indicator, the city\'s first target of that indicator). ' +
      'A per-unit target takes the status of its worst unit (worst first: off track, not achieved, at risk, no data, on track, achieved; a unit without a value counts as no data) and lists the units that fall short. ' +
      'Without a baseline only achieved or not achieved can be said; no data means no value yet; not quantified means a target in words only. A baseline that already met the target, with a latest value that no longer does, is off track.',
  },

} satisfies Catalog;
