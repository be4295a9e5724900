/** The lint formats: adding one is one file and one entry here. */
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { LintFormatter } from './types.js';

const FORMATTERS = { stylish, json, sarif, junit, github, gitlab } satisfies Record<string, LintFormatter>;

/** The names of the lint formats, as a typed union. */
export type LintFormat = keyof typeof FORMATTERS;

export const lintFormatters: Readonly<Record<LintFormat, LintFormatter>> = FORMATTERS;

export function isLintFormat(name: string): name is LintFormat {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name);
}
