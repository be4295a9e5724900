/** What the printable HTML formats share: page numbers in the page's margin box, and status colours for table cells. */
import { tr, type Lang } from '../i18n/index.js';
import { STATUS_LOOK } from './gaps/charts.js';

/** A string inside CSS `content: "…"`. */
export const cssString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

/**
 * `第 N 页 / 共 M 页` (`Page N of M`) as CSS content, for an `@page` margin box: Chromium (131 and
 * later) prints margin boxes with the page and pages counters when it prints to PDF, so a static
 * file needs no header or footer template.
 */
export function pageCounterContent(lang: Lang): string {
  const text = tr(lang, 'report/page-of', { page: '\u0000', pages: '\u0001' });
  return text
    .split(/([\u0000\u0001])/)
    .map((part) => (part === '\u0000' ? 'counter(page)' : part === '\u0001' ? 'counter(pages)' : part ? cssString(part) : ''))
    .filter(Boolean)
    .join(' ');
}

/** Status colours of table cells under `selector`: a light tint, the status's ink, bold; the word itself says it without colour. */
export function statusCss(selector: string): string {
  return Object.entries(STATUS_LOOK)
    .map(([s, look]) => `${selector}.${s} { color: ${look.ink}; background: ${tint(look.fill)}; font-weight: bold; }`)
    .join('\n');
}

/** A colour mixed 85% with white. */
function tint(hex: string): string {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `#${c.map((v) => Math.round(v + (255 - v) * 0.85).toString(16).padStart(2, '0')).join('')}`;
}
