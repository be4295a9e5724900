// Loads the one-file CommonJS bundle (dist/plans.cjs) through V8's code cache.
//
// `npm run build` writes the bundle and, next to it, dist/plans.cjs.cache: the bytecode V8 compiled
// for it while linting the bundled examples (scripts/code-cache.mjs). With it, start-up reads the
// bytecode instead of parsing and compiling a megabyte of JavaScript. The cache is build output like
// the bundle, never written at run time and never holding results: it is used only when it was made
// from this very bundle (the content hash on the bundle's first line, recorded in the cache's header)
// and V8 accepts it (same V8 version and flags); otherwise the bundle is compiled as usual, with the
// same behaviour. A hash, not the file's time: npm's tarballs and copies do not keep times.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const MAGIC = 'plans-code-cache 2';
const ID_LINE = '// plans-bundle ';

/** The bundle's identity: the content hash scripts/bundle.mjs writes on its first line (undefined without one). */
function bundleId(source) {
  if (!source.startsWith(ID_LINE)) return undefined;
  const end = source.indexOf('\n');
  return end < 0 ? undefined : source.slice(ID_LINE.length, end);
}

/** The header that ties a cache to one bundle. */
function cacheHeader(id, source) {
  return `${MAGIC} ${id} ${source.length}\n`;
}

/** The cached bytecode for the bundle `source` when it was made from this very source; else undefined. */
function readCache(file, source) {
  const id = bundleId(source);
  if (id === undefined) return undefined;
  let bytes;
  try {
    bytes = fs.readFileSync(`${file}.cache`);
  } catch {
    return undefined;
  }
  const header = cacheHeader(id, source);
  if (bytes.length <= header.length || bytes.toString('latin1', 0, header.length) !== header) return undefined;
  return bytes.subarray(header.length);
}

/**
 * Runs a CommonJS bundle as `require` would, compiled with its code cache when there is a valid one.
 * Returns its exports, the compiled script (for scripts/code-cache.mjs) and whether the cache served.
 */
function loadBundle(file, options = {}) {
  const source = fs.readFileSync(file, 'utf8');
  const cachedData = options.useCache === false ? undefined : readCache(file, source);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const compiled = script.runInThisContext();
  const module = { exports: {}, filename: file, id: file, loaded: false };
  compiled.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return { exports: module.exports, script, source, cached: cachedData !== undefined && !script.cachedDataRejected };
}

/** Writes the code cache of a bundle loaded by loadBundle, after it has run (so it holds what ran). */
function writeCache(file, loaded) {
  const id = bundleId(loaded.source);
  if (id === undefined) throw new Error(`${file} has no "${ID_LINE}<hash>" first line`);
  const data = loaded.script.createCachedData();
  const tmp = `${file}.cache.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([Buffer.from(cacheHeader(id, loaded.source), 'latin1'), data]));
  fs.renameSync(tmp, `${file}.cache`);
  return data.length;
}

module.exports = { loadBundle, writeCache };
