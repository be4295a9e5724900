/**
 * `plans lint --fix`, as data: the fixes that cannot change what a drafter meant (cli.md), applied
 * as range edits of the decoded text the way ESLint's fixer does: sorted by range, a fix that
 * overlaps or touches one applied before it waits for the next pass, and the files are linted
 * again (with the fixed texts over the disk) until no fix applies, at most MAX_PASSES times. Nothing
 * here writes a file: the caller gets the original and the fixed bytes of each file.
 */
import type { LoadedConfig } from '../config/index.js';
import type { Finding, Fix } from '../findings/index.js';
import type { Message } from '../i18n/index.js';
import { decode } from '../load/decode.js';
import { spliceEdits } from '../load/encode.js';
import { OverlayFileSystem } from '../load/fs.js';
import { Engine, type LintRequest } from './index.js';

/** Passes of fix and lint again before giving up on fixes that keep making fixes (ESLint: 10). */
export const MAX_PASSES = 10;

/** The message ids whose fix `--fix` applies: the kinds cli.md names, and no others. */
const SAFE_FIXES: ReadonlySet<string> = new Set([
  'yaml/fullwidth-colon',
  'yaml/fullwidth-comma',
  'yaml/fullwidth-space',
  'yaml/fullwidth-indent',
  'yaml/fullwidth-bracket',
  'yaml/TAB_AS_INDENT',
  'schema/date-form',
  'schema/unknown-key-suggest',
  'unknown-reference/by-name',
]);

/**
 * Whether `--fix` applies the fix of a finding in `text`. Other fixes (a number written `3万`, `"30%"`,
 * full-width digits, Chinese quotes, an indentation one space off) stay suggestions, in the message
 * and in `--format json`, for the drafter or an editor's quick fix to take.
 */
export function isSafeFix(f: Finding, text: string): boolean {
  const fix = f.fix;
  if (!fix || !SAFE_FIXES.has(f.messageId)) return false;
  const [start, end] = fix.range;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) return false;
  switch (f.messageId) {
    // cli.md names `，`; `、` in a list of ids is a suggestion
    case 'yaml/fullwidth-comma':
      return f.data.char === '，';
    case 'yaml/fullwidth-bracket':
      return !text.slice(start, end).includes('、');
    // an owner by its name or alias (one owner has it); a city or unit so written is a suggestion
    case 'unknown-reference/by-name':
      return (f.data.sort as Message | undefined)?.id === 'sort/owner';
    default:
      return true;
  }
}

/** ESLint's choice of one pass: by range, each fix that starts after the last one applied ends (same edits once). */
export function passEdits(fixes: readonly Fix[], text: string): Fix[] {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const out: Fix[] = [];
  let last = -Infinity;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    // a fix that writes what is there already changes nothing
    if (text.slice(start, end) === fix.text) continue;
    const prev = out[out.length - 1];
    if (prev && prev.range[0] === start && prev.range[1] === end && prev.text === fix.text) continue;
    if (last >= start) continue;
    out.push(fix);
    last = end;
  }
  return out;
}

/** The text with edits from `passEdits` applied. */
export function applyEdits(text: string, edits: readonly Fix[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.range[0]) + e.text;
    at = e.range[1];
  }
  return out + text.slice(at);
}

/** A file `--fix` changed: its bytes before and after, its texts before and after, and how many fixes it took. */
export interface FixedFile {
  abs: string;
  /** As findings show it. */
  path: string;
  original: Uint8Array;
  bytes: Uint8Array;
  originalText: string;
  text: string;
  applied: number;
}

/** A file whose fixes could not be carried into its bytes the same way (`reason` from load/encode.ts). */
export interface RefusedFile {
  path: string;
  reason: string;
}

export interface FixRun {
  files: FixedFile[];
  refused: RefusedFile[];
  /** The disk with the fixed files over it: what a lint after writing would read. */
  fs: OverlayFileSystem;
  passes: number;
}

/** Fixes the files `request` names, in memory, in passes (see the module comment). */
export function fixFiles(engine: Engine, request: LintRequest, config: LoadedConfig, maxPasses = MAX_PASSES): FixRun {
  const overlay = new OverlayFileSystem(engine.fs);
  const fixed = new Map<string, FixedFile>();
  const refused = new Map<string, RefusedFile>();
  let passes = 0;
  while (passes < maxPasses) {
    passes++;
    const pass = new Engine({ cwd: engine.cwd, fs: overlay, keepTexts: engine.keepTexts, narrowing: engine.narrowing, fastParse: engine.fastParse, compiledValidators: engine.validators.compiled, stats: engine.stats });
    const run = pass.lint(request, config);
    const byFile = new Map<string, Finding[]>();
    for (const f of run.findings) {
      if (!f.fix) continue;
      const list = byFile.get(f.file) ?? [];
      list.push(f);
      byFile.set(f.file, list);
    }
    let changed = false;
    for (const file of run.namedFiles) {
      const findings = byFile.get(file.path);
      if (!findings || refused.has(file.path)) continue;
      const text = pass.textOf(file);
      const edits = passEdits(findings.filter((f) => isSafeFix(f, text)).map((f) => f.fix!), text);
      if (edits.length === 0) continue;
      const before = fixed.get(file.abs);
      let bytes: Uint8Array;
      try {
        bytes = before?.bytes ?? engine.fs.readFile(file.abs);
      } catch {
        continue; // gone since it was linted: nothing to fix
      }
      const spliced = spliceEdits(bytes, edits);
      // what was read must be what was linted (a file changed during the run is left alone)
      if (!spliced.ok || applyEdits(text, edits) !== spliced.text) {
        refused.set(file.path, { path: file.path, reason: spliced.ok ? 'changed' : spliced.reason });
        continue;
      }
      const original = before?.original ?? bytes;
      const originalText = before?.originalText ?? (() => {
        const d = decode(original);
        return d.ok ? d.text : text;
      })();
      fixed.set(file.abs, { abs: file.abs, path: file.path, original, bytes: spliced.bytes, originalText, text: spliced.text, applied: (before?.applied ?? 0) + edits.length });
      overlay.setBytes(file.abs, spliced.bytes);
      changed = true;
    }
    if (!changed) break;
  }
  // a file whose fixes were undone by later ones (or refused after some applied) is changed only if its bytes are
  const files = [...fixed.values()].filter((f) => !sameBytes(f.original, f.bytes));
  return { files, refused: [...refused.values()], fs: overlay, passes };
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}
