import type { ChalkInstance } from 'chalk';
import type { Lang } from '../../i18n/index.js';
import type { Diagnostic } from '../../types.js';

/** What a lint formatter gets: the findings to show and how many files were read. */
export interface LintReport {
  findings: Diagnostic[];
  fileCount: number;
  errorCount: number;
  warningCount: number;
  /** The files checked (relative paths), for formats that list clean files too (junit). */
  files?: string[];
}

export interface FormatContext {
  lang: Lang;
  chalk: ChalkInstance;
  cwd: string;
  /** The trimmed text of the line a finding starts on (for stable fingerprints); '' when unknown. */
  contentOf?: (finding: Diagnostic) => string;
  /** The Markdown docs page of a rule, when the package has one (SARIF help). */
  ruleDocs?: (ruleId: string) => string | undefined;
}

/** A formatter is a pure function from the report to the text to print. */
export type LintFormatter = (report: LintReport, ctx: FormatContext) => string;

/** Counts errors and warnings of the findings to show. */
export function countFindings(findings: Diagnostic[], fileCount: number, files?: string[]): LintReport {
  let errorCount = 0;
  let warningCount = 0;
  for (const f of findings) {
    if (f.severity === 'error') errorCount++;
    else warningCount++;
  }
  return { findings, fileCount, errorCount, warningCount, ...(files ? { files } : {}) };
}
