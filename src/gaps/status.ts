/** Target status now lives in the domain module (src/domain/status.ts); re-exported for the modules and tests that import it from here. */
export * from '../domain/status.js';
