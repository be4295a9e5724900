/** The largest of many numbers, without spreading them into Math.max (which overflows the stack past ~100,000). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}
