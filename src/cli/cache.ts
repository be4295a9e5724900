/**
 * `plans lint --cache`: the results cache file (engine/cache.ts holds what it keeps). The file is
 * ours only when it starts with the cache's first line: anything else at that place is the user's
 * and is neither read as a cache nor overwritten.
 */
import path from 'node:path';
import { ResultsCache } from '../engine/cache.js';
import { t, type Lang } from '../i18n/index.js';
import { readRegularFile, refusal } from '../load/regular.js';
import { UsageError } from '../types.js';
import type { CliEnv } from './env.js';
import { writeOutput } from './output.js';
import { packageFile } from './schema.js';
import { toolBuild } from './replay-key.js';

export { DEFAULT_CACHE_LOCATION } from '../engine/stamps.js';
/** A cache holds a few runs' findings and file lists: past this it is not one of ours. */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

/** The cache at `location` (relative to cwd), empty when there is none yet; a file that is not a cache is a usage error. */
export function openCache(location: string, cli: CliEnv): { results: ResultsCache; tool: string } {
  const abs = path.resolve(cli.cwd, location);
  let results: ResultsCache | undefined;
  let text: string | undefined;
  try {
    text = readRegularFile(abs, MAX_CACHE_BYTES).toString('utf8');
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOENT') throw new UsageError(refusal('cache/missing', location, err));
  }
  if (text === undefined) results = ResultsCache.empty();
  else results = ResultsCache.parse(text);
  if (!results) throw new UsageError(t('cache/not-ours', { path: location }));
  return { results, tool: toolBuild(packageFile()) };
}

/** Writes the cache back when the run stored something; a failure is one line on stderr and changes no result. */
export function saveCache(results: ResultsCache, location: string, inputs: readonly string[], cli: CliEnv, lang: Lang): void {
  if (!results.changed) return;
  // the cache never replaces a file the run read; only one of the same name can be it (or a link to it)
  const name = path.basename(location);
  try {
    writeOutput(cli, results.serialize(), location, inputs.filter((p) => path.basename(p) === name));
  } catch (err) {
    const reason = err instanceof UsageError ? err.text[lang] : String((err as { code?: string }).code ?? err);
    cli.stderr.write(t('cache/not-written', { path: location, reason })[lang] + '\n');
  }
}
