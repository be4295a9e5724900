/** What `plans diff` reports: change kinds with their fixed severities (cli.md), and one change record. */
import type { Localized } from '../i18n/index.js';

/** The kinds of change of cli.md's table, plus `target-renamed` and `action-renamed` (an id changed, nothing else). */
export const CHANGE_SEVERITY = {
  'target-weakened': 'error',
  'target-removed': 'error',
  'action-removed': 'error',
  'task-uncovered': 'error',
  'deadline-postponed': 'warning',
  'baseline-changed': 'warning',
  'progress-revised': 'warning',
  'measure-removed': 'warning',
  'lead-changed': 'warning',
  'target-strengthened': 'info',
  'target-added': 'info',
  'target-renamed': 'info',
  'action-added': 'info',
  'action-renamed': 'info',
  'measure-added': 'info',
  'deadline-advanced': 'info',
  'support-changed': 'info',
} as const;

export type ChangeKind = keyof typeof CHANGE_SEVERITY;
export type ChangeSeverity = 'error' | 'warning' | 'info';
export const CHANGE_KINDS = Object.keys(CHANGE_SEVERITY) as ChangeKind[];
/** Worst first. */
export const SEVERITIES: readonly ChangeSeverity[] = ['error', 'warning', 'info'];

/** A place in one side's files: the file as the side names it (relative to the current folder), 1-based line and column. */
export interface ChangePlace {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offset in the decoded text, for ordering. */
  offset: number;
}

/** One change between OLD and NEW, as a reviewer would note it. */
export interface Change {
  kind: ChangeKind;
  severity: ChangeSeverity;
  city?: string;
  action?: string;
  target?: string;
  /** The text of a measure. */
  measure?: string;
  task?: string;
  /** For progress values: the unit (county) and the report's date. */
  unit?: string;
  date?: string;
  /** For `target-renamed` and `action-renamed`: the id in OLD (`target` or `action` is the id in NEW). */
  renamedFrom?: string;
  before?: unknown;
  after?: unknown;
  /** Which side `place` is in: NEW, or OLD for what is gone. */
  side: 'old' | 'new';
  place: ChangePlace;
  message: Localized;
}

export interface DiffCounts {
  error: number;
  warning: number;
  info: number;
}

/** The comparison of two sides, as the renderers get it. */
export interface DiffReport {
  /** The sides as given on the command line (`git:origin/main`, `.`). */
  old: string;
  new: string;
  changes: Change[];
  counts: DiffCounts;
  /** City names (from NEW's campaign, else OLD's), for headings. */
  cityNames: Record<string, string>;
}
