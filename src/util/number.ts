/** How plans prints numbers, and when a number's source says the same. */

/** A computed number: no float noise (0.1 + 0.2 prints 0.3). */
export function formatNumber(value: number): string {
  // a computed value beyond a double's range: a sign, not the word `Infinity`
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '—' : value > 0 ? '∞' : '-∞';
  return String(Number(value.toPrecision(12)));
}

/** Sources that tables print as written (`5.0` stays `5.0`): plain decimal numbers. */
export const DECIMAL_SOURCE = /^[+-]?(\d[\d_]*)?\.?\d*$/;

/** Whether a table would print `value`, read from `source`, other than `formatNumber` does. */
export function writtenOtherwise(source: string, value: number): boolean {
  // the common case first, a whole number in plain digits read as itself: printed as written
  // (formatNumber's toPrecision was a tenth of the fast reader's time)
  if (plainWhole(source) === value) return false;
  const s = source.trim();
  return s !== '' && DECIMAL_SOURCE.test(s) && s !== formatNumber(value);
}

/** The value of 1 to 12 plain digits without a leading zero (`0` alone aside), else -1: what formatNumber prints as those very digits. */
function plainWhole(source: string): number {
  const n = source.length;
  if (n === 0 || n > 12 || (n > 1 && source.charCodeAt(0) === 48)) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = source.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}
