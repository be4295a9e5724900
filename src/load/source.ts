/** A file as read: its text, its documents and the map from offsets to lines and columns. */
import { Composer, isMap, isPair, isScalar, isSeq, type CST, type Document, type Node } from 'yaml';
import { documentTokens } from './documents.js';
import type { Path, Severity } from '../types.js';
import type { Message } from '../i18n/index.js';
import { finding, type Finding, type Range } from '../findings/index.js';
import type { RuleId } from '../rules/index.js';
import type { Encoding } from './decode.js';

/** Offsets to 1-based line and column; `\n`, `\r\n` and a lone `\r` each end a line. */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
    return starts;
  }

  /** 1-based line and column of an offset (clamped to the text). */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let at = Math.max(0, Math.min(offset, this.text.length));
    // between the \r and \n of a CRLF is still the end of the line, not a column past it
    if (at > 0 && this.text.charCodeAt(at) === 10 && this.text.charCodeAt(at - 1) === 13) at--;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo] + 1 };
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    const starts = this.lineStarts();
    return starts[Math.max(0, Math.min(line - 1, starts.length - 1))];
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }
}

export interface SourceFile {
  /** Relative to the current directory, `/` separators: what findings show. */
  path: string;
  abs: string;
  text: string;
  encoding: Encoding;
  lines: LineIndex;
  docs: SourceDoc[];
  /**
   * Whether the text holds `plans-disable`, recorded when the file was loaded, so that inline
   * suppression looks only at those texts (the others may not be held any more); undefined: look.
   */
  readonly disables?: boolean;
}

export type Kind = 'Campaign' | 'Owners' | 'Plan' | 'Progress';
export const KINDS: readonly Kind[] = ['Campaign', 'Owners', 'Plan', 'Progress'];

export interface SourceDoc {
  file: SourceFile;
  /** 0-based position of the document in its file. */
  index: number;
  /**
   * The parsed YAML document, kept only while it is cheap to keep; `yamlDocument(doc)` parses the
   * file again when it is gone, so a large repository need not hold every syntax tree in memory.
   */
  yaml?: Document.Parsed;
  /** The document as plain data; undefined when it could not be parsed. */
  value: unknown;
  /** Set when the document parsed and names one of the four kinds. */
  kind?: Kind;
  /**
   * True when every number of the file is written as plans prints it (`formatNumber`): tables then
   * need no syntax tree to print numbers as written. Known for files the fast reader read.
   */
  readonly numbersAsPrinted?: boolean;
  /** True when every number of the file is known to be finite (no `.nan`, `.inf`): the schema check's walk for them is spared. Known for files the fast reader read. */
  readonly numbersFinite?: boolean;
  /** False when the document had YAML errors (it then contributes nothing). */
  parsed: boolean;
}

export type { Range };

/** Builds a finding at a range of a file. */
export function findingAt(file: Pick<SourceFile, 'path'>, range: Range, rule: RuleId, severity: Severity, message: Message): Finding {
  return finding(file.path, range, rule, severity, message);
}

function nodeRange(node: Node | null | undefined): Range | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

/**
 * The source range of the node at `path` in a document: the value, or with `key` the key of
 * the last step. Where the path leaves the tree, the deepest node that exists (its key when it
 * is a mapping entry), so a missing property points at the mapping that lacks it.
 */
export function locate(doc: SourceDoc, path: Path, opts: { key?: boolean } = {}): Range {
  const contents = yamlDocument(doc)?.contents;
  const fallback: Range = nodeRange(contents as Node) ?? [0, 0];
  let node: unknown = contents;
  let best: Range = fallback;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyOf(p.key) === String(step));
      if (!pair) return best;
      const keyRange = nodeRange(pair.key as Node);
      if (last && opts.key && keyRange) return keyRange;
      const valueRange = nodeRange(pair.value as Node);
      best = valueRange && !(isScalar(pair.value) && pair.value.source === '' && pair.value.value === null) ? valueRange : keyRange ?? best;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(step)];
      if (item === undefined) return best;
      best = nodeRange(item as Node) ?? best;
      node = item;
    } else {
      return best;
    }
  }
  return trimCollection(doc.file.text, best);
}

/** Parse options shared by the loader and by `yamlDocument`, so a re-parse gives the same tree. */
export const YAML_OPTIONS = {
  prettyErrors: false,
  logLevel: 'silent',
  uniqueKeys: true,
  strict: true,
  stringKeys: false,
  // YAML merge keys (`<<: *base`) are merged, as editors and check-jsonschema do (plan-format.md)
  merge: true,
} as const;

/**
 * The file's text as the yaml package reads it: a lone `\r` becomes `\n`, and so does a BOM at
 * the start of a line (two files pasted together); same length, so offsets hold.
 */
export function yamlText(text: string): string {
  const lf = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  return lf.includes('\ufeff') ? lf.replace(/(^|\n)\ufeff/g, '$1\n') : lf;
}

/** The document's syntax tree: the one kept from loading, else the file parsed again. */
export function yamlDocument(doc: SourceDoc): Document.Parsed | undefined {
  if (doc.yaml) return doc.yaml;
  try {
    // the tokens the loader composed (empty documents left out), each document by its index in the file
    const tokens: CST.Token[] = [];
    const indexes: number[] = [];
    documentTokens(yamlText(doc.file.text), (token, index) => {
      if (token.type === 'document') indexes.push(index);
      tokens.push(token);
    });
    const all: Document.Parsed[] = [];
    let k = 0;
    for (const d of new Composer(YAML_OPTIONS).compose(tokens)) all[indexes[k++]] = d;
    for (const sibling of doc.file.docs) {
      const d = all[sibling.index];
      if (d) sibling.yaml = d;
    }
    return all[doc.index];
  } catch {
    return undefined;
  }
}

function keyOf(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

/** A block collection's range runs to the next key; cut it at the end of its own text. */
function trimCollection(text: string, range: Range): Range {
  let end = range[1];
  while (end > range[0] && /\s/.test(text[end - 1])) end--;
  return [range[0], end];
}

/** The city of a plan document, as the model reads it (a non-empty string), else undefined. */
export function planCityOf(doc: SourceDoc): string | undefined {
  if (!doc.parsed || doc.kind !== 'Plan') return undefined;
  const v = doc.value;
  const city = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>).city : undefined;
  return typeof city === 'string' && city.length > 0 ? city : undefined;
}

/**
 * The range a fix writes a plain value (an id, a date, a key) over: inside the quotes of a quoted
 * scalar, so that its quoting stays as written; the whole range otherwise.
 */
export function valueRange(text: string, range: Range): [number, number] {
  const [start, end] = range;
  const open = text[start];
  if (end - start >= 2 && (open === '"' || open === "'") && text[end - 1] === open) {
    const inner = text.slice(start + 1, end - 1);
    // an escape or a line break inside: the written text is not the value, so the whole scalar is replaced
    if (!/[\\\r\n]/.test(inner) && !(open === "'" && inner.includes("'"))) return [start + 1, end - 1];
  }
  return [start, end];
}
