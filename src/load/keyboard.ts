/**
 * The mistakes of a Chinese input method in YAML syntax: a full-width colon after a key, a
 * full-width comma in a [ ] list, full-width spaces as indentation, full-width brackets, Chinese
 * quotes around a whole value. Each is a `yaml-syntax` finding at the character, naming it and the
 * ASCII to write, with the one replacement that mends it (`data.fix`, for `--fix`).
 *
 * The scan reads lines, not the syntax tree: most of these mistakes make the yaml package lose its
 * place (its own error would say nothing of the character), and some are valid YAML that reads as
 * something else (`[a，b]` is one string). Only lines that look like YAML structure are looked at,
 * and never the inside of a block scalar (`|`, `>`), where Chinese paragraphs start with `　　`.
 */
import { t, type Message, type MessageId } from '../i18n/index.js';
import { findingAt, type SourceFile } from './source.js';
import type { Finding } from '../types.js';

/** One mistake found: where its character stands and what to say. */
export interface KeyboardHint {
  offset: number;
  end: number;
  /** 0-based line of the character. */
  line: number;
  message: Message;
  /** Whether the mistake breaks the YAML (the yaml package's errors on and next to its line are its echoes). */
  breaks: boolean;
  severity: 'error' | 'warning';
}

/** The keys of every kind's schema: an ASCII word before `：` that is one of them is a key. */
const KNOWN_KEYS = new Set([
  'actions', 'adopted', 'aliases', 'annual_change', 'as_of', 'baseline', 'better', 'campaign', 'change', 'cities', 'city', 'date', 'due', 'end', 'id',
  'indicator', 'indicators', 'issuer', 'kind', 'lead', 'max', 'measures', 'min', 'name', 'nature', 'note', 'op', 'owner', 'owners', 'parent', 'per',
  'period', 'required', 'start', 'subtasks', 'support', 'target', 'targets', 'tasks', 'text', 'than', 'title', 'tolerance', 'track', 'unit', 'units',
  'value', 'values', 'version',
]);

/**
 * A line worth a closer look: full-width indentation, `key：`, `key:　`, `-　`, or a value that
 * opens with a bracket or a quote. Tested at the start of a line only (sticky).
 */
const CANDIDATE = /[ \t]*(?:\u3000|(?:-[ \t\u3000]+)?[A-Za-z_][\w-]*[ \t]*(?:：|:[ \t]*\u3000|:[ \t]+[[{［｛“‘])|-[ \t]*[[{［｛“‘\u3000])/y;
/**
 * Every mistake named here is one of these characters: a line without any of them has none, so
 * only the lines holding one are tested (most lines of Chinese plans hold none, or only prose).
 */
const TRIGGER = /[\u3000：［｛，、“‘]/g;

/** What ends a block scalar header's line: `|` or `>`, its indicators, maybe a comment. */
const HEADER_END = /[|>][1-9+-]{0,2}[ \t]*(?:#[^\n]*)?\r?$/m;
/** A block scalar header at the end of a line (`text: |`, `- >-`). */
const BLOCK_HEADER = /(?:^|[ \t])(?:-|[^#\n]*:)[ \t]+[|>][1-9+-]{0,2}[ \t]*(?:#.*)?$/;

const FULL_TO_ASCII: Record<string, string> = { '［': '[', '］': ']', '｛': '{', '｝': '}', '，': ', ', '、': ', ', '：': ': ' };

/** Every keyboard mistake of a text, in order. Only the candidate lines are looked at. */
export function keyboardHints(text: string): KeyboardHint[] {
  const hints: KeyboardHint[] = [];
  const trigger = new RegExp(TRIGGER.source, 'g');
  const candidate = new RegExp(CANDIDATE.source, 'y');
  let lineNo = 0;
  let counted = 0;
  let inside: Set<number> | undefined;
  // test, not exec: no match array for each of the (many) full-width characters of a Chinese text
  while (trigger.test(text)) {
    const index = trigger.lastIndex - 1;
    const start = text.lastIndexOf('\n', index) + 1;
    let end = text.indexOf('\n', index);
    if (end < 0) end = text.length;
    // the next trigger of another line: one look per line
    trigger.lastIndex = end;
    candidate.lastIndex = start;
    if (!candidate.test(text)) continue;
    for (let i = text.indexOf('\n', counted); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) lineNo++;
    counted = start;
    if ((inside ??= blockScalarLines(text)).has(start)) continue;
    const raw = text.slice(start, end);
    scanLine(raw.endsWith('\r') ? raw.slice(0, -1) : raw, start, lineNo, hints);
  }
  return hints;
}

/**
 * The starts of the lines that are the text of a block scalar, in one pass (a line's less indented
 * lines above are its ancestors: inside when one of them is a block scalar header), so that a file
 * of 50,000 candidate lines is not walked back line by line from each (insideBlockScalar's way).
 */
function blockScalarLines(text: string): Set<number> {
  const out = new Set<number>();
  // no `|` or `>` that ends a line (as a header's does): no block scalar at all
  if (!HEADER_END.test(text)) return out;
  const stack: { indent: number; header: boolean }[] = [];
  let headers = 0;
  // the next `|` and `>` of the text: only a line holding one can be a header (spares the regex on most lines)
  let pipe = text.indexOf('|');
  let gt = text.indexOf('>');
  for (let begin = 0; begin <= text.length; ) {
    let eol = text.indexOf('\n', begin);
    if (eol < 0) eol = text.length;
    let i = begin;
    while (i < eol && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    // blank as trim() has it (a line of full-width spaces is blank too)
    const blank = i === eol || (/\s/.test(text[i]) && text.slice(i, eol).trim() === '');
    if (!blank) {
      const indent = i - begin;
      while (stack.length && stack[stack.length - 1].indent >= indent) if (stack.pop()!.header) headers--;
      if (headers > 0) out.add(begin);
      while (pipe >= 0 && pipe < begin) pipe = text.indexOf('|', begin);
      while (gt >= 0 && gt < begin) gt = text.indexOf('>', begin);
      const candidate = (pipe >= 0 && pipe < eol) || (gt >= 0 && gt < eol);
      const header = candidate && BLOCK_HEADER.test(text.slice(begin, eol).replace(/\r$/, ''));
      stack.push({ indent, header });
      if (header) headers++;
    }
    begin = eol + 1;
  }
  return out;
}

function hint(hints: KeyboardHint[], at: number, end: number, line: number, id: MessageId, data: Record<string, unknown>, breaks: boolean, severity: 'error' | 'warning' = 'error'): void {
  hints.push({ offset: at, end, line, message: t(id, data), breaks, severity });
}

/** The mistakes of one line (`base`: its offset in the text). */
function scanLine(line: string, base: number, lineNo: number, hints: KeyboardHint[]): void {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  // full-width spaces as (part of) the indentation, before a key or a list item
  const fw = /^\u3000+/.exec(line.slice(i));
  if (fw && /^(?:-[ \t\u3000]|[A-Za-z_][\w-]*[ \t]*[:：])/.test(line.slice(i + fw[0].length))) {
    const n = fw[0].length;
    hint(hints, base + i, base + i + n, lineNo, 'yaml/fullwidth-indent', { char: '　', count: n, fix: { range: [base + i, base + i + n], text: '  '.repeat(n) } }, true);
    i += n;
  }
  // `- ` list items, possibly with a full-width space after the dash
  while (line[i] === '-' && /[ \t\u3000]/.test(line[i + 1] ?? '')) {
    if (line[i + 1] === '\u3000') {
      const at = base + i + 1;
      hint(hints, at, at + 1, lineNo, 'yaml/fullwidth-space', { char: '　', after: '-', fix: { range: [at, at + 1], text: ' ' } }, true);
    }
    i += 2;
    while (line[i] === ' ' || line[i] === '\t') i++;
  }
  const afterDash = i > 0 && /-[ \t\u3000]/.test(line.slice(0, i));
  // a key: `key：` (full-width colon), `key:　value` (full-width space after the colon)
  const key = /^([A-Za-z_][\w-]*)([ \t]*)(：|:)/.exec(line.slice(i));
  let value = i;
  if (key) {
    const colonAt = i + key[1].length + key[2].length;
    const rest = line.slice(colonAt + 1);
    if (key[3] === '：' && (KNOWN_KEYS.has(key[1]) || !afterDash)) {
      const at = base + colonAt;
      const text = rest === '' || /^[ \t]/.test(rest) ? ':' : ': ';
      hint(hints, at, at + 1, lineNo, 'yaml/fullwidth-colon', { char: '：', key: key[1], fix: { range: [at, at + 1], text } }, true);
      value = colonAt + 1;
    } else if (key[3] === ':' && (rest === '' || /^[ \t\u3000]/.test(rest))) {
      value = colonAt + 1;
    } else {
      value = -1; // a plain value such as `http://…`: not a key
    }
    if (value >= 0) {
      const sp = /^[ \t]*(\u3000+)/.exec(line.slice(value));
      if (sp && key[3] === ':') {
        const at = base + value + sp[0].length - sp[1].length;
        hint(hints, at, at + sp[1].length, lineNo, 'yaml/fullwidth-space', { char: '　', after: ':', fix: { range: [at, at + sp[1].length], text: ' ' } }, true);
      }
      while (value < line.length && /[ \t\u3000]/.test(line[value])) value++;
    }
  }
  if (value >= 0 && value < line.length) scanValue(line, base, lineNo, value, hints, key && value > i ? key[1] : undefined);
}

/** The keys whose [ ] list holds ids or names, never a sentence: a full-width comma there separates items. */
const ID_LISTS = new Set(['support', 'tasks', 'aliases', 'lead', 'owners', 'cities', 'units', 'indicators']);

/** The value part of a line, from `start`: brackets, commas inside [ ] and { }, Chinese quotes. */
function scanValue(line: string, base: number, lineNo: number, start: number, hints: KeyboardHint[], key: string | undefined): void {
  const c = line[start];
  if (c === '［' || c === '｛') {
    const close = c === '［' ? '］' : '｝';
    const endAt = line.indexOf(close, start + 1);
    const at = base + start;
    if (endAt > start) {
      const inner = line.slice(start, endAt + 1);
      const fixed = inner.replace(/[［］｛｝，、：]/g, (ch) => FULL_TO_ASCII[ch]).replace(/ +(?=[\]}])/g, '').replace(/([,:]) {2,}/g, '$1 ');
      hint(hints, at, at + 1, lineNo, 'yaml/fullwidth-bracket', { char: c, ascii: c === '［' ? '[ ]' : '{ }', fix: { range: [at, base + endAt + 1], text: fixed } }, true);
    } else {
      hint(hints, at, at + 1, lineNo, 'yaml/fullwidth-bracket', { char: c, ascii: c === '［' ? '[ ]' : '{ }', fix: { range: [at, at + 1], text: c === '［' ? '[' : '{' } }, true);
    }
    return;
  }
  if (c === '[' || c === '{') {
    scanFlow(line, base, lineNo, start, hints, c === '[' && key !== undefined && ID_LISTS.has(key));
    return;
  }
  if (c === '“' || c === '‘') {
    const close = c === '“' ? '”' : '’';
    const rest = line.slice(start + 1);
    const m = new RegExp(`^([^${close}]*)${close}[ \\t]*(#.*)?$`).exec(rest);
    if (!m) return;
    const inner = m[1];
    const at = base + start;
    const end = at + inner.length + 2;
    // a whole value in Chinese quotes: an id, a number or a date so wrapped cannot be what was meant;
    // a Chinese text may mean its quotes, so that is a warning
    const meant = /^[\x21-\x7e]+$/.test(inner);
    hint(
      hints,
      at,
      end,
      lineNo,
      'yaml/chinese-quotes',
      { char: c, close, fix: { range: [at, end], text: JSON.stringify(inner) } },
      false,
      meant ? 'error' : 'warning',
    );
  }
}

/**
 * Inside a flow collection on one line, outside ASCII quotes: full-width commas in a list of ids
 * (`idList`; elsewhere a comma belongs to the text), and a full-width colon after a known key.
 */
function scanFlow(line: string, base: number, lineNo: number, start: number, hints: KeyboardHint[], idList: boolean): void {
  let depth = 0;
  let quote = '';
  for (let i = start; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote && !(quote === '"' && line[i - 1] === '\\')) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      if (--depth === 0) return;
    } else if (ch === '#' && /[ \t]/.test(line[i - 1] ?? '')) return;
    else if (idList && depth === 1 && (ch === '，' || ch === '、')) {
      const at = base + i;
      const next = line[i + 1] ?? '';
      hint(hints, at, at + 1, lineNo, 'yaml/fullwidth-comma', { char: ch, fix: { range: [at, at + 1], text: /[ \t]/.test(next) ? ',' : ', ' } }, false);
    } else if (ch === '：') {
      const before = /[[{,][ \t]*([A-Za-z_][\w-]*)[ \t]*$/.exec(line.slice(start, i));
      if (before && KNOWN_KEYS.has(before[1])) {
        const at = base + i;
        const next = line[i + 1] ?? '';
        hint(hints, at, at + 1, lineNo, 'yaml/fullwidth-colon', { char: '：', key: before[1], fix: { range: [at, at + 1], text: /[ \t]/.test(next) ? ':' : ': ' } }, false);
      }
    }
  }
}

/** The findings of the hints of a file. */
export function keyboardFindings(file: SourceFile, hints: readonly KeyboardHint[]): Finding[] {
  return hints.map((h) => findingAt(file, [h.offset, h.end], 'yaml-syntax', h.severity, h.message));
}

/** Message ids of the keyboard findings: other findings on the same node are their echoes. */
export const KEYBOARD_IDS: ReadonlySet<string> = new Set(['yaml/fullwidth-indent', 'yaml/fullwidth-space', 'yaml/fullwidth-colon', 'yaml/fullwidth-comma', 'yaml/fullwidth-bracket', 'yaml/chinese-quotes']);
