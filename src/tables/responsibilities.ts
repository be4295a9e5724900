/** 分工责任清单: one row per measure, with its action, lead, support and due date. */
import { tr } from '../i18n/index.js';
import type { Model } from '../model/types.js';
import { actionsInOrder, actionLabel, cityName, listSep, measureDuty, ownerName, plansShown, columnHeading, numberRows } from './common.js';
import type { Row, Table, TableOptions } from './types.js';

/** The responsibilities table: every measure of every action of the cities shown. */
export function responsibilitiesTable(model: Model, opts: TableOptions): Table {
  const { lang } = opts;
  const h = columnHeading(lang);
  const rows: Row[] = [];
  for (const plan of plansShown(model, opts.cities)) {
    const city = cityName(model, plan.city);
    for (const action of actionsInOrder(plan)) {
      const group = `${plan.city}/${action.id}`;
      const base = { city, action: actionLabel(action) };
      const baseIds = { city: plan.city, action: action.id };
      // An action without measures still owes its work: one row with the action's own duty.
      const duties = action.measures.length
        ? action.measures.map((measure) => ({ text: measure.text, index: measure.index + 1, ...measureDuty(measure) }))
        : [{ text: '', index: null, lead: action.lead, support: action.support, due: action.due }];
      for (const duty of duties) {
        rows.push({
          group,
          cells: {
            ...base,
            measure: duty.text,
            lead: ownerName(model, duty.lead),
            support: duty.support.map((s) => ownerName(model, s)).join(listSep(lang)),
            due: duty.due ?? '',
          },
          ids: { ...baseIds, measure: duty.index, lead: duty.lead ?? null, support: duty.support, due: duty.due ?? null },
        });
      }
    }
  }
  numberRows(rows);
  return {
    name: 'responsibilities',
    title: tr(lang, 'tables/title/responsibilities'),
    columns: [
      { key: 'no', heading: h('no'), width: 3, nowrap: true, type: 'number' },
      { key: 'city', heading: h('city'), merge: true, width: 6 },
      { key: 'action', heading: h('action'), merge: true, width: 14 },
      { key: 'measure', heading: h('measure'), width: 30 },
      { key: 'lead', heading: h('lead'), width: 13 },
      { key: 'support', heading: h('support'), width: 17 },
      { key: 'due', heading: h('due'), width: 10, nowrap: true, type: 'date' },
    ],
    rows,
  };
}
