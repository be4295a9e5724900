/**
 * The charts of the gap report (./charts.ts) drawn natively in Word: each chart a table without
 * borders whose cells are the marks. A bar is a row of cells whose widths are the shares of the
 * scale (0..125%) between the points that matter (p, the at-risk band e − 10%..e, e, 50%, 100%),
 * filled with the status's colour and a Word shading pattern (stripes, dots, cross-hatching …), so
 * that the bar reads in black and white too; the time marker e and the 100% line are cells' left
 * edges drawn heavy. Status symbols are characters of GB 2312 (STATUS_GLYPH) beside the status's
 * name. The words, figures, statuses, band and counts are those of the SVG charts, taken from the
 * same functions; each chart's text alternative (the SVG's <title>) is its table's caption and
 * description (Word: Table Properties → Alt Text).
 */
import { tr, type Lang } from '../../i18n/index.js';
import { STATUS_ORDER, type CityGaps, type GapReport } from '../../gaps/report.js';
import type { StatusName, TargetStatus } from '../../domain/types.js';
import type { DocxGrid, DocxGridCell, DocxLine, DocxPara, DocxRun, DocxShade } from '../docx/document.js';
import {
  atRiskBand, BAND_LOOK, BAR_TICKS, bulletFigures, bulletLabel, clipShare, COVER_NONE_INK, COVER_SHADES, coverageData, LEGEND_SAMPLE, legendLabel, noProgressReason,
  STATUS_GLYPH, STATUS_LOOK, summaryWords, SUMMARY_COUNT_SHARE, TOP, unitFigure, unitsWords,
} from './charts.js';
import { statusName, truncate, unitName } from './common.js';

const hex = (colour: string) => colour.replace(/^#/, '').toUpperCase();

/** The Word shading of each SVG pattern: the same colours, the pattern Word has nearest to the SVG's tile. */
const PATTERN: Record<(typeof STATUS_LOOK)[StatusName]['pattern'], string> = {
  solid: 'clear',
  plain: 'clear',
  stripes: 'diagStripe',
  dots: 'pct20',
  cross: 'diagCross',
  rows: 'thinHorzStripe',
  dashes: 'thinVertStripe',
};

export function statusShade(status: StatusName): DocxShade {
  const look = STATUS_LOOK[status];
  return { pattern: PATTERN[look.pattern], color: hex(look.over), fill: hex(look.fill) };
}

const BAND: DocxShade = { pattern: 'thinReverseDiagStripe', color: hex(BAND_LOOK.ink), fill: hex(BAND_LOOK.fill) };
const TRACK: DocxShade = { pattern: 'clear', color: 'auto', fill: 'EEEEEE' };
const TRACK_OVER: DocxShade = { pattern: 'clear', color: 'auto', fill: 'F8F8F8' };
const FRAME: DocxLine = { style: 'single', size: 2, color: '9E9E9E' };
const OUTLINE: DocxLine = { style: 'single', size: 4, color: '000000' };
const TIME: DocxLine = { style: 'single', size: 12, color: '000000' };
const FULL: DocxLine = { style: 'single', size: 24, color: '444444' };

/** Sizes in half-points, as the SVG's (11 → 10.5 pt, 9.5 → 9 pt, 7.5 → 7 pt). */
const SZ = { title: 21, text: 18, small: 16, tick: 14 } as const;

const run = (text: string, o: Omit<DocxRun, 'text'> = {}): DocxRun => ({ text, size: SZ.text, ...o });

/** The status as symbol and name, bold in its colour: readable with or without colour. */
function statusRuns(status: StatusName, lang: Lang, size: number = SZ.title): DocxRun[] {
  const ink = hex(STATUS_LOOK[status].ink);
  return [run(`${STATUS_GLYPH[status]} `, { size, color: ink }), run(statusName(status, lang), { size, bold: true, color: ink })];
}

/** The room, as a share of the scale, before 0 and after 125% for an arrow. */
const ARROW_ROOM = 0.05;

/** Points closer than this on the scale are one (a cell a hair wide helps no one). */
const EPS = 0.004;

interface BarOptions {
  /** Heights in twips of the strips above and below the bar, and of the bar. */
  strip: number;
  bar: number;
}

/**
 * A bar p against e, as a table: a strip, the bar, a strip (the band shows above and below the bar
 * as in the SVG, where the bar is inset); cells between the points that matter.
 * Arrows in the cells before 0 and after 125% say that p lies beyond the scale.
 */
export function barGrid(status: StatusName, p: number | undefined, e: number | undefined, o: BarOptions): DocxGrid {
  const band = atRiskBand(e);
  const points = [0, 1, TOP];
  if (p !== undefined) points.push(clipShare(p));
  if (band) points.push(...band);
  if (e !== undefined) points.push(clipShare(e));
  const stops: number[] = [];
  for (const x of points.sort((a, b) => a - b)) if (!stops.length || x - stops[stops.length - 1] > EPS) stops.push(x);
  const segments = stops.slice(1).map((b, i) => ({ a: stops[i], b, mid: (stops[i] + b) / 2 }));
  const at = (x: number | undefined) => (x === undefined ? -1 : segments.findIndex((s) => Math.abs(s.a - x) <= EPS));
  const time = at(e === undefined ? undefined : clipShare(e));
  const full = at(1);
  const end = p === undefined ? 0 : clipShare(p);
  const inBar = (s: (typeof segments)[number]) => s.mid < end;
  const inBand = (s: (typeof segments)[number]) => band !== undefined && s.mid > band[0] && s.mid < band[1];
  const track = (s: (typeof segments)[number]) => (inBand(s) ? BAND : s.mid < 1 ? TRACK : TRACK_OVER);
  const left = (i: number) => (i === time ? TIME : i === full ? FULL : i === 0 ? FRAME : undefined);
  const arrow = (text: string): DocxGridCell => ({ tight: true, valign: 'center', paragraphs: [{ align: 'center', runs: [run(text, { size: SZ.small, bold: true })] }] });
  const strip = (top: boolean): DocxGridCell[] => [
    { tight: true },
    ...segments.map((s, i): DocxGridCell => ({
      tight: true,
      shade: track(s),
      borders: { left: left(i), right: i === segments.length - 1 ? FRAME : undefined, top: top ? FRAME : undefined, bottom: top ? undefined : FRAME },
    })),
    { tight: true },
  ];
  const lastBar = segments.filter(inBar).length - 1;
  const barRow: DocxGridCell[] = [
    p !== undefined && p < 0 ? arrow('←') : { tight: true },
    ...segments.map((s, i): DocxGridCell => {
      const filled = inBar(s);
      return {
        tight: true,
        shade: filled ? statusShade(status) : track(s),
        borders: {
          top: filled ? OUTLINE : undefined,
          bottom: filled ? OUTLINE : undefined,
          left: i === time ? TIME : i === full ? FULL : filled && i === 0 ? OUTLINE : i === 0 ? FRAME : undefined,
          right: filled && i === lastBar && i + 1 !== time && i + 1 !== full ? OUTLINE : i === segments.length - 1 ? FRAME : undefined,
        },
      };
    }),
    p !== undefined && p > TOP ? arrow('→') : { tight: true },
  ];
  const rows: DocxGrid['rows'] = [
    { height: o.strip, cells: strip(true) },
    { height: o.bar, cells: barRow },
    { height: o.strip, cells: strip(false) },
  ];
  return { columns: [ARROW_ROOM, ...segments.map((s) => s.b - s.a), ARROW_ROOM], rows };
}

/** The labels under a bar, at its ticks: 0, 50% and 100% centred on them (tab stops at the shares of the cell that barGrid gives the ticks). */
export function tickLine(): DocxPara {
  const at = (v: number) => (ARROW_ROOM + v) / (2 * ARROW_ROOM + TOP);
  return {
    tabs: BAR_TICKS.map(([v], i) => ({ at: at(v), align: i === 0 ? 'left' : 'center' })),
    runs: BAR_TICKS.map(([, label]) => run(label, { size: SZ.tick, color: '555555', tab: true })),
  };
}

/** The proportions of the SVG charts (640 wide): label 0..210, bar 210..520, status 534..640. */
const LABEL_W = 210;
const BAR_W = 324;
const STATUS_W = 106;

/** The chart of one target: a bullet chart, or for a per-unit target its small multiples (tables one under the other, the first with the text alternative). */
export function targetGrids(s: TargetStatus, lang: Lang): DocxGrid[] {
  return s.units ? unitsGrids(s, lang) : [bulletGrid(s, lang)];
}

/** A bullet chart of one target: id and name, the bar p against e, the status and the figures. */
export function bulletGrid(s: TargetStatus, lang: Lang): DocxGrid {
  const why = s.progress === undefined ? noProgressReason(s, lang) : '';
  const figures = bulletFigures(s);
  return {
    columns: [LABEL_W, BAR_W, STATUS_W],
    caption: s.target.id,
    description: bulletLabel(s, lang),
    rows: [
      {
        cells: [
          {
            valign: 'center',
            paragraphs: [{ runs: [run(s.target.id, { size: SZ.title, bold: true })] }, { runs: [run(truncate(s.target.name, 38), { color: '333333' })] }],
          },
          { valign: 'center', grid: barGrid(s.status, s.progress, s.elapsed, { strip: 50, bar: 190 }), after: [tickLine()] },
          {
            valign: 'center',
            paragraphs: [{ runs: statusRuns(s.status, lang) }, { runs: [run(figures || why, { color: figures ? '222222' : '555555' })] }],
          },
        ],
      },
    ],
  };
}

const DASHED: DocxLine = { style: 'dashed', size: 6, color: '000000' };

/**
 * Small multiples of a `per: unit` target, four to a row: per unit its symbol, name, p and bar; the
 * units that fall short framed in dashes and named below. Each row of multiples is a table of its
 * own: LibreOffice draws the dashed edges of cells in one column through the rows between them.
 */
export function unitsGrids(s: TargetStatus, lang: Lang): DocxGrid[] {
  const units = s.units ?? [];
  const { label, note, short } = unitsWords(s, lang);
  const cols = 4;
  const rows: DocxGrid['rows'] = [
    {
      cells: [
        { span: cols - 1, paragraphs: [{ runs: [run(s.target.id, { size: SZ.title, bold: true }), run(`  ${truncate(s.target.name, 50)}`, { color: '333333' })] }] },
        { paragraphs: [{ runs: statusRuns(s.status, lang) }] },
      ],
    },
  ];
  for (let i = 0; i < units.length; i += cols) {
    const cells: DocxGridCell[] = units.slice(i, i + cols).map((u) => {
      const isShort = short.has(u.unit);
      const ink = hex(STATUS_LOOK[u.status].ink);
      return {
        borders: isShort ? { top: DASHED, bottom: DASHED, left: DASHED, right: DASHED } : undefined,
        paragraphs: [
          {
            runs: [
              run(`${STATUS_GLYPH[u.status]} `, { color: ink }),
              run(truncate(unitName(s, u.unit), 12), { bold: isShort }),
              run(unitFigure(u, lang), { size: SZ.small, color: ink, tabRight: true }),
            ],
          },
        ],
        grid: barGrid(u.status, u.progress, u.elapsed, { strip: 30, bar: 110 }),
      };
    });
    while (cells.length < cols) cells.push({});
    rows.push({ cells });
  }
  rows.push({ cells: [{ span: cols, paragraphs: [{ runs: [run(note, { bold: true })] }] }] });
  // the head with the first row of multiples, the note with the last
  const tables: DocxGrid['rows'][] = [];
  for (const [i, r] of rows.entries()) {
    if (i <= 1 || i === rows.length - 1) (tables[tables.length - 1] ?? (tables[0] = [])).push(r);
    else tables.push([r]);
  }
  return tables.map((t, i) => ({ columns: Array(cols).fill(1), rows: t, ...(i === 0 ? { caption: s.target.id, description: label } : {}) }));
}

/** A city's targets counted by status: one bar in segments, each with its count, and the counts in words with their symbols below. */
export function summaryGrid(city: CityGaps, lang: Lang): DocxGrid {
  const { present, total, label, caption, counts } = summaryWords(city, lang);
  const bar: DocxGrid =
    total === 0
      ? { columns: [1], rows: [{ height: 260, cells: [{ tight: true, borders: { top: DASHED, bottom: DASHED, left: DASHED, right: DASHED } }] }] }
      : {
          columns: present.map((st) => city.counts[st]),
          rows: [
            {
              height: 300,
              cells: present.map((st) => ({
                tight: true,
                valign: 'center',
                shade: statusShade(st),
                borders: { top: OUTLINE, bottom: OUTLINE, left: OUTLINE, right: OUTLINE },
                paragraphs: city.counts[st] / total >= SUMMARY_COUNT_SHARE ? [{ align: 'center', runs: [run(` ${city.counts[st]} `, { bold: true, boxed: true })] }] : [],
              })),
            },
          ],
        };
  const words: DocxRun[] = present.flatMap((st, i) => {
    const ink = hex(STATUS_LOOK[st].ink);
    return [run(`${i ? '    ' : ''}${STATUS_GLYPH[st]} `, { color: ink }), run(counts[i], { color: ink })];
  });
  return {
    columns: [130, 510],
    caption: city.name,
    description: label,
    rows: [
      {
        cells: [
          { valign: 'center', paragraphs: [{ runs: [run(truncate(city.name, 20), { size: SZ.title, bold: true })] }, { runs: [run(caption, { color: '333333' })] }] },
          { grid: bar, after: words.length ? [{ runs: words }] : [] },
        ],
      },
    ],
  };
}

const COVER_NONE: DocxShade = { pattern: 'thinDiagStripe', color: hex(COVER_NONE_INK), fill: hex(COVER_SHADES[0]) };
const coverShade = (count: number): DocxShade => (count === 0 ? COVER_NONE : { pattern: 'clear', color: 'auto', fill: hex(COVER_SHADES[Math.min(count, 3)]) });
const WHITE: DocxLine = { style: 'single', size: 8, color: 'FFFFFF' };

/** Province tasks × cities: per cell how many of the city's actions cover the task; a cell not covered hatched and crossed; the legend of shades below. */
export function coverageGrid(report: GapReport, lang: Lang): DocxGrid {
  const { cities, rows, label, swatches, note } = coverageData(report, lang);
  const labelW = 230;
  const cellW = Math.min(110, (640 - labelW) / Math.max(1, cities.length));
  const rest = 640 - labelW - cellW * cities.length;
  const columns = [labelW, ...cities.map(() => cellW), ...(rest > 1 ? [rest] : [])];
  const pad = rest > 1 ? [{}] : [];
  const legend: DocxGrid = {
    columns: swatches.flatMap(([, text]) => [16, 14 + text.length * 6]).concat([300]),
    rows: [
      {
        cells: [
          ...swatches.flatMap(([k, text]): DocxGridCell[] => [
            { tight: true, shade: coverShade(k), borders: { top: FRAME, bottom: FRAME, left: FRAME, right: FRAME } },
            { paragraphs: [{ runs: [run(text, { size: SZ.small })] }] },
          ]),
          { paragraphs: [{ runs: [run(note, { size: SZ.small, color: '444444' })] }] },
        ],
      },
    ],
  };
  return {
    columns,
    caption: tr(lang, 'chart/coverage'),
    description: label,
    rows: [
      { cells: [{}, ...cities.map((c): DocxGridCell => ({ paragraphs: [{ align: 'center', runs: [run(c.name, { bold: true })] }] })), ...pad] },
      ...rows.map((t) => ({
        cells: [
          { valign: 'center' as const, paragraphs: [{ runs: [run(t.id, { bold: true }), run(` ${truncate(t.title, 34)}`)] }] },
          ...t.counts.map(
            (count): DocxGridCell => ({
              valign: 'center',
              shade: coverShade(count),
              borders: { top: WHITE, bottom: WHITE, left: WHITE, right: WHITE },
              paragraphs: [
                {
                  align: 'center',
                  runs: [count === 0 ? run(' × ', { bold: true, color: hex(COVER_NONE_INK), boxed: true }) : run(String(count), { bold: true, color: count >= 3 ? 'FFFFFF' : '000000' })],
                },
              ],
            }),
          ),
          ...pad,
        ],
      })),
      { cells: [{ span: columns.length, grid: legend }] },
    ],
  };
}

/** The legend: each status's fill, symbol and name, four to a row; a sample bar beside what its marks mean. */
export function legendGrid(lang: Lang): DocxGrid {
  const cols = 4;
  const rows: DocxGrid['rows'] = [];
  for (let i = 0; i < STATUS_ORDER.length; i += cols) {
    const cells: DocxGridCell[] = STATUS_ORDER.slice(i, i + cols).flatMap((st): DocxGridCell[] => [
      { tight: true, valign: 'center', shade: statusShade(st), borders: { top: OUTLINE, bottom: OUTLINE, left: OUTLINE, right: OUTLINE } },
      { valign: 'center', paragraphs: [{ runs: statusRuns(st, lang, SZ.text) }] },
    ]);
    while (cells.length < 2 * cols) cells.push({});
    // a strip of white between the rows, so that the swatches stand apart as in the SVG
    if (rows.length) rows.push({ height: 80, cells: [{ span: 2 * cols, tight: true }] });
    rows.push({ height: 300, cells });
  }
  rows.push({ height: 80, cells: [{ span: 2 * cols, tight: true }] });
  const sample: DocxGrid = {
    columns: [200, 440],
    rows: [
      {
        cells: [
          { valign: 'center', grid: barGrid(LEGEND_SAMPLE.status, LEGEND_SAMPLE.p, LEGEND_SAMPLE.e, { strip: 40, bar: 140 }) },
          { valign: 'center', paragraphs: [{ runs: [run(tr(lang, 'chart/legend-marker'))] }] },
        ],
      },
    ],
  };
  rows.push({ cells: [{ span: 2 * cols, grid: sample }] });
  return { columns: Array.from({ length: cols }, () => [26, 134]).flat(), caption: tr(lang, 'chart/legend'), description: legendLabel(lang), rows };
}
