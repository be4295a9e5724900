import type { ChalkInstance } from 'chalk';
import type { Lang } from '../../i18n/index.js';
import type { Finding } from '../../types.js';

/** What a lint formatter gets: the findings to show and how many files were read. */
export interface LintReport {
  findings: Finding[];
  fileCount: number;
  errorCount: number;
  warningCount: number;
}

export interface FormatContext {
  lang: Lang;
  chalk: ChalkInstance;
  cwd: string;
}

/** A formatter is a pure function from the report to the text to print. */
export type LintFormatter = (report: LintReport, ctx: FormatContext) => string;

export function countFindings(findings: Finding[], fileCount: number): LintReport {
  let errorCount = 0;
  let warningCount = 0;
  for (const f of findings) {
    if (f.severity === 'error') errorCount++;
    else warningCount++;
  }
  return { findings, fileCount, errorCount, warningCount };
}
