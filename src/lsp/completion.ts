/**
 * Completion of ids where a reference is written (`lead:`, `support: [`, a `tasks:` item, a
 * progress value's `target:` and its `units` keys…), told from the text before the cursor, so that
 * it works while the line does not parse yet. Keys are not completed: yaml-language-server does
 * that from the schema.
 */
import type { Kind } from '../load/source.js';
import type { Model } from '../model/types.js';
import type { ReferenceKeys, Sort } from './references.js';

/** Where an id is being typed: the key it is the value of (or, `asKey`, the mapping whose key it is), and the word to replace. */
export interface Spot {
  key: string;
  asKey: boolean;
  start: number;
  end: number;
  /** The cursor follows the colon directly: the id is written after a space. */
  needsSpace: boolean;
}

const WORD_BEFORE = /[^\s[\]{},:#"']*$/;
const WORD_AFTER = /^[^\s[\]{},:#"']*/;

/** The spot at `offset` of `text`, if an id can be typed there. */
export function spotAt(text: string, offset: number): Spot | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const prefix = text.slice(lineStart, offset);
  if (/(^|\s)#/.test(prefix)) return undefined; // in a comment
  const word = WORD_BEFORE.exec(prefix)![0];
  const start = offset - word.length;
  const end = offset + WORD_AFTER.exec(text.slice(offset, offset + 200))![0].length;
  const before = prefix.slice(0, prefix.length - word.length);
  // `lead: `, `support: [a, `, `{text: …, lead: `
  const inline = /([A-Za-z_][\w-]*)["']?[ \t]*:([ \t]*)(\[(?:[^[\]{}]*,)?[ \t]*)?$/.exec(before);
  if (inline) {
    const units = /\bunits["']?[ \t]*:[ \t]*\{(?:[^{}]*,)?[ \t]*$/.test(before);
    return { key: inline[1], asKey: false, start, end, needsSpace: inline[2] === '' && inline[3] === undefined && !units };
  }
  // `units: {xh: 5, `
  if (/\bunits["']?[ \t]*:[ \t]*\{(?:[^{}]*,)?[ \t]*$/.test(before)) return { key: 'units', asKey: true, start, end, needsSpace: false };
  // an item of a flow list begun on a line above: `support: [a,⏎    b, `
  if (/^[ \t]*(?:[^[\]{}#]*,)?[ \t]*$/.test(before)) {
    const key = flowListKey(text, lineStart);
    if (key) return { key, asKey: false, start, end, needsSpace: false };
  }
  const lines = text.slice(0, lineStart).split(/\r\n|\r|\n/);
  lines.pop(); // the empty piece after the last line break
  // a block list item: `  - ` under `support:`
  const item = /^([ \t]*)-[ \t]+$/.exec(before);
  if (item) {
    const key = keyAbove(lines, item[1].length, true);
    return key ? { key, asKey: false, start, end, needsSpace: false } : undefined;
  }
  // a key at the start of a line, under `units:`
  if (/^[ \t]*$/.test(before)) {
    const key = keyAbove(lines, before.length, false);
    return key === 'units' ? { key, asKey: true, start, end, needsSpace: false } : undefined;
  }
  return undefined;
}

/** The key of the flow list left open before `offset` (within a few lines), when its `[` follows `key:`. */
function flowListKey(text: string, offset: number): string | undefined {
  let depth = 0;
  for (let i = offset - 1; i >= 0 && i >= offset - 4000; i--) {
    const c = text[i];
    if (c === ']' || c === '}') depth++;
    else if (c === '{') {
      if (depth === 0) return undefined;
      depth--;
    } else if (c === '[') {
      if (depth > 0) {
        depth--;
        continue;
      }
      const lineStart = Math.max(text.lastIndexOf('\n', i - 1), text.lastIndexOf('\r', i - 1)) + 1;
      return /([A-Za-z_][\w-]*)["']?[ \t]*:[ \t]*$/.exec(text.slice(lineStart, i))?.[1];
    } else if (c === '#' || c === '"' || c === "'") return undefined; // a comment or a quoted scalar: not told apart here
  }
  return undefined;
}

/**
 * The key whose block holds a line indented by `indent`: the first line above, less indented (for
 * a list item, as indented is allowed too), that ends with `key:`; lines inside sibling items are skipped.
 */
function keyAbove(lines: string[], indent: number, listItem: boolean): string | undefined {
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 500; i--) {
    const line = lines[i];
    if (/^\s*(#.*)?$/.test(line)) continue;
    const own = /^[ \t]*/.exec(line)![0].length;
    if (own > indent) continue;
    if (own === indent && (listItem ? /^[ \t]*-(\s|$)/.test(line) : !/^[ \t]*-(\s|$)/.test(line))) continue;
    const m = /^([ \t]*)(?:-[ \t]+)?([A-Za-z_][\w-]*)["']?[ \t]*:[ \t]*(#.*)?$/.exec(line);
    if (!m) return undefined;
    const column = line.indexOf(m[2]);
    return column <= indent ? m[2] : undefined;
  }
  return undefined;
}

/** The kind and city of the YAML document around `offset`, read from its text (it may not parse while typed). */
export function documentAround(text: string, offset: number): { kind?: Kind; city?: string } {
  const starts = [...text.slice(0, offset).matchAll(/^---/gm)];
  const from = starts.length ? starts[starts.length - 1].index! + 3 : 0;
  const next = /^---/m.exec(text.slice(offset));
  const doc = text.slice(from, next ? offset + next.index : text.length);
  const kind = /^kind[ \t]*:[ \t]*["']?(Campaign|Owners|Plan|Progress)\b/m.exec(doc)?.[1] as Kind | undefined;
  const city = /^city[ \t]*:[ \t]*["']?([A-Za-z0-9][\w.-]*)/m.exec(doc)?.[1];
  return { kind, city };
}

/** The sorts that fit at a spot of a document of `kind`. */
export function sortsAt(spot: Spot, kind: Kind | undefined, keys: ReferenceKeys): Sort[] {
  if (!kind) return [];
  if (spot.asKey) return kind === 'Progress' && spot.key === 'units' ? ['unit'] : [];
  // a plan's `target` is the target's form, not a reference
  if (kind === 'Plan' && spot.key === 'target') return [];
  return [...(keys.get(kind)?.get(spot.key) ?? [])];
}

export interface Candidate {
  id: string;
  name: string;
  /** Ids of the document's city first, then those of no city (the province's), then the others. */
  rank: number;
  sort: Sort;
}

/**
 * The ids of `sorts` the model defines, with their names, ranked for `city`; `ownCity`: only those
 * of `city` (a progress report names its own city's targets).
 */
export function candidates(model: Model, sorts: readonly Sort[], city: string | undefined, ownCity = false): Candidate[] {
  const out = new Map<string, Candidate>();
  const add = (sort: Sort, id: string, name: string, itsCity: string | undefined) => {
    const rank = itsCity !== undefined && itsCity === city ? 0 : itsCity === undefined ? 1 : 2;
    const had = out.get(id);
    if (!had || rank < had.rank) out.set(id, { id, name, rank, sort });
  };
  const campaign = model.campaign;
  for (const sort of sorts) {
    switch (sort) {
      case 'owner':
        for (const o of model.owners) add(sort, o.id, o.name, o.city);
        break;
      case 'task':
        for (const t of campaign?.allTasks ?? []) add(sort, t.id, t.title, undefined);
        break;
      case 'indicator':
        for (const i of campaign?.indicators ?? []) add(sort, i.id, i.name, undefined);
        break;
      case 'city':
        for (const c of campaign?.cities ?? []) add(sort, c.id, c.name, c.id);
        break;
      case 'campaign':
        for (const c of model.campaigns) add(sort, c.id, c.title, undefined);
        break;
      case 'target':
        for (const t of model.targets) if (!ownCity || city === undefined || t.city === city) add(sort, t.id, t.name, t.city);
        break;
      case 'unit': {
        const plans = city !== undefined && model.plans.has(city) ? [model.plans.get(city)!] : [...model.plans.values()];
        for (const plan of plans) for (const u of plan.units) add(sort, u.id, u.name, plan.city);
        break;
      }
      case 'action':
        for (const a of model.actions) add(sort, a.id, a.title, a.city);
        break;
    }
  }
  return [...out.values()];
}
