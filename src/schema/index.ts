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
function compiledAreCurrent(): boolean {
  try {
    return schemasHash() === generated.SCHEMAS_HASH;
  } catch {
    return false;
  }
}

function compiledValidator(name: string | undefined): ValidateFunction | undefined {
  if (!name) return undefined;
  return (generated as unknown as Record<string, ValidateFunction | undefined>)[name];
}

/**
 * The validators of one way of getting them: compiled at build time, or compiled at run time from
 * the schemas on disk (when the schemas changed since the build, or when a test compares the two).
 * Each is made once, when first asked for.
 */
export class Validators {
  readonly #kinds = new Map<Kind, ValidateFunction>();
  readonly #branches = new Map<string, ValidateFunction>();

  constructor(
    /** Whether the build-time validators are used. */
    readonly compiled: boolean,
  ) {}

  /** The validator of a kind. */
  forKind(kind: Kind): ValidateFunction {
    const cached = this.#kinds.get(kind);
    if (cached) return cached;
    const v = (this.compiled && compiledValidator((generated.KIND_VALIDATORS as Record<string, string>)[kind])) || runtimeAjv().compile(readSchema(kind));
    this.#kinds.set(kind, v);
    return v;
  }

  /**
   * The verdict-only validator of a kind (scripts/build-validators.mjs): the same verdict as
   * `forKind`, made without building errors; undefined when compiling at run time.
   */
  quick(kind: Kind): ((value: unknown) => boolean) | undefined {
    return this.compiled ? (generated.QUICK_VALIDATORS as Record<string, ((value: unknown) => boolean) | undefined>)[kind] : undefined;
  }

  /**
   * Errors of one branch of a `oneOf` definition (`targetValue`, `measure`), validated on its own,
   * so the drafter hears about the form they meant and not about all the others.
   */
  branchErrors(definition: string, branch: number, value: unknown): ErrorObject[] {
    const key = `${definition}/${branch}`;
    let v = this.#branches.get(key);
    if (!v) {
      v = this.compiled ? compiledValidator((generated.BRANCH_VALIDATORS as Record<string, string>)[key]) : undefined;
      if (!v) {
        const plan = readSchema('Plan') as { definitions: Record<string, { oneOf?: object[] }> };
        const schema = plan.definitions[definition]?.oneOf?.[branch];
        if (!schema) return [];
        v = runtimeAjv().compile({ ...schema, definitions: plan.definitions });
      }
      this.#branches.set(key, v);
    }
    return v(value) ? [] : ((v.errors ?? []) as ErrorObject[]);
  }
}

// What a process may share: the validators made each way (pure, made once), and which way is current.
const made: { compiled?: Validators; runtime?: Validators; current?: boolean } = {};

/**
 * The validators to use: by default the build-time ones while they were made from the schemas on
 * disk (else compiled at start); `compiled` true or false asks for one way (tests compare them).
 */
export function validatorsFor(compiled?: boolean): Validators {
  const use = compiled ?? (made.current ??= compiledAreCurrent());
  return use ? (made.compiled ??= new Validators(true)) : (made.runtime ??= new Validators(false));
}

/** True when validators come from the build (validators.generated.ts) rather than from compiling at run time. */
export function usingCompiledValidators(): boolean {
  return validatorsFor().compiled;
}

/** The validator of a kind, as `validatorsFor()` gives it. */
export function validatorFor(kind: Kind): ValidateFunction {
  return validatorsFor().forKind(kind);
}

/** `Validators.branchErrors` of the default validators. */
export function branchErrors(definition: string, branch: number, value: unknown): ErrorObject[] {
  return validatorsFor().branchErrors(definition, branch, value);
}

/** Schema findings of one parsed document of a known kind. */
export function validateDoc(doc: SourceDoc, restore?: (file: SourceFile) => void, validators: Validators = validatorsFor()): Finding[] {
  if (!doc.kind) return [];
  // the text (let go after parsing) is needed again only to place a finding
  const place = () => restore?.(doc.file);
  // most documents are valid: the quick verdict first, the full validator (and its errors) only when it says no
  if (validators.quick(doc.kind)?.(doc.value)) return nonFiniteNumbers(doc, place);
  const validate = validators.forKind(doc.kind);
  const findings = validate(doc.value) ? [] : (place(), describeErrors(doc, (validate.errors ?? []) as ErrorObject[], (d, b, v) => validators.branchErrors(d, b, v)));
  return [...findings, ...nonFiniteNumbers(doc, place)];
}

/** `.nan` and `.inf` are numbers to JSON Schema but no figure a plan can be judged by. */
function nonFiniteNumbers(doc: SourceDoc, place: () => void): Finding[] {
  const found: Finding[] = [];
  // the fast reader knows: it resolved every number of the file (a walk of every node spared)
  if (doc.numbersFinite === true) return found;
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
