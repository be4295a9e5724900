/** --out as cli.md fixes it: links written through, FIFOs and devices written to, directories and inputs refused; write errors are one line and exit 2. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { runCli } from './helpers/cli.js';
import { cleanTemp, ensureCompiled, MINI, root, tempDir } from './robustness/helpers.js';

afterAll(cleanTemp);

function repo(files: Record<string, string> = MINI): string {
  const dir = tempDir('plans-out-');
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

const oneLine = (s: string) => s.trim().split('\n');
const tmpLeft = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
const bin = path.join(root, 'bin/plans.js');

// the tests that need a real process run the compiled CLI
beforeAll(ensureCompiled, 120_000);

describe('--out onto each kind of target', () => {
  it('a symbolic link is written through: the link stays a link, its target gets the report', async () => {
    const dir = repo();
    fs.mkdirSync(path.join(dir, 'reports'));
    fs.writeFileSync(path.join(dir, 'reports/lint.json'), 'old');
    fs.symlinkSync('reports/lint.json', path.join(dir, 'latest.json'));
    const run = await runCli(['lint', '.', '--format', 'json', '--out', 'latest.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'reports/lint.json'), 'utf8')).fileCount).toBe(3);
    expect(tmpLeft(dir)).toEqual([]);
    expect(tmpLeft(path.join(dir, 'reports'))).toEqual([]);
  });

  it('a dangling link is written through too: its target is created, the link kept', async () => {
    const dir = repo();
    fs.mkdirSync(path.join(dir, 'out'));
    fs.symlinkSync('out/new.json', path.join(dir, 'dangling.json'));
    const run = await runCli(['compile', '.', '--out', 'dangling.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'dangling.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out/new.json'), 'utf8'))).toHaveProperty('campaign');
  });

  it('a FIFO is written to directly, and stays a FIFO', async () => {
    const dir = repo();
    const fifo = path.join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (b) => (got += b));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const run = await runCli(['lint', '.', '--format', 'json', '--out', 'pipe'], { cwd: dir });
    await closed;
    expect(run.code).toBe(0);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(got).fileCount).toBe(3);
    expect(tmpLeft(dir)).toEqual([]);
  });

  it('a device is written to directly: /dev/null stays a device', async () => {
    const dir = repo();
    const run = await runCli(['table', 'targets', '.', '--out', '/dev/null'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('--out /dev/stdout writes to standard output and leaves the /dev/stdout link as it is', () => {
    const dir = repo();
    const before = fs.lstatSync('/dev/stdout');
    const run = spawnSync('node', [bin, 'lint', '.', '--format', 'json', '--out', '/dev/stdout'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).fileCount).toBe(3);
    expect(fs.lstatSync('/dev/stdout').isSymbolicLink()).toBe(before.isSymbolicLink());
  });

  it('`-` is standard output', async () => {
    const dir = repo();
    const run = await runCli(['compile', '.', '--out', '-'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('campaign');
    expect(fs.existsSync(path.join(dir, '-'))).toBe(false);
  });

  it('a directory is refused: exit 2, one line, nothing written', async () => {
    const dir = repo();
    fs.mkdirSync(path.join(dir, 'reports'));
    fs.symlinkSync('reports', path.join(dir, 'link-to-dir'));
    for (const out of ['reports', 'link-to-dir', '.']) {
      const run = await runCli(['lint', '.', '--format', 'json', '--out', out], { cwd: dir });
      expect(run.code, out).toBe(2);
      expect(oneLine(run.stderr), out).toHaveLength(1);
      expect(run.stderr).toMatch(/it is a folder/);
      expect(fs.readdirSync(path.join(dir, 'reports'))).toEqual([]);
    }
  });

  it('every file the run read is refused: the config in force and the --baseline file, byte for byte', async () => {
    const dir = repo({ ...MINI, 'plans.config.yaml': 'rules:\n  action-without-target: off\n' });
    fs.mkdirSync(path.join(dir, 'sub'));
    const baseline = await runCli(['lint', '.', '--write-baseline', 'baseline.json'], { cwd: dir });
    expect(baseline.code).toBe(0);
    const cases: [string[], string, string][] = [
      [['lint', '.', '--format', 'json', '--out', 'plans.config.yaml'], 'plans.config.yaml', dir],
      [['lint', '..', '--format', 'json', '--out', '../plans.config.yaml'], 'plans.config.yaml', path.join(dir, 'sub')],
      [['lint', '.', '--baseline', 'baseline.json', '--format', 'json', '--out', 'baseline.json'], 'baseline.json', dir],
      [['gaps', '.', '--out', 'plans.config.yaml'], 'plans.config.yaml', dir],
      [['table', 'targets', '.', '--out', 'plans.config.yaml'], 'plans.config.yaml', dir],
      [['compile', '.', '--out', 'plans.config.yaml'], 'plans.config.yaml', dir],
    ];
    for (const [args, file, cwd] of cases) {
      const before = fs.readFileSync(path.join(dir, file));
      const run = await runCli(args, { cwd });
      expect(run.code, args.join(' ')).toBe(2);
      expect(oneLine(run.stderr), args.join(' ')).toHaveLength(1);
      expect(run.stderr).toMatch(/it is one of the input files/);
      expect(Buffer.compare(fs.readFileSync(path.join(dir, file)), before)).toBe(0);
    }
    const other = await runCli(['lint', '.', '--config', 'plans.config.yaml', '--format', 'json', '--out', 'plans.config.yaml'], { cwd: dir });
    expect(other.code).toBe(2);
  });

  it('an ordinary file is still replaced atomically, by a new file with the old one’s mode', async () => {
    const dir = repo();
    const out = path.join(dir, 'report.json');
    fs.writeFileSync(out, 'old report');
    fs.chmodSync(out, 0o640);
    // a second name for the old file: an atomic replace leaves it as it was, an in-place write would not
    fs.linkSync(out, path.join(dir, 'old.json'));
    const run = await runCli(['lint', '.', '--format', 'json', '--out', 'report.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).fileCount).toBe(3);
    expect(fs.readFileSync(path.join(dir, 'old.json'), 'utf8')).toBe('old report');
    expect(fs.statSync(out).mode & 0o777).toBe(0o640);
    expect(tmpLeft(dir)).toEqual([]);
  });
});

describe('write errors', () => {
  it('stdout on a full device (`plans compile . > /dev/full`): one line, exit 2; for each command', () => {
    const dir = repo();
    for (const command of ['compile .', 'lint . --format json', 'table targets .', 'gaps .']) {
      const run = spawnSync('bash', ['-c', `node ${bin} ${command} > /dev/full`], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
      expect(run.status, command).toBe(2);
      expect(oneLine(run.stderr), command).toEqual(['plans: cannot write to standard output (ENOSPC)']);
    }
  });

  it('--out onto a full device: one line, exit 2', async () => {
    const dir = repo();
    const run = await runCli(['compile', '.', '--out', '/dev/full'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual(['plans: cannot write /dev/full (ENOSPC)']);
  });

  it('--out on a full disk: one line, exit 2, the old file as it was, no temporary file left', async (ctx) => {
    const disk = tempDir('plans-full-');
    // a 16 KB file system (root only: elsewhere this case is skipped, /dev/full above covers the message)
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', disk]).status !== 0) ctx.skip();
    try {
      fs.writeFileSync(path.join(disk, 'compiled.json'), 'old');
      // fill what is left
      try {
        fs.writeFileSync(path.join(disk, 'filler'), Buffer.alloc(64 * 1024));
      } catch {
        // ENOSPC: full, as wanted
      }
      const dir = repo();
      const run = await runCli(['compile', '.', '--out', path.join(disk, 'compiled.json')], { cwd: dir });
      expect(run.code).toBe(2);
      expect(oneLine(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(/\(ENOSPC\)$/m);
      expect(fs.readFileSync(path.join(disk, 'compiled.json'), 'utf8')).toBe('old');
      expect(fs.readdirSync(disk).sort()).toEqual(['compiled.json', 'filler']);
    } finally {
      spawnSync('umount', [disk]);
    }
  });

  it('a closed standard output: one line, exit 2', async () => {
    const dir = repo();
    const stdout = new Writable({ write: (_c, _e, done) => done() });
    stdout.destroy();
    let stderr = '';
    const err = new Writable({
      write: (c, _e, done) => {
        stderr += c;
        done();
      },
    });
    const code = await main(['node', 'plans', 'compile', '.'], { cwd: dir, env: { LANG: 'en_US.UTF-8' }, stdout, stderr: err });
    expect(code).toBe(2);
    expect(oneLine(stderr)).toEqual(['plans: cannot write to standard output (EBADF)']);
  });

  it('a closed pipe (EPIPE) ends quietly', () => {
    const dir = repo();
    const run = spawnSync('bash', ['-c', `node ${bin} compile . | head -c 1 >/dev/null; echo "status=\${PIPESTATUS[0]}" >&2`], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr.trim()).toBe('status=0');
  });

  it('SIGINT, SIGTERM or SIGHUP during an --out write leaves no temporary file, and the output whole or absent', async () => {
    // a report big enough that its write takes a while: many owners
    const owners = Array.from({ length: 6_000 }, (_, i) => `  - {id: o${i}, name: 名称${i}, city: hz, aliases: [别名${i}甲, 别名${i}乙]}`).join('\n');
    const dir = repo({ ...MINI, 'owners-many.yaml': `kind: Owners\nowners:\n${owners}\n` });
    let caught = 0;
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      fs.rmSync(path.join(dir, 'out.json'), { force: true });
      const child = spawn('node', [bin, 'compile', '.', '--allow-errors', '--out', 'out.json'], { cwd: dir, stdio: 'ignore' });
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
      let exited = false;
      void ended.then(() => (exited = true));
      // wait until the temporary file exists, then interrupt
      for (;;) {
        if (tmpLeft(dir).length > 0) {
          child.kill(signal);
          caught++;
          break;
        }
        if (exited) break;
        await new Promise((r) => setImmediate(r));
      }
      const end = await ended;
      expect(tmpLeft(dir), signal).toEqual([]);
      if (fs.existsSync(path.join(dir, 'out.json'))) expect(() => JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8'))).not.toThrow();
      if (end.signal !== null) expect(end.signal).toBe(signal);
    }
    expect(caught).toBeGreaterThan(0);
  }, 120_000);
});
