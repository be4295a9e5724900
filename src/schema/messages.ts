/** ajv errors to findings: one plain sentence per problem, at the offending node, in both languages. */
import type { ErrorObject } from 'ajv';
import localizeZhModule from 'ajv-i18n/localize/zh/index.js';
import { findingAt, locate, valueRange, type SourceDoc } from '../load/source.js';
import type { Finding, Path } from '../types.js';
import { pair, same, t, type Localized, type Message, type MessageId } from '../i18n/index.js';
import { closeCandidates, closest } from '../util/closest.js';
import { placeName } from './where.js';
import { dateHint, numberHint } from './hints.js';
import { pushAll } from '../util/array.js';

const localizeZh = ((localizeZhModule as unknown as { default?: unknown }).default ?? localizeZhModule) as (errors: ErrorObject[]) => void;

/** JSON pointer (`/actions/0/lead`) to path steps. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** `actions[2].lead`: how a path reads in a message. */
export function showPath(path: Path): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out ? `.${step}` : step;
  }
  return out || '(document)';
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

type Branch = number | undefined;

const TARGET_FORM_KEYS: [string, number][] = [
  ['than', 4],
  ['op', 0],
  ['value', 0],
  ['min', 1],
  ['max', 1],
  ['change', 2],
  ['annual_change', 3],
];

/** Which form of `target` the drafter meant, from the keys written. */
export function targetForm(value: unknown): Branch {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  for (const [key, branch] of TARGET_FORM_KEYS) if (keys.includes(key)) return branch;
  if (keys.includes('text')) return 5;
  return undefined;
}

/** The definition a `oneOf` error belongs to, from the marker `$comment: oneOf:<name>` in the schemas. */
function oneOfName(e: ErrorObject): string {
  const comment = (e.parentSchema as { $comment?: string } | undefined)?.$comment ?? '';
  return comment.startsWith('oneOf:') ? comment.slice('oneOf:'.length) : '';
}

function oneOfMessage(name: string, where: Localized): Message {
  if (name === 'targetValue') return t('schema/target-form', { name: where });
  if (name === 'measure') return t('schema/measure-form', { name: where });
  if (name === 'progressValue') return t('schema/value-or-units', { name: where });
  return t('schema/one-of', { name: where });
}

/** The branch the drafter meant, for the `oneOf` definitions that have forms. */
function chooseBranch(name: string, value: unknown): Branch {
  if (name === 'targetValue') return targetForm(value);
  if (name === 'measure') {
    if (typeof value === 'string') return 0;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return 1;
  }
  return undefined;
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * Replaces ajv's report of a failed `oneOf` (every branch's errors) by the errors of the branch the
 * drafter meant, validated on its own; where no branch can be told, one general error remains.
 */
function pruneOneOf(doc: SourceDoc, errors: ErrorObject[], branchErrors: BranchErrors): { errors: ErrorObject[]; general: ErrorObject[] } {
  const general: ErrorObject[] = [];
  let out = errors;
  for (const e of errors) {
    if (e.keyword !== 'oneOf') continue;
    const name = oneOfName(e);
    const at = e.instancePath;
    if (name === 'progressValue') {
      // the branches only say which key is required; everything else about the value stands
      out = out.filter((x) => x !== e && !(x.instancePath === at && x.keyword === 'required' && ['value', 'units'].includes(String(x.params.missingProperty))));
      general.push(e);
      continue;
    }
    out = out.filter((x) => !under(x.instancePath, at));
    const value = valueAt(doc.value, pointerToPath(at));
    const branch = chooseBranch(name, value);
    const own = branch === undefined ? [] : branchErrors(name, branch, value);
    if (own.length === 0) general.push(e);
    pushAll(out, own.map((x) => ({ ...x, instancePath: at + x.instancePath })));
  }
  return { errors: out, general };
}

const TYPE_NAMES: Record<string, MessageId> = {
  string: 'type/string',
  number: 'type/number',
  integer: 'type/integer',
  boolean: 'type/boolean',
  array: 'type/array',
  object: 'type/object',
  null: 'type/null',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

/** The errors of one branch of a `oneOf` definition for a value (schema/index.ts compiles the validators). */
export type BranchErrors = (definition: string, branch: number, value: unknown) => ErrorObject[];

/** One finding per schema problem, each at its node. */
export function describeErrors(doc: SourceDoc, all: ErrorObject[], branchErrors: BranchErrors): Finding[] {
  const { errors, general } = pruneOneOf(doc, all, branchErrors);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const push = (path: Path, message: Message, key = false) => {
    const range = locate(doc, path, { key });
    const sig = `${range[0]}:${message.en}`;
    if (seen.has(sig)) return;
    seen.add(sig);
    findings.push(findingAt(doc.file, range, 'schema', 'error', message));
  };
  for (const e of general) {
    const path = pointerToPath(e.instancePath);
    push(path, oneOfMessage(oneOfName(e), placeName(doc.value, path)));
  }
  // a misspelt key (`nam`) already says what the missing required key (`name`) would
  const misspelt = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const allowed = Object.keys(((e.parentSchema as Record<string, unknown> | undefined)?.properties as object) ?? {});
    const suggestion = closest(String(e.params.additionalProperty), allowed);
    if (suggestion) misspelt.add(`${e.instancePath}\u0000${suggestion}`);
  }
  const enumAt = new Set(errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword === 'type' && enumAt.has(e.instancePath)) continue; // the enum error says more
    const path = pointerToPath(e.instancePath);
    // the place in the drafter's terms ("`lead` of action HZ-03"), never a JSON path
    const name = placeName(doc.value, path);
    const value = valueAt(doc.value, path);
    const params = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(params.additionalProperty);
        const allowed = Object.keys(((e.parentSchema as Record<string, unknown> | undefined)?.properties as object) ?? {});
        const suggestion = closest(key, allowed);
        // the one replacement (`--fix`): only when no other known key is as plausible, and the mapping lacks it
        const holder = value as Record<string, unknown> | undefined;
        const unique = suggestion !== undefined && closeCandidates(key, allowed).length === 1 && !(holder && typeof holder === 'object' && Object.hasOwn(holder, suggestion));
        const fix = unique ? { fix: { range: valueRange(doc.file.text, locate(doc, [...path, key], { key: true })), text: suggestion } } : {};
        const message = suggestion
          ? t('schema/unknown-key-suggest', { key, suggestion, where: name, ...fix })
          : t('schema/unknown-key', { key, allowed: allowed.join(', '), where: name });
        push([...path, key], message, true);
        break;
      }
      case 'required':
        if (misspelt.has(`${e.instancePath}\u0000${String(params.missingProperty)}`)) break;
        push(path, t('schema/required', { key: String(params.missingProperty), where: name }));
        break;
      case 'type': {
        const expected = String(params.type).split(',');
        const got = typeOf(value);
        if (got === 'string' && (expected.includes('number') || expected.includes('integer'))) {
          const parent = valueAt(doc.value, path.slice(0, -1)) as Record<string, unknown> | undefined;
          const grand = valueAt(doc.value, path.slice(0, -2)) as Record<string, unknown> | undefined;
          const unit = (parent && typeof parent === 'object' && parent.unit) ?? (grand && typeof grand === 'object' && grand.unit);
          const hint = numberHint(String(value), name, [...locate(doc, path)] as [number, number], unit === '%');
          if (hint) {
            push(path, hint);
            break;
          }
        }
        const id = got === 'array' && expected.includes('string') ? (path[path.length - 1] === 'lead' ? 'schema/list-for-lead' : 'schema/list-for-one') : 'schema/type';
        push(path, t(id, {
          name,
          expected: expected.map(typeName),
          got: typeName(got),
        }), false);
        break;
      }
      case 'enum': {
        const allowed = (params.allowedValues as unknown[]).map((x) => JSON.stringify(x));
        const last = path[path.length - 1];
        const id = value === null && last === 'op' ? 'schema/enum-op-null' : 'schema/enum';
        push(path, t(id, { name, value: JSON.stringify(value), allowed: allowed.join(', ') }));
        break;
      }
      case 'const':
        push(path, t('schema/enum', { name, value: JSON.stringify(value), allowed: JSON.stringify(params.allowedValue) }));
        break;
      case 'pattern': {
        if (e.propertyName !== undefined) {
          // a key that is not an id (propertyNames): at the key, quoting it
          push([...path, e.propertyName], t('schema/pattern-key', { name: placeName(doc.value, path), value: e.propertyName }), true);
          break;
        }
        const id = /\/change\/pattern$|annual_change/.test(e.schemaPath) || String(params.pattern).includes('%') ? 'schema/pattern-change' : 'schema/pattern-id';
        push(path, t(id, { name, value: String(value) }));
        break;
      }
      case 'format':
        push(path, (typeof value === 'string' && dateHint(value, name, valueRange(doc.file.text, locate(doc, path)))) || t('schema/format-date', { name, value: String(value) }));
        break;
      case 'minItems':
        push(path, t('schema/min-items', { name, limit: Number(params.limit) }));
        break;
      case 'minLength':
        push(path, t('schema/min-length', { name }));
        break;
      case 'uniqueItems': {
        const list = Array.isArray(value) ? value : [];
        const j = Number(params.j);
        push([...path, Number(params.i)], t('schema/unique-items', { name, value: JSON.stringify(list[j]) }));
        break;
      }
      case 'minimum':
      case 'exclusiveMinimum':
        push(path, t('schema/minimum', { name, limit: Number(params.limit) }));
        break;
      case 'propertyNames':
        break; // reported by the pattern error of the name itself
      default:
        push(path, fallback(e, name));
    }
  }
  return findings;
}

/** The name of a JSON type in words (`a number`), or the type itself. */
function typeName(type: string): Message {
  const id = TYPE_NAMES[type];
  return id ? t(id) : same(type);
}

function fallback(e: ErrorObject, name: Localized): Message {
  const copy = { ...e };
  localizeZh([copy]);
  return pair(`${name.zh} ${copy.message ?? ''}`.trim(), `${name.en} ${e.message ?? ''}`.trim());
}
