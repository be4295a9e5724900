/**
 * Wrong indentation, pointed at the key. The yaml package reports a key indented one space too far
 * or too little as "nested mappings are not allowed" at the value above it, or as "sequence item
 * without -" at the space before it; the drafter needs the key, how far it is indented and where
 * the keys beside it stand. Read from the lines, only where the yaml package found an error.
 */
import type { YAMLError } from 'yaml';
import { t } from '../i18n/index.js';
import type { Finding } from '../types.js';
import { findingAt, type SourceFile } from './source.js';

/** The errors that a wrong indentation makes. */
const INDENT_ERRORS = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR']);

const KEY_LINE = /^([ ]*)((?:-[ ]+)*)([A-Za-z_][\w-]*|"[^"]*"|'[^']*')[ \t]*:(?:[ \t]|$)/;
const ITEM_LINE = /^([ ]*)-(?:[ \t]|$)/;
const BLOCK_HEADER = /:[ \t]+[|>][1-9+-]{0,2}[ \t]*(?:#.*)?$|^[ ]*-[ \t]+[|>][1-9+-]{0,2}[ \t]*(?:#.*)?$/;

/** The finding of a wrong indentation near a yaml error, or undefined when the lines show none. */
export function indentFinding(file: SourceFile, text: string, e: YAMLError): Finding | undefined {
  if (!INDENT_ERRORS.has(e.code)) return undefined;
  if (e.code === 'MISSING_CHAR' && !/Sequence item without - indicator/.test(e.message)) return undefined;
  const errLine = file.lines.position(e.pos[0]).line - 1;
  /** Columns where the keys (or items) of the open collections stand, outermost first. */
  const levels: number[] = [];
  let opened = false;
  let blockIndent = -1;
  let offset = 0;
  for (let lineNo = 0; lineNo <= errLine + 1 && offset <= text.length; lineNo++) {
    let nl = text.indexOf('\n', offset);
    if (nl < 0) nl = text.length;
    const line = text.slice(offset, nl).replace(/\r$/, '');
    const base = offset;
    offset = nl + 1;
    const content = line.replace(/(^|[ \t])#.*$/, '');
    if (content.trim() === '' || /^(---|\.\.\.)/.test(line)) {
      if (/^(---|\.\.\.)/.test(line)) levels.length = 0;
      continue;
    }
    const indent = /^ */.exec(line)![0].length;
    if (blockIndent >= 0 && indent > blockIndent) continue;
    blockIndent = -1;
    const key = KEY_LINE.exec(content);
    const item = ITEM_LINE.exec(content);
    if (!key && !item) continue; // a continuation of a multi-line value, or a flow collection
    if (opened) {
      levels.push(indent);
    } else {
      let popped: number | undefined;
      while (levels.length > 0 && levels[levels.length - 1] > indent) popped = levels.pop();
      const top = levels[levels.length - 1];
      if (top !== indent && key && lineNo >= errLine - 1) {
        const keyStart = base + indent + key[2].length;
        const keyName = key[3];
        const range: [number, number] = [keyStart, keyStart + keyName.length];
        if (popped === undefined && top !== undefined) {
          return findingAt(file, range, 'yaml-syntax', 'error', t('yaml/indent-over', { key: keyName, got: indent, expected: top, fix: { range: [base, base + indent], text: ' '.repeat(top) } }));
        }
        if (popped !== undefined) {
          return findingAt(file, range, 'yaml-syntax', 'error', t('yaml/indent-between', { key: keyName, got: indent, outer: top ?? 0, inner: popped }));
        }
      }
      if (top !== indent) levels.push(indent);
    }
    // a `- key: value` item opens a mapping at its key's column
    if (key && key[2]) levels.push(indent + key[2].length);
    const value = key ? content.slice(content.indexOf(':', indent + key[2].length + key[3].length) + 1).trim() : content.slice(content.indexOf('-') + 1).trim();
    opened = value === '' || /^[&!][^ ]*$/.test(value);
    if (BLOCK_HEADER.test(content)) blockIndent = indent + (key?.[2].length ?? 0);
  }
  return undefined;
}
