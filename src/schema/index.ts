/** ajv set-up: one compiled validator per kind, and ajv errors turned into plain findings. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import type { Kind, SourceDoc } from '../load/source.js';
import type { Finding } from '../types.js';
import { describeErrors } from './messages.js';

// ajv and ajv-formats are CommonJS with a default export.
type AjvClass = typeof AjvModule.default;
const Ajv: AjvClass = (AjvModule as unknown as { default: AjvClass }).default ?? (AjvModule as unknown as AjvClass);
type AddFormats = typeof formatsModule.default;
const addFormats: AddFormats = (formatsModule as unknown as { default: AddFormats }).default ?? (formatsModule as unknown as AddFormats);

/** Where the JSON Schemas live: `schemas/` at the package root. */
export const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas');

export function schemaFile(kind: Kind | 'plans'): string {
  return path.join(SCHEMA_DIR, `${kind.toLowerCase()}.schema.json`);
}

export function readSchema(kind: Kind | 'plans'): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(schemaFile(kind), 'utf8')) as Record<string, unknown>;
}

let validators: Map<Kind, ValidateFunction> | undefined;

/** The validator of a kind, compiled once per process. */
export function validatorFor(kind: Kind): ValidateFunction {
  if (!validators) validators = new Map();
  const cached = validators.get(kind);
  if (cached) return cached;
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  addFormats(ajv, ['date']);
  const v = ajv.compile(readSchema(kind));
  validators.set(kind, v);
  return v;
}

const branchValidators = new Map<string, ValidateFunction>();

/**
 * Errors of one branch of a `oneOf` definition (`targetValue`, `measure`), validated on its own,
 * so the drafter hears about the form they meant and not about all the others.
 */
export function branchErrors(definition: string, branch: number, value: unknown): ErrorObject[] {
  const key = `${definition}/${branch}`;
  let v = branchValidators.get(key);
  if (!v) {
    const plan = readSchema('Plan') as { definitions: Record<string, { oneOf?: object[] }> };
    const schema = plan.definitions[definition]?.oneOf?.[branch];
    if (!schema) return [];
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    addFormats(ajv, ['date']);
    v = ajv.compile({ ...schema, definitions: plan.definitions });
    branchValidators.set(key, v);
  }
  return v(value) ? [] : ((v.errors ?? []) as ErrorObject[]);
}

/** Schema findings of one parsed document of a known kind. */
export function validateDoc(doc: SourceDoc): Finding[] {
  if (!doc.kind) return [];
  const validate = validatorFor(doc.kind);
  if (validate(doc.value)) return [];
  return describeErrors(doc, (validate.errors ?? []) as ErrorObject[]);
}
