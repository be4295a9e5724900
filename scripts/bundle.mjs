#!/usr/bin/env node
// Bundles src/cli/main.ts and its dependencies into dist/plans.mjs with esbuild, so that start-up
// loads one file instead of a few hundred modules; bin/plans.js prefers it when it is newer than
// the tsc build in dist/ (so a later `tsc` alone never leaves a stale bundle in use).
// exceljs stays external: only `plans table --format xlsx` loads it, from node_modules.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist', 'plans.mjs');

/**
 * The yaml package looks up `process.env.LOG_TOKENS` for every token it reads (and LOG_STREAM per
 * document), a debugging switch; a `process.env` lookup is a slow call into the environment, about
 * a third of the parser's time. The bundle reads them as off.
 */
const yamlWithoutEnvLookups = {
  name: 'yaml-without-env-lookups',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const patched = text.replace(/node_process\.env\.LOG_(TOKENS|STREAM)/g, 'false');
      if (patched === text) throw new Error(`bundle: no LOG_TOKENS/LOG_STREAM lookup found in ${args.path}; check the yaml version`);
      return { contents: patched, loader: 'js' };
    });
  },
};

/**
 * Our modules find the package's files (schemas/, docs/) two folders above their own file
 * (dist/<area>/x.js); inside the bundle they all sit in dist/plans.mjs, so `import.meta.url` in
 * them is given as if they were one folder deeper (dist/bundle/plans.js), which keeps `../..` right.
 */
const moduleUrl = {
  name: 'module-url',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      return { contents: text.replace(/import\.meta\.url/g, 'PLANS_MODULE_URL'), loader: 'ts' };
    });
  },
};

let esbuild;
try {
  esbuild = await import('esbuild');
} catch (err) {
  // Without esbuild (a production install), bin/plans.js runs the tsc build: slower start, same results.
  console.warn(`bundle: esbuild not available (${err.message.split('\n')[0]}); skipping dist/plans.mjs`);
  process.exit(0);
}

const result = await esbuild.build({
  entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['exceljs'],
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  banner: {
    js: [
      "import { createRequire as __plansCreateRequire } from 'node:module';",
      'const require = __plansCreateRequire(import.meta.url);',
      "const PLANS_MODULE_URL = new URL('./bundle/plans.js', import.meta.url).href;",
    ].join('\n'),
  },
  plugins: [yamlWithoutEnvLookups, moduleUrl],
});
const bytes = fs.statSync(outfile).size;
console.log(`wrote ${path.relative(root, outfile)} (${(bytes / 1024).toFixed(0)} KiB, ${Object.keys(result.metafile.inputs).length} modules)`);
