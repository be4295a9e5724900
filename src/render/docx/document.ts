/**
 * A Word document laid out as an attachment of an official document (GB/T 9704): A4 (landscape for
 * wide tables), 附件N at the top left, the title in 方正小标宋简体, the text in 仿宋 (numbers too),
 * page numbers `— 1 —` (odd pages right, even pages left), and tables whose header row repeats on
 * every page and whose rows are never split across pages.
 * Fonts fall back through the font table: each font lists its alternative names (Word tries them
 * when the font is not installed): 方正小标宋简体 → 黑体, 仿宋 → FangSong / 仿宋_GB2312.
 * The docx library is loaded only here, on use, with require (the bundle runs as a vm script).
 */
import { createRequire } from 'node:module';
import type * as Docx from 'docx';
import { tr, type Lang } from '../../i18n/index.js';
import { displayWidth } from '../width.js';
import { xmlSafe } from '../xml-safe.js';

export const TITLE_FONT = '方正小标宋简体';
export const HEADING_FONT = '黑体';
export const BODY_FONT = '仿宋';

/** The font table: alternative names Word tries in turn, and the hints (GB2312 charset, family) it substitutes by. */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:font w:name="${TITLE_FONT}"><w:altName w:val="FZXiaoBiaoSong-B05S,${HEADING_FONT},SimHei"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="${HEADING_FONT}"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="${BODY_FONT}"><w:altName w:val="FangSong,仿宋_GB2312,FangSong_GB2312,STFangsong"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
</w:fonts>`;

/** Sizes in half-points: 二号 22 pt for the title, 三号 16 pt for text, 四号 14 pt for page numbers, 小四 12 pt for tables. */
const SIZE = { title: 44, text: 32, label: 32, table: 24, pageNumber: 28, small: 24 } as const;

export interface DocxTable {
  headings: string[];
  rows: string[][];
  /** Relative widths of the columns (characters of a CJK font). */
  widths: number[];
  /** For each row and column, how many rows the cell spans (0: covered by the cell above); absent: no merges. */
  spans?: number[][];
  /** Columns whose cells are numbers or short codes: centred. */
  centred?: boolean[];
  /** Kept on one page with its heading where it fits (its rows keep with the next). */
  keep?: boolean;
}

/** A run of text in a figure; sizes in half-points, colours as `rrggbb`. */
export interface DocxRun {
  text: string;
  bold?: boolean;
  size?: number;
  color?: string;
  /** On a white box (a count written over a fill pattern stays legible). */
  boxed?: boolean;
  /** A tab to the cell's right edge before the text (the text ends there, right-aligned). */
  tabRight?: boolean;
  /** A tab to the paragraph's next tab stop before the text. */
  tab?: boolean;
}

/** A paragraph of a figure's cell. */
export interface DocxPara {
  runs: DocxRun[];
  align?: 'left' | 'center' | 'right';
  /** Tab stops at shares of the cell's width (labels under a bar, at its ticks). */
  tabs?: { at: number; align: 'left' | 'center' | 'right' }[];
}

/** A cell's fill: an OOXML shading (w:shd): `pattern` (clear, diagStripe, pct20, …) in `color` over `fill`. */
export interface DocxShade {
  pattern: string;
  color: string;
  fill: string;
}

/** A cell's edge: its style (single, dashed, …), size in eighths of a point, colour. */
export interface DocxLine {
  style: 'single' | 'dashed' | 'dotted';
  size: number;
  color: string;
}

export interface DocxGridCell {
  paragraphs?: DocxPara[];
  /** A table inside the cell (drawn at the cell's width, under its paragraphs). */
  grid?: DocxGrid;
  /** Paragraphs under the table inside the cell. */
  after?: DocxPara[];
  shade?: DocxShade;
  borders?: { top?: DocxLine; bottom?: DocxLine; left?: DocxLine; right?: DocxLine };
  /** How many columns the cell spans (1). */
  span?: number;
  valign?: 'top' | 'center' | 'bottom';
  /** No margins inside the cell (a segment of a bar): its width is all fill. */
  tight?: boolean;
}

export interface DocxGridRow {
  cells: DocxGridCell[];
  /** The row's height in twips, exact (a strip of a bar); absent: as high as its text. */
  height?: number;
}

/**
 * A picture drawn as a table without borders: the charts of a report, native in Word (no image,
 * so no raster fallback: it prints sharp, its text can be copied, and Word, WPS and LibreOffice
 * all draw it). Columns are relative widths of the room there is; the caption and description
 * are the table's text alternative (Word: Table Properties → Alt Text).
 */
export interface DocxGrid {
  columns: number[];
  rows: DocxGridRow[];
  caption?: string;
  description?: string;
  /** Room between the cells in twips (small multiples apart, each with its own frame). */
  spacing?: number;
}

export type DocxBlock =
  | { kind: 'heading'; text: string; pageBreak?: boolean }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean; small?: boolean }
  | { kind: 'table'; table: DocxTable }
  | { kind: 'figure'; grid: DocxGrid; keepNext?: boolean };

export interface DocxContent {
  lang: Lang;
  title: string;
  /** Lines under the title (the date made, progress as of). */
  subtitle: string[];
  /** `--attachment N`: 附件N above the title. */
  attachment?: number;
  landscape: boolean;
  blocks: DocxBlock[];
  /** The document's own dates (not the clock's). */
  date: string;
  /** The size of table text in half-points (default 24: 小四). */
  tableSize?: number;
}

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

/** The .docx file of `content`. */
export async function docxDocument(content: DocxContent): Promise<Uint8Array> {
  const d = createRequire(import.meta.url)('docx') as typeof Docx;
  const run = (text: string, opts: { font?: string; size?: number; bold?: boolean } = {}) =>
    new d.TextRun({ text: xmlSafe(text), font: font(opts.font ?? BODY_FONT), size: opts.size ?? SIZE.text, bold: opts.bold });
  /** A paragraph of text with its line breaks kept. */
  const lines = (text: string, opts: { font?: string; size?: number; bold?: boolean; align?: (typeof d.AlignmentType)[keyof typeof d.AlignmentType] } = {}) =>
    new d.Paragraph({
      alignment: opts.align,
      children: xmlSafe(text)
        .split('\n')
        .map((line, i) => new d.TextRun({ text: line, break: i > 0 ? 1 : undefined, font: font(opts.font ?? BODY_FONT), size: opts.size ?? SIZE.text, bold: opts.bold })),
    });

  const children: (Docx.Paragraph | Docx.Table)[] = [];
  if (content.attachment !== undefined) {
    children.push(new d.Paragraph({ children: [run(tr(content.lang, 'office/attachment', { n: content.attachment }), { font: HEADING_FONT, size: SIZE.label })] }));
  }
  children.push(
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { before: 240, after: 240, line: 560, lineRule: d.LineRuleType.EXACT },
      children: [run(content.title, { font: TITLE_FONT, size: SIZE.title })],
    }),
  );
  if (content.subtitle.length) {
    children.push(new d.Paragraph({ alignment: d.AlignmentType.RIGHT, spacing: { after: 120 }, children: [run(content.subtitle.join('    '), { size: SIZE.small })] }));
  }

  // the text width of the page, in twentieths of a point (A4 less margins)
  const textWidth = content.landscape ? 16838 - 2 * 1247 : 11906 - 1588 - 1474;
  content.blocks.forEach((block, i) => {
    if (block.kind === 'heading') {
      children.push(new d.Paragraph({ keepNext: true, pageBreakBefore: block.pageBreak, spacing: { before: 240, after: 120 }, children: [run(block.text, { font: HEADING_FONT })] }));
    } else if (block.kind === 'subheading') {
      children.push(new d.Paragraph({ keepNext: true, spacing: { before: 160, after: 80 }, children: [run(block.text, { font: HEADING_FONT, size: SIZE.small })] }));
    } else if (block.kind === 'figure') {
      // room above a figure that follows text
      const before = content.blocks[i - 1]?.kind;
      if (before === 'paragraph' || before === 'table') {
        children.push(new d.Paragraph({ keepNext: true, spacing: { after: 0, line: 160, lineRule: d.LineRuleType.EXACT }, children: [new d.TextRun({ text: '', size: 2 })] }));
      }
      children.push(grid(d, block.grid, textWidth, block.keepNext ? 'all' : 'rows'));
      // a little room below, and a figure never runs into what follows
      children.push(
        new d.Paragraph({ keepNext: block.keepNext, spacing: { after: 0, line: 120, lineRule: d.LineRuleType.EXACT }, children: [new d.TextRun({ text: '', size: 2 })] }),
      );
    } else if (block.kind === 'paragraph') {
      children.push(lines(block.text, { bold: block.bold, size: block.small ? SIZE.small : SIZE.text }));
    } else {
      children.push(table(d, block.table, textWidth, content.tableSize ?? SIZE.table));
    }
  });

  const pageNumber = (align: 'right' | 'left') =>
    new d.Footer({
      children: [
        new d.Paragraph({
          alignment: align === 'right' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          indent: align === 'right' ? { right: 280 } : { left: 280 },
          children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'], font: font('宋体'), size: SIZE.pageNumber })],
        }),
      ],
    });

  const document = new d.Document({
    creator: 'plans',
    title: xmlSafe(content.title),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(BODY_FONT), size: SIZE.text } } } },
    sections: [
      {
        properties: {
          page: {
            // portrait sizes: the library swaps them for landscape
            size: { width: 11906, height: 16838, orientation: content.landscape ? d.PageOrientation.LANDSCAPE : d.PageOrientation.PORTRAIT },
            margin: content.landscape
              ? { top: 1247, bottom: 1247, left: 1247, right: 1247, footer: 567 }
              : { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 850 },
          },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
  const buffer = await d.Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** A table at the page's text width: header row repeated on each page, rows kept whole, merged cells where the table says. */
function table(d: typeof Docx, t: DocxTable, textWidth: number, size: number): Docx.Table {
  // a column of short cells (numbers, dates, ids, 杭州市) gets the width of its longest line, so that `2022-12-31`
  // stays on one line (a Latin character taken as 0.62 em: wide enough in 仿宋 and in the fonts that stand in for
  // it), and a heading of up to eight columns stays whole; the other columns share the rest as their widths say
  const twips = (columns: number) => Math.ceil(columns * 0.62 * size * 10 + 240);
  const longest = (text: string) => Math.max(0, ...text.split('\n').map(displayWidth));
  const SHORT = 10;
  const cells = t.widths.map((_, c) => Math.max(0, ...t.rows.map((row) => longest(row[c] ?? ''))));
  const heading = t.widths.map((_, c) => twips(Math.min(longest(t.headings[c] ?? ''), 8)));
  const short = cells.map((n) => n <= SHORT);
  // a number or a Latin word is never broken: a column is at least as wide as its longest one
  const word = t.widths.map((_, c) => Math.max(0, ...t.rows.flatMap((row) => (row[c] ?? '').split(/[\s\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]+/u).map(displayWidth))));
  const fixed = cells.map((n, c) => (short[c] ? Math.max(heading[c], twips(n)) : Math.max(heading[c], twips(Math.min(word[c], 24)))));
  const fixedTotal = fixed.reduce((a, b, c) => a + (short[c] ? b : 0), 0);
  const share = t.widths.reduce((a, b, c) => a + (short[c] ? 0 : b), 0) || 1;
  const room = Math.max(textWidth - fixedTotal, textWidth / 3);
  let widths = t.widths.map((w, c) => (short[c] ? fixed[c] : Math.max(fixed[c], Math.floor((w / share) * room))));
  const sum = widths.reduce((a, b) => a + b, 0);
  if (sum > textWidth) widths = widths.map((w) => Math.floor((w * textWidth) / sum));
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cellText = (text: string, bold: boolean, centred: boolean, keepNext = false) =>
    xmlSafe(text)
      .split('\n')
      .map(
        (line) =>
          new d.Paragraph({
            keepNext: keepNext || undefined,
            alignment: centred ? d.AlignmentType.CENTER : d.AlignmentType.LEFT,
            children: [new d.TextRun({ text: line, font: font(bold ? HEADING_FONT : BODY_FONT), size })],
          }),
      );
  const header = new d.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.headings.map(
      (h, c) =>
        new d.TableCell({
          width: { size: widths[c], type: d.WidthType.DXA },
          verticalAlign: d.VerticalAlignTable.CENTER,
          borders,
          children: cellText(h, true, true, t.keep),
        }),
    ),
  });
  const rows = t.rows.map(
    (row, r) =>
      new d.TableRow({
        cantSplit: true,
        children: row.map((text, c) => {
          const span = t.spans?.[r]?.[c] ?? 1;
          return new d.TableCell({
            width: { size: widths[c], type: d.WidthType.DXA },
            verticalAlign: span > 1 ? d.VerticalAlignTable.CENTER : d.VerticalAlignTable.TOP,
            verticalMerge: span > 1 ? d.VerticalMergeType.RESTART : span === 0 ? d.VerticalMergeType.CONTINUE : undefined,
            borders,
            children: cellText(span === 0 ? '' : text, false, t.centred?.[c] ?? false, t.keep && r < t.rows.length - 1),
          });
        }),
      }),
  );
  return new d.Table({
    width: { size: textWidth, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

/** Widths in twips of `weights` sharing `room`, rounded so that they add up to it. */
function distribute(weights: number[], room: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (w * room) / total);
  const out = exact.map(Math.floor);
  let left = room - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] += 1;
    left -= 1;
  }
  return out;
}

/** Margins of a cell with text, in twips (a tight cell has none). */
const GRID_MARGIN = 60;

/**
 * A figure drawn as a table `room` twips wide (see DocxGrid): no borders but the cells' own, rows
 * never split; at the top level every row's paragraphs keep with the next row, so the figure stays
 * on one page (`all`: the last row's too, so it stays with what follows). Its caption and description go into w:tblCaption and w:tblDescription (the docx
 * library writes no such elements: they are added to its table properties, where the schema puts
 * them, last).
 */
function grid(d: typeof Docx, g: DocxGrid, room: number, keep: 'all' | 'rows' | 'none'): Docx.Table {
  const columns = distribute(g.columns, room);
  const none = { style: d.BorderStyle.NONE, size: 0, color: 'auto' };
  const line = (l: DocxLine | undefined) =>
    l ? { style: l.style === 'dashed' ? d.BorderStyle.DASHED : l.style === 'dotted' ? d.BorderStyle.DOTTED : d.BorderStyle.SINGLE, size: l.size, color: l.color } : none;
  void none;
  const rows = g.rows.map((r, ri) => {
    let col = 0;
    const last = ri === g.rows.length - 1;
    return new d.TableRow({
      cantSplit: true,
      height: r.height === undefined ? undefined : { value: r.height, rule: d.HeightRule.EXACT },
      children: r.cells.map((c) => {
        const span = c.span ?? 1;
        const width = columns.slice(col, col + span).reduce((a, b) => a + b, 0);
        col += span;
        const margin = c.tight ? 0 : GRID_MARGIN;
        const inner = width - 2 * margin;
        const keepNext = keep === 'all' || (keep === 'rows' && !last);
        const paragraph = (p: DocxPara) =>
            new d.Paragraph({
              keepNext,
              alignment: p.align === 'center' ? d.AlignmentType.CENTER : p.align === 'right' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
              tabStops: [
                ...(p.tabs ?? []).map((t) => ({
                  type: t.align === 'center' ? d.TabStopType.CENTER : t.align === 'right' ? d.TabStopType.RIGHT : d.TabStopType.LEFT,
                  position: Math.max(0, Math.round(t.at * inner)),
                })),
                ...(p.runs.some((x) => x.tabRight) ? [{ type: d.TabStopType.RIGHT, position: Math.max(0, inner) }] : []),
              ],
              children: p.runs.map(
                (x) =>
                  new d.TextRun({
                    children: x.tabRight || x.tab ? [new d.Tab(), xmlSafe(x.text)] : [xmlSafe(x.text)],
                    bold: x.bold,
                    size: x.size ?? SIZE.small,
                    color: x.color,
                    font: font(BODY_FONT),
                    shading: x.boxed ? { type: d.ShadingType.CLEAR, color: 'auto', fill: 'FFFFFF' } : undefined,
                  }),
              ),
            });
        const paragraphs = (c.paragraphs ?? []).map((p) => paragraph(p));
        const after = (c.after ?? []).map((p) => paragraph(p));
        const children: (Docx.Paragraph | Docx.Table)[] = [...paragraphs];
        if (c.grid) children.push(grid(d, c.grid, Math.max(inner, 1), 'none'));
        children.push(...after);
        // a cell ends with a paragraph; in a strip of exact height it is one too small to raise the row
        if (children.length === 0 || (c.grid && after.length === 0)) {
          children.push(new d.Paragraph({ keepNext, spacing: { before: 0, after: 0, line: 20, lineRule: d.LineRuleType.EXACT }, children: [new d.TextRun({ text: '', size: 2 })] }));
        }
        const b = c.borders ?? {};
        return new d.TableCell({
          width: { size: width, type: d.WidthType.DXA },
          columnSpan: span > 1 ? span : undefined,
          verticalAlign: c.valign === 'center' ? d.VerticalAlignTable.CENTER : c.valign === 'bottom' ? d.VerticalAlignTable.BOTTOM : d.VerticalAlignTable.TOP,
          margins: { top: 0, bottom: 0, left: margin, right: margin, marginUnitType: d.WidthType.DXA },
          shading: c.shade ? { type: c.shade.pattern as (typeof Docx.ShadingType)[keyof typeof Docx.ShadingType], color: c.shade.color, fill: c.shade.fill } : undefined,
          // only the edges drawn (the table has none): an explicit `none` on a cell makes LibreOffice draw its neighbours' edges through it
          borders: Object.fromEntries(Object.entries(b).filter(([, l]) => l).map(([side, l]) => [side, line(l)])),
          children,
        });
      }),
    });
  });
  const table = new d.Table({
    width: { size: room, type: d.WidthType.DXA },
    columnWidths: columns,
    layout: d.TableLayoutType.FIXED,
    borders: d.TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: d.WidthType.DXA },
    cellSpacing: g.spacing ? { value: g.spacing, type: d.WidthType.DXA } : undefined,
    rows,
  });
  if (g.caption || g.description) {
    const props = (table as unknown as { root: unknown[] }).root.find((x): x is { root: unknown[] } => x instanceof d.XmlComponent && (x as unknown as { rootKey: string }).rootKey === 'w:tblPr');
    if (props) {
      if (g.caption) props.root.push(new d.StringValueElement('w:tblCaption', xmlSafe(g.caption)));
      if (g.description) props.root.push(new d.StringValueElement('w:tblDescription', xmlSafe(g.description)));
    }
  }
  return table;
}
