/** `plans table`: builds the named table (or `all`) and writes it; loaded only when the command runs. */
import { t } from '../i18n/index.js';
import { tableFormatters } from '../render/tables/index.js';
import { buildTables, TABLE_NAMES, type TableName } from '../tables/index.js';
import { knownCities } from '../tables/common.js';
import { UsageError } from '../types.js';
import { parseDate, type CliEnv } from './env.js';
import { writeOutput } from './output.js';
import { checkCities, loadRepository, noteErrors, parseAttachment, reportLang } from './repository.js';
import { outputWidth } from '../render/wrap.js';
import type { TableCliOptions } from './table.js';
import { parseFilter, parseStatuses } from './filters.js';

/** 9999-12-31T23:59:59Z in seconds. */
const MAX_EPOCH = 253402300799;

/** The day a report is made: SOURCE_DATE_EPOCH when set (reproducible output), else today, local time. */
export function reportDate(env: CliEnv['env'], now = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    // whole seconds since 1970 up to the last day of 9999 (a date YYYY-MM-DD can show); anything else is refused, as reproducible-builds.org asks
    if (!/^\d{1,12}$/.test(epoch) || Number(epoch) > MAX_EPOCH) throw new UsageError(t('cli/bad-epoch', { value: epoch }));
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Builds the named table (or `all`) and writes it in the chosen format. */
export async function runTable(name: string, repoPath: string | undefined, opts: TableCliOptions, cli: CliEnv): Promise<number> {
  const names: TableName[] = name === 'all' ? [...TABLE_NAMES] : (TABLE_NAMES as readonly string[]).includes(name) ? [name as TableName] : [];
  if (names.length === 0) throw new UsageError(t('tables/bad-name', { name, allowed: [...TABLE_NAMES, 'all'].join(', ') }));
  const formatter = tableFormatters[opts.format];
  if (!formatter) throw new UsageError(t('cli/bad-format', { format: opts.format, allowed: Object.keys(tableFormatters).join(', ') }));
  if (formatter.binary && opts.out === undefined) throw new UsageError(t('cli/needs-out', { format: opts.format }));
  if (opts.format === 'csv' && names.length > 1) throw new UsageError(t('tables/one-table', { format: opts.format }));
  const attachment = parseAttachment(opts, opts.format === 'docx');
  const asOf = parseDate('--as-of', opts.asOf);
  const statuses = parseStatuses(opts.status);
  // the filters choose targets: a table of other rows would be silently cut or silently not
  for (const [option, given] of [['--owner', opts.owner !== undefined], ['--status', statuses !== undefined]] as const) {
    if (given && names.some((n) => n !== 'targets')) throw new UsageError(t('cli/filter-targets-only', { option }));
  }
  const repo = loadRepository(repoPath === undefined ? [] : [repoPath], cli, opts);
  const lang = reportLang(opts, repo, cli);
  checkCities(opts.city, knownCities(repo.model));
  noteErrors(repo, cli, lang);
  const filter = parseFilter(opts, repo.model, statuses);
  const report = buildTables(repo.model, names, { lang, cities: opts.city, asOf, filter, date: reportDate(cli.env) });
  // a file has no terminal: it gets the width of a piped table
  const content = await formatter.render(report, { width: outputWidth(cli.stdout.columns, cli.env, opts.out !== undefined), attachment });
  writeOutput(cli, content, opts.out, repo.inputs);
  return 0;
}
