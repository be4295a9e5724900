/** The tables of `plans table`: the model to rows, one builder per table. */
import type { Model } from '../model/types.js';
import { cityName, knownCities } from './common.js';
import { coverageTable } from './coverage.js';
import { ownersTable } from './owners.js';
import { responsibilitiesTable } from './responsibilities.js';
import { targetsTable } from './targets.js';
import type { Table, TableName, TableOptions, TableReport } from './types.js';

export { TABLE_NAMES } from './types.js';
export type { Column, Row, Table, TableName, TableOptions, TableReport } from './types.js';

export const tableBuilders: Record<TableName, (model: Model, opts: TableOptions) => Table> = {
  responsibilities: responsibilitiesTable,
  targets: targetsTable,
  coverage: coverageTable,
  owners: ownersTable,
};

/** The named tables over the model, with what a page header says (campaign, date, cities). */
export function buildTables(model: Model, names: readonly TableName[], opts: TableOptions & { date: string }): TableReport {
  const all = knownCities(model);
  const limited = !!opts.cities && opts.cities.length > 0;
  const shown = limited ? all.filter((id) => opts.cities!.includes(id)) : all;
  return {
    lang: opts.lang,
    campaign: { id: model.campaign?.id ?? '', title: model.campaign?.title ?? '' },
    date: opts.date,
    asOf: opts.asOf,
    cities: shown.map((id) => ({ id, name: cityName(model, id) })),
    limited,
    filter: opts.filter,
    tables: names.map((name) => tableBuilders[name](model, opts)),
  };
}
