/**
 * Baselines for adopting `plans` on an existing repository: today's findings are recorded, and later
 * runs report only new ones. A finding is known by its rule, its file and a hash of its message id,
 * the stable part of its data and the trimmed text of its line, never by its line number or its
 * wording, so edits elsewhere in the file, a reworded message in a later release and `--lang` do not
 * bring recorded findings back. Identical findings are counted. Baselines written before message
 * ids (entries without `messageId`) still match, on the English wording they recorded.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { t } from '../i18n/index.js';
import type { SourceFile } from '../load/source.js';
import { toPosix } from '../load/discover.js';
import { UsageError } from '../types.js';
import { messageOf, stableData, type Finding } from '../findings/index.js';

export const BASELINE_VERSION = 1;

/** One recorded finding. `line` and `message` are there for a reader; matching ignores them. */
export interface BaselineEntry {
  rule: string;
  /** The message id (absent in baselines written before message ids: those match on the English wording). */
  messageId?: string;
  /** Relative to the baseline file's folder, `/` separators. */
  file: string;
  hash: string;
  line?: number;
  message?: string;
}

export interface Baseline {
  version: number;
  findings: BaselineEntry[];
}

/** What the baseline needs of a file: its text and where its lines start. */
export type BaselineSource = Pick<SourceFile, 'text' | 'lines'>;

/** The trimmed text of the line a finding starts on; empty when the file could not be read. */
export function lineTextOf(f: Finding, file: BaselineSource | undefined): string {
  if (!file) return '';
  const line = file.lines.position(f.range[0]).line;
  const start = file.lines.lineStart(line);
  const next = line < file.lines.lineCount ? file.lines.lineStart(line + 1) : file.text.length;
  return file.text.slice(start, next).trim();
}

/**
 * A message without the places it cites (`also defined at plan.yaml:28` → `plan.yaml`), since those
 * line numbers move with unrelated edits. Only for entries written before baselines recorded
 * message ids.
 */
export function stableMessage(message: string): string {
  return message.replace(/(\.ya?ml):\d+(?::\d+)?/gi, '$1').replace(/\b(line|行) ?\d+/gi, '$1');
}

/**
 * The hash of a finding's rule, message id, stable data (stableData: cited places by file only)
 * and the text of its line: stable when lines move, when the message is reworded in a later
 * release, and whatever the language.
 */
export function contentHash(f: Finding, file: BaselineSource | undefined): string {
  return sha256([f.ruleId, f.messageId, stableData(f.data), lineTextOf(f, file)].join('\u0000')).slice(0, 24);
}

/** The hash baselines recorded before they had message ids: rule, line text and the English message as worded then. */
export function legacyHash(f: Finding, file: BaselineSource | undefined): string {
  return sha256([f.ruleId, lineTextOf(f, file), stableMessage(messageOf(f).en)].join('\u0000')).slice(0, 24);
}

/**
 * Stable fingerprints for code-quality reports: rule, file, content and what the finding says
 * (message id and stable data, not its wording), plus how many identical findings came before it
 * in the file, so that two identical findings still differ.
 */
export function fingerprints<F extends Finding>(findings: readonly F[], contentOf: (f: F) => string): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = [f.ruleId, f.file, contentOf(f), f.messageId, stableData(f.data)].join('\u0000');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return sha256(`${base}\u0000${n}`).slice(0, 32);
  });
}

/** The baseline file's text for these findings; `files` give the line texts, paths become relative to `baselineDir`. */
export function writeBaseline(findings: readonly Finding[], files: readonly (BaselineSource & { path: string })[], cwd: string, baselineDir: string): string {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const entries: BaselineEntry[] = findings.map((f) => {
    const file = byPath.get(f.file);
    return {
      rule: f.ruleId,
      messageId: f.messageId,
      file: relativeTo(baselineDir, cwd, f.file),
      hash: contentHash(f, file),
      line: file ? file.lines.position(f.range[0]).line : 1,
      message: messageOf(f).en,
    };
  });
  entries.sort((a, b) => cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.rule, b.rule) || cmp(a.hash, b.hash));
  const baseline: Baseline = { version: BASELINE_VERSION, findings: entries };
  return JSON.stringify(baseline, null, 2) + '\n';
}

/** Reads a baseline file's text; a file that is not one is a usage error. */
export function parseBaseline(text: string, name: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError(t('baseline/not-json', { path: name }));
  }
  const v = value as Partial<Baseline> | null;
  if (!v || typeof v !== 'object' || v.version !== BASELINE_VERSION || !Array.isArray(v.findings)) {
    throw new UsageError(t('baseline/bad-shape', { path: name, version: BASELINE_VERSION }));
  }
  for (const e of v.findings) {
    if (!e || typeof e.rule !== 'string' || typeof e.file !== 'string' || typeof e.hash !== 'string') {
      throw new UsageError(t('baseline/bad-shape', { path: name, version: BASELINE_VERSION }));
    }
  }
  return v as Baseline;
}

export interface BaselineFilter<F extends Finding = Finding> {
  /** The findings the baseline does not know. */
  findings: F[];
  /** How many findings the baseline matched. */
  matched: number;
  /** How many baseline entries matched nothing (fixed since). */
  fixed: number;
}

/** Keeps the findings that are not in the baseline, each baseline entry matching one finding. */
export function filterByBaseline<F extends Finding>(findings: readonly F[], baseline: Baseline, files: readonly (BaselineSource & { path: string })[], cwd: string, baselineDir: string): BaselineFilter<F> {
  // entries with a message id key on it; older ones (no message id) on the wording of their day
  const counts = new Map<string, number>();
  const legacy = new Map<string, number>();
  // the English wording each older entry recorded, by rule and file: a message reworded since still
  // matches when the entry's hash is that of its recorded wording and the finding's line
  const recorded = new Map<string, Set<string>>();
  for (const e of baseline.findings) {
    const map = e.messageId === undefined ? legacy : counts;
    const key = keyOf(e.rule, e.file, e.hash);
    map.set(key, (map.get(key) ?? 0) + 1);
    if (e.messageId === undefined && typeof e.message === 'string') {
      const at = `${e.rule}\u0000${e.file}`;
      const set = recorded.get(at) ?? new Set<string>();
      set.add(e.message);
      recorded.set(at, set);
    }
  }
  const byRecordedWording = (f: F, rel: string, file: BaselineSource | undefined): boolean => {
    for (const message of recorded.get(`${f.ruleId}\u0000${rel}`) ?? []) {
      const hash = sha256([f.ruleId, lineTextOf(f, file), stableMessage(message)].join('\u0000')).slice(0, 24);
      if (take(legacy, keyOf(f.ruleId, rel, hash))) return true;
    }
    return false;
  };
  const byPath = new Map(files.map((f) => [f.path, f]));
  const kept: F[] = [];
  let matched = 0;
  const take = (map: Map<string, number>, key: string) => {
    const left = map.get(key) ?? 0;
    if (left > 0) map.set(key, left - 1);
    return left > 0;
  };
  for (const f of findings) {
    const file = byPath.get(f.file);
    const rel = relativeTo(baselineDir, cwd, f.file);
    if ((counts.size > 0 && take(counts, keyOf(f.ruleId, rel, contentHash(f, file)))) || (legacy.size > 0 && (take(legacy, keyOf(f.ruleId, rel, legacyHash(f, file))) || byRecordedWording(f, rel, file)))) matched++;
    else kept.push(f);
  }
  return { findings: kept, matched, fixed: baseline.findings.length - matched };
}

function keyOf(rule: string, file: string, hash: string): string {
  return `${rule}\u0000${file}\u0000${hash}`;
}

function relativeTo(baselineDir: string, cwd: string, file: string): string {
  return toPosix(path.relative(baselineDir, path.resolve(cwd, file))) || file;
}

/** node:crypto, loaded on first use: loading it costs start-up time that a lint without baselines does not need. */
function crypto(): typeof import('node:crypto') {
  return createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
}

function sha256(text: string): string {
  return crypto().createHash('sha256').update(text).digest('hex');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
