import type { TableReport } from '../../tables/types.js';

export interface TableRenderContext {
  /** Width of the terminal (text format); 100 when not known. */
  width: number;
  /** `--attachment N` (docx): 附件N above the title. */
  attachment?: number;
}

/**
 * A table format: a pure function of the report; `binary` formats need `--out`. A text may come in
 * pieces (CSV, JSON), made and written one by one: a table can be longer than the longest string (about 512 MB).
 */
export interface TableFormatter {
  binary: boolean;
  render(report: TableReport, ctx: TableRenderContext): Promise<string | Uint8Array | Iterable<string>>;
}
