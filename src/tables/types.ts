/** The consolidated tables as data: columns, rows of display strings, and ids for programs. */
import type { Lang } from '../i18n/index.js';
import type { TargetFilter } from '../domain/filter.js';

export const TABLE_NAMES = ['responsibilities', 'targets', 'coverage', 'owners'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export interface Column {
  /** Stable key of the column: the key of the cell in each row and in the JSON output. */
  key: string;
  heading: string;
  /**
   * Cells of consecutive rows with the same `group` repeat the same value: renderers made for
   * reading (text, markdown, html, xlsx) merge them; csv and json repeat them.
   */
  merge?: boolean;
  /** Width wanted on paper, in characters of a CJK font; renderers fit it to the page. */
  width: number;
  /** A short code (a date, an id) that should not be wrapped. */
  nowrap?: boolean;
  /**
   * What the cells hold, for spreadsheets: a cell of a `number` column that reads as a plain
   * number is written as a number, one of a `date` column that reads as YYYY-MM-DD as a date;
   * other cells (`77.3*`, a list of units) stay text.
   */
  type?: 'number' | 'date';
  /** Terminal text may break its words anywhere when the terminal is narrow (a name, a wording). */
  breakWords?: boolean;
}

/** One row: display strings by column key; `\n` inside a cell is a line break. */
export interface Row {
  cells: Record<string, string>;
  /** Rows of one group share the cells of `merge` columns (the measures of one action). */
  group?: string;
  /** The ids behind the cells, for programs reading the JSON output. */
  ids: Record<string, string | string[] | number | null>;
}

export interface Table {
  name: TableName;
  title: string;
  columns: Column[];
  rows: Row[];
}

/** One or more tables with what the page header says. */
export interface TableReport {
  lang: Lang;
  campaign: { id: string; title: string };
  /** The day the report was made (the title's date). */
  date: string;
  /** `--as-of`: progress after this date was ignored. */
  asOf?: string;
  /** The cities shown, by name (all when the report was not limited). */
  cities: { id: string; name: string }[];
  limited: boolean;
  /** --owner and --status, when given. */
  filter?: TargetFilter;
  tables: Table[];
}

export interface TableOptions {
  lang: Lang;
  /** --owner and --status (the targets table). */
  filter?: TargetFilter;
  /** Only these city ids (all when empty or absent). */
  cities?: string[];
  asOf?: string;
}
