/** The gap report as JSON, in the shape cli.md fixes (plus `actionsWithoutLead`, `units`/`unitsShort` on per-unit targets, and `dueSoon`: what falls due next). */
import type { TargetStatus } from '../../domain/types.js';
import type { GapFormatter } from './types.js';

/** Shares and computed values rounded so that float noise does not reach programs (0.4959, 5834.43). */
const round = (x: number | undefined, places: number) => (x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(places)));

function targetJson(s: TargetStatus): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: s.target.id,
    status: s.status,
    baseline: s.baseline ?? null,
    target: round(s.goal, 6),
    latest: s.latest ?? null,
    latestDate: s.latestDate ?? null,
    progress: round(s.progress, 4),
    elapsed: round(s.elapsed, 4),
  };
  if (s.units) {
    out.units = s.units.map((u) => ({ unit: u.unit, status: u.status, latest: u.latest ?? null, progress: round(u.progress, 4) }));
    out.unitsShort = s.unitsShort ?? [];
  }
  return out;
}

export const json: GapFormatter = (report) => {
  const doc = {
    campaign: report.campaign ?? null,
    asOf: report.asOf ?? null,
    cities: report.cities.map((c) => ({
      city: c.city,
      tasksNotCovered: c.tasksNotCovered.map((x) => x.id),
      actionsWithoutTarget: c.actionsWithoutTarget.map((a) => a.id),
      actionsWithoutLead: c.actionsWithoutLead.map((a) => a.id),
      requiredIndicatorsMissing: c.requiredIndicatorsMissing.map((i) => i.id),
      targets: c.targets.map(targetJson),
    })),
  };
  if (report.dueSoon) {
    const due = report.dueSoon;
    Object.assign(doc, {
      dueSoon: {
        from: due.from,
        until: due.until,
        days: due.days,
        items: due.items.map((x) => ({
          kind: x.kind,
          city: x.city,
          action: x.action.id,
          ...(x.measure !== undefined ? { measure: x.measure } : {}),
          ...(x.target !== undefined ? { target: x.target } : {}),
          text: x.text,
          due: x.due,
          lead: x.lead ?? null,
          support: x.support,
          ...(x.status !== undefined ? { status: x.status } : {}),
        })),
      },
    });
  }
  return JSON.stringify(doc, null, 2) + '\n';
};
