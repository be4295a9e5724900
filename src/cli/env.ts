/** What the CLI reads from the process once, so that everything below it stays pure. */
import type { EngineOptions } from '../engine/index.js';
import { Chalk, type ChalkInstance } from 'chalk';
import { langFromEnv, optionLang, parseLang, t, type Catalog, type Lang, type MessageId } from '../i18n/index.js';
import { UsageError } from '../types.js';
import { isCalendarDate } from '../util/date.js';

export interface CliEnv {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  /** The language of help texts, chosen before commander reads the arguments. */
  helpLang?: Lang;
  /** Words for the messages of findings other than the package's (a test catalogue: ids and data stay). */
  messages?: Readonly<Catalog>;
  /** The arguments after `plans`, as given: what `plans lint --cache` keeps its output by (replay.ts). */
  argv?: readonly string[];
  /** How the commands' engines are made (tests and the bench compare both ways: texts kept, narrowing off). */
  engine?: Omit<EngineOptions, 'cwd' | 'fs'>;
}

/** Help text `help/<id>` in the language of the help. */
export function helpText(cli: CliEnv): (id: string, data?: Record<string, unknown>) => string {
  return (id, data) => t(`help/${id}` as MessageId, data)[cli.helpLang ?? 'en'];
}

export function processEnv(): CliEnv {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
}

/** --lang, else the config's lang, else PLANS_LANG / LC_ALL / LANG. */
export function resolveLang(option: string | undefined, configLang: string | undefined, env: CliEnv['env']): Lang {
  if (option !== undefined) {
    const lang = optionLang(option);
    if (!lang) throw new UsageError(t('cli/bad-lang', { lang: option }));
    return lang;
  }
  return parseLang(configLang) ?? langFromEnv(env);
}

/** Colour level from --no-color, NO_COLOR, FORCE_COLOR and whether stdout is a terminal. */
export function makeChalk(color: boolean | undefined, cli: CliEnv): ChalkInstance {
  const env = cli.env;
  if (color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return new Chalk({ level: 0 });
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return new Chalk({ level: 0 });
    const n = Number(force);
    return new Chalk({ level: (n >= 1 && n <= 3 ? n : 1) as 1 | 2 | 3 });
  }
  return new Chalk({ level: cli.stdout.isTTY ? 2 : 0 });
}

export function parseDate(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) {
    throw new UsageError(t('cli/bad-date', { option, value }));
  }
  return value;
}

export function parseCount(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(t('cli/bad-number', { option, value }));
  return Number(value);
}

/** A size in bytes from `--max-file-size`: a whole number, optionally with k, M or G (powers of 1024). */
export function parseSize(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\s*([kmg]?)i?b?$/i.exec(value.trim());
  if (!m) throw new UsageError(t('cli/bad-size', { option, value }));
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

/** For commander's repeatable options (`--city a --city b`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
