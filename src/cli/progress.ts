/**
 * `plans template progress [PATH]` and `plans import progress FILE [PATH]`: the progress workbook
 * out to a city's office and back (made by progress-run.ts, loaded on use).
 */
import type { Command } from 'commander';
import { lintFormatters } from '../render/lint/index.js';
import { collect, helpText, type CliEnv } from './env.js';
import { repositoryOptions, type RepositoryOptions } from './repository.js';

export interface TemplateCliOptions extends RepositoryOptions {
  city?: string[];
  asOf?: string;
  out?: string;
  lang?: string;
}

export interface ImportCliOptions extends RepositoryOptions {
  city?: string[];
  asOf?: string;
  out?: string;
  lang?: string;
  format?: string;
  color?: boolean;
}

export function registerProgress(program: Command, cli: CliEnv, setCode: (code: number) => void): void {
  const h = helpText(cli);
  const template = program.command('template').description(h('template'));
  repositoryOptions(
    template
      .command('progress')
      .description(h('template-progress'))
      .argument('[path]', h('repo-path'))
      .option('--city <id>', h('template-city'), collect)
      .option('--as-of <date>', h('template-as-of'))
      .option('-o, --out <file>', h('template-out'))
      .option('--lang <lang>', h('lang-report')),
    cli,
  ).action(async (repoPath: string | undefined, opts: TemplateCliOptions) => {
    const { runTemplate } = await import('./progress-run.js');
    setCode(await runTemplate(repoPath, opts, cli));
  });
  const imports = program.command('import').description(h('import'));
  repositoryOptions(
    imports
      .command('progress')
      .description(h('import-progress'))
      .argument('<file>', h('import-file'))
      .argument('[path]', h('repo-path'))
      .option('--city <id>', h('import-city'), collect)
      .option('--as-of <date>', h('import-as-of'))
      .option('-o, --out <file>', h('import-out'))
      .option('-f, --format <format>', h('import-format', { formats: Object.keys(lintFormatters).join(', ') }), 'stylish')
      .option('--lang <lang>', h('lang-messages'))
      .option('--no-color', h('no-color')),
    cli,
  ).action(async (file: string, repoPath: string | undefined, opts: ImportCliOptions) => {
    const { runImport } = await import('./progress-run.js');
    setCode(await runImport(file, repoPath, opts, cli));
  });
}
