/** What a diff formatter gets and gives: the report as data in, one string out. */
import type { ChalkInstance } from 'chalk';
import type { DiffReport } from '../../diff/types.js';
import type { Lang } from '../../i18n/index.js';

export interface DiffRenderOptions {
  lang: Lang;
  /** Colours for the text format (level 0 for none). */
  chalk: ChalkInstance;
}

export type DiffFormatter = (report: DiffReport, opts: DiffRenderOptions) => string;
