/** A filled-in workbook (xlsx) or CSV as sheets of cells, each cell with what the import needs to judge it. */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CellValue as ExcelValue, Worksheet } from 'exceljs';

export interface SheetCell {
  /** The text as shown (a number cell's number, a date as YYYY-MM-DD). */
  text: string;
  /** Set for a cell that holds a number (or a formula whose result is one). */
  number?: number;
  /** A number cell shown as a percentage (`95%` typed into Excel is stored as 0.95 with a % format). */
  percent?: boolean;
  /** A date cell (never a value to import). */
  date?: boolean;
}

export interface Sheet {
  name: string;
  /** Cells by 1-based row, then 1-based column. */
  rows: Map<number, Map<number, SheetCell>>;
}

/** `D7`: a 1-based row and column as Excel names them. */
export function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** `进度!D7`, `'Sheet one'!D7`: a sheet name is quoted as Excel quotes it when it is not one plain word. */
export function sheetCell(sheet: string, row: number, column: number): string {
  const plain = /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cellAddress(row, column)}`;
}

/** Reads an .xlsx workbook: every worksheet, every cell that holds something. */
export async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.worksheets.map(readWorksheet);
}

function readWorksheet(ws: Worksheet): Sheet {
  const rows = new Map<number, Map<number, SheetCell>>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells = new Map<number, SheetCell>();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // a merged cell's other parts repeat the master's value: only the master counts
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const read = fromExcel(cell.value, cell.numFmt);
      if (read && (read.text !== '' || read.number !== undefined)) cells.set(c, read);
    });
    if (cells.size) rows.set(r, cells);
  });
  return { name: ws.name, rows };
}

function fromExcel(value: ExcelValue, numFmt: string | undefined): SheetCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return { text: String(value), number: value, percent: /%/.test(numFmt ?? '') };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: String(value) };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10), date: true };
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return { text: value.richText.map((p) => p.text).join('') };
    if ('result' in value) return fromExcel((value.result ?? null) as ExcelValue, numFmt);
    if ('formula' in value || 'sharedFormula' in value) return { text: '' };
    if ('text' in value && typeof value.text === 'string') return { text: value.text };
    if ('error' in value) return { text: String(value.error) };
  }
  return { text: String(value) };
}

/**
 * Reads a CSV (RFC 4180; a BOM, CRLF or LF, quoted fields with commas, quotes and line breaks) as
 * one sheet named after the file, as Excel names it when it opens one: record N is row N.
 */
export function readCsv(text: string, file: string): Sheet {
  const rows = new Map<number, Map<number, SheetCell>>();
  let record = new Map<number, SheetCell>();
  let field = '';
  let column = 1;
  let row = 1;
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    if (field !== '' || wasQuoted) record.set(column, { text: field });
    field = '';
    wasQuoted = false;
    column++;
  };
  const endRecord = () => {
    endField();
    for (const [c, cell] of record) if (cell.text === '') record.delete(c);
    if (record.size) rows.set(row, record);
    record = new Map();
    column = 1;
    row++;
  };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRecord();
    } else {
      field += ch;
    }
  }
  if (field !== '' || record.size || column > 1) endRecord();
  return { name: path.basename(file).replace(/\.[^.]*$/, '') || 'Sheet1', rows };
}
