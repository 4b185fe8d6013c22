#!/usr/bin/env bash
# Installs the Debian packages the test suite drives: Chromium (the real-editor tests), Neovim and Emacs (more real LSP
# clients), strace (the no-network proof), ripgrep, git and pre-commit (the history scans and the hook test),
# libkrb5-dev and a C++ toolchain (code-server's install builds native modules). Idempotent; as root with apt-get it
# installs what is missing, elsewhere it names what is missing and leaves the choice to you.
set -euo pipefail
packages=(chromium neovim emacs-nox elpa-eglot strace ripgrep pre-commit git libkrb5-dev python3 make g++)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing system packages: ${missing[*]} (install them with your package manager; the tests that need them will fail)" >&2
fi
