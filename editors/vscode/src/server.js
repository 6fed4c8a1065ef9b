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
 * The section of VS Code's settings the language client sends the server whenever one of them
 * changes (`workspace/didChangeConfiguration` with `{ settings: { grip: { ... } } }`): the server
 * reads `grip.inlayHints.allTotals` from it and asks the editor to show its inlay hints again.
 * The whole section, not one key: the client leaves out a key whose value is `false`.
 */
const SETTINGS_SECTION = 'grip';

/** The settings `grip lsp` reads, besides `grip.lang` (which restarts it). */
const SERVER_SETTINGS = ['inlayHints.allTotals'];

/**
 * The `initializationOptions` of the `initialize` request, from the settings (VS Code's
 * `workspace.getConfiguration('grip')`, or anything with a `get(key)`): `grip.lang` = `en` or
 * `nl` makes the server speak that language, `plan` (the default) leaves it to the plan's own;
 * `grip.inlayHints.allTotals` puts the computed figure beside every printed total, not only
 * beside those that differ.
 *
 * @param {{ get(key: string): unknown }} settings
 * @returns {{ lang?: string, inlayHints: { allTotals: boolean } }}
 */
function initializationOptions(settings) {
  const lang = settings.get('lang');
  const options = lang === 'en' || lang === 'nl' ? { lang } : {};
  return { ...options, inlayHints: { allTotals: settings.get('inlayHints.allTotals') === true } };
}

module.exports = { serverExecutable, initializationOptions, SETTINGS_SECTION, SERVER_SETTINGS };
