import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // every temporary file of the run under one folder, removed at the end (test/global-setup.ts)
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // the JSON report lets .ci/run print one plain closing line: N passed, N failed
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
