#!/usr/bin/env bash
# Renders the application icon (icons/yubisashi.svg) into the raster files the
# packages need, and is run by hand when the SVG changes (the results are
# committed, so a build needs no SVG renderer):
#   packaging/icons/hicolor/SIZE/yubisashi.png  (Linux hicolor theme)
#   packaging/windows/yubisashi.ico               (MSI, Start menu, .exe resource)
#   packaging/macos/yubisashi.icns                (the .app bundle)
# Needs librsvg2-bin, imagemagick and icnsutils.
set -euo pipefail
cd "$(dirname "$0")/.."
svg=icons/yubisashi.svg
out=packaging/icons/hicolor
for s in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "$out/${s}x${s}/apps"
  rsvg-convert -w "$s" -h "$s" "$svg" -o "$out/${s}x${s}/apps/yubisashi.png"
done
convert "$out"/{16x16,24x24,32x32,48x48,64x64,128x128,256x256}/apps/yubisashi.png packaging/windows/yubisashi.ico
png2icns packaging/macos/yubisashi.icns "$out"/{16x16,32x32,48x48,128x128,256x256,512x512}/apps/yubisashi.png >/dev/null
echo "icons written"
