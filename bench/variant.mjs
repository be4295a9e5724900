// Runs plans from the tsc build (dist/cli/main.js) with chosen speed-ups turned off, to show what
// each one is worth:  node bench/variant.mjs FAST(0|1) COMPILED(0|1) lint PATH...
import { setFastParse } from '../dist/load/fast.js';
import { setCompiledValidators } from '../dist/schema/index.js';
import { main } from '../dist/cli/main.js';

const [fast, compiled, ...args] = process.argv.slice(2);
setFastParse(fast === '1');
setCompiledValidators(compiled === '1' ? undefined : false);
process.exitCode = await main([process.argv[0], 'plans', ...args]);
