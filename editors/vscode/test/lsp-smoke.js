// Starts the language server the way the extension does (src/server.js) and checks that it
// answers: initialize (with the options of the setting grip.lang = nl), open a plan with a
// slip, receive its diagnostics (in Dutch), shut down.
//
//   node test/lsp-smoke.js [path/to/grip]
//
// tests/editors.rs runs it with the grip binary cargo built. Exits 0 and prints one line on
// success; exits 1 with the reason otherwise.
'use strict';

const cp = require('child_process');
const path = require('path');
const { pathToFileURL } = require('url');
const rpc = require('vscode-jsonrpc/node');
const { serverExecutable, initializationOptions } = require('../src/server');

const PLAN = [
  'plan "P" {',
  '  period 2021..2024',
  '}',
  'table T "Formatie" in fte {',
  '  columns 2021, 2022',
  '  row a "A" : 1,0 2,0',
  '  row b "B" : 0,5 0,5',
  '  total t "Totaal" = a + b : 1,5 2,4',
  '}',
  '',
].join('\n');

function fail(message) {
  process.stderr.write(`lsp-smoke: ${message}\n`);
  process.exit(1);
}

async function main() {
  const grip = process.argv[2] || 'grip';
  const { command, args } = serverExecutable(grip);
  const server = cp.spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  server.on('error', (err) => fail(`cannot start \`${command} ${args.join(' ')}\`: ${err.message}`));
  const timer = setTimeout(() => fail('no answer within 30 s'), 30000);

  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(server.stdout),
    new rpc.StreamMessageWriter(server.stdin)
  );
  const uri = pathToFileURL(path.join(process.cwd(), 'smoke.plan')).href;
  const diagnostics = new Promise((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      if (params.uri === uri && params.diagnostics.length > 0) resolve(params.diagnostics);
    });
  });
  connection.listen();

  const init = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument: { publishDiagnostics: {} } },
    // As with the setting grip.lang = nl: the English plan's diagnostics come in Dutch.
    initializationOptions: initializationOptions('nl'),
  });
  if (!init || !init.capabilities) fail(`initialize gave no capabilities: ${JSON.stringify(init)}`);
  connection.sendNotification('initialized', {});
  connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'plan', version: 1, text: PLAN },
  });
  const found = await diagnostics;
  const messages = found.map((d) => `${d.range.start.line + 1}: ${d.message}`);
  if (!found.some((d) => d.range.start.line === 7)) {
    fail(`expected a diagnostic on the total row (line 8), got ${JSON.stringify(messages)}`);
  }
  if (!found.some((d) => d.message.includes('klopt niet'))) {
    fail(`grip.lang = nl: expected the diagnostics in Dutch, got ${JSON.stringify(messages)}`);
  }

  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  const code = await new Promise((resolve) => server.on('exit', resolve));
  clearTimeout(timer);
  connection.dispose();
  if (code !== 0) fail(`grip lsp exited with ${code} after shutdown and exit`);
  process.stdout.write(`lsp-smoke: ok: ${found.length} diagnostic(s): ${messages.join('; ')}\n`);
}

main().catch((err) => fail(err && err.stack ? err.stack : String(err)));
