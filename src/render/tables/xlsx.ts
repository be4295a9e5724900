/**
 * An Excel workbook, one sheet per table, as a spreadsheet user expects it: the title above a bold
 * frozen header row with an autofilter, numbers as numbers and dates as dates (so SUM, sorting and
 * date filters work), widths that fit Chinese text, and rows tall enough for their wrapped text
 * (LibreOffice keeps a stored height and clips what does not fit); A4 landscape with the header row
 * repeated on every printed page.
 * exceljs is loaded only here, on use, so that the other commands do not pay for it: with require
 * (it is CommonJS), since the bundle runs as a vm script, where import() is not available.
 */
import { createRequire } from 'node:module';
import type { Cell, Workbook, Worksheet } from 'exceljs';
import type { Column, Table, TableReport } from '../../tables/types.js';
import { documentTitle, mergeSpans, subtitleParts, width, wrapText } from './layout.js';
import type { TableFormatter } from './types.js';
import { maxOf } from '../max.js';
import { xmlSafe } from '../xml-safe.js';

/** The font size of the body cells, in points (exceljs's default font, Calibri 11). */
export const FONT_SIZE = 11;
/** A line of a CJK font takes about 1.45 times its size (Noto Sans CJK: 1.448 em; 等线, 宋体 about the same). */
export const LINE_HEIGHT = 1.45;
/** Points above and below the text of a cell. */
const ROW_PADDING = 4;

/** Excel's width unit is about one Latin digit; a Chinese character takes two. */
function columnWidths(table: Table): number[] {
  return table.columns.map((col) => {
    const lines = [col.heading, ...table.rows.map((r) => r.cells[col.key] ?? '')].flatMap((c) => c.split('\n'));
    const natural = maxOf(lines.map(width), 0);
    const wanted = col.nowrap ? natural : Math.min(natural, col.width * 2);
    return Math.max(wanted, width(col.heading), 4) + 2;
  });
}

/**
 * Lines a wrapped cell takes at a column width: wrapped as the text formats wrap it (words of Latin
 * text whole, CJK between characters, CJK counted as two), into the width less padding.
 */
export function lineCount(text: string, columnWidth: number, wrap = true): number {
  if (!wrap) return Math.max(1, text.split('\n').length);
  const room = Math.max(2, Math.floor(columnWidth - 1.5));
  return Math.max(1, wrapText(text, room).length);
}

/** The height in points of a row of `lines` lines of text at `fontSize`. */
export function rowHeight(lines: number, fontSize = FONT_SIZE): number {
  return Math.ceil(lines * fontSize * LINE_HEIGHT + ROW_PADDING);
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function sheetName(title: string, used: Set<string>): string {
  let name = xmlSafe(title).replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet';
  for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)} ${i}`;
  used.add(name);
  return name;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date cell's value: midnight UTC, which exceljs turns into a whole Excel serial day. */
export function excelDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 ? d : undefined;
}

/** Writes a cell's text as the column's type when it reads as one: a number keeps its written decimals (`5.0`). */
export function setTyped(cell: Cell, text: string, type: Column['type']): void {
  const safe = xmlSafe(text);
  if (type === 'number' && PLAIN_NUMBER.test(safe) && Number.isFinite(Number(safe))) {
    cell.value = Number(safe);
    const decimals = safe.split('.')[1]?.length ?? 0;
    // General drops trailing zeros; a number drafted as 5.0 keeps its decimal
    if (decimals > 0 && String(Number(safe)) !== safe) cell.numFmt = `0.${'0'.repeat(decimals)}`;
    return;
  }
  const date = type === 'date' ? excelDate(safe) : undefined;
  if (date) {
    cell.value = date;
    cell.numFmt = 'yyyy-mm-dd';
    return;
  }
  cell.value = safe;
}

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
/** Rows above the header: the title and the line under it. */
export const TITLE_ROWS = 2;

function addSheet(workbook: Workbook, table: Table, report: TableReport, used: Set<string>): Worksheet {
  const headerRow = TITLE_ROWS + 1;
  const sheet = workbook.addWorksheet(sheetName(table.title, used), {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  const widths = columnWidths(table);
  const total = widths.reduce((a, b) => a + b, 0);
  sheet.columns = table.columns.map((col, i) => ({ key: col.key, width: widths[i] }));
  const last = table.columns.length;

  // the title and the line under it, each merged across the table
  const titleText = xmlSafe(documentTitle({ ...report, tables: [table] }));
  const title = sheet.getRow(1);
  title.getCell(1).value = titleText;
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  title.height = rowHeight(lineCount(titleText, total / (14 / FONT_SIZE)), 14);
  const subtitle = sheet.getRow(2);
  subtitle.getCell(1).value = xmlSafe(subtitleParts(report).join('    '));
  subtitle.getCell(1).alignment = { vertical: 'middle', horizontal: 'right' };
  subtitle.height = rowHeight(1);
  if (last > 1) {
    sheet.mergeCells(1, 1, 1, last);
    sheet.mergeCells(2, 1, 2, last);
  }

  const header = sheet.getRow(headerRow);
  let headerLines = 1;
  table.columns.forEach((col, i) => {
    const cell = header.getCell(i + 1);
    cell.value = xmlSafe(col.heading);
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.border = BORDER;
    headerLines = Math.max(headerLines, lineCount(col.heading, widths[i]));
  });
  header.height = rowHeight(headerLines);

  const spans = mergeSpans(table);
  const lines: number[] = table.rows.map(() => 1);
  table.rows.forEach((row, r) => {
    table.columns.forEach((col, c) => {
      if (spans[r][c] === 1) lines[r] = Math.max(lines[r], lineCount(row.cells[col.key] ?? '', widths[c], !col.nowrap));
    });
  });
  // a merged cell's text must fit in the rows it spans: what their own cells do not give it, its last row gets
  table.rows.forEach((row, r) => {
    table.columns.forEach((col, c) => {
      const span = spans[r][c];
      if (span <= 1) return;
      const needed = lineCount(row.cells[col.key] ?? '', widths[c], !col.nowrap);
      const has = lines.slice(r, r + span).reduce((a, b) => a + b, 0);
      if (needed > has) lines[r + span - 1] += needed - has;
    });
  });
  table.rows.forEach((row, r) => {
    const excelRow = sheet.getRow(headerRow + 1 + r);
    table.columns.forEach((col, c) => {
      const cell = excelRow.getCell(c + 1);
      setTyped(cell, row.cells[col.key] ?? '', col.type);
      cell.alignment = { vertical: spans[r][c] > 1 ? 'middle' : 'top', wrapText: !col.nowrap };
      cell.border = BORDER;
    });
    excelRow.height = rowHeight(lines[r]);
  });
  table.columns.forEach((_, c) => {
    table.rows.forEach((__, r) => {
      if (spans[r][c] > 1) sheet.mergeCells(headerRow + 1 + r, c + 1, headerRow + r + spans[r][c], c + 1);
    });
  });
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + Math.max(table.rows.length, 1), column: Math.max(last, 1) } };
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  sheet.headerFooter.oddFooter = '&C&P / &N';
  return sheet;
}

export const xlsx: TableFormatter = {
  binary: true,
  async render(report: TableReport) {
    const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'plans';
    workbook.title = xmlSafe(documentTitle(report));
    // the workbook's own dates are the report's, not the clock's (the zip entries still carry the time of writing)
    workbook.created = new Date(`${report.date}T00:00:00Z`);
    workbook.modified = workbook.created;
    const used = new Set<string>();
    for (const table of report.tables) addSheet(workbook, table, report, used);
    const buffer = await workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  },
};
