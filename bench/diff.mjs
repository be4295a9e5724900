// The plans diff part of the bench: a modified copy of a generated repository (as a second folder,
// and as the work tree of a git repository whose HEAD is the original), the commands to time, and
// the section of bench/RESULTS.md. Run alone with `npm run bench -- --diff`.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cityId } from './generate.mjs';

/** Every tenth city: one target lowered, one measure postponed, one measure dropped, one progress value revised (about 4 changes × 10 % of cities). */
function modify(dir, cities) {
  const change = (rel, from, to) => {
    const abs = path.join(dir, rel);
    const text = fs.readFileSync(abs, 'utf8');
    const next = text.replace(from, to);
    if (next === text) throw new Error(`bench: ${rel}: ${from} not found`);
    fs.writeFileSync(abs, next);
  };
  let edits = 0;
  for (let c = 1; c <= cities; c += 10) {
    const city = cityId(c);
    change(`${city}/actions/03.yaml`, /target: \{op: ">=", value: (\d+),/, (_, v) => `target: {op: ">=", value: ${Number(v) - 5},`);
    // a measure due later, still within the campaign's period (so that neither side has findings lint would place)
    change(`${city}/actions/04.yaml`, /\n {8}due: "2022-07-30"/, '\n        due: "2022-09-30"');
    change(`${city}/actions/05.yaml`, /\n {6}- [^\n]*（1）(?=\n)/, '');
    change(`${city}/progress/2022-06.yaml`, /value: ([\d.]+), note/, (_, v) => `value: ${Number(v) + 1}, note`);
    edits += 4;
  }
  return edits;
}

/** The modified copy and the git repository, made again when the original or this file changed. */
export function diffRepos(repo, work) {
  const stampOf = (dir) => path.join(dir, '.bench-diff');
  const want = `${fs.readFileSync(path.join(repo.dir, '.generated'), 'utf8')} ${fs.statSync(fileURLToPath(import.meta.url)).mtimeMs}`;
  const copy = path.join(work, `repo-${repo.files}-modified`);
  const git = path.join(work, `repo-${repo.files}-git`);
  let edits = 0;
  for (const dir of [copy, git]) {
    if (fs.existsSync(stampOf(dir)) && fs.readFileSync(stampOf(dir), 'utf8') === want) continue;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(repo.dir, dir, { recursive: true });
    if (dir === git) {
      const run = (...args) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
      run('init', '-q', '-b', 'main');
      fs.writeFileSync(path.join(dir, '.gitignore'), '.bench-diff\n.generated\n');
      run('add', '.');
      run('commit', '-q', '-m', 'the generated repository');
    }
    edits = modify(dir, repo.cities);
    fs.writeFileSync(stampOf(dir), want);
  }
  return { copy, git, edits: edits || undefined };
}

/** The commands to time: one lint of one side, and the diff of the two sides, as folders and from git. */
export function diffCommands(PLANS, repo, sides) {
  return [
    { name: 'plans lint (one side)', args: [PLANS, 'lint', '.'], cwd: repo.dir, what: `all ${repo.files} files of one side, every rule, positions` },
    { name: 'plans diff (folders)', args: [PLANS, 'diff', repo.dir, '.', '--format', 'json'], cwd: sides.copy, expectStatus: 0, what: `the original against a modified copy, ${repo.files} files each` },
    { name: 'plans diff (git:HEAD)', args: [PLANS, 'diff', 'git:HEAD', '--format', 'json'], cwd: sides.git, expectStatus: 0, what: 'the same, the original read with git from HEAD, the copy as the work tree' },
  ];
}

/** What the diff found (once, outside the timing): changes by kind. */
export function diffFindings(node, PLANS, repo, sides) {
  const r = spawnSync(node, [PLANS, 'diff', repo.dir, '.', '--format', 'json'], { cwd: sides.copy, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    const kinds = {};
    for (const c of JSON.parse(r.stdout).changes) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
    return kinds;
  } catch {
    return { unreadable: r.status, stderr: String(r.stderr).slice(0, 200) };
  }
}

/** The section of RESULTS.md, and its goal row. */
export function diffSection(repo, timing, kinds) {
  const s = (x) => `${x.toFixed(3)} s`;
  const lint = timing['plans lint (one side)'].median;
  const folders = timing['plans diff (folders)'].median / lint;
  const git = timing['plans diff (git:HEAD)'].median / lint;
  const lines = [
    `## plans diff: two ${repo.files}-file repositories`,
    '',
    `The second side is a copy of the first with, in every tenth city, one target lowered, one measure postponed (within the campaign's period), one measure dropped and one progress value revised (bench/diff.mjs); neither side has a finding. plans diff finds: ${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(', ')}.`,
    '',
    '| command | what | median | min | max | CPU (median) | peak memory |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...Object.entries(timing).map(([name, x]) => `| ${name} | ${x.what} | ${s(x.median)} | ${s(x.min)} | ${s(x.max)} | ${s(x.cpu)} | ${x.rssMiB.toFixed(0)} MiB |`),
    '',
    `diff / one lint: **${folders.toFixed(2)} ×** from two folders, **${git.toFixed(2)} ×** with one side read from git (goal ≤ 2.5 ×: ${folders <= 2.5 && git <= 2.5 ? 'met' : 'not met'}).`,
    '',
  ];
  const goal = `| diff of two ${repo.files}-file repositories ≤ 2.5 × one lint | ${folders.toFixed(2)} × folders, ${git.toFixed(2)} × git:HEAD (${s(timing['plans diff (folders)'].median)} vs ${s(lint)}) | ${folders <= 2.5 && git <= 2.5 ? 'met' : 'not met'} |`;
  return { lines, goal };
}

/** Puts the section into an existing RESULTS.md (in place of an earlier one, else before the goals). */
export function spliceSection(results, section, heading = '## plans diff:') {
  const lines = results.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start >= 0) {
    let end = start + 1;
    while (end < lines.length && !/^#{1,2} /.test(lines[end])) end++;
    lines.splice(start, end - start, ...section);
  } else {
    const goals = lines.findIndex((l) => l === '## Goals');
    lines.splice(goals >= 0 ? goals : lines.length, 0, ...section);
  }
  return lines.join('\n');
}
