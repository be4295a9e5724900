/** The gap report as Markdown: a section per city with its lists and a table of targets, then the method. */
import { tr } from '../../i18n/index.js';
import { asOfLine, columnTitles, COLUMNS, DUE_COLUMNS, dueColumnTitles, dueHeading, dueRows, filterLine, gapLists, statusName, summaryLine, targetRow, titleLine, unitLines } from './common.js';
import type { GapFormatter } from './types.js';
import { markdownInline } from '../tables/markdown.js';

/** Text of a table cell or a line: pipes escaped, `<` and `&` as entities, control characters written out, line breaks (a lone CR too) flattened. */
const cell = markdownInline;

export const markdown: GapFormatter = (report, { lang }) => {
  const out: string[] = [];
  out.push(`# ${cell(titleLine(report, lang))}`, '', asOfLine(report, lang));
  const filtered = filterLine(report, lang);
  if (filtered) out.push('', cell(filtered));
  if (report.cities.length === 0) out.push('', tr(lang, 'gaps/no-cities'));
  for (const city of report.cities) {
    out.push('', `## ${cell(tr(lang, 'gaps/city', { name: city.name, city: city.city }))}`, '');
    if (!city.hasPlan) out.push(`**${tr(lang, 'gaps/no-plan')}**`, '');
    for (const [heading, items] of gapLists(city, lang)) {
      const sep = lang === 'zh' ? '：' : ': ';
      out.push(`- **${heading}**${sep}${items.length ? items.map(cell).join(lang === 'zh' ? '；' : '; ') : tr(lang, 'gaps/none')}`);
    }
    out.push('');
    if (city.targets.length === 0) {
      out.push(tr(lang, 'gaps/no-targets'));
    } else {
      out.push(`| ${columnTitles(lang).join(' | ')} |`);
      out.push(`| ${COLUMNS.map((c) => (c === 'progress' || c === 'elapsed' ? '---:' : '---')).join(' | ')} |`);
      for (const s of city.targets) {
        const row = targetRow(s, lang);
        out.push(`| ${COLUMNS.map((c) => cell(c === 'status' ? statusName(row.status, lang) : row[c])).join(' | ')} |`);
      }
    }
    const units = unitLines(city, lang);
    if (units.length) out.push('', ...units.map((l) => `- ${cell(l)}`));
    out.push('', `**${summaryLine(city, lang)}**`);
  }
  if (report.dueSoon) {
    out.push('', `## ${dueHeading(report.dueSoon, lang)}`, '');
    const rows = dueRows(report.dueSoon, lang);
    if (rows.length === 0) out.push(tr(lang, 'gaps/due-soon-none'));
    else {
      out.push(`| ${dueColumnTitles(lang).join(' | ')} |`, `| ${DUE_COLUMNS.map(() => '---').join(' | ')} |`);
      for (const r of rows) out.push(`| ${DUE_COLUMNS.map((c) => cell(r[c])).join(' | ')} |`);
    }
  }
  out.push('', `## ${tr(lang, 'gaps/method-title')}`, '', tr(lang, 'gaps/method'));
  return out.join('\n') + '\n';
};
