/** Text fitted to the terminal: lines wrapped by display width (CJK counts two), with hanging indents. */
import { wrapText } from './tables/layout.js';
import { displayWidth } from './width.js';

/** Narrowest a wrapped text gets, however narrow the terminal: below it words would break into letters. */
export const MIN_TEXT_WIDTH = 20;

/**
 * `text` after `first` (a heading, a position), wrapped so no line is wider than `width`: the
 * lines after the first are indented by `indent` columns (default: the width of `first`).
 */
export function hanging(first: string, text: string, width: number, indent = displayWidth(first)): string[] {
  const room = Math.max(MIN_TEXT_WIDTH, width - indent);
  const firstRoom = Math.max(MIN_TEXT_WIDTH, width - displayWidth(first));
  // the first line may have a different room than the rest: wrap it on its own, then the rest
  const head = wrapText(text, firstRoom);
  if (head.length <= 1 || firstRoom === room) return head.map((line, i) => (i === 0 ? first : ' '.repeat(indent)) + line);
  const rest = wrapText(text.slice(firstLineLength(text, head[0])).trimStart(), room);
  return [first + head[0], ...rest.map((line) => ' '.repeat(indent) + line)];
}

/** How much of `text` its first wrapped line took (the line is `text`'s start, less trailing spaces). */
function firstLineLength(text: string, line: string): number {
  return text.startsWith(line) ? line.length : Math.min(text.length, line.length);
}

/** The width to fit text output to: the terminal's columns, else COLUMNS, else 100 (a pipe); a file gets 100. */
export function outputWidth(columns: number | undefined, env: Record<string, string | undefined>, toFile = false): number {
  if (toFile) return 100;
  if (columns !== undefined && columns > 0) return columns;
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return 100;
}
