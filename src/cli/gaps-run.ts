/** `plans gaps`: loads the repository, builds the gap report and writes it; loaded only when the command runs. */
import { t } from '../i18n/index.js';
import { gapCities, gapReport } from '../gaps/report.js';
import { gapFormatters } from '../render/gaps/index.js';
import { UsageError } from '../types.js';
import { makeChalk, parseDate, type CliEnv } from './env.js';
import type { GapsCliOptions } from './gaps.js';
import { writeOutput } from './output.js';
import { outputWidth } from '../render/wrap.js';
import { checkCities, loadRepository, noteErrors, reportLang } from './repository.js';

/** Loads the repository, builds the gap report and writes it; throws UsageError on a bad argument. */
export function runGaps(repoPath: string | undefined, opts: GapsCliOptions, cli: CliEnv): number {
  const formatter = gapFormatters[opts.format];
  if (!formatter) throw new UsageError(t('cli/bad-format', { format: opts.format, allowed: Object.keys(gapFormatters).join(', ') }));
  const asOf = parseDate('--as-of', opts.asOf);
  const repo = loadRepository(repoPath === undefined ? [] : [repoPath], cli, opts);
  const lang = reportLang(opts, repo, cli);
  checkCities(opts.city, gapCities(repo.model));
  noteErrors(repo, cli, lang);
  const report = gapReport(repo.model, { cities: opts.city, asOf });
  const width = outputWidth(cli.stdout.columns, cli.env, opts.out !== undefined);
  writeOutput(cli, formatter(report, { lang, chalk: makeChalk(opts.color, cli), width }), opts.out, repo.files.map((f) => f.abs));
  return 0;
}
