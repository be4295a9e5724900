/** Every JSON Schema under schemas/ compiles under ajv's strict mode, as consumers with `strict: true` compile it. */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

const dir = path.join(__dirname, '..', 'schemas');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.schema.json'));

describe('schemas under ajv strict: true', () => {
  it('finds the six schemas', () => {
    expect(files.sort()).toEqual(['campaign.schema.json', 'compiled.schema.json', 'owners.schema.json', 'plan.schema.json', 'plans.schema.json', 'progress.schema.json']);
  });
  for (const file of files) {
    it(`${file} compiles with strict: true (strictRequired, strictTypes, strictTuples included)`, () => {
      const ajv = new (Ajv as unknown as typeof Ajv.default)({ strict: true, strictRequired: true, allErrors: true });
      (addFormats as unknown as typeof addFormats.default)(ajv);
      const schema = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      expect(() => ajv.compile(schema)).not.toThrow();
    });
  }
});
