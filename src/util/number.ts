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
  const s = source.trim();
  return s !== '' && DECIMAL_SOURCE.test(s) && s !== formatNumber(value);
}
