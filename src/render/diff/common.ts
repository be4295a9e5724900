/** What the diff formats share: the place of a change as a reviewer reads it, city headings, the summary line. */
import type { Change, DiffReport } from '../../diff/types.js';
import { tr, type Lang } from '../../i18n/index.js';

/** `hangzhou/plan.yaml:40:17`, with `(old)` for a place in OLD. */
export function placeText(change: Change, lang: Lang, withColumn = true): string {
  const p = change.place;
  const at = `${p.file}:${p.line}${withColumn ? `:${p.column}` : ''}`;
  return change.side === 'old' ? at + tr(lang, 'diff/in-old') : at;
}

/** `杭州市（hangzhou）`; the repository as a whole for a change of no city. */
export function cityHeading(report: DiffReport, city: string | undefined, lang: Lang): string {
  if (city === undefined) return tr(lang, 'diff/repository');
  const name = report.cityNames[city];
  return name && name !== city ? tr(lang, 'gaps/city', { name, city }) : city;
}

/** The city's name alone (for a table cell). */
export function cityName(report: DiffReport, city: string | undefined, lang: Lang): string {
  if (city === undefined) return tr(lang, 'diff/repository');
  return report.cityNames[city] ?? city;
}

/** Changes in groups of one city each, in the report's order (already by city). */
export function byCity(changes: readonly Change[]): [string | undefined, Change[]][] {
  const groups: [string | undefined, Change[]][] = [];
  for (const c of changes) {
    const last = groups[groups.length - 1];
    if (last && last[0] === c.city) last[1].push(c);
    else groups.push([c.city, [c]]);
  }
  return groups;
}

export function countsLine(report: DiffReport, lang: Lang): string {
  return tr(lang, 'diff/counts', { ...report.counts });
}
