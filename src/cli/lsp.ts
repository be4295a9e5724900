/** `plans lsp [--stdio]`: the language server over standard input and output (src/lsp, loaded on use). */
import type { Command } from 'commander';
import { optionLang, t } from '../i18n/index.js';
import { UsageError } from '../types.js';
import { type CliEnv, helpText } from './env.js';

export interface LspCliOptions {
  stdio?: boolean;
  lang?: string;
  clientProcessId?: string;
}

/** Adds `plans lsp` to the program. */
export function registerLsp(program: Command, cli: CliEnv, setCode: (code: number) => void): void {
  const h = helpText(cli);
  program
    .command('lsp')
    .description(h('lsp'))
    .option('--stdio', h('lsp-stdio'))
    .option('--lang <lang>', h('lang-messages'))
    .option('--clientProcessId <pid>', h('lsp-client-process'))
    .action(async (opts: LspCliOptions) => {
      setCode(await runLsp(opts, cli));
    });
}

/** Serves until the editor sends `exit` or closes standard input (the server ends the process then). */
export async function runLsp(opts: LspCliOptions, cli: CliEnv): Promise<number> {
  const lang = opts.lang === undefined ? undefined : optionLang(opts.lang);
  if (opts.lang !== undefined && !lang) throw new UsageError(t('cli/bad-lang', { lang: opts.lang }));
  const { startServer } = await import('../lsp/server.js');
  startServer({ input: process.stdin, output: process.stdout, env: cli.env, lang, cwd: cli.cwd });
  // the connection keeps the process alive; vscode-languageserver exits on `exit` or end of input
  return new Promise<number>(() => {});
}
