/**
 * A place in a document in the drafter's terms: "action HZ-03", "measure 3 of action HZ-01",
 * "`lead` of action HZ-03", counting from 1, never a JSON path (`actions[2].lead`).
 */
import { t, type Localized, type MessageId } from '../i18n/index.js';
import type { Path } from '../types.js';

/** The lists whose items are things with a name of their own, and what each item is called. */
const ITEM_SORTS: Record<string, string> = {
  actions: 'action',
  measures: 'measure',
  targets: 'target',
  tasks: 'task',
  subtasks: 'task',
  cities: 'city',
  indicators: 'indicator',
  owners: 'owner',
  units: 'unit',
  values: 'value',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function child(v: unknown, step: string | number): unknown {
  if (v === null || typeof v !== 'object') return undefined;
  return (v as Record<string | number, unknown>)[step];
}

/** How one item of a list is called: by its id when it has one, else by its number counted from 1. */
function itemLabel(sort: string, item: unknown, index: number, parent: Localized | undefined): Localized {
  const id = isRecord(item) && typeof item.id === 'string' && item.id ? item.id : undefined;
  if (sort === 'value' && isRecord(item) && typeof item.target === 'string') return t('where/value-of', { target: item.target });
  if (id) return t('where/item-id', { sort: t(`sort/${sort}` as MessageId), id });
  if (parent) return t('where/item-of', { sort: t(`sort/${sort}` as MessageId), n: index + 1, parent });
  return t('where/item-n', { sort: t(`sort/${sort}` as MessageId), n: index + 1 });
}

/** The innermost named item on the path and the steps below it. */
function split(root: unknown, path: Path): { item?: Localized; rest: Path } {
  let item: Localized | undefined;
  let restFrom = 0;
  let v = root;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const next = child(v, step);
    const prev = path[i - 1];
    if (typeof step === 'number' && typeof prev === 'string' && ITEM_SORTS[prev] && i - 1 === restFrom) {
      item = itemLabel(ITEM_SORTS[prev], next, step, item);
      restFrom = i + 1;
    } else if (typeof prev === 'string' && prev === 'units' && typeof step === 'string' && i - 1 === restFrom && isRecord(v)) {
      // `units: {lucheng: 3}` of a progress value: the unit by its id
      item = t('where/item-id', { sort: t('sort/unit'), id: step });
      restFrom = i + 1;
    }
    v = next;
  }
  return { item, rest: path.slice(restFrom) };
}

/** `support` (item 2), `target.value`: the steps below an item, keys joined, list items counted from 1. */
function restText(rest: Path): Localized | undefined {
  if (rest.length === 0) return undefined;
  let keys = '';
  const items: number[] = [];
  for (const step of rest) {
    if (typeof step === 'number') items.push(step + 1);
    else keys += keys ? `.${step}` : step;
  }
  const key = `\`${keys || '-'}\``;
  if (items.length === 0) return t('where/key', { key });
  return t('where/key-item', { key, n: items.join('.') });
}

/** A node, as a message names it: "`lead` of action HZ-03", "action HZ-03", "`title`", "the document". */
export function placeName(root: unknown, path: Path): Localized {
  const { item, rest } = split(root, path);
  const r = restText(rest);
  if (item && r) return t('where/of', { key: r, item });
  if (item) return item;
  if (r) return r;
  return t('where/document');
}

/** The dotted path (`actions.2.lead`, 0-based), for the `path` field of machine-readable output. */
export function jsonPath(path: Path): string {
  return path.map(String).join('.');
}
