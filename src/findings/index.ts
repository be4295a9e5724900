/**
 * The finding record, `{ruleId, messageId, data, file, range, severity, fix?}`: data, with offsets
 * into the decoded text and the message as its id and data. Its text and its line and column are
 * made once, at the edge (`diagnose`), for the language and format asked.
 */
import { Message, PlaceRef, type Catalog, type MessageData, type MessageId } from '../i18n/index.js';
import type { RuleId } from '../rules/index.js';
import type { Severity } from '../types.js';

/** Start and end offsets in UTF-16 code units of the decoded text. */
export type Range = readonly [number, number];

/** An edit of the original text that removes a finding: ESLint's `{range, text}`. */
export interface Fix {
  range: Range;
  text: string;
}

/** One problem found in a plans repository, at a range of a file. */
export interface Finding {
  ruleId: RuleId;
  messageId: MessageId;
  data: MessageData;
  /** Path relative to the current directory, with `/` separators. */
  file: string;
  range: Range;
  severity: Severity;
  fix?: Fix;
}

/** A finding with what the edge adds: its line and column, and its message to word. */
export interface Diagnostic extends Finding {
  /** The rule id again, under the name of `--format json` and the formatters. */
  rule: RuleId;
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: Message;
  /** `range[0]` and `range[1]`. */
  offset: number;
  endOffset: number;
}

/** What the edge needs of a file to place findings: 1-based line and column of an offset. */
export interface Positions {
  position(offset: number): { line: number; column: number };
}

/** A finding of `ruleId` at `range` of the file `file` (a path as findings show it). */
export function finding(file: string, range: Range, ruleId: RuleId, severity: Severity, message: Message, fix?: Fix): Finding {
  const end = Math.max(range[0], range[1]);
  const f: Finding = { ruleId, messageId: message.id, data: message.data, file, range: [range[0], end], severity };
  // a message may carry the one replacement that mends it (`data.fix`, made where the mistake is found)
  const own = fix ?? fixIn(message.data);
  if (own) f.fix = own;
  return f;
}

function fixIn(data: MessageData): Fix | undefined {
  const fix = data.fix as Fix | undefined;
  return fix && Array.isArray(fix.range) && typeof fix.text === 'string' ? { range: [fix.range[0], fix.range[1]], text: fix.text } : undefined;
}

/** The message of a finding, worded from `catalogue` (default: the package's). */
export function messageOf(f: Finding, catalogue?: Readonly<Catalog>): Message {
  return new Message(f.messageId, f.data, catalogue);
}

const ORIGIN = { line: 1, column: 1 };

/**
 * The edge: findings placed by line and column (from `positionsOf(file)`, or line 1, column 1 for
 * a file whose text is not known) and with their message, worded from `catalogue` when given.
 */
export function diagnose(findings: readonly Finding[], positionsOf: (file: string) => Positions | undefined, catalogue?: Readonly<Catalog>): Diagnostic[] {
  return findings.map((f) => {
    const lines = positionsOf(f.file);
    const start = lines ? lines.position(f.range[0]) : ORIGIN;
    const end = lines ? lines.position(f.range[1]) : ORIGIN;
    return {
      ...f,
      rule: f.ruleId,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      message: messageOf(f, catalogue),
      offset: f.range[0],
      endOffset: f.range[1],
    };
  });
}

/**
 * A finding placed by line and column where there is no text to count offsets in (a workbook's
 * cell: line = row, column = column): the edge's form straight away.
 */
export function placedAt(file: string, line: number, column: number, ruleId: RuleId, severity: Severity, message: Message): Diagnostic {
  return { ...finding(file, [0, 0], ruleId, severity, message), rule: ruleId, line, column, endLine: line, endColumn: column + 1, message, offset: 0, endOffset: 0 };
}

/** Findings in the order reports show them: by file, then place, then rule. */
export function sortFindings<F extends Finding>(findings: F[]): F[] {
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range[0] - b.range[0] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)));
}

/**
 * The data of a message as a stable string: the places it cites by file only (their lines move
 * with unrelated edits), nested messages by their id and data; keys in sorted order. What
 * baselines, fingerprints and de-duplication key on, with the rule and message ids.
 */
export function stableData(data: MessageData): string {
  // a fix's offsets move with edits above, like a cited line
  const { fix: _fix, ...rest } = data;
  return JSON.stringify(stableValue(rest));
}

function stableValue(value: unknown): unknown {
  if (value instanceof PlaceRef) return { place: value.file };
  if (value instanceof Message) return { message: value.id, data: stableValue(value.data) };
  if (Array.isArray(value)) return value.map(stableValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = stableValue((value as Record<string, unknown>)[key]);
    return out;
  }
  return value === undefined ? null : value;
}

/** What identifies a finding whatever its wording: rule, message id, stable data. */
export function findingKey(f: Finding): string {
  return `${f.ruleId}\u0000${f.messageId}\u0000${stableData(f.data)}`;
}
