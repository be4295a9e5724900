/** `plans diff OLD [NEW]`: what changed between two versions of a plans repository (made by diff-run.ts, loaded on use). */
import type { Command } from 'commander';
import { type CliEnv, helpText } from './env.js';
import { repositoryOptions } from './repository.js';

/** The formats of `plans diff` (test/diff-cli.test.ts checks that they are exactly the formatters). */
export const DIFF_FORMATS = ['text', 'markdown', 'json', 'github'] as const;

export interface DiffCliOptions {
  format: string;
  out?: string;
  lang?: string;
  color?: boolean;
  failOn?: string;
  config?: string;
  maxFileSize?: string;
}

export function registerDiff(program: Command, cli: CliEnv, setCode: (code: number) => void): void {
  const h = helpText(cli);
  const command = program
    .command('diff')
    .description(h('diff'))
    .argument('<old>', h('diff-old'))
    .argument('[new]', h('diff-new'))
    .option('-f, --format <format>', h('report-format', { formats: DIFF_FORMATS.join(', ') }), 'text')
    .option('-o, --out <file>', h('diff-out'))
    .option('--lang <lang>', h('lang-report'))
    .option('--fail-on <level>', h('diff-fail-on'))
    .option('--no-color', h('no-color'));
  repositoryOptions(command, cli).action(async (oldSide: string, newSide: string | undefined, opts: DiffCliOptions) => {
    const { runDiff } = await import('./diff-run.js');
    setCode(await runDiff(oldSide, newSide ?? '.', opts, cli));
  });
}
