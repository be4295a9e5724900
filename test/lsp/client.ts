/**
 * An editor for the tests: `node bin/plans.js lsp --stdio` in a child process, spoken to with
 * vscode-jsonrpc as VS Code's client does. Every wait is bounded; `close` ends the process.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';

export const root = path.resolve(__dirname, '../..');
export const bin = path.join(root, 'bin/plans.js');
export const WAIT_MS = 15_000;

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
}
interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/** The position of the `occurrence`-th `needle` in `text` (plus `delta` characters), as LSP counts (UTF-16, 0-based). */
export function positionOf(text: string, needle: string, occurrence = 0, delta = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not found`);
  }
  return positionAt(text, at + delta);
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** The range of the `occurrence`-th `needle`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  const start = positionOf(text, needle, occurrence);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const offset = (p: Position) => {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    return starts[p.line] + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** Writes files under a fresh folder (of the run's temporary folder) and returns it. */
export function makeRepo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

export class Editor {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  readonly published = new Map<string, Published[]>();
  stderr = '';
  /** How many times the server asked a pulling client to pull again. */
  refreshes = 0;
  readonly #versions = new Map<string, number>();
  readonly #texts = new Map<string, string>();
  #waiters: (() => void)[] = [];

  constructor(
    readonly dir: string,
    args: string[] = ['lsp', '--stdio'],
    env: Record<string, string> = {},
  ) {
    this.child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, LANG: 'en_US.UTF-8', PLANS_LANG: '', ...env }, stdio: 'pipe' });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      for (const w of this.#waiters.splice(0)) w();
    });
    this.connection.onNotification('window/logMessage', () => {});
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      for (const w of this.#waiters.splice(0)) w();
      return null;
    });
    this.connection.listen();
  }

  async initialize(capabilities: Record<string, unknown> = {}, initializationOptions?: unknown, locale?: string): Promise<any> {
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.dir).href,
      workspaceFolders: [{ uri: pathToFileURL(this.dir).href, name: 'repo' }],
      capabilities,
      initializationOptions,
      ...(locale ? { locale } : {}),
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  uri(rel: string): string {
    return pathToFileURL(path.join(this.dir, rel)).href;
  }

  text(rel: string): string {
    return this.#texts.get(rel) ?? fs.readFileSync(path.join(this.dir, rel), 'utf8');
  }

  async open(rel: string, text = fs.readFileSync(path.join(this.dir, rel), 'utf8')): Promise<void> {
    this.#versions.set(rel, 1);
    this.#texts.set(rel, text);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(rel), languageId: 'yaml', version: 1, text } });
  }

  /** Replaces the whole text (a full change). */
  async change(rel: string, text: string): Promise<number> {
    const version = (this.#versions.get(rel) ?? 1) + 1;
    this.#versions.set(rel, version);
    this.#texts.set(rel, text);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(rel), version }, contentChanges: [{ text }] });
    return version;
  }

  async close(rel: string): Promise<void> {
    this.#texts.delete(rel);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(rel) } });
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return withTimeout(this.connection.sendRequest(method, params) as Promise<T>, `${method}`);
  }

  /** Waits for diagnostics of `rel` (of `version`, when given) that satisfy `test`; resolves with them. */
  async diagnostics(rel: string, test: (d: Diagnostic[]) => boolean = () => true, version?: number): Promise<Diagnostic[]> {
    const uri = this.uri(rel);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const list = this.published.get(uri) ?? [];
      const last = list[list.length - 1];
      if (last && (version === undefined || last.version === version) && test(last.diagnostics)) return last.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${rel} as expected; last: ${JSON.stringify(last)}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the server has asked to pull again more than `count` times. */
  async refreshed(count: number): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (this.refreshes <= count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no workspace/diagnostic/refresh after ${count}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async shutdown(): Promise<number | null> {
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 'shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // the process may be gone already
    }
    const code = await new Promise<number | null>((resolve) => {
      if (this.child.exitCode !== null) return resolve(this.child.exitCode);
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve(null);
      }, 5000);
      this.child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    this.connection.dispose();
    return code;
  }
}

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer in ${WAIT_MS} ms`)), WAIT_MS);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
