/** ajv set-up: one validator per kind (compiled at build time when current), and ajv errors turned into plain findings. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Kind, SourceDoc, SourceFile } from '../load/source.js';
import type { Finding } from '../types.js';
import { describeErrors } from './messages.js';
import { placeName } from './where.js';
import { findingAt, KINDS, locate } from '../load/source.js';
import { t } from '../i18n/index.js';
import * as generated from './validators.generated.js';

type AjvClass = typeof import('ajv').default;
type AddFormats = typeof import('ajv-formats').default;

/** ajv itself, loaded only when a schema must be compiled at run time (ajv and ajv-formats are CommonJS). */
function runtimeAjv(): InstanceType<AjvClass> {
  const require = createRequire(import.meta.url);
  const ajvModule = require('ajv') as { default?: AjvClass } & AjvClass;
  const formatsModule = require('ajv-formats') as { default?: AddFormats } & AddFormats;
  const Ajv = ajvModule.default ?? ajvModule;
  const addFormats = formatsModule.default ?? formatsModule;
  // The options scripts/build-validators.mjs compiles with: keep them the same.
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  addFormats(ajv, ['date']);
  return ajv;
}

/** Where the JSON Schemas live: `schemas/` at the package root. */
export const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas');

export function schemaFile(kind: Kind | 'plans'): string {
  return path.join(SCHEMA_DIR, `${kind.toLowerCase()}.schema.json`);
}

export function readSchema(kind: Kind | 'plans'): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(schemaFile(kind), 'utf8')) as Record<string, unknown>;
}

let validators: Map<Kind, ValidateFunction> | undefined;
let compiledCurrent: boolean | undefined;

/**
 * Fingerprint of the kind schemas, the way scripts/build-validators.mjs takes it: length and two
 * FNV-1a hashes of each file. Not node:crypto, whose first use costs about 10 ms of start-up.
 */
function schemasHash(): string {
  return stampedHash() ?? KINDS.map((kind) => fingerprint(fs.readFileSync(schemaFile(kind)))).join(' ');
}

/**
 * The fingerprint the build recorded in dist/schemas.stamp.json, while every schema file still has
 * the size and modification time recorded with it (else undefined, and the files are hashed).
 */
function stampedHash(): string | undefined {
  try {
    const stampFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schemas.stamp.json');
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8')) as { hash?: unknown; files?: Record<string, { size?: unknown; mtimeMs?: unknown }> };
    for (const kind of KINDS) {
      const file = schemaFile(kind);
      const seen = stamp.files?.[path.basename(file)];
      const st = fs.statSync(file);
      if (!seen || seen.size !== st.size || seen.mtimeMs !== st.mtimeMs) return undefined;
    }
    return typeof stamp.hash === 'string' ? stamp.hash : undefined;
  } catch {
    return undefined;
  }
}

export function fingerprint(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x01000193) ^ (b >>> 15);
  }
  return `${bytes.length}:${(a >>> 0).toString(16)}:${(b >>> 0).toString(16)}`;
}

/** Whether the validators compiled at build time were made from the schemas on disk (else compile them now). */
function useCompiled(): boolean {
  if (compiledCurrent === undefined) {
    try {
      compiledCurrent = schemasHash() === generated.SCHEMAS_HASH;
    } catch {
      compiledCurrent = false;
    }
  }
  return compiledCurrent;
}

/** True when validators come from the build (validators.generated.ts) rather than from compiling at run time. */
export function usingCompiledValidators(): boolean {
  return useCompiled();
}

/** Chooses between the build-time validators and compiling at run time (tests compare the two); undefined: by the schema hash. */
export function setCompiledValidators(on: boolean | undefined): void {
  compiledCurrent = on;
  validators = undefined;
  branchValidators.clear();
}

function compiledValidator(name: string | undefined): ValidateFunction | undefined {
  if (!name) return undefined;
  return (generated as unknown as Record<string, ValidateFunction | undefined>)[name];
}

/** The validator of a kind: compiled at build time, or once per process when the schemas changed since. */
export function validatorFor(kind: Kind): ValidateFunction {
  if (!validators) validators = new Map();
  const cached = validators.get(kind);
  if (cached) return cached;
  const v = (useCompiled() && compiledValidator((generated.KIND_VALIDATORS as Record<string, string>)[kind])) || runtimeAjv().compile(readSchema(kind));
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
    v = useCompiled() ? compiledValidator((generated.BRANCH_VALIDATORS as Record<string, string>)[key]) : undefined;
    if (!v) {
      const plan = readSchema('Plan') as { definitions: Record<string, { oneOf?: object[] }> };
      const schema = plan.definitions[definition]?.oneOf?.[branch];
      if (!schema) return [];
      v = runtimeAjv().compile({ ...schema, definitions: plan.definitions });
    }
    branchValidators.set(key, v);
  }
  return v(value) ? [] : ((v.errors ?? []) as ErrorObject[]);
}

/** Schema findings of one parsed document of a known kind. */
export function validateDoc(doc: SourceDoc, restore?: (file: SourceFile) => void): Finding[] {
  if (!doc.kind) return [];
  const validate = validatorFor(doc.kind);
  // the text (let go after parsing) is needed again only to place a finding
  const place = () => restore?.(doc.file);
  const findings = validate(doc.value) ? [] : (place(), describeErrors(doc, (validate.errors ?? []) as ErrorObject[], branchErrors));
  return [...findings, ...nonFiniteNumbers(doc, place)];
}

/** `.nan` and `.inf` are numbers to JSON Schema but no figure a plan can be judged by. */
function nonFiniteNumbers(doc: SourceDoc, place: () => void): Finding[] {
  const found: Finding[] = [];
  // one path stack for the whole walk: a copy is made only for a finding (this runs on every node of every file)
  const path: (string | number)[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) place(), found.push(findingAt(doc.file, locate(doc, path), 'schema', 'error', t('schema/not-finite', { name: placeName(doc.value, path), value: String(value) })));
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
        path.push(key);
        walk((value as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  walk(doc.value);
  return found;
}
