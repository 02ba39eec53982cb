#!/usr/bin/env bash
# ensure_secret.sh FILE: make sure FILE holds a random secret, readable by its owner only (600).
# Generated once (48 random URL-safe characters) when missing or empty, then kept as it is.
set -euo pipefail
file=${1:?usage: ensure_secret.sh FILE}
mkdir -p "$(dirname "$file")"
if [ ! -s "$file" ]; then
  (umask 077 && python3 -c 'import secrets; print(secrets.token_urlsafe(36))' >"$file.tmp.$$")
  mv -f "$file.tmp.$$" "$file"
fi
chmod 600 "$file"
