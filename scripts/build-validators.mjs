#!/usr/bin/env node
// Writes src/schema/validators.generated.ts: the ajv validators of the four kinds, and of each
// branch of the Plan's `oneOf` definitions, compiled now as standalone code (ajv's
// `standalone`), so that `plans` does not compile schemas at every start (about 0.15 s).
// The same ajv options as src/schema/index.ts; the module records a hash of the schemas it was made
// from, and src/schema/index.ts compiles at run time instead whenever the schemas differ.
// `--check` only says whether the file is current.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;
const standalone = require('ajv/dist/standalone').default;

const KINDS = ['Campaign', 'Owners', 'Plan', 'Progress'];
const out = path.join(root, 'src', 'schema', 'validators.generated.ts');

/** Fingerprint of the schema files: the same function as `fingerprint` in src/schema/index.ts. */
function fingerprint(bytes) {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x01000193) ^ (b >>> 15);
  }
  return `${bytes.length}:${(a >>> 0).toString(16)}:${(b >>> 0).toString(16)}`;
}

function schemasHash(dir = path.join(root, 'schemas')) {
  return KINDS.map((kind) => fingerprint(fs.readFileSync(path.join(dir, `${kind.toLowerCase()}.schema.json`)))).join(' ');
}

/**
 * Whether string lengths may be counted in UTF-16 units instead of code points (sparing ajv's
 * `ucs2length` loop over every string): the same verdicts as long as every `minLength` is 0 or 1
 * and there is no `maxLength`, since a string is empty in both counts or in neither.
 */
function lengthsAreTrivial(schemaTexts) {
  for (const text of schemaTexts) {
    if (/"maxLength"/.test(text)) return false;
    for (const m of text.matchAll(/"minLength"\s*:\s*(\d+)/g)) if (Number(m[1]) > 1) return false;
  }
  return true;
}

/** Keywords that only annotate (for editors and readers): they change no verdict and no message. */
const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'examples']);

/**
 * The schema without its annotations. ajv's verbose errors carry the schema nodes they come from,
 * so standalone code holds every node as a literal: the bilingual descriptions and examples were
 * two thirds of the generated module, parsed and built at every start. Only schema positions are
 * stripped (a property that happens to be named `title` stays).
 */
function stripAnnotations(schema) {
  if (Array.isArray(schema)) return schema.map(stripAnnotations);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (['properties', 'patternProperties', 'definitions', '$defs', 'dependencies'].includes(key) && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v : stripAnnotations(v)]));
    } else if (['items', 'additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'allOf', 'anyOf', 'oneOf'].includes(key)) {
      out[key] = stripAnnotations(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function generate() {
  const texts = KINDS.map((kind) => fs.readFileSync(path.join(root, 'schemas', `${kind.toLowerCase()}.schema.json`), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: true, esm: true, lines: false } });
  addFormats(ajv, ['date']);
  const exports = {};
  const names = {};
  KINDS.forEach((kind, i) => {
    const schema = stripAnnotations(JSON.parse(fs.readFileSync(path.join(root, 'schemas', `${kind.toLowerCase()}.schema.json`), 'utf8')));
    ajv.addSchema(schema, `kind:${kind}`);
    exports[`kind${i}`] = `kind:${kind}`;
    names[kind] = `kind${i}`;
  });
  // branchErrors() validates one branch of a `oneOf` definition of the Plan schema on its own
  const plan = stripAnnotations(JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'plan.schema.json'), 'utf8')));
  const branches = {};
  let n = 0;
  for (const [definition, body] of Object.entries(plan.definitions ?? {})) {
    (body.oneOf ?? []).forEach((schema, branch) => {
      const key = `${definition}/${branch}`;
      ajv.addSchema({ ...schema, definitions: plan.definitions }, `branch:${key}`);
      exports[`branch${n}`] = `branch:${key}`;
      branches[key] = `branch${n}`;
      n++;
    });
  }
  // ajv writes require() even in ESM mode, for its runtime helpers and formats (CommonJS modules):
  // a require made for this module keeps their exports as ajv expects them, under Node, vitest and esbuild alike.
  const code = tuned(standalone(ajv, exports).replace(/^"use strict";/, ''), texts, true);
  // The verdict alone, first (src/schema/index.ts): the same schemas compiled to stop at a failing
  // branch's first error, without ajv's verbose errors or messages. A target value tries six forms
  // of a `oneOf` and a measure two: with every error of every other form made in full (schema,
  // parent schema, data, message), valid documents made 30 MiB of errors to throw away at 2,202
  // files. Whether a value is valid does not depend on these options; the full validators run
  // only for a document this one rejects, and give its errors as before.
  const quick = new Ajv({ allErrors: false, strict: false, verbose: false, messages: false, code: { source: true, esm: false, lines: false } });
  addFormats(quick, ['date']);
  const quickExports = {};
  KINDS.forEach((kind, i) => {
    quick.addSchema(stripAnnotations(JSON.parse(fs.readFileSync(path.join(root, 'schemas', `${kind.toLowerCase()}.schema.json`), 'utf8'))), `kind:${kind}`);
    quickExports[kind] = `kind:${kind}`;
  });
  // nor do they need where a value is: ajv builds each call's instance path (a string per measure)
  // and options for errors only, so the calls pass the value alone (rootData and parentData are only
  // passed along by these schemas: no $data, no defaults or coercion)
  let quickCode = tuned(standalone(quick, quickExports), texts, false);
  const callOptions = /, ?\{instancePath:instancePath\+[^{}]*?,parentData:[^{}]*?,parentDataProperty:[^{}]*?,rootData\}\)/g;
  const calls = quickCode.match(callOptions)?.length ?? 0;
  quickCode = quickCode.replace(callOptions, ')');
  if (calls === 0 || /rootData\}\)/.test(quickCode)) {
    throw new Error('build-validators: the quick validators call each other otherwise than expected; check the ajv version');
  }
  // so they take the value alone (a default `{}` would be an object per call), and an error kept
  // while the other branches of a oneOf are tried is counted, not made: only how many there are is read
  const signature = /function (validate\d+)\(data, \{instancePath="", parentData, parentDataProperty, rootData=data\}=\{\}\)\{/g;
  const functions = quickCode.match(/function validate\d+\(/g)?.length ?? 0;
  quickCode = quickCode.replace(signature, 'function $1(data){const instancePath="";');
  const errorObject = /const (err\d+) = \{instancePath[^;]*?\};/g;
  quickCode = quickCode.replace(errorObject, 'const $1 = 0;');
  if (functions === 0 || (quickCode.match(/\(data\)\{const instancePath="";/g)?.length ?? 0) !== functions || /\berr\d+\./.test(quickCode)) {
    throw new Error('build-validators: the quick validators are shaped otherwise than expected; check the ajv version');
  }
  const head = [
    '// @ts-nocheck',
    '/* eslint-disable */',
    '// Generated by scripts/build-validators.mjs from schemas/*.schema.json: do not edit.',
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
    `export const SCHEMAS_HASH = '${schemasHash()}';`,
    `export const KIND_VALIDATORS = ${JSON.stringify(names)};`,
    `export const BRANCH_VALIDATORS = ${JSON.stringify(branches)};`,
  ].join('\n');
  // the quick validators in a scope of their own (their names would clash with the full ones')
  const quickModule = `/** The verdict-only validators, by kind (see scripts/build-validators.mjs). */\nexport const QUICK_VALIDATORS = (() => {\nconst module = { exports: {} };\nconst exports = module.exports;\n${quickCode}\nreturn module.exports;\n})();`;
  return `${head}\n${code}\n${quickModule}\n`;
}

/** What every generated validator gets: string lengths counted simply when that is safe, dates remembered, errors appended in place. */
function tuned(code, texts, full) {
  if (lengthsAreTrivial(texts)) {
    const helper = 'require("ajv/dist/runtime/ucs2length").default';
    code = code.split(helper).join('((text) => text.length)');
  }
  // Dates repeat across a repository (a few hundred distinct ones among tens of thousands of `due`s):
  // ajv-formats' date check (a regex and a calendar check) is remembered per string, same verdicts.
  const dateFormat = 'const formats0 = require("ajv-formats/dist/formats").fullFormats.date;';
  if (!code.includes(dateFormat)) throw new Error('build-validators: ajv-formats date format not found where expected; check the ajv version');
  code = code.replace(
    dateFormat,
    'const formats0 = ((format, seen = new Map()) => ({ validate: (s) => { let ok = seen.get(s); if (ok === undefined) { ok = format.validate(s); if (seen.size < 4096) seen.set(s, ok); } return ok; } }))(require("ajv-formats/dist/formats").fullFormats.date);',
  );
  // ajv appends the errors of a referenced validator by `vErrors.concat(…)`, a new array per item:
  // a list of 80,000 owners with an unknown key each copied the errors so far 80,000 times.
  // Appending in place gives the same errors in the same order, in linear time.
  const concat = /vErrors = vErrors === null \? (validate\d+|wrapper\d+\.validate)\.errors : vErrors\.concat\(\1\.errors\);/g;
  if (full && !concat.test(code)) throw new Error('build-validators: ajv error concatenation not found where expected; check the ajv version');
  return code.replace(concat, 'if(vErrors === null){vErrors = $1.errors;}else {const more = $1.errors;for(let k = 0; k < more.length; k++) vErrors.push(more[k]);}');
}

const check = process.argv.includes('--check');
const text = generate();
if (check) {
  const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (current !== text) {
    console.error(`${path.relative(root, out)} is not current: run node scripts/build-validators.mjs`);
    process.exit(1);
  }
} else {
  // the generated module is under version control: written only when it changes
  const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (current !== text) fs.writeFileSync(out, text);
  console.log(`${current === text ? 'kept' : 'wrote'} ${path.relative(root, out)} (${(text.length / 1024).toFixed(0)} KiB)`);
  writeStamp();
}

/**
 * dist/schemas.stamp.json: the schemas' fingerprint with each file's size and modification time as
 * this build saw them. src/schema/index.ts takes the fingerprint from it while the files still show
 * that size and time, instead of reading and hashing 100 KB of schemas at every start.
 */
function writeStamp() {
  const files = {};
  for (const kind of KINDS) {
    const name = `${kind.toLowerCase()}.schema.json`;
    const st = fs.statSync(path.join(root, 'schemas', name));
    files[name] = { size: st.size, mtimeMs: st.mtimeMs };
  }
  const stamp = path.join(root, 'dist', 'schemas.stamp.json');
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, JSON.stringify({ hash: schemasHash(), files }) + '\n');
}
