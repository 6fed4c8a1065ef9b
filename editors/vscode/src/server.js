// How the extension starts the language server. Kept apart from extension.js (no `vscode`
// import) so that test/lsp-smoke.js starts grip exactly as the extension does.
'use strict';

/**
 * The server to start: `<grip> lsp`, speaking LSP on its stdin and stdout.
 *
 * No `transport` is given on purpose: with `transport: TransportKind.stdio`, the language client
 * appends `--stdio` to the arguments, and `grip lsp` takes no arguments.
 *
 * @param {string} gripPath the grip binary: a name on PATH or a full path
 * @returns {{ command: string, args: string[] }}
 */
function serverExecutable(gripPath) {
  return { command: gripPath, args: ['lsp'] };
}

module.exports = { serverExecutable };
