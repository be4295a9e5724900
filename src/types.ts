/** Shared vocabulary of findings and places. */
import type { Localized } from './i18n/index.js';

export type Severity = 'error' | 'warning';
export type RuleSetting = Severity | 'off';

/** One problem found in a plans repository, at a place in a file. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** Path relative to the current directory, with `/` separators. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: Localized;
  /** Start and end offsets in the decoded text (for suppression and baselines). */
  offset: number;
  endOffset: number;
}

/** A JSON path inside a document: keys and array indexes. */
export type Path = ReadonlyArray<string | number>;

/** A mistake in how the tool was called: one line on stderr, exit 2. */
export class UsageError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
    this.name = 'UsageError';
  }
}
