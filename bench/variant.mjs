// Runs plans from the tsc build (dist/cli/main.js) with chosen speed-ups turned off, to show what
// each one is worth:  node bench/variant.mjs FAST(0|1) COMPILED(0|1) lint PATH...
import { main, processEnv } from '../dist/cli/main.js';

const [fast, compiled, ...args] = process.argv.slice(2);
// compiled '1': the build's validators while current (as plans runs); '0': compiled at start
const engine = { fastParse: fast === '1', ...(compiled === '1' ? {} : { compiledValidators: false }) };
process.exitCode = await main([process.argv[0], 'plans', ...args], { ...processEnv(), engine });
