#!/usr/bin/env node
// The `plans` command: hand argv to the compiled CLI; all wiring lives in dist/cli.
import { main } from '../dist/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
