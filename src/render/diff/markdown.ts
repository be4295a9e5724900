/**
 * The diff as a pull-request comment: a title and the counts, a table of errors and warnings, and
 * the info changes folded in `<details>`. The first line is an HTML comment that a CI job can look
 * for to update its earlier comment instead of adding another.
 */
import type { Change, DiffReport } from '../../diff/types.js';
import { tr, type Lang } from '../../i18n/index.js';
import { cityName, countsLine, placeText } from './common.js';
import type { DiffFormatter } from './types.js';

export const COMMENT_MARKER = '<!-- plans-diff -->';

/** A table cell: pipes and backslashes escaped, line breaks flattened, HTML kept as text. */
const cell = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

function table(report: DiffReport, changes: Change[], lang: Lang, withLevel: boolean): string[] {
  const cols = [...(withLevel ? ['severity'] : []), 'kind', 'city', 'where', 'change'].map((c) => tr(lang, `diff/col/${c}`));
  const rows = changes.map((c) => {
    const cells = [
      ...(withLevel ? [`${ICON[c.severity]} ${tr(lang, `diff/severity/${c.severity}`)}`] : []),
      code(c.kind),
      cell(cityName(report, c.city, lang)),
      code(placeText(c, lang, false)),
      cell(c.message[lang]),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [`| ${cols.join(' | ')} |`, `| ${cols.map(() => '---').join(' | ')} |`, ...rows];
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
  if (serious.length) out.push('', ...table(report, serious, lang, true));
  const info = report.changes.filter((x) => x.severity === 'info');
  if (info.length) {
    out.push('', '<details>', `<summary>${cell(tr(lang, 'diff/info-summary', { count: c.info }))}</summary>`, '', ...table(report, info, lang, false), '', '</details>');
  }
  return out.join('\n') + '\n';
};
