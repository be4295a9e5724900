/**
 * Inline suppression: `# plans-disable-line`, `# plans-disable-next-line` and `# plans-disable-file`,
 * each with optional rule ids. Comments are found by the yaml lexer, not the YAML tree, so they
 * work in a file that does not parse; a directive inside a block scalar is text and counts for nothing.
 */
import { t, type Message } from '../i18n/index.js';
import { finding, type Finding } from '../findings/index.js';
import type { SourceFile } from '../load/source.js';
// where YAML comments start, by the yaml lexer: a `# plans-disable-file` line inside a block scalar
// (a measure's text) is text, not a comment, and disables nothing
import { commentStarts } from '../load/documents.js';
import { closest } from '../util/closest.js';

export type DirectiveKind = 'line' | 'next-line' | 'file';
const DIRECTIVES: Record<string, DirectiveKind> = {
  'plans-disable-line': 'line',
  'plans-disable-next-line': 'next-line',
  'plans-disable-file': 'file',
};

/** One rule id named in a directive, with its place for the report when it suppresses nothing. */
export interface DirectiveRule {
  id: string;
  offset: number;
  endOffset: number;
}

/** One disable comment. */
export interface Directive {
  kind: DirectiveKind;
  /** 1-based line of the comment. */
  line: number;
  /** Rule ids, or undefined for every rule. */
  rules?: DirectiveRule[];
  /** The comment from `#` to its end (or to ` -- reason`). */
  offset: number;
  endOffset: number;
}

export interface ScannedFile {
  directives: Directive[];
  /** Comments that look like a directive but name none (`# plans-disable-nextline`). */
  unknown: { name: string; offset: number; endOffset: number }[];
}

// `#` starts a YAML comment at the start of a line or after white space.
const COMMENT = /(^|[ \t])#[ \t]*(plans-disable[A-Za-z-]*)(?=$|[ \t])([^\r\n]*)$/;

/** Finds the disable comments of a file's text. */
export function scanDirectives(file: Pick<SourceFile, 'text' | 'lines'>): ScannedFile {
  const out: ScannedFile = { directives: [], unknown: [] };
  const text = file.text;
  const count = file.lines.lineCount;
  let comments: Set<number> | undefined;
  // only the lines holding `plans-disable` are looked at (10 MB of `---` is 2.6 million lines)
  for (let hit = text.indexOf('plans-disable'); hit >= 0; ) {
    const line = file.lines.position(hit).line;
    const start = file.lines.lineStart(line);
    const next = line < count ? file.lines.lineStart(line + 1) : text.length;
    hit = text.indexOf('plans-disable', next);
    const lineText = text.slice(start, next).replace(/\r?\n$|\r$/, '');
    const m = COMMENT.exec(lineText);
    if (!m) continue;
    const hash = start + m.index + m[1].length;
    if (!(comments ??= commentStarts(text)).has(hash)) continue;
    const name = m[2];
    const kind = DIRECTIVES[name];
    const rest = m[3];
    const reasonAt = rest.search(/[ \t]--(?:[ \t]|$)/);
    const list = reasonAt >= 0 ? rest.slice(0, reasonAt) : rest;
    const end = start + lineText.length - rest.length + list.trimEnd().length;
    if (!kind) {
      out.unknown.push({ name, offset: hash, endOffset: start + m.index + m[0].length - rest.length });
      continue;
    }
    const listStart = start + lineText.length - rest.length;
    const rules: DirectiveRule[] = [];
    const idPattern = /[^\s,]+/g;
    let id: RegExpExecArray | null;
    while ((id = idPattern.exec(list))) rules.push({ id: id[0], offset: listStart + id.index, endOffset: listStart + id.index + id[0].length });
    out.directives.push({ kind, line, rules: rules.length ? rules : undefined, offset: hash, endOffset: end });
  }
  return out;
}

export interface SuppressResult {
  /** The findings no comment suppressed. */
  findings: Finding[];
  /** How many were suppressed. */
  suppressed: number;
  /** `unused-disable` findings: comments (or rule ids in them) that suppressed nothing, or name no rule. */
  unused: Finding[];
}

/**
 * Drops the findings that a disable comment of their file covers, and reports the comments that
 * cover nothing. `known` is the catalogue of rule ids, for the closest name of a misspelt one.
 */
export function applySuppressions(findings: Finding[], files: readonly SourceFile[], known: readonly string[]): SuppressResult {
  const byFile = new Map<string, { file: SourceFile; scanned: ScannedFile; used: Set<Directive | DirectiveRule> }>();
  for (const file of files) {
    // the flag recorded at load time spares reading again the texts of files without comments
    if (file.disables === false || !file.text.includes('plans-disable')) continue;
    const scanned = scanDirectives(file);
    if (scanned.directives.length || scanned.unknown.length) byFile.set(file.path, { file, scanned, used: new Set() });
  }
  if (byFile.size === 0) return { findings, suppressed: 0, unused: [] };
  const kept: Finding[] = [];
  let suppressed = 0;
  for (const f of findings) {
    const entry = byFile.get(f.file);
    if (!entry || f.ruleId === 'unused-disable' || f.ruleId === 'config') {
      kept.push(f);
      continue;
    }
    let covered = false;
    const line = entry.file.lines.position(f.range[0]).line;
    for (const d of entry.scanned.directives) {
      if (!covers(d, line)) continue;
      if (!d.rules) {
        entry.used.add(d);
        covered = true;
        continue;
      }
      for (const r of d.rules) {
        if (r.id === f.ruleId) {
          entry.used.add(r);
          covered = true;
        }
      }
    }
    if (covered) suppressed++;
    else kept.push(f);
  }
  const unused: Finding[] = [];
  for (const { file, scanned, used } of byFile.values()) {
    for (const u of scanned.unknown) {
      const suggestion = closest(u.name, Object.keys(DIRECTIVES));
      unused.push(unusedAt(file, u.offset, u.endOffset, t(suggestion ? 'suppress/unknown-directive-suggest' : 'suppress/unknown-directive', { name: u.name, suggestion, allowed: Object.keys(DIRECTIVES).join(', ') })));
    }
    for (const d of scanned.directives) {
      const name = `plans-disable-${d.kind}`;
      if (!d.rules) {
        if (!used.has(d)) unused.push(unusedAt(file, d.offset, d.endOffset, t(`suppress/unused-all-${d.kind}`, { name })));
        continue;
      }
      for (const r of d.rules) {
        if (used.has(r)) continue;
        if (!known.includes(r.id)) {
          const suggestion = closest(r.id, known);
          unused.push(unusedAt(file, r.offset, r.endOffset, t(suggestion ? 'suppress/unknown-rule-suggest' : 'suppress/unknown-rule', { rule: r.id, suggestion })));
        } else {
          unused.push(unusedAt(file, r.offset, r.endOffset, t(`suppress/unused-rule-${d.kind}`, { name, rule: r.id })));
        }
      }
    }
  }
  return { findings: kept, suppressed, unused };
}

function covers(d: Directive, line: number): boolean {
  if (d.kind === 'file') return true;
  if (d.kind === 'line') return d.line === line;
  return d.line + 1 === line;
}

function unusedAt(file: SourceFile, offset: number, endOffset: number, message: Message): Finding {
  return finding(file.path, [offset, endOffset], 'unused-disable', 'warning', message);
}
