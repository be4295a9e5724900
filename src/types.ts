/** Shared vocabulary of findings and places. */
import type { Localized } from './i18n/index.js';

export type Severity = 'error' | 'warning';
export type RuleSetting = Severity | 'off';

/** The finding record and its placed form live in src/findings; re-exported for the modules that import them from here. */
export type { Diagnostic, Finding, Fix, Range } from './findings/index.js';

/** A JSON path inside a document: keys and array indexes. */
export type Path = ReadonlyArray<string | number>;

/** A mistake in how the tool was called: one line on stderr, exit 2. */
export class UsageError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
    this.name = 'UsageError';
  }
}
