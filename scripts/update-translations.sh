#!/usr/bin/env bash
# Brings translations/*.ts up to date with the sources (new strings appear as unfinished).
set -euo pipefail
cd "$(dirname "$0")/.."
/usr/lib/qt6/bin/lupdate -no-obsolete -locations none core ui app -ts translations/yubisashi_ja.ts translations/yubisashi_en.ts
