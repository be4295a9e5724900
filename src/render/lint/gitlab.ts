import { fingerprints } from '../../baseline/index.js';
import { ciFile, type LintFormatter } from './types.js';

/** GitLab's Code Quality report: fingerprints hash rule, file and content, never the line, so they survive edits above. */
export const gitlab: LintFormatter = (report, ctx) => {
  const prints = fingerprints(report.findings, (f) => ctx.contentOf?.(f) ?? '');
  const issues = report.findings.map((f, i) => ({
    description: f.message[ctx.lang],
    check_name: f.rule,
    fingerprint: prints[i],
    severity: f.severity === 'error' ? 'major' : 'minor',
    location: { path: ciFile(f.file, ctx), lines: { begin: f.line, end: f.endLine } },
  }));
  return JSON.stringify(issues, null, 2) + '\n';
};
