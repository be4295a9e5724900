import type { Catalog } from '../index.js';

/** Table titles, column headings and wording of targets. */
export const tablesMessages: Catalog = {};
