/**
 * Edit distance and "did you mean" suggestions.
 *
 * Bounded work: a suggestion is only wanted within a third of the longer word's length, so a
 * candidate whose length differs by more cannot be one (length filter), the distance is computed
 * with a cut-off (it stops as soon as every cell of a row exceeds it), a candidate holding more
 * characters the word lacks (or the reverse) than edits allowed is passed over on a 32-bit
 * signature of its characters, a case-insensitive match is a
 * map lookup, and each search has a budget of table cells: past it, the best found so far is the
 * answer. With 10,000 unknown ids against 10,000 owners, or one 200,000-character id, the work stays
 * linear in the number of references (bench/scale.mjs measures it).
 */

/** Edit distance where swapping two neighbours counts as one edit (`nmae` → `name`). */
export function distance(a: string, b: string): number {
  return boundedDistance(a, b, Math.max(a.length, b.length));
}

/** Table cells one `closest` may fill before it settles for the best candidate found so far. */
export const CLOSEST_BUDGET = 30_000;

/** The rows one search fills, reused from word to word, and the cells filled so far (its budget counts them). */
export class DistanceWork {
  rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
  cells = 0;
}

/**
 * The edit distance of `a` and `b` when it is at most `cap`, else `cap + 1`: only the band of
 * width 2·cap+1 around the diagonal is filled, and the rows stop once all of it exceeds `cap`.
 */
export function boundedDistance(a: string, b: string, cap: number, work: DistanceWork = new DistanceWork()): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const n = b.length;
  if (work.rows[0].length < n + 1) work.rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [before, prev, cur] = work.rows;
  const big = cap + 1;
  for (let j = 0; j <= n; j++) prev[j] = j <= cap ? j : big;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - cap);
    const hi = Math.min(n, i + cap);
    cur[0] = i <= cap ? i : big;
    if (lo > 1) cur[lo - 1] = big;
    let rowMin = cur[0];
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ai === bj ? 0 : 1);
      const up = prev[j] + 1;
      if (up < v) v = up;
      const left = cur[j - 1] + 1;
      if (left < v) v = left;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const swap = before[j - 2] + 1;
        if (swap < v) v = swap;
      }
      if (v > big) v = big;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < n) cur[hi + 1] = big;
    work.cells += hi - lo + 1;
    if (rowMin > cap) return big;
    const spare = before;
    before = prev;
    prev = cur;
    cur = spare;
  }
  const d = prev[n];
  return d > cap ? big : d;
}

/** The candidates of one list, sorted for search: by length, and by lower-case text. */
interface Candidate {
  text: string;
  lower: string;
  /** Which characters it holds, hashed to 32 bits (see `charMask`). */
  mask: number;
}

interface Index {
  /** Each candidate under every text made by deleting one of its characters (and under itself): one edit away shares a key. */
  deletions: Map<string, Candidate[]>;
  byLength: Map<number, Candidate[]>;
  lengths: number[];
  lower: Map<string, string>;
}

const indexes = new WeakMap<object, Index>();

function indexOf(candidates: Iterable<string>): Index {
  const cacheable = typeof candidates === 'object' && candidates !== null && (Array.isArray(candidates) || candidates instanceof Set);
  if (cacheable) {
    const known = indexes.get(candidates);
    if (known) return known;
  }
  const byLength = new Map<number, Candidate[]>();
  const deletions = new Map<string, Candidate[]>();
  const lower = new Map<string, string>();
  for (const text of candidates) {
    if (typeof text !== 'string') continue;
    const low = text.toLowerCase();
    if (!lower.has(low)) lower.set(low, text);
    const list = byLength.get(text.length);
    const c = { text, lower: low, mask: charMask(low) };
    if (list) list.push(c);
    else byLength.set(text.length, [c]);
    if (low.length <= MAX_DELETION_KEY) for (const key of deletionKeys(low)) addTo(deletions, key, c);
  }
  const index = { deletions, byLength, lengths: [...byLength.keys()], lower };
  // a list is indexed once, as it was when first asked (rules pass the same set for every reference)
  if (cacheable) indexes.set(candidates, index);
  return index;
}

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo:
 * at most a third of the longer word's length, and at least one edit away.
 */
export function closest(word: string, candidates: Iterable<string>, work: DistanceWork = new DistanceWork()): string | undefined {
  // a short list (the keys of a schema object, the rule ids) is scanned: building an index would cost more
  const size = Array.isArray(candidates) ? candidates.length : candidates instanceof Set ? candidates.size : Infinity;
  if (size <= SMALL_LIST) return closestInList(word, candidates, work);
  const index = indexOf(candidates);
  const lower = word.toLowerCase();
  const mask = charMask(lower);
  // the same word in other letter case is as close as it gets
  const same = index.lower.get(lower);
  if (same !== undefined && same !== word) return same;
  let best: string | undefined;
  let bestDistance = Infinity;
  // one edit away (the usual typo): found through the deletion keys, without a scan
  if (lower.length <= MAX_DELETION_KEY) {
    const near = new Set<Candidate>();
    for (const key of deletionKeys(lower)) for (const c of index.deletions.get(key) ?? []) near.add(c);
    for (const c of near) {
      if (c.text === word) continue;
      const d = boundedDistance(lower, c.lower, 1, work);
      if (d <= 1 && d <= limitOf(word.length, c.text.length)) return c.text;
    }
  }
  // nearest lengths first: they can be the nearest words
  const lengths = index.lengths.filter((len) => Math.abs(len - word.length) <= limitOf(word.length, len)).sort((x, y) => Math.abs(x - word.length) - Math.abs(y - word.length) || x - y);
  work.cells = 0;
  search: for (const len of lengths) {
    if (Math.abs(len - word.length) >= bestDistance) break;
    for (const c of index.byLength.get(len)!) {
      if (c.text === word) continue;
      // the distance must be within the limit and better than the best so far
      const cap = Math.min(limitOf(word.length, len), bestDistance - 1);
      if (cap < 1) break search;
      // each character of one word that the other lacks altogether takes an edit of its own
      if (popcount(mask & ~c.mask) > cap || popcount(c.mask & ~mask) > cap) continue;
      const dist = c.lower === lower ? 0.5 : boundedDistance(lower, c.lower, cap, work);
      if (dist <= cap && dist < bestDistance) {
        best = c.text;
        bestDistance = dist;
        if (dist <= 1) break search; // only a case-insensitive match beats one edit, and it was looked up
      }
      if (work.cells > CLOSEST_BUDGET) break search;
    }
  }
  return best;
}

/** Lists up to this long are scanned without an index. */
const SMALL_LIST = 64;

/** `closest` over a short list: the same choice, by a plain scan. */
function closestInList(word: string, candidates: Iterable<string>, work: DistanceWork): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  work.cells = 0;
  for (const c of candidates) {
    if (typeof c !== 'string' || c === word) continue;
    const low = c.toLowerCase();
    if (low === lower) return c;
    const cap = Math.min(limitOf(word.length, c.length), bestDistance - 1);
    if (cap < 1) continue;
    const dist = boundedDistance(lower, low, cap, work);
    if (dist <= cap && dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best;
}

/** Words longer than this are not indexed by deletions (ids are short; a long word is scanned). */
const MAX_DELETION_KEY = 64;

/** The word and every text made by deleting one of its characters. */
function deletionKeys(word: string): Set<string> {
  const keys = new Set<string>([word]);
  for (let i = 0; i < word.length; i++) keys.add(word.slice(0, i) + word.slice(i + 1));
  return keys;
}

function addTo(map: Map<string, Candidate[]>, key: string, c: Candidate): void {
  const list = map.get(key);
  if (list) list.push(c);
  else map.set(key, [c]);
}

/** The characters of a word as bits (code mod 32): a bit one word has and the other lacks is a character only one holds. */
function charMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function limitOf(a: number, b: number): number {
  return Math.max(1, Math.floor(Math.max(a, b) / 3));
}

/**
 * Every candidate close enough to `word` to be a plausible typo (those `closest` chooses among): a
 * fix may write the suggestion only when there is exactly one.
 */
export function closeCandidates(word: string, candidates: Iterable<string>): string[] {
  const lower = word.toLowerCase();
  const out: string[] = [];
  for (const c of candidates) {
    if (typeof c !== 'string' || c === word) continue;
    const low = c.toLowerCase();
    const cap = limitOf(word.length, c.length);
    if (low === lower || boundedDistance(lower, low, cap) <= cap) out.push(c);
  }
  return out;
}
