/** `plans gaps`: loads the repository, builds the gap report and writes it; loaded only when the command runs. */
import { t } from '../i18n/index.js';
import { gapCities, gapReport } from '../gaps/report.js';
import { binaryGapFormatters, gapFormatters } from '../render/gaps/index.js';
import { UsageError } from '../types.js';
import { makeChalk, parseDate, type CliEnv } from './env.js';
import type { GapsCliOptions } from './gaps.js';
import { writeOutput } from './output.js';
import { checkCities, loadRepository, noteErrors, parseAttachment, reportLang } from './repository.js';
import { parseDueWithin, parseFilter, parseStatuses } from './filters.js';
import { reportDate } from './table-run.js';
import { outputWidth } from '../render/wrap.js';

/** Loads the repository, builds the gap report and writes it; throws UsageError on a bad argument. */
export async function runGaps(repoPath: string | undefined, opts: GapsCliOptions, cli: CliEnv): Promise<number> {
  const formatter = gapFormatters[opts.format];
  const binary = binaryGapFormatters[opts.format];
  if (!formatter && !binary) throw new UsageError(t('cli/bad-format', { format: opts.format, allowed: [...Object.keys(gapFormatters), ...Object.keys(binaryGapFormatters)].join(', ') }));
  if (binary && opts.out === undefined) throw new UsageError(t('cli/needs-out', { format: opts.format }));
  const attachment = parseAttachment(opts, !!binary);
  const asOf = parseDate('--as-of', opts.asOf);
  const statuses = parseStatuses(opts.status);
  const dueWithin = parseDueWithin(opts.dueWithin);
  const repo = loadRepository(repoPath === undefined ? [] : [repoPath], cli, opts);
  const lang = reportLang(opts, repo, cli);
  checkCities(opts.city, gapCities(repo.model));
  noteErrors(repo, cli, lang);
  const filter = parseFilter(opts, repo.model, statuses);
  const report = gapReport(repo.model, { cities: opts.city, asOf, filter, dueWithin, today: reportDate(cli.env) });
  const width = outputWidth(cli.stdout.columns, cli.env, opts.out !== undefined);
  const render = { lang, chalk: makeChalk(opts.color, cli), width };
  const content = binary ? await binary.render(report, { ...render, attachment, date: reportDate(cli.env) }) : formatter(report, render);
  writeOutput(cli, content, opts.out, repo.inputs);
  return 0;
}
