/**
 * Numbers and dates as a drafter writes them: `"30%"`, `3万`, `３０`, `30,000`, `2022/06/30`,
 * `2022年6月30日`, `2022.6.30`, and dates that are not in the calendar (`2022-13-01`, `2022-02-30`).
 * Each gives the message id and data of a finding that says what to write instead.
 */
import type { Localized, Message, MessageData } from '../i18n/index.js';
import { t } from '../i18n/index.js';

/** Full-width digits and signs to ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９．％＋－，]/g, (c) => ({ '．': '.', '％': '%', '＋': '+', '－': '-', '，': ',' })[c] ?? String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

const MULTIPLIERS: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8 };

/** A decimal without float noise (`1.5 * 1e4` is 15000, `0.3 * 1e4` is 3000). */
function plain(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** The message for a string where a number belongs, when it reads as one written another way. */
export function numberHint(value: string, name: Localized, fixRange: [number, number], unitIsPercent: boolean): Message | undefined {
  const raw = value.trim();
  const ascii = asciiDigits(raw);
  const data = (extra: MessageData) => ({ name, value: JSON.stringify(value), ...extra });
  let m = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(ascii);
  if (m) {
    const number = plain(Number(m[1]));
    return t('schema/percent-number', data({ number, ...(unitIsPercent ? { fix: { range: fixRange, text: number } } : {}) }));
  }
  m = /^([+-]?\d+(?:\.\d+)?)\s*([千万亿])$/.exec(ascii);
  if (m) {
    const number = plain(Number(m[1]) * MULTIPLIERS[m[2]]);
    return t('schema/wan-number', data({ number, unit: m[2], fix: { range: fixRange, text: number } }));
  }
  if (ascii !== raw && /^[+-]?\d+(?:\.\d+)?$/.test(ascii)) {
    const number = plain(Number(ascii));
    return t('schema/fullwidth-digits', data({ number, fix: { range: fixRange, text: number } }));
  }
  if (/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(ascii)) {
    const number = plain(Number(ascii.replace(/,/g, '')));
    return t('schema/grouped-number', data({ number, fix: { range: fixRange, text: number } }));
  }
  return undefined;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The message for a string where a date belongs, when it reads as a date written another way or one not in the calendar. */
export function dateHint(value: string, name: Localized, fixRange: [number, number]): Message | undefined {
  const ascii = asciiDigits(value.trim());
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(ascii);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const shown = JSON.stringify(value);
  if (month < 1 || month > 12) return t('schema/date-month', { name, value: shown, month });
  const days = daysIn(year, month);
  if (day < 1 || day > days) return t('schema/date-day', { name, value: shown, year, month, days });
  const date = `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (date === value) return undefined;
  return t('schema/date-form', { name, value: shown, date, fix: { range: fixRange, text: date } });
}
