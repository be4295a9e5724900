/**
 * The diff as a pull-request comment: a title and the counts, a table of errors and warnings, and
 * the info changes folded in `<details>`. The first line is an HTML comment that a CI job can look
 * for to update its earlier comment instead of adding another.
 */
import type { Change, DiffReport } from '../../diff/types.js';
import { tr, type Lang, type MessageId } from '../../i18n/index.js';
import { cityName, countsLine, placeText } from './common.js';
import type { DiffFormatter } from './types.js';

export const COMMENT_MARKER = '<!-- plans-diff -->';
/**
 * Rows per table, and characters of all rows together: GitHub refuses a comment over 65,536
 * characters; a change of thousands of targets is read in the text or JSON report instead.
 */
export const MAX_ROWS = 150;
export const MAX_ROW_CHARS = 56_000;

/** A table cell: pipes and backslashes escaped, line breaks flattened, HTML kept as text. */
const cell = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

/** The rows of one table, as many as `budget.chars` and MAX_ROWS allow (the budget is shared by the tables). */
function table(report: DiffReport, all: Change[], lang: Lang, withLevel: boolean, budget: { chars: number }): string[] {
  const cols = [...(withLevel ? ['severity'] : []), 'kind', 'city', 'where', 'change'].map((c) => tr(lang, `diff/col/${c}` as MessageId));
  const rows: string[] = [];
  for (const c of all) {
    if (rows.length === MAX_ROWS) break;
    const cells = [
      ...(withLevel ? [`${ICON[c.severity]} ${tr(lang, `diff/severity/${c.severity}`)}`] : []),
      code(c.kind),
      cell(cityName(report, c.city, lang)),
      code(placeText(c, lang, false)),
      cell(c.message[lang]),
    ];
    const row = `| ${cells.join(' | ')} |`;
    if (row.length + 1 > budget.chars) break;
    budget.chars -= row.length + 1;
    rows.push(row);
  }
  const more = all.length - rows.length;
  return [`| ${cols.join(' | ')} |`, `| ${cols.map(() => '---').join(' | ')} |`, ...rows, ...(more > 0 ? ['', tr(lang, 'diff/more', { count: more })] : [])];
}

export const markdown: DiffFormatter = (report, { lang }) => {
  const out = [COMMENT_MARKER, `### ${tr(lang, 'diff/title', { old: code(report.old), new: code(report.new) })}`, ''];
  if (report.changes.length === 0) {
    out.push(tr(lang, 'diff/no-changes'));
    return out.join('\n') + '\n';
  }
  const c = report.counts;
  out.push(`**${countsLine(report, lang)}**`);
  const serious = report.changes.filter((x) => x.severity !== 'info');
  const budget = { chars: MAX_ROW_CHARS };
  if (serious.length) out.push('', ...table(report, serious, lang, true, budget));
  const info = report.changes.filter((x) => x.severity === 'info');
  if (info.length) {
    out.push('', '<details>', `<summary>${cell(tr(lang, 'diff/info-summary', { count: c.info }))}</summary>`, '', ...table(report, info, lang, false, budget), '', '</details>');
  }
  return out.join('\n') + '\n';
};
