/** The fill-in sheet of `plans template progress` as data: per city, one row per quantified target, one per unit for `per: unit` targets. */
import { latestProgress } from '../domain/status.js';
import { tr, type Lang } from '../i18n/index.js';
import type { Model, Target, Unit } from '../model/types.js';
import { actionsInOrder, cityName, numberAsWritten } from '../tables/common.js';
import { baselineWording, targetWording } from '../domain/wording.js';

/** The columns of the sheet, in order; `target`, `unit`, `value` and `note` are the ones the import reads. */
export const PROGRESS_COLUMNS = ['target', 'name', 'unit', 'measure', 'baseline', 'goal', 'latest', 'latestDate', 'value', 'note'] as const;
export type ProgressColumn = (typeof PROGRESS_COLUMNS)[number];
/** The columns a clerk fills in; the others are locked. */
export const FILL_COLUMNS: readonly ProgressColumn[] = ['value', 'note'];
/** What the import needs; any other column is there to read. */
export const READ_COLUMNS = ['target', 'unit', 'value', 'note'] as const;

/** The heading of a column in a language (`指标编号`, `Target`). */
export function progressHeading(lang: Lang, column: ProgressColumn): string {
  return tr(lang, `progress/col/${column === 'latestDate' ? 'latest-date' : column}`);
}

export interface ProgressRow {
  target: Target;
  unit?: Unit;
  /** The cells to show, as text; `latest` is a number when one was reported. */
  cells: Record<Exclude<ProgressColumn, 'latest' | 'value' | 'note'>, string>;
  latest?: number;
  /** The latest value as drafted (`5.0`), for the CSV. */
  latestText: string;
  /** Whether the target is in percent (`%`), so that `95%` reads as 95. */
  percent: boolean;
}

export interface ProgressSheet {
  city: string;
  cityName: string;
  title: string;
  rows: ProgressRow[];
}

/** Whether a target has a form a number can be reported against. */
export function quantified(target: Target): boolean {
  return target.target !== undefined && target.target.form !== 'qualitative';
}

/** The sheet of one city with a plan; latest values ignore progress after `asOf`. */
export function progressSheet(model: Model, city: string, lang: Lang, asOf?: string): ProgressSheet {
  const plan = model.plans.get(city);
  const name = cityName(model, city);
  const rows: ProgressRow[] = [];
  for (const action of plan ? actionsInOrder(plan) : []) {
    for (const target of action.targets.filter(quantified)) {
      const latest = latestProgress(model, target, asOf);
      const base = {
        target: target.id,
        name: target.name,
        measure: target.unit ?? '',
        baseline: baselineWording(target),
        goal: targetWording(target, model, lang),
      };
      const percent = (target.unit ?? '').trim() === '%';
      if (target.per === 'unit') {
        for (const unit of target.action.plan.units) {
          const value = latestOfUnit(model, target, unit.id, asOf);
          rows.push({
            target,
            unit,
            cells: { ...base, unit: unit.name, latestDate: value?.date ?? '' },
            latest: value?.value,
            latestText: value ? String(value.value) : '',
            percent,
          });
        }
        continue;
      }
      const value = latest?.value;
      rows.push({
        target,
        cells: { ...base, unit: '', latestDate: value !== undefined ? latest!.report.asOf : '' },
        latest: value,
        latestText: value !== undefined ? numberAsWritten(latest!.origin, ['value'], value) : '',
        percent,
      });
    }
  }
  return {
    city,
    cityName: name,
    title: asOf ? tr(lang, 'progress/sheet-title', { city: name, date: asOf }) : tr(lang, 'progress/sheet-title-undated', { city: name }),
    rows,
  };
}

/** The latest value reported for one unit of a `per: unit` target (not after `asOf`). */
function latestOfUnit(model: Model, target: Target, unit: string, asOf?: string): { value: number; date: string } | undefined {
  let best: { value: number; date: string } | undefined;
  for (const report of model.progress) {
    if (report.city !== target.city || (asOf !== undefined && report.asOf > asOf)) continue;
    for (const v of report.values) {
      const n = v.target === target.id ? v.units?.[unit] : undefined;
      if (typeof n === 'number' && (!best || report.asOf >= best.date)) best = { value: n, date: report.asOf };
    }
  }
  return best;
}
