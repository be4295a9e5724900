// `npm run bench -- --scale`: the hostile inputs of issue 18 that used to take superlinear time or
// memory, each at a few sizes: wall time and peak memory against the size, so that growth can be
// read off (linear: doubling the size doubles the time). Writes bench/SCALE.md.
//
//   node bench/run.mjs --scale [--only name,name] [--timeout 300] [--no-write]
//
// Each run is a fresh process of the built CLI (bin/plans.js), its peak memory from
// bench/rss-hook.cjs; a run past the timeout is killed and shown as such.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const PLANS = path.join(root, 'bin', 'plans.js');
const RSS_HOOK = path.join(here, 'rss-hook.cjs');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const only = opt('--only', '')
  .split(',')
  .filter(Boolean);
const timeoutSeconds = Number(opt('--timeout', '300'));
const write = !argv.includes('--no-write');

const CAMPAIGN = 'kind: Campaign\nid: c\ntitle: 专项行动\nperiod: {start: 2022-01-01, end: 2022-12-31}\ncities:\n  - {id: hz, name: 杭州市}\ntasks:\n  - {id: T01, title: 共同富裕法治同行}\n';

/** Writes `files` into a fresh folder. */
function repo(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-scale-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

function plan(actions) {
  return `kind: Plan\ncampaign: c\ncity: hz\ntitle: 杭州市实施方案\nactions:\n${actions.join('')}`;
}
const action = (id, lead, extra = '') => `  - id: ${id}\n    title: 行动${id}\n    tasks: [T01]\n    lead: ${lead}\n${extra}`;
const ownersFile = (n, prefix = 'owner') => {
  const lines = ['kind: Owners', 'owners:'];
  for (let i = 0; i < n; i++) lines.push(`  - {id: ${prefix}-${i}, name: 单位${i}, city: hz}`);
  return lines.join('\n') + '\n';
};

/** n plan files of 1 MB, each an anchored 1,000,000-character measure used by 10 actions (within the alias budget: 10× the file). */
function pastLongestString(n, args) {
  const cities = Array.from({ length: n }, (_, i) => `  - {id: c${i}, name: 城市${i}}`).join('\n');
  const files = {
    'campaign.yaml': `kind: Campaign\nid: c\ntitle: 专项行动\nperiod: {start: 2022-01-01, end: 2022-12-31}\ncities:\n${cities}\ntasks:\n  - {id: T01, title: 共同富裕法治同行}\n`,
    'owners.yaml': `kind: Owners\nowners:\n${Array.from({ length: n }, (_, i) => `  - {id: c${i}-sfj, name: 司法局${i}, city: c${i}}`).join('\n')}\n`,
  };
  // ASCII: a character is a byte, so the JSON is longer (in characters) than the longest string, 2^29 - 24
  const measure = 'x'.repeat(1_000_000);
  for (let f = 0; f < n; f++) {
    const actions = [];
    for (let i = 0; i < 10; i++) actions.push(action(`C${f}-A${i}`, `c${f}-sfj`, `    measures:\n      - ${i === 0 ? `&m ${measure}` : '*m'}\n`));
    files[`c${f}/plan.yaml`] = `kind: Plan\ncampaign: c\ncity: c${f}\ntitle: 实施方案\nactions:\n${actions.join('')}`;
  }
  const dir = repo(files);
  const out = path.join(dir, 'compiled.json');
  return { dir, args: args(out), written: out };
}

/** The cases: sizes, what a size means, and how to make the repository and the command. */
const CASES = [
  {
    name: 'owners-unknown-keys',
    what: 'owners with two unknown keys each (2 findings each): `lint --format json`',
    unit: 'owners',
    sizes: [10_000, 20_000, 40_000, 80_000],
    make: (n) => {
      const lines = ['kind: Owners', 'owners:'];
      for (let i = 0; i < n; i++) lines.push(`  - {id: o${i}, name: N${i}, foo: 1, bar: 2}`);
      return { dir: repo({ 'owners.yaml': lines.join('\n') + '\n' }), args: ['lint', '--format', 'json', '.'] };
    },
  },
  {
    name: 'did-you-mean',
    what: 'n unknown leads against n owners (each gets a suggestion search): `lint`',
    unit: 'n',
    sizes: [1_000, 2_000, 4_000, 10_000],
    make: (n) => {
      const actions = [];
      for (let i = 0; i < n; i++) actions.push(action(`A${i}`, `ownr-${(i * 7919) % n}x`));
      return { dir: repo({ 'campaign.yaml': CAMPAIGN, 'owners.yaml': ownersFile(n), 'hz/plan.yaml': plan(actions) }), args: ['lint', '.'] };
    },
  },
  {
    name: 'long-reference',
    what: 'one unknown lead of n characters against 5,000 owners: `lint`',
    unit: 'characters',
    sizes: [50_000, 100_000, 200_000],
    make: (n) => ({
      dir: repo({ 'campaign.yaml': CAMPAIGN, 'owners.yaml': ownersFile(5000), 'hz/plan.yaml': plan([action('A1', 'x'.repeat(n))]) }),
      args: ['lint', '.'],
    }),
  },
  {
    name: 'table-owners',
    what: 'n owners, each leading one action: `table owners --format csv`',
    unit: 'owners',
    sizes: [22_500, 45_000, 90_000],
    make: (n) => {
      const files = { 'campaign.yaml': CAMPAIGN, 'owners.yaml': ownersFile(n) };
      const per = 10_000;
      for (let f = 0; f * per < n; f++) {
        const actions = [];
        for (let i = f * per; i < Math.min(n, (f + 1) * per); i++) actions.push(action(`A${i}`, `owner-${i}`));
        files[`hz/plan-${f}.yaml`] = plan(actions);
      }
      return { dir: repo(files), args: ['table', 'owners', '--format', 'csv', '.'] };
    },
  },
  {
    name: 'long-cell',
    what: 'one measure of n CJK characters in a text table: `table responsibilities`',
    unit: 'characters',
    sizes: [32_000, 64_000, 128_000, 1_000_000],
    make: (n) => ({
      dir: repo({ 'campaign.yaml': CAMPAIGN, 'hz/plan.yaml': plan([action('A1', 'hz-sfj', `    measures:\n      - ${'法治'.repeat(n / 2)}\n`)]) }),
      args: ['table', 'responsibilities', '--no-color', '.'],
    }),
  },
  {
    name: 'glob-stars',
    what: 'ignore glob `*a` × n + `*b` against a 40-character name: `lint`',
    unit: 'stars',
    sizes: [6, 8, 10, 20],
    make: (n) => ({
      dir: repo({ 'plans.config.yaml': `ignore: ["${'*a'.repeat(n)}*b"]\n`, [`${'a'.repeat(40)}.yaml`]: 'kind: Owners\nowners: []\n' }),
      args: ['lint', '.'],
    }),
  },
  {
    name: 'glob-globstars',
    what: 'ignore glob `**/` × n + `x.yaml` in a tree 40 folders deep: `lint`',
    unit: 'globstars',
    sizes: [4, 6, 10, 20],
    make: (n) => ({
      dir: repo({ 'plans.config.yaml': `ignore: ["${'**/'.repeat(n)}x.yaml"]\n`, [`${'d/'.repeat(40)}y.yaml`]: 'kind: Owners\nowners: []\n' }),
      args: ['lint', '.'],
    }),
  },
  {
    name: 'empty-documents',
    what: 'a file of n MB of `---` lines (empty documents): `lint`',
    unit: 'MB',
    sizes: [1, 2, 4, 10],
    make: (n) => ({ dir: repo({ 'a.yaml': '---\n'.repeat(Math.round((n * 1024 * 1024) / 4)) }), args: ['lint', '--max-file-size', '20M', '.'] }),
  },
  {
    name: 'empty-documents-finding',
    what: 'n MB of `---` lines, then a disable comment and a document with a finding (placed after the run): `lint`',
    unit: 'MB',
    sizes: [1, 4, 10],
    make: (n) => ({
      dir: repo({ 'a.yaml': '---\n'.repeat(Math.round((n * 1024 * 1024) / 4)) + '# plans-disable-next-line\nkind: Owners\nowners: [1]\n' }),
      args: ['lint', '--max-file-size', '20M', '.'],
    }),
  },
  {
    name: 'alias-expansion',
    what: 'an anchor of n values used 90 times (the tables would print it 90 times): `table responsibilities --format csv`',
    unit: 'values',
    sizes: [10_000, 30_000, 60_000],
    make: (n) => {
      const big = Array.from({ length: n }, (_, i) => i).join(', ');
      const actions = [];
      for (let i = 0; i < 90; i++) actions.push(`  - id: A${i}\n    title: 行动\n    tasks: [T01]\n    lead: hz-sfj\n    measures: ${i === 0 ? `&big [${big}]` : '*big'}\n`);
      return { dir: repo({ 'campaign.yaml': CAMPAIGN, 'hz/plan.yaml': plan(actions) }), args: ['table', 'responsibilities', '--format', 'csv', '.'] };
    },
  },
  {
    name: 'compile-output',
    what: 'plans compile of n owners (output written in pieces): `compile --allow-errors > /dev/null`',
    unit: 'owners',
    sizes: [50_000, 100_000, 200_000],
    make: (n) => ({ dir: repo({ 'campaign.yaml': CAMPAIGN, 'owners.yaml': ownersFile(n) }), args: ['compile', '--allow-errors', '.'] }),
  },
  {
    name: 'compile-past-512mb',
    what: 'n plan files of 1 MB, each an anchored 1,000,000-character measure used by 10 actions (within the alias budget: 10× the file): `compile --out FILE` (the size written in the exit column)',
    unit: 'files',
    sizes: [14, 28, 56],
    make: (n) => pastLongestString(n, (out) => ['compile', '--out', out, '.']),
  },
  {
    name: 'table-past-512mb',
    what: 'the same repository: `table responsibilities --format csv --out FILE`',
    unit: 'files',
    sizes: [14, 28, 56],
    make: (n) => pastLongestString(n, (out) => ['table', 'responsibilities', '--format', 'csv', '--out', out, '.']),
  },
];

function measure(args, cwd) {
  const rssFile = path.join(os.tmpdir(), `plans-scale-rss-${process.pid}.txt`);
  fs.rmSync(rssFile, { force: true });
  const env = { ...process.env, NODE_OPTIONS: `--require ${RSS_HOOK}`, BENCH_RSS_FILE: rssFile, NO_COLOR: '1', LANG: 'en_US.UTF-8' };
  const start = process.hrtime.bigint();
  const res = spawnSync(process.execPath, [PLANS, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutSeconds * 1000, maxBuffer: 16 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let rssKiB = 0;
  try {
    for (const line of fs.readFileSync(rssFile, 'utf8').trim().split('\n')) rssKiB = Math.max(rssKiB, Number(line.split(' ')[1]) || 0);
  } catch {
    // killed: no report
  }
  fs.rmSync(rssFile, { force: true });
  const stderr = String(res.stderr ?? '');
  return { seconds, rssMiB: rssKiB / 1024, status: res.signal ? `killed (${res.signal})` : String(res.status), internal: /internal error|Maximum call stack|Invalid string length/.test(stderr) };
}

const results = [];
for (const c of CASES) {
  if (only.length && !only.includes(c.name)) continue;
  console.log(`\n## ${c.name}: ${c.what}`);
  const rows = [];
  for (const size of c.sizes) {
    const { dir, args, written } = c.make(size);
    const r = measure(args, dir);
    if (written) r.status += ` (${fs.existsSync(written) ? (fs.statSync(written).size / 1024 / 1024).toFixed(0) : 0} MiB written)`;
    fs.rmSync(dir, { recursive: true, force: true });
    const prev = rows[rows.length - 1];
    const growth = prev ? `${(size / prev.size).toFixed(1)}× size → ${(r.seconds / prev.seconds).toFixed(1)}× time` : '';
    rows.push({ size, ...r, growth });
    console.log(`${String(size).padStart(9)} ${c.unit}: ${r.seconds.toFixed(2)} s, ${r.rssMiB.toFixed(0)} MiB, exit ${r.status}${r.internal ? ' INTERNAL ERROR' : ''}  ${growth}`);
  }
  results.push({ ...c, rows });
}

if (write && only.length === 0) {
  const lines = [
    '# Hostile input at scale (issue 18)',
    '',
    `Written by \`npm run bench -- --scale\` (bench/scale.mjs) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, ${os.cpus().length} CPUs (shared: absolute times are noisy, the growth column is what to read).`,
    '',
  ];
  for (const c of results) {
    lines.push(`## ${c.name}`, '', c.what, '', `| ${c.unit} | time | peak memory | exit | growth |`, '| ---: | ---: | ---: | --- | --- |');
    for (const r of c.rows) lines.push(`| ${r.size} | ${r.seconds.toFixed(2)} s | ${r.rssMiB.toFixed(0)} MiB | ${r.status}${r.internal ? ' (internal error)' : ''} | ${r.growth} |`);
    lines.push('');
  }
  fs.writeFileSync(path.join(here, 'SCALE.md'), lines.join('\n'));
  console.log('\nwrote bench/SCALE.md');
}
