/** The lint pipeline: files → kind and schema findings → model → rule findings, filtered by settings and inline suppression, sorted. */
import { t } from './i18n/index.js';
import { findingAt, locate, KINDS, type SourceDoc, type SourceFile } from './load/source.js';
import { isRecord } from './load/parse.js';
import { buildModel } from './model/build.js';
import type { Model } from './model/types.js';
import { modelRules } from './rules/index.js';
import type { RuleContext } from './rules/types.js';
import { validateDoc } from './schema/index.js';
import type { Finding, RuleSetting } from './types.js';
import { closest } from './util/closest.js';
import { applySuppressions } from './suppress/index.js';
import { catalogue } from './config/rules.js';
import { KEYBOARD_IDS } from './load/keyboard.js';
import { pushAll } from './util/array.js';

export interface LintResult {
  files: SourceFile[];
  findings: Finding[];
  model: Model;
}

export interface CheckOptions {
  /** Severity overrides by rule id (from the config). */
  rules?: Record<string, RuleSetting>;
  /**
   * Lint in context: the files whose findings are wanted. The others still feed the model, but are
   * not schema-checked and their rule findings are not located (which would parse them again).
   */
  wanted?: (file: SourceFile) => boolean;
  /** The files are a whole repository: a missing campaign or owners document is reported (rules/types.ts). */
  complete?: boolean;
}

/** `unknown-kind` for one document, or undefined when its kind is known. */
export function kindFinding(doc: SourceDoc): Finding | undefined {
  if (!doc.parsed || doc.kind) return undefined;
  const value = doc.value;
  if (value === null || value === undefined) return undefined; // an empty document: nothing to check
  if (!isRecord(value)) {
    const got = Array.isArray(value) ? 'type/array' : typeof value === 'number' ? 'type/number' : typeof value === 'boolean' ? 'type/boolean' : 'type/string';
    return findingAt(doc.file, locate(doc, []), 'unknown-kind', 'error', t('kind/not-mapping', { got: t(got) }));
  }
  if (!('kind' in value)) return findingAt(doc.file, locate(doc, []), 'unknown-kind', 'error', t('kind/missing'));
  const kind = String(value.kind);
  return findingAt(doc.file, locate(doc, ['kind']), 'unknown-kind', 'error', t('kind/unknown', { kind, suggestion: closest(kind, KINDS) ?? '' }));
}

/** Runs every check on loaded files, as configured, and applies the files' `# plans-disable…` comments. */
export function check(files: SourceFile[], loadFindings: Finding[], opts: CheckOptions = {}): LintResult {
  const findings: Finding[] = [...loadFindings];
  for (const file of files) {
    if (opts.wanted && !opts.wanted(file)) continue; // context only: its own findings are not reported
    for (const doc of file.docs) {
      const kind = kindFinding(doc);
      if (kind) findings.push(kind);
      else if (doc.parsed && doc.kind) pushAll(findings, validateDoc(doc));
    }
  }
  const model = buildModel(files);
  for (const rule of modelRules) {
    const ctx: RuleContext = {
      model,
      report(origin, message, ro = {}) {
        if (opts.wanted && !opts.wanted(origin.doc.file)) return;
        const path = [...origin.path, ...(ro.at ?? [])];
        findings.push(findingAt(origin.doc.file, locate(origin.doc, path, { key: ro.key }), rule.id, rule.severity, message));
      },
      wants: opts.wanted ? (origin) => opts.wanted!(origin.doc.file) : undefined,
      complete: opts.complete,
    };
    rule.check(ctx);
  }
  // disable comments in the files whose findings are wanted; the comments that suppress nothing are findings too
  const suppressed = applySuppressions(applySettings(withoutEchoes(findings), opts.rules), opts.wanted ? files.filter(opts.wanted) : files, catalogue().map((r) => r.id));
  return { files, findings: sortFindings([...suppressed.findings, ...applySettings(suppressed.unused, opts.rules)]), model };
}

/**
 * One finding per mistake: where a full-width character was typed (`[a，b]`, `“hz”`) or a name
 * written for an id (`support: [省戒毒管理局]`), the schema's "not a valid id" and the rules'
 * "not defined" at the same value are echoes of it, and only the finding that names it stays.
 */
export function withoutEchoes(findings: Finding[]): Finding[] {
  const causes = findings.filter((f) => {
    const id = f.message.id;
    return id !== undefined && (KEYBOARD_IDS.has(id) || id === 'unknown-reference/by-name');
  });
  if (causes.length === 0) return findings;
  return findings.filter((f) => {
    if (f.rule === 'yaml-syntax' || f.rule === 'encoding' || causes.includes(f)) return true;
    return !causes.some((c) => {
      if (c.file !== f.file) return false;
      if (c.message.id === 'unknown-reference/by-name') return f.rule === 'schema' && f.offset === c.offset;
      // a finding on one node of one line that holds the character
      return f.line === f.endLine && f.offset <= c.offset && c.offset < Math.max(f.endOffset, f.offset + 1);
    });
  });
}

/** Turns rules off or changes their severity as configured. */
export function applySettings(findings: Finding[], rules: Record<string, RuleSetting> | undefined): Finding[] {
  if (!rules) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = rules[f.rule];
    if (setting === 'off') continue;
    out.push(setting ? { ...f, severity: setting } : f);
  }
  return out;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.offset - b.offset || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
