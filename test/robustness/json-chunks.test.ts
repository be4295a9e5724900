import { test, expect } from 'vitest';
import fc from 'fast-check';
import { jsonChunks } from '../../src/util/json-chunks.js';
test('same as JSON.stringify', () => {
  fc.assert(fc.property(fc.jsonValue(), (v) => { expect([...jsonChunks(v, 2, 7)].join('')).toBe(JSON.stringify(v, null, 2)); }), { numRuns: 2000 });
  const o = { a: undefined, b: [undefined, 1], c: { toJSON: () => 'x' }, d: {} , e: []};
  expect([...jsonChunks(o)].join('')).toBe(JSON.stringify(o, null, 2));
});
