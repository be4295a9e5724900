/**
 * unknown-reference: an id that names nothing. Each reference is checked against its sort only when
 * the repository defines something of that sort (a campaign, owners), so that linting a lone
 * plan file does not flag every owner it names.
 */
import { t } from '../i18n/index.js';
import type { Campaign, Model, Origin } from '../model/types.js';
import type { SourceDoc } from '../load/source.js';
import { isRecord } from '../load/parse.js';
import type { Path } from '../types.js';
import { closest } from '../util/closest.js';
import { defineRule, type RuleContext } from './types.js';
import { byName, cityKnown, cityName, docField, locatedFix, nameOfId, planUnread, reportUnknown } from './shared.js';

/** `item.origin` is read only for a finding: a measure makes its origin when asked. */
function checkOwners(ctx: RuleContext, owners: Set<string>, item: { readonly origin: Origin }, lead: string | undefined, support: string[], city: string): void {
  if ((lead === undefined || owners.has(lead)) && allKnown(owners, support)) return;
  // a file read only as context: its findings are not reported, so no suggestion is looked for
  if (ctx.wants && !ctx.wants(item.origin)) return;
  // a typo is most likely of an owner of the plan's own city
  const nearer = () => [ctx.model.owners.filter((o) => o.city === city).map((o) => o.id)];
  if (lead !== undefined && !owners.has(lead)) reportUnknown(ctx, item.origin, ['lead'], 'owner', lead, owners, nearer());
  support.forEach((s, i) => {
    if (!owners.has(s)) reportUnknown(ctx, item.origin, ['support', i], 'owner', s, owners, nearer());
  });
}

/** Whether every id is in the set (a loop: this runs for every action and measure). */
function allKnown(known: Set<string>, ids: readonly string[]): boolean {
  for (let i = 0; i < ids.length; i++) if (!known.has(ids[i])) return false;
  return true;
}

function checkCampaignRef(ctx: RuleContext, model: Model, origin: Origin, id: unknown): void {
  const campaign = model.campaign;
  if (!campaign || typeof id !== 'string' || id === campaign.id) return;
  if (model.campaigns.some((c) => c.id === id)) return;
  ctx.report(origin, t('unknown-reference/campaign-mismatch', { id, campaign: campaign.id }), { at: ['campaign'] });
}

/** The campaign's city ids as a set, made once: every plan and report names its city, and a province may have many. */
const citySets = new WeakMap<Campaign, Set<string>>();
function cityIds(campaign: Campaign): Set<string> {
  let set = citySets.get(campaign);
  if (!set) citySets.set(campaign, (set = new Set(campaign.cities.map((c) => c.id))));
  return set;
}

function checkCityRef(ctx: RuleContext, model: Model, origin: Origin, id: unknown): void {
  const campaign = model.campaign;
  if (!campaign || typeof id !== 'string') return;
  if (cityIds(campaign).has(id)) return;
  if (ctx.wants && !ctx.wants(origin)) return;
  const cities = campaign.cities.map((c) => c.id);
  const hit = byName(model, 'city', id);
  if (hit) {
    ctx.report(origin, t('unknown-reference/by-name', { sort: t('sort/city'), written: id, id: hit.id, how: t(`how/${hit.how}`), fix: locatedFix(origin, ['city'], hit.id) }), { at: ['city'] });
    return;
  }
  const suggestion = closest(id, cities) ?? '';
  ctx.report(origin, t('unknown-reference/city-not-in-campaign', { id, campaign: campaign.id, suggestion, suggestionName: suggestion ? nameOfId(model, 'city', suggestion) : '' }), { at: ['city'] });
}

/** The owner ids a document names, in document order, with the path of each. */
function ownerRefs(model: Model, doc: SourceDoc): { id: string; origin: Origin; at: Path }[] {
  const out: { id: string; origin: Origin; at: Path }[] = [];
  if (doc.kind === 'Campaign') {
    const issuer = model.campaigns.find((c) => c.origin.doc === doc)?.issuer;
    if (issuer) out.push({ id: issuer, origin: { doc, path: [] }, at: ['issuer'] });
    return out;
  }
  if (doc.kind !== 'Plan') return out;
  const owner = docField(doc, 'owner');
  if (typeof owner === 'string') out.push({ id: owner, origin: { doc, path: [] }, at: ['owner'] });
  const plan = model.plans.get(docField(doc, 'city') as string);
  for (const action of plan?.actions ?? []) {
    if (action.origin.doc !== doc) continue;
    const add = (item: { readonly origin: Origin }, lead: string | undefined, support: string[]) => {
      if (lead !== undefined) out.push({ id: lead, origin: item.origin, at: ['lead'] });
      support.forEach((s, i) => out.push({ id: s, origin: item.origin, at: ['support', i] }));
    };
    add(action, action.lead, action.support);
    for (const m of action.measures) add(m, m.lead, m.support);
  }
  return out;
}

/**
 * A whole kind missing: no campaign (each Plan and Progress document, at its `campaign`), or no
 * owners while owner ids are named (each document, at its first owner id). One finding per
 * document, not one per reference.
 */
function missingKinds(ctx: RuleContext, model: Model, hasOwners: boolean): void {
  const unread = model.unread;
  const docs = model.files.flatMap((f) => f.docs).filter((d) => d.parsed && d.kind && isRecord(d.value));
  if (!model.campaign && !unread.campaign) {
    for (const doc of docs) {
      if (doc.kind !== 'Plan' && doc.kind !== 'Progress') continue;
      const id = docField(doc, 'campaign');
      ctx.report({ doc, path: [] }, t('unknown-reference/no-campaign', { id: typeof id === 'string' ? id : '' }), { at: typeof id === 'string' ? ['campaign'] : [] });
    }
  }
  const anyOwners = model.files.some((f) => f.docs.some((d) => d.kind === 'Owners'));
  if (hasOwners || anyOwners || unread.owners || unread.campaign) return;
  for (const doc of docs) {
    const refs = ownerRefs(model, doc);
    if (refs.length > 0) ctx.report(refs[0].origin, t('unknown-reference/no-owners', { id: refs[0].id, count: refs.length }), { at: refs[0].at });
  }
}

export const unknownReference = defineRule({
  id: 'unknown-reference',
  severity: 'error',
  description: t('rule/unknown-reference'),
  messages: ['unknown-reference/unknown', 'unknown-reference/city-not-in-campaign', 'unknown-reference/campaign-mismatch', 'unknown-reference/target-of-other-city', 'unknown-reference/unit-not-in-plan', 'unknown-reference/no-campaign', 'unknown-reference/no-owners', 'unknown-reference/by-name'],
  reads: { scope: 'repository', references: ['campaign', 'city', 'task', 'indicator', 'owner', 'target', 'unit'] },
  check(ctx) {
    const { model } = ctx;
    const campaign = model.campaign;
    // where a document could not be read, what it would have defined is not known: say nothing of it
    const unread = model.unread;
    const hasOwners = model.files.some((f) => f.docs.some((d) => d.kind === 'Owners')) && !unread.owners && !unread.campaign;
    const campaignRead = !unread.campaign;
    const anyPlanUnread = unread.anyPlan || unread.plansOf.size > 0 || unread.campaign;
    const owners = new Set(model.owners.map((o) => o.id));
    const tasks = new Set((campaign?.allTasks ?? []).map((x) => x.id));
    const indicators = new Set((campaign?.indicators ?? []).map((x) => x.id));
    const cities = (campaign?.cities ?? []).map((c) => c.id);
    const citySet = new Set(cities);

    if (ctx.complete) missingKinds(ctx, model, hasOwners);

    // the campaign and the owners
    if (campaign && hasOwners && campaign.issuer && !owners.has(campaign.issuer)) {
      reportUnknown(ctx, campaign.origin, ['issuer'], 'owner', campaign.issuer, owners);
    }
    for (const o of model.owners) {
      if (hasOwners && o.parent !== undefined && !owners.has(o.parent)) reportUnknown(ctx, o.origin, ['parent'], 'owner', o.parent, owners);
      if (campaign && campaignRead && o.city !== undefined && !citySet.has(o.city)) reportUnknown(ctx, o.origin, ['city'], 'city', o.city, cities);
    }

    // plans: every document's campaign and city, then what their actions name
    for (const plan of model.plans.values()) {
      for (const doc of plan.docs) {
        const origin = { doc, path: [] };
        checkCampaignRef(ctx, model, origin, docField(doc, 'campaign'));
        checkCityRef(ctx, model, origin, docField(doc, 'city'));
        const owner = docField(doc, 'owner');
        if (hasOwners && typeof owner === 'string' && !owners.has(owner)) reportUnknown(ctx, origin, ['owner'], 'owner', owner, owners);
      }
      for (const action of plan.actions) {
        if (campaign && campaignRead) {
          action.tasks.forEach((task, i) => {
            if (!tasks.has(task)) reportUnknown(ctx, action.origin, ['tasks', i], 'task', task, tasks);
          });
        }
        if (hasOwners) {
          checkOwners(ctx, owners, action, action.lead, action.support, action.city);
          for (const m of action.measures) checkOwners(ctx, owners, m, m.lead, m.support, action.city);
        }
        for (const target of action.targets) {
          if (campaign && campaignRead && target.indicator !== undefined && !indicators.has(target.indicator)) {
            reportUnknown(ctx, target.origin, ['indicator'], 'indicator', target.indicator, indicators);
          }
          if (target.target?.form === 'relative' && !anyPlanUnread) {
            const than = target.target.than;
            if (!model.targetsById.has(than) && !indicators.has(than)) {
              reportUnknown(ctx, target.origin, ['target', 'than'], 'indicator-or-target', than, [...model.targetsById.keys(), ...indicators], [
                action.targets.map((x) => x.id),
                plan.actions.flatMap((a) => a.targets.map((x) => x.id)),
              ]);
            }
          }
        }
      }
    }

    // progress reports: campaign, city, and the targets and units they report on
    const targetsOfCity = new Map<string, string[]>();
    for (const x of model.targets) {
      const list = targetsOfCity.get(x.city);
      if (list) list.push(x.id);
      else targetsOfCity.set(x.city, [x.id]);
    }
    for (const report of model.progress) {
      checkCampaignRef(ctx, model, report.origin, docField(report.origin.doc, 'campaign'));
      checkCityRef(ctx, model, report.origin, report.city);
      // a report of an unknown city: that is its one finding, not one per value
      if (!cityKnown(model, report.city)) continue;
      const plan = model.plans.get(report.city);
      const cityTargets = targetsOfCity.get(report.city) ?? [];
      for (const v of report.values) {
        if (ctx.wants && !ctx.wants(v.origin)) continue; // context only: nothing of it is reported
        const target = model.targetsById.get(v.target);
        if (!target && planUnread(model, report.city)) continue;
        if (!target) {
          reportUnknown(ctx, v.origin, ['target'], 'target', v.target, cityTargets.length ? cityTargets : model.targetsById.keys());
          continue;
        }
        if (target.city !== report.city) {
          // a plan meant for this city but naming an unknown one (city: ningpo): its city is reported, once
          if (!cityKnown(model, target.city) && planUnread(model, report.city)) continue;
          ctx.report(
            v.origin,
            t('unknown-reference/target-of-other-city', {
              id: v.target,
              owner: cityName(model, target.city),
              city: cityName(model, report.city),
              suggestion: closest(v.target, cityTargets) ?? '',
              suggestionName: model.targetsById.get(closest(v.target, cityTargets) ?? '')?.name ?? '',
            }),
            { at: ['target'] },
          );
          continue;
        }
        if (v.units && plan) {
          const units = plan.units.map((u) => u.id);
          const known = new Set(units);
          for (const key of Object.keys(v.units)) {
            if (!known.has(key)) {
              const named = plan.units.filter((u) => u.name === key);
              if (named.length === 1) {
                ctx.report(v.origin, t('unknown-reference/by-name', { sort: t('sort/unit'), written: key, id: named[0].id, how: t('how/name'), fix: locatedFix(v.origin, ['units', key], named[0].id, true) }), { at: ['units', key], key: true });
                continue;
              }
              const suggestion = closest(key, units) ?? '';
              ctx.report(v.origin, t('unknown-reference/unit-not-in-plan', { id: key, city: cityName(model, report.city), suggestion, suggestionName: plan.units.find((u) => u.id === suggestion)?.name ?? '' }), {
                at: ['units', key],
                key: true,
              });
            }
          }
        }
      }
    }
  },
});
