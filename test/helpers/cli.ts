/** Runs the CLI in-process with captured output, as a user at `cwd` would. */
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Catalog } from '../../src/i18n/index.js';
import type { CliEnv } from '../../src/cli/env.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** `runCli(['lint', 'examples/zhejiang-2022'], {cwd})`; env defaults to English, no colour. */
export async function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; messages?: Readonly<Catalog>; engine?: CliEnv['engine'] } = {}): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(['node', 'plans', ...args], {
    cwd: opts.cwd ?? process.cwd(),
    env: { LANG: 'en_US.UTF-8', ...(opts.env ?? {}) },
    stdout,
    stderr,
    ...(opts.messages ? { messages: opts.messages } : {}),
    ...(opts.engine ? { engine: opts.engine } : {}),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
