/** Messages by id in Chinese and English; every user-facing string is looked up here. */
import { coreMessages } from './messages/core.js';
import { ruleMessages } from './messages/rules.js';
import { cliMessages } from './messages/cli.js';
import { gapsMessages } from './messages/gaps.js';
import { tablesMessages } from './messages/tables.js';
import { ciMessages } from './messages/ci.js';
import { helpMessages } from './messages/help.js';
import { dashboardMessages } from './messages/dashboard.js';
import { officeMessages } from './messages/office.js';
import { diffMessages } from './messages/diff.js';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A text in both languages; renderers pick one at the edge. */
export interface Localized {
  zh: string;
  en: string;
  /** The message id it was made from (`t`), not enumerable: JSON and equality see only zh and en. */
  readonly id?: string;
  /** The data it was filled with (a `fix` among them, when there is one replacement), not enumerable. */
  readonly data?: MessageData;
}

/** A replacement in the decoded text that makes a finding go away: `[start, end)` becomes `text`. */
export interface FixData {
  range: [number, number];
  text: string;
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
registerMessages(helpMessages);
registerMessages(dashboardMessages);
registerMessages(officeMessages);
registerMessages(diffMessages);

function fill(template: Template, data: MessageData, lang: Lang): string {
  if (typeof template === 'function') return template(clipStrings(data));
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? show(data[name], lang) : whole,
  );
}

/** The data with its string values cut by clipValue, for templates that quote values themselves. */
function clipStrings(data: MessageData): MessageData {
  if (!Object.values(data).some((v) => typeof v === 'string' && v.length > MAX_QUOTED)) return data;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? clipValue(v) : v]));
}

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && typeof (value as Localized).zh === 'string' && typeof (value as Localized).en === 'string';
}

/** The longest value a message quotes whole, in UTF-16 code units. */
export const MAX_QUOTED = 200;
/** What a longer value keeps of its start; its end keeps the rest, with … between. */
const QUOTED_HEAD = 140;

/**
 * A long value cut in the middle: its first 140 and last 59 characters with … between (200 in
 * all), so a finding that quotes a 100 KB value stays one readable line and both ends still show.
 */
export function clipValue(text: string): string {
  if (text.length <= MAX_QUOTED) return text;
  let head = text.slice(0, QUOTED_HEAD);
  let tail = text.slice(text.length - (MAX_QUOTED - QUOTED_HEAD - 1));
  // never split a surrogate pair (an emoji, a rare ideograph)
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  if (/^[\uDC00-\uDFFF]/.test(tail)) tail = tail.slice(1);
  return `${head}…${tail}`;
}

/**
 * A value inside a message: a Localized value (a message or a drafter's words) shows in the
 * message's language as it is; any other value is cut to MAX_QUOTED characters by clipValue.
 */
function show(value: unknown, lang: Lang): string {
  if (Array.isArray(value)) return value.map((v) => show(v, lang)).join(lang === 'zh' ? '、' : ', ');
  if (value === null) return 'null';
  if (isLocalized(value)) return value[lang];
  if (typeof value === 'object') return clipValue(JSON.stringify(value) ?? String(value));
  return clipValue(String(value));
}

/** The message `id` filled with `data`, in both languages. */
export function t(id: string, data: MessageData = {}): Localized {
  const def = catalog[id];
  if (!def) return { zh: id, en: id };
  return withId({ zh: fill(def.zh, data, 'zh'), en: fill(def.en, data, 'en') }, id, data);
}

/** Attaches the message id and data to a text, invisibly to JSON and to equality. */
function withId(text: Localized, id: string, data: MessageData): Localized {
  Object.defineProperty(text, 'id', { value: id, enumerable: false });
  Object.defineProperty(text, 'data', { value: data, enumerable: false });
  return text;
}

/** The id of the message a text was made from, if it was made by `t`. */
export function messageIdOf(text: Localized): string | undefined {
  return text.id;
}

/** The fix a message carries in its data (`data.fix`), if any. */
export function fixOf(text: Localized): FixData | undefined {
  const fix = text.data?.fix as FixData | undefined;
  return fix && Array.isArray(fix.range) && typeof fix.text === 'string' ? fix : undefined;
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
  const v = value.trim().toLowerCase();
  if (v.startsWith('zh')) return 'zh';
  if (v === 'c' || v === 'posix') return undefined;
  return 'en';
}

/** A language as a user names it on the command line or in the config: zh, ZH, zh-CN, zh_CN, zh-Hans, en, en-US…; undefined for any other. */
export function optionLang(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  const m = /^(zh|en)(?:[-_][a-z0-9]{2,8})*$/i.exec(value.trim());
  return m ? (m[1].toLowerCase() as Lang) : undefined;
}

/** The default language from the environment: PLANS_LANG, then LC_ALL, then LANG. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  return parseLang(env.PLANS_LANG) ?? parseLang(env.LC_ALL) ?? parseLang(env.LANG) ?? 'en';
}
