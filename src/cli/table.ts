/** `plans table NAME [PATH]`: a consolidated table over the cities, in the chosen format (made by table-run.ts, loaded on use). */
import type { Command } from 'commander';
import { TABLE_NAMES } from '../tables/types.js';
import { type CliEnv, helpText } from './env.js';
import { TABLE_FORMATS } from './report-formats.js';
import { reportOptions, type ReportCliOptions } from './repository.js';
import { filterOptions, type FilterCliOptions } from './filters.js';

export type TableCliOptions = ReportCliOptions & FilterCliOptions;

export function registerTable(program: Command, cli: CliEnv, setCode: (code: number) => void): void {
  const h = helpText(cli);
  const command = program
    .command('table')
    .description(h('table'))
    .argument('<name>', h('table-name', { names: TABLE_NAMES.join(', ') }))
    .argument('[path]', h('repo-path'));
  filterOptions(reportOptions(command, cli, [...TABLE_FORMATS], 'text'), cli).action(async (name: string, repoPath: string | undefined, opts: TableCliOptions) => {
    const { runTable } = await import('./table-run.js');
    setCode(await runTable(name, repoPath, opts, cli));
  });
}
