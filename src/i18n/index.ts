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
import { fixMessages } from './messages/fix.js';
import { lspMessages } from './messages/lsp.js';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A text in both languages; renderers pick one at the edge. */
export interface Localized {
  readonly zh: string;
  readonly en: string;
  /** The message id it was made from (a Message has it; a plain pair has none). */
  readonly id?: string;
  /** The data it was filled with (a `fix` among them, when there is one replacement). */
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

/** The one registry of messages: every id a message can have, by area. */
const CATALOGUES = [coreMessages, ruleMessages, cliMessages, gapsMessages, tablesMessages, ciMessages, helpMessages, dashboardMessages, officeMessages, diffMessages, fixMessages, lspMessages] as const;

/** Every message id of the catalogue, as a typed union (`'unknown-reference/unknown'` …). */
export type MessageId = KeysOf<(typeof CATALOGUES)[number]> | typeof VERBATIM;
type KeysOf<T> = T extends unknown ? keyof T & string : never;

/** The id of a text that is not translated (a drafter's words, a library's message). */
const VERBATIM = 'text/verbatim';

const catalog: Catalog = Object.create(null);
for (const defs of CATALOGUES) for (const [id, def] of Object.entries(defs)) catalog[id] = def;

/** Whether a string built at run time (`help/${command}`) is an id of the catalogue. */
export function isMessageId(id: string): id is MessageId {
  return id in catalog || id === VERBATIM;
}

/** Adds message definitions at start-up (for an area that keeps its catalogue outside CATALOGUES; prefer adding it there, so its ids are typed). */
export function registerMessages(defs: Catalog): void {
  for (const [id, def] of Object.entries(defs)) catalog[id] = def;
}

/** The messages of the catalogue, by id (read-only: a test catalogue is a copy with some replaced). */
export function defaultCatalog(): Readonly<Catalog> {
  return catalog;
}

/**
 * A message as data: its id and the data it is filled with. Its text in either language is made
 * when asked for (`zh`, `en`, `text(lang)`), from the default catalogue or the one it was given
 * with `in(catalogue)`, so findings carry ids and data and only the edge interpolates.
 */
export class Message implements Localized {
  // the id and data are not enumerable: JSON and equality see the words (zh, en), as of a plain pair
  declare readonly id: MessageId;
  declare readonly data: MessageData;
  readonly zh: string;
  readonly en: string;
  constructor(id: MessageId, data: MessageData = {}, catalogue?: Readonly<Catalog>) {
    Object.defineProperty(this, 'id', { value: id, enumerable: false });
    Object.defineProperty(this, 'data', { value: data, enumerable: false });
    this.zh = word(id, data, 'zh', catalogue);
    this.en = word(id, data, 'en', catalogue);
  }

  /** The text in one language. */
  text(lang: Lang): string {
    return lang === 'zh' ? this.zh : this.en;
  }

  /** The same message worded from another catalogue (a test catalogue, a later release's wording). */
  in(catalogue: Readonly<Catalog> | undefined): Message {
    return catalogue ? new Message(this.id, this.data, catalogue) : this;
  }
}

function word(id: MessageId, data: MessageData, lang: Lang, catalogue: Readonly<Catalog> | undefined): string {
  if (id === VERBATIM) return String(data.text ?? '');
  const def = (catalogue ?? catalog)[id] ?? catalog[id];
  return def ? fill(def[lang], data, lang) : id;
}

/**
 * A place cited by a message (`also defined at plan.yaml:28`): shown as `file:line`, while a
 * baseline keys on the file alone, since the line moves with edits elsewhere.
 */
export class PlaceRef {
  constructor(
    readonly file: string,
    readonly line: number,
  ) {}

  toString(): string {
    return `${this.file}:${this.line}`;
  }
}

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
  if (value instanceof Message) return value.text(lang);
  if (value instanceof PlaceRef) return clipValue(value.toString());
  if (isLocalized(value)) return value[lang];
  if (typeof value === 'object') return clipValue(JSON.stringify(value) ?? String(value));
  return clipValue(String(value));
}

/** The message `id` with `data`: a record whose text is made at the edge. */
export function t(id: MessageId, data: MessageData = {}): Message {
  return new Message(id, data);
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
export function tr(lang: Lang, id: MessageId, data: MessageData = {}): string {
  return new Message(id, data).text(lang);
}

/** The same text in both languages (for text that is not translated, like a drafter's own words). */
export function same(text: string): Message {
  return new Message(VERBATIM, { text });
}

/** A pair of texts that come translated already (a library's own messages in both languages). */
export function pair(zh: string, en: string): Message {
  return new Message('text/pair', { zh, en });
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
