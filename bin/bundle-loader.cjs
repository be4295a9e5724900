// Loads the one-file CommonJS bundle (dist/plans.cjs) through V8's code cache.
//
// `npm run build` writes the bundle and, next to it, dist/plans.cjs.cache: the bytecode V8 compiled
// for it while linting the bundled examples (scripts/code-cache.mjs). With it, start-up reads the
// bytecode instead of parsing and compiling a megabyte of JavaScript. The cache is build output like
// the bundle, never written at run time and never holding results: it is used only when it was made
// from this very bundle (size and modification time recorded in its header) and V8 accepts it (same
// V8 version and flags); otherwise the bundle is compiled as usual, with the same behaviour.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const MAGIC = 'plans-code-cache 1';

/** The header that ties a cache to one bundle file. */
function cacheHeader(stat) {
  return `${MAGIC} ${stat.size} ${Math.round(stat.mtimeMs)}\n`;
}

/** The cached bytecode for `file` when it was made from this version of it; else undefined. */
function readCache(file, stat) {
  let bytes;
  try {
    bytes = fs.readFileSync(`${file}.cache`);
  } catch {
    return undefined;
  }
  const header = cacheHeader(stat);
  if (bytes.length <= header.length || bytes.toString('latin1', 0, header.length) !== header) return undefined;
  return bytes.subarray(header.length);
}

/**
 * Runs a CommonJS bundle as `require` would, compiled with its code cache when there is a valid one.
 * Returns its exports, the compiled script (for scripts/code-cache.mjs) and whether the cache served.
 */
function loadBundle(file, options = {}) {
  const stat = fs.statSync(file);
  const source = fs.readFileSync(file, 'utf8');
  const cachedData = options.useCache === false ? undefined : readCache(file, stat);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const compiled = script.runInThisContext();
  const module = { exports: {}, filename: file, id: file, loaded: false };
  compiled.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return { exports: module.exports, script, stat, cached: cachedData !== undefined && !script.cachedDataRejected };
}

/** Writes the code cache of a bundle loaded by loadBundle, after it has run (so it holds what ran). */
function writeCache(file, loaded) {
  const data = loaded.script.createCachedData();
  const tmp = `${file}.cache.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([Buffer.from(cacheHeader(loaded.stat), 'latin1'), data]));
  fs.renameSync(tmp, `${file}.cache`);
  return data.length;
}

module.exports = { loadBundle, writeCache };
