/**
 * The charts of the gap report as inline SVG: a bullet chart per quantified target (progress p
 * against the time share e, 时间过半、任务过半), small multiples for `per: unit` targets, a status
 * summary per city and a coverage map of province tasks × cities.
 *
 * Every chart stands alone (its patterns in its own <defs>, ids made unique by `uid`) so that
 * the same picture can go into another document; none uses a script, a web font or any outside
 * resource. Status reads without colour too: each status has a fill pattern, a symbol and its
 * label printed beside it, so a black-and-white print says as much as the screen.
 */
import { tr, type Lang } from '../../i18n/index.js';
import { STATUS_ORDER, type CityGaps, type GapReport } from '../../gaps/report.js';
import { AT_RISK_MARGIN } from '../../domain/status.js';
import type { StatusName, TargetStatus } from '../../domain/types.js';
import { share, statusName, truncate, unitName } from './common.js';
import { wrapText } from '../wrap.js';

/** Colour of the fill, darker colour for text and symbols, and the pattern laid over the fill. */
interface StatusLook {
  fill: string;
  ink: string;
  /** What is drawn over the fill, in one tile of `size` units: the black-and-white cue. */
  pattern: 'solid' | 'stripes' | 'dots' | 'cross' | 'rows' | 'dashes' | 'plain';
  over: string;
}

export const STATUS_LOOK: Record<StatusName, StatusLook> = {
  achieved: { fill: '#1b5e20', ink: '#1b5e20', pattern: 'solid', over: '#1b5e20' },
  'on-track': { fill: '#43a047', ink: '#2e7d32', pattern: 'stripes', over: '#e8f5e9' },
  'at-risk': { fill: '#ffca28', ink: '#8a5a00', pattern: 'dots', over: '#5d4000' },
  'off-track': { fill: '#e53935', ink: '#b71c1c', pattern: 'cross', over: '#5f0000' },
  'not-achieved': { fill: '#8e2457', ink: '#880e4f', pattern: 'rows', over: '#f8d7e6' },
  'no-data': { fill: '#ffffff', ink: '#616161', pattern: 'dashes', over: '#9e9e9e' },
  'not-quantified': { fill: '#d6d6d6', ink: '#616161', pattern: 'plain', over: '#d6d6d6' },
};

/**
 * The status symbols as characters, for documents drawn without SVG (the Word report): the same
 * shapes as statusSymbol draws, taken from GB 2312 (√ ● ▲ ■ × ○ —) so that 仿宋 and 宋体 have them
 * on every office machine (Windows, 麒麟/统信 with WPS) without falling back to a symbol font.
 */
export const STATUS_GLYPH: Record<StatusName, string> = {
  achieved: '√',
  'on-track': '●',
  'at-risk': '▲',
  'off-track': '■',
  'not-achieved': '×',
  'no-data': '○',
  'not-quantified': '—',
};

/** The at-risk band behind a bar: a light fill with fine hatching, so it shows on grey paper too. */
export const BAND_LOOK = { fill: '#fff3c4', ink: '#a88410' };

/** Text made safe in SVG/HTML. */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Coordinates printed short: 12.3457 → 12.35. */
const n = (x: number) => String(Math.round(x * 100) / 100);

const FONT = 'font-family="Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"';

/** The opening of a chart: its box, its role and its text alternative (both a <title> and aria-label). */
function open(width: number, height: number, label: string, cls: string): string {
  return (
    `<svg class="${cls}" viewBox="0 0 ${width} ${n(height)}" width="100%" role="img" aria-label="${esc(label)}" ${FONT} font-size="11">` +
    `<title>${esc(label)}</title>`
  );
}

/** One pattern per status, under `uid`, for the fills of this chart. */
function statusPatterns(uid: string, statuses: Iterable<StatusName>): string {
  const out: string[] = [];
  for (const s of new Set(statuses)) {
    const look = STATUS_LOOK[s];
    const id = `${uid}-${s}`;
    const tile = (size: number, body: string, extra = '') =>
      `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${size}" height="${size}"${extra}><rect width="${size}" height="${size}" fill="${look.fill}"/>${body}</pattern>`;
    switch (look.pattern) {
      case 'solid':
      case 'plain':
        out.push(tile(4, ''));
        break;
      case 'stripes':
        out.push(tile(5, `<line x1="0" y1="0" x2="0" y2="5" stroke="${look.over}" stroke-width="1.6"/>`, ' patternTransform="rotate(45)"'));
        break;
      case 'dots':
        out.push(tile(4, `<circle cx="2" cy="2" r="0.95" fill="${look.over}"/>`));
        break;
      case 'cross':
        out.push(
          tile(5, `<line x1="0" y1="0" x2="5" y2="5" stroke="${look.over}" stroke-width="0.9"/><line x1="5" y1="0" x2="0" y2="5" stroke="${look.over}" stroke-width="0.9"/>`),
        );
        break;
      case 'rows':
        out.push(tile(4, `<line x1="0" y1="2" x2="4" y2="2" stroke="${look.over}" stroke-width="1.2"/>`));
        break;
      case 'dashes':
        out.push(tile(4, `<line x1="2" y1="0" x2="2" y2="2" stroke="${look.over}" stroke-width="1"/>`));
        break;
    }
  }
  // the at-risk band: light, with fine hatching, so it shows on grey paper too
  out.push(
    `<pattern id="${uid}-band" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(-45)"><rect width="4" height="4" fill="${BAND_LOOK.fill}"/><line x1="0" y1="0" x2="0" y2="4" stroke="${BAND_LOOK.ink}" stroke-width="0.9"/></pattern>`,
  );
  return `<defs>${out.join('')}</defs>`;
}

/** The symbol of a status, centred at (x, y), `r` its half size: ✓ achieved, ● on track, ▲ at risk, ■ off track, ✕ not achieved, ○ no data, – not quantified. */
export function statusSymbol(status: StatusName, x: number, y: number, r = 5): string {
  const look = STATUS_LOOK[status];
  const stroke = `stroke="#000" stroke-width="0.7"`;
  switch (status) {
    case 'achieved':
      return `<path d="M${n(x - r)} ${n(y)} L${n(x - r / 3)} ${n(y + r * 0.7)} L${n(x + r)} ${n(y - r * 0.8)}" fill="none" stroke="${look.ink}" stroke-width="${n(r / 2.2)}" stroke-linecap="round" stroke-linejoin="round"/>`;
    case 'on-track':
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r * 0.85)}" fill="${look.fill}" ${stroke}/>`;
    case 'at-risk':
      return `<path d="M${n(x)} ${n(y - r)} L${n(x + r)} ${n(y + r * 0.8)} L${n(x - r)} ${n(y + r * 0.8)} Z" fill="${look.fill}" ${stroke}/>`;
    case 'off-track':
      return `<rect x="${n(x - r * 0.8)}" y="${n(y - r * 0.8)}" width="${n(r * 1.6)}" height="${n(r * 1.6)}" fill="${look.fill}" ${stroke}/>`;
    case 'not-achieved':
      return `<path d="M${n(x - r * 0.8)} ${n(y - r * 0.8)} L${n(x + r * 0.8)} ${n(y + r * 0.8)} M${n(x + r * 0.8)} ${n(y - r * 0.8)} L${n(x - r * 0.8)} ${n(y + r * 0.8)}" stroke="${look.ink}" stroke-width="${n(r / 2.2)}" stroke-linecap="round"/>`;
    case 'no-data':
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r * 0.8)}" fill="#fff" stroke="#000" stroke-width="0.9"/>`;
    case 'not-quantified':
      return `<line x1="${n(x - r * 0.8)}" y1="${n(y)}" x2="${n(x + r * 0.8)}" y2="${n(y)}" stroke="#000" stroke-width="${n(r / 2.5)}"/>`;
  }
}

/** The status as symbol and label, the label coloured and bold: readable with or without colour. */
function statusMark(status: StatusName, x: number, y: number, lang: Lang, size = 11): string {
  return `${statusSymbol(status, x + 5, y - size * 0.35, size * 0.42)}<text x="${n(x + 13)}" y="${n(y)}" font-size="${size}" font-weight="bold" fill="${STATUS_LOOK[status].ink}">${esc(statusName(status, lang))}</text>`;
}

const WIDTH = 640;
/** The bar of a bullet chart: 0 at X0, 125% at X1, so a target overshot still shows. */
const X0 = 210;
const X1 = 520;
export const TOP = 1.25;
/** A share as drawn on a bar: within 0..TOP (beyond, an arrow says so). */
export const clipShare = (v: number) => Math.min(Math.max(v, 0), TOP);
const scale = (v: number, x0 = X0, x1 = X1) => x0 + (clipShare(v) / TOP) * (x1 - x0);

/** The at-risk band of a bar, e − 10%..e, as shares on the bar (empty when e is 0). */
export function atRiskBand(e: number | undefined): [number, number] | undefined {
  if (e === undefined) return undefined;
  const a = clipShare(Math.max(0, e - AT_RISK_MARGIN));
  const b = clipShare(e);
  return b > a ? [a, b] : undefined;
}

/** The ticks under a bar: 0, 50%, 100%. */
export const BAR_TICKS = [[0, '0'], [0.5, '50%'], [1, '100%']] as const;

/** A share for the little room beside a bar: beyond ±1000% only its bound (the text alternative keeps the figure). */
export function shortShare(p: number): string {
  if (p >= 10) return '> 1000%';
  if (p <= -10) return '< −1000%';
  return share(p);
}

/** A target has a chart when it is quantified (a `qualitative` target has nothing to draw). */
export function isQuantified(s: TargetStatus): boolean {
  return s.status !== 'not-quantified';
}

/** The figures of the text alternative: p and e as percentages, or why p cannot be said. */
export function bulletLabel(s: TargetStatus, lang: Lang): string {
  const status = statusName(s.status, lang);
  if (s.progress === undefined) {
    return tr(lang, 'chart/bullet-no-p', { id: s.target.id, name: s.target.name, reason: noProgressReason(s, lang), status });
  }
  return tr(lang, 'chart/bullet', { id: s.target.id, name: s.target.name, p: share(s.progress), e: s.elapsed === undefined ? '—' : share(s.elapsed), status });
}

/** Why a bar has no p: no value reported yet, or no baseline or target value. */
export function noProgressReason(s: TargetStatus, lang: Lang): string {
  return tr(lang, s.latest === undefined ? 'chart/reason/no-data' : 'chart/reason/no-baseline');
}

/** The figures beside a bar: `p 43.6% · e 49.6%` (empty without p). */
export function bulletFigures(s: TargetStatus): string {
  return s.progress === undefined ? '' : `p ${shortShare(s.progress)}${s.elapsed === undefined ? '' : ` · e ${share(s.elapsed)}`}`;
}

/** The scale of a bar: 0, 50%, 100% under it; the at-risk band e − 10%..e; the time marker at e; the 100% line. */
function barFrame(uid: string, y: number, h: number, e: number | undefined, x0 = X0, x1 = X1, ticks = true): string {
  const out: string[] = [];
  out.push(`<rect x="${x0}" y="${n(y)}" width="${n(scale(1, x0, x1) - x0)}" height="${h}" fill="#eeeeee" stroke="#9e9e9e" stroke-width="0.5"/>`);
  out.push(`<rect x="${n(scale(1, x0, x1))}" y="${n(y)}" width="${n(x1 - scale(1, x0, x1))}" height="${h}" fill="#f8f8f8" stroke="#cfcfcf" stroke-width="0.5"/>`);
  const band = atRiskBand(e);
  if (band) {
    const a = scale(band[0], x0, x1);
    const b = scale(band[1], x0, x1);
    if (b > a) out.push(`<rect x="${n(a)}" y="${n(y)}" width="${n(b - a)}" height="${h}" fill="url(#${uid}-band)"/>`);
  }
  if (ticks) {
    for (const [v, label] of BAR_TICKS) {
      const x = scale(v, x0, x1);
      out.push(`<line x1="${n(x)}" y1="${n(y + h)}" x2="${n(x)}" y2="${n(y + h + 2.5)}" stroke="#777" stroke-width="0.6"/>`);
      out.push(`<text x="${n(x)}" y="${n(y + h + 10)}" font-size="7.5" fill="#555" text-anchor="middle">${label}</text>`);
    }
  }
  return out.join('');
}

/** The bar p, then the 100% line and the time marker e drawn over it. */
function barMarks(uid: string, status: StatusName, p: number | undefined, e: number | undefined, y: number, h: number, x0 = X0, x1 = X1): string {
  const out: string[] = [];
  if (p !== undefined) {
    const inset = h * 0.22;
    const end = scale(p, x0, x1);
    if (end > x0) out.push(`<rect x="${x0}" y="${n(y + inset)}" width="${n(end - x0)}" height="${n(h - 2 * inset)}" fill="url(#${uid}-${status})" stroke="#000" stroke-width="0.6"/>`);
    // beyond the scale: an arrow at the end, or at the start for a value that went backwards
    if (p > TOP) out.push(`<path d="M${n(x1 - 1)} ${n(y + h / 2 - 4)} L${n(x1 + 5)} ${n(y + h / 2)} L${n(x1 - 1)} ${n(y + h / 2 + 4)} Z" fill="#000"/>`);
    if (p < 0) out.push(`<path d="M${n(x0 + 1)} ${n(y + h / 2 - 4)} L${n(x0 - 5)} ${n(y + h / 2)} L${n(x0 + 1)} ${n(y + h / 2 + 4)} Z" fill="#000"/>`);
  }
  const t = scale(1, x0, x1);
  out.push(`<line x1="${n(t)}" y1="${n(y - 2)}" x2="${n(t)}" y2="${n(y + h + 2)}" stroke="#444" stroke-width="2.6"/>`);
  if (e !== undefined) {
    const x = scale(e, x0, x1);
    out.push(`<line x1="${n(x)}" y1="${n(y - 3)}" x2="${n(x)}" y2="${n(y + h + 1)}" stroke="#000" stroke-width="1.2"/>`);
    out.push(`<path d="M${n(x - 3.2)} ${n(y - 6)} L${n(x + 3.2)} ${n(y - 6)} L${n(x)} ${n(y - 1.5)} Z" fill="#000"/>`);
  }
  return out.join('');
}

/** A bullet chart of one target: id and name, the bar p against e, the status and the figures. */
export function bulletChart(s: TargetStatus, lang: Lang, uid: string): string {
  if (s.units) return unitsChart(s, lang, uid);
  const height = 44;
  const out: string[] = [open(WIDTH, height, bulletLabel(s, lang), 'chart bullet'), statusPatterns(uid, [s.status])];
  out.push(`<text x="0" y="17" font-weight="bold">${esc(s.target.id)}</text>`);
  out.push(`<text x="0" y="32" font-size="9.5" fill="#333">${esc(truncate(s.target.name, 38))}</text>`);
  const y = 10;
  const h = 18;
  out.push(barFrame(uid, y, h, s.elapsed));
  out.push(barMarks(uid, s.status, s.progress, s.elapsed, y, h));
  if (s.progress === undefined) {
    const why = noProgressReason(s, lang);
    out.push(`<text x="${n(X0 + 6)}" y="${n(y + h / 2 + 3.5)}" font-size="9" fill="#555">${esc(why)}</text>`);
  }
  out.push(statusMark(s.status, X1 + 14, 19, lang));
  const figures = bulletFigures(s);
  if (figures) out.push(`<text x="${X1 + 14}" y="34" font-size="9.5" fill="#222">${esc(figures)}</text>`);
  out.push('</svg>');
  return out.join('');
}

/** The words of a units chart: its text alternative, the note naming the units that fall short, and which those are. */
export function unitsWords(s: TargetStatus, lang: Lang): { label: string; note: string; short: Set<string> } {
  const units = s.units ?? [];
  const short = new Set(s.unitsShort ?? []);
  const shortNames = units.filter((u) => short.has(u.unit)).map((u) => unitName(s, u.unit));
  const label = tr(lang, 'chart/units', {
    id: s.target.id,
    name: s.target.name,
    count: units.length,
    status: statusName(s.status, lang),
    units: units.map((u) => tr(lang, 'chart/unit', { name: unitName(s, u.unit), p: u.progress === undefined ? '—' : share(u.progress), status: statusName(u.status, lang) })),
  });
  const note = shortNames.length
    ? tr(lang, 'chart/units-short', { units: shortNames })
    : units.length === 0
      ? tr(lang, 'chart/reason/no-data')
      : tr(lang, 'chart/units-short-none');
  return { label, note, short };
}

/** What a unit's small bar says beside its name: `p 43.6%`, or its status when it has no p. */
export function unitFigure(u: NonNullable<TargetStatus['units']>[number], lang: Lang): string {
  return u.progress === undefined ? statusName(u.status, lang) : `p ${shortShare(u.progress)}`;
}

/** Small multiples of a `per: unit` target: one bar per unit, the units that fall short marked and named. */
export function unitsChart(s: TargetStatus, lang: Lang, uid: string): string {
  const units = s.units ?? [];
  const { label, note, short } = unitsWords(s, lang);
  const cols = 4;
  const cellW = WIDTH / cols;
  const cellH = 40;
  const head = 36;
  const rows = Math.ceil(units.length / cols);
  const foot = 18;
  const height = head + rows * cellH + foot;
  const out: string[] = [open(WIDTH, height, label, 'chart units'), statusPatterns(uid, [s.status, ...units.map((u) => u.status)])];
  out.push(`<text x="0" y="14" font-weight="bold">${esc(s.target.id)}</text>`);
  out.push(`<text x="${8 + s.target.id.length * 7}" y="14" font-size="9.5" fill="#333">${esc(truncate(s.target.name, 50))}</text>`);
  out.push(statusMark(s.status, X1 + 14, 14, lang));
  out.push(`<line x1="0" y1="22" x2="${WIDTH}" y2="22" stroke="#bbb" stroke-width="0.5"/>`);
  units.forEach((u, i) => {
    const x = (i % cols) * cellW;
    const y = head + Math.floor(i / cols) * cellH;
    const isShort = short.has(u.unit);
    if (isShort) out.push(`<rect x="${n(x + 1)}" y="${n(y - 11)}" width="${n(cellW - 6)}" height="${cellH - 4}" fill="none" stroke="#000" stroke-width="0.9" stroke-dasharray="3 2"/>`);
    out.push(statusSymbol(u.status, x + 9, y - 3, 4.2));
    out.push(`<text x="${n(x + 17)}" y="${n(y)}" font-size="9.5"${isShort ? ' font-weight="bold"' : ''}>${esc(truncate(unitName(s, u.unit), 12))}</text>`);
    out.push(`<text x="${n(x + cellW - 8)}" y="${n(y)}" font-size="9" text-anchor="end" fill="${STATUS_LOOK[u.status].ink}">${esc(unitFigure(u, lang))}</text>`);
    const bx0 = x + 6;
    const bx1 = x + cellW - 12;
    out.push(barFrame(uid, y + 6, 9, u.elapsed, bx0, bx1, false));
    out.push(barMarks(uid, u.status, u.progress, u.elapsed, y + 6, 9, bx0, bx1));
  });
  out.push(`<text x="0" y="${n(height - 5)}" font-size="9.5" font-weight="bold">${esc(note)}</text>`);
  out.push('</svg>');
  return out.join('');
}

/** A segment of the summary bar gets its count written on it when it is this wide a share of the bar. */
export const SUMMARY_COUNT_SHARE = 14 / (WIDTH - 4 - 130);

/** The words of a city's status summary: the statuses present in order, the text alternative, `共 N 个目标`, and each count in words. */
export function summaryWords(city: CityGaps, lang: Lang): { present: StatusName[]; total: number; label: string; caption: string; counts: string[] } {
  const present = STATUS_ORDER.filter((s) => city.counts[s] > 0);
  const total = city.targets.length;
  const counts = present.map((s) => tr(lang, 'chart/count', { status: statusName(s, lang), n: city.counts[s] }));
  const label = total ? tr(lang, 'chart/summary', { city: city.name, counts: counts.join(lang === 'zh' ? '，' : ', ') }) : tr(lang, 'chart/summary-none', { city: city.name });
  return { present, total, label, caption: tr(lang, 'gaps/summary', { total, counts: {} }), counts };
}

/** A city's targets counted by status: one bar in segments, each with its count, and the counts in words below. */
export function statusSummaryChart(city: CityGaps, lang: Lang, uid: string): string {
  const { present, total, label, caption, counts } = summaryWords(city, lang);
  const height = 46;
  const out: string[] = [open(WIDTH, height, label, 'chart summary'), statusPatterns(uid, present)];
  out.push(`<text x="0" y="16" font-weight="bold">${esc(truncate(city.name, 20))}</text>`);
  out.push(`<text x="0" y="31" font-size="9.5" fill="#333">${esc(caption)}</text>`);
  const x0 = 130;
  const x1 = WIDTH - 4;
  let x = x0;
  if (total === 0) out.push(`<rect x="${x0}" y="4" width="${x1 - x0}" height="18" fill="#fff" stroke="#9e9e9e" stroke-dasharray="3 2"/>`);
  for (const s of present) {
    const w = ((x1 - x0) * city.counts[s]) / total;
    out.push(`<rect x="${n(x)}" y="4" width="${n(w)}" height="18" fill="url(#${uid}-${s})" stroke="#000" stroke-width="0.6"/>`);
    // the count on a white tab, legible over any pattern
    if (city.counts[s] / total >= SUMMARY_COUNT_SHARE) {
      out.push(`<rect x="${n(x + w / 2 - 7)}" y="7" width="14" height="12" rx="2" fill="#fff" stroke="#000" stroke-width="0.4"/>`);
      out.push(`<text x="${n(x + w / 2)}" y="16.5" font-size="9.5" font-weight="bold" text-anchor="middle">${city.counts[s]}</text>`);
    }
    x += w;
  }
  // the counts in words with their symbols, in the order of the bar
  let lx = x0;
  for (const [i, s] of present.entries()) {
    const text = counts[i];
    out.push(statusSymbol(s, lx + 5, 34, 4.2));
    out.push(`<text x="${n(lx + 12)}" y="38" font-size="9.5" fill="${STATUS_LOOK[s].ink}">${esc(text)}</text>`);
    lx += 22 + textWidth(text, 9.5);
  }
  out.push('</svg>');
  return out.join('');
}

/** About how wide a text is at `size` (a CJK character a full em, a Latin one a little over half). */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch) ? 1 : 0.58;
  return w * size;
}

/** Shades of the coverage map by the number of actions covering a task (0 is hatched: not covered). */
export const COVER_SHADES = ['#fde0dc', '#c6dbef', '#6baed6', '#2171b5'];
/** The hatching over a cell not covered, and the colour of its cross. */
export const COVER_NONE_INK = '#c62828';

/** What the coverage map shows: the cities with a plan, per task how many actions of each city cover it, the text alternative and the legend's swatches (shade index, text). */
export function coverageData(report: GapReport, lang: Lang): { cities: CityGaps[]; rows: { id: string; title: string; counts: number[] }[]; label: string; swatches: [number, string][]; note: string } {
  const cities = report.cities.filter((c) => c.hasPlan);
  const tasks = report.tasks;
  const missing = cities
    .map((c) => ({ c, ids: tasks.filter((t) => (c.coverage.get(t.id)?.length ?? 0) === 0).map((t) => t.id) }))
    .filter((x) => x.ids.length)
    .map((x) => tr(lang, 'chart/coverage-missing', { city: x.c.name, tasks: x.ids }));
  const label = tr(lang, 'chart/coverage-alt', {
    tasks: tasks.length,
    cities: cities.length,
    missing: missing.length ? missing.join(lang === 'zh' ? '；' : '; ') : tr(lang, 'chart/none'),
  });
  const rows = tasks.map((t) => ({ id: t.id, title: t.title, counts: cities.map((c) => c.coverage.get(t.id)?.length ?? 0) }));
  const swatches: [number, string][] = [
    [0, tr(lang, 'chart/coverage-zero')],
    [1, '1'],
    [2, '2'],
    [3, '≥ 3'],
  ];
  return { cities, rows, label, swatches, note: tr(lang, 'chart/coverage-legend') };
}

/** Province tasks × cities: per cell, how many of the city's actions cover the task; cells not covered hatched and crossed. */
export function coverageChart(report: GapReport, lang: Lang, uid: string): string {
  const { cities, rows, label, swatches, note } = coverageData(report, lang);
  const tasks = rows;
  const labelW = 230;
  const cellW = Math.min(110, (WIDTH - labelW) / Math.max(1, cities.length));
  const cellH = 17;
  const head = 24;
  const foot = 30;
  const height = head + tasks.length * cellH + foot;
  const out: string[] = [open(WIDTH, height, label, 'chart coverage')];
  out.push(
    `<defs><pattern id="${uid}-none" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)"><rect width="5" height="5" fill="${COVER_SHADES[0]}"/><line x1="0" y1="0" x2="0" y2="5" stroke="${COVER_NONE_INK}" stroke-width="1.2"/></pattern></defs>`,
  );
  cities.forEach((c, j) => {
    out.push(`<text x="${n(labelW + j * cellW + cellW / 2)}" y="16" font-size="10" font-weight="bold" text-anchor="middle">${esc(truncate(c.name, Math.floor(cellW / 5.5)))}</text>`);
  });
  tasks.forEach((t, i) => {
    const y = head + i * cellH;
    out.push(`<text x="0" y="${n(y + cellH - 5)}" font-size="9.5"><tspan font-weight="bold">${esc(t.id)}</tspan> ${esc(truncate(t.title, 34))}</text>`);
    cities.forEach((_, j) => {
      const count = t.counts[j];
      const x = labelW + j * cellW;
      const fill = count === 0 ? `url(#${uid}-none)` : COVER_SHADES[Math.min(count, 3)];
      out.push(`<rect x="${n(x + 1)}" y="${n(y + 1)}" width="${n(cellW - 2)}" height="${cellH - 2}" fill="${fill}" stroke="#fff" stroke-width="0.5"/>`);
      const cx = x + cellW / 2;
      const cy = y + cellH / 2;
      if (count === 0) {
        out.push(`<rect x="${n(cx - 9)}" y="${n(cy - 6)}" width="18" height="12" fill="#fff" stroke="${COVER_NONE_INK}" stroke-width="0.6"/>`);
        out.push(`<path d="M${n(cx - 3.5)} ${n(cy - 3.5)} L${n(cx + 3.5)} ${n(cy + 3.5)} M${n(cx + 3.5)} ${n(cy - 3.5)} L${n(cx - 3.5)} ${n(cy + 3.5)}" stroke="#b71c1c" stroke-width="1.6"/>`);
      } else {
        out.push(`<text x="${n(cx)}" y="${n(cy + 3.5)}" font-size="10" font-weight="bold" text-anchor="middle" fill="${count >= 3 ? '#fff' : '#000'}">${count}</text>`);
      }
    });
  });
  // the legend: what a cell's shade and number say
  const ly = head + tasks.length * cellH + 12;
  let lx = 0;
  for (const [k, text] of swatches) {
    const fill = k === 0 ? `url(#${uid}-none)` : COVER_SHADES[k];
    out.push(`<rect x="${n(lx)}" y="${n(ly)}" width="16" height="11" fill="${fill}" stroke="#777" stroke-width="0.5"/>`);
    out.push(`<text x="${n(lx + 20)}" y="${n(ly + 9)}" font-size="9">${esc(text)}</text>`);
    lx += 30 + textWidth(text, 9);
  }
  out.push(`<text x="${n(lx + 6)}" y="${n(ly + 9)}" font-size="9" fill="#444">${esc(note)}</text>`);
  out.push('</svg>');
  return out.join('');
}

/** The text alternative of the legend: the statuses and what the marks of a bar mean. */
export function legendLabel(lang: Lang): string {
  return `${tr(lang, 'chart/legend')}: ${STATUS_ORDER.map((s) => statusName(s, lang)).join(', ')}; ${tr(lang, 'chart/legend-marker')}`;
}

/** The sample bar of the legend: p and e of a target just on track. */
export const LEGEND_SAMPLE = { status: 'on-track', p: 0.55, e: 0.5 } as const;

/** The legend of the status charts: each status's pattern, symbol and label, and what the marks of a bar mean. */
export function legendChart(lang: Lang, uid: string): string {
  const cols = 4;
  const colW = WIDTH / cols;
  const rows = Math.ceil(STATUS_ORDER.length / cols);
  // what the marks of a bar mean, beside a sample bar, wrapped to the room there is (about 76 columns at 9.5)
  const marks = wrapText(tr(lang, 'chart/legend-marker'), 76);
  const height = rows * 20 + 14 + Math.max(2, marks.length) * 12;
  const label = legendLabel(lang);
  const out: string[] = [open(WIDTH, height, label, 'chart legend'), statusPatterns(uid, STATUS_ORDER)];
  STATUS_ORDER.forEach((s, i) => {
    const x = (i % cols) * colW;
    const y = Math.floor(i / cols) * 20 + 4;
    out.push(`<rect x="${n(x)}" y="${n(y)}" width="26" height="12" fill="url(#${uid}-${s})" stroke="#000" stroke-width="0.6"/>`);
    out.push(statusMark(s, x + 30, y + 10, lang, 10));
  });
  const y = rows * 20 + 10;
  const x0 = 0;
  const x1 = 200;
  out.push(barFrame(uid, y, 12, LEGEND_SAMPLE.e, x0, x1, false));
  out.push(barMarks(uid, LEGEND_SAMPLE.status, LEGEND_SAMPLE.p, LEGEND_SAMPLE.e, y, 12, x0, x1));
  marks.forEach((line, k) => out.push(`<text x="${x1 + 12}" y="${y + 9 + k * 12}" font-size="9.5">${esc(line)}</text>`));
  out.push('</svg>');
  return out.join('');
}
