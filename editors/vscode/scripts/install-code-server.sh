#!/usr/bin/env sh
# Installs code-server (VS Code in the browser) from the npm registry into PREFIX, for
# `npm run screenshot`, without fetching anything from outside the npm registry and Debian:
#
#   sh scripts/install-code-server.sh ~/code-server
#   CODE_SERVER=~/code-server/node_modules/.bin/code-server npm run screenshot
#
# code-server's own install script fetches ripgrep from GitHub, so this does its steps by hand:
# the packages without their scripts, then the native modules built from source, and ripgrep
# from Debian. Needs Node.js 20 (code-server 4.100 wants it), a C++ compiler and, on Debian,
# ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config. Not run by CI.
set -eu

VERSION=4.100.3
PREFIX=${1:?usage: install-code-server.sh PREFIX}
RG=$(command -v rg) || { echo "install-code-server: ripgrep (rg) is needed: apt-get install ripgrep" >&2; exit 1; }

mkdir -p "$PREFIX"
cd "$PREFIX"
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION"
# argon2 (code-server's password hashing) has no prebuilt binary for us: build it.
npm_config_build_from_source=true npm rebuild argon2

cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts
# VS Code's native modules, built with node-gyp (fetched by npx from the npm registry).
npm_config_yes=true npm rebuild \
  kerberos @parcel/watcher @vscode/deviceid @vscode/spdlog native-watchdog node-pty
# ripgrep from Debian where @vscode/ripgrep would download it.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn "$RG" node_modules/@vscode/ripgrep/bin/rg
# What code-server's postinstall.sh does after installing.
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts)

cd "$PREFIX"
XDG_CONFIG_HOME="$PREFIX/config" ./node_modules/.bin/code-server --version
