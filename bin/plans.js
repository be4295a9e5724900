#!/usr/bin/env node
// The `plans` command: hand argv to the compiled CLI; all wiring lives in src/cli.
// dist/plans.cjs is the one-file bundle (scripts/bundle.mjs), loaded with its code cache
// (bin/bundle-loader.cjs), which starts faster; it is used only when it is newer than the tsc build
// in dist/cli, so that a later `tsc` alone is never shadowed.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/plans.cjs', import.meta.url));
const tscMain = new URL('../dist/cli/main.js', import.meta.url);
const mtime = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
};
const { main } =
  mtime(bundle) >= mtime(tscMain) ? createRequire(import.meta.url)('./bundle-loader.cjs').loadBundle(bundle).exports : await import(tscMain.href);

main(process.argv).then((code) => {
  process.exitCode = code;
});
