/** The formats of `plans diff`: adding one is one file and one entry here. */
import { github } from './github.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { text } from './text.js';
import type { DiffFormatter } from './types.js';

export const diffFormatters: Record<string, DiffFormatter> = { text, markdown, json, github };
