#!/usr/bin/env node
// The `plans` command: hand argv to the compiled CLI; all wiring lives in src/cli.
// dist/plans.cjs is the one-file bundle (scripts/bundle.mjs), loaded with its code cache
// (bin/bundle-loader.cjs), which starts faster; it is used only when it is newer than the tsc build
// in dist/cli, so that a later `tsc` alone is never shadowed.
// `plans lint --cache` is first offered to dist/replay.cjs (src/cli/replay.ts), which answers a call
// whose files, environment and tool have not changed with its kept output, without loading the rest.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/plans.cjs', import.meta.url));
const tscMain = new URL('../dist/cli/main.js', import.meta.url);
const mtime = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
};
const replayed = process.argv[2] === 'lint' && process.argv.some((a) => a === '--cache' || a.startsWith('--cache-location')) ? replay() : undefined;
if (replayed !== undefined) {
  process.exitCode = replayed;
} else {
  const { main } = mtime(bundle) >= mtime(tscMain) ? require('./bundle-loader.cjs').loadBundle(bundle).exports : await import(tscMain.href);
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}

function replay() {
  try {
    return require('../dist/replay.cjs').replay(process.argv, root);
  } catch {
    // no replay bundle (a tsc build alone): plans runs as usual
    return undefined;
  }
}
