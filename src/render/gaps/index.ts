/** The formats of `plans gaps`: adding one is one file and one entry here. */
import { html } from './html.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { text } from './text.js';
import type { GapFormatter } from './types.js';
import { docx, type BinaryGapFormatter } from './docx.js';

export const gapFormatters: Record<string, GapFormatter> = { text, markdown, json, html };

/** The formats that make a file (they need --out). */
export const binaryGapFormatters: Record<string, BinaryGapFormatter> = { docx };
