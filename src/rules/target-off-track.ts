/**
 * target-off-track: the latest status of a target is off-track (at-risk is left to the gap report,
 * being within the margin), or its due date has passed and it is not achieved. Points at the `target:` value of the progress entry that shows it.
 */
import { t } from '../i18n/index.js';
import { latestProgress, pastDue, progressOf, targetStatus } from '../domain/status.js';
import type { Origin } from '../model/types.js';
import { defineRule } from './types.js';
import { targetProblems } from './invalid-target.js';

const round = (x: number | undefined) => (x === undefined ? '—' : String(Math.round(x * 1000) / 1000));

export const targetOffTrack = defineRule({
  id: 'target-off-track',
  severity: 'warning',
  description: t('rule/target-off-track'),
  messages: ['target-off-track/off-track', 'target-off-track/off-track-units', 'target-off-track/slipped', 'target-off-track/not-achieved', 'target-off-track/not-achieved-units'],
  reads: { scope: 'references', references: ['target', 'unit', 'city'] },
  check(ctx) {
    const { model } = ctx;
    for (const target of model.targets) {
      if (model.targetsById.get(target.id) !== target) continue; // a duplicate id: duplicate-id says so
      if (targetProblems(target, model).length > 0) continue; // cannot be judged: invalid-target says so
      // where a finding would point comes first: without progress, or in a file that is only context, the status is not needed
      let origin: Origin | undefined;
      if (target.per === 'unit') {
        // the latest entry that gives units for it
        for (const v of progressOf(model, target)) if (v.units) origin = v.origin;
      } else {
        origin = latestProgress(model, target)?.origin;
      }
      if (!origin || (ctx.wants && !ctx.wants(origin))) continue;
      const status = targetStatus(target, model);
      if (status.status !== 'off-track' && status.status !== 'not-achieved') continue;
      // not-achieved before the due date is a target without baseline: nothing to say until its time is up
      if (status.status === 'not-achieved' && !pastDue(status.due, status.latestDate)) continue;
      const date = status.latestDate ?? '';
      let message;
      const unitName = (u: string) => target.action.plan.units.find((x) => x.id === u)?.name ?? u;
      if (status.status === 'not-achieved') {
        const short = status.units?.filter((u) => u.status === 'not-achieved').map((u) => unitName(u.unit)) ?? [];
        message = short.length
          ? t('target-off-track/not-achieved-units', { target: target.id, date, due: status.due ?? '', units: short })
          : t('target-off-track/not-achieved', { target: target.id, date, due: status.due ?? '', latest: round(status.latest), goal: round(status.goal) });
      } else if (status.units) message = t('target-off-track/off-track-units', { target: target.id, date, units: status.units.filter((u) => u.status === 'off-track').map((u) => unitName(u.unit)) });
      else if (status.progress === undefined) message = t('target-off-track/slipped', { target: target.id, date, latest: round(status.latest) });
      else {
        message = t('target-off-track/off-track', {
          target: target.id,
          date,
          progress: status.progress,
          elapsed: status.elapsed,
          baseline: round(status.baseline),
          goal: round(status.goal),
          latest: round(status.latest),
        });
      }
      ctx.report(origin, message, { at: ['target'] });
    }
  },
});
