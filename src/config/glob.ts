/** A small glob matcher for `ignore` patterns: `**`, `*`, `?`, `[abc]`, gitignore-style anchoring. */

const cache = new Map<string, RegExp>();

/**
 * The regular expression of a glob over `/`-separated relative paths. A pattern without a `/`
 * (other than a trailing one) matches at any depth, as in `.gitignore`; a trailing `/` or `/**`
 * matches everything below a folder.
 */
export function globToRegExp(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let p = pattern.trim().replace(/\\/g, '/');
  if (p.startsWith('./')) p = p.slice(2);
  if (p.endsWith('/')) p = p.slice(0, -1);
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      if (p[i + 1] === '*') {
        const atStart = i === 0 || p[i - 1] === '/';
        const atEnd = i + 2 === p.length || p[i + 2] === '/';
        if (atStart && atEnd) {
          i++;
          if (p[i + 1] === '/') {
            i++;
            re += '(?:[^/]*/)*'; // `**/`: any number of folders, none included
          } else {
            re += '.*';
          }
          continue;
        }
      }
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const close = p.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = p.slice(i + 1, close).replace(/\\/g, '\\\\');
      if (body.startsWith('!')) body = '^' + body.slice(1);
      re += `[${body}]`;
      i = close;
    } else {
      re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
    }
  }
  const prefix = anchored ? '^' : '^(?:.*/)?';
  // A folder pattern also matches everything inside the folder.
  const regex = new RegExp(`${prefix}${re}(?:/.*)?$`, 'u');
  cache.set(pattern, regex);
  return regex;
}

/** True when the relative path (`/` separators) matches the glob. */
export function matchGlob(pattern: string, relPath: string): boolean {
  return globToRegExp(pattern).test(relPath.replace(/\\/g, '/').replace(/^\.\//, ''));
}
