import { test, expect } from 'vitest';
import { lintBytes } from './helpers.js';
test('many', () => {
  const n = 150_000;
  const t0 = Date.now();
  const r = lintBytes('kind: Owners\nowners: [' + Array(n).fill('1').join(', ') + ']\n', 'owners.yaml');
  console.log(Date.now() - t0, r.findings.length, r.findings[0].message.en);
});
