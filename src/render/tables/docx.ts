/** The tables as a Word document: A4 landscape, each table with its header row repeated on every page (see ../docx/document.ts). */
import type { TableReport } from '../../tables/types.js';
import { docxDocument, type DocxBlock } from '../docx/document.js';
import { documentTitle, mergeSpans, subtitleParts } from './layout.js';
import type { TableFormatter } from './types.js';

export const docx: TableFormatter = {
  binary: true,
  async render(report: TableReport, ctx) {
    const blocks: DocxBlock[] = [];
    for (const table of report.tables) {
      if (report.tables.length > 1) blocks.push({ kind: 'heading', text: table.title });
      blocks.push({
        kind: 'table',
        table: {
          headings: table.columns.map((c) => c.heading),
          rows: table.rows.map((row) => table.columns.map((c) => row.cells[c.key] ?? '')),
          widths: table.columns.map((c) => c.width),
          spans: mergeSpans(table),
          centred: table.columns.map((c) => c.nowrap === true || c.type !== undefined),
        },
      });
    }
    return docxDocument({
      lang: report.lang,
      title: documentTitle(report),
      subtitle: subtitleParts(report),
      attachment: ctx.attachment,
      landscape: true,
      blocks,
      date: report.date,
    });
  },
};
