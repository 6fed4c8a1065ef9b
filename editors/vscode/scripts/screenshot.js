// Makes images/leudal.png, the picture of VS Code in editors/README.md: the packaged extension
// installed into code-server (VS Code in the browser), examples/leudal.plan open with grip's
// diagnostics in the editor and the Problems panel, and the hover on a total that does not add
// up. Run it from editors/vscode:
//
//   npm run screenshot
//
// It needs, besides `npm ci`:
// - code-server (VS Code for the browser, from the npm registry), on PATH or named by the
//   environment variable CODE_SERVER; scripts/install-code-server.sh installs it:
//     sh scripts/install-code-server.sh ~/code-server
//     CODE_SERVER=~/code-server/node_modules/.bin/code-server npm run screenshot
// - Chromium (/usr/bin/chromium, or CHROMIUM), driven by playwright-core;
// - grip: GRIP, else target/release/grip of this repository, else `grip` on PATH.
//
// Not part of CI: code-server is a large download and build, and a picture is for a person to
// look at. The script fails, saying why, when something is missing or VS Code shows no
// diagnostics from grip.
'use strict';

const cp = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const HERE = path.resolve(__dirname, '..');
const REPO = path.resolve(HERE, '..', '..');
const PLAN_DIR = path.join(REPO, 'examples');
const PLAN = 'leudal.plan';
const OUT = path.join(HERE, 'images', 'leudal.png');
// The line (1-based) and text of the total whose hover the picture shows.
const HOVER_LINE = 282;
const HOVER_TEXT = '688.805';

function fail(message) {
  process.stderr.write(`screenshot: ${message}\n`);
  process.exit(1);
}

function say(message) {
  process.stdout.write(`screenshot: ${message}\n`);
}

/** The first of `candidates` that is a file, else a name found on PATH, else undefined. */
function findProgram(candidates, name) {
  for (const c of candidates) {
    if (c && fs.existsSync(c)) return path.resolve(c);
  }
  const found = cp.spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** A free TCP port on the loopback address. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHttp(url, child, seconds) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) fail(`code-server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch (_) {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`code-server did not answer at ${url} within ${seconds} s`);
}

async function main() {
  const codeServer = findProgram([process.env.CODE_SERVER], 'code-server');
  if (!codeServer) fail('code-server not found: install it (see the top of this script) or set CODE_SERVER');
  const browser = findProgram([process.env.CHROMIUM, '/usr/bin/chromium'], 'chromium');
  if (!browser) fail('Chromium not found: apt-get install chromium, or set CHROMIUM');
  const grip = findProgram([process.env.GRIP, path.join(REPO, 'target', 'release', 'grip')], 'grip');
  if (!grip) fail('grip not found: cargo build --release, or set GRIP');
  say(`code-server ${codeServer}, chromium ${browser}, grip ${grip}`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'grip-screenshot-'));
  // Removed however the script ends (fail() exits at once).
  process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
  const vsix = path.join(work, 'grip-plan.vsix');
  const packaged = cp.spawnSync('npm', ['run', 'package', '--', '--out', vsix], { cwd: HERE, stdio: 'inherit' });
  if (packaged.status !== 0) fail('npm run package failed');

  const userData = path.join(work, 'user-data');
  const extensions = path.join(work, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'grip.path': grip,
        'workbench.colorTheme': 'Default Light Modern',
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'editor.minimap.enabled': false,
        'editor.fontSize': 14,
        'editor.hover.delay': 100,
        'editor.inlayHints.enabled': 'on',
        'chat.disableAIFeatures': true,
        'git.enabled': false,
        'git.openRepositoryInParentFolders': 'never',
      },
      null,
      2
    )
  );
  const common = ['--config', path.join(work, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensions];
  // code-server keeps everything in the work folder, nothing in the user's home.
  const env = {
    ...process.env,
    PATH: `${path.dirname(grip)}:${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(work, 'config'),
    XDG_DATA_HOME: path.join(work, 'data'),
    XDG_CACHE_HOME: path.join(work, 'cache'),
  };
  const installed = cp.spawnSync(codeServer, [...common, '--install-extension', vsix], { stdio: 'inherit', env });
  if (installed.status !== 0) fail('code-server could not install the .vsix');

  const port = await freePort();
  const server = cp.spawn(
    codeServer,
    [...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
      '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', PLAN_DIR],
    { stdio: ['ignore', 'pipe', 'pipe'], env }
  );
  let serverLog = '';
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  const stop = () => {
    if (server.exitCode === null) server.kill();
  };
  process.on('exit', stop);

  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(PLAN_DIR)}`;
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, server, 60);
  say(`code-server at ${url}`);

  const chrome = await chromium.launch({ executablePath: browser, args: ['--no-sandbox'] });
  try {
    const page = await chrome.newPage({ viewport: { width: 1500, height: 940 }, deviceScaleFactor: 1 });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForTimeout(3000);

    // Open the plan with Quick Open.
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { timeout: 20000 });
    await page.keyboard.type(PLAN);
    await page.waitForTimeout(1000);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 20000 });

    // The Problems panel open and the sidebar closed; then the total that does not add up, in
    // the middle of the editor.
    await page.keyboard.press('Control+B');
    await page.keyboard.press('Control+Shift+M');
    await page.waitForTimeout(1000);
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.press('Control+G');
    await page.keyboard.type(String(HOVER_LINE));
    await page.keyboard.press('Enter');

    // grip's diagnostics: red squiggles in the editor.
    try {
      await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 60000 });
    } catch (_) {
      const shot = path.join(os.tmpdir(), 'grip-screenshot-failed.png');
      await page.screenshot({ path: shot });
      fail(`VS Code shows no diagnostics from grip within 60 s (the page: ${shot})\n${serverLog.slice(-3000)}`);
    }

    // The hover over the printed total.
    await page.waitForTimeout(1500);
    const line = page.locator('.monaco-editor .view-line', { hasText: HOVER_TEXT }).first();
    const figure = line.locator('span', { hasText: HOVER_TEXT }).last();
    await figure.hover();
    try {
      await page.waitForSelector('.monaco-hover .hover-contents, .monaco-hover .hover-row', { timeout: 15000 });
    } catch (_) {
      fail('no hover appeared over the total');
    }
    await page.waitForTimeout(1500);
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT });
    say(`wrote ${path.relative(process.cwd(), OUT)}`);
  } finally {
    await chrome.close();
    stop();
  }
}

main().catch((err) => fail(err && err.stack ? err.stack : String(err)));
