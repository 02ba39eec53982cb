#!/usr/bin/env bash
# Bundle the chat page's one third-party file: the socket.io browser client (MIT), from the npm
# registry, pinned by web/package-lock.json, copied to web/public/vendor/ (git-ignored; no CDN
# at run time). Skipped when the copy matches the lock file. Without Node/npm the page still
# works over Rasa's REST channel, so this warns instead of failing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
web="$root/web"
vendor="$web/public/vendor"
stamp="$vendor/.lock-hash"
want=$(sha256sum "$web/package-lock.json" | cut -d' ' -f1)

if [ -f "$vendor/socket.io.min.js" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "warning: npm not found; the chat page will use Rasa's REST channel instead of socket.io" >&2
  exit 0
fi
echo "Bundling the socket.io client for the chat page (npm ci)..."
(cd "$web" && timeout 300 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
mkdir -p "$vendor"
cp "$web/node_modules/socket.io-client/dist/socket.io.min.js" "$vendor/socket.io.min.js"
cp "$web/node_modules/socket.io-client/LICENSE" "$vendor/socket.io-client.LICENSE"
echo "$want" >"$stamp"
echo "Bundled socket.io-client $(cd "$web" && node -p "require('socket.io-client/package.json').version" 2>/dev/null || echo '?') into web/public/vendor/."
