/** `plans lint [PATH...]`: every finding of the catalogue, in the chosen format; exit 1 on errors. */
import type { Command } from 'commander';
import { t } from '../i18n/index.js';
import { loadPaths } from '../load/index.js';
import { check } from '../lint.js';
import { lintFormatters } from '../render/lint/index.js';
import { countFindings } from '../render/lint/types.js';
import { UsageError } from '../types.js';
import { makeChalk, parseCount, resolveLang, type CliEnv } from './env.js';
import { writeOutput } from './output.js';

export interface LintCliOptions {
  format: string;
  out?: string;
  lang?: string;
  color?: boolean;
  quiet?: boolean;
  maxWarnings?: string;
}

export function registerLint(program: Command, cli: CliEnv, setCode: (code: number) => void): void {
  program
    .command('lint')
    .description('check plan files: YAML, schemas and cross-file rules / 检查方案文件')
    .argument('[paths...]', 'files or folders to check (default .)')
    .option('-f, --format <format>', `output format: ${Object.keys(lintFormatters).join(', ')}`, 'stylish')
    .option('-o, --out <file>', 'write the report to a file')
    .option('--lang <lang>', 'language of messages: zh or en')
    .option('--no-color', 'no colours')
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .action((paths: string[], opts: LintCliOptions) => {
      setCode(runLint(paths, opts, cli));
    });
}

export function runLint(paths: string[], opts: LintCliOptions, cli: CliEnv): number {
  const lang = resolveLang(opts.lang, undefined, cli.env);
  const formatter = lintFormatters[opts.format];
  if (!formatter) throw new UsageError(t('cli/bad-format', { format: opts.format, allowed: Object.keys(lintFormatters).join(', ') }));
  const maxWarnings = parseCount('--max-warnings', opts.maxWarnings);
  const loaded = loadPaths(paths.length ? paths : ['.'], { cwd: cli.cwd });
  const result = check(loaded.files, loaded.findings);
  const all = countFindings(result.findings, loaded.files.length + countUnread(loaded.findings, loaded.files));
  const shown = opts.quiet ? countFindings(result.findings.filter((f) => f.severity === 'error'), all.fileCount) : all;
  const chalk = makeChalk(opts.color, cli);
  writeOutput(cli, formatter(shown, { lang, chalk, cwd: cli.cwd }), opts.out, result.files.map((f) => f.abs));
  if (all.errorCount > 0) return 1;
  if (maxWarnings !== undefined && all.warningCount > maxWarnings) {
    cli.stderr.write(t('lint/too-many-warnings', { count: all.warningCount, max: maxWarnings })[lang] + '\n');
    return 1;
  }
  return 0;
}

/** Files that could not be read still count as checked files. */
function countUnread(findings: { file: string }[], files: { path: string }[]): number {
  const read = new Set(files.map((f) => f.path));
  return new Set(findings.map((f) => f.file).filter((f) => !read.has(f))).size;
}
