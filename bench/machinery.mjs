// What each piece of the build's machinery is worth, side by side (bench/notes.md, "Build machinery"):
//   node bench/machinery.mjs [--runs N]
// Variants of plans on the same commands, alternating within each round: the bundle with its code
// cache (what bin/plans.js runs), the bundle compiled at start, the bundle without the patches to
// dependencies (also compiled at start), and the tsc build (dist/cli/main.js). Run `npm run build`
// and `PLANS_BUNDLE_PLAIN=1 node scripts/bundle.mjs` first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, citiesFor, cityId } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const argv = process.argv.slice(2);
const runs = Number(argv.includes('--runs') ? argv[argv.indexOf('--runs') + 1] : 5);
const node = process.execPath;
const loader = path.join(root, 'bin', 'bundle-loader.cjs');

const variant = (bundle, useCache) => ['-e', `require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(path.join(root, 'dist', bundle))}, { useCache: ${useCache} }).exports.main(['node', 'plans', ...process.argv.slice(1)]).then((c) => { process.exitCode = c; })`, '--'];
const VARIANTS = [
  { name: 'bundle + code cache', pre: variant('plans.cjs', true) },
  { name: 'bundle, no code cache', pre: variant('plans.cjs', false) },
  { name: 'bundle without patches, no code cache', pre: variant('plans-plain.cjs', false) },
  { name: 'tsc build', pre: ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(path.join(root, 'dist', 'cli', 'main.js'))}); process.exitCode = await main(['node', 'plans', ...process.argv.slice(1)]);`, '--'] },
];

function time(args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(node, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: status ${r.status}\n${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const size of [200, 2200]) {
  const dir = path.join(here, 'work', `machinery-${size}`);
  if (!fs.existsSync(path.join(dir, 'campaign.yaml'))) generate(dir, citiesFor(size));
  const cities = citiesFor(size);
  const one = `${cityId(Math.ceil(cities / 2))}/actions/07.yaml`;
  const commands = [
    { name: '--version', args: ['--version'] },
    { name: 'lint (1 file)', args: ['lint', one, '--format', 'json'] },
    { name: 'lint .', args: ['lint', '.', '--format', 'json'] },
  ];
  const times = new Map();
  for (let round = 0; round <= runs; round++) {
    for (const c of commands) {
      for (const v of VARIANTS) {
        const ms = time([...v.pre, ...c.args], dir);
        if (round === 0) continue; // warm-up
        const key = `${c.name}\u0000${v.name}`;
        times.set(key, [...(times.get(key) ?? []), ms]);
      }
    }
  }
  for (const c of commands) for (const v of VARIANTS) rows.push({ size, command: c.name, variant: v.name, ms: median(times.get(`${c.name}\u0000${v.name}`)) });
}
console.log('| files | command | variant | median ms |');
console.log('| ---: | --- | --- | ---: |');
for (const r of rows) console.log(`| ${r.size} | ${r.command} | ${r.variant} | ${r.ms.toFixed(0)} |`);
