/**
 * An Excel workbook, one sheet per table: bold frozen header row, widths that fit Chinese text,
 * wrapped cells, A4 landscape with the header row repeated on every printed page.
 * exceljs is loaded only here, on use, so that the other commands do not pay for it: with require
 * (it is CommonJS), since the bundle runs as a vm script, where import() is not available.
 */
import { createRequire } from 'node:module';
import type { Workbook, Worksheet } from 'exceljs';
import type { Table, TableReport } from '../../tables/types.js';
import { documentTitle, mergeSpans, subtitleParts, width } from './layout.js';
import type { TableFormatter } from './types.js';
import { maxOf } from '../max.js';

/** Excel's width unit is about one Latin digit; a Chinese character takes two. */
function columnWidths(table: Table): number[] {
  return table.columns.map((col) => {
    const lines = [col.heading, ...table.rows.map((r) => r.cells[col.key] ?? '')].flatMap((c) => c.split('\n'));
    const natural = maxOf(lines.map(width), 0);
    const wanted = col.nowrap ? natural : Math.min(natural, col.width * 2);
    return Math.max(wanted, width(col.heading), 4) + 2;
  });
}

/** Lines a wrapped cell takes at a column width (Excel does not size rows of merged or generated cells by itself everywhere). */
function lineCount(text: string, columnWidth: number): number {
  const room = Math.max(1, columnWidth - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(width(line) / room)), 0);
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string, used: Set<string>): string {
  let name = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';
  for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)} ${i}`;
  used.add(name);
  return name;
}

function addSheet(workbook: Workbook, table: Table, report: TableReport, used: Set<string>): Worksheet {
  const sheet = workbook.addWorksheet(sheetName(table.title, used), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
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
  sheet.columns = table.columns.map((col, i) => ({ key: col.key, width: widths[i] }));
  const header = sheet.getRow(1);
  table.columns.forEach((col, i) => {
    const cell = header.getCell(i + 1);
    cell.value = col.heading;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  });
  header.height = 20;
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  header.eachCell((cell) => (cell.border = border));
  const spans = mergeSpans(table);
  table.rows.forEach((row, r) => {
    const excelRow = sheet.getRow(r + 2);
    let lines = 1;
    table.columns.forEach((col, c) => {
      const cell = excelRow.getCell(c + 1);
      cell.value = row.cells[col.key] ?? '';
      cell.alignment = { vertical: spans[r][c] > 1 ? 'middle' : 'top', wrapText: !col.nowrap };
      cell.border = border;
      if (spans[r][c] === 1) lines = Math.max(lines, lineCount(row.cells[col.key] ?? '', widths[c]));
    });
    excelRow.height = Math.max(16, lines * 14 + 2);
  });
  table.columns.forEach((_, c) => {
    table.rows.forEach((__, r) => {
      if (spans[r][c] > 1) sheet.mergeCells(r + 2, c + 1, r + 1 + spans[r][c], c + 1);
    });
  });
  sheet.pageSetup.printTitlesRow = '1:1';
  // the title and page numbers go in the printed header and footer, so row 1 stays the header row
  const quote = (s: string) => s.replace(/&/g, '&&');
  sheet.headerFooter.oddHeader = `&C&B${quote(documentTitle({ ...report, tables: [table] }))}&R${quote(subtitleParts(report).join('  '))}`;
  sheet.headerFooter.oddFooter = '&C&P / &N';
  return sheet;
}

export const xlsx: TableFormatter = {
  binary: true,
  async render(report: TableReport) {
    const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'plans';
    workbook.title = documentTitle(report);
    // the workbook's own dates are the report's, not the clock's (the zip entries still carry the time of writing)
    workbook.created = new Date(`${report.date}T00:00:00Z`);
    workbook.modified = workbook.created;
    const used = new Set<string>();
    for (const table of report.tables) addSheet(workbook, table, report, used);
    const buffer = await workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  },
};
