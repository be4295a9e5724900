// Where time and memory go, phase by phase, in one process: discover+load, check (schema, model,
// rules), suppressions. Bundles a small harness over src/ with esbuild (into bench/work/) and runs it
// with --expose-gc, printing heap used (after a full GC) and wall time after each phase.
// PHASES_KEEP_TEXTS=1 keeps every file's text (as before the third round) instead of letting the
// texts go after parsing; the last line says how many files hold their text at the end.
//
//   node bench/phases.mjs bench/work/repo-22000
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.resolve(process.argv[2] ?? path.join(root, 'bench/work/repo-2200'));
const harness = path.join(root, 'bench/work/phases-harness.mjs');
const esbuild = await import('esbuild');
await esbuild.build({
  stdin: {
    resolveDir: root,
    loader: 'ts',
    contents: `
      import { loadPaths } from './src/load/index.ts';
      import { LoadedFile } from './src/load/text.ts';
      import { check } from './src/lint.ts';
      import { applySuppressions } from './src/suppress/index.ts';
      import { catalogue } from './src/config/rules.ts';
      const dir = process.argv[2];
      const t0 = performance.now();
      const mb = () => { globalThis.gc(); return (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0); };
      const say = (what) => console.log(what.padEnd(14), (performance.now() - t0).toFixed(0).padStart(6), 'ms', mb().padStart(6), 'MiB heap', (process.memoryUsage().rss / 2 ** 20).toFixed(0).padStart(6), 'MiB rss');
      say('start');
      const loaded = loadPaths([dir], { cwd: dir, keepTexts: Boolean(process.env.PHASES_KEEP_TEXTS) });
      say('loaded');
      if (process.env.PHASES_SPLIT) {
        const { validateDoc } = await import('./src/schema/index.ts');
        const { buildModel } = await import('./src/model/build.ts');
        const { modelRules } = await import('./src/rules/index.ts');
        const { locate, findingAt } = await import('./src/load/source.ts');
        const kept = [];
        for (const f of loaded.files) for (const d of f.docs) if (d.parsed && d.kind) kept.push(...validateDoc(d));
        say('schema');
        const model = buildModel(loaded.files);
        say('model');
        if (process.env.PHASES_SNAPSHOT) { (await import('node:v8')).writeHeapSnapshot(process.env.PHASES_SNAPSHOT); say('snapshot'); }
        for (const rule of modelRules) {
          rule.check({ model, report(origin, message, ro = {}) { kept.push(findingAt(origin.doc.file, locate(origin.doc, [...origin.path, ...(ro.at ?? [])], { key: ro.key }), rule.id, rule.severity, message)); } });
          say(rule.id);
        }
        globalThis.keep = [model, kept];
      }
      const result = check(loaded.files, loaded.findings, {});
      say('checked');
      const s = applySuppressions(result.findings, result.files, catalogue().map((r) => r.id));
      say('suppressed');
      const holding = loaded.files.filter((f) => !(f instanceof LoadedFile) || f.holdsText).length;
      console.log(loaded.files.length, 'files', s.findings.length, 'findings', holding, 'files holding their text');
    `,
  },
  outfile: harness,
  bundle: true,
  platform: 'node',
  format: 'esm',
  external: ['exceljs'],
  logLevel: 'warning',
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url); const PLANS_MODULE_URL = import.meta.url;" },
});
spawnSync(process.execPath, ['--expose-gc', harness, target], { stdio: 'inherit' });
