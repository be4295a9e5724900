/**
 * What hovering over an id shows, as Markdown: its sort, id and name, and for an owner its city,
 * parent and duties; for a target its wording, baseline, latest progress and status. Names,
 * wording and status come from src/domain, the one implementation each.
 */
import { baselineWording, cityName, latestProgress, ownerName, targetStatus, targetWording, unitName } from '../domain/index.js';
import { numberAsWritten } from '../domain/plan.js';
import { tr, type Lang, type MessageId } from '../i18n/index.js';
import type { Model } from '../model/types.js';
import { formatNumber } from '../util/number.js';
import { referencesTo, type Defined, type ReferenceKeys, type Sort } from './references.js';

/** `名称（id）` (`name (id)` in English), or the id alone when the name is the id. */
function namedIn(lang: Lang): (name: string, id: string) => string {
  return (name, id) => (name && name !== id ? (lang === 'zh' ? `${name}（${id}）` : `${name} (${id})`) : id);
}

function md(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/** The Markdown of a hover over `defined` (the place of its definition given as `place`). */
export function hoverText(model: Model, defined: Defined, lang: Lang, keys: ReferenceKeys, place: string): string {
  const { sort, id } = defined;
  const named = namedIn(lang);
  const lines: string[] = [];
  const line = (msg: MessageId, data: Record<string, unknown>) => lines.push(md(tr(lang, msg, data)));
  const head = (name: string | undefined) => `**${md(tr(lang, `sort/${sort}` as MessageId))}** \`${id}\`${name && name !== id ? ` ${md(name)}` : ''}`;
  let title = head(undefined);
  switch (sort) {
    case 'owner': {
      const owner = model.ownersById.get(id)!;
      title = head(owner.name);
      if (owner.city) line('lsp/hover/city', { city: named(cityName(model, owner.city), owner.city) });
      if (owner.parent) line('lsp/hover/parent', { parent: named(ownerName(model, owner.parent), owner.parent) });
      if (owner.aliases.length) line('lsp/hover/aliases', { aliases: owner.aliases });
      const refs = referencesTo(model, 'owner', id, keys);
      const by = (key: string) => refs.filter((r) => r.path.some((s) => s === key)).length;
      line('lsp/hover/duties', { lead: by('lead'), support: by('support') });
      break;
    }
    case 'target': {
      const target = model.targets.find((t) => t.origin === defined.origin)!;
      title = head(target.name);
      line('lsp/hover/action', { action: named(target.action.title, target.action.id) });
      const wording = targetWording(target, model, lang);
      // the unit after a wording made from the numbers; a drafted text says it in its own words
      const drafted = target.target?.text !== undefined || target.target?.form === 'qualitative';
      if (wording) line('lsp/hover/wording', { wording: target.unit && !drafted ? `${wording} ${target.unit}` : wording });
      const baseline = baselineWording(target);
      if (baseline) line('lsp/hover/baseline', { baseline: target.baseline?.date ? named(baseline, target.baseline.date) : baseline });
      const latest = latestProgress(model, target);
      if (latest?.value !== undefined) line('lsp/hover/latest', { value: numberAsWritten(latest.origin, ['value'], latest.value), date: latest.report.asOf });
      else if (latest?.units) line('lsp/hover/latest', { value: Object.entries(latest.units).map(([u, v]) => `${unitName(target.action.plan, u)} ${formatNumber(v)}`).join(lang === 'zh' ? '，' : ', '), date: latest.report.asOf });
      else line('lsp/hover/no-progress', {});
      const status = targetStatus(target, model).status;
      line('lsp/hover/status', { status: tr(lang, `tables/status/${status}` as MessageId) });
      if (target.due) line('lsp/hover/due', { due: target.due });
      break;
    }
    case 'action': {
      const action = model.actions.find((a) => a.origin === defined.origin)!;
      title = head(action.title);
      if (action.lead) line('lsp/hover/lead', { lead: named(ownerName(model, action.lead), action.lead) });
      if (action.due) line('lsp/hover/due', { due: action.due });
      break;
    }
    case 'task': {
      const task = model.campaign!.allTasks.find((t) => t.id === id)!;
      title = head(task.title);
      if (task.parent) {
        const parent = model.campaign!.allTasks.find((t) => t.id === task.parent);
        line('lsp/hover/parent-task', { task: named(parent?.title ?? '', task.parent) });
      }
      break;
    }
    case 'indicator': {
      const indicator = model.campaign!.indicators.find((i) => i.id === id)!;
      title = head(indicator.name);
      if (indicator.unit) line('lsp/hover/unit', { unit: indicator.unit });
      if (indicator.required) line('lsp/hover/required', {});
      break;
    }
    case 'city': {
      title = head(cityName(model, id));
      const plan = model.plans.get(id);
      if (plan?.title) line('lsp/hover/plan', { title: plan.title });
      break;
    }
    case 'campaign': {
      const campaign = model.campaigns.find((c) => c.origin === defined.origin)!;
      title = head(campaign.title);
      if (campaign.period) line('lsp/hover/period', { start: campaign.period.start, end: campaign.period.end });
      if (campaign.issuer) line('lsp/hover/issuer', { issuer: named(ownerName(model, campaign.issuer), campaign.issuer) });
      break;
    }
    case 'unit': {
      const plan = [...model.plans.values()].find((p) => p.units.some((u) => u.origin === defined.origin));
      title = head(unitName(plan, id));
      if (plan) line('lsp/hover/city', { city: named(cityName(model, plan.city), plan.city) });
      break;
    }
  }
  line('lsp/hover/defined-at', { place });
  return [title, '', ...lines.map((l) => `- ${l}`)].join('\n');
}

/** The hover over an id that names nothing of its sort. */
export function unknownText(sort: Sort, id: string, lang: Lang): string {
  return (tr(lang, 'lsp/hover/unknown', { sort: tr(lang, `sort/${sort}` as MessageId), id }));
}
