/** The rows as objects with stable keys (the columns' keys), the ids behind them under `ids`. */
import type { Table, TableReport } from '../../tables/types.js';
import type { TableFormatter } from './types.js';
import { jsonChunks } from '../../util/json-chunks.js';

function tableJson(table: Table) {
  return {
    table: table.name,
    title: table.title,
    columns: table.columns.map((c) => ({ key: c.key, heading: c.heading })),
    rows: table.rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const c of table.columns) out[c.key] = row.cells[c.key] ?? '';
      out.ids = row.ids;
      return out;
    }),
  };
}

export const json: TableFormatter = {
  binary: false,
  async render(report: TableReport) {
    const head = {
      campaign: report.campaign.id,
      campaignTitle: report.campaign.title,
      lang: report.lang,
      date: report.date,
      asOf: report.asOf ?? null,
      cities: report.cities.map((c) => c.id),
    };
    // one table: its rows at the top level; `all`: a list of tables of that same shape
    const body = report.tables.length === 1 ? { ...head, ...tableJson(report.tables[0]) } : { ...head, tables: report.tables.map(tableJson) };
    // in pieces: the same text as JSON.stringify, never one string of the whole table
    return (function* () {
      yield* jsonChunks(body);
      yield '\n';
    })();
  },
};
