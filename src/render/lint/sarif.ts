import { pathToFileURL } from 'node:url';
import { catalogue } from '../../config/rules.js';
import { tr } from '../../i18n/index.js';
import type { LintFormatter } from './types.js';

/** Where the rule pages are published (the same pages `plans explain` prints). */
export const DOCS_BASE = 'https://campaign-plans.dev/docs/rules/';
export const INFORMATION_URI = 'https://campaign-plans.dev/';

/** A relative path as a URI reference: each segment percent-encoded (Chinese file names stay valid). */
export function pathToUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0: one run, the whole rule catalogue with help text and links, one result per finding with its region. */
export const sarif: LintFormatter = (report, ctx) => {
  const rules = catalogue();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const driverRules = rules.map((r) => {
    const page = ctx.ruleDocs?.(r.id);
    const helpUri = `${DOCS_BASE}${r.id}.md`;
    return {
      id: r.id,
      name: r.id,
      shortDescription: { text: r.description[ctx.lang] },
      fullDescription: { text: `${r.description.zh}\n${r.description.en}` },
      help: {
        text: tr(ctx.lang, 'sarif/help', { description: r.description[ctx.lang], uri: helpUri }),
        ...(page ? { markdown: page } : {}),
      },
      helpUri,
      defaultConfiguration: { level: r.severity },
    };
  });
  const results = report.findings.map((f) => ({
    ruleId: f.rule,
    ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
    level: f.severity,
    message: { text: f.message[ctx.lang] },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(f.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'plans', informationUri: INFORMATION_URI, rules: driverRules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
