/** The lint pipeline: files → kind and schema findings → model → rule findings, filtered by settings and inline suppression, sorted. */
import { t } from './i18n/index.js';
import { findingAt, locate, KINDS, type SourceDoc, type SourceFile } from './load/source.js';
import { isRecord } from './load/parse.js';
import { buildModel } from './model/build.js';
import type { Model } from './model/types.js';
import { modelRules } from './rules/index.js';
import type { RuleContext } from './rules/types.js';
import { validateDoc, type Validators } from './schema/index.js';
import type { RuleSetting } from './types.js';
import { diagnose, sortFindings, type Diagnostic, type Finding } from './findings/index.js';
import { closest } from './util/closest.js';
import { applySuppressions } from './suppress/index.js';
import { catalogue } from './config/rules.js';
import { NodeFileSystem, type FileSystem } from './load/fs.js';
import { restoreText } from './load/text.js';
import { placeOf } from './rules/shared.js';
import { KEYBOARD_IDS } from './load/keyboard.js';
import { pushAll } from './util/array.js';

export { sortFindings };

/** What a check gives: the files, their findings as records, the model. */
export interface CheckResult {
  files: SourceFile[];
  findings: Finding[];
  model: Model;
}

/** A check's result with its findings placed (line and column) and worded: for programs and tests. */
export interface LintResult extends Omit<CheckResult, 'findings'> {
  findings: Diagnostic[];
}

export interface CheckOptions {
  /** Severity overrides by rule id (from the config). */
  rules?: Record<string, RuleSetting>;
  /**
   * Lint in context: the files whose findings are wanted. The others still feed the model, but are
   * not schema-checked and their rule findings are not located (which would parse them again).
   */
  wanted?: (file: SourceFile) => boolean;
  /**
   * Reads again the text of a file that let it go (see load/text.ts), called before a finding is
   * placed in it; the engine passes one that reads through its file system. Absent: texts are held.
   */
  restore?: (file: SourceFile) => void;
  /** The files are a whole repository: a missing campaign or owners document is reported (rules/types.ts). */
  complete?: boolean;
  /** The schema validators to use (default: `validatorsFor()`, the build's while current). */
  validators?: Validators;
}

/** `unknown-kind` for one document, or undefined when its kind is known. */
export function kindFinding(doc: SourceDoc, restore?: (file: SourceFile) => void): Finding | undefined {
  if (!doc.parsed || doc.kind) return undefined;
  const value = doc.value;
  if (value === null || value === undefined) return undefined; // an empty document: nothing to check
  restore?.(doc.file);
  if (!isRecord(value)) {
    const got = Array.isArray(value) ? 'type/array' : typeof value === 'number' ? 'type/number' : typeof value === 'boolean' ? 'type/boolean' : 'type/string';
    return findingAt(doc.file, locate(doc, []), 'unknown-kind', 'error', t('kind/not-mapping', { got: t(got) }));
  }
  if (!('kind' in value)) return findingAt(doc.file, locate(doc, []), 'unknown-kind', 'error', t('kind/missing'));
  const kind = String(value.kind);
  return findingAt(doc.file, locate(doc, ['kind']), 'unknown-kind', 'error', t('kind/unknown', { kind, suggestion: closest(kind, KINDS) ?? '' }));
}

/**
 * Runs every check on loaded files and places the findings on the files' lines: `checkFindings`
 * with the edge applied, for programs that want findings as `plans lint --format json` shows them
 * (with `records: true`, `checkFindings` itself: the one entry the engine runs checks through).
 */
export function check(files: SourceFile[], loadFindings: readonly Finding[], opts: CheckOptions & { records: true }): CheckResult;
export function check(files: SourceFile[], loadFindings: readonly Finding[], opts?: CheckOptions & { fs?: FileSystem; records?: false }): LintResult;
export function check(files: SourceFile[], loadFindings: readonly Finding[], opts: CheckOptions & { fs?: FileSystem; records?: boolean } = {}): LintResult | CheckResult {
  // `records`: the findings as records, for the engine, which places them itself at the edge
  if (opts.records) return checkFindings(files, loadFindings, opts);
  const fs = opts.fs ?? new NodeFileSystem();
  const restore = opts.restore ?? ((file: SourceFile) => restoreText(file, fs));
  const result = checkFindings(files, loadFindings, { ...opts, restore });
  const byPath = new Map(result.files.map((f) => [f.path, f]));
  const positionsOf = (p: string) => {
    const file = byPath.get(p);
    if (file) restore(file);
    return file?.lines;
  };
  return { ...result, findings: diagnose(result.findings, positionsOf) };
}

/** Runs every check on loaded files, as configured, and applies the files' `# plans-disable…` comments. */
export function checkFindings(files: SourceFile[], loadFindings: readonly Finding[], opts: CheckOptions = {}): CheckResult {
  const findings: Finding[] = [...loadFindings];
  for (const file of files) {
    if (opts.wanted && !opts.wanted(file)) continue; // context only: its own findings are not reported
    for (const doc of file.docs) {
      const kind = kindFinding(doc, opts.restore);
      if (kind) findings.push(kind);
      else if (doc.parsed && doc.kind) pushAll(findings, validateDoc(doc, opts.restore, opts.validators));
    }
  }
  const model = buildModel(files);
  for (const rule of modelRules) {
    const ctx: RuleContext = {
      model,
      report(origin, message, ro = {}) {
        if (opts.wanted && !opts.wanted(origin.doc.file)) return;
        const path = [...origin.path, ...(ro.at ?? [])];
        opts.restore?.(origin.doc.file);
        findings.push(findingAt(origin.doc.file, locate(origin.doc, path, { key: ro.key }), rule.id, rule.severity, message));
      },
      wants: opts.wanted ? (origin) => opts.wanted!(origin.doc.file) : undefined,
      placeOf(origin, at = []) {
        opts.restore?.(origin.doc.file);
        return placeOf(origin, at);
      },
      complete: opts.complete,
    };
    rule.check(ctx);
  }
  // disable comments in the files whose findings are wanted; the comments that suppress nothing are findings too
  const suppressed = applySuppressions(applySettings(withoutEchoes(findings, files), opts.rules), opts.wanted ? files.filter(opts.wanted) : files, catalogue().map((r) => r.id));
  return { files, findings: sortFindings([...suppressed.findings, ...applySettings(suppressed.unused, opts.rules)]), model };
}

/**
 * One finding per mistake: where a full-width character was typed (`[a，b]`, `“hz”`) or a name
 * written for an id (`support: [省戒毒管理局]`), the schema's "not a valid id" and the rules'
 * "not defined" at the same value are echoes of it, and only the finding that names it stays.
 */
export function withoutEchoes(findings: Finding[], files: readonly SourceFile[] = []): Finding[] {
  const causes = findings.filter((f) => KEYBOARD_IDS.has(f.messageId) || f.messageId === 'unknown-reference/by-name');
  if (causes.length === 0) return findings;
  const byPath = new Map(files.map((file) => [file.path, file]));
  // one line: the finding's range holds no line break (the file's text, where held, tells)
  const oneLine = (f: Finding) => {
    const text = byPath.get(f.file)?.text;
    return text === undefined || text === '' || !/[\r\n]/.test(text.slice(f.range[0], f.range[1]));
  };
  return findings.filter((f) => {
    if (f.ruleId === 'yaml-syntax' || f.ruleId === 'encoding' || causes.includes(f)) return true;
    return !causes.some((c) => {
      if (c.file !== f.file) return false;
      if (c.messageId === 'unknown-reference/by-name') return f.ruleId === 'schema' && f.range[0] === c.range[0];
      // a finding on one node of one line that holds the character
      return f.range[0] <= c.range[0] && c.range[0] < Math.max(f.range[1], f.range[0] + 1) && oneLine(f);
    });
  });
}

/** Turns rules off or changes their severity as configured. */
export function applySettings<F extends Finding>(findings: F[], rules: Record<string, RuleSetting> | undefined): F[] {
  if (!rules) return findings;
  const out: F[] = [];
  for (const f of findings) {
    const setting = rules[f.ruleId];
    if (setting === 'off') continue;
    out.push(setting ? { ...f, severity: setting } : f);
  }
  return out;
}
