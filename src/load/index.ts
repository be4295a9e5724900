/** The first arrow of the flow: paths to parsed files and the findings of reading them. */
import path from 'node:path';
import type { Finding } from '../types.js';
import { t, type Message } from '../i18n/index.js';
import { diagnose, finding, type Diagnostic } from '../findings/index.js';
import type { RuleId } from '../rules/index.js';
import { decode } from './decode.js';
import { discover, toPosix, codeOf, type Discovered } from './discover.js';
import { parseFile, DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse.js';
import { fastParseFile, FAST_MAX_DEPTH } from './fast.js';
import { findingAt, LineIndex, type SourceFile } from './source.js';
import { checksum, LoadedFile } from './text.js';
import { NodeFileSystem, type FileSystem } from './fs.js';
import { keyboardFindings, keyboardHints } from './keyboard.js';
import { pushAll } from '../util/array.js';

export interface LoadOptions {
  cwd: string;
  ignored?: (relPath: string) => boolean;
  /** Files larger than this are not parsed (a `yaml-syntax` error says so). */
  maxFileBytes?: number;
  limits?: ParseLimits;
  /** Read plain files with the fast reader of `fast.ts` (same values); default: on (tests and the bench compare both ways). */
  fastParse?: boolean;
  /** Files that the folder listing showed as regular files: read without a stat by name first (see `FileSystem.readRegular`). */
  knownRegular?: ReadonlySet<string>;
  /** What to read through (default: the disk); an engine passes its own, with an editor's unsaved documents over it. */
  fs?: FileSystem;
  /**
   * Keep every file's text in memory; default: off. When off, the text
   * of a file read by the fast reader is let go once it is parsed and read again from disk only if
   * something asks for it (see text.ts). Files with `plans-disable` comments keep theirs.
   */
  keepTexts?: boolean;
}

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Files loaded for a program: the findings of reading them placed on their lines (see `diagnose`). */
export interface Loaded {
  files: SourceFile[];
  findings: Diagnostic[];
}

/** Discovers, reads, decodes and parses every plan file under `paths`; the findings placed (see `Loaded`). */
export function loadPaths(paths: readonly string[], opts: LoadOptions): Loaded {
  const read = readPaths(paths, opts);
  const byPath = new Map(read.files.map((f) => [f.path, f]));
  return { files: read.files, findings: diagnose(read.findings, (p) => byPath.get(p)?.lines) };
}

/** Discovers, reads, decodes and parses every plan file under `paths`, with the findings of reading them as records. */
export function readPaths(paths: readonly string[], opts: LoadOptions): { files: SourceFile[]; findings: Finding[] } {
  const fs = opts.fs ?? new NodeFileSystem();
  const found = discover(paths, { cwd: opts.cwd, ignored: opts.ignored, fs });
  const loadOpts = { ...opts, knownRegular: found.regular, fs };
  const files: SourceFile[] = [];
  const findings: Finding[] = [];
  for (const abs of found.files) {
    const result = loadFile(abs, loadOpts);
    files.push(result.file);
    findings.push(...result.findings);
  }
  findings.push(...discoveryFindings(found, opts.cwd));
  return { files, findings };
}

/** The findings of walking the folders: folders that could not be listed, links not followed. */
export function discoveryFindings(found: Discovered, cwd: string): Finding[] {
  const findings: Finding[] = [];
  for (const dir of found.unreadable) {
    findings.push(placeless(relPath(cwd, dir.abs), 'encoding', t('load/unreadable-dir', { code: dir.code })));
  }
  for (const link of found.skippedLinks) {
    const rel = relPath(cwd, link.abs);
    if (link.code === 'outside') {
      findings.push(placeless(rel, 'encoding', t('load/link-outside', { target: toPosix(link.target ?? '') }), 'warning'));
    } else {
      findings.push(placeless(rel, 'encoding', t('load/link-broken', { code: link.code }), 'warning'));
    }
  }
  return findings;
}

/** Reads and parses the given absolute file paths. */
export function loadFiles(absPaths: readonly string[], opts: LoadOptions): Loaded {
  opts = { ...opts, fs: opts.fs ?? new NodeFileSystem() };
  const files: SourceFile[] = [];
  const findings: Diagnostic[] = [];
  for (const abs of absPaths) {
    const result = loadFile(abs, opts);
    files.push(result.file);
    if (result.findings.length) findings.push(...diagnose(result.findings, () => result.file.lines));
  }
  return { files, findings };
}

/**
 * Reads and parses one file; never throws. A file that cannot be read or decoded still comes back
 * (with no documents), so that it counts as checked and `--out` refuses to overwrite it.
 */
export function loadFile(abs: string, opts: LoadOptions): { file: SourceFile; findings: Finding[] } {
  const rel = relFile(opts.cwd, abs);
  const max = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const unread = (finding: Finding) => ({ file: emptyFile(rel, abs), findings: [finding] });
  const fs = opts.fs ?? new NodeFileSystem();
  const quick = opts.knownRegular?.has(abs) ? fs.readRegular(abs, max) : undefined;
  if (quick) return parseRead(rel, abs, quick, opts, true);
  let bytes: Uint8Array;
  try {
    const st = fs.stat(abs);
    // Reading a FIFO would wait forever for a writer; a folder cannot be read as a file.
    if (!st.isFile()) return unread(placeless(rel, 'encoding', t('load/not-a-file', { what: t(st.isDirectory() ? 'load/what-folder' : st.isFIFO() ? 'load/what-fifo' : 'load/what-special') })));
    if (st.size > max) return unread(placeless(rel, 'yaml-syntax', t('load/too-large', { size: st.size, max })));
    bytes = fs.readFile(abs);
  } catch (err) {
    return unread(placeless(rel, 'encoding', t('load/unreadable', { code: codeOf(err) })));
  }
  if (bytes.length > max) return unread(placeless(rel, 'yaml-syntax', t('load/too-large', { size: bytes.length, max })));
  return parseRead(rel, abs, bytes, opts, true);
}

/**
 * Decodes and parses bytes as the file `rel`; never throws. The bytes are not kept (they may be a
 * shared buffer). The file keeps its text: `abs` need not be a file on disk.
 */
export function parseBytes(rel: string, abs: string, bytes: Uint8Array, opts: Pick<LoadOptions, 'limits' | 'fastParse'> = {}): { file: SourceFile; findings: Diagnostic[] } {
  // bytes that are not a file on disk: the text is kept, and the findings placed on it (for programs and tests)
  const read = parseRead(rel, abs, bytes, opts, false);
  return { file: read.file, findings: diagnose(read.findings, () => read.file.lines) };
}

/** parseBytes for bytes just read from `abs`: the text may be let go after parsing (`onDisk`, see LoadOptions.keepTexts). */
function parseRead(rel: string, abs: string, bytes: Uint8Array, opts: Pick<LoadOptions, 'limits' | 'fastParse' | 'keepTexts'>, onDisk: boolean): { file: SourceFile; findings: Finding[] } {
  const crc32 = onDisk && !opts.keepTexts ? checksum() : null;
  // taken now: `bytes` may be the shared read buffer
  const stamp = crc32 ? { size: bytes.length, crc: crc32(bytes) } : undefined;
  const decoded = decode(bytes);
  if (!decoded.ok) {
    // The text before the bad byte stands in for the file, so the finding has a line and column.
    const file = emptyFile(rel, abs, decoded.prefix);
    const at = decoded.prefix.length;
    return { file, findings: [findingAt(file, [at, at], 'encoding', 'error', t(`load/${decoded.reason}`, { byte: decoded.byteOffset }))] };
  }
  const file = new LoadedFile(rel, abs, decoded.text, decoded.encoding);
  const findings: Finding[] = [];
  if (decoded.encoding !== 'utf-8') {
    const name = (e: string) => ENCODING_NAMES[e] ?? e.toUpperCase();
    // a guess among several legacy encodings says which were possible: only the drafter knows
    const message = decoded.possible
      ? t('load/not-utf8-doubtful', { encoding: name(decoded.encoding), possible: decoded.possible.map(name).join(', ') })
      : t('load/not-utf8', { encoding: name(decoded.encoding) });
    findings.push(findingAt(file, [0, 0], 'encoding', 'warning', message));
  }
  // one scan of the text for what the noncharacter check and the fast reader both look for (most texts hold none)
  const plainChars = !UNUSUAL_CHARS.test(file.text);
  if (!plainChars) pushAll(findings, noncharacterFindings(file));
  pushAll(findings, numberRangeFindings(file));
  const limits = opts.limits ?? DEFAULT_PARSE_LIMITS;
  // A file with disable comments keeps its text: suppression reads it, and must read what was linted.
  const release = stamp !== undefined && !file.disables;
  // Clean plain files skip the syntax tree (see fast.ts); anything else goes through the yaml package.
  // full-width punctuation typed on a Chinese keyboard, named where it stands (keyboard.ts)
  const hints = keyboardHints(file.text);
  pushAll(findings, keyboardFindings(file, hints));
  const fast = (opts.fastParse ?? true) && limits.maxDepth > FAST_MAX_DEPTH && fastParseFile(file, release, true, plainChars);
  if (!fast) pushAll(findings, parseFile(file, limits, hints));
  // The fast reader's values are copies, so the text can go; the yaml package's trees and values point into it.
  else if (release) file.release(stamp);
  return { file, findings };
}

/**
 * The characters the fast reader leaves to the yaml package (fast.ts, UNSUPPORTED_CHARS), the BMP
 * noncharacters and the trail surrogates of the astral ones (U+1FFFE is D83F DFFE): a text without
 * any needs neither check. (Trail rather than lead surrogates: one class of plain code units, which
 * scans several times faster than one with sixteen lead surrogates in it.)
 */
// eslint-disable-next-line no-control-regex
export const UNUSUAL_CHARS = /[\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\u2028\u2029\ufdd0-\ufdef\ufffe\uffff\udffe\udfff]/;

/** Noncharacters: U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE…). */
const NONCHARACTER = /[\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/g;
/** Findings past this many in one file add nothing. */
const MAX_NONCHARACTER_FINDINGS = 20;

/**
 * An `encoding` error at each noncharacter of the text (up to 20): they are not text to show, and
 * XML (xlsx, docx, html) cannot carry them, so an output would drop or change them.
 */
function noncharacterFindings(file: SourceFile): Finding[] {
  const text = file.text;
  const out: Finding[] = [];
  NONCHARACTER.lastIndex = 0;
  if (!NONCHARACTER.test(text)) return out;
  NONCHARACTER.lastIndex = 0;
  for (const m of text.matchAll(NONCHARACTER)) {
    const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    out.push(findingAt(file, [m.index, m.index + m[0].length], 'encoding', 'error', t('load/noncharacter', { code: `U+${code}` })));
    if (out.length >= MAX_NONCHARACTER_FINDINGS) break;
  }
  return out;
}

/** A plain number with an exponent, alone as a value (after `: `, `- `, `[`, `{` or `,`, before the end, `,`, `]`, `}` or a comment). */
const EXPONENT_NUMBER = /(?<=(?:^|[:\[{,]|-)[ \t]*)[-+]?(?:\d[\d_]*\.?\d*|\.\d+)[eE][-+]?\d+(?=[ \t]*(?:$|[,\]}]|[ \t]#))/gm;

/**
 * A `schema` error at each number written too small for a double: `1e-400` reads as 0 (which
 * tables then print as `≥ 0`), so the value checked is not the one written. (`1e400` reads as
 * Infinity, which the schema check reports as no finite number.)
 */
function numberRangeFindings(file: SourceFile): Finding[] {
  const text = file.text;
  const out: Finding[] = [];
  if (!/\d[eE][-+]?\d/.test(text)) return out;
  for (const m of text.matchAll(EXPONENT_NUMBER)) {
    const written = m[0];
    const value = Number(written.replace(/_/g, ''));
    const mantissa = written.replace(/[eE].*$/, '');
    // (a number beyond the largest reads as ±Infinity, which the schema check already reports)
    const lost = value === 0 && /[1-9]/.test(mantissa);
    if (!lost) continue;
    out.push(findingAt(file, [m.index, m.index + written.length], 'schema', 'error', t('schema/number-range', { written })));
    if (out.length >= MAX_NONCHARACTER_FINDINGS) break;
  }
  return out;
}

/** How encodings are named in messages. */
const ENCODING_NAMES: Record<string, string> = { 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030', big5: 'Big5', shift_jis: 'Shift-JIS' };

/** A file that was not parsed: no documents, and at most the text before the problem. */
function emptyFile(rel: string, abs: string, text = ''): SourceFile {
  return { path: rel, abs, text, encoding: 'utf-8', lines: new LineIndex(text), docs: [] };
}

/** `abs` relative to `cwd` as findings show it; a file below `cwd` (the usual case) without path.relative's work. */
function relFile(cwd: string, abs: string): string {
  const base = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  if (abs.startsWith(base) && path.isAbsolute(cwd) && !abs.includes(`${path.sep}.`) && !abs.includes(path.sep + path.sep)) {
    const rest = abs.slice(base.length);
    if (rest.length > 0) return path.sep === '/' ? rest : toPosix(rest);
  }
  return toPosix(path.relative(cwd, abs)) || path.basename(abs);
}

function relPath(cwd: string, abs: string): string {
  return toPosix(path.relative(cwd, abs)) || '.';
}

/** A finding about a whole file or folder, at its line 1, column 1. */
export function placeless(rel: string, rule: RuleId, message: Message, severity: Finding['severity'] = 'error'): Finding {
  return finding(rel, [0, 0], rule, severity, message);
}
