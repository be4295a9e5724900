// `npm run bench -- --globs`: the two ignore globs of issue 18 that backtrack, against the matcher
// of plans (src/config/glob.ts, built in dist/) and the well-kept matchers that could replace it.
// Each (matcher, case) runs in a fresh process, killed past --timeout seconds (default 60).
//
//   node bench/run.mjs --globs [--timeout 60] [--only plans,picomatch]
//
// plans matches with minimatch (a dependency); the others are measured when they are in
// node_modules (picomatch and micromatch come with other tools): `npm install --no-save zeptomatch`.
// Prints a Markdown table (paste it into bench/SCALE.md).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(path.join(root, 'package.json'));
const argv = process.argv.slice(2);
const timeoutIndex = argv.indexOf('--timeout');
const timeoutSeconds = timeoutIndex >= 0 ? Number(argv[timeoutIndex + 1]) : 60;
const onlyIndex = argv.indexOf('--only');
const only = onlyIndex >= 0 ? argv[onlyIndex + 1].split(',') : undefined;

const CASES = [
  { name: '`*a` × 10 + `*b` against a 40-character name', pattern: `${'*a'.repeat(10)}*b`, path: `${'a'.repeat(40)}.yaml` },
  { name: '`**/` × 10 + `x.yaml` against a path 40 folders deep', pattern: `${'**/'.repeat(10)}x.yaml`, path: `${'d/'.repeat(40)}y.yaml` },
  { name: 'control: `**/drafts/*.yaml` against `a/b/drafts/x.yaml`', pattern: '**/drafts/*.yaml', path: 'a/b/drafts/x.yaml' },
];

/** How each matcher is loaded and asked, as code run in the child process (`pattern`, `path` given). */
const MATCHERS = {
  plans: `const { matchGlob } = await import(${JSON.stringify(path.join(root, 'dist/config/glob.js'))}); const test = (p) => matchGlob(pattern, p);`,
  picomatch: `const pm = require('picomatch'); const m = pm(pattern, { dot: true }); const test = (p) => m(p);`,
  micromatch: `const mm = require('micromatch'); const test = (p) => mm.isMatch(p, pattern, { dot: true });`,
  minimatch: `const { minimatch } = require('minimatch'); const test = (p) => minimatch(p, pattern, { dot: true });`,
  zeptomatch: `const zm = (await import('zeptomatch')).default; const test = (p) => zm(pattern, p);`,
};

function version(name) {
  if (name === 'plans') return 'src/config/glob.ts';
  try {
    const file = require.resolve(name);
    let dir = path.dirname(file);
    // the package's own package.json (dist/commonjs/package.json of minimatch names no version)
    for (;;) {
      const manifest = path.join(dir, 'package.json');
      if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === name) return JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
      if (path.dirname(dir) === dir) return undefined;
      dir = path.dirname(dir);
    }
  } catch {
    return undefined;
  }
}

function run(matcher, c) {
  const code = `
    import { createRequire } from 'node:module';
    const require = createRequire(${JSON.stringify(path.join(root, 'package.json'))});
    const pattern = ${JSON.stringify(c.pattern)};
    ${MATCHERS[matcher]}
    const start = process.hrtime.bigint();
    const matched = test(${JSON.stringify(c.path)});
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(JSON.stringify({ ms, matched }));
  `;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', timeout: timeoutSeconds * 1000 });
  if (res.signal) return `> ${timeoutSeconds} s (killed)`;
  if (res.status !== 0) return `error: ${(res.stderr || '').trim().split('\n').find((l) => /Error/.test(l)) ?? res.status}`;
  const { ms, matched } = JSON.parse(res.stdout.trim().split('\n').pop());
  return `${ms < 1 ? ms.toFixed(2) : ms < 1000 ? ms.toFixed(0) : (ms / 1000).toFixed(1) + ' s'}${ms < 1000 ? ' ms' : ''} (${matched ? 'match' : 'no match'})`;
}

const names = Object.keys(MATCHERS).filter((m) => version(m) !== undefined && (!only || only.includes(m)));
const missing = Object.keys(MATCHERS).filter((m) => version(m) === undefined);
console.log(`Ignore globs (bench/globs.mjs), node ${process.version}, one match each in a fresh process, timeout ${timeoutSeconds} s${missing.length ? `; not installed: ${missing.join(', ')}` : ''}\n`);
console.log(`| case | ${names.map((n) => `${n} ${version(n)}`).join(' | ')} |`);
console.log(`| --- | ${names.map(() => '---:').join(' | ')} |`);
for (const c of CASES) {
  const cells = names.map((n) => run(n, c));
  console.log(`| ${c.name} | ${cells.join(' | ')} |`);
}
