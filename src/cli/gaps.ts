/** `plans gaps [PATH]`: the gap report of each city, in the chosen format (made by gaps-run.ts, loaded on use); exit 0 when the report was made. */
import type { Command } from 'commander';
import { type CliEnv, helpText } from './env.js';
import { GAP_FORMATS } from './report-formats.js';
import { reportOptions, type ReportCliOptions } from './repository.js';
import { dueOptions, filterOptions, type FilterCliOptions } from './filters.js';

export type GapsCliOptions = ReportCliOptions & FilterCliOptions & { dueWithin?: string };

export function registerGaps(program: Command, cli: CliEnv, setCode: (code: number) => void): void {
  const h = helpText(cli);
  const command = program
    .command('gaps')
    .description(h('gaps'))
    .argument('[path]', h('repo-path'));
  dueOptions(filterOptions(reportOptions(command, cli, [...GAP_FORMATS], 'text'), cli), cli).action(async (repoPath: string | undefined, opts: GapsCliOptions) => {
    const { runGaps } = await import('./gaps-run.js');
    setCode(await runGaps(repoPath, opts, cli));
  });
}
