/** The cells of the gap report, shared by every format: numbers, wording of targets, statuses. */
import { displayWidth, graphemeSegments } from '../width.js';
import { unitName as unitNameIn } from '../../domain/names.js';
import { wordTarget } from '../../domain/wording.js';
import { tr, type Lang } from '../../i18n/index.js';
import type { TargetStatus, StatusName } from '../../domain/types.js';
import type { CityGaps, GapReport } from '../../gaps/report.js';
import type { DueSoon } from '../../gaps/due-soon.js';

/** A number without float noise (0.1 + 0.2 prints 0.3; 4800 × 1.05⁴ prints 5834.43). */
export function num(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  return String(Number(value.toPrecision(12)));
}

/** A share as a percentage with one decimal (0.4959 → 49.6%). */
export function share(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  return `${(value * 100).toFixed(1)}%`;
}

const OP_SIGN: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', '~': '≈' };

/** The target as a rule with T worked out where the form needs it: `≥ 15`, `+20% → 6240`, `> WZ-03-K2 (96.7)` (domain/wording.ts combines the parts). */
export function targetCell(s: TargetStatus, lang: Lang): string {
  const goal = s.goal;
  return wordTarget(s.target, {
    level: (op, value) => `${OP_SIGN[op]} ${num(value)}`,
    range: (min, max) => tr(lang, 'gaps/form/range', { min: num(min), max: num(max) }),
    change: (raw) => (goal !== undefined ? tr(lang, 'gaps/form/change', { change: raw, goal: num(goal) }) : raw),
    annual: (raw) => (goal !== undefined ? tr(lang, 'gaps/form/annual', { change: raw, goal: num(goal) }) : raw),
    relative: (op, than) => tr(lang, goal !== undefined ? 'gaps/form/relative-value' : 'gaps/form/relative', { op: OP_SIGN[op], than, goal: num(goal) }),
    tolerance: (wording, tolerance) => tr(lang, 'gaps/form/tolerance', { wording, tolerance: num(tolerance) }),
    perUnit: (wording) => tr(lang, 'gaps/form/per-unit', { wording }),
  });
}

/**
 * The baseline as drafted: its `text` when given (printed instead of its number), else the number.
 * A text that does not show the number gets it in brackets, since the method needs b to check a figure.
 */
export function baselineCell(s: TargetStatus, lang: Lang = 'en'): string {
  const b = s.target.baseline;
  if (!b) return '';
  if (b.text === undefined) return num(b.value);
  const n = num(b.value);
  const shown = new RegExp(`(?<![\\d.])${n.replace(/[.+-]/g, (c) => `\\${c}`)}(?![\\d.])`).test(b.text);
  return shown ? b.text : lang === 'zh' ? `${b.text}（${n}）` : `${b.text} (${n})`;
}

/** The latest value; for a per-unit target, the worst unit's value and name. */
export function latestCell(s: TargetStatus, lang: Lang = 'en'): string {
  if (s.latest === undefined) return '';
  if (s.units) {
    const worst = s.units.find((u) => u.latest === s.latest && u.progress === s.progress);
    const name = worst ? unitName(s, worst.unit) : '';
    if (!name) return num(s.latest);
    return lang === 'zh' ? `${num(s.latest)}（${name}）` : `${num(s.latest)} (${name})`;
  }
  return num(s.latest);
}

/** A unit's name from its plan, else its id. */
export function unitName(s: TargetStatus, unit: string): string {
  return unitNameIn(s.target.action.plan, unit);
}

export function statusName(status: StatusName, lang: Lang): string {
  return tr(lang, `gaps/status/${status}`);
}

/** The row of a target, every cell a string, in column order. */
export interface TargetRow {
  id: string;
  name: string;
  baseline: string;
  target: string;
  due: string;
  latest: string;
  date: string;
  progress: string;
  elapsed: string;
  status: StatusName;
}

export const COLUMNS: (keyof TargetRow)[] = ['id', 'name', 'baseline', 'target', 'due', 'latest', 'date', 'progress', 'elapsed', 'status'];

export function targetRow(s: TargetStatus, lang: Lang): TargetRow {
  return {
    id: s.target.id,
    name: s.target.name,
    baseline: baselineCell(s, lang),
    target: targetCell(s, lang),
    due: s.due ?? '',
    latest: latestCell(s, lang),
    date: s.latestDate ?? '',
    progress: share(s.progress),
    elapsed: share(s.elapsed),
    status: s.status,
  };
}

export function columnTitles(lang: Lang): string[] {
  return COLUMNS.map((c) => tr(lang, `gaps/col/${c}`));
}

/** The lines listing a city's missing pieces: [heading, items] with items already worded. */
export function gapLists(city: CityGaps, lang: Lang): [string, string[]][] {
  return [
    [tr(lang, 'gaps/tasks-not-covered'), city.tasksNotCovered.map((x) => `${x.id} ${x.title}`)],
    [tr(lang, 'gaps/actions-without-lead'), city.actionsWithoutLead.map((a) => `${a.id} ${a.title}`)],
    [tr(lang, 'gaps/actions-without-target'), city.actionsWithoutTarget.map((a) => `${a.id} ${a.title}`)],
    [tr(lang, 'gaps/required-missing'), city.requiredIndicatorsMissing.map((i) => `${i.id} ${i.name}`)],
  ];
}

/** The per-unit lines: for each per-unit target with units short, the units, their values and statuses. */
export function unitLines(city: CityGaps, lang: Lang): string[] {
  return city.targets
    .filter((s) => s.units && (s.unitsShort?.length ?? 0) > 0)
    .map((s) =>
      tr(lang, 'gaps/units-short', {
        target: s.target.id,
        units: s.units!
          .filter((u) => s.unitsShort!.includes(u.unit))
          .map((u) => tr(lang, 'gaps/unit-status', { name: unitName(s, u.unit), value: u.latest === undefined ? '—' : num(u.latest), status: statusName(u.status, lang) })),
      }),
    );
}

export function summaryLine(city: CityGaps, lang: Lang): string {
  return tr(lang, 'gaps/summary', { total: city.targets.length, counts: city.counts });
}

export function titleLine(report: GapReport, lang: Lang): string {
  // a printed report names the campaign by its title; the id only when there is no title
  const campaign = report.campaignTitle || report.campaign;
  return campaign ? tr(lang, 'gaps/title', { campaign }) : tr(lang, 'gaps/title-none');
}

export function asOfLine(report: GapReport, lang: Lang): string {
  return report.asOf ? tr(lang, 'gaps/as-of', { date: report.asOf }) : tr(lang, 'gaps/as-of-none');
}

/** Cuts a text to `width` terminal columns (CJK counts two), ending with … when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const segment of graphemeSegments(text)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return out + '…';
}

/** The row of an item that falls due, every cell a string. */
export interface DueRow {
  due: string;
  kind: string;
  city: string;
  item: string;
  lead: string;
  support: string;
  status?: StatusName;
}

export const DUE_COLUMNS: (keyof Omit<DueRow, 'status'>)[] = ['due', 'kind', 'city', 'item', 'lead', 'support'];

export function dueColumnTitles(lang: Lang): string[] {
  return DUE_COLUMNS.map((c) => tr(lang, `gaps/due/col/${c}`));
}

/** The heading of the section, with its dates. */
export function dueHeading(due: DueSoon, lang: Lang): string {
  return tr(lang, 'gaps/due-soon', { from: due.from, until: due.until });
}

/** The rows of what falls due: `NB-01 第 1 项举措：…`, a target with its status. */
export function dueRows(due: DueSoon, lang: Lang): DueRow[] {
  return due.items.map((x) => {
    const ref =
      x.kind === 'measure' ? tr(lang, 'gaps/due/measure-ref', { action: x.action.id, n: x.measure }) : x.kind === 'target' ? x.target! : x.action.id;
    const sep = lang === 'zh' ? '：' : ': ';
    const status = x.status ? (lang === 'zh' ? `（${statusName(x.status, lang)}）` : ` (${statusName(x.status, lang)})`) : '';
    return {
      due: x.due,
      kind: tr(lang, `gaps/due/kind/${x.kind}`),
      city: x.cityName,
      item: `${ref}${x.text ? sep + x.text : ''}${status}`,
      lead: x.leadName ?? tr(lang, 'gaps/due/no-lead'),
      support: x.supportNames.join(lang === 'zh' ? '、' : ', '),
      status: x.status,
    };
  });
}

/** The line that says which filters made the report, if any. */
export function filterLine(report: GapReport, lang: Lang): string | undefined {
  const f = report.filter;
  if (!f || (!f.owner && !f.statuses?.length)) return undefined;
  const parts: string[] = [];
  if (f.owner) parts.push(tr(lang, 'gaps/filtered/owner', { owner: f.owner }));
  if (f.statuses?.length) parts.push(tr(lang, 'gaps/filtered/status', { statuses: f.statuses.map((s) => statusName(s, lang)) }));
  return tr(lang, 'gaps/filtered', { parts: parts.join(lang === 'zh' ? '；' : '; ') });
}
