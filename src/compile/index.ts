/**
 * `plans compile`: the whole repository as one JSON document (schemas/compiled.schema.json):
 * every reference resolved to the object it names, defaults filled, each item with its source.
 */
import { locate } from '../load/source.js';
import type { Action, Campaign, Indicator, Measure, Model, Origin, Owner, ProgressReport, Target, Task } from '../model/types.js';
import { actionsInOrder, measureDuty } from '../domain/plan.js';
import { targetWording } from '../domain/wording.js';
import { DEFAULT_TOLERANCE_SHARE, targetStatus } from '../domain/status.js';

export const COMPILED_SCHEMA_ID = 'https://campaign-plans.dev/schemas/compiled.schema.json';

export interface SourceRef {
  file: string;
  line: number;
}
export interface OwnerRef {
  id: string;
  /** null when the id names no owner (only with --allow-errors). */
  name: string | null;
  city: string | null;
}
export interface NamedRef {
  id: string;
  name: string | null;
}

/** Where an item was written: its file (relative to the current directory) and 1-based line. */
export function sourceOf(origin: Origin): SourceRef {
  const range = locate(origin.doc, origin.path);
  return { file: origin.doc.file.path, line: origin.doc.file.lines.position(range[0]).line };
}

/** The compiled document of a model. */
export function compileModel(model: Model, errorCount = 0) {
  const owner = (id: string | undefined): OwnerRef | null => {
    if (!id) return null;
    const o = model.ownersById.get(id);
    return { id, name: o?.name ?? null, city: o?.city ?? null };
  };
  const cityRef = (id: string | undefined): NamedRef | null => {
    if (!id) return null;
    return { id, name: model.campaign?.cities.find((c) => c.id === id)?.name ?? null };
  };
  const tasks = new Map((model.campaign?.allTasks ?? []).map((task) => [task.id, task]));
  const indicators = new Map((model.campaign?.indicators ?? []).map((i) => [i.id, i]));

  const compileTask = (task: Task): unknown => ({
    id: task.id,
    title: task.title,
    parent: task.parent ?? null,
    subtasks: task.subtasks.map(compileTask),
    source: sourceOf(task.origin),
  });
  const compileIndicator = (i: Indicator) => ({ id: i.id, name: i.name, unit: i.unit ?? null, better: i.better ?? null, required: i.required, source: sourceOf(i.origin) });
  const compileCampaign = (c: Campaign) => ({
    id: c.id,
    title: c.title,
    version: 1,
    issuer: owner(c.issuer),
    period: c.period ?? null,
    cities: c.cities.map((city) => ({ id: city.id, name: city.name, source: sourceOf(city.origin) })),
    tasks: c.tasks.map(compileTask),
    leafTasks: c.leafTasks.map((task) => task.id),
    indicators: c.indicators.map(compileIndicator),
    source: sourceOf(c.origin),
  });
  const compileOwner = (o: Owner) => ({
    id: o.id,
    name: o.name,
    city: cityRef(o.city),
    parent: o.parent ? { id: o.parent, name: model.ownersById.get(o.parent)?.name ?? null } : null,
    aliases: o.aliases,
    source: sourceOf(o.origin),
  });
  const compileMeasure = (m: Measure) => {
    const duty = measureDuty(m);
    return {
      text: m.text,
      lead: owner(duty.lead),
      support: duty.support.map((s) => owner(s)!),
      due: duty.due ?? null,
      inherited: { lead: m.lead === undefined, support: m.support.length === 0, due: m.due === undefined },
      source: sourceOf(m.origin),
    };
  };
  // the status against the latest progress (plan-format.md, "Target status"): not-achieved once past due
  const compileStatus = (tg: Target) => {
    const st = targetStatus(tg, model);
    return { status: st.status, latest: st.latest ?? null, latestDate: st.latestDate ?? null };
  };
  const compileTarget = (tg: Target) => {
    const form = tg.target;
    let compared: { id: string; name: string | null; sort: 'target' | 'indicator' | null } | null = null;
    if (form?.form === 'relative') {
      const other = model.targetsById.get(form.than);
      const ind = indicators.get(form.than);
      compared = { id: form.than, name: other?.name ?? ind?.name ?? null, sort: other ? 'target' : ind ? 'indicator' : null };
    }
    const ind = tg.indicator ? indicators.get(tg.indicator) : undefined;
    return {
      id: tg.id,
      name: tg.name,
      indicator: tg.indicator ? { id: tg.indicator, name: ind?.name ?? null, unit: ind?.unit ?? null, better: ind?.better ?? null } : null,
      unit: tg.unit ?? ind?.unit ?? null,
      better: tg.better ?? null,
      per: tg.per ?? null,
      baseline: tg.baseline ? { value: tg.baseline.value, date: tg.baseline.date ?? null, text: tg.baseline.text ?? null } : null,
      target: form ? compileForm(form, compared) : null,
      wording: { zh: targetWording(tg, model, 'zh'), en: targetWording(tg, model, 'en') },
      due: tg.due ?? tg.action.due ?? null,
      nature: tg.nature,
      status: compileStatus(tg),
      source: sourceOf(tg.origin),
    };
  };
  const compileAction = (a: Action) => ({
    id: a.id,
    title: a.title,
    tasks: a.tasks.map((id) => ({ id, title: tasks.get(id)?.title ?? null })),
    track: a.track ?? null,
    lead: owner(a.lead),
    support: a.support.map((s) => owner(s)!),
    due: a.due ?? null,
    measures: a.measures.map(compileMeasure),
    targets: a.targets.map(compileTarget),
    source: sourceOf(a.origin),
  });
  const compileProgress = (r: ProgressReport) => {
    const plan = model.plans.get(r.city);
    return {
      campaign: r.campaign || null,
      city: cityRef(r.city),
      asOf: r.asOf,
      version: 1,
      values: r.values.map((v) => {
        const tg = model.targetsById.get(v.target);
        return {
          target: { id: v.target, name: tg?.name ?? null, action: tg?.action.id ?? null },
          value: v.value ?? null,
          units: v.units
            ? Object.entries(v.units).map(([unit, value]) => ({ unit: { id: unit, name: plan?.units.find((u) => u.id === unit)?.name ?? null }, value }))
            : null,
          note: v.note ?? null,
          source: sourceOf(v.origin),
        };
      }),
      source: sourceOf(r.origin),
    };
  };

  return {
    $schema: COMPILED_SCHEMA_ID,
    version: 1,
    errorCount,
    files: model.files.map((f) => f.path),
    campaign: model.campaign ? compileCampaign(model.campaign) : null,
    owners: model.owners.map(compileOwner),
    plans: [...model.plans.values()].map((plan) => ({
      campaign: plan.campaign ? { id: plan.campaign, title: model.campaigns.find((c) => c.id === plan.campaign)?.title ?? null } : null,
      city: cityRef(plan.city)!,
      version: 1,
      title: plan.title ?? null,
      owner: owner(plan.owner),
      adopted: plan.adopted ?? null,
      units: plan.units.map((u) => ({ id: u.id, name: u.name, source: sourceOf(u.origin) })),
      actions: actionsInOrder(plan).map(compileAction),
      sources: plan.docs.map((doc) => sourceOf({ doc, path: [] })),
      source: sourceOf(plan.origin),
    })),
    progress: model.progress.map(compileProgress),
  };
}

export type CompiledDocument = ReturnType<typeof compileModel>;

function compileForm(form: NonNullable<Target['target']>, compared: unknown) {
  const text = 'text' in form ? form.text ?? null : null;
  switch (form.form) {
    case 'level':
      return { form: 'level', op: form.op, value: form.value, tolerance: form.op === '~' ? form.tolerance ?? Math.abs(form.value) * DEFAULT_TOLERANCE_SHARE : form.tolerance ?? null, text };
    case 'range':
      return { form: 'range', min: form.min, max: form.max, text };
    case 'change':
    case 'annual':
      return { form: form.form === 'change' ? 'change' : 'annual_change', change: form.raw, amount: form.amount, percent: form.percent, text };
    case 'relative':
      return { form: 'relative', op: form.op, than: compared, tolerance: form.tolerance ?? null, text };
    case 'qualitative':
      return { form: 'qualitative', text: form.text };
  }
}
