/** What a rule is: its metadata and a check over the model that reports through the context. */
import type { Localized } from '../i18n/index.js';
import type { Model, Origin } from '../model/types.js';
import type { Path, Severity } from '../types.js';

export interface ReportOptions {
  /** Steps below the origin's path to the offending node (e.g. `['lead']`). */
  at?: Path;
  /** Point at the key of the last step instead of its value. */
  key?: boolean;
}

export interface RuleContext {
  model: Model;
  /** Reports a finding of this rule at a node. */
  report(origin: Origin, message: Localized, opts?: ReportOptions): void;
  /**
   * Whether a finding at this origin would be reported (false for files that are only context);
   * lets a rule skip costly work for findings nobody asked for. Absent: every origin is wanted.
   */
  wants?(origin: Origin): boolean;
  /**
   * The files are a whole repository (not a file linted alone): a kind that no document defines
   * (the campaign, the owners) is itself a finding. Absent: missing kinds are passed over.
   */
  complete?: boolean;
}

export interface RuleMeta {
  id: string;
  /** Default severity. */
  severity: Severity;
  /** One line: what the rule finds. */
  description: Localized;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}
