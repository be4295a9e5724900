/** The diff for a terminal: a title, the counts, then per city one line per change, severities coloured. */
import type { ChalkInstance } from 'chalk';
import type { ChangeSeverity } from '../../diff/types.js';
import { tr } from '../../i18n/index.js';
import { displayWidth } from '../width.js';
import { maxOf } from '../max.js';
import { byCity, cityHeading, countsLine, placeText } from './common.js';
import type { DiffFormatter } from './types.js';

function paint(chalk: ChalkInstance, severity: ChangeSeverity, text: string): string {
  return severity === 'error' ? chalk.red(text) : severity === 'warning' ? chalk.yellow(text) : chalk.cyan(text);
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

export const text: DiffFormatter = (report, { lang, chalk }) => {
  const out = [chalk.bold(tr(lang, 'diff/title', { old: report.old, new: report.new }))];
  if (report.changes.length === 0) {
    out.push(tr(lang, 'diff/no-changes'));
    return out.join('\n') + '\n';
  }
  const severityWidth = maxOf(report.changes.map((c) => displayWidth(tr(lang, `diff/severity/${c.severity}`))), 0);
  const kindWidth = maxOf(report.changes.map((c) => c.kind.length), 0);
  const places = report.changes.map((c) => placeText(c, lang));
  const placeWidth = Math.min(60, maxOf(places.map((p) => displayWidth(p)), 0));
  let i = 0;
  for (const [city, changes] of byCity(report.changes)) {
    out.push('', chalk.bold.underline(cityHeading(report, city, lang)));
    for (const c of changes) {
      const severity = paint(chalk, c.severity, pad(tr(lang, `diff/severity/${c.severity}`), severityWidth));
      out.push(`  ${severity}  ${chalk.dim(pad(c.kind, kindWidth))}  ${pad(places[i++], placeWidth)}  ${c.message[lang]}`);
    }
  }
  const counts = report.counts;
  const summary = countsLine(report, lang);
  out.push('', chalk.bold(counts.error ? chalk.red(summary) : counts.warning ? chalk.yellow(summary) : summary));
  return out.join('\n') + '\n';
};
