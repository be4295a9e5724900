/** The types of target status live in the domain module (src/domain/types.ts); re-exported for the modules and tests that import them from here. */
export type * from '../domain/types.js';
