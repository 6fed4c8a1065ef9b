// How the extension starts the language server and what it tells it. Kept apart from
// extension.js (no `vscode` import) so that test/lsp-smoke.js starts grip exactly as the
// extension does.
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

/**
 * The `initializationOptions` of the `initialize` request for the setting `grip.lang`: `en` or
 * `nl` makes the server speak that language; `plan` (the default) leaves it to the plan's own.
 *
 * @param {unknown} lang the setting's value
 * @returns {{ lang?: string }}
 */
function initializationOptions(lang) {
  return lang === 'en' || lang === 'nl' ? { lang } : {};
}

module.exports = { serverExecutable, initializationOptions };
