// `npm run bench`: plans lint side by side with ajv-cli, Spectral and the floors, on generated
// repositories of about 200, 2,200 and 22,000 files. Writes bench/RESULTS.md.
//
//   node bench/run.mjs [--quick] [--runs N] [--sizes 200,2200,22000] [--no-write] [--diff]
//   node bench/run.mjs --scale   (hostile inputs at growing sizes: bench/scale.mjs, bench/SCALE.md)
//   node bench/run.mjs --lsp [--runs N]   (plans lsp: didChange to publishDiagnostics on the 2,202-file repository, bench/lsp.mjs)
//   node bench/run.mjs --globs   (ignore globs that backtrack: plans' matcher against picomatch, micromatch, minimatch, zeptomatch)
//
// --diff runs only the plans diff part (two 2,202-file repositories against one lint, see
// bench/diff.mjs) and puts its section into the existing bench/RESULTS.md; a full run includes it.
//
// Every run is a fresh process with no plans cache ("cold" for plans; the OS page cache is warm
// after the warm-up round, for every tool alike). Commands alternate within each round, so drift of
// the machine spreads over all of them. Peak memory is each process's own maxRSS, reported through
// bench/rss-hook.cjs (NODE_OPTIONS=--require), since /usr/bin/time is not always installed.
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, citiesFor, cityId, ACTIONS_PER_CITY } from './generate.mjs';
import { diffCommands, diffFindings, diffRepos, diffSection, spliceSection } from './diff.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const work = path.join(here, 'work');
const node = process.execPath;
// bin/plans.js, pinned to the bundle (see plans-entry.mjs)
const PLANS = path.join(here, 'plans-entry.mjs');
const AJV = path.join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const SPECTRAL = path.join(root, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
const FLOOR = path.join(here, 'floor.mjs');
const RSS_HOOK = path.join(here, 'rss-hook.cjs');
const SCHEMA = path.join(root, 'schemas', 'plan.schema.json');

const argv = process.argv.slice(2);
// `npm run bench -- --scale`: the hostile inputs of issue 18, time and memory against size (bench/scale.mjs)
if (argv.includes('--scale')) {
  await import('./scale.mjs');
  process.exit(0);
}
// `npm run bench -- --globs`: the backtracking ignore globs of issue 18 against plans' matcher and the well-kept ones (bench/globs.mjs)
if (argv.includes('--globs')) {
  await import('./globs.mjs');
  process.exit(0);
}
const quick = argv.includes('--quick');
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const sizes = opt('--sizes', quick ? '200,2200' : '200,2200,22000').split(',').map(Number);
const runs = Number(opt('--runs', quick ? '3' : '5'));
// Spectral takes about 19 ms a file: the full bench compares on 1,000 action files of the 2,202-file
// repository (as the issue's own measurement did), --quick on 40 files of the smallest one.
const spectralCities = quick ? 2 : 50;
const spectralSize = quick ? sizes[0] : sizes.includes(2200) ? 2200 : sizes[0];
const write = !argv.includes('--no-write');
const diffOnly = argv.includes('--diff');

const ajvArgs = (data) => [AJV, 'validate', '-s', SCHEMA, '-d', data, '--spec=draft7', '-c', 'ajv-formats'];

/** Runs one command; returns wall seconds, peak RSS in MiB and the exit status. */
function measure(cmd) {
  const rssFile = path.join(work, `rss-${process.pid}.txt`);
  fs.rmSync(rssFile, { force: true });
  const env = { ...process.env, NODE_OPTIONS: `--require ${RSS_HOOK}`, BENCH_RSS_FILE: rssFile, NO_COLOR: '1', LANG: 'en_US.UTF-8' };
  const start = process.hrtime.bigint();
  const res = spawnSync(node, cmd.args, { cwd: cmd.cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let rssKiB = 0;
  let cpuMicros = 0;
  try {
    for (const line of fs.readFileSync(rssFile, 'utf8').trim().split('\n')) {
      const [, rss, cpu] = line.split(' ').map(Number);
      rssKiB = Math.max(rssKiB, rss || 0);
      cpuMicros += cpu || 0;
    }
  } catch {
    // no report: the process died before exiting normally
  }
  fs.rmSync(rssFile, { force: true });
  return { seconds, cpu: cpuMicros / 1e6, rssMiB: rssKiB / 1024, status: res.status, stderr: String(res.stderr ?? '').slice(0, 500) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Warm-up once, then `runs` rounds in which every command runs once, in rotating order. */
function bench(label, cmds, rounds) {
  console.log(`\n## ${label}`);
  // the warm-up run also fixes the exit status every timed run must have (0, or 1 for findings);
  // a timed run that ends otherwise (a crash, a build replaced under it) is left out and counted
  const expected = new Map();
  for (const c of cmds) {
    const r = measure(c);
    expected.set(c.name, c.expectStatus ?? r.status);
    if ((c.expectStatus !== undefined && r.status !== c.expectStatus) || r.status === 2 || r.status === null) {
      console.log(`  ! ${c.name}: exit ${r.status} (expected ${c.expectStatus ?? '0 or 1'}) ${r.stderr}`);
    }
  }
  const samples = new Map(cmds.map((c) => [c.name, []]));
  const failed = new Map(cmds.map((c) => [c.name, 0]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < cmds.length; k++) {
      const c = cmds[(k + round) % cmds.length];
      const r = measure(c);
      if (r.status === expected.get(c.name)) samples.get(c.name).push(r);
      else failed.set(c.name, failed.get(c.name) + 1);
    }
  }
  const out = {};
  for (const c of cmds) {
    const xs = samples.get(c.name);
    if (xs.length === 0) xs.push({ seconds: NaN, cpu: NaN, rssMiB: NaN, status: null });
    out[c.name] = {
      median: median(xs.map((x) => x.seconds)),
      cpu: median(xs.map((x) => x.cpu)),
      min: Math.min(...xs.map((x) => x.seconds)),
      max: Math.max(...xs.map((x) => x.seconds)),
      rssMiB: Math.max(...xs.map((x) => x.rssMiB)),
      status: xs[0].status,
      failed: failed.get(c.name),
      what: c.what + (failed.get(c.name) ? ` (${failed.get(c.name)} run(s) left out: unexpected exit status)` : ''),
    };
    console.log(`  ${c.name.padEnd(22)} median ${out[c.name].median.toFixed(3)} s, cpu ${out[c.name].cpu.toFixed(3)} s  (min ${out[c.name].min.toFixed(3)}, max ${out[c.name].max.toFixed(3)})  peak ${out[c.name].rssMiB.toFixed(0)} MiB  exit ${out[c.name].status}`);
  }
  return out;
}

/** ajv-cli and Spectral must really validate: each must accept a good action file and reject a broken one. */
function sanity(repo) {
  const dir = path.join(work, 'sanity');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const good = fs.readFileSync(path.join(repo, cityId(1), 'actions', '01.yaml'), 'utf8');
  fs.writeFileSync(path.join(dir, 'good.yaml'), good);
  fs.writeFileSync(path.join(dir, 'bad.yaml'), good.replace(/^(\s+)lead: (\S+)$/m, '$1lead: [$2]').replace('due: "2022-12-31"', 'due: "2022-13-45"'));
  const check = (name, args, file, want) => {
    const r = spawnSync(node, args(path.join(dir, file)), { cwd: dir, encoding: 'utf8' });
    const ok = want === 'valid' ? r.status === 0 : r.status !== 0;
    if (!ok) throw new Error(`${name} did not find ${file} ${want} (exit ${r.status}): the comparison would be meaningless\n${r.stdout}\n${r.stderr}`);
  };
  const spectral = (file) => [SPECTRAL, 'lint', '-q', '-r', spectralRuleset(), file];
  check('ajv-cli', (f) => ajvArgs(f), 'good.yaml', 'valid');
  check('ajv-cli', (f) => ajvArgs(f), 'bad.yaml', 'invalid');
  check('spectral', spectral, 'good.yaml', 'valid');
  check('spectral', spectral, 'bad.yaml', 'invalid');
  console.log('ajv-cli and Spectral accept a valid action file and reject a broken one (list for a string, bad date).');
}

let rulesetPath;
/** A Spectral ruleset with one `schema` rule: the same Plan schema, as draft-07. */
function spectralRuleset() {
  if (rulesetPath) return rulesetPath;
  rulesetPath = path.join(work, 'spectral-ruleset.mjs');
  const schema = fs.readFileSync(SCHEMA, 'utf8');
  fs.writeFileSync(
    rulesetPath,
    `import { schema } from '@stoplight/spectral-functions';\n` +
      `export default { rules: { 'plan-schema': { given: '$', severity: 'error', then: { function: schema, functionOptions: { schema: ${schema.trim()}, dialect: 'draft7', allErrors: true } } } } };\n`,
  );
  return rulesetPath;
}

function repoFor(size) {
  const cities = citiesFor(size);
  const dir = path.join(work, `repo-${size}`);
  const stamp = path.join(dir, '.generated');
  const generator = fs.statSync(path.join(here, 'generate.mjs')).mtimeMs;
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== `${cities} ${generator}`) {
    const t = Date.now();
    const files = generate(dir, cities);
    fs.writeFileSync(stamp, `${cities} ${generator}`);
    console.log(`generated ${files.length} files (${cities} cities) in ${dir} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.name.endsWith('.yaml')) {
        files++;
        bytes += fs.statSync(abs).size;
      }
    }
  };
  walk(dir);
  return { dir, cities, files, bytes };
}

/** How many findings plans reports on a repository (once, outside the timing). */
function findingsOf(repo, args) {
  const r = spawnSync(node, [PLANS, 'lint', ...args, '--format', 'json'], { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  try {
    const j = JSON.parse(r.stdout);
    return { errors: j.errorCount, warnings: j.warningCount, files: j.fileCount, status: r.status };
  } catch {
    return { errors: NaN, warnings: NaN, files: NaN, status: r.status, stderr: r.stderr.slice(0, 300) };
  }
}

function machine() {
  const sh = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '?';
    }
  };
  const bundleFile = path.join(root, 'dist', 'plans.cjs');
  const bundle = fs.existsSync(bundleFile) && fs.statSync(bundleFile).mtimeMs >= fs.statSync(path.join(root, 'dist', 'cli', 'main.js')).mtimeMs;
  const cache = fs.existsSync(`${bundleFile}.cache`) ? ' with its V8 code cache' : ', without a code cache';
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: os.cpus()[0]?.model ?? '?',
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    memGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    load: os.loadavg().map((x) => x.toFixed(2)).join(' '),
    os: `${os.type()} ${os.release()}`,
    commit: sh('git', ['rev-parse', '--short', 'HEAD']),
    dirty: sh('git', ['status', '--porcelain', '--', 'src', 'bin', 'schemas']) ? ' (with uncommitted changes)' : '',
    build: fs.existsSync(bundleFile) ? `dist/plans.cjs (esbuild bundle${cache}${bundle ? '' : ', older than the tsc build: rebuild with npm run build'})` : 'dist/ (tsc): run npm run build for the bundle',
    versions: {
      ajv: JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'ajv-cli', 'package.json'), 'utf8')).version,
      spectral: JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '@stoplight', 'spectral-cli', 'package.json'), 'utf8')).version,
      yaml: JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'yaml', 'package.json'), 'utf8')).version,
    },
  };
}

// ---------------------------------------------------------------------------------------------

fs.mkdirSync(work, { recursive: true });
if (!fs.existsSync(path.join(root, 'dist', 'cli', 'main.js'))) {
  console.error('bench: build first (npm run build)');
  process.exit(2);
}
const started = Date.now();
const m = machine();
console.log(`plans bench: ${m.cpu}, ${m.nproc} CPUs, node ${m.node}, ${m.build}; ${runs} runs per command${quick ? ' (quick)' : ''}`);

/** plans diff of the 2,200-file repository and a modified copy, against one lint of one side. */
function benchDiff() {
  const repo = repoFor(2200);
  const sides = diffRepos(repo, work);
  const timing = bench(`plans diff: two ${repo.files}-file repositories`, diffCommands(PLANS, repo, sides), runs);
  return diffSection(repo, timing, diffFindings(node, PLANS, repo, sides));
}

// `--lsp`: only the language server's latency; its section goes into bench/RESULTS.md
if (argv.includes('--lsp')) {
  const { benchLsp } = await import('./lsp.mjs');
  const repo = repoFor(2200);
  console.log(`\n## plans lsp on ${repo.files} files`);
  const { lines } = await benchLsp(repo, Number(opt('--runs', '20')));
  const file = path.join(here, 'RESULTS.md');
  if (write && fs.existsSync(file)) {
    const note = `(Measured alone with \`npm run bench -- --lsp\` on ${m.date}, plans at ${m.commit}${m.dirty}; ${m.cpu}, ${m.nproc} CPUs; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at the end.)`;
    fs.writeFileSync(file, spliceSection(fs.readFileSync(file, 'utf8'), [...lines, note, ''], '## plans lsp:'));
    console.log('wrote the plans lsp section of bench/RESULTS.md');
  }
  process.exit(0);
}

if (diffOnly) {
  const section = benchDiff();
  const file = path.join(here, 'RESULTS.md');
  if (write && fs.existsSync(file)) {
    fs.writeFileSync(file, spliceSection(fs.readFileSync(file, 'utf8'), [...section.lines, `(Measured alone with \`npm run bench -- --diff\` on ${m.date}, plans at ${m.commit}${m.dirty}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at the end.)`, '']));
    console.log('wrote the plans diff section of bench/RESULTS.md');
  }
  console.log(section.lines.join('\n'));
  process.exit(0);
}

const results = [];
for (const size of sizes) {
  const repo = repoFor(size);
  if (results.length === 0) sanity(repo.dir);
  const one = `${cityId(Math.ceil(repo.cities / 2))}/actions/07.yaml`;
  const cmds = [
    { name: 'plans lint', args: [PLANS, 'lint', '.'], cwd: repo.dir, what: `all ${repo.files} files, every rule, positions` },
    { name: 'ajv-cli', args: ajvArgs('*/actions/*.yaml'), cwd: repo.dir, expectStatus: 0, what: `${repo.cities * ACTIONS_PER_CITY} action files, Plan schema only` },
    { name: 'floor: read', args: [FLOOR, 'read', '.'], cwd: repo.dir, expectStatus: 0, what: 'read every file' },
    { name: 'floor: yaml parse', args: [FLOOR, 'parse', '.'], cwd: repo.dir, expectStatus: 0, what: 'read + parseAllDocuments (yaml package)' },
    { name: 'node -e 0', args: ['-e', '0'], cwd: repo.dir, expectStatus: 0, what: 'start-up of node itself' },
    { name: 'plans lint (1 file)', args: [PLANS, 'lint', one], cwd: repo.dir, what: `${one} in context` },
    { name: 'ajv-cli (1 file)', args: ajvArgs(one), cwd: repo.dir, expectStatus: 0, what: one },
    // ESLint's --cache: the warm-up run fills it, every timed run finds nothing changed
    { name: 'plans lint --cache (1 file)', args: [PLANS, 'lint', one, '--cache', '--cache-location', path.join(work, `cache-${size}-${process.pid}`)], cwd: repo.dir, what: `${one} in context, --cache, nothing changed since the last run` },
  ];
  if (size === 2200) {
    cmds.push({ name: 'spectral (1 file)', args: [SPECTRAL, 'lint', '-q', '-r', spectralRuleset(), one], cwd: repo.dir, expectStatus: 0, what: `${one}, one schema rule` });
    // what the narrowed context and the code cache are worth on one file
    cmds.push(
      { name: 'plans lint (1 file), whole repository', args: [PLANS, '--whole-repository', 'lint', one], cwd: repo.dir, what: 'the same, checked with every file of the repository (no narrowing)' },
      { name: 'plans lint (1 file), no code cache', args: [PLANS, '--no-code-cache', 'lint', one], cwd: repo.dir, what: 'narrowed, the bundle compiled at start' },
      { name: 'plans --version', args: [PLANS, '--version'], cwd: repo.dir, what: 'start-up of plans: node, the bundle, the command line' },
    );
    if (!quick) {
      // what each speed-up is worth: the tsc build with the fast reader and/or build-time validators off
      const VARIANT = path.join(here, 'variant.mjs');
      cmds.push(
        { name: 'plans: yaml parser, runtime ajv, tsc', args: [VARIANT, '0', '0', 'lint', '.'], cwd: repo.dir, what: 'the starting point: every file through the yaml package, schemas compiled at start, unbundled' },
        { name: 'plans: fast reader, runtime ajv, tsc', args: [VARIANT, '1', '0', 'lint', '.'], cwd: repo.dir, what: '+ fast reader' },
        { name: 'plans: fast reader, built ajv, tsc', args: [VARIANT, '1', '1', 'lint', '.'], cwd: repo.dir, what: '+ validators compiled at build time (the bundle adds one-file start-up)' },
      );
    }
  }
  const rounds = size >= 20000 ? Math.min(runs, 3) : runs;
  const timing = bench(`${repo.files} files (${(repo.bytes / 2 ** 20).toFixed(1)} MiB)`, cmds, rounds);
  fs.rmSync(path.join(work, `cache-${size}-${process.pid}`), { force: true });
  const result = { size, repo, timing, findings: findingsOf(repo.dir, ['.']) };
  if (size === spectralSize) {
    // Spectral is slow: compare on the action files of a few cities, plans linting the same files in context.
    const dirs = Array.from({ length: Math.min(spectralCities, repo.cities) }, (_, i) => `${cityId(i + 1)}/actions`);
    const sample = dirs.length * ACTIONS_PER_CITY;
    const spectralCmds = [
      { name: 'spectral', args: [SPECTRAL, 'lint', '-q', '-r', spectralRuleset(), ...dirs.map((d) => `${d}/*.yaml`)], cwd: repo.dir, expectStatus: 0, what: `${sample} action files, one schema rule` },
      { name: 'plans lint (sample)', args: [PLANS, 'lint', ...dirs], cwd: repo.dir, what: `the same ${sample} files, in context, every rule` },
    ];
    result.spectral = { sample, timing: bench(`Spectral sample: ${sample} action files of ${repo.files}`, spectralCmds, 2) };
  }
  results.push(result);
}

const diffPart = sizes.includes(2200) ? benchDiff() : undefined;

const total = (Date.now() - started) / 1000;
console.log(`\nbench finished in ${total.toFixed(0)} s`);
if (write) {
  fs.writeFileSync(path.join(here, 'RESULTS.md'), report(m, results, total));
  console.log('wrote bench/RESULTS.md');
}

function report(m, results, total) {
  const s = (x) => `${x.toFixed(3)} s`;
  const r2 = (x) => x.toFixed(2);
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench${quick ? ' -- --quick' : ''}\` (bench/run.mjs) on ${m.date}.`,
    '',
    `- Machine: ${m.cpu}, ${m.nproc} CPUs (nproc), ${m.memGiB} GiB RAM, ${m.os}; load average ${m.load} at the start, ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at the end (other jobs on the machine inflate wall times; the CPU column is steadier)`,
    `- Node ${m.node}; plans at ${m.commit}${m.dirty}, run as \`node bin/plans.js\` would, from ${m.build}`,
    `- Peers: ajv-cli ${m.versions.ajv} (\`ajv validate -s schemas/plan.schema.json -d "*/actions/*.yaml" --spec=draft7 -c ajv-formats\`), Spectral ${m.versions.spectral} (one \`schema\` rule with the same schema); yaml ${m.versions.yaml}`,
    `- ${runs} timed runs per command after one warm-up run (3 at 22,000 files, 2 for the Spectral sample), commands alternating; medians. Every run is a new process without any plans cache (cold); the OS page cache is warm for every tool alike.`,
    '- Peak memory: the largest maxRSS of the process over the runs, from `process.resourceUsage()` at exit (bench/rss-hook.cjs, preloaded with NODE_OPTIONS), worker threads included.',
    '- Repositories: bench/generate.mjs, N cities × 20 actions × 3 targets, one file per action, plus per city a plan header (with its owners) and a progress report, plus the campaign and province owners. Dates are quoted so that ajv-cli (js-yaml, which turns unquoted dates into Date objects) validates the same strings.',
    '',
  ];
  const goals = [];
  for (const r of results) {
    const t = r.timing;
    lines.push(`## ${r.repo.files} files, ${(r.repo.bytes / 2 ** 20).toFixed(1)} MiB (${r.repo.cities} cities)`, '');
    lines.push(`plans finds ${r.findings.errors} errors and ${r.findings.warnings} warnings in ${r.findings.files} files (exit ${r.findings.status}).`, '');
    lines.push('| command | what | median | min | max | CPU (median) | peak memory |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, x] of Object.entries(t)) lines.push(`| ${name} | ${x.what} | ${s(x.median)} | ${s(x.min)} | ${s(x.max)} | ${s(x.cpu)} | ${x.rssMiB.toFixed(0)} MiB |`);
    const p = t['plans lint'].median;
    lines.push(
      '',
      '| ratio | value |',
      '| --- | ---: |',
      `| plans / ajv-cli | ${r2(p / t['ajv-cli'].median)} |`,
      `| plans / floor: read | ${r2(p / t['floor: read'].median)} |`,
      `| plans / floor: yaml parse | ${r2(p / t['floor: yaml parse'].median)} |`,
      `| plans (1 file) / ajv-cli (1 file) | ${r2(t['plans lint (1 file)'].median / t['ajv-cli (1 file)'].median)} |`,
      ...(t['spectral (1 file)'] ? [`| spectral (1 file) / plans (1 file) | ${r2(t['spectral (1 file)'].median / t['plans lint (1 file)'].median)} |`] : []),
      '',
    );
    if (r.spectral) {
      const st = r.spectral.timing;
      lines.push(`### Spectral, on ${r.spectral.sample} action files`, '', '| command | what | median | min | max | CPU (median) | peak memory |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |');
      for (const [name, x] of Object.entries(st)) lines.push(`| ${name} | ${x.what} | ${s(x.median)} | ${s(x.min)} | ${s(x.max)} | ${s(x.cpu)} | ${x.rssMiB.toFixed(0)} MiB |`);
      lines.push('', `Spectral / plans: **${r2(st.spectral.median / st['plans lint (sample)'].median)} ×**`, '');
    }
  }
  const at = (n) => results.find((r) => r.size === n);
  const mid = at(2200);
  const big = at(22000);
  if (mid) {
    const ratio = mid.timing['plans lint'].median / mid.timing['ajv-cli'].median;
    goals.push(`| 2,200 files, all rules with positions ≤ 1.0 × ajv-cli | ${r2(ratio)} × (${s(mid.timing['plans lint'].median)} vs ${s(mid.timing['ajv-cli'].median)}) | ${ratio <= 1 ? 'met' : 'not met'} |`);
    const one = mid.timing['plans lint (1 file)'].median / mid.timing['ajv-cli (1 file)'].median;
    goals.push(`| one file in context ≤ 0.5 × ajv-cli on one file | ${r2(one)} × (${s(mid.timing['plans lint (1 file)'].median)} vs ${s(mid.timing['ajv-cli (1 file)'].median)}) | ${one <= 0.5 ? 'met' : 'not met'} |`);
    const cached = mid.timing['plans lint --cache (1 file)'].median / mid.timing['ajv-cli (1 file)'].median;
    goals.push(`| one file in context with \`--cache\` (nothing changed) ≤ 0.5 × ajv-cli on one file | ${r2(cached)} × (${s(mid.timing['plans lint --cache (1 file)'].median)} vs ${s(mid.timing['ajv-cli (1 file)'].median)}) | ${cached <= 0.5 ? 'met' : 'not met'} |`);
  }
  const sp = results.find((r) => r.spectral);
  if (sp) {
    const f = sp.spectral.timing.spectral.median / sp.spectral.timing['plans lint (sample)'].median;
    goals.push(`| ≥ 20 × faster than Spectral on the same files (${sp.spectral.sample} action files in a ${sp.repo.files}-file repository) | ${r2(f)} × | ${f >= 20 ? 'met' : 'not met'} |`);
    if (mid?.timing['spectral (1 file)']) {
      const g = mid.timing['spectral (1 file)'].median / mid.timing['plans lint (1 file)'].median;
      goals.push(`| (for information, not a goal: Spectral on one file in context of ${mid.repo.files} files, where both tools' start-up dominates) | ${r2(g)} × | — |`);
    }
  }
  if (mid && big) {
    const g = big.timing['plans lint'].median / mid.timing['plans lint'].median;
    const mem = big.timing['plans lint'].rssMiB;
    goals.push(`| 22,000 files ≤ 11 × the 2,200-file time | ${r2(g)} × (${s(big.timing['plans lint'].median)}) | ${g <= 11 ? 'met' : 'not met'} |`);
    goals.push(`| 22,000 files peak memory ≤ 400 MiB | ${mem.toFixed(0)} MiB | ${mem <= 400 ? 'met' : 'not met'} |`);
  }
  if (diffPart) {
    lines.push(...diffPart.lines);
    goals.push(diffPart.goal);
  }
  if (goals.length) lines.push('## Goals', '', '| goal | measured | status |', '| --- | --- | --- |', ...goals, '');
  lines.push(`Total bench time: ${total.toFixed(0)} s.`, '');
  // What was tried and what limits each goal: written by hand in bench/notes.md, kept with the figures.
  const notes = path.join(here, 'notes.md');
  if (fs.existsSync(notes)) lines.push(fs.readFileSync(notes, 'utf8'));
  return lines.join('\n');
}
