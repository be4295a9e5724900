/** Messages by id in Chinese and English; every user-facing string is looked up here. */
import { coreMessages } from './messages/core.js';
import { ruleMessages } from './messages/rules.js';
import { cliMessages } from './messages/cli.js';
import { gapsMessages } from './messages/gaps.js';
import { tablesMessages } from './messages/tables.js';
import { ciMessages } from './messages/ci.js';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A text in both languages; renderers pick one at the edge. */
export interface Localized {
  zh: string;
  en: string;
}

export type MessageData = Record<string, unknown>;
export type Template = string | ((data: MessageData) => string);
export interface MessageDef {
  zh: Template;
  en: Template;
}
export type Catalog = Record<string, MessageDef>;

const catalog: Catalog = Object.create(null);

/** Adds message definitions; later areas (tables, CLI) register their own catalogues. */
export function registerMessages(defs: Catalog): void {
  for (const [id, def] of Object.entries(defs)) catalog[id] = def;
}
registerMessages(coreMessages);
registerMessages(ruleMessages);
registerMessages(cliMessages);
registerMessages(gapsMessages);
registerMessages(tablesMessages);
registerMessages(ciMessages);

function fill(template: Template, data: MessageData, lang: Lang): string {
  if (typeof template === 'function') return template(data);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? show(data[name], lang) : whole,
  );
}

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && typeof (value as Localized).zh === 'string' && typeof (value as Localized).en === 'string';
}

/** A value inside a message: a Localized value shows in the message's language. */
function show(value: unknown, lang: Lang): string {
  if (Array.isArray(value)) return value.map((v) => show(v, lang)).join(lang === 'zh' ? '、' : ', ');
  if (value === null) return 'null';
  if (isLocalized(value)) return value[lang];
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The message `id` filled with `data`, in both languages. */
export function t(id: string, data: MessageData = {}): Localized {
  const def = catalog[id];
  if (!def) return { zh: id, en: id };
  return { zh: fill(def.zh, data, 'zh'), en: fill(def.en, data, 'en') };
}

/** One language of `id` filled with `data`. */
export function tr(lang: Lang, id: string, data: MessageData = {}): string {
  return t(id, data)[lang];
}

/** The same text in both languages (for text that is not translated, like a drafter's own words). */
export function same(text: string): Localized {
  return { zh: text, en: text };
}

/** Reads a language name; `zh*` gives zh, anything else en. */
export function parseLang(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (v.startsWith('zh')) return 'zh';
  if (v === 'c' || v === 'posix') return undefined;
  return 'en';
}

/** The default language from the environment: PLANS_LANG, then LC_ALL, then LANG. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  return parseLang(env.PLANS_LANG) ?? parseLang(env.LC_ALL) ?? parseLang(env.LANG) ?? 'en';
}
