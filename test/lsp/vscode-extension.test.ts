/**
 * editors/vscode: the extension, loaded with stand-ins for the `vscode` and `vscode-languageclient`
 * modules (neither is installed here: VS Code provides the one, the extension's own install the
 * other), starts the workspace's node_modules/.bin/plans, else `plans` on the PATH; the command it
 * builds, run as the client runs it (`--stdio` appended), answers initialize.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { bin, root } from './client.js';

const extensionDir = path.join(root, 'editors/vscode');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

interface Built {
  id: string;
  server: { run: { command: string; args: string[]; transport: number; options: { cwd?: string } } };
  client: { documentSelector: { scheme: string; language: string }[]; initializationOptions: Record<string, unknown> };
}

/** Loads extension.js with stand-ins and activates it in a workspace of `folder`; returns what it handed to LanguageClient. */
async function activateIn(folder: string, settings: Record<string, string> = {}): Promise<{ built: Built[]; extension: any }> {
  const built: Built[] = [];
  const vscode = {
    workspace: {
      workspaceFolders: [{ uri: { fsPath: folder } }],
      getConfiguration: () => ({ get: (key: string) => settings[key] ?? '' }),
      createFileSystemWatcher: (glob: string) => ({ glob }),
      onDidChangeConfiguration: () => ({ dispose() {} }),
    },
    commands: { registerCommand: () => ({ dispose() {} }), executeCommand: async () => undefined },
  };
  class LanguageClient {
    constructor(id: string, _name: string, server: Built['server'], client: Built['client']) {
      built.push({ id, server, client });
    }
    async start() {}
    async stop() {}
  }
  const languageclient = { LanguageClient, TransportKind: { stdio: 0, ipc: 1 } };
  const original = (Module as any)._load;
  (Module as any)._load = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return vscode;
    if (request === 'vscode-languageclient/node') return languageclient;
    return original.call(this, request, ...rest);
  };
  try {
    const require = createRequire(path.join(extensionDir, 'extension.js'));
    delete require.cache[require.resolve('./extension.js')];
    const extension = require('./extension.js');
    await extension.activate({ subscriptions: [] });
    return { built, extension };
  } finally {
    (Module as any)._load = original;
  }
}

describe('editors/vscode', () => {
  it('is a package of its own: vscode-languageclient is its dependency, not the CLI’s; every setting is worded in both languages', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('./extension.js');
    expect(pkg.dependencies['vscode-languageclient']).toBeDefined();
    const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect({ ...rootPkg.dependencies, ...rootPkg.devDependencies }['vscode-languageclient']).toBeUndefined();
    const keys = [...JSON.stringify(pkg).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(fs.readFileSync(path.join(extensionDir, file), 'utf8'));
      expect(Object.keys(nls).sort()).toEqual([...new Set(keys)].sort());
    }
  });

  it('starts the workspace’s node_modules/.bin/plans with `lsp` over stdio, else plans on the PATH, else the configured command', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-vscode-'));
    made.push(folder);
    const none = await activateIn(folder);
    expect(none.built[0].server.run.command).toBe('plans');
    fs.mkdirSync(path.join(folder, 'node_modules/.bin'), { recursive: true });
    fs.symlinkSync(bin, path.join(folder, 'node_modules/.bin/plans'));
    const { built } = await activateIn(folder, { lang: 'zh' });
    expect(built).toHaveLength(1);
    const { server, client } = built[0];
    expect(server.run).toMatchObject({ command: path.join(folder, 'node_modules/.bin/plans'), args: ['lsp'], transport: 0 });
    expect(client.documentSelector).toEqual([{ scheme: 'file', language: 'yaml' }]);
    expect(client.initializationOptions).toEqual({ lang: 'zh' });
    expect((await activateIn(folder, { path: '/opt/plans/bin/plans' })).built[0].server.run.command).toBe('/opt/plans/bin/plans');

    // run as vscode-languageclient runs an Executable with TransportKind.stdio: the args, then --stdio
    const child = spawn(server.run.command, [...server.run.args, '--stdio'], { cwd: folder, stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      const result: any = await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}, initializationOptions: client.initializationOptions });
      expect(result.capabilities.completionProvider).toBeDefined();
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect(code).toBe(0);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
