/** The file system at its worst: links, loops, unreadable things, odd names, bad paths and bad --out targets, closed pipes. */
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { check } from '../../src/lint.js';
import { loadFiles, loadPaths } from '../../src/load/index.js';
import { runCli } from '../helpers/cli.js';
import { MINI, cleanTemp, ensureCompiled, isRoot, repo, root } from './helpers.js';

afterAll(cleanTemp);
afterEach(() => vi.restoreAllMocks());

const lintDir = (dir: string, paths: string[] = ['.']) => {
  const loaded = loadPaths(paths, { cwd: dir });
  return check(loaded.files, loaded.findings);
};

/** A plan file with one schema mistake at 3:22, to see that a healthy-but-wrong file is still checked. */
const WITH_MISTAKE = 'kind: Owners\nowners:\n  - {id: a, name: A, sity: x}\n';

describe('symbolic links', () => {
  it('loops end: a folder linking to its parent is walked once, a self-link and a two-link cycle are reported', () => {
    const dir = repo({ ...MINI, 'sub/mistake.yaml': WITH_MISTAKE });
    fs.symlinkSync('..', path.join(dir, 'sub/up'));
    fs.symlinkSync('self.yaml', path.join(dir, 'self.yaml'));
    fs.symlinkSync('b.yaml', path.join(dir, 'a.yaml'));
    fs.symlinkSync('a.yaml', path.join(dir, 'b.yaml'));
    const result = lintDir(dir);
    expect(result.files.map((f) => f.path).sort()).toEqual(['campaign.yaml', 'hz/plan.yaml', 'owners.yaml', 'sub/mistake.yaml']);
    const links = result.findings.filter((f) => f.rule === 'encoding');
    expect(links.map((f) => [f.file, f.severity, f.line, f.column])).toEqual([
      ['a.yaml', 'warning', 1, 1],
      ['b.yaml', 'warning', 1, 1],
      ['self.yaml', 'warning', 1, 1],
    ]);
    expect(links[0].message.en).toMatch(/ELOOP/);
    // the one real mistake is found once, not once per way of reaching it
    expect(result.findings.filter((f) => f.rule === 'schema').map((f) => [f.file, f.line, f.column])).toEqual([['sub/mistake.yaml', 3, 22]]);
  });

  it('a link to a file inside the tree is read once; links out of the tree are reported and not followed', () => {
    const outside = repo({ 'outside.yaml': WITH_MISTAKE, 'more/inner.yaml': WITH_MISTAKE });
    const dir = repo(MINI);
    fs.symlinkSync(path.join(dir, 'owners.yaml'), path.join(dir, 'owners-again.yaml'));
    fs.symlinkSync(path.join(outside, 'outside.yaml'), path.join(dir, 'ext.yaml'));
    fs.symlinkSync(path.join(outside, 'more'), path.join(dir, 'extdir'));
    fs.symlinkSync(path.join(outside, 'missing.yaml'), path.join(dir, 'dangling.yaml'));
    const result = lintDir(dir);
    expect(result.findings.filter((f) => f.rule === 'duplicate-id')).toEqual([]);
    expect(result.findings.map((f) => [f.file, f.rule, f.severity])).toEqual([
      ['dangling.yaml', 'encoding', 'warning'],
      ['ext.yaml', 'encoding', 'warning'],
      ['extdir', 'encoding', 'warning'],
    ]);
    expect(result.findings[1].message.en).toMatch(/outside the folders being checked/);
    expect(result.findings[1].message.zh).toMatch(/未跟随/);
    expect(result.findings[0].message.en).toMatch(/ENOENT/);
    // a link named on the command line is followed: the user asked for it
    const named = lintDir(dir, ['ext.yaml']);
    expect(named.findings.map((f) => f.rule)).toEqual(['schema']);
  });
});

describe('files and folders that cannot be read', () => {
  it(`a file or folder without read permission is a finding, the others are checked (${isRoot ? 'root: permissions do not apply, skipped here and stubbed below' : 'chmod 000'})`, () => {
    if (isRoot) return; // chmod 000 does not stop root; the stubbed tests below cover the same paths
    const dir = repo({ ...MINI, 'locked.yaml': WITH_MISTAKE, 'closed/x.yaml': WITH_MISTAKE, 'open/mistake.yaml': WITH_MISTAKE });
    fs.chmodSync(path.join(dir, 'locked.yaml'), 0o000);
    fs.chmodSync(path.join(dir, 'closed'), 0o000);
    try {
      const result = lintDir(dir);
      expect(result.findings.filter((f) => f.rule === 'encoding').map((f) => f.file).sort()).toEqual(['closed', 'locked.yaml']);
      expect(result.findings.some((f) => f.file === 'open/mistake.yaml' && f.rule === 'schema')).toBe(true);
    } finally {
      fs.chmodSync(path.join(dir, 'locked.yaml'), 0o644);
      fs.chmodSync(path.join(dir, 'closed'), 0o755);
    }
  });

  it('EACCES on a file (fs stubbed, since this suite may run as root) is an encoding finding; the others are checked', () => {
    const dir = repo({ ...MINI, 'locked.yaml': WITH_MISTAKE, 'open/mistake.yaml': WITH_MISTAKE });
    const locked = path.join(dir, 'locked.yaml');
    const real = fs.readFileSync;
    vi.spyOn(fs, 'readFileSync').mockImplementation(((p: fs.PathOrFileDescriptor, o?: unknown) => {
      if (p === locked) throw Object.assign(new Error(`EACCES: permission denied, open '${locked}'`), { code: 'EACCES' });
      return (real as (p: fs.PathOrFileDescriptor, o?: unknown) => Buffer)(p, o);
    }) as typeof fs.readFileSync);
    // the reader may open a file the listing showed as regular without reading it by name: a real EACCES fails the open
    const realOpen = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
      if (p === locked) throw Object.assign(new Error(`EACCES: permission denied, open '${locked}'`), { code: 'EACCES' });
      return (realOpen as (p: fs.PathLike, ...rest: unknown[]) => number)(p, ...rest);
    }) as typeof fs.openSync);
    const result = lintDir(dir);
    const f = result.findings.find((x) => x.file === 'locked.yaml');
    expect(f).toMatchObject({ rule: 'encoding', severity: 'error', line: 1, column: 1 });
    expect(f!.message.en).toBe('cannot read this file (EACCES)');
    expect(f!.message.zh).toBe('无法读取该文件（EACCES）');
    expect(result.findings.some((x) => x.file === 'open/mistake.yaml' && x.rule === 'schema' && x.line === 3)).toBe(true);
  });

  it('EACCES on a folder (stubbed) is an encoding finding for the folder; its siblings are checked', () => {
    const dir = repo({ ...MINI, 'closed/x.yaml': WITH_MISTAKE, 'open/mistake.yaml': WITH_MISTAKE });
    const closed = path.join(dir, 'closed');
    const real = fs.readdirSync;
    vi.spyOn(fs, 'readdirSync').mockImplementation(((p: fs.PathLike, o?: unknown) => {
      if (p === closed) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return (real as (p: fs.PathLike, o?: unknown) => unknown)(p, o);
    }) as typeof fs.readdirSync);
    const result = lintDir(dir);
    expect(result.findings.filter((x) => x.file === 'closed').map((x) => [x.rule, x.message.en])).toEqual([['encoding', 'cannot read this folder (EACCES)']]);
    expect(result.findings.some((x) => x.file === 'open/mistake.yaml' && x.rule === 'schema')).toBe(true);
  });

  it('a FIFO named like a plan file is reported, not waited on; a folder where a file was expected too', () => {
    const dir = repo({ ...MINI, 'open/mistake.yaml': WITH_MISTAKE });
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const result = lintDir(dir);
    const f = result.findings.find((x) => x.file === 'pipe.yaml');
    expect(f).toMatchObject({ rule: 'encoding', severity: 'error' });
    expect(f!.message.en).toBe('this is a named pipe (FIFO), not a regular file; not read');
    expect(result.findings.some((x) => x.file === 'open/mistake.yaml' && x.rule === 'schema')).toBe(true);
    // a file list that names a folder (it was replaced between listing and reading)
    const loaded = loadFiles([path.join(dir, 'open'), path.join(dir, 'open/mistake.yaml')], { cwd: dir });
    expect(loaded.findings.map((x) => [x.file, x.rule])).toEqual([['open', 'encoding']]);
    expect(loaded.findings[0].message.zh).toBe('这是文件夹，不是普通文件，未读取');
    expect(loaded.files.map((x) => x.path)).toEqual(['open', 'open/mistake.yaml']);
  });

  it('a folder named x.yaml is walked as a folder, found or named', () => {
    const dir = repo({ ...MINI, 'x.yaml/inner.yaml': WITH_MISTAKE });
    for (const paths of [['.'], ['x.yaml']]) {
      const result = lintDir(dir, paths);
      expect(result.findings.filter((f) => f.file.startsWith('x.yaml')).map((f) => [f.file, f.rule])).toEqual([['x.yaml/inner.yaml', 'schema']]);
    }
  });
});

describe('command-line paths and --out', () => {
  const oneLine = (s: string) => s.trim().split('\n');

  it('a path that does not exist: exit 2, one line on stderr, nothing on stdout', async () => {
    const dir = repo(MINI);
    for (const args of [['lint', 'nope'], ['lint', '.', 'nope/deeper.yaml'], ['lint', '--lang', 'zh', 'nope']]) {
      const run = await runCli(args, { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(oneLine(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(/^plans: /);
    }
    expect((await runCli(['lint', '--lang', 'zh', 'nope'], { cwd: dir })).stderr).toMatch(/路径不存在/);
  });

  it('--out onto an input file is refused with exit 2 and the file is left byte for byte', async () => {
    const dir = repo({ ...MINI, 'mistake.yaml': WITH_MISTAKE, 'binary.yaml': Uint8Array.from([1, 0, 2, 0, 3]) });
    fs.symlinkSync(path.join(dir, 'owners.yaml'), path.join(dir, 'link-to-owners.json'));
    for (const target of ['owners.yaml', 'mistake.yaml', 'binary.yaml', './hz/../owners.yaml', 'link-to-owners.json', path.join(dir, 'hz/plan.yaml')]) {
      const real = path.resolve(dir, target);
      const before = fs.readFileSync(real);
      const run = await runCli(['lint', '.', '--format', 'json', '--out', target], { cwd: dir });
      expect(run.code, target).toBe(2);
      expect(oneLine(run.stderr), target).toHaveLength(1);
      expect(run.stderr).toMatch(/refusing to write .*: it is one of the input files/);
      expect(Buffer.compare(fs.readFileSync(real), before), target).toBe(0);
    }
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('--out into a folder that does not exist: exit 2, one line, nothing created', async () => {
    const dir = repo(MINI);
    const before = fs.readdirSync(dir).sort();
    const run = await runCli(['lint', '.', '--format', 'json', '--out', 'no/such/folder/report.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/^plans: cannot write no\/such\/folder\/report.json \(ENOENT\)/);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'no'))).toBe(false);
  });
});

describe('a closed pipe', () => {
  const bin = path.join(root, 'bin/plans.js');
  beforeAll(() => {
    // the pipe needs a real process
    ensureCompiled();
    expect(fs.existsSync(path.join(root, 'dist/cli/main.js'))).toBe(true);
  }, 120_000);

  const piped = (command: string, cwd = root) =>
    spawnSync('bash', ['-c', `set -o pipefail; ${command}; echo "status=\${PIPESTATUS[0]}" >&2`], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });

  it('`plans lint examples/zhejiang-2022 | head -1` ends quietly with status 0, and so do table and gaps', () => {
    for (const command of ['lint', 'table targets', 'table responsibilities --format csv', 'gaps']) {
      const run = piped(`node ${bin} ${command} examples/zhejiang-2022 | head -1`);
      expect(run.stdout.split('\n').filter(Boolean), command).toHaveLength(1);
      expect(run.stderr.trim(), command).toBe('status=0');
    }
  });

  it('a report far larger than the pipe buffer, cut by head, ends quietly too', () => {
    const owners = Array.from({ length: 3000 }, (_, i) => `  - {id: o${i}, name: N, sity: x}`).join('\n');
    const dir = repo({ 'owners.yaml': `kind: Owners\nowners:\n${owners}\n` });
    for (const format of ['stylish', 'json']) {
      const run = piped(`node ${bin} lint . --format ${format} | head -c 100 >/dev/null`, dir);
      expect(run.stderr).not.toMatch(/\bat \w|Error|EPIPE/);
      expect(run.stderr.trim()).toMatch(/^status=[01]$/);
    }
  });
});
