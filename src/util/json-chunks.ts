/**
 * JSON.stringify(value, null, indent) in pieces: the same text, cut into strings of about
 * `chunk` characters, so that an output larger than the longest string V8 can make (about 512 MB)
 * can still be written, and no single string of the whole output is ever held.
 * Values must be plain data (what `plans compile` builds): objects, arrays, strings, numbers,
 * booleans, null; `undefined` members are left out and `toJSON` is honoured, as JSON.stringify does.
 */
export function* jsonChunks(value: unknown, indent = 2, chunk = 1 << 16): Generator<string> {
  const pad = ' '.repeat(indent);
  let buf = '';
  // an explicit stack: no recursion limit on deeply nested data
  type Frame = { open: boolean; items: [string | undefined, unknown][]; next: number; close: string; depth: number };
  const stack: Frame[] = [];
  const begin = (v: unknown, depth: number): string | Frame => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON: () => unknown }).toJSON();
    if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return { open: true, items: v.map((x) => [undefined, x === undefined || typeof x === 'function' ? null : x]), next: 0, close: ']', depth };
    }
    const items: [string, unknown][] = [];
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      items.push([k, x]);
    }
    if (items.length === 0) return '{}';
    return { open: true, items, next: 0, close: '}', depth };
  };
  const first = begin(value, 0);
  if (typeof first === 'string') {
    yield first;
    return;
  }
  buf += first.close === ']' ? '[' : '{';
  stack.push(first);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.items.length) {
      stack.pop();
      buf += '\n' + pad.repeat(top.depth) + top.close;
    } else {
      const [key, v] = top.items[top.next++];
      buf += (top.next > 1 ? ',' : '') + '\n' + pad.repeat(top.depth + 1);
      if (key !== undefined) buf += JSON.stringify(key) + ': ';
      const inner = begin(v, top.depth + 1);
      if (typeof inner === 'string') buf += inner;
      else {
        buf += inner.close === ']' ? '[' : '{';
        stack.push(inner);
      }
    }
    if (buf.length >= chunk) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}
