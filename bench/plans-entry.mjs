// bin/plans.js pinned to the esbuild bundle (dist/plans.mjs) for the benchmark: bin/plans.js picks
// whichever of the bundle and the tsc build is newer, and others may run tsc during a bench.
import fs from 'node:fs';

const bundle = new URL('../dist/plans.mjs', import.meta.url);
const { main } = await import(fs.existsSync(bundle) ? bundle.href : new URL('../dist/cli/main.js', import.meta.url).href);
main(process.argv).then((code) => {
  process.exitCode = code;
});
