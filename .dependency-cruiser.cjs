/**
 * The layers of src/ (docs: shared guide, architecture.md), checked in CI by
 * `npx depcruise src --config .dependency-cruiser.cjs`. Type-only imports may name a type across
 * layers (a finding's rule id, the model's types); code may not cross them.
 *
 *   cli ─▶ engine ─▶ lint, gaps, tables, compile ─▶ rules ─▶ domain ─▶ model ─▶ schema, load ─▶ findings, i18n, util
 *   render is used by cli only; lsp (the language server) sits beside cli, over the engine.
 */
const CODE = { dependencyTypesNot: ['type-only'] };

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles in src/ (type-only imports aside).',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: CODE },
    },
    {
      name: 'nothing-imports-cli',
      severity: 'error',
      comment: 'src/cli is the top: it maps flags to calls, prints and exits; nothing below imports it.',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'only-cli-starts-the-language-server',
      severity: 'error',
      comment: 'src/lsp sits over the engine, beside the CLI: only `plans lsp` (src/cli/lsp.ts) loads it.',
      from: { path: '^src/', pathNot: '^src/(cli|lsp)/' },
      to: { path: '^src/lsp/' },
    },
    {
      name: 'load-imports-nothing-above',
      severity: 'error',
      comment: 'src/load reads and parses; it knows findings, messages and utilities, nothing above.',
      from: { path: '^src/load/' },
      to: { ...CODE, path: '^src/', pathNot: '^src/(load|findings|i18n|util)/|^src/types\\.ts$' },
    },
    {
      name: 'rules-import-no-reports',
      severity: 'error',
      comment: 'Rules use the domain (coverage, status, wording, names), never report code.',
      from: { path: '^src/rules/' },
      to: { ...CODE, path: '^src/(gaps|tables|compile|diff|render|engine|lint\\.ts)' },
    },
    {
      name: 'reports-import-no-renderer',
      severity: 'error',
      comment: 'What the reports compute is data; renderers turn it into text.',
      from: { path: '^src/(gaps|tables|compile|diff)/' },
      to: { ...CODE, path: '^src/render/' },
    },
    {
      name: 'reports-import-no-rules-or-each-other',
      severity: 'error',
      comment: 'Reports share the domain module, not rules or one another.',
      from: { path: '^src/(gaps|tables|compile|diff)/' },
      // a report may import its own folder ($1)
      to: { ...CODE, path: '^src/(rules|gaps|tables|compile|diff)/', pathNot: '^src/$1/' },
    },
    {
      name: 'domain-below-rules-and-reports',
      severity: 'error',
      comment: 'src/domain is below rules and reports: it knows the model, messages and utilities.',
      from: { path: '^src/domain/' },
      // the syntax tree (numbers as written) is read through load/source.ts
      to: { ...CODE, path: '^src/', pathNot: '^src/(domain|model|i18n|util|findings)/|^src/types\\.ts$|^src/load/source\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
