/**
 * Text from plan files shown in a terminal or a log: control and invisible characters written out
 * as `\u001b`, `\u200b`, as ESLint does for messages. An ESC, OSC, BEL or CR from a plan could
 * otherwise move the cursor and erase lines of the report, a zero-width space hide a difference,
 * a bidirectional override reorder what is read, and a newline start a line of its own (such as
 * `::error file=…`, which GitHub Actions reads as a workflow command).
 */

/**
 * C0 and C1 controls and DEL; soft hyphen, Arabic letter mark, Mongolian vowel separator; zero-width
 * and bidirectional marks, overrides and isolates; line and paragraph separators; invisible
 * operators; Hangul fillers; the byte order mark; interlinear annotation marks; noncharacters
 * U+FFFE/U+FFFF; tag characters. The newline is kept or written out as the caller asks.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\ufffe\uffff\u{e0000}-\u{e007f}]/gu;
// eslint-disable-next-line no-control-regex
const INVISIBLE_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\ufffe\uffff\u{e0000}-\u{e007f}]/gu;
const ANY = new RegExp(INVISIBLE_OR_NEWLINE.source, 'u');

function written(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with control and invisible characters written out; newlines kept (a table cell's lines) unless `newlines` is 'escape'. */
export function visible(text: string, newlines: 'keep' | 'escape' = 'escape'): string {
  if (!ANY.test(text)) return text; // the usual case: nothing to do, no copy
  return text.replace(newlines === 'keep' ? INVISIBLE : INVISIBLE_OR_NEWLINE, written);
}

/** One line of text: control and invisible characters written out, newlines too. */
export function oneLine(text: string): string {
  return visible(text, 'escape');
}
