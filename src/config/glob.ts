/**
 * The glob matcher of `ignore` patterns: `**`, `*`, `?`, `[abc]`, `[!a-z]`, gitignore-style anchoring.
 *
 * Matching is minimatch's (as ESLint's): since version 10.2 it matches each path segment without
 * recursive backtracking (@isaacs/nonrecursive-glob-match), so `*a` ten times and `*b` against a
 * 40-character name takes milliseconds, where the regular expressions this file once built took
 * 75 s, and picomatch 4.0.7, micromatch 4.0.8 and zeptomatch 2.1.0 take 100 s and more (bench/globs.mjs).
 * Our meaning is kept by what the pattern is turned into: a pattern without `/` matches at any
 * depth (`**​/` before it), a folder matches what it holds (`/**` after it), `drafts/**` is what
 * `drafts` holds, not `drafts` itself; braces, extglobs, `!` and `#` are plain characters, `\` is a
 * folder separator. The pattern is read here first only to refuse a backwards range (`[z-a]`).
 */
import { Minimatch } from 'minimatch';

export type Token = { kind: 'text'; text: string } | { kind: 'one' } | { kind: 'star' } | { kind: 'class'; negate: boolean; ranges: [number, number][] };
export type Segment = 'globstar' | Token[];

export interface Glob {
  /** Pattern segments; a pattern without `/` has `**` before it (any depth), and every pattern `**` after it (a folder matches what it holds). */
  segments: Segment[];
}

/** A pattern that cannot be a glob: a character class whose range runs backwards (`[z-a]`). */
export class GlobError extends Error {
  constructor(readonly range: string) {
    super(`bad range ${range}`);
  }
}

const cache = new Map<string, Glob>();

/** A pattern as written, with `/` separators, no leading `./` or `/` and no trailing `/`; anchored when it held a `/`. */
function normalized(pattern: string): { p: string; anchored: boolean } {
  let p = pattern.trim().replace(/\\/g, '/');
  if (p.startsWith('./')) p = p.slice(2);
  if (p.endsWith('/')) p = p.slice(0, -1);
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  return { p, anchored };
}

/** The parsed glob; throws GlobError for a pattern that is none. */
export function parseGlob(pattern: string): Glob {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const { p, anchored } = normalized(pattern);
  const segments: Segment[] = anchored ? [] : ['globstar'];
  const parts = p.split('/');
  parts.forEach((part, i) => {
    // a last `**` is something inside the folder (`drafts/**` is not `drafts` itself): one name, then any depth
    if (part === '**' && i === parts.length - 1 && i > 0) segments.push([{ kind: 'star' }]);
    else if (part === '**') {
      if (segments[segments.length - 1] !== 'globstar') segments.push('globstar');
    } else segments.push(tokens(part));
  });
  if (segments[segments.length - 1] !== 'globstar') segments.push('globstar');
  const glob = { segments };
  if (cache.size < 1000) cache.set(pattern, glob);
  return glob;
}

/** A problem of the pattern (the bad range), or undefined when it is a glob. */
export function globProblem(pattern: string): string | undefined {
  try {
    parseGlob(pattern);
    return undefined;
  } catch (err) {
    if (err instanceof GlobError) return err.range;
    throw err;
  }
}

function tokens(part: string): Token[] {
  const out: Token[] = [];
  const chars = Array.from(part);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '*') {
      if (out[out.length - 1]?.kind !== 'star') out.push({ kind: 'star' });
    } else if (c === '?') {
      out.push({ kind: 'one' });
    } else if (c === '[') {
      // `]` right after `[` (or `[!`) is a member, as in the shells
      let j = i + 1;
      const negate = chars[j] === '!' || chars[j] === '^';
      if (negate) j++;
      let close = -1;
      for (let k = j + 1; k < chars.length; k++) {
        if (chars[k] === ']') {
          close = k;
          break;
        }
      }
      if (close < 0) {
        text(out, '[');
        continue;
      }
      const body = chars.slice(j, close);
      const ranges: [number, number][] = [];
      for (let k = 0; k < body.length; k++) {
        const from = body[k].codePointAt(0)!;
        if (body[k + 1] === '-' && k + 2 < body.length) {
          const to = body[k + 2].codePointAt(0)!;
          if (to < from) throw new GlobError(`[${body.slice(k, k + 3).join('')}]`);
          ranges.push([from, to]);
          k += 2;
        } else ranges.push([from, from]);
      }
      out.push({ kind: 'class', negate, ranges });
      i = close;
    } else {
      text(out, c);
    }
  }
  return out;
}

function text(out: Token[], c: string): void {
  const last = out[out.length - 1];
  if (last?.kind === 'text') last.text += c;
  else out.push({ kind: 'text', text: c });
}

/** The minimatch patterns a glob means (see the top of the file), or undefined for one that matches nothing. */
function patternsOf(pattern: string): Minimatch[] | undefined {
  const known = compiled.get(pattern);
  if (known !== undefined || compiled.has(pattern)) return known;
  let result: Minimatch[] | undefined;
  try {
    // a bad range throws: such a pattern matches nothing (the config reports it)
    parseGlob(pattern);
    const n = normalized(pattern);
    const anchored = n.anchored;
    let p = n.p;
    // a segment that is empty (`a//b`), `.` or `..` names no file: nothing matches (minimatch would fold them away)
    if (p !== '' && !p.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) {
      // a last `**` is something inside the folder: one name, then any depth
      if (anchored && p.endsWith('/**')) p = p.slice(0, -2) + '*';
      const base = anchored ? p : `**/${p}`;
      result = [base, `${base}/**`].map((m) => new Minimatch(m, OPTIONS));
    }
  } catch {
    result = undefined;
  }
  if (compiled.size < 1000) compiled.set(pattern, result);
  return result;
}

/** Our characters are characters: no braces, extglobs, negation or comments; `*` matches names starting with a dot. */
const OPTIONS = { dot: true, nobrace: true, noext: true, nonegate: true, nocomment: true } as const;
const compiled = new Map<string, Minimatch[] | undefined>();

/** True when the relative path (`/` separators) matches the glob; a pattern that is none matches nothing. */
export function matchGlob(pattern: string, relPath: string): boolean {
  const patterns = patternsOf(pattern);
  if (!patterns) return false;
  const path = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  return patterns.some((m) => m.match(path));
}

/** A tester of one pattern, shaped like a regular expression's `test` (for callers that keep one). */
export function globToRegExp(pattern: string): { test(relPath: string): boolean } {
  return { test: (relPath) => matchGlob(pattern, relPath) };
}
