/** The resolved model of a plans repository: every item keeps the document and path it came from. */
import type { SourceDoc, SourceFile } from '../load/source.js';
import type { Path } from '../types.js';

/** Where an item was written: its document and the path to it inside. */
export interface Origin {
  doc: SourceDoc;
  path: Path;
}

export interface CityEntry {
  id: string;
  name: string;
  origin: Origin;
}

export interface Task {
  id: string;
  title: string;
  /** Id of the enclosing task, for a subtask. */
  parent?: string;
  subtasks: Task[];
  origin: Origin;
}

export interface Indicator {
  id: string;
  name: string;
  unit?: string;
  better?: 'higher' | 'lower';
  required: boolean;
  origin: Origin;
}

export interface Campaign {
  id: string;
  title: string;
  issuer?: string;
  period?: { start: string; end: string };
  cities: CityEntry[];
  /** Top-level tasks, with their subtasks nested. */
  tasks: Task[];
  /** Every task at any depth, in document order. */
  allTasks: Task[];
  /** Tasks without subtasks: the ones an action must cover. */
  leafTasks: Task[];
  indicators: Indicator[];
  origin: Origin;
}

export interface Owner {
  id: string;
  name: string;
  city?: string;
  parent?: string;
  aliases: string[];
  origin: Origin;
}

export interface Unit {
  id: string;
  name: string;
  origin: Origin;
}

export type Op = '>=' | '>' | '<=' | '<' | '=' | '~';

/** The forms a target takes (plan-format.md, Targets). */
export type TargetForm =
  | { form: 'level'; op: Op; value: number; tolerance?: number; text?: string }
  | { form: 'range'; min: number; max: number; text?: string }
  | { form: 'change'; amount: number; percent: boolean; raw: string; text?: string }
  | { form: 'annual'; amount: number; percent: boolean; raw: string; text?: string }
  | { form: 'relative'; op: Op; than: string; tolerance?: number; text?: string }
  | { form: 'qualitative'; text: string };

export interface Baseline {
  value: number;
  date?: string;
  text?: string;
}

export interface Target {
  id: string;
  name: string;
  indicator?: string;
  unit?: string;
  /** As written on the target, else from its indicator. */
  better?: 'higher' | 'lower';
  per?: 'unit';
  baseline?: Baseline;
  /** Undefined when the `target` value could not be read as any form. */
  target?: TargetForm;
  due?: string;
  nature: 'expected' | 'binding';
  city: string;
  action: Action;
  origin: Origin;
}

export interface Measure {
  text: string;
  lead?: string;
  support: string[];
  due?: string;
  action: Action;
  index: number;
  origin: Origin;
}

export interface Action {
  id: string;
  title: string;
  tasks: string[];
  track?: string;
  lead?: string;
  support: string[];
  due?: string;
  /** Made from the parsed list at each read (a new list of new items; see ActionItem in build.ts). */
  readonly measures: Measure[];
  targets: Target[];
  city: string;
  plan: CityPlan;
  origin: Origin;
}

/** One city's plan, merged over all its `kind: Plan` documents. */
export interface CityPlan {
  campaign: string;
  city: string;
  title?: string;
  owner?: string;
  adopted?: string;
  units: Unit[];
  actions: Action[];
  /** The documents it was merged from, in reading order. */
  docs: SourceDoc[];
  origin: Origin;
}

export interface ProgressValue {
  target: string;
  value?: number;
  units?: Record<string, number>;
  note?: string;
  report: ProgressReport;
  origin: Origin;
}

export interface ProgressReport {
  campaign: string;
  city: string;
  asOf: string;
  values: ProgressValue[];
  origin: Origin;
}

/**
 * What documents that could not be parsed would have defined, guessed from their text (`kind:`,
 * `city:` at the start of a line), so that rules do not report as missing what is only unreadable.
 */
export interface Unread {
  /** A campaign, or a document of unknown kind, could not be read. */
  campaign: boolean;
  owners: boolean;
  /** Cities whose plan is partly unreadable. */
  plansOf: Set<string>;
  /** A plan document whose city could not be told is unreadable. */
  anyPlan: boolean;
}

/** Everything read, resolved and indexed. */
export interface Model {
  files: SourceFile[];
  /** The first campaign read (a repository has exactly one). */
  campaign?: Campaign;
  campaigns: Campaign[];
  owners: Owner[];
  ownersById: Map<string, Owner>;
  /** Plans by city id, in the order first seen. */
  plans: Map<string, CityPlan>;
  /** Every action of every plan, in reading order. */
  actions: Action[];
  targets: Target[];
  targetsById: Map<string, Target>;
  progress: ProgressReport[];
  unread: Unread;
}
