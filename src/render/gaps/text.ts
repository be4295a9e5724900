/** The gap report for a terminal: per city the missing pieces, a table of targets (cli-table3, CJK widths), coloured statuses and a summary line. */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { tr } from '../../i18n/index.js';
import type { StatusName } from '../../gaps/types.js';
import { asOfLine, columnTitles, COLUMNS, gapLists, statusName, summaryLine, targetRow, titleLine, truncate, unitLines, wrap } from './common.js';
import type { GapFormatter } from './types.js';

/** The colour of a status: green done or on course, yellow at risk, red behind, grey when nothing can be said. */
export function paintStatus(chalk: ChalkInstance, status: StatusName, text: string): string {
  switch (status) {
    case 'achieved':
      return chalk.green.bold(text);
    case 'on-track':
      return chalk.green(text);
    case 'at-risk':
      return chalk.yellow(text);
    case 'off-track':
    case 'not-achieved':
      return chalk.red(text);
    default:
      return chalk.gray(text);
  }
}

const NAME_WIDTH = 20;
const TARGET_WIDTH = 20;

export const text: GapFormatter = (report, { lang, chalk, width }) => {
  const out: string[] = [];
  out.push(chalk.bold(titleLine(report, lang)));
  out.push(asOfLine(report, lang));
  if (report.cities.length === 0) out.push('', tr(lang, 'gaps/no-cities'));
  for (const city of report.cities) {
    out.push('', chalk.bold.underline(tr(lang, 'gaps/city', { name: city.name, city: city.city })));
    if (!city.hasPlan) out.push(chalk.red(tr(lang, 'gaps/no-plan')));
    for (const [heading, items] of gapLists(city, lang)) {
      const sep = lang === 'zh' ? '：' : ': ';
      const list = items.length ? items.join(lang === 'zh' ? '；' : '; ') : chalk.gray(tr(lang, 'gaps/none'));
      out.push(`${heading}${sep}${items.length ? chalk.yellow(String(items.length)) + ' — ' : ''}${list}`);
    }
    if (city.targets.length === 0) {
      out.push(chalk.gray(tr(lang, 'gaps/no-targets')));
    } else {
      // cli-table3's own colours are off: colour comes from chalk only, so --no-color and NO_COLOR hold
      const table = new Table({
        head: columnTitles(lang),
        style: { head: [], border: [] },
        // no rule between body rows: a city's targets read as one block
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      });
      for (const s of city.targets) {
        const row = targetRow(s, lang);
        table.push(
          COLUMNS.map((c) => {
            if (c === 'status') return paintStatus(chalk, row.status, statusName(row.status, lang));
            if (c === 'name') return truncate(row.name, NAME_WIDTH);
            if (c === 'target') return truncate(row.target, TARGET_WIDTH);
            return row[c];
          }),
        );
      }
      out.push(table.toString());
    }
    out.push(...unitLines(city, lang));
    out.push(chalk.bold(summaryLine(city, lang)));
  }
  out.push('', chalk.bold(tr(lang, 'gaps/method-title')));
  out.push(...wrap(tr(lang, 'gaps/method'), Math.max(40, Math.min(width ?? 100, 100))));
  return out.join('\n') + '\n';
};
