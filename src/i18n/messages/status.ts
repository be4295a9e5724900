/**
 * The one vocabulary of target statuses, shared by the gap report, the tables and lint messages
 * in each language (the ids `on-track` … stay in JSON; these are the words people read).
 */
export const STATUS_ZH: Record<string, string> = {
  achieved: '已完成',
  'on-track': '按期',
  'at-risk': '有风险',
  'off-track': '滞后',
  'not-achieved': '未完成',
  'no-data': '无数据',
  'not-quantified': '未量化',
};
export const STATUS_EN: Record<string, string> = {
  achieved: 'achieved',
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
  'not-achieved': 'not achieved',
  'no-data': 'no data',
  'not-quantified': 'not quantified',
};
