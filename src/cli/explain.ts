/** `plans explain RULE`: the rule's docs page, in the terminal. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { catalogue } from '../config/rules.js';
import { t, tr } from '../i18n/index.js';
import { UsageError } from '../types.js';
import { closest } from '../util/closest.js';
import { makeChalk, resolveLang, type CliEnv, helpText } from './env.js';
import { ruleById } from '../rules/index.js';
import { packageFile } from './schema.js';

/** Adds `plans explain` to the program. */
export function registerExplain(program: Command, cli: CliEnv, setCode: (code: number) => void): void {
  const h = helpText(cli);
  program
    .command('explain')
    .description(h('explain'))
    .argument('<rule>', h('explain-rule'))
    .option('--lang <lang>', h('lang-messages'))
    .option('--no-color', h('no-color'))
    .action((rule: string, opts: { color?: boolean; lang?: string }) => {
      setCode(runExplain(rule, opts, cli));
    });
}

/** Prints a rule's docs page and returns the exit status. */
export function runExplain(rule: string, opts: { color?: boolean; lang?: string }, cli: CliEnv): number {
  const lang = resolveLang(opts.lang, undefined, cli.env);
  const ids: readonly string[] = catalogue().map((r) => r.id);
  if (!ids.includes(rule)) {
    const suggestion = closest(rule, ids);
    throw new UsageError(t(suggestion ? 'explain/unknown-suggest' : 'explain/unknown', { rule, suggestion }));
  }
  let page: string;
  try {
    // the Chinese page in docs/rules/zh/, the English one in docs/rules/
    page = fs.readFileSync(lang === 'zh' ? packageFile('docs', 'rules', 'zh', `${rule}.md`) : packageFile('docs', 'rules', `${rule}.md`), 'utf8');
  } catch {
    // no page yet: what the registry says of the rule
    page = registryPage(rule, resolveLang(undefined, undefined, cli.env));
  }
  const chalk = makeChalk(opts.color, cli);
  let fenced = false;
  const lines = page.replace(/\r\n?/g, '\n').split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return chalk.dim(line);
    }
    if (fenced) return chalk.cyan(line);
    if (/^#{1,6}\s/.test(line)) return chalk.bold(line);
    return line.replace(/`([^`]+)`/g, (_m, code: string) => chalk.cyan(`\`${code}\``));
  });
  cli.stdout.write(lines.join('\n').replace(/\n*$/, '\n'));
  return 0;
}

/** A rule's entry in the registry as a page: id, what it finds, default severity, the ids of its messages. */
function registryPage(rule: string, lang: 'zh' | 'en'): string {
  const meta = ruleById(rule)!;
  return [`# ${meta.id}`, '', meta.description.text(lang), '', `${tr(lang, 'explain/default')}: ${meta.severity}`, '', `${tr(lang, 'explain/messages')}:`, '', ...(meta.messages ?? []).map((id) => `- \`${id}\``), ''].join('\n');
}
