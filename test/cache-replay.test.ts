/**
 * `plans lint --cache` answered before plans loads (src/cli/replay.ts): the same call with nothing
 * changed prints what it printed, with the same exit status, without loading the bundle; anything
 * the output depended on (a file of the run, a folder, the config, an environment variable it read,
 * the baseline, the CI root, how it was called) makes plans run again, and print what a run without
 * the cache prints. These run `node bin/plans.js` as a drafter does, in processes of their own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunRecorder } from '../src/cli/replay-record.js';
import { toolBuild } from '../src/cli/replay-key.js';
import { copyExample, edit, write } from './helpers/ci-repo.js';

const BIN = path.resolve('bin/plans.js');
const PROBE = path.resolve('test/helpers/bundle-probe.cjs');
const FILE = 'hangzhou/actions-06-10.yaml';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  probes = undefined;
});

function repo(): string {
  const dir = copyExample();
  made.push(dir);
  return dir;
}

function scratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-replay-'));
  made.push(dir);
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Whether the bundle was loaded ("plans") or the kept output written ("replay"). */
  via: string;
}

let probes: string | undefined;

/** `node bin/plans.js ARGS` in `cwd` with a small, fixed environment (and `env` over it). */
function plans(cwd: string, args: string[], env: Record<string, string> = {}, stdout?: number): Run {
  probes ??= scratch();
  const probe = path.join(probes, `probe-${made.length}-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', NODE_OPTIONS: `--require ${PROBE}`, PLANS_PROBE_OUT: probe, ...env },
    stdio: ['ignore', stdout ?? 'pipe', 'pipe'],
  });
  const via = fs.existsSync(probe) ? fs.readFileSync(probe, 'utf8') : 'none';
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', via };
}

const shown = (r: Run) => ({ code: r.code, stdout: r.stdout, stderr: r.stderr });

describe('plans lint --cache, answered before plans loads', () => {
  it('prints what the same call printed, with its exit status and messages, without loading plans', () => {
    const dir = repo();
    edit(dir, FILE, 'lead: hz-sfj-sqjzc', 'lead: hz-sfj-sqjz');
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      for (const lang of ['en', 'zh']) {
        const args = ['lint', FILE, '--format', format, '--lang', lang];
        const plain = plans(dir, args);
        expect(plain.code).toBe(1);
        const first = plans(dir, [...args, '--cache']);
        const second = plans(dir, [...args, '--cache']);
        expect([first.via, second.via]).toEqual(['plans', 'replay']);
        expect(shown(first)).toEqual(shown(plain));
        expect(shown(second)).toEqual(shown(plain));
      }
    }
    // a message on stderr and the status it gives (warnings only, more than allowed)
    const clean = repo();
    const strict = ['lint', '.', '--max-warnings', '0', '--cache'];
    const plain = plans(clean, strict.slice(0, -1));
    expect(plain.code).toBe(1);
    expect(plain.stderr).not.toBe('');
    expect(plans(clean, strict).via).toBe('plans');
    const again = plans(clean, strict);
    expect(again.via).toBe('replay');
    expect(shown(again)).toEqual(shown(plain));
  });

  it('runs plans again after any change the output depended on, and prints what a run without the cache prints', () => {
    const dir = repo();
    const args = ['lint', FILE, '--cache', '--format', 'json'];
    const changes: [string, () => void, Record<string, string>?][] = [
      ['the named file', () => edit(dir, FILE, 'lead: hz-sfj-sqjzc', 'lead: hz-sfj-nobody')],
      ['a file of its context', () => edit(dir, 'owners.yaml', 'id: hz-sfj-sqjzc', 'id: hz-sfj-nobody')],
      ['a new file', () => write(dir, 'extra/more.yaml', 'kind: Owners\ncampaign: zj-fzgf-2022\ncity: hangzhou\nowners:\n  - id: hz-extra\n    name: 杭州市某局\n')],
      ['a file removed', () => fs.rmSync(path.join(dir, 'extra', 'more.yaml'))],
      ['a new folder', () => fs.mkdirSync(path.join(dir, 'extra', 'inner'))],
      ['a config file', () => write(dir, 'plans.config.yaml', 'rules:\n  missing-target: off\n')],
      ['the config edited', () => write(dir, 'plans.config.yaml', 'rules:\n  missing-target: error\n')],
      ['a variable it reads', () => undefined, { PLANS_LANG: 'zh' }],
      ['the CI root', () => undefined, { PLANS_LANG: 'zh', GITHUB_WORKSPACE: path.join(dir, 'hangzhou') }],
    ];
    let env: Record<string, string> = {};
    plans(dir, args);
    expect(plans(dir, args).via).toBe('replay');
    for (const [what, change, nextEnv] of changes) {
      change();
      env = nextEnv ?? env;
      const plain = plans(dir, args.filter((a) => a !== '--cache'), env);
      const after = plans(dir, args, env);
      expect([what, after.via]).toEqual([what, 'plans']);
      expect(shown(after), what).toEqual(shown(plain));
      const again = plans(dir, args, env);
      expect([what, again.via]).toEqual([what, 'replay']);
      expect(shown(again), what).toEqual(shown(plain));
    }
    // a variable nothing reads changes nothing
    expect(plans(dir, args, { ...env, SOMETHING_ELSE: '1' }).via).toBe('replay');
    // back to a state seen before (no config, no variables): the output kept for it, which is what plans prints
    fs.rmSync(path.join(dir, 'plans.config.yaml'));
    plans(dir, args);
    const back = plans(dir, args);
    expect(back.via).toBe('replay');
    expect(shown(back)).toEqual(shown(plans(dir, args.filter((a) => a !== '--cache'))));
  });

  it('keys the output on how plans was called: arguments, folder, and a baseline read', () => {
    const dir = repo();
    edit(dir, FILE, 'lead: hz-sfj-sqjzc', 'lead: hz-sfj-sqjz');
    plans(dir, ['lint', FILE, '--cache']);
    expect(plans(dir, ['lint', FILE, '--cache']).via).toBe('replay');
    // other arguments, and the same file named from its folder: plans runs
    expect(plans(dir, ['lint', FILE, '--cache', '--no-color']).via).toBe('plans');
    const sub = path.join(dir, 'hangzhou');
    const fromSub = plans(sub, ['lint', path.basename(FILE), '--cache', '--cache-location', '../.planscache']);
    expect(fromSub.via).toBe('plans');
    // the baseline it read, rewritten
    const baseline = path.join(dir, 'baseline.json');
    const base = ['lint', FILE, '--cache', '--baseline', baseline];
    expect(plans(dir, ['lint', FILE, '--write-baseline', baseline]).code).toBe(1);
    expect(plans(dir, base).code).toBe(0);
    expect(plans(dir, base).via).toBe('replay');
    fs.writeFileSync(baseline, '{"version": 1, "findings": []}\n');
    const after = plans(dir, base);
    expect([after.via, after.code]).toEqual(['plans', 1]);
    expect(shown(after)).toEqual(shown(plans(dir, base.filter((a) => a !== '--cache'))));
  });

  it('never answers a call that writes files or fixes them', () => {
    const dir = repo();
    const out = path.join(dir, 'report.json');
    for (let i = 0; i < 2; i++) {
      fs.rmSync(out, { force: true });
      const r = plans(dir, ['lint', FILE, '--cache', '--format', 'json', '--out', out]);
      expect([i, r.via, fs.existsSync(out)]).toEqual([i, 'plans', true]);
    }
    const text = fs.readFileSync(path.join(dir, FILE), 'utf8');
    for (let i = 0; i < 2; i++) {
      fs.writeFileSync(path.join(dir, FILE), text.replace('lead: hz-sfj-sqjzc', 'lead：hz-sfj-sqjzc'));
      const r = plans(dir, ['lint', FILE, '--cache', '--fix']);
      expect([i, r.via]).toEqual([i, 'plans']);
      expect(fs.readFileSync(path.join(dir, FILE), 'utf8')).toBe(text);
    }
  });

  it('a standard output that fails is one line and exit 2', () => {
    const dir = repo();
    plans(dir, ['lint', FILE, '--cache']);
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = plans(dir, ['lint', FILE, '--cache'], {}, full);
      expect(r.via).toBe('replay');
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^plans: .*ENOSPC/);
    } finally {
      fs.closeSync(full);
    }
  });
});

describe('what a kept output is told by', () => {
  it('the tool: a built file changed in size or time is another build', () => {
    const root = scratch();
    fs.mkdirSync(path.join(root, 'dist', 'cli'), { recursive: true });
    for (const f of ['package.json', 'dist/plans.cjs', 'dist/cli/main.js', 'dist/replay.cjs']) fs.writeFileSync(path.join(root, f), 'x');
    const before = toolBuild(root);
    expect(toolBuild(root)).toBe(before);
    for (const f of ['package.json', 'dist/plans.cjs', 'dist/cli/main.js', 'dist/replay.cjs']) {
      const was = toolBuild(root);
      fs.appendFileSync(path.join(root, f), 'y');
      expect(toolBuild(root), f).not.toBe(was);
    }
  });

  it('a run that looks at the whole environment, writes bytes or changes a variable is not kept', () => {
    const base = { cwd: '/', env: { LANG: 'zh_CN.UTF-8' } as Record<string, string | undefined>, stdout: { write: () => true } as never, stderr: { write: () => true } as never, argv: ['lint'] };
    const reads = new RunRecorder(base);
    expect(reads.cli.env.LANG).toBe('zh_CN.UTF-8');
    expect(reads.cli.env.PLANS_LANG).toBeUndefined();
    reads.cli.stdout.write('text\n');
    expect(reads.replay('c', 't', 'f', 0, 'x')).toMatchObject({ env: [['LANG', 'zh_CN.UTF-8'], ['PLANS_LANG', null]], writes: [[1, 'text\n']] });
    const lists = new RunRecorder(base);
    void Object.keys(lists.cli.env);
    expect(lists.replay('c', 't', 'f', 0, 'x')).toBeUndefined();
    const spread = new RunRecorder(base);
    void { ...spread.cli.env };
    expect(spread.replay('c', 't', 'f', 0, 'x')).toBeUndefined();
    const bytes = new RunRecorder(base);
    bytes.cli.stdout.write(Buffer.from('x') as never);
    expect(bytes.replay('c', 't', 'f', 0, 'x')).toBeUndefined();
    const sets = new RunRecorder(base);
    sets.cli.env.X = '1';
    expect(sets.replay('c', 't', 'f', 0, 'x')).toBeUndefined();
  });
});
