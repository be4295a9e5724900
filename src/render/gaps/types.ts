/** What a gap report formatter gets and gives: the report as data in, one string out. */
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../../i18n/index.js';
import type { GapReport } from '../../gaps/report.js';

export interface GapRenderOptions {
  lang: Lang;
  /** Colours for the text format (level 0 for none). */
  chalk: ChalkInstance;
  /** Width of the terminal, for wrapping the method paragraph. */
  width?: number;
}

export type GapFormatter = (report: GapReport, opts: GapRenderOptions) => string;
