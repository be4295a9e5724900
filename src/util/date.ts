/** Calendar dates as the plan format writes them: `YYYY-MM-DD`, a day that exists (no 2022-02-30). */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a `YYYY-MM-DD` string naming a day of the calendar. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  // day 0 of the next month is the last day of this one (leap years included)
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
