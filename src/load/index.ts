/** The first arrow of the flow: paths to parsed files and the findings of reading them. */
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../types.js';
import { t } from '../i18n/index.js';
import { decode, prefixText } from './decode.js';
import { discover, toPosix, codeOf } from './discover.js';
import { parseFile, DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse.js';
import { findingAt, LineIndex, type SourceFile } from './source.js';

export interface LoadOptions {
  cwd: string;
  ignored?: (relPath: string) => boolean;
  /** Files larger than this are not parsed (a `yaml-syntax` error says so). */
  maxFileBytes?: number;
  limits?: ParseLimits;
}

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface Loaded {
  files: SourceFile[];
  findings: Finding[];
}

/** Discovers, reads, decodes and parses every plan file under `paths`. */
export function loadPaths(paths: readonly string[], opts: LoadOptions): Loaded {
  const found = discover(paths, { cwd: opts.cwd, ignored: opts.ignored });
  const loaded = loadFiles(found.files, opts);
  for (const dir of found.unreadable) {
    loaded.findings.push(placeless(toPosix(path.relative(opts.cwd, dir.abs)) || '.', 'encoding', t('load/unreadable-dir', { code: dir.code })));
  }
  return loaded;
}

/** Reads and parses the given absolute file paths. */
export function loadFiles(absPaths: readonly string[], opts: LoadOptions): Loaded {
  const files: SourceFile[] = [];
  const findings: Finding[] = [];
  for (const abs of absPaths) {
    const result = loadFile(abs, opts);
    if (result.file) files.push(result.file);
    findings.push(...result.findings);
  }
  return { files, findings };
}

/** Reads and parses one file; never throws. */
export function loadFile(abs: string, opts: LoadOptions): { file?: SourceFile; findings: Finding[] } {
  const rel = toPosix(path.relative(opts.cwd, abs)) || path.basename(abs);
  const max = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let bytes: Buffer;
  try {
    const size = fs.statSync(abs).size;
    if (size > max) {
      return { findings: [placeless(rel, 'yaml-syntax', t('load/too-large', { size, max }))] };
    }
    bytes = fs.readFileSync(abs);
  } catch (err) {
    return { findings: [placeless(rel, 'encoding', t('load/unreadable', { code: codeOf(err) }))] };
  }
  return parseBytes(rel, abs, bytes, opts);
}

/** Decodes and parses bytes as the file `rel`. */
export function parseBytes(rel: string, abs: string, bytes: Uint8Array, opts: Pick<LoadOptions, 'limits'> = {}): { file?: SourceFile; findings: Finding[] } {
  const decoded = decode(bytes);
  if (!decoded.ok) {
    const prefix = prefixText(bytes, decoded.byteOffset);
    const lines = new LineIndex(prefix);
    const fake: SourceFile = { path: rel, abs, text: prefix, encoding: 'utf-8', lines, docs: [] };
    const id = decoded.reason === 'binary' ? 'load/binary' : 'load/undecodable';
    return { findings: [findingAt(fake, [prefix.length, prefix.length], 'encoding', 'error', t(id, { byte: decoded.byteOffset }))] };
  }
  const file: SourceFile = {
    path: rel,
    abs,
    text: decoded.text,
    encoding: decoded.encoding,
    lines: new LineIndex(decoded.text),
    docs: [],
  };
  const findings: Finding[] = [];
  if (decoded.encoding !== 'utf-8') {
    findings.push(findingAt(file, [0, 0], 'encoding', 'warning', t('load/not-utf8', { encoding: decoded.encoding.toUpperCase() })));
  }
  findings.push(...parseFile(file, opts.limits ?? DEFAULT_PARSE_LIMITS));
  return { file, findings };
}

/** A finding about a whole file or folder, at its line 1, column 1. */
export function placeless(rel: string, rule: string, message: Finding['message'], severity: Finding['severity'] = 'error'): Finding {
  return { rule, severity, file: rel, line: 1, column: 1, endLine: 1, endColumn: 1, message, offset: 0, endOffset: 0 };
}
