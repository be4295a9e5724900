/** `plans compile [PATH]`: the repository as one JSON document; refuses a repository with errors unless --allow-errors. */
import type { Command } from 'commander';
import { Chalk } from 'chalk';
import { t } from '../i18n/index.js';
import { compileModel } from '../compile/index.js';
import { lintFormatters } from '../render/lint/index.js';
import { countFindings } from '../render/lint/types.js';
import { diagnose } from '../findings/index.js';
import { type CliEnv, helpText } from './env.js';
import { writePieces } from './output.js';
import { jsonChunks } from '../util/json-chunks.js';
import { loadRepository, reportLang, repositoryOptions, type RepositoryOptions } from './repository.js';

export interface CompileCliOptions extends RepositoryOptions {
  out?: string;
  lang?: string;
  allowErrors?: boolean;
}

export function registerCompile(program: Command, cli: CliEnv, setCode: (code: number) => void): void {
  const h = helpText(cli);
  const command = program
    .command('compile')
    .description(h('compile'))
    .argument('[path]', h('repo-path'))
    .option('-o, --out <file>', h('compile-out'))
    .option('--lang <lang>', h('lang-messages'))
    .option('--allow-errors', h('compile-allow-errors'));
  repositoryOptions(command, cli).action((repoPath: string | undefined, opts: CompileCliOptions) => {
      setCode(runCompile(repoPath, opts, cli));
    });
}

export function runCompile(repoPath: string | undefined, opts: CompileCliOptions, cli: CliEnv): number {
  const repo = loadRepository(repoPath === undefined ? [] : [repoPath], cli, opts, 'all');
  const lang = reportLang(opts, repo, cli);
  if (repo.errorCount > 0 && !opts.allowErrors) {
    // the errors as lint shows them, so the drafter can go straight to the place
    const errors = diagnose(repo.findings.filter((f) => f.severity === 'error'), repo.positionsOf, cli.messages);
    cli.stderr.write(lintFormatters.stylish(countFindings(errors, repo.files.length), { lang, chalk: new Chalk({ level: 0 }), cwd: cli.cwd }));
    cli.stderr.write(t('compile/refused', { count: repo.errorCount })[lang] + '\n');
    return 1;
  }
  const doc = compileModel(repo.model, repo.errorCount);
  // in pieces: the document may be larger than the longest string (about 512 MB)
  writePieces(cli, (function* () {
    yield* jsonChunks(doc);
    yield '\n';
  })(), opts.out, repo.inputs);
  return 0;
}
