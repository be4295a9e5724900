/**
 * `plans lint --watch` (cli.md): lints the paths, then again on every change below them (debounced),
 * and prints each new result at once; the screen is cleared first when standard output is a
 * terminal. Every run is a whole `plans lint` of the paths with a new engine, so a change to one
 * file shows in every finding it changes elsewhere (coverage at the campaign, duplicates, progress),
 * and named files are linted in context as always. Ctrl-C (or SIGTERM) ends it with status 0, as
 * `tsc --watch` does: the watch ran as asked; each result's problems were printed as they came.
 * Folders that vanish, files deleted or renamed, and a path that does not exist yet are taken
 * in stride: the watch is set up again on the next change or tick.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Engine } from '../engine/index.js';
import { ReusedParses } from '../engine/reuse.js';
import { NodeFileSystem } from '../load/fs.js';
import { t } from '../i18n/index.js';
import { codeOf } from '../load/discover.js';
import { UsageError } from '../types.js';
import { resolveLang, type CliEnv } from './env.js';
import type { LintFunctions } from './fix.js';
import type { LintCliOptions } from './lint.js';

/** Changes closer together than this are one change (an editor's save is often several events). */
const DEBOUNCE_MS = 100;
/** How often a path that could not be watched (missing, or its folder gone) is tried again. */
const RETRY_MS = 500;

/**
 * Where `fs.watch` is recursive by itself (FSEvents, ReadDirectoryChangesW). On Linux, Node builds
 * it in JavaScript, and Node 20 lets it throw from a stat of a file just deleted (nodejs/node#52018,
 * #53350) and miss events in folders just made (#48437): each folder is watched on its own there,
 * and the folders are walked again after every change.
 */
const NATIVE_RECURSIVE = process.platform === 'darwin' || process.platform === 'win32';

/** Folders below which plans never looks for plan files (as discover skips them). */
const SKIPPED = new Set(['node_modules']);

/** `dir` and every folder below it (not hidden ones, nor node_modules; links not followed), as far as they can be listed. */
function foldersBelow(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0 && out.length < 10_000) {
    const current = stack.pop()!;
    out.push(current);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue; // gone meanwhile, or not readable: the next walk sees
    }
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && !SKIPPED.has(e.name)) stack.push(path.join(current, e.name));
  }
  return out;
}

/** Lints `paths` on every change below them until SIGINT or SIGTERM (or `stop`), then resolves to 0. */
export function runWatch(paths: string[], opts: LintCliOptions, cli: CliEnv, lint: LintFunctions, stop?: AbortSignal): Promise<number> {
  const lang = resolveLang(opts.lang, new Engine({ ...cli.engine, cwd: cli.cwd }).config(opts.config).config.lang, cli.env);
  // arguments are checked once, before watching: a bad --format is exit 2 at once
  lint.pairOutputs(opts.format ?? [], opts.out ?? [], opts.order);
  const named = (paths.length ? paths : ['.']).map((p) => path.resolve(cli.cwd, p));
  const shown = (paths.length ? paths : ['.']).join(', ');
  // each run checks every file again, but parses only the files whose bytes changed since the last
  const disk = new NodeFileSystem();
  const parses = new ReusedParses(disk);
  const once = () => {
    if (cli.stdout.isTTY) cli.stdout.write('\x1b[2J\x1b[3J\x1b[H');
    try {
      lint.runLint(paths, opts, cli, new Engine({ ...cli.engine, cwd: cli.cwd, fs: disk, keepTexts: true, load: (abs, o) => parses.load(abs, o) }));
    } catch (err) {
      // a run that cannot be made (no plan files left, an unreadable config) is one line; the watch goes on
      const line = err instanceof UsageError ? `plans: ${err.text[lang]}` : t('watch/error', { message: String((err as Error)?.message ?? err).split('\n')[0] })[lang];
      cli.stderr.write(line + '\n');
    }
    cli.stderr.write(t('watch/watching', { paths: shown })[lang] + '\n');
  };
  return new Promise<number>((resolve) => {
    const watchers = new Map<string, fs.FSWatcher>();
    let timer: NodeJS.Timeout | undefined;
    let ended = false;
    const changed = () => {
      if (ended) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (ended) return;
        watchAll();
        once();
      }, DEBOUNCE_MS);
    };
    const unwatch = (key: string) => {
      const w = watchers.get(key);
      watchers.delete(key);
      try {
        w?.close();
      } catch {
        // closed already
      }
    };
    const watch = (target: string, recursive: boolean, filter: (name: string | null) => boolean) => {
      const key = `${recursive ? 'r' : 'd'}:${target}`;
      if (watchers.has(key)) return true;
      try {
        const w = fs.watch(target, { recursive, persistent: true }, (_event, name) => {
          if (filter(typeof name === 'string' ? path.join(target, name) : null)) changed();
        });
        // a watched folder deleted or moved away: forget it, and look for it again on the next tick
        w.on('error', () => {
          unwatch(key);
          changed();
        });
        watchers.set(key, w);
        return true;
      } catch (err) {
        if (recursive && codeOf(err) === 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM') return watch(target, false, filter);
        return false;
      }
    };
    // YAML files and folders; never a report this watch writes itself (`--out`), which would start it again
    const outs = new Set((opts.out ?? []).filter((o) => o !== '-').map((o) => path.resolve(cli.cwd, o)));
    const relevant = (file: string | null) => file === null || (!outs.has(file) && (/\.ya?ml$/i.test(file) || !path.extname(file)));
    /** Every named path watched, or its nearest existing folder until it exists. */
    const watchAll = () => {
      for (const key of [...watchers.keys()]) if (!fs.existsSync(key.slice(2))) unwatch(key);
      for (const abs of named) {
        let stat: fs.Stats | undefined;
        try {
          stat = fs.statSync(abs);
        } catch {
          stat = undefined;
        }
        if (stat?.isDirectory()) {
          if (NATIVE_RECURSIVE) watch(abs, true, relevant);
          else for (const dir of foldersBelow(abs)) watch(dir, false, relevant);
        } else {
          // a named file is watched through its folder, so that a save by rename (most editors) is seen
          let dir = path.dirname(abs);
          while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
          watch(dir, false, (file) => file === abs || relevant(file));
        }
      }
    };
    const retry = setInterval(() => {
      const before = watchers.size;
      watchAll();
      if (watchers.size !== before) changed();
    }, RETRY_MS);
    const end = () => {
      if (ended) return;
      ended = true;
      if (timer) clearTimeout(timer);
      clearInterval(retry);
      for (const key of [...watchers.keys()]) unwatch(key);
      process.removeListener('SIGINT', end);
      process.removeListener('SIGTERM', end);
      resolve(0);
    };
    process.on('SIGINT', end);
    process.on('SIGTERM', end);
    stop?.addEventListener('abort', end, { once: true });
    watchAll();
    once();
  });
}

