import { tr } from '../../i18n/index.js';
import type { Diagnostic } from '../../types.js';
import { ciFile, type LintFormatter } from './types.js';

/** Escapes text for XML content and attributes; characters XML 1.0 cannot hold become U+FFFD. */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * JUnit XML: one test case per file checked, a failure listing the findings where a file has errors.
 * Valid against the Jenkins xUnit plugin's junit-10.xsd, which has no `testcase@file`: the file is the
 * `classname` (GitLab shows it) and the `name`, relative to the repository's root.
 */
export const junit: LintFormatter = (report, ctx) => {
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of report.files ?? []) byFile.set(file, []);
  for (const f of report.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const line = (f: Diagnostic) => `${ciFile(f.file, ctx)}:${f.line}:${f.column} ${tr(ctx.lang, f.severity === 'error' ? 'lint/error' : 'lint/warning')} ${f.message[ctx.lang]} (${f.rule})`;
  const cases: string[] = [];
  let failures = 0;
  for (const [file, findings] of byFile) {
    const errors = findings.filter((f) => f.severity === 'error');
    const name = escapeXml(ciFile(file, ctx));
    const body: string[] = [];
    if (errors.length > 0) {
      failures++;
      const message = tr(ctx.lang, 'junit/failure', { errors: errors.length, warnings: findings.length - errors.length });
      body.push(`      <failure message="${escapeXml(message)}" type="error">${escapeXml(findings.map(line).join('\n'))}</failure>`);
    } else if (findings.length > 0) {
      body.push(`      <system-out>${escapeXml(findings.map(line).join('\n'))}</system-out>`);
    }
    cases.push(
      body.length
        ? `    <testcase classname="${name}" name="${name}">\n${body.join('\n')}\n    </testcase>`
        : `    <testcase classname="${name}" name="${name}"/>`,
    );
  }
  const suite = `  <testsuite name="plans lint" tests="${byFile.size}" failures="${failures}" errors="0">`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="plans lint" tests="${byFile.size}" failures="${failures}" errors="0">`, suite, ...cases, '  </testsuite>', '</testsuites>', ''].join('\n');
};
