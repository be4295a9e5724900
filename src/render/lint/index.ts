/** The lint formats: adding one is one file and one entry here. */
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { LintFormatter } from './types.js';

export const lintFormatters: Record<string, LintFormatter> = {
  stylish,
  json,
  sarif,
  junit,
  github,
  gitlab,
};
