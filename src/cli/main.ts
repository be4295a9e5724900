/** The command line: commander wiring and the one place that turns errors into exit codes. */
import { Command, CommanderError } from 'commander';
import { t, langFromEnv } from '../i18n/index.js';
import { UsageError } from '../types.js';
import { processEnv, type CliEnv } from './env.js';
import { registerLint } from './lint.js';

const VERSION = '0.1.0';

/** Runs the CLI on `argv` (as process.argv) and returns the exit status. */
export async function main(argv: string[], cli: CliEnv = processEnv()): Promise<number> {
  let code = 0;
  const setCode = (c: number) => {
    code = c;
  };
  const debug = argv.includes('--debug');
  const program = new Command('plans')
    .description('Compile and validate campaign plans written as YAML / 专项行动方案与实施方案的编译与检查')
    .version(VERSION)
    .option('--debug', 'show the stack trace of an internal error')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => cli.stdout.write(s),
      writeErr: (s) => cli.stderr.write(s),
    })
    .showSuggestionAfterError(true);
  registerLint(program, cli, setCode);
  guardStdout(cli);
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    return handleError(err, cli, debug);
  }
}

function handleError(err: unknown, cli: CliEnv, debug: boolean): number {
  const lang = langFromEnv(cli.env);
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return 2; // commander already printed its one line
  }
  if (err instanceof UsageError) {
    cli.stderr.write(`plans: ${err.text[lang]}\n`);
    return 2;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  const where = (e.stack ?? '').split('\n')[1]?.trim().replace(/^at /, '') ?? 'unknown';
  cli.stderr.write(t('cli/internal', { where, message: e.message.split('\n')[0] })[lang] + '\n');
  if (debug && e.stack) cli.stderr.write(e.stack + '\n');
  return 2;
}

/** A closed pipe (`plans table … | head -1`) ends the output quietly. */
function guardStdout(cli: CliEnv): void {
  const out = cli.stdout as NodeJS.WritableStream & { on?: NodeJS.WritableStream['on'] };
  if (out !== process.stdout) return;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
  });
}
