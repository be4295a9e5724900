#!/usr/bin/env node
// The `plans` command: hand argv to the compiled CLI; all wiring lives in src/cli.
// dist/plans.mjs is the one-file bundle (scripts/bundle.mjs), which starts faster; it is used only
// when it is newer than the tsc build in dist/cli, so that a later `tsc` alone is never shadowed.
import fs from 'node:fs';

const bundle = new URL('../dist/plans.mjs', import.meta.url);
const tscMain = new URL('../dist/cli/main.js', import.meta.url);
const mtime = (url) => {
  try {
    return fs.statSync(url).mtimeMs;
  } catch {
    return -1;
  }
};
const entry = mtime(bundle) >= mtime(tscMain) ? bundle : tscMain;
const { main } = await import(entry.href);

main(process.argv).then((code) => {
  process.exitCode = code;
});
