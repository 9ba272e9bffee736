#!/usr/bin/env bash
# Installs what is missing, builds Yubisashi and starts it in test mode: no
# account is configured, so reviewed messages are saved as .eml files instead
# of being sent. Settings, queue and test-mode folder live in build/try/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
cmake --preset release >/dev/null
cmake --build build/release -j"$(nproc)"

try="$PWD/build/try"
mkdir -p "$try"
chmod 700 "$try"
config="$try/yubisashi.ini"
if [ ! -f "$config" ]; then
  # The secrets file store is chosen explicitly here because a fresh machine has
  # no keychain; with a desktop keychain, use store=keychain (docs/CONFIG.md).
  # On a desktop the first-run wizard asks for the rest; without one, example
  # internal domains make the review policy visible in test mode.
  cat >"$config" <<INI
[general]
data_dir=$try/data

[listener]
port=10587
require_auth=true

[secrets]
store=file
file=$try/secrets.ini
INI
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    printf '\n[policy]\ninternal_domains=example.co.jp, *.example.co.jp\nreview=external\n' >>"$config"
  fi
fi

bin=build/release/app/yubisashi
args=(--config "$config")
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No desktop found: running without windows. In test mode nothing is sent, so reviews are"
  echo "confirmed automatically here; on a desktop the review window asks you instead."
  args+=(--headless --decide send)
fi
echo
"$bin" --config "$config" client-setup
echo
echo "Try it:  printf 'Subject: hello\\n\\nHi!\\n' | msmtp --host=127.0.0.1 --port=10587 --auth=plain --user=test \\"
echo "           --passwordeval='$PWD/$bin --config $config client-setup --format json | grep \"^ *\\\"password\\\":\" | cut -d\\\" -f4' --tls=off \\"
echo "           --from=taro@example.co.jp partner@example.com"
echo "Saved messages appear in $try/data/test-mode/. Stop with Ctrl-C."
echo
exec "$bin" "${args[@]}"
