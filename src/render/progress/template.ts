/**
 * The progress fill-in workbook: a first sheet of instructions, then one sheet per city with its
 * title, header row and one row per target (or unit); the cells to fill unlocked, yellow and
 * checked as numbers, the rest protected (without a password: it guards against slips, not people).
 * Also as CSV (one city, BOM and CRLF, as Excel and WPS open it).
 */
import { createRequire } from 'node:module';
import type { Worksheet } from 'exceljs';
import { tr, type Lang } from '../../i18n/index.js';
import { FILL_COLUMNS, PROGRESS_COLUMNS, progressHeading, type ProgressColumn, type ProgressSheet } from '../../progress/template.js';
import { csvField } from '../tables/csv.js';
import { lineCount, rowHeight, sheetName } from '../tables/xlsx.js';
import { xmlSafe } from '../xml-safe.js';

/** Widths in Excel's units (a Latin digit; a Chinese character takes two). */
const WIDTHS: Record<ProgressColumn, number> = {
  target: 12,
  name: 26,
  unit: 11,
  measure: 10,
  baseline: 14,
  goal: 26,
  latest: 11,
  latestDate: 12,
  value: 12,
  note: 30,
};
/** The sheet's title is row 1; the header row 2; the rows to fill start at 3. */
export const HEADER_ROW = 2;

export interface TemplateOptions {
  lang: Lang;
  campaignTitle: string;
  asOf?: string;
  /** The day the workbook is made (its document dates). */
  date: string;
}

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF2CC' } };

/** The .xlsx workbook of the sheets. */
export async function templateXlsx(sheets: ProgressSheet[], opts: TemplateOptions): Promise<Uint8Array> {
  const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
  const { lang } = opts;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'plans';
  workbook.title = xmlSafe(tr(lang, 'progress/instructions-title', { campaign: opts.campaignTitle }));
  workbook.created = new Date(`${opts.date}T00:00:00Z`);
  workbook.modified = workbook.created;
  const used = new Set<string>();
  const instructions = workbook.addWorksheet(sheetName(tr(lang, 'progress/instructions-sheet'), used));
  const names = sheets.map((s) => sheetName(s.cityName, used));
  const valueColumn = String.fromCharCode(65 + PROGRESS_COLUMNS.indexOf('value'));
  instructions.getColumn(1).width = 110;
  instructions.getCell('A1').value = xmlSafe(workbook.title);
  instructions.getCell('A1').font = { bold: true, size: 14 };
  const lines = tr(lang, 'progress/instructions', { sheets: names, date: opts.asOf ?? 'YYYY-MM-DD', example: `${names[0] ?? 'Sheet1'}!${valueColumn}${HEADER_ROW + 1}` }).split('\n');
  lines.forEach((line, i) => {
    const cell = instructions.getCell(i + 3, 1);
    cell.value = xmlSafe(line);
    cell.alignment = { wrapText: true, vertical: 'top' };
    instructions.getRow(i + 3).height = rowHeight(lineCount(line, 110));
  });
  sheets.forEach((sheet, i) => addCitySheet(workbook.addWorksheet(names[i]), sheet, lang));
  for (const ws of workbook.worksheets.slice(1)) {
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function addCitySheet(ws: Worksheet, sheet: ProgressSheet, lang: Lang): void {
  ws.views = [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 1 }];
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` };
  ws.columns = PROGRESS_COLUMNS.map((key) => ({ key, width: WIDTHS[key] }));
  const title = ws.getCell(1, 1);
  title.value = xmlSafe(sheet.title);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = rowHeight(1, 14);
  ws.mergeCells(1, 1, 1, PROGRESS_COLUMNS.length);
  const header = ws.getRow(HEADER_ROW);
  PROGRESS_COLUMNS.forEach((key, c) => {
    const cell = header.getCell(c + 1);
    cell.value = progressHeading(lang, key);
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = FILL_COLUMNS.includes(key) ? FILL : { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  });
  header.height = rowHeight(Math.max(...PROGRESS_COLUMNS.map((k) => lineCount(progressHeading(lang, k), WIDTHS[k]))));
  sheet.rows.forEach((row, r) => {
    const excelRow = ws.getRow(HEADER_ROW + 1 + r);
    let lines = 1;
    PROGRESS_COLUMNS.forEach((key, c) => {
      const cell = excelRow.getCell(c + 1);
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
      if (key === 'latest') {
        if (row.latest !== undefined) cell.value = row.latest;
      } else if (key === 'value' || key === 'note') {
        cell.protection = { locked: false };
        cell.fill = FILL;
        if (key === 'value') {
          cell.dataValidation = {
            type: 'decimal',
            operator: 'between',
            allowBlank: true,
            showErrorMessage: true,
            errorStyle: 'stop',
            errorTitle: tr(lang, 'progress/validation-title'),
            error: tr(lang, 'progress/validation'),
            formulae: [-1e15, 1e15],
          };
        }
      } else {
        const text = xmlSafe(row.cells[key]);
        cell.value = text;
        lines = Math.max(lines, lineCount(text, WIDTHS[key]));
      }
    });
    excelRow.height = rowHeight(lines);
  });
}

/** The CSV of one city's sheet: the header row, then the rows; the value and note fields empty. */
export function templateCsv(sheet: ProgressSheet, lang: Lang): string {
  const lines = [PROGRESS_COLUMNS.map((k) => csvField(progressHeading(lang, k))).join(',')];
  for (const row of sheet.rows) {
    lines.push(
      PROGRESS_COLUMNS.map((k) => csvField(k === 'latest' ? row.latestText : k === 'value' || k === 'note' ? '' : row.cells[k])).join(','),
    );
  }
  return '\uFEFF' + lines.map((l) => l + '\r\n').join('');
}
