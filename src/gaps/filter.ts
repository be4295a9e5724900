/** The report filters live in the domain module (src/domain/filter.ts); re-exported for the modules that import them from here. */
export * from '../domain/filter.js';
