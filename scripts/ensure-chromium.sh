#!/usr/bin/env bash
# Installs Debian's Chromium for browser tests when it is missing. Playwright's own browser download does not work
# on these machines, so tests use /usr/bin/chromium through playwright-core (or CHROMIUM_PATH when set).
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Chromium is missing; install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH)" >&2
  exit 1
fi
echo "Installing Debian chromium for browser tests..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
