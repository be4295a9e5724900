/** Loading a repository for the report commands (gaps, table, compile): the model plus how many errors lint would report. */
import { check, type LintResult } from '../lint.js';
import { loadPaths } from '../load/index.js';
import { t, type Lang } from '../i18n/index.js';
import type { CliEnv } from './env.js';

export interface Repository extends LintResult {
  errorCount: number;
}

/** Reads and checks everything under `paths`; a file that cannot be parsed contributes nothing. */
export function loadRepository(paths: string[], cli: CliEnv): Repository {
  const loaded = loadPaths(paths.length ? paths : ['.'], { cwd: cli.cwd });
  const result = check(loaded.files, loaded.findings);
  return { ...result, errorCount: result.findings.filter((f) => f.severity === 'error').length };
}

/** The one line on stderr that says a report was made from a repository with errors. */
export function noteErrors(repo: Repository, cli: CliEnv, lang: Lang): void {
  if (repo.errorCount > 0) cli.stderr.write(t('report/errors-note', { count: repo.errorCount })[lang] + '\n');
}
