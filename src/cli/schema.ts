/** `plans schema [--path]`: the editor's entry schema (dispatch on kind), its content or where it is installed. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { t } from '../i18n/index.js';
import { codeOf } from '../load/discover.js';
import { UsageError } from '../types.js';
import { type CliEnv, helpText } from './env.js';

// This module sits in src/cli (tests) or dist/cli (installed): the package is two folders up.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A file of the installed package (schemas, docs). */
export function packageFile(...parts: string[]): string {
  return path.join(ROOT, ...parts);
}

/** The entry schema every plan file can name in its `$schema` modeline. */
export const ENTRY_SCHEMA = packageFile('schemas', 'plans.schema.json');

/** Adds `plans schema` to the program. */
export function registerSchema(program: Command, cli: CliEnv, setCode: (code: number) => void): void {
  const h = helpText(cli);
  program
    .command('schema')
    .description(h('schema'))
    .option('--path', h('schema-path'))
    .action((opts: { path?: boolean }) => {
      setCode(runSchema(opts, cli));
    });
}

/** Prints the entry schema (or its path) and returns the exit status. */
export function runSchema(opts: { path?: boolean }, cli: CliEnv): number {
  if (opts.path) {
    cli.stdout.write(ENTRY_SCHEMA + '\n');
    return 0;
  }
  let text: string;
  try {
    text = fs.readFileSync(ENTRY_SCHEMA, 'utf8');
  } catch (err) {
    throw new UsageError(t('schema-cmd/unreadable', { path: ENTRY_SCHEMA, code: codeOf(err) }));
  }
  cli.stdout.write(text.endsWith('\n') ? text : text + '\n');
  return 0;
}
