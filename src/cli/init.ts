/** `plans init CITY [--out FILE]`: a starter plan for a city of the campaign, never overwriting a file. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { findCampaignRoot } from '../config/root.js';
import { t, tr, type Lang, type MessageId } from '../i18n/index.js';
import { codeOf, toPosix } from '../load/discover.js';
import { loadPaths } from '../load/index.js';
import { isRecord } from '../load/parse.js';
import { UsageError } from '../types.js';
import { closest } from '../util/closest.js';
import { resolveLang, type CliEnv, helpText } from './env.js';
import { ENTRY_SCHEMA } from './schema.js';
import { emptyConfig, findConfigFile, loadConfig } from '../config/index.js';
import { oneLine } from '../render/escape.js';
import { maxOf } from '../render/max.js';

export interface InitOptions {
  out?: string;
  lang?: string;
}

/** Adds `plans init` to the program. */
export function registerInit(program: Command, cli: CliEnv, setCode: (code: number) => void): void {
  const h = helpText(cli);
  program
    .command('init')
    .description(h('init'))
    .argument('<city>', h('init-city'))
    .option('-o, --out <file>', h('init-out'))
    .option('--lang <lang>', h('lang-comments'))
    .action((city: string, opts: InitOptions) => {
      setCode(runInit(city, opts, cli));
    });
}

interface TaskEntry {
  id: string;
  title: string;
  depth: number;
}

/** Writes the starter plan of a city and returns the exit status. */
export function runInit(cityArg: string, opts: InitOptions, cli: CliEnv): number {
  const found = findConfigFile(cli.cwd);
  const config = found ? loadConfig(found, cli.cwd).config : emptyConfig(cli.cwd);
  const lang = resolveLang(opts.lang, config.lang, cli.env);
  const root = findCampaignRoot(cli.cwd);
  if (!root) throw new UsageError(t('init/no-campaign'));
  const loaded = loadPaths([root], { cwd: cli.cwd });
  const docs = loaded.files.flatMap((f) => f.docs).filter((d) => d.parsed && isRecord(d.value));
  const campaignDoc = docs.find((d) => d.kind === 'Campaign');
  const campaign = campaignDoc && isRecord(campaignDoc.value) ? campaignDoc.value : undefined;
  if (!campaign) throw new UsageError(t('init/no-campaign'));
  const cities = list(campaign.cities).filter(isRecord);
  const city = cities.find((c) => c.id === cityArg) ?? cities.find((c) => c.name === cityArg);
  if (!city || typeof city.id !== 'string') {
    const ids = cities.map((c) => String(c.id));
    const suggestion = closest(cityArg, ids);
    throw new UsageError(t(suggestion ? 'init/unknown-city-suggest' : 'init/unknown-city', { city: cityArg, suggestion, cities: ids }));
  }
  const cityId = city.id;
  const out = path.resolve(cli.cwd, opts.out ?? path.join(path.relative(cli.cwd, root), cityId, 'plan.yaml'));
  const shown = toPosix(path.relative(cli.cwd, out)) || out;
  if (fs.existsSync(out)) throw new UsageError(t('init/exists', { path: shown }));

  const owners = docs
    .filter((d) => d.kind === 'Owners' && isRecord(d.value))
    .flatMap((d) => list((d.value as Record<string, unknown>).owners))
    .filter(isRecord)
    .filter((o) => o.city === cityId);
  const schema = modelineSchema(path.dirname(out), root);
  const text = starterPlan({
    lang,
    schema,
    campaign,
    city,
    tasks: flattenTasks(list(campaign.tasks), 0),
    owners,
  });
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text, { flag: 'wx' }); // wx: fails rather than overwrite a file that appeared meanwhile
  } catch (err) {
    if (codeOf(err) === 'EEXIST') throw new UsageError(t('init/exists', { path: shown }));
    throw new UsageError(t('cli/out-failed', { path: shown, code: codeOf(err) }));
  }
  cli.stdout.write(tr(lang, 'init/written', { path: shown, city: String(city.name ?? cityId) }) + '\n');
  return 0;
}

/** Where `npm install campaign-plans` puts the entry schema, below a folder. */
const INSTALLED_SCHEMA = ['node_modules', 'campaign-plans', 'schemas', 'plans.schema.json'];
/** The copy of the entry schema kept in a repository that has no installed package. */
export const SCHEMA_COPY = ['.plans', 'plans.schema.json'];

/**
 * The `$schema` of the modeline, relative to the plan's folder and never to where this checkout of
 * the tool lies: the installed package's schema under a node_modules of the plan's folder or one
 * above it (as Node would find the package; up to the git work tree's top), else a copy of the
 * schema in the campaign's folder (`.plans/plans.schema.json`, written once; an existing copy is
 * left as it is).
 */
function modelineSchema(dir: string, campaignRoot: string): string {
  const top = path.resolve(campaignRoot);
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const installed = path.join(d, ...INSTALLED_SCHEMA);
    if (fs.existsSync(installed)) return toPosix(path.relative(dir, installed));
    if (path.dirname(d) === d || fs.existsSync(path.join(d, '.git'))) break;
  }
  const copy = path.join(top, ...SCHEMA_COPY);
  if (!fs.existsSync(copy)) {
    try {
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.writeFileSync(copy, fs.readFileSync(ENTRY_SCHEMA), { flag: 'wx' });
    } catch (err) {
      if (codeOf(err) !== 'EEXIST') throw new UsageError(t('cli/out-failed', { path: toPosix(path.relative(dir, copy)), code: codeOf(err) }));
    }
  }
  return toPosix(path.relative(dir, copy));
}


function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function flattenTasks(tasks: unknown[], depth: number): TaskEntry[] {
  return tasks.filter(isRecord).flatMap((task) => [
    { id: String(task.id ?? '?'), title: String(task.title ?? ''), depth },
    ...flattenTasks(list(task.subtasks), depth + 1),
  ]);
}

/** Quotes a scalar for YAML when it needs it. */
function scalar(value: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ._/()（）、-]*$/u.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[0-9.+-]/.test(value) ? value : JSON.stringify(value);
}

/** The starter plan's text: modeline, what the campaign asks as comments, the required keys, an action to copy. */
export function starterPlan(p: {
  lang: Lang;
  schema: string;
  campaign: Record<string, unknown>;
  city: Record<string, unknown>;
  tasks: TaskEntry[];
  owners: Record<string, unknown>[];
}): string {
  const m = (id: MessageId, data: Record<string, unknown> = {}) => tr(p.lang, id, data);
  const cityId = String(p.city.id);
  const cityName = String(p.city.name ?? cityId);
  // what goes into a comment stays in it: a newline in a title would start a live line of YAML
  const c = (value: unknown) => oneLine(String(value ?? ''));
  const campaignId = String(p.campaign.id ?? '');
  const campaignTitle = String(p.campaign.title ?? campaignId);
  const period = isRecord(p.campaign.period) ? p.campaign.period : {};
  const due = typeof period.end === 'string' ? period.end : String(period.end ?? '2022-12-31').slice(0, 10);
  const width = maxOf(p.tasks.map((task) => task.depth * 2 + oneLine(task.id).length), 0);
  const lines = [`# yaml-language-server: $schema=${p.schema}`, `# ${c(m('init/header', { city: cityName, campaign: campaignTitle, id: campaignId }))}`, '#', `# ${m('init/tasks')}`];
  for (const task of p.tasks) {
    const label = '  '.repeat(task.depth) + c(task.id);
    lines.push(`#   ${label}${' '.repeat(Math.max(0, width - label.length) + 2)}${c(task.title)}`);
  }
  const required = list(p.campaign.indicators).filter(isRecord).filter((i) => i.required === true);
  if (required.length) {
    lines.push('#', `# ${m('init/indicators')}`);
    const w = maxOf(required.map((i) => c(i.id).length), 0);
    for (const i of required) lines.push(`#   ${c(i.id).padEnd(w + 2)}${c(i.name)}${i.unit ? ` (${c(i.unit)})` : ''}`);
  }
  if (p.owners.length) {
    lines.push('#', `# ${m('init/owners')}`);
    const w = maxOf(p.owners.map((o) => c(o.id).length), 0);
    for (const o of p.owners) lines.push(`#   ${c(o.id).padEnd(w + 2)}${c(o.name)}`);
  }
  const firstLeaf = p.tasks.find((task, i) => !(p.tasks[i + 1] && p.tasks[i + 1].depth > task.depth));
  const prefix = c(cityId.toUpperCase());
  lines.push(
    'version: 1',
    'kind: Plan',
    `campaign: ${scalar(campaignId)}`,
    `city: ${scalar(cityId)}`,
    `title: ${JSON.stringify(`${cityName}${campaignTitle}${m('init/title-suffix')}`)}`,
    'actions: []',
    `# ${m('init/action-template')}`,
    '# actions:',
    `#   - id: ${prefix}-01`,
    `#     title: ${m('init/action-title')}`,
    `#     tasks: [${c(firstLeaf?.id ?? 'T01')}]`,
    `#     lead: ${c(p.owners[0]?.id ?? 'OWNER-ID')}`,
    `#     due: ${c(due)}`,
    '#     measures:',
    `#       - ${m('init/measure')}`,
    '#     targets:',
    `#       - id: ${prefix}-01-K1`,
    `#         name: ${m('init/target-name')}`,
    `#         unit: ${m('init/target-unit')}`,
    `#         baseline: {value: 0, date: ${c(due.slice(0, 4))}-01-01}`,
    '#         target: {op: ">=", value: 1}',
    `#         due: ${c(due)}`,
    '',
  );
  return lines.join('\n');
}
