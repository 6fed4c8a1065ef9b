// The grip extension: starts the language server `grip lsp` for .plan documents.
//
// Plain JavaScript (CommonJS). `npm run build` bundles it with the language client into
// dist/extension.js, the one file the packaged extension runs. The server is the `grip` binary:
// the setting `grip.path` says which one (a name on PATH by default), `grip.lang` the language
// it speaks (the plan's own by default), and `grip.inlayHints.allTotals` whether the computed
// figure stands beside every printed total or only beside those that differ. Highlighting, brackets and snippets work
// without it.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { serverExecutable, initializationOptions, SETTINGS_SECTION } = require('./server');

/** @type {LanguageClient | undefined} */
let client;

/** The binary to start, from the setting `grip.path` (default `grip`). */
function gripPath() {
  const configured = vscode.workspace.getConfiguration('grip').get('path');
  return typeof configured === 'string' && configured.trim() !== '' ? configured.trim() : 'grip';
}

async function startClient(context) {
  const command = gripPath();
  /** @type {import('vscode-languageclient/node').ServerOptions} */
  const serverOptions = { run: serverExecutable(command), debug: serverExecutable(command) };
  /** @type {import('vscode-languageclient/node').LanguageClientOptions} */
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plan' },
      { scheme: 'untitled', language: 'plan' },
    ],
    initializationOptions: initializationOptions(vscode.workspace.getConfiguration('grip')),
    // A change of a grip setting is sent to the server, which shows it at once (it asks for the
    // inlay hints and code lenses again). The server itself asks VS Code to watch the plans, so
    // that a change of an included file on disk re-checks the plans that include it.
    synchronize: { configurationSection: SETTINGS_SECTION },
  };
  client = new LanguageClient('grip', 'grip language server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    vscode.window.showErrorMessage(
      `grip: could not start \`${command} lsp\` (${message}). ` +
        'Install grip, or set `grip.path` to the grip binary.'
    );
  }
}

async function stopClient() {
  if (client) {
    const running = client;
    client = undefined;
    try {
      await running.stop();
    } catch (_) {
      // The server may already have exited.
    }
  }
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('grip.path') || event.affectsConfiguration('grip.lang')) {
        await stopClient();
        await startClient(context);
      }
    }),
    vscode.commands.registerCommand('grip.restartServer', async () => {
      await stopClient();
      await startClient(context);
    })
  );
  await startClient(context);
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate };
