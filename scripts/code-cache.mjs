#!/usr/bin/env node
// Writes dist/plans.cjs.cache, the V8 code cache of the bundle (see bin/bundle-loader.cjs): loads
// the bundle without a cache, runs the commands drafters and CI run most (lint of the bundled
// examples, in each lint format and both languages; help) with their output discarded, so that V8
// has compiled the functions they use, then saves the bytecode. Holds code only, never results.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { loadBundle, writeCache } = require('../bin/bundle-loader.cjs');

const file = path.join(root, 'dist', 'plans.cjs');
const loaded = loadBundle(file, { useCache: false });
const sink = () => new Writable({ write: (_chunk, _enc, done) => done() });
const example = path.join(root, 'examples', 'zhejiang-2022');
const runs = [
  ['lint', example],
  ['lint', path.join(example, 'hangzhou', 'plan.yaml')],
  ...['json', 'sarif', 'junit', 'github', 'gitlab'].map((format) => ['lint', example, '--format', format]),
  ['lint', example, '--lang', 'zh'],
  ['--help'],
  ['lint', '--help'],
];
for (const args of runs) {
  const code = await loaded.exports.main(['node', 'plans', ...args], { cwd: root, env: { NO_COLOR: '1' }, stdout: sink(), stderr: sink() });
  if (code !== 0 && code !== 1) {
    console.error(`code-cache: plans ${args.join(' ')} exited ${code}`);
    process.exit(1);
  }
}
const bytes = writeCache(file, loaded);
console.log(`wrote ${path.relative(root, file)}.cache (${(bytes / 1024).toFixed(0)} KiB)`);
