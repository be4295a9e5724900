import stringWidth from 'string-width';
import { tr } from '../../i18n/index.js';
import type { Finding } from '../../types.js';
import type { LintFormatter } from './types.js';

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - stringWidth(s)));

/** ESLint's stylish: findings grouped by file, aligned columns, the rule id last, a summary line. */
export const stylish: LintFormatter = (report, { lang, chalk }) => {
  const byFile = new Map<string, Finding[]>();
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
    const w = {
      pos: Math.max(...rows.map((r) => stringWidth(r.pos))),
      sev: Math.max(...rows.map((r) => stringWidth(r.sev))),
      msg: Math.max(...rows.map((r) => stringWidth(r.msg))),
    };
    for (const r of rows) {
      const sev = pad(r.sev, w.sev);
      out.push(`  ${chalk.dim(pad(r.pos, w.pos))}  ${r.isError ? chalk.red(sev) : chalk.yellow(sev)}  ${pad(r.msg, w.msg)}  ${chalk.dim(r.rule)}`);
    }
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
