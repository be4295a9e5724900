import type { TableReport } from '../../tables/types.js';

export interface TableRenderContext {
  /** Width of the terminal (text format); 100 when not known. */
  width: number;
  /** `--attachment N` (docx): 附件N above the title. */
  attachment?: number;
}

/** A table format: a pure function of the report; `binary` formats need `--out`. */
export interface TableFormatter {
  binary: boolean;
  render(report: TableReport, ctx: TableRenderContext): Promise<string | Uint8Array>;
}
