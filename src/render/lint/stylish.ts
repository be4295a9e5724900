import { tr } from '../../i18n/index.js';
import type { Diagnostic } from '../../types.js';
import type { LintFormatter } from './types.js';
import { displayWidth, padTo } from '../width.js';
import { maxOf } from '../max.js';

/**
 * Rule ids line up after messages up to this many columns; a longer message is not padded, nor
 * are the others padded to its width (a message quoting a long value would push every rule id,
 * and the whole block, hundreds of columns to the right).
 */
export const MAX_ALIGN = 160;

/** ESLint's stylish: findings grouped by file, aligned columns, the rule id last, a summary line. */
export const stylish: LintFormatter = (report, { lang, chalk }) => {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of report.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const out: string[] = [];
  for (const [file, findings] of byFile) {
    out.push(chalk.underline(file));
    const rows = findings.map((f) => ({
      pos: `${f.line}:${f.column}`,
      sev: tr(lang, f.severity === 'error' ? 'lint/error' : 'lint/warning'),
      isError: f.severity === 'error',
      msg: f.message[lang].replace(/\s*\n\s*/g, ' '),
      rule: f.rule,
    }));
    const msgWidths = rows.map((r) => displayWidth(r.msg));
    const w = {
      pos: maxOf(rows.map((r) => displayWidth(r.pos)), 0),
      sev: maxOf(rows.map((r) => displayWidth(r.sev)), 0),
      msg: maxOf(msgWidths.filter((n) => n <= MAX_ALIGN), 0),
    };
    rows.forEach((r, i) => {
      const sev = padTo(r.sev, w.sev);
      const msg = r.msg + ' '.repeat(Math.max(0, w.msg - msgWidths[i]));
      out.push(`  ${chalk.dim(padTo(r.pos, w.pos))}  ${r.isError ? chalk.red(sev) : chalk.yellow(sev)}  ${msg}  ${chalk.dim(r.rule)}`);
    });
    out.push('');
  }
  const total = report.errorCount + report.warningCount;
  if (total === 0) {
    return tr(lang, 'lint/clean', { files: report.fileCount }) + '\n';
  }
  const summary = tr(lang, 'lint/summary', { total, errors: report.errorCount, warnings: report.warningCount, files: report.fileCount });
  const mark = report.errorCount > 0 ? chalk.red.bold(`✖ ${summary}`) : chalk.yellow.bold(`⚠ ${summary}`);
  out.push(mark);
  return out.join('\n') + '\n';
};
