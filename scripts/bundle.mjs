#!/usr/bin/env node
// Bundles src/cli/main.ts and its dependencies into dist/plans.cjs with esbuild, so that start-up
// loads one file instead of a few hundred modules, then writes its V8 code cache
// (scripts/code-cache.mjs). bin/plans.js prefers the bundle when it is newer than the tsc build in
// dist/ (so a later `tsc` alone never leaves a stale bundle in use).
// CommonJS, not ESM: Node 20 can give a code cache only to a script compiled through `vm.Script`.
// exceljs, docx and vscode-languageserver stay external: only the xlsx and docx formats (and the progress workbook), and plans lsp, load them, from node_modules (a smaller bundle starts faster).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
// PLANS_BUNDLE_PLAIN=1 (bench/machinery.mjs): the bundle without the patches to dependencies and
// without a code cache, as dist/plans-plain.cjs, to measure what those are worth.
const plain = process.env.PLANS_BUNDLE_PLAIN === '1';
const outfile = path.join(root, 'dist', plain ? 'plans-plain.cjs' : 'plans.cjs');

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
 * Start-up work of dependencies that `plans lint` rarely or never needs, made lazy in the bundle:
 * commander loads node:child_process (with net, dgram and streams) at import, for executable
 * subcommands, which plans has none of; string-width builds an `Intl.Segmenter` (ICU data) at
 * import, used only for strings outside its fast path; chalk detects colour support through
 * node:tty. Each patch must apply, or the build stops.
 */
const exactly = (file) => new RegExp(`^${file.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}$`);
const lazyStartup = {
  name: 'lazy-startup',
  setup(build) {
    const patches = [
      {
        filter: exactly(path.join(root, 'node_modules', 'commander', 'lib', 'command.js')),
        from: "const childProcess = require('node:child_process');",
        to: "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      },
      {
        // ours (string-width 7), not cli-table3's own older copy
        filter: exactly(path.join(root, 'node_modules', 'string-width', 'index.js')),
        from: 'const segmenter = new Intl.Segmenter();',
        to: 'let intlSegmenter;\nconst segmenter = { segment: (text) => (intlSegmenter ??= new Intl.Segmenter()).segment(text) };',
      },
    ];
    // chalk's colour detection (node:tty, with net and streams, at import) is never used: plans
    // always gives chalk its level (src/cli/env.ts). chalk's own browser variant detects nothing.
    build.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /[\\/]node_modules[\\/]chalk[\\/]/.test(args.importer) ? { path: path.join(root, 'node_modules', 'chalk', 'source', 'vendor', 'supports-color', 'browser.js') } : undefined,
    );
    for (const patch of patches) {
      build.onLoad({ filter: patch.filter }, async (args) => {
        const text = await fs.promises.readFile(args.path, 'utf8');
        if (!text.includes(patch.from)) throw new Error(`bundle: "${patch.from}" not found in ${args.path}; check the package's version`);
        return { contents: text.replace(patch.from, patch.to), loader: 'js' };
      });
    }
  },
};

/**
 * Our modules find the package's files (schemas/, docs/) two folders above their own file
 * (dist/<area>/x.js); inside the bundle they all sit in dist/plans.cjs, so `import.meta.url` in
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
  console.warn(`bundle: esbuild not available (${err.message.split('\n')[0]}); skipping dist/plans.cjs`);
  process.exit(0);
}

const result = await esbuild.build({
  entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['exceljs', 'docx', 'vscode-languageserver', 'vscode-languageserver/node.js', 'vscode-languageserver-textdocument'],
  legalComments: 'none',
  metafile: true,
  write: false,
  logLevel: 'warning',
  banner: {
    js: "const PLANS_MODULE_URL = require('node:url').pathToFileURL(require('node:path').join(__dirname, 'bundle', 'plans.js')).href;",
  },
  plugins: plain ? [moduleUrl] : [yamlWithoutEnvLookups, lazyStartup, moduleUrl],
});
const text = result.outputFiles[0].text;
// bin/bundle-loader.cjs runs the bundle as a vm script: import() of an external package fails there
// (and node 20 drops importModuleDynamically for scripts made from a code cache); require it instead.
// Checked before anything is written, so that a refused bundle never shadows the tsc build.
const dynamic = text.match(/\bimport\(\s*["'][^"']+["']\s*\)/);
if (dynamic) throw new Error(`bundle: ${dynamic[0]} would fail when plans runs; load the package with require (createRequire)`);
// The bundle's identity on its first line (bin/bundle-loader.cjs ties the code cache to it)
const id = createHash('sha256').update(text).digest('hex').slice(0, 32);
fs.mkdirSync(path.dirname(outfile), { recursive: true });
fs.writeFileSync(outfile, `// plans-bundle ${id}\n${text}`);
const bytes = fs.statSync(outfile).size;
console.log(`wrote ${path.relative(root, outfile)} (${(bytes / 1024).toFixed(0)} KiB, ${Object.keys(result.metafile.inputs).length} modules)`);

// The code cache, in a process of its own: made by plain `node`, as the command will run.
if (plain) process.exit(0);

// `plans lint --cache` with nothing changed is answered before the bundle loads (src/cli/replay.ts):
// a bundle of its own, a few KiB of node:fs and stamps, so that answering costs little more than node.
const replayFile = path.join(root, 'dist', 'replay.cjs');
const replayBuild = await esbuild.build({
  entryPoints: [path.join(root, 'src', 'cli', 'replay.ts')],
  outfile: replayFile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
const replayModules = Object.keys(replayBuild.metafile.inputs);
// what it may load: its own few modules, never the messages, the parser or the rules
const heavy = replayModules.filter((m) => !/^src\/(cli\/(replay|replay-key|ci-root)|engine\/stamps|config\/find|load\/names)\.ts$/.test(m));
if (heavy.length) throw new Error(`bundle: dist/replay.cjs would load ${heavy.join(', ')}; keep src/cli/replay.ts light`);
console.log(`wrote dist/replay.cjs (${(fs.statSync(replayFile).size / 1024).toFixed(0)} KiB, ${replayModules.length} modules)`);
const cache = spawnSync(process.execPath, [path.join(root, 'scripts', 'code-cache.mjs')], { stdio: 'inherit' });
if (cache.status !== 0) {
  // without it the bundle is compiled at each start: slower, same results
  fs.rmSync(`${outfile}.cache`, { force: true });
  console.warn('bundle: no code cache written');
}
