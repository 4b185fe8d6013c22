#!/usr/bin/env bash
# Installs code-server (a real VS Code, served to a browser) into a cache folder outside the repository, so the
# extension's own `npm ci` stays fast. Safe to run again: returns at once when the install is already complete.
#
# Usage: test/vscode/install-code-server.sh      prints the code-server executable path on its last line
# Env:   PLAID_LENS_CACHE  cache root (default: $HOME/.cache/plaid-lens)
set -euo pipefail

# 4.100.3 is VS Code 1.100.3: the last release whose engines allow Node 20, and our `engines.vscode` floor.
readonly CODE_SERVER_VERSION="4.100.3"
readonly RIPGREP_CACHE_VERSION="1.15.11"
readonly RIPGREP_ARCHIVE="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
cache_root="${PLAID_LENS_CACHE:-$HOME/.cache/plaid-lens}"
install_dir="$cache_root/code-server-$CODE_SERVER_VERSION"
bin="$install_dir/node_modules/.bin/code-server"
stamp="$install_dir/.installed"

log() { printf 'install-code-server: %s\n' "$*" >&2; }

have_system_packages() {
  command -v rg >/dev/null 2>&1 \
    && command -v chromium >/dev/null 2>&1 \
    && [ -f /usr/include/gssapi/gssapi.h ]
}

# kerberos compiles against gssapi.h; ripgrep replaces the binary @vscode/ripgrep would download; chromium drives
# the workbench.
install_system_packages() {
  if have_system_packages; then
    return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    log "need root to apt-get install libkrb5-dev ripgrep chromium (or install them first)"
    exit 1
  fi
  log "installing libkrb5-dev ripgrep chromium with apt-get"
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libkrb5-dev ripgrep chromium >&2
}

# @vscode/ripgrep's postinstall looks in this cache before GitHub, so Debian's rg stands in for the download.
seed_ripgrep_cache() {
  local dir="$TMPDIR/vscode-ripgrep-cache-$RIPGREP_CACHE_VERSION"
  mkdir -p "$dir"
  if [ ! -s "$dir/$RIPGREP_ARCHIVE" ]; then
    tar czf "$dir/$RIPGREP_ARCHIVE" -C "$(dirname "$(command -v rg)")" rg
  fi
}

install_code_server() {
  log "installing code-server $CODE_SERVER_VERSION into $install_dir (about 1.5 min)"
  rm -rf "$install_dir"
  mkdir -p "$install_dir"
  printf '{ "name": "plaid-lens-code-server", "private": true }\n' > "$install_dir/package.json"
  # unsafe_perm: postinstall refuses root; nodedir: node-gyp must not download headers; yes: node-pty runs `npx`.
  # dangerously_allow_all_scripts: newer npm 11 skips dependency install scripts unless package.json approves them,
  # and code-server's postinstall runs two nested `npm install`s (VS Code's native modules) in its own folders, which
  # no approval of ours can reach; an environment variable does. Scoped to this one pinned install.
  # Node's headers live beside its binary: /usr for Debian's node, /usr/local for the official builds.
  local node_prefix
  node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
  (
    cd "$install_dir"
    npm_config_unsafe_perm=true npm_config_nodedir="$node_prefix" npm_config_yes=true \
      npm_config_dangerously_allow_all_scripts=true \
      npm install --no-save --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >&2
  )
  if ! install_is_complete; then
    log "npm install finished but code-server's postinstall did not complete (see the npm output above)"
    exit 1
  fi
  touch "$stamp"
}

# The postinstall links node_modules.asar only after VS Code's own dependencies installed; a blocked or failed
# postinstall leaves code-server present but unable to start an extension host.
install_is_complete() {
  local vscode_dir="$install_dir/node_modules/code-server/lib/vscode"
  [ -x "$bin" ] \
    && [ -e "$vscode_dir/node_modules.asar" ] \
    && [ -d "$vscode_dir/extensions/node_modules" ] \
    && [ -d "$vscode_dir/node_modules/node-pty/build" ]
}

main() {
  # Checked on every run: a machine can keep the cache folder and still lack Chromium.
  install_system_packages
  if [ -f "$stamp" ] && [ -x "$bin" ]; then
    echo "$bin"
    return
  fi
  export TMPDIR="${TMPDIR:-/tmp}"
  seed_ripgrep_cache
  install_code_server
  echo "$bin"
}

main "$@"
