/** The engine: one object over a file system with unsaved documents over it; no state shared between engines. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../src/engine/index.js';
import { ReusedParses } from '../src/engine/reuse.js';
import { diagnose } from '../src/findings/index.js';
import { NodeFileSystem, OverlayFileSystem } from '../src/load/fs.js';
import { copyExample, lineOf } from './helpers/ci-repo.js';

const PLAN = 'hangzhou/plan.yaml';

function findingsOf(engine: Engine, paths: string[]) {
  const run = engine.lint({ paths });
  return diagnose(run.findings, engine.positions(run.files)).map((d) => [d.file, d.line, d.column, d.rule, d.messageId, d.message.en]);
}

describe('an engine over an overlay of unsaved documents', () => {
  it('lints the unsaved text of a file instead of the disk, alone and in context, and the disk again once it is dropped', () => {
    const repo = copyExample();
    const abs = path.join(repo, PLAN);
    const onDisk = fs.readFileSync(abs, 'utf8');
    const overlay = new OverlayFileSystem(new NodeFileSystem());
    const engine = new Engine({ cwd: repo, fs: overlay });
    const clean = findingsOf(engine, [PLAN]);
    expect(clean.filter((f) => f[3] === 'unknown-reference')).toEqual([]);

    overlay.set(abs, onDisk.replace('lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc'));
    const line = lineOf(repo, PLAN, 'lead: hz-sfj-fzdc');
    for (const paths of [[PLAN], ['.']]) {
      const unsaved = findingsOf(engine, paths).filter((f) => f[3] === 'unknown-reference');
      expect(unsaved.map((f) => f.slice(0, 5)), paths.join()).toEqual([[PLAN, line, 11, 'unknown-reference', 'unknown-reference/unknown']]);
      expect(unsaved[0][5]).toContain('hz-sfj-fzc');
    }
    expect(fs.readFileSync(abs, 'utf8')).toBe(onDisk); // nothing written

    overlay.delete(abs);
    expect(findingsOf(engine, [PLAN])).toEqual(clean);
  });

  it('sees a new unsaved file in its folder, and an unsaved owners file changes the findings of a plan linted in context', () => {
    const repo = copyExample();
    const overlay = new OverlayFileSystem(new NodeFileSystem());
    const engine = new Engine({ cwd: repo, fs: overlay });
    overlay.set(path.join(repo, 'hangzhou/draft.yaml'), 'kind: Plen\n');
    expect(findingsOf(engine, ['.']).filter((f) => f[0] === 'hangzhou/draft.yaml').map((f) => f[3])).toEqual(['unknown-kind']);
    const owners = path.join(repo, 'owners.yaml');
    overlay.set(owners, fs.readFileSync(owners, 'utf8').replace(/id: hz-sfj-fzdc\b/, 'id: hz-sfj-fzdc2'));
    expect(findingsOf(engine, [PLAN]).filter((f) => f[3] === 'unknown-reference').length).toBeGreaterThan(0);
  });

  it('places findings of a file whose text was let go by reading it again through the overlay, not the disk', () => {
    const repo = copyExample();
    const abs = path.join(repo, PLAN);
    const overlay = new OverlayFileSystem(new NodeFileSystem());
    overlay.set(abs, fs.readFileSync(abs, 'utf8').replace('lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc'));
    const line = lineOf(repo, PLAN, 'lead: hz-sfj-fzdc');
    // the disk differs from the overlay: a read of the disk would place the finding at 1:1
    fs.writeFileSync(abs, '# changed on disk\n');
    const engine = new Engine({ cwd: repo, fs: overlay, keepTexts: false });
    const found = findingsOf(engine, ['.']).filter((f) => f[3] === 'unknown-reference');
    expect(found.map((f) => [f[1], f[2]])).toEqual([[line, 11]]);
  });
});

describe('engines share nothing', () => {
  it('two engines over different file systems, runs interleaved, each see their own files', () => {
    const repo = copyExample();
    const abs = path.join(repo, PLAN);
    const a = new Engine({ cwd: repo, fs: new NodeFileSystem() });
    const overlay = new OverlayFileSystem(new NodeFileSystem());
    overlay.set(abs, fs.readFileSync(abs, 'utf8').replace('lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc'));
    const b = new Engine({ cwd: repo, fs: overlay });
    const first = findingsOf(a, [PLAN]);
    const other = findingsOf(b, [PLAN]);
    expect(findingsOf(a, [PLAN])).toEqual(first);
    expect(findingsOf(b, [PLAN])).toEqual(other);
    expect(other.length).toBe(first.length + 1);
  });
});

describe('parses kept between runs (the language server, lint --watch)', () => {
  it('a file with the bytes it was parsed from is not parsed again; a changed one is, and the findings follow it', () => {
    const dir = copyExample();
    try {
      const disk = new NodeFileSystem();
      const parses = new ReusedParses(disk);
      let loads = 0;
      const engine = () =>
        new Engine({ cwd: dir, fs: disk, keepTexts: true, load: (abs, o) => (loads++, parses.load(abs, o)) });
      const file = path.join(dir, 'hangzhou', 'plan.yaml');
      const first = parses.load(file, { cwd: dir });
      // the disk's reusable buffer is copied: reading another file does not change what was kept
      parses.load(path.join(dir, 'owners.yaml'), { cwd: dir });
      expect(parses.load(file, { cwd: dir })).toBe(first);
      const before = engine().lint({ paths: ['.'] }).findings.length;
      expect(loads).toBeGreaterThan(5);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('lead: hz-sfj-lfc', 'lead: hz-sfj-lf'));
      const again = parses.load(file, { cwd: dir });
      expect(again).not.toBe(first);
      const after = engine().lint({ paths: ['.'] }).findings;
      expect(after.length).toBe(before + 1);
      expect(after.some((f) => f.ruleId === 'unknown-reference' && f.file === 'hangzhou/plan.yaml')).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
