/** What every table needs from the model: names for ids, numbers as drafted, the cities shown. */
import { formatNumber } from '../util/number.js';
import { tr, type Lang, type MessageId } from '../i18n/index.js';
import type { Action, Model } from '../model/types.js';

// the domain's names, numbers and orders, re-exported for the tables that import them from here
export { actionsInOrder, cityName, measureDuty, numberAsWritten, ownerName, plansShown } from '../domain/index.js';
import type { Row } from './types.js';

/** Every city id known to the repository: the campaign's and those with a plan. */
export function knownCities(model: Model): string[] {
  const ids = (model.campaign?.cities ?? []).map((c) => c.id);
  for (const id of model.plans.keys()) if (!ids.includes(id)) ids.push(id);
  return ids;
}

export { formatNumber };

/** The headings of a table's columns, in `lang`. */
export function columnHeading(lang: Lang): (key: string) => string {
  return (key) => tr(lang, `tables/col/${key}` as MessageId);
}

/** 序号 as the first cell of every row: clerks cite a line of the printed table by it. */
export function numberRows(rows: Row[]): void {
  rows.forEach((row, i) => (row.cells = { no: String(i + 1), ...row.cells }));
}

/** `HZ-01 共同富裕法治同行行动`. */
export function actionLabel(action: Action): string {
  return action.title ? `${action.id} ${action.title}` : action.id;
}

/** The separator of a list inside one cell. */
export function listSep(lang: Lang): string {
  return lang === 'zh' ? '、' : ', ';
}

