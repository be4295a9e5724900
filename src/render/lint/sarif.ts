import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalogue } from '../../config/rules.js';
import { tr } from '../../i18n/index.js';
import { ciPath, type LintFormatter } from './types.js';

/** A rule's readable name, as SARIF asks (`unknown-reference` → `UnknownReference`). */
export function ruleName(id: string): string {
  return id
    .split(/[-_]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

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
    // no helpUri: the rule pages are published nowhere; `plans explain` prints them, and help.markdown carries them
    return {
      id: r.id,
      name: ruleName(r.id),
      shortDescription: { text: r.description[ctx.lang] },
      fullDescription: { text: `${r.description.zh}\n${r.description.en}` },
      help: {
        text: tr(ctx.lang, 'sarif/help', { description: r.description[ctx.lang], id: r.id }),
        ...(page ? { markdown: page } : {}),
      },
      defaultConfiguration: { level: r.severity },
    };
  });
  const root = ctx.root ?? ctx.cwd;
  const artifact = (file: string) => {
    const rel = ciPath(file, ctx);
    // a file outside the repository's root is named by its absolute URI
    return rel !== undefined ? { uri: pathToUri(rel), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(path.resolve(ctx.cwd, file)).href };
  };
  const results = report.findings.map((f) => ({
    ruleId: f.rule,
    ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
    level: f.severity,
    message: { text: f.message[ctx.lang] },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(f.file),
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
        tool: { driver: { name: 'plans', ...(ctx.version ? { version: ctx.version, semanticVersion: ctx.version } : {}), rules: driverRules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
