/**
 * The filters of `plans gaps` and `plans table targets`: what an owner leads or supports, and
 * targets of chosen statuses. One implementation, used by both reports.
 */
import type { Action, Model } from '../model/types.js';
import { measureDuty } from './plan.js';
import type { StatusName } from './types.js';

export const STATUS_NAMES: readonly StatusName[] = ['achieved', 'on-track', 'at-risk', 'off-track', 'not-achieved', 'no-data', 'not-quantified'];

export interface TargetFilter {
  /** An owner id: only what it (or an owner under it, by `parent`) leads or supports. */
  owner?: string;
  /** Only targets with one of these statuses. */
  statuses?: readonly StatusName[];
}

/** Every owner id a filter may name: those defined, then those named as lead or support without a definition. */
export function knownOwners(model: Model): string[] {
  const ids = new Set(model.owners.map((o) => o.id));
  for (const action of model.actions) {
    if (action.lead) ids.add(action.lead);
    for (const s of action.support) ids.add(s);
    for (const m of action.measures) {
      if (m.lead) ids.add(m.lead);
      for (const s of m.support) ids.add(s);
    }
  }
  return [...ids];
}

/**
 * The owner and every owner below it (a bureau and its divisions): asking for 宁波市司法局
 * shows what its divisions lead too, since the bureau answers for them.
 */
export function ownerScope(model: Model, owner: string): Set<string> {
  const scope = new Set([owner]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of model.owners) {
      if (o.parent && scope.has(o.parent) && !scope.has(o.id)) {
        scope.add(o.id);
        grew = true;
      }
    }
  }
  return scope;
}

/** Whether an owner of `scope` leads or supports the action or one of its measures. */
export function actionInvolves(action: Action, scope: ReadonlySet<string>): boolean {
  if (action.lead && scope.has(action.lead)) return true;
  if (action.support.some((s) => scope.has(s))) return true;
  return action.measures.some((m) => {
    const duty = measureDuty(m);
    return (duty.lead !== undefined && scope.has(duty.lead)) || duty.support.some((s) => scope.has(s));
  });
}

/** The test an action passes under the filter (every action without --owner). */
export function actionFilter(model: Model, filter: TargetFilter | undefined): (action: Action) => boolean {
  if (!filter?.owner) return () => true;
  const scope = ownerScope(model, filter.owner);
  return (action) => actionInvolves(action, scope);
}

/** The test a target's status passes under the filter (every status without --status). */
export function statusFilter(filter: TargetFilter | undefined): (status: StatusName) => boolean {
  if (!filter?.statuses || filter.statuses.length === 0) return () => true;
  const wanted = new Set(filter.statuses);
  return (status) => wanted.has(status);
}
