import path from 'node:path';
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
  /** Terminal columns to fit text to (stylish); 100 when not given. */
  width?: number;
  /** The trimmed text of the line a finding starts on (for stable fingerprints); '' when unknown. */
  contentOf?: (finding: Diagnostic) => string;
  /** The Markdown docs page of a rule, when the package has one (SARIF help). */
  ruleDocs?: (ruleId: string) => string | undefined;
  /** The folder CI formats name files from (the repository's root); absent: `cwd`. */
  root?: string;
  /** The tool's version (package.json), for SARIF's tool.driver. */
  version?: string;
  /** `--fix-dry-run`: each file the fixes would change, with its fixed text (ESLint's `output`); JSON adds them. */
  fixed?: readonly { file: string; fixCount: number; output: string }[];
}

/** A finding's file as CI formats name it: relative to `ctx.root`, with `/`; undefined when it lies outside the root. */
export function ciPath(file: string, ctx: Pick<FormatContext, 'cwd' | 'root'>): string | undefined {
  if (ctx.root === undefined || path.resolve(ctx.root) === path.resolve(ctx.cwd)) return file;
  const rel = path.relative(ctx.root, path.resolve(ctx.cwd, file)).split(path.sep).join('/');
  return rel.startsWith('../') || rel === '..' || path.isAbsolute(rel) ? undefined : rel;
}

/** ciPath, else the path as lint prints it (relative to the current folder). */
export function ciFile(file: string, ctx: Pick<FormatContext, 'cwd' | 'root'>): string {
  return ciPath(file, ctx) ?? file;
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
