/** Per owner: the actions it leads and supports, how many measures, and its nearest due date. */
import { tr } from '../i18n/index.js';
import type { Action, Model } from '../model/types.js';
import { actionsInOrder, actionLabel, cityName, measureDuty, ownerName, plansShown, columnHeading } from './common.js';
import type { Row, Table, TableOptions } from './types.js';

interface Duties {
  led: Action[];
  supported: Action[];
  measuresLed: number;
  measuresSupported: number;
  dues: string[];
}

/**
 * The owners table over the cities shown, in the order of the owners files (then ids named but
 * not defined). The nearest due date is the earliest of its actions and measures, on or after
 * `asOf` when given.
 */
export function ownersTable(model: Model, opts: TableOptions): Table {
  const { lang } = opts;
  const h = columnHeading(lang);
  const duties = new Map<string, Duties>();
  const of = (id: string): Duties => {
    let d = duties.get(id);
    if (!d) duties.set(id, (d = { led: [], supported: [], measuresLed: 0, measuresSupported: 0, dues: [] }));
    return d;
  };
  for (const plan of plansShown(model, opts.cities)) {
    for (const action of actionsInOrder(plan)) {
      if (action.lead) {
        of(action.lead).led.push(action);
        if (action.due) of(action.lead).dues.push(action.due);
      }
      for (const s of action.support) {
        // an action is seen once: a support list naming an owner twice adds it once
        const supported = of(s).supported;
        if (supported[supported.length - 1] !== action) supported.push(action);
        if (action.due) of(s).dues.push(action.due);
      }
      for (const measure of action.measures) {
        const duty = measureDuty(measure);
        if (duty.lead) {
          of(duty.lead).measuresLed++;
          if (duty.due) of(duty.lead).dues.push(duty.due);
        }
        for (const s of duty.support) {
          of(s).measuresSupported++;
          if (duty.due) of(s).dues.push(duty.due);
        }
      }
    }
  }
  // the owners files' order, each id once, then ids named but not defined (a Set: 550,000 owners)
  const ordered = new Set<string>();
  for (const o of model.owners) if (duties.has(o.id)) ordered.add(o.id);
  for (const id of duties.keys()) ordered.add(id);
  const order = [...ordered];
  const rows: Row[] = order.map((id) => {
    const d = duties.get(id)!;
    const owner = model.ownersById.get(id);
    let next: string | undefined;
    for (const due of d.dues) if ((!opts.asOf || due >= opts.asOf) && (next === undefined || due < next)) next = due;
    return {
      cells: {
        owner: ownerName(model, id),
        city: owner?.city ? cityName(model, owner.city) : owner ? tr(lang, 'tables/province') : '',
        led: d.led.map(actionLabel).join('\n'),
        supported: d.supported.map(actionLabel).join('\n'),
        measuresLed: String(d.measuresLed),
        measuresSupported: String(d.measuresSupported),
        due: next ?? '',
      },
      ids: {
        owner: id,
        city: owner?.city ?? null,
        led: d.led.map((a) => a.id),
        supported: d.supported.map((a) => a.id),
        measuresLed: d.measuresLed,
        measuresSupported: d.measuresSupported,
        due: next ?? null,
      },
    };
  });
  return {
    name: 'owners',
    title: tr(lang, 'tables/title/owners'),
    columns: [
      { key: 'owner', heading: h('owner'), width: 15 },
      { key: 'city', heading: h('owner-city'), width: 4 },
      { key: 'led', heading: h('led'), width: 22 },
      { key: 'supported', heading: h('supported'), width: 24 },
      { key: 'measuresLed', heading: h('measures-led'), width: 5, nowrap: true, type: 'number' },
      { key: 'measuresSupported', heading: h('measures-supported'), width: 5, nowrap: true, type: 'number' },
      { key: 'due', heading: h('next-due'), width: 10, nowrap: true, type: 'date' },
    ],
    rows,
  };
}
