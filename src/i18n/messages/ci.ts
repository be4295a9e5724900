import type { Catalog } from '../index.js';

/** Messages of config, suppression, baselines, CI formats and the drafter commands (init, explain, schema). */
export const ciMessages: Catalog = {};
