/** What a rule is: its metadata and a check over the model that reports through the context. */
import type { Message, MessageId, PlaceRef } from '../i18n/index.js';
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
  /** Reports a finding of this rule at a node: the message is kept as its id and data. */
  report(origin: Origin, message: Message, opts?: ReportOptions): void;
  /**
   * Whether a finding at this origin would be reported (false for files that are only context);
   * lets a rule skip costly work for findings nobody asked for. Absent: every origin is wanted.
   */
  wants?(origin: Origin): boolean;
  /** The place (`file:line`) of a node, for a message that names another place; reads the file's text again if it was let go. */
  placeOf(origin: Origin, at?: Path): PlaceRef;
  /**
   * The files are a whole repository (not a file linted alone): a kind that no document defines
   * (the campaign, the owners) is itself a finding. Absent: missing kinds are passed over.
   */
  complete?: boolean;
}

/** The sorts of ids a reference field can name; the schemas mark their reference fields with these. */
export type ReferenceSort = 'campaign' | 'city' | 'task' | 'indicator' | 'owner' | 'target' | 'unit';

/**
 * What a rule's findings in a file depend on, for lint in context (src/engine/context.ts):
 * `file` the file's own documents; `references` the documents defining the ids the file names
 * (of these sorts) or that name the file's ids; `city` every document of the file's city;
 * `repository` anything in the repository (a missing plan, a suggestion drawn from every id).
 */
export interface RuleReads {
  scope: 'file' | 'references' | 'city' | 'repository';
  /** The sorts of reference the rule resolves (for `references`). */
  references?: readonly ReferenceSort[];
}

export interface RuleMeta<Id extends string = string> {
  id: Id;
  /** Default severity. */
  severity: Severity;
  /** One line: what the rule finds. */
  description: Message;
  /** The messages the rule reports, by id (ESLint's `meta.messages`; worded in src/i18n); test/finding-record.test.ts requires them. */
  messages?: readonly MessageId[];
  /** What the rule reads beyond the file it reports in; a rule that does not say is taken to read the whole repository. */
  reads?: RuleReads;
}

export interface Rule<Id extends string = string> extends RuleMeta<Id> {
  check(ctx: RuleContext): void;
}

/** A rule with its id kept as a literal type, so the registry's ids form a typed union. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

/** The metadata of a rule reported by a stage other than the model rules (loading, schema, config, suppression). */
export function defineMeta<const Id extends string>(meta: RuleMeta<Id>): RuleMeta<Id> {
  return meta;
}
