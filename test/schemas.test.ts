/** The JSON Schemas: generated from one definition, documented in both languages, and exact about target forms. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import AjvModule from 'ajv';
import formatsModule from 'ajv-formats';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..');
const schemaDir = path.join(root, 'schemas');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(schemaDir, name), 'utf8'));
const Ajv = (AjvModule as unknown as { default: typeof AjvModule }).default ?? AjvModule;
const addFormats = (formatsModule as unknown as { default: typeof formatsModule }).default ?? formatsModule;

function compile(name: string) {
  const ajv = new (Ajv as unknown as new (o: object) => InstanceType<typeof AjvModule.default>)({ allErrors: true, strict: false });
  (addFormats as unknown as (a: unknown, f: string[]) => void)(ajv, ['date']);
  return ajv.compile(read(name));
}

const plan = (target: unknown, extra: Record<string, unknown> = {}) => ({
  kind: 'Plan',
  campaign: 'c',
  city: 'x',
  actions: [{ id: 'A', title: 't', tasks: ['T1'], lead: 'o', targets: [{ id: 'K', name: 'n', target, ...extra }] }],
});

describe('schemas', () => {
  it('are what scripts/build-schemas.mjs generates', () => {
    expect(() => execFileSync(process.execPath, [path.join(root, 'scripts/build-schemas.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('describe every property in Chinese and English, with an example', () => {
    const entry = read('plans.schema.json');
    const defs = entry.definitions as Record<string, Record<string, unknown>>;
    const resolve = (s: Record<string, unknown>): Record<string, unknown> => {
      const ref = s.$ref as string | undefined;
      return ref ? { ...resolve(defs[ref.split('/').pop() as string]), ...s } : s;
    };
    const missing: string[] = [];
    const visit = (schema: Record<string, unknown>, where: string) => {
      const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
      for (const [key, raw] of Object.entries(props)) {
        const prop = resolve(raw);
        const description = String(prop.description ?? '');
        if (!/[\u4e00-\u9fff]/.test(description) || !/[A-Za-z]{3,}/.test(description)) missing.push(`${where}.${key}: description`);
        if (!Array.isArray(prop.examples) || prop.examples.length === 0) missing.push(`${where}.${key}: examples`);
      }
      for (const branch of (schema.oneOf ?? []) as Record<string, unknown>[]) visit(branch, `${where}|`);
    };
    for (const [name, def] of Object.entries(defs)) visit(def, name);
    expect(missing).toEqual([]);
  });

  it('accept every target form of the spec', () => {
    const validate = compile('plan.schema.json');
    const forms = [
      { op: '>=', value: 30000 },
      { op: '~', value: 5, tolerance: 0.5, text: '5 左右' },
      { min: 5.0, max: 5.5 },
      { change: '+20%' },
      { change: '-13.5%', text: '累计降低13.5%' },
      { change: '+1' },
      { annual_change: '+7%' },
      { op: '>', than: 'gdp-growth' },
      { text: '保持在合理区间' },
    ];
    for (const form of forms) expect(validate(plan(form)), JSON.stringify(form)).toBe(true);
    expect(validate(plan({ op: '>=', value: 5 }, { per: 'unit', unit: '项', baseline: { value: 1, date: '2021-12-31', text: '[1]' }, better: 'lower', nature: 'binding' }))).toBe(true);
  });

  it('refuse everything else', () => {
    const validate = compile('plan.schema.json');
    const wrong = [
      { op: '>=' },
      { value: 5 },
      { op: '>=', value: 5, max: 6 },
      { min: 5 },
      { change: '20%' },
      { change: '+20%', op: '>=' },
      { annual_change: 7 },
      { op: '>', than: 'x', value: 3 },
      { op: '!=', value: 3 },
      { text: '' },
      {},
      'level 5',
      [{ op: '>=', value: 5 }],
    ];
    for (const form of wrong) expect(validate(plan(form)), JSON.stringify(form)).toBe(false);
    expect(validate(plan({ op: '>=', value: 5 }, { per: 'county' }))).toBe(false);
    expect(validate(plan({ op: '>=', value: 5 }, { colour: 'red' }))).toBe(false);
  });

  it('dispatch on kind in the entry schema, for editors', () => {
    const validate = compile('plans.schema.json');
    const example = path.join(root, 'examples/zhejiang-2022');
    const files = ['campaign.yaml', 'owners.yaml', 'hangzhou/plan.yaml', 'wenzhou/progress/2022-06.yaml'];
    for (const f of files) {
      for (const doc of parseAllDocuments(fs.readFileSync(path.join(example, f), 'utf8')) as { toJS(): unknown }[]) {
        expect(validate(doc.toJS()), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
    expect(validate({ kind: 'Owners', owners: [{ id: 'a', name: 'A', colour: 1 }] })).toBe(false);
    expect(validate({ kind: 'Plan', campaign: 'c', city: 'x', owners: [] })).toBe(false);
    expect(validate({ kind: 'Budget' })).toBe(false);
  });
});
