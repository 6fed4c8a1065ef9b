// Starts the language server the way the extension does (src/server.js) and checks that it
// answers: initialize (with the options of the settings grip.lang = nl and
// grip.inlayHints.allTotals = true), open a plan with a slip, receive its diagnostics (in
// Dutch) and the computed figure beside every printed total; then change the setting as the
// language client sends it (the section src/server.js names), receive the server's request to
// refresh the inlay hints, and see the figure only beside the total that differs; shut down.
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
const { serverExecutable, initializationOptions, SETTINGS_SECTION, SERVER_SETTINGS } = require('../src/server');
const manifest = require('../package.json');

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

/** Settings as VS Code's `workspace.getConfiguration('grip')` gives them. */
function settings(values) {
  return { get: (key) => values[key] };
}

async function main() {
  // Every setting the server reads is one the extension declares.
  const declared = manifest.contributes.configuration.properties;
  for (const key of SERVER_SETTINGS) {
    const setting = declared[`${SETTINGS_SECTION}.${key}`];
    if (!setting || !setting.markdownDescription) fail(`package.json does not declare ${SETTINGS_SECTION}.${key}`);
  }
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
  let refreshed;
  const refresh = new Promise((resolve) => (refreshed = resolve));
  connection.onRequest('workspace/inlayHint/refresh', () => {
    refreshed();
    return null;
  });
  connection.listen();

  const init = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument: { publishDiagnostics: {} }, workspace: { inlayHint: { refreshSupport: true } } },
    // As with the settings grip.lang = nl (the English plan's diagnostics come in Dutch) and
    // grip.inlayHints.allTotals.
    initializationOptions: initializationOptions(settings({ lang: 'nl', 'inlayHints.allTotals': true })),
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

  // The inlay hints on the total row: with grip.inlayHints.allTotals, beside both printed totals
  // (the one that adds up too); after the setting is turned off, beside the one that differs.
  const hintsOnTotalRow = async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
    const hints = await connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range });
    return (hints || []).filter((h) => h.position.line === 7).map((h) => h.label);
  };
  const all = await hintsOnTotalRow();
  if (all.length !== 2) fail(`grip.inlayHints.allTotals: expected 2 hints on the total row, got ${JSON.stringify(all)}`);
  // What the language client sends when a setting of the section changes.
  connection.sendNotification('workspace/didChangeConfiguration', {
    settings: { [SETTINGS_SECTION]: { lang: 'nl', inlayHints: { allTotals: false } } },
  });
  await refresh;
  const differing = await hintsOnTotalRow();
  if (differing.length !== 1) fail(`after the setting is off: expected 1 hint, got ${JSON.stringify(differing)}`);

  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  const code = await new Promise((resolve) => server.on('exit', resolve));
  clearTimeout(timer);
  connection.dispose();
  if (code !== 0) fail(`grip lsp exited with ${code} after shutdown and exit`);
  process.stdout.write(
    `lsp-smoke: ok: ${found.length} diagnostic(s): ${messages.join('; ')}; ` +
      `hints with grip.inlayHints.allTotals: ${all.join(', ')}; without: ${differing.join(', ')}\n`
  );
}

main().catch((err) => fail(err && err.stack ? err.stack : String(err)));
