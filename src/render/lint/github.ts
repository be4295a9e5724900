import { ciFile, type LintFormatter } from './types.js';

/** Escapes the message part of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (also `:` and `,`, which separate properties). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands, so findings show on the pull request's diff. */
export const github: LintFormatter = (report, ctx) =>
  report.findings
    .map((f) => {
      const props = [
        `file=${escapeProperty(ciFile(f.file, ctx))}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.rule)}`,
      ].join(',');
      return `::${f.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(f.message[ctx.lang])}\n`;
    })
    .join('');
