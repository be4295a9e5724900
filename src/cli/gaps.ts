/** `plans gaps [PATH]`: the gap report of each city, in the chosen format; exit 0 when the report was made. */
import type { Command } from 'commander';
import { t } from '../i18n/index.js';
import { gapCities, gapReport } from '../gaps/report.js';
import { gapFormatters } from '../render/gaps/index.js';
import { UsageError } from '../types.js';
import { closest } from '../util/closest.js';
import { makeChalk, parseDate, resolveLang, type CliEnv } from './env.js';
import { writeOutput } from './output.js';
import { loadRepository, noteErrors } from './repository.js';

export interface GapsCliOptions {
  format: string;
  out?: string;
  lang?: string;
  city?: string[];
  asOf?: string;
  color?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerGaps(program: Command, cli: CliEnv, setCode: (code: number) => void): void {
  program
    .command('gaps')
    .description('the gap report of each city: tasks not covered, actions without target, target status / 差距报告')
    .argument('[path]', 'the plans repository (default .)')
    .option('-f, --format <format>', `output format: ${Object.keys(gapFormatters).join(', ')}`, 'text')
    .option('-o, --out <file>', 'write the report to a file')
    .option('--lang <lang>', 'language of headings and statuses: zh or en')
    .option('--city <id>', 'only this city (repeatable)', collect)
    .option('--as-of <date>', 'ignore progress reported after this date (YYYY-MM-DD)')
    .option('--no-color', 'no colours')
    .action((repoPath: string | undefined, opts: GapsCliOptions) => {
      setCode(runGaps(repoPath, opts, cli));
    });
}

/** Loads the repository, builds the gap report and writes it; throws UsageError on a bad argument. */
export function runGaps(repoPath: string | undefined, opts: GapsCliOptions, cli: CliEnv): number {
  const lang = resolveLang(opts.lang, undefined, cli.env);
  const formatter = gapFormatters[opts.format];
  if (!formatter) throw new UsageError(t('cli/bad-format', { format: opts.format, allowed: Object.keys(gapFormatters).join(', ') }));
  const asOf = parseDate('--as-of', opts.asOf);
  const repo = loadRepository(repoPath === undefined ? [] : [repoPath], cli);
  const known = gapCities(repo.model);
  for (const city of opts.city ?? []) {
    if (known.includes(city)) continue;
    const suggestion = closest(city, known);
    const hint = suggestion ? t('gaps/bad-city-hint', { suggestion }) : t('gaps/bad-city-list', { allowed: known.join(', ') || '—' });
    throw new UsageError(t('gaps/bad-city', { city, hint }));
  }
  noteErrors(repo, cli, lang);
  const report = gapReport(repo.model, { cities: opts.city, asOf });
  const width = cli.stdout.columns && cli.stdout.columns > 0 ? cli.stdout.columns : 100;
  writeOutput(cli, formatter(report, { lang, chalk: makeChalk(opts.color, cli), width }), opts.out, repo.files.map((f) => f.abs));
  return 0;
}
