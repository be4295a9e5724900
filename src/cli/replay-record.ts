/**
 * Records a `plans lint --cache` run for replay.ts: every environment variable it looks at, every
 * file beside the repository it reads, and everything it writes, so that the same call with
 * nothing changed can be answered without loading plans. A run that lists the whole environment,
 * writes bytes rather than text, or writes more than a cache should hold is not kept.
 */
import type { Replay } from '../engine/stamps.js';
import { stampOrMissing } from '../engine/stamps.js';
import type { CliEnv } from './env.js';
import { nodeStampFs } from './replay-key.js';

/** Past this much output, the run is not kept (its findings still are). */
const MAX_REPLAY_CHARS = 4 * 1024 * 1024;

type Writable = CliEnv['stdout'] & { destroyed?: boolean; writableEnded?: boolean };

export class RunRecorder {
  /** The environment to run with: the same, seen through the recorder. */
  readonly cli: CliEnv;
  readonly #env = new Map<string, string | null>();
  readonly #writes: [1 | 2, string][] = [];
  readonly #files = new Set<string>();
  #chars = 0;
  #keepable = true;

  constructor(base: CliEnv) {
    const seen = this.#env;
    const note = (key: string | symbol) => {
      if (typeof key === 'string' && !seen.has(key)) {
        const value = base.env[key];
        seen.set(key, typeof value === 'string' ? value : null);
      }
    };
    const refuse = () => {
      this.#keepable = false;
    };
    const env = new Proxy(base.env, {
      get: (target, key) => (note(key), Reflect.get(target, key)),
      has: (target, key) => (note(key), Reflect.has(target, key)),
      getOwnPropertyDescriptor: (target, key) => (note(key), Reflect.getOwnPropertyDescriptor(target, key)),
      // the whole environment looked at (or changed): nothing short of it would tell the run
      ownKeys: (target) => (refuse(), Reflect.ownKeys(target)),
      set: (target, key, value) => (refuse(), Reflect.set(target, key, value)),
      deleteProperty: (target, key) => (refuse(), Reflect.deleteProperty(target, key)),
      defineProperty: (target, key, desc) => (refuse(), Reflect.defineProperty(target, key, desc)),
    });
    this.cli = { ...base, env, stdout: this.#stream(base.stdout as Writable, 1), stderr: this.#stream(base.stderr as Writable, 2) };
  }

  /** A file beside the repository that the run read (or looked for). */
  read(abs: string): void {
    this.#files.add(abs);
  }

  /** What was recorded, with how the run was called and what it found; undefined when it cannot be kept. */
  replay(call: string, tool: string, facts: string, code: number, failed: string): Replay | undefined {
    if (!this.#keepable) return undefined;
    return {
      call,
      tool,
      env: [...this.#env],
      facts,
      files: [...this.#files].map((abs) => stampOrMissing(abs, nodeStampFs)).join('\n'),
      writes: this.#writes.map(([fd, text]) => [fd, text]),
      code,
      failed,
    };
  }

  #stream(target: Writable, fd: 1 | 2): CliEnv['stdout'] {
    const note = (chunk: unknown) => {
      if (typeof chunk !== 'string') this.#keepable = false;
      else if ((this.#chars += chunk.length) > MAX_REPLAY_CHARS) this.#keepable = false;
      else this.#writes.push([fd, chunk]);
    };
    const stream = {
      get isTTY() {
        return target.isTTY;
      },
      get columns() {
        return target.columns;
      },
      get destroyed() {
        return target.destroyed;
      },
      get writableEnded() {
        return target.writableEnded;
      },
      write(chunk: unknown, ...rest: unknown[]) {
        note(chunk);
        return (target.write as (...args: unknown[]) => boolean).call(target, chunk, ...rest);
      },
    };
    return stream as unknown as CliEnv['stdout'];
  }
}
