/** The table formats: adding one is one file and one entry here. */
import { csv } from './csv.js';
import { html } from './html.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { text } from './text.js';
import type { TableFormatter } from './types.js';
import { xlsx } from './xlsx.js';
import { docx } from './docx.js';

export type { TableFormatter, TableRenderContext } from './types.js';

export const tableFormatters: Record<string, TableFormatter> = {
  text,
  markdown,
  csv,
  json,
  html,
  xlsx,
  docx,
};
