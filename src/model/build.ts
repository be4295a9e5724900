/** Documents to the resolved model. Reads each field only when it has the right type, so a document with schema errors still contributes what it can. */
import { planCityOf } from '../load/source.js';
import type { SourceDoc, SourceFile } from '../load/source.js';
import type { Path } from '../types.js';
import { isRecord } from '../load/parse.js';
import { KINDS, type Kind } from '../load/source.js';
import { closest } from '../util/closest.js';
import { isCalendarDate } from '../util/date.js';
import type {
  Action, Baseline, Campaign, Unread, CityEntry, CityPlan, Indicator, Measure, Model, Op, Origin, Owner, ProgressReport, ProgressValue, Target, TargetForm, Task, Unit,
} from './types.js';
import { pushAll } from '../util/array.js';

type Rec = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
/** A date as written, when it is one of the calendar; anything else takes part in no check (the schema reports it). */
const day = (v: unknown): string | undefined => (isCalendarDate(v) ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** The strings of a list: the parsed list itself when it holds only strings (the model shares it, never changes it). */
const strs = (v: unknown): string[] => {
  if (!Array.isArray(v) || v.length === 0) return NO_STRINGS;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return v.filter((x): x is string => typeof x === 'string');
  return v as string[];
};
/** One shared empty list for every model item without one: a repository has hundreds of thousands of measures. */
const NO_STRINGS: string[] = Object.freeze([]) as unknown as string[];
const NO_MEASURES: Measure[] = Object.freeze([]) as unknown as Measure[];
/** `path` and further steps, in an array of exactly that length (a spread literal reserves room to grow). */
function under(path: Path, step: string | number, index?: number): Path {
  const n = path.length;
  const out: (string | number)[] = new Array(index === undefined ? n + 1 : n + 2);
  for (let i = 0; i < n; i++) out[i] = path[i];
  out[n] = step;
  if (index !== undefined) out[n + 1] = index;
  return out;
}
const OPS: readonly string[] = ['>=', '>', '<=', '<', '=', '~'];

/** Builds the model from every parsed document of the files. */
export function buildModel(files: SourceFile[]): Model {
  const model: Model = {
    files,
    campaigns: [],
    owners: [],
    ownersById: new Map(),
    plans: new Map(),
    actions: [],
    targets: [],
    targetsById: new Map(),
    progress: [],
    unread: unreadParts(files),
  };
  const docs = files.flatMap((f) => f.docs).filter((d) => d.parsed && d.kind && isRecord(d.value));
  for (const doc of docs) {
    const v = doc.value as Rec;
    switch (doc.kind) {
      case 'Campaign':
        model.campaigns.push(readCampaign(doc, v));
        break;
      case 'Owners':
        arr(v.owners).forEach((o, i) => {
          const owner = readOwner(doc, o, ['owners', i]);
          if (owner) model.owners.push(owner);
        });
        break;
      case 'Plan':
        readPlan(model, doc, v);
        break;
      case 'Progress': {
        const report = readProgress(doc, v);
        if (report) model.progress.push(report);
        break;
      }
    }
  }
  model.campaign = model.campaigns[0];
  // a plan whose city is not the campaign's: the city it was likely meant for is unread (its own finding is unknown-reference)
  if (model.campaign) {
    const ids = model.campaign.cities.map((c) => c.id);
    for (const city of model.plans.keys()) {
      if (ids.includes(city)) continue;
      const meant = closest(city, ids);
      if (meant) model.unread.plansOf.add(meant);
    }
  }
  for (const o of model.owners) if (!model.ownersById.has(o.id)) model.ownersById.set(o.id, o);
  for (const plan of model.plans.values()) pushAll(model.actions, plan.actions);
  for (const a of model.actions) pushAll(model.targets, a.targets);
  for (const tg of model.targets) if (!model.targetsById.has(tg.id)) model.targetsById.set(tg.id, tg);
  // `better` falls back to the indicator's
  const indicators = new Map((model.campaign?.indicators ?? []).map((i) => [i.id, i]));
  for (const tg of model.targets) {
    if (!tg.better && tg.indicator) tg.better = indicators.get(tg.indicator)?.better;
  }
  model.progress.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  return model;
}

/**
 * What a document that parsed but has no known kind was meant to be: the kind its `kind` is closest
 * to (`plan` → Plan), else the kind its keys belong to; undefined when neither tells.
 */
export function meantKind(value: Rec): Kind | undefined {
  if (typeof value.kind === 'string') {
    const lower = value.kind.trim().toLowerCase();
    const named = KINDS.find((k) => k.toLowerCase() === lower) ?? closest(value.kind, KINDS);
    if (named) return named as Kind;
  }
  if ('cities' in value || 'tasks' in value || 'period' in value || 'indicators' in value) return 'Campaign';
  if ('owners' in value) return 'Owners';
  if ('actions' in value || 'units' in value) return 'Plan';
  if ('values' in value || 'as_of' in value) return 'Progress';
  return undefined;
}

/**
 * What the documents that could not be read as their kind seem to be: for documents that could not be
 * parsed, from their `kind:` and `city:` lines; for parsed ones of an unknown kind, from the kind they
 * were meant to be. A kind typo is then one finding, not also what its absence would make.
 */
export function unreadParts(files: SourceFile[]): Unread {
  const unread: Unread = { campaign: false, owners: false, plansOf: new Set(), anyPlan: false };
  for (const file of files) {
    for (const doc of file.docs) {
      if (!doc.parsed || doc.kind || !isRecord(doc.value)) continue;
      const meant = meantKind(doc.value);
      if (meant === 'Campaign') unread.campaign = true;
      else if (meant === 'Owners') unread.owners = true;
      else if (meant === 'Plan') {
        const city = str(doc.value.city);
        if (city) unread.plansOf.add(city);
        else unread.anyPlan = true;
      }
    }
    const broken = file.docs.filter((d) => !d.parsed);
    if (broken.length === 0) continue;
    // one file usually holds one document; with several, what any of them says counts for all
    const text = file.text;
    const kinds = [...text.matchAll(/^kind:[ \t]*["']?(\w+)/gm)].map((m) => m[1]);
    const cities = [...text.matchAll(/^city:[ \t]*["']?([A-Za-z0-9][A-Za-z0-9._-]*)/gm)].map((m) => m[1]);
    if (kinds.length === 0 || kinds.some((k) => k !== 'Owners' && k !== 'Plan' && k !== 'Progress')) unread.campaign = true;
    if (kinds.includes('Owners')) unread.owners = true;
    if (kinds.includes('Plan')) {
      if (cities.length === 0) unread.anyPlan = true;
      for (const c of cities) unread.plansOf.add(c);
    }
  }
  return unread;
}

function readCampaign(doc: SourceDoc, v: Rec): Campaign {
  const origin = { doc, path: [] };
  const period = isRecord(v.period) && day(v.period.start) && day(v.period.end) ? { start: v.period.start as string, end: v.period.end as string } : undefined;
  const cities: CityEntry[] = [];
  arr(v.cities).forEach((c, i) => {
    if (isRecord(c) && str(c.id)) cities.push({ id: c.id as string, name: str(c.name) ?? (c.id as string), origin: { doc, path: ['cities', i] } });
  });
  const allTasks: Task[] = [];
  const readTasks = (list: unknown, path: Path, parent?: string): Task[] => {
    const out: Task[] = [];
    arr(list).forEach((x, i) => {
      if (!isRecord(x) || !str(x.id)) return;
      const here = under(path, i);
      const task: Task = { id: x.id as string, title: str(x.title) ?? '', parent, subtasks: [], origin: { doc, path: here } };
      allTasks.push(task);
      task.subtasks = readTasks(x.subtasks, under(here, 'subtasks'), task.id);
      out.push(task);
    });
    return out;
  };
  const tasks = readTasks(v.tasks, ['tasks']);
  const indicators: Indicator[] = [];
  arr(v.indicators).forEach((x, i) => {
    if (!isRecord(x) || !str(x.id)) return;
    indicators.push({
      id: x.id as string,
      name: str(x.name) ?? (x.id as string),
      unit: str(x.unit),
      better: x.better === 'higher' || x.better === 'lower' ? x.better : undefined,
      required: x.required === true,
      origin: { doc, path: ['indicators', i] },
    });
  });
  return {
    id: str(v.id) ?? '',
    title: str(v.title) ?? '',
    issuer: str(v.issuer),
    period,
    cities,
    tasks,
    allTasks,
    leafTasks: allTasks.filter((task) => task.subtasks.length === 0),
    indicators,
    origin,
  };
}

function readOwner(doc: SourceDoc, o: unknown, path: Path): Owner | undefined {
  if (!isRecord(o) || !str(o.id)) return undefined;
  return {
    id: o.id as string,
    name: str(o.name) ?? (o.id as string),
    city: str(o.city),
    parent: str(o.parent),
    aliases: strs(o.aliases),
    origin: { doc, path },
  };
}

/** The city a document adds a plan to: a parsed Plan document's non-empty `city`. */
export { planCityOf };

function readPlan(model: Model, doc: SourceDoc, v: Rec): void {
  const city = planCityOf(doc);
  if (!city) return;
  let plan = model.plans.get(city);
  if (!plan) {
    plan = { campaign: str(v.campaign) ?? '', city, units: [], actions: [], docs: [], origin: { doc, path: [] } };
    model.plans.set(city, plan);
  }
  plan.docs.push(doc);
  plan.title ??= str(v.title);
  plan.owner ??= str(v.owner);
  plan.adopted ??= day(v.adopted);
  arr(v.units).forEach((u, i) => {
    if (isRecord(u) && str(u.id)) plan.units.push({ id: u.id as string, name: str(u.name) ?? (u.id as string), origin: { doc, path: ['units', i] } } satisfies Unit);
  });
  arr(v.actions).forEach((a, i) => {
    const action = readAction(doc, a, ['actions', i], plan);
    if (action) plan.actions.push(action);
  });
}

function readAction(doc: SourceDoc, a: unknown, path: Path, plan: CityPlan): Action | undefined {
  if (!isRecord(a) || !str(a.id)) return undefined;
  const action = new ActionItem(a, plan, { doc, path });
  const targets = arr(a.targets);
  for (let i = 0; i < targets.length; i++) {
    const target = readTarget(doc, targets[i], under(path, 'targets', i), action);
    if (target) action.targets.push(target);
  }
  return action;
}

/** An action: plain data, its measures made once from the parsed list (each read gives the same items). */
class ActionItem implements Action {
  // plain assignments in the constructor, in this order (one shape for every action)
  declare id: string;
  declare title: string;
  declare tasks: string[];
  declare track: string | undefined;
  declare lead: string | undefined;
  declare support: string[];
  declare due: string | undefined;
  declare targets: Target[];
  declare city: string;
  declare plan: CityPlan;
  declare origin: Origin;
  declare measures: Measure[];

  constructor(a: Rec, plan: CityPlan, origin: Origin) {
    this.id = a.id as string;
    this.title = str(a.title) ?? '';
    this.tasks = strs(a.tasks);
    this.track = str(a.track);
    this.lead = str(a.lead);
    this.support = strs(a.support);
    this.due = day(a.due);
    this.targets = [];
    this.city = plan.city;
    this.plan = plan;
    this.origin = origin;
    this.measures = measuresOf(arr(a.measures), this);
  }
}

/** The measures with a text, in their order. */
function measuresOf(list: readonly unknown[], action: Action): Measure[] {
  if (list.length === 0) return NO_MEASURES;
  const out: Measure[] = [];
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    if (typeof m === 'string') out.push(new MeasureItem(m, undefined, NO_STRINGS, undefined, action, i));
    else if (isRecord(m) && str(m.text)) out.push(new MeasureItem(m.text as string, str(m.lead), strs(m.support), day(m.due), action, i));
  }
  return out;
}

/**
 * A measure. Its origin (the action's document, the action's path, `measures`, its index) is made
 * when asked for: only findings need it, and a large repository has hundreds of thousands of measures.
 */
class MeasureItem implements Measure {
  declare readonly text: string;
  declare readonly lead: string | undefined;
  declare readonly support: string[];
  declare readonly due: string | undefined;
  declare readonly action: Action;
  declare readonly index: number;

  constructor(text: string, lead: string | undefined, support: string[], due: string | undefined, action: Action, index: number) {
    this.text = text;
    this.lead = lead;
    this.support = support;
    this.due = due;
    this.action = action;
    this.index = index;
  }

  get origin(): Origin {
    return { doc: this.action.origin.doc, path: under(this.action.origin.path, 'measures', this.index) };
  }
}

function readTarget(doc: SourceDoc, x: unknown, path: Path, action: Action): Target | undefined {
  if (!isRecord(x) || !str(x.id)) return undefined;
  let baseline: Baseline | undefined;
  if (isRecord(x.baseline) && num(x.baseline.value) !== undefined) {
    baseline = { value: x.baseline.value as number, date: day(x.baseline.date), text: str(x.baseline.text) };
  }
  return {
    id: x.id as string,
    name: str(x.name) ?? (x.id as string),
    indicator: str(x.indicator),
    unit: str(x.unit),
    better: x.better === 'higher' || x.better === 'lower' ? x.better : undefined,
    per: x.per === 'unit' ? 'unit' : undefined,
    baseline,
    target: readTargetForm(x.target),
    due: day(x.due),
    nature: x.nature === 'binding' ? 'binding' : 'expected',
    city: action.city,
    action,
    origin: { doc, path },
  };
}

/** Reads a `change`/`annual_change` string: `+20%` → {amount: 20, percent: true}. */
export function parseChange(raw: string): { amount: number; percent: boolean } | undefined {
  const m = /^([+-])([0-9]+(?:\.[0-9]+)?)(%?)$/.exec(raw);
  if (!m) return undefined;
  return { amount: (m[1] === '-' ? -1 : 1) * Number(m[2]), percent: m[3] === '%' };
}

/** The form of a target value, or undefined when it fits none (the schema says why). */
export function readTargetForm(v: unknown): TargetForm | undefined {
  if (!isRecord(v)) return undefined;
  const text = str(v.text);
  const op = typeof v.op === 'string' && OPS.includes(v.op) ? (v.op as Op) : undefined;
  if (op && str(v.than)) return { form: 'relative', op, than: v.than as string, tolerance: num(v.tolerance), text };
  if (op && num(v.value) !== undefined) return { form: 'level', op, value: v.value as number, tolerance: num(v.tolerance), text };
  if (num(v.min) !== undefined && num(v.max) !== undefined) return { form: 'range', min: v.min as number, max: v.max as number, text };
  if (typeof v.change === 'string') {
    const c = parseChange(v.change);
    if (c) return { form: 'change', ...c, raw: v.change, text };
  }
  if (typeof v.annual_change === 'string') {
    const c = parseChange(v.annual_change);
    if (c) return { form: 'annual', ...c, raw: v.annual_change, text };
  }
  if (text && Object.keys(v).length === 1) return { form: 'qualitative', text };
  return undefined;
}

function readProgress(doc: SourceDoc, v: Rec): ProgressReport | undefined {
  const city = str(v.city);
  const asOf = day(v.as_of);
  if (!city || !asOf) return undefined;
  const report: ProgressReport = { campaign: str(v.campaign) ?? '', city, asOf, values: [], origin: { doc, path: [] } };
  arr(v.values).forEach((x, i) => {
    if (!isRecord(x) || !str(x.target)) return;
    let units: Record<string, number> | undefined;
    if (isRecord(x.units)) {
      units = Object.create(null) as Record<string, number>;
      for (const [k, n] of Object.entries(x.units)) if (num(n) !== undefined) units[k] = n as number;
    }
    const value: ProgressValue = { target: x.target as string, value: num(x.value), units, note: str(x.note), report, origin: { doc, path: ['values', i] } };
    report.values.push(value);
  });
  return report;
}
