/** The command line: commander wiring and the one place that turns errors into exit codes. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Help, type Argument, type Option } from 'commander';
import { t, isMessageId, langFromEnv, optionLang, type Lang } from '../i18n/index.js';
import { UsageError } from '../types.js';
import { helpText, processEnv, type CliEnv } from './env.js';
import { registerLint } from './lint.js';
import { registerGaps } from './gaps.js';
import { registerTable } from './table.js';
import { registerCompile } from './compile.js';
import { registerInit } from './init.js';
import { registerExplain } from './explain.js';
import { registerSchema } from './schema.js';
import { registerProgress } from './progress.js';
import { commanderError } from './commander-errors.js';
import { registerDiff } from './diff.js';
import { registerLsp } from './lsp.js';

const VERSION = '0.1.0';

/** For bench/plans-entry.mjs, which runs the bundle with the narrowed lint in context off. */
export { processEnv } from './env.js';

/** Runs the CLI on `argv` (as process.argv) and returns the exit status. */
export async function main(argv: string[], given?: CliEnv): Promise<number> {
  let cli: CliEnv;
  try {
    cli = given ?? processEnv();
  } catch (err) {
    // the working folder was deleted (`uv_cwd`): nothing can be found relative to it
    process.stderr.write(`plans: ${t('cli/no-cwd', { code: (err as NodeJS.ErrnoException | undefined)?.code ?? 'unknown' })[langOfArgv(argv, { env: process.env } as CliEnv)]}\n`);
    return 2;
  }
  let code = 0;
  const setCode = (c: number) => {
    code = c;
  };
  const debug = argv.includes('--debug');
  cli = { ...cli, helpLang: langOfArgv(argv, cli), argv: argv.slice(2) };
  const h = helpText(cli);
  const program = new Command('plans')
    .description(h('program'))
    .version(VERSION, '-V, --version', h('version'))
    .helpOption('-h, --help', h('help'))
    .helpCommand('help [command]', h('help-command'))
    .option('--debug', h('debug'))
    .configureHelp({
      styleTitle: (title) => (isMessageId(`help/title/${title}`) ? h(`title/${title}`) : title),
      // commander's own words inside the texts: "[options]" in the usage line, "(default: …)" after a text
      commandUsage(this: Help, cmd: Command) {
        return inHelpLang(Help.prototype.commandUsage.call(this, cmd), cli.helpLang);
      },
      optionDescription(this: Help, option: Option) {
        return inHelpLang(Help.prototype.optionDescription.call(this, option), cli.helpLang);
      },
      argumentDescription(this: Help, argument: Argument) {
        return inHelpLang(Help.prototype.argumentDescription.call(this, argument), cli.helpLang);
      },
    })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => cli.stdout.write(s),
      writeErr: (s) => cli.stderr.write(s),
      // commander's own errors: one line `plans: …`, in the language of --lang (else the environment's)
      outputError: (s, write) => write(commanderError(s, cli.helpLang ?? 'en')),
    })
    .showSuggestionAfterError(true);
  registerLint(program, cli, setCode);
  registerGaps(program, cli, setCode);
  registerTable(program, cli, setCode);
  registerCompile(program, cli, setCode);
  registerInit(program, cli, setCode);
  registerExplain(program, cli, setCode);
  registerSchema(program, cli, setCode);
  registerProgress(program, cli, setCode);
  registerDiff(program, cli, setCode);
  registerLsp(program, cli, setCode);
  guardStdout(cli, debug, langOfArgv(argv, cli));
  try {
    // `plans --stdio`: how editors start a language server they are told only the command of
    await program.parseAsync(argv.length === 3 && argv[2] === '--stdio' ? [...argv.slice(0, 2), 'lsp', '--stdio'] : argv);
    return code;
  } catch (err) {
    return handleError(err, cli, debug, langOfArgv(argv, cli));
  }
}

/** The words commander adds to help texts, in Chinese when the help is: `[options]`, `[command]`, `(default: "text")`. */
function inHelpLang(text: string, lang: Lang | undefined): string {
  if (lang !== 'zh') return text;
  return text
    .replace(/\[options\]/g, '[选项]')
    .replace(/\[command\]/g, '[命令]')
    .replace(/ \(default: "?([^"()]*)"?\)$/, '（默认 $1）');
}

/**
 * The one place that turns an exception into an exit status: a usage error is its one line, and
 * anything else is an internal error, one line (the stack only with --debug), exit 2.
 */
export function handleError(err: unknown, cli: CliEnv, debug: boolean, lang: Lang = langFromEnv(cli.env)): number {
  try {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2; // commander already printed its one line
    }
    if (err instanceof UsageError) {
      cli.stderr.write(`plans: ${err.text[lang]}\n`);
      return 2;
    }
    const e = err instanceof Error ? err : new Error(safeString(err));
    const stack = typeof e.stack === 'string' ? e.stack : '';
    const message = safeString(e.message).split('\n')[0].slice(0, 300);
    cli.stderr.write(t('cli/internal', { where: whereOf(stack), message })[lang] + '\n');
    if (debug && stack) cli.stderr.write(stack + '\n');
  } catch {
    // A hostile error object (a throwing getter or toString) still ends in one line.
    try {
      cli.stderr.write(t('cli/internal', { where: 'unknown', message: 'unknown' })[lang] + '\n');
    } catch {
      // nowhere left to write
    }
  }
  return 2;
}

/** The package root (the folder with package.json above this module, whether built or bundled), to show places in a stack relative to it. */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir + path.sep;
}

/** The first frame of a stack, with paths from the package root (`check (src/lint.ts:57:10)`). */
function whereOf(stack: string): string {
  const frame = stack.split('\n').find((line) => /^\s+at /.test(line));
  if (!frame) return 'unknown';
  return frame.trim().replace(/^at /, '').replace('file://', '').split(packageRoot()).join('');
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return 'unknown';
  }
}

/** The language of error lines: --lang when given (before commander has read it), else the environment. */
function langOfArgv(argv: string[], cli: CliEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i].startsWith('--lang=') ? argv[i].slice('--lang='.length) : argv[i + 1];
  return optionLang(value) ?? langFromEnv(cli.env);
}

/** A closed pipe (`plans table … | head -1`) ends the output quietly. */
function guardStdout(cli: CliEnv, debug: boolean, lang: Lang): void {
  const out = cli.stdout as NodeJS.WritableStream & { on?: NodeJS.WritableStream['on'] };
  if (out !== process.stdout) return;
  // Any other write error (a full disk, /dev/full, a stream gone away) is one line and exit 2: never a false success.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    try {
      cli.stderr.write(`plans: ${t('cli/stdout-failed', { code: err.code ?? 'EIO' })[lang]}\n`);
    } catch {
      // nowhere left to say it
    }
    process.exit(2);
  });
  // What escapes the promise chain (a callback of a stream or a library) is an internal error all the same.
  const fatal = (err: unknown) => process.exit(handleError(err, cli, debug));
  process.once('uncaughtException', fatal);
  process.once('unhandledRejection', fatal);
}
