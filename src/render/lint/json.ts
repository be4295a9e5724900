import type { LintFormatter } from './types.js';

/** The JSON shape of cli.md (diagnostics, errorCount, warningCount, fileCount), each diagnostic with its `messageId` and, when it has one, its `fix`. */
export const json: LintFormatter = (report, ctx) =>
  JSON.stringify(
    {
      diagnostics: report.findings.map((f) => ({
        file: f.file,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        rule: f.rule,
        messageId: f.messageId,
        severity: f.severity,
        message: f.message[ctx.lang],
        ...(f.fix ? { fix: { range: f.fix.range, text: f.fix.text } } : {}),
      })),
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      fileCount: report.fileCount,
      // additive to cli.md's shape: what --fix-dry-run would write, the findings above placed in it
      ...(ctx.fixed ? { fixes: ctx.fixed.map((f) => ({ file: f.file, fixCount: f.fixCount, output: f.output })) } : {}),
    },
    null,
    2,
  ) + '\n';
