/** commander's own error lines in the user's language, as one line `plans: …` like every other usage error. */
import { tr, type Lang, type MessageId } from '../i18n/index.js';

/** commander's messages (commander 14, lib/command.js) and the message ids that say them. */
const PATTERNS: [RegExp, MessageId, string[]][] = [
  [/^unknown option '([^']*)'/, 'commander/unknown-option', ['option']],
  [/^unknown command '([^']*)'/, 'commander/unknown-command', ['command']],
  [/^missing required argument '([^']*)'/, 'commander/missing-argument', ['argument']],
  [/^option '([^']*)' argument missing/, 'commander/option-missing-value', ['option']],
  [/^required option '([^']*)' not specified/, 'commander/required-option', ['option']],
  [/^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, 'commander/too-many-arguments', ['command', 'expected', 'got']],
  [/^option '([^']*)' argument '([^']*)' is invalid\.?\s*(.*)$/, 'commander/invalid-value', ['option', 'value', 'detail']],
  [/^(.*) cannot be used with (.*)$/, 'commander/conflict', ['option', 'other']],
];

/** One of commander's error texts (`error: unknown option '--x'\n(Did you mean --lang?)\n`) as `plans: …` in `lang`. */
export function commanderError(text: string, lang: Lang): string {
  const [first, ...rest] = text.replace(/\s+$/, '').split('\n');
  const body = first.replace(/^error:\s*/, '');
  let line = body;
  for (const [re, id, names] of PATTERNS) {
    const m = re.exec(body);
    if (!m) continue;
    line = tr(lang, id, Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? ''])));
    break;
  }
  // commander's "(Did you mean --lang?)" on the next line joins this one
  const hint = rest.join(' ').match(/\(Did you mean (?:one of )?(.*)\?\)/);
  if (hint) line += tr(lang, 'commander/did-you-mean', { suggestion: hint[1] });
  return `plans: ${line}\n`;
}
