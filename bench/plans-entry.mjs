// bin/plans.js pinned to the esbuild bundle (dist/plans.cjs, loaded with its code cache as
// bin/plans.js does) for the benchmark: bin/plans.js picks whichever of the bundle and the tsc build
// is newer, and others may run tsc during a bench. As bin/plans.js, `lint --cache` is first offered to
// dist/replay.cjs. Two leading switches, for the bench's own rows:
//   --no-code-cache       compile the bundle as if it had no code cache
//   --whole-repository    lint named files with the whole repository (no narrowing)
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const useCache = !flag('--no-code-cache');
const whole = flag('--whole-repository');
const require = createRequire(import.meta.url);
// as bin/plans.js: `plans lint --cache` is first offered to the replay of kept output
const argv = [process.argv[0], 'plans', ...args];
const replayed = args[0] === 'lint' && args.some((a) => a === '--cache' || a.startsWith('--cache-location')) && !whole ? require('../dist/replay.cjs').replay(argv, fileURLToPath(new URL('..', import.meta.url))) : undefined;
if (replayed !== undefined) process.exitCode = replayed;
else {
  const { loadBundle } = require('../bin/bundle-loader.cjs');
  const loaded = loadBundle(fileURLToPath(new URL('../dist/plans.cjs', import.meta.url)), { useCache });
  const { main, processEnv } = loaded.exports;
  main(argv, whole ? { ...processEnv(), engine: { narrowing: false } } : undefined).then((code) => {
    process.exitCode = code;
  });
}
