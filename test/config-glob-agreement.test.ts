/**
 * The ignore globs are matched by minimatch (src/config/glob.ts); what a glob means in
 * plans.config.yaml must not have changed with it: random globs over a small alphabet against
 * random paths, matched as the hand-written matcher before it did (test/helpers/glob-reference.ts,
 * linear in pattern × path, so it always finishes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globProblem, matchGlob } from '../src/config/glob.js';
import { matchGlob as referenceMatch, globProblem as referenceProblem } from './helpers/glob-reference.js';

const NAME_CHARS = ['a', 'b', '.', '-', 'x', '法'];
// a name is never `.` or `..`: paths are path.relative() from the config's folder to a file in it
const name = fc
  .array(fc.constantFrom(...NAME_CHARS), { minLength: 1, maxLength: 6 })
  .map((cs) => cs.join(''))
  .filter((n) => n !== '.' && n !== '..');
const paths = fc.array(name, { minLength: 1, maxLength: 5 }).map((segs) => segs.join('/'));
// POSIX classes (`[[:alpha:]]`) are left out: minimatch reads them as the shells do, the old matcher did not (the one change)
const GLOB_PIECES = ['a', 'b', '.', 'x', '法', '*', '**', '?', '/', '**/', '[ab]', '[!a]', '[a-b]', '[^x]', '[', ']', '{a,b}', '+(a)', '!', '#', '\\', './', ' ', '[]a]', '[a-]', '[-a]', '..', '\\*'];
const globs = fc.array(fc.constantFrom(...GLOB_PIECES), { minLength: 1, maxLength: 8 }).map((ps) => ps.join(''));

describe('ignore globs mean what they meant before minimatch', () => {
  it('random globs against random paths: the same verdict as the hand-written matcher (fast-check)', () => {
    fc.assert(
      fc.property(globs, paths, (glob, path) => {
        expect(matchGlob(glob, path), `${glob} against ${path}`).toBe(referenceMatch(glob, path));
      }),
      { seed: 20221201, numRuns: Number(process.env.RUNS ?? 4000) },
    );
  });

  it('globs built to match (a path with parts replaced by wildcards) match in both', () => {
    const wild = fc.tuple(paths, fc.array(fc.constantFrom('*', '?', '**', '[a-z法]', 'keep'), { minLength: 5, maxLength: 5 })).map(([path, how]) => {
      const glob = path
        .split('/')
        .map((seg, i) => (how[i] === 'keep' ? seg : how[i] === '?' ? seg.replace(/^./u, '?') : how[i] === '[a-z法]' ? seg.replace(/^[a-z法]/u, '[a-z法]') : how[i]))
        .join('/');
      return { glob, path };
    });
    fc.assert(
      fc.property(wild, ({ glob, path }) => {
        expect(matchGlob(glob, path), `${glob} against ${path}`).toBe(referenceMatch(glob, path));
      }),
      { seed: 20221202, numRuns: 2000 },
    );
  });

  it('a backwards range is still the one problem a glob can have', () => {
    for (const glob of ['[z-a].yaml', 'a/[b-a]', '[a-z].yaml', '[', '*']) expect(globProblem(glob)).toBe(referenceProblem(glob));
    expect(matchGlob('[z-a].yaml', 'z.yaml')).toBe(false);
    // the one change: a POSIX class is one now, as in the shells and .gitignore
    expect(matchGlob('[[:digit:]].yaml', 'a/1.yaml')).toBe(true);
    expect(referenceMatch('[[:digit:]].yaml', 'a/1.yaml')).toBe(false);
  });
});
