import type { Catalog } from '../index.js';

/** Headings, statuses and the method paragraph of the gap report. */
export const gapsMessages: Catalog = {};
