/**
 * Quick fixes from the finding record: its fix (`finding.fix`, what `--fix` would write) and its
 * did-you-mean (`data.suggestion`), each an edit of the text the finding was made from.
 */
import type { Finding, Range } from '../findings/index.js';
import { t, type Message } from '../i18n/index.js';

export interface QuickFix {
  title: Message;
  range: Range;
  text: string;
  /** The one edit the finding's own record carries. */
  preferred: boolean;
}

/** The data fields that hold what was written, which a suggestion replaces. */
const WRITTEN = ['id', 'key', 'kind', 'rule', 'name', 'value', 'written', 'city', 'unit', 'target'] as const;

/** The quick fixes of one finding, against `text` (the text it was made from). */
export function quickFixes(f: Finding, text: string): QuickFix[] {
  const out: QuickFix[] = [];
  if (f.fix) {
    const { range, text: replacement } = f.fix;
    const title = replacement === '' ? t('lsp/fix-delete', { text: shown(text.slice(range[0], range[1])) }) : t('lsp/fix', { text: shown(replacement) });
    out.push({ title, range: [range[0], range[1]], text: replacement, preferred: true });
  }
  const suggestion = f.data.suggestion;
  if (typeof suggestion === 'string' && suggestion !== '') {
    const range = writtenRange(f, text);
    if (range && !out.some((x) => x.range[0] === range[0] && x.range[1] === range[1] && x.text === suggestion)) {
      out.push({ title: t('lsp/did-you-mean', { suggestion }), range, text: suggestion, preferred: out.length === 0 });
    }
  }
  return out;
}

/** Where, inside the finding's range, the mistaken word stands: the first of its data's written values found there. */
function writtenRange(f: Finding, text: string): Range | undefined {
  const [start, end] = f.range;
  const inside = text.slice(start, end);
  for (const field of WRITTEN) {
    const value = f.data[field];
    if (typeof value !== 'string' || value === '') continue;
    const at = inside.indexOf(value);
    if (at >= 0) return [start + at, start + at + value.length];
  }
  return undefined;
}

/** A replacement as a title shows it: `x`, or quoted with escapes when it is blank or holds a line break. */
function shown(text: string): string {
  const clipped = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return /^\s*$|[\r\n\t]/.test(clipped) ? JSON.stringify(clipped) : `\`${clipped}\``;
}
