import { tr } from '../../i18n/index.js';
import type { Diagnostic } from '../../types.js';
import type { LintFormatter } from './types.js';
import { displayWidth, padTo } from '../width.js';
import { maxOf } from '../max.js';
import { hanging, MIN_TEXT_WIDTH, wrapText } from '../wrap.js';
import { oneLine } from '../escape.js';

/**
 * Rule ids line up after messages up to this many columns; a longer message is not padded, nor
 * are the others padded to its width (a message quoting a long value would push every rule id,
 * and the whole block, hundreds of columns to the right).
 */
export const MAX_ALIGN = 160;
/** Narrowest the message column gets beside the rule ids; narrower, the rule id goes under the message. */
const MIN_MESSAGE = 30;

/**
 * ESLint's stylish: findings grouped by file, aligned columns, the rule id last, a summary line.
 * Fitted to `width` columns: a long message wraps under itself (a hanging indent), and the rule
 * ids line up after the message column, or stand under the message when the terminal is narrow.
 */
export const stylish: LintFormatter = (report, { lang, chalk, width = 100 }) => {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of report.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const out: string[] = [];
  for (const [file, findings] of byFile) {
    for (const line of wrapText(oneLine(file), Math.max(MIN_TEXT_WIDTH, width))) out.push(chalk.underline(line));
    const rows = findings.map((f) => ({
      pos: `${f.line}:${f.column}`,
      sev: tr(lang, f.severity === 'error' ? 'lint/error' : 'lint/warning'),
      isError: f.severity === 'error',
      msg: oneLine(f.message[lang].replace(/\s*\n\s*/g, ' ')),
      rule: f.rule,
    }));
    const w = {
      pos: maxOf(rows.map((r) => displayWidth(r.pos)), 0),
      sev: maxOf(rows.map((r) => displayWidth(r.sev)), 0),
      rule: maxOf(rows.map((r) => displayWidth(r.rule)), 0),
    };
    const indent = 2 + w.pos + 2 + w.sev + 2;
    const longest = maxOf(rows.map((r) => displayWidth(r.msg)).filter((n) => n <= MAX_ALIGN), 0);
    // the message column: as wide as the longest message, within what the terminal leaves beside the rule ids
    const beside = width - indent - 2 - w.rule;
    const msgWidth = beside >= MIN_MESSAGE ? Math.max(1, Math.min(longest, beside)) : Math.max(MIN_TEXT_WIDTH, width - indent);
    rows.forEach((r) => {
      const sev = padTo(r.sev, w.sev);
      const lines = wrapText(r.msg, msgWidth);
      const pad = ' '.repeat(indent);
      lines.forEach((line, k) => {
        const lead = k === 0 ? `  ${chalk.dim(padTo(r.pos, w.pos))}  ${r.isError ? chalk.red(sev) : chalk.yellow(sev)}  ` : pad;
        const last = k === lines.length - 1;
        if (!last) out.push(lead + line);
        else if (beside >= MIN_MESSAGE) out.push(`${lead}${padTo(line, msgWidth)}  ${chalk.dim(r.rule)}`);
        else if (displayWidth(line) + 2 + displayWidth(r.rule) <= width - indent) out.push(`${lead}${line}  ${chalk.dim(r.rule)}`);
        else out.push(lead + line, pad + chalk.dim(r.rule));
      });
    });
    out.push('');
  }
  const total = report.errorCount + report.warningCount;
  if (total === 0) {
    return wrapText(tr(lang, 'lint/clean', { files: report.fileCount }), Math.max(MIN_TEXT_WIDTH, width)).join('\n') + '\n';
  }
  const summary = tr(lang, 'lint/summary', { total, errors: report.errorCount, warnings: report.warningCount, files: report.fileCount });
  const paint = report.errorCount > 0 ? chalk.red.bold : chalk.yellow.bold;
  hanging(report.errorCount > 0 ? '✖ ' : '⚠ ', summary, width).forEach((line) => out.push(paint(line)));
  return out.join('\n') + '\n';
};
