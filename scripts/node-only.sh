#!/usr/bin/env bash
# Runs a command as on a fresh machine with Node alone (e.g. `bash scripts/node-only.sh npm test`):
# in a private mount namespace (root, unshare -m) /usr/bin holds only env and sh, PATH only node,
# npm, npx, git and sh, and LibreOffice's and Chromium's folders are emptied. Nothing outside the
# command's own namespace changes. Shows that `npm test` needs no system program, and that
# `npm run test:system` names the missing ones.
set -euo pipefail
if [ -z "${NODE_ONLY_TMP:-}" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  NODE_ONLY_TMP="$tmp" unshare -m bash "$0" "$@"
  exit
fi
tmp="$NODE_ONLY_TMP"
mkdir -p "$tmp/bin" "$tmp/usr-bin"
cp "$(command -v node)" "$(command -v git)" "$tmp/bin/"
cp "$(readlink -f /bin/sh)" "$tmp/bin/sh"
cp "$(readlink -f /bin/sh)" "$tmp/usr-bin/sh"
cp /usr/bin/env "$tmp/usr-bin/env"
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
ln -s "$npm_dir/bin/npm-cli.js" "$tmp/bin/npm"
ln -s "$npm_dir/bin/npx-cli.js" "$tmp/bin/npx"
for d in /usr/lib/libreoffice /usr/lib/chromium; do [ -d "$d" ] && mount -t tmpfs none "$d"; done
mount --bind "$tmp/usr-bin" /usr/bin
export PATH="$tmp/bin"
for p in soffice chromium pdftoppm; do command -v "$p" > /dev/null && echo "$p is still there" >&2 && exit 3; done
echo "== node alone: PATH=$PATH, /usr/bin: $(echo /usr/bin/*)"
"$@"
