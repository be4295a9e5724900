/** The lint formats: adding one is one file and one entry here. */
import { json } from './json.js';
import { stylish } from './stylish.js';
import type { LintFormatter } from './types.js';

export const lintFormatters: Record<string, LintFormatter> = {
  stylish,
  json,
};
