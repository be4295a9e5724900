/**
 * The fix for tabs used as indentation, made only when it is unambiguous. A tab has no width in
 * YAML; the drafter's editor showed it as 2, 4 or 8 columns. The tabs at the start of every line
 * the yaml package refused are expanded to each of those tab stops in turn, and the text parsed
 * again: the widths that give YAML without errors must all give the same data (the drafter's
 * meaning does not hang on the width), and the narrowest of them is written. Otherwise (no width
 * parses, or two widths mean different things) there is no fix, and the finding stays a question.
 */
import { parseAllDocuments } from 'yaml';
import type { Fix } from '../findings/index.js';
import { YAML_OPTIONS } from './source.js';

const WIDTHS = [2, 4, 8];

/** The column a line's leading blanks reach with tab stops every `width` columns. */
function columnOf(blanks: string, width: number): number {
  let col = 0;
  for (const ch of blanks) col = ch === '\t' ? (Math.floor(col / width) + 1) * width : col + 1;
  return col;
}

/** Where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
}

/**
 * The fixes of the lines (by the offset where each starts) whose indentation holds a tab, as the
 * yaml package reported them (`errorOffsets`); `text` is the text as the yaml package reads it.
 */
export function tabIndentFixes(text: string, errorOffsets: readonly number[]): Map<number, Fix> {
  const lines = new Map<number, string>();
  for (const offset of errorOffsets) {
    const start = lineStartOf(text, offset);
    const blanks = /^[ \t]*/.exec(text.slice(start, start + 1000))![0];
    if (blanks.includes('\t')) lines.set(start, blanks);
  }
  const out = new Map<number, Fix>();
  if (lines.size === 0) return out;
  const starts = [...lines.keys()].sort((a, b) => a - b);
  let chosen: number | undefined;
  let meaning: string | undefined;
  for (const width of WIDTHS) {
    let expanded = '';
    let at = 0;
    for (const start of starts) {
      const blanks = lines.get(start)!;
      expanded += text.slice(at, start) + ' '.repeat(columnOf(blanks, width));
      at = start + blanks.length;
    }
    expanded += text.slice(at);
    const data = dataOf(expanded);
    if (data === undefined) continue;
    if (meaning === undefined) {
      meaning = data;
      chosen = width;
    } else if (data !== meaning) {
      return out; // the width decides what the file says: only the drafter knows
    }
  }
  if (chosen === undefined) return out;
  for (const start of starts) {
    const blanks = lines.get(start)!;
    out.set(start, { range: [start, start + blanks.length], text: ' '.repeat(columnOf(blanks, chosen)) });
  }
  return out;
}

/** The data of a text as JSON, or undefined when it is not YAML without errors. */
function dataOf(text: string): string | undefined {
  try {
    const docs = parseAllDocuments(text, YAML_OPTIONS);
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined;
    return JSON.stringify(docs.map((d) => d.toJS({ maxAliasCount: 100 })));
  } catch {
    return undefined;
  }
}
