/** The formats of `plans gaps`: adding one is one file and one entry here. */
import { html } from './html.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { text } from './text.js';
import type { GapFormatter } from './types.js';

export const gapFormatters: Record<string, GapFormatter> = { text, markdown, json, html };
