#!/usr/bin/env bash
# `pnpm test:react18`: the Vitest project `react` (hooks and components, through the real SDKs against local-ably, in
# jsdom) against React 18.3 instead of the workspace's React 19. React 18 and the libraries that import React are
# installed together into a scratch folder (not the workspace, whose React 19 would satisfy their peers) and aliased in
# by vitest.config.ts when PK_REACT_18 is set. Extra arguments go to Vitest (e.g. a test file).
set -euo pipefail
cd "$(dirname "$0")/.."

dir="$PWD/node_modules/.cache/react18"
if [ ! -f "$dir/node_modules/@ably/chat/package.json" ]; then
  mkdir -p "$dir"
  echo '{ "private": true }' >"$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --no-package-lock --loglevel=error react@18.3.1 react-dom@18.3.1 \
    @testing-library/react@^16.3.3 @testing-library/dom@^10.4.2 @tanstack/react-query@^5.108.0 @tanstack/react-virtual@^3.14.26 \
    @ably/chat@1.4.0 ably@2.28.0
fi

PK_REACT_18="$dir/node_modules" npx vitest run --project react "$@"
