/** The last arrow of the flow: write a report to stdout or, atomically, to a file. */
import fs from 'node:fs';
import path from 'node:path';
import { t } from '../i18n/index.js';
import { UsageError } from '../types.js';
import { codeOf } from '../load/discover.js';
import type { CliEnv } from './env.js';

/**
 * Writes `content` to `out` (temporary file, then rename, so no partial file is left on failure),
 * or to stdout without `out`. Refuses to write onto a file that was read as input.
 */
export function writeOutput(cli: CliEnv, content: string | Uint8Array, out: string | undefined, inputs: Iterable<string> = []): void {
  if (out === undefined) {
    cli.stdout.write(content);
    return;
  }
  const abs = path.resolve(cli.cwd, out);
  const real = realOrSelf(abs);
  for (const input of inputs) {
    if (realOrSelf(input) === real) throw new UsageError(t('cli/out-is-input', { path: out }));
  }
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, abs);
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing was left to remove
    }
    throw new UsageError(t('cli/out-failed', { path: out, code: codeOf(err) }));
  }
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
