/**
 * Baselines for adopting `plans` on an existing repository: today's findings are recorded, and later
 * runs report only new ones. A finding is known by its rule, its file and a hash of the content
 * around it (the trimmed text of its line and its message), never by its line number, so edits
 * elsewhere in the file do not bring recorded findings back. Identical findings are counted.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { t } from '../i18n/index.js';
import type { SourceFile } from '../load/source.js';
import { toPosix } from '../load/discover.js';
import { UsageError, type Finding } from '../types.js';

export const BASELINE_VERSION = 1;

/** One recorded finding. `line` and `message` are there for a reader; matching ignores them. */
export interface BaselineEntry {
  rule: string;
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

/** The trimmed text of the line a finding starts on; empty when the file could not be read. */
export function lineTextOf(f: Finding, file: SourceFile | undefined): string {
  if (!file) return '';
  const start = file.lines.lineStart(f.line);
  const next = f.line < file.lines.lineCount ? file.lines.lineStart(f.line + 1) : file.text.length;
  return file.text.slice(start, next).trim();
}

/**
 * A message without the places it cites (`also defined at plan.yaml:28` → `plan.yaml`), since those
 * line numbers move with unrelated edits.
 */
export function stableMessage(message: string): string {
  return message.replace(/(\.ya?ml):\d+(?::\d+)?/gi, '$1').replace(/\b(line|行) ?\d+/gi, '$1');
}

/** The hash of a finding's rule, message and the text around it: stable when lines move. */
export function contentHash(f: Finding, file: SourceFile | undefined): string {
  return sha256([f.rule, lineTextOf(f, file), stableMessage(f.message.en)].join('\u0000')).slice(0, 24);
}

/**
 * Stable fingerprints for code-quality reports: rule, file and content hash, plus how many identical
 * findings came before it in the file, so that two identical findings still differ.
 */
export function fingerprints(findings: readonly Finding[], contentOf: (f: Finding) => string): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = [f.rule, f.file, contentOf(f), stableMessage(f.message.en)].join('\u0000');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return sha256(`${base}\u0000${n}`).slice(0, 32);
  });
}

/** The baseline file's text for these findings; `files` resolve the line texts, paths become relative to `baselineDir`. */
export function writeBaseline(findings: readonly Finding[], files: readonly SourceFile[], cwd: string, baselineDir: string): string {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const entries: BaselineEntry[] = findings.map((f) => ({
    rule: f.rule,
    file: relativeTo(baselineDir, cwd, f.file),
    hash: contentHash(f, byPath.get(f.file)),
    line: f.line,
    message: f.message.en,
  }));
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

export interface BaselineFilter {
  /** The findings the baseline does not know. */
  findings: Finding[];
  /** How many findings the baseline matched. */
  matched: number;
  /** How many baseline entries matched nothing (fixed since). */
  fixed: number;
}

/** Keeps the findings that are not in the baseline, each baseline entry matching one finding. */
export function filterByBaseline(findings: readonly Finding[], baseline: Baseline, files: readonly SourceFile[], cwd: string, baselineDir: string): BaselineFilter {
  const counts = new Map<string, number>();
  for (const e of baseline.findings) {
    const key = keyOf(e.rule, e.file, e.hash);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const byPath = new Map(files.map((f) => [f.path, f]));
  const kept: Finding[] = [];
  let matched = 0;
  for (const f of findings) {
    const key = keyOf(f.rule, relativeTo(baselineDir, cwd, f.file), contentHash(f, byPath.get(f.file)));
    const left = counts.get(key) ?? 0;
    if (left > 0) {
      counts.set(key, left - 1);
      matched++;
    } else {
      kept.push(f);
    }
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
