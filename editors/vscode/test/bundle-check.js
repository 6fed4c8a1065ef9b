// Checks that dist/extension.js (from `npm run build`) is the whole client: it loads from a
// folder with no node_modules, asking only for `vscode` and Node's own modules, and exports
// the extension's `activate` and `deactivate`.
//
//   node test/bundle-check.js
//
// tests/editors.rs runs it after packaging. Exits 0 and prints one line on success; exits 1
// with the reason otherwise.
'use strict';

const fs = require('fs');
const Module = require('module');
const os = require('os');
const path = require('path');

function fail(message) {
  process.stderr.write(`bundle-check: ${message}\n`);
  process.exit(1);
}

const bundle = path.join(__dirname, '..', 'dist', 'extension.js');
if (!fs.existsSync(bundle)) fail(`${bundle} is missing: run \`npm run build\``);

// A copy far from editors/vscode/node_modules, so that a require the bundle left out fails.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grip-bundle-'));
const copy = path.join(dir, 'extension.js');
fs.copyFileSync(bundle, copy);

// `vscode` exists only inside VS Code: a stand-in whose every member, at any depth, is a class
// (the language client extends a few of VS Code's classes while it loads). It says it is an ES
// module, so that TypeScript's `import * as code` helper uses it as it is instead of copying
// its (unknown) members.
function standIn() {
  const members = new Map();
  return new Proxy(class {}, {
    get(target, name) {
      if (name === 'prototype') return target.prototype;
      if (name === '__esModule') return true;
      if (typeof name !== 'string' || name === 'then') return undefined;
      if (!members.has(name)) members.set(name, standIn());
      return members.get(name);
    },
  });
}
const stub = standIn();
const asked = new Set();
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (parent && parent.filename === copy) asked.add(request);
  if (request === 'vscode') return stub;
  return load.call(this, request, parent, isMain);
};

let extension;
try {
  extension = require(copy);
} catch (err) {
  fail(`the bundle does not load on its own: ${err && err.message}`);
} finally {
  Module._load = load;
  fs.rmSync(dir, { recursive: true, force: true });
}

const builtins = new Set(Module.builtinModules);
const foreign = [...asked].filter((r) => r !== 'vscode' && !builtins.has(r.replace(/^node:/, '')));
if (foreign.length > 0) fail(`the bundle requires modules it should hold: ${foreign.join(', ')}`);
for (const name of ['activate', 'deactivate']) {
  if (typeof extension[name] !== 'function') fail(`the bundle does not export ${name}()`);
}
if (!asked.has('vscode')) fail('the bundle never asks for vscode: is it the extension?');
process.stdout.write(`bundle-check: ok: requires only ${[...asked].sort().join(', ')}\n`);
