/**
 * TEST REFERENCE ONLY: the hand-written matcher src/config/glob.ts had before it used minimatch
 * (kept to check that the switch changed no meaning: test/config-glob-agreement.test.ts).
 *
 * The glob matcher of `ignore` patterns: `**`, `*`, `?`, `[abc]`, `[!a-z]`, gitignore-style anchoring.
 *
 * No regular expression: globs turned into regular expressions backtrack (`*a` ten times and `*b`
 * against a 40-character name: 75 s with the regular expressions this file used to build, and over
 * 120 s with picomatch's). Here a segment is matched with the wildcard algorithm that returns only
 * to the last `*` (time at most pattern × name), and `**` segments by a table over pattern and path
 * segments (at most their product): `**​/` ten times in a 40-deep tree is 400 steps.
 */

// The pattern reader is the one plans uses (src/config/glob.ts, which also turns patterns into
// minimatch's): what this reference checks is the matching, against minimatch's.
import { parseGlob, type Glob, type Token } from '../../src/config/glob.js';

export { GlobError, globProblem, parseGlob, type Glob } from '../../src/config/glob.js';

/** Whether one path segment (a name) matches the tokens of one pattern segment. */
function matchSegment(toks: Token[], name: string): boolean {
  const chars = Array.from(name);
  let t = 0;
  let c = 0;
  // where to resume after the last `*`: its token and the name position it has taken up to
  let starT = -1;
  let starC = 0;
  while (c < chars.length) {
    const tok = toks[t];
    if (tok !== undefined) {
      if (tok.kind === 'star') {
        starT = t++;
        starC = c;
        continue;
      }
      const n = step(tok, chars, c);
      if (n >= 0) {
        t++;
        c = n;
        continue;
      }
    }
    if (starT < 0) return false;
    // let the last `*` take one more character, and try again from the token after it
    t = starT + 1;
    c = ++starC;
  }
  while (t < toks.length && toks[t].kind === 'star') t++;
  return t === toks.length;
}

/** The name position after `tok` matched at `c`, or -1. */
function step(tok: Token, chars: string[], c: number): number {
  switch (tok.kind) {
    case 'text': {
      const want = Array.from(tok.text);
      for (let k = 0; k < want.length; k++) if (chars[c + k] !== want[k]) return -1;
      return c + want.length;
    }
    case 'one':
      return c + 1;
    case 'class': {
      const code = chars[c].codePointAt(0)!;
      const inside = tok.ranges.some(([a, b]) => code >= a && code <= b);
      return inside !== tok.negate ? c + 1 : -1;
    }
    default:
      return -1;
  }
}

/** True when the relative path (`/` separators) matches the glob; a pattern that is none matches nothing. */
export function matchGlob(pattern: string, relPath: string): boolean {
  let glob: Glob;
  try {
    glob = parseGlob(pattern);
  } catch {
    return false;
  }
  const path = relPath.replace(/\\/g, '/').replace(/^\.\//, '').split('/');
  const segs = glob.segments;
  // ok[i][j]: pattern segments from i match path segments from j to the end; filled from the end
  let below = new Uint8Array(path.length + 1);
  below[path.length] = 1;
  for (let i = segs.length - 1; i >= 0; i--) {
    const row = new Uint8Array(path.length + 1);
    const seg = segs[i];
    for (let j = path.length; j >= 0; j--) {
      if (seg === 'globstar') row[j] = below[j] || (j < path.length && row[j + 1]) ? 1 : 0;
      else row[j] = j < path.length && below[j + 1] && matchSegment(seg, path[j]) ? 1 : 0;
    }
    below = row;
  }
  return below[0] === 1;
}

/** A tester of one pattern, shaped like a regular expression's `test` (for callers that keep one). */
export function globToRegExp(pattern: string): { test(relPath: string): boolean } {
  return { test: (relPath) => matchGlob(pattern, relPath) };
}
