// The VS Code client of `plans lsp`: starts the workspace's own `plans` (node_modules/.bin), else
// the one on the PATH, over stdio, for the YAML files of the workspace. Diagnostics, definition,
// references, hover, completion of ids and quick fixes all come from the server; the YAML
// extension (yaml-language-server) keeps key completion and the schema's hover texts.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The command that starts the server: the `plans.path` setting, the workspace's install, else `plans` on the PATH. */
function serverCommand(folders, configured, platform = process.platform, exists = fs.existsSync) {
  if (configured) return configured;
  const name = platform === 'win32' ? 'plans.cmd' : 'plans';
  for (const folder of folders) {
    const bin = path.join(folder, 'node_modules', '.bin', name);
    if (exists(bin)) return bin;
  }
  return 'plans';
}

function makeClient() {
  const config = vscode.workspace.getConfiguration('plans');
  const folders = (vscode.workspace.workspaceFolders || []).map((f) => f.uri.fsPath);
  const command = serverCommand(folders, config.get('path'));
  // a .cmd shim (Windows) runs through the shell; TransportKind.stdio adds `--stdio`
  const executable = { command, args: ['lsp'], transport: TransportKind.stdio, options: { shell: process.platform === 'win32', cwd: folders[0] } };
  const initializationOptions = {};
  if (config.get('lang')) initializationOptions.lang = config.get('lang');
  if (config.get('baseline')) initializationOptions.baseline = config.get('baseline');
  return new LanguageClient(
    'plans',
    'plans',
    { run: executable, debug: executable },
    {
      documentSelector: [{ scheme: 'file', language: 'yaml' }],
      // files changed outside the editor (git checkout, another tool) are read again
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}') },
      initializationOptions,
    },
  );
}

async function activate(context) {
  client = makeClient();
  context.subscriptions.push(
    vscode.commands.registerCommand('plans.restart', async () => {
      if (client) await client.stop();
      client = makeClient();
      await client.start();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('plans')) void vscode.commands.executeCommand('plans.restart');
    }),
  );
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, serverCommand };
