/** 指标表: every target with its baseline, wording, due date, nature, and its latest value and status. */
import { latestProgress, targetStatus } from '../domain/status.js';
import { actionFilter, statusFilter } from '../domain/filter.js';
import { tr, type Lang } from '../i18n/index.js';
import type { Model, Target } from '../model/types.js';
import { actionsInOrder, cityName, formatNumber, listSep, numberAsWritten, plansShown, columnHeading, numberRows } from './common.js';
import type { Row, Table, TableOptions } from './types.js';
import { baselineWording, targetWording } from '../domain/wording.js';

/** The targets table of the cities shown; latest values and statuses ignore progress after `asOf`. */
export function targetsTable(model: Model, opts: TableOptions): Table {
  const { lang } = opts;
  const h = columnHeading(lang);
  const rows: Row[] = [];
  const actionWanted = actionFilter(model, opts.filter);
  const statusWanted = statusFilter(opts.filter);
  for (const plan of plansShown(model, opts.cities)) {
    const city = cityName(model, plan.city);
    for (const action of actionsInOrder(plan)) {
      if (!actionWanted(action)) continue;
      for (const target of action.targets) {
        const status = targetStatus(target, model, opts.asOf);
        if (!statusWanted(status.status)) continue;
        rows.push({
          group: `${plan.city}/${action.id}`,
          cells: {
            city,
            action: action.id,
            target: target.name,
            unit: target.unit ?? '',
            baseline: baselineWording(target),
            wording: targetWording(target, model, lang),
            due: target.due ?? action.due ?? '',
            nature: tr(lang, `tables/nature/${target.nature}`),
            latest: latestCell(target, model, lang, opts.asOf, status),
            status: tr(lang, `tables/status/${status.status}`),
          },
          ids: {
            city: plan.city,
            action: action.id,
            target: target.id,
            indicator: target.indicator ?? null,
            baseline: target.baseline?.value ?? null,
            goal: status.goal ?? null,
            latest: status.latest ?? null,
            latestDate: status.latestDate ?? null,
            status: status.status,
          },
        });
      }
    }
  }
  numberRows(rows);
  return {
    name: 'targets',
    title: tr(lang, 'tables/title/targets'),
    columns: [
      { key: 'no', heading: h('no'), width: 3, nowrap: true, type: 'number' },
      { key: 'city', heading: h('city'), merge: true, width: 5 },
      { key: 'action', heading: h('action'), merge: true, width: 6, nowrap: true },
      { key: 'target', heading: h('target'), width: 14 },
      { key: 'unit', heading: h('unit'), width: 5 },
      { key: 'baseline', heading: h('baseline'), width: 8, type: 'number' },
      { key: 'wording', heading: h('wording'), width: 16 },
      { key: 'due', heading: h('due'), width: 10, nowrap: true, type: 'date' },
      { key: 'nature', heading: h('nature'), width: 4 },
      { key: 'latest', heading: h('latest'), width: 11, type: 'number' },
      { key: 'status', heading: h('status'), width: 6 },
    ],
    rows,
  };
}

type Status = ReturnType<typeof targetStatus>;

/** The latest value as reported, with its date; for a relative target what it was compared with; for a `per: unit` target the units that fall short. */
function latestCell(target: Target, model: Model, lang: Lang, asOf: string | undefined, status: Status): string {
  if (target.per === 'unit') {
    const reported = (status.units ?? []).filter((u) => u.latest !== undefined);
    if (reported.length === 0) return '';
    const unitName = (id: string) => target.action.plan.units.find((u) => u.id === id)?.name ?? id;
    const lines = [tr(lang, 'tables/units-reported', { count: reported.length })];
    const short = (status.units ?? []).filter((u) => (status.unitsShort ?? []).includes(u.unit));
    if (short.length) {
      const list = short.map((u) => (u.latest !== undefined ? `${unitName(u.unit)} ${formatNumber(u.latest)}` : unitName(u.unit))).join(listSep(lang));
      lines.push(tr(lang, 'tables/units-short', { units: list }));
    }
    return lines.join('\n');
  }
  const value = latestProgress(model, target, asOf);
  if (!value || value.value === undefined) return '';
  const shown = numberAsWritten(value.origin, ['value'], value.value);
  if (status.compared !== undefined) return tr(lang, 'tables/latest-compared', { value: shown, compared: formatNumber(status.compared) });
  return shown;
}
