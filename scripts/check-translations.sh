#!/usr/bin/env bash
# Fails when the .ts files are not current with the sources (a string added or
# changed without running lupdate), when a Japanese string is unfinished, or when
# one breaks a mechanical rule of docs/TRANSLATION.md (scripts/check-ja-wording.py).
# Update them with: scripts/update-translations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=/usr/lib/qt6/bin/lupdate
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for ts in translations/*.ts; do
  cp "$ts" "$tmp/"
  "$lupdate" -silent -no-obsolete -locations none core ui app -ts "$tmp/$(basename "$ts")" >/dev/null
  if ! cmp -s "$ts" "$tmp/$(basename "$ts")"; then
    echo "translations: $ts is not current with the sources; run scripts/update-translations.sh" >&2
    diff -u "$ts" "$tmp/$(basename "$ts")" | head -40 >&2 || true
    status=1
  fi
done
unfinished=$(grep -c 'type="unfinished"' translations/yubisashi_ja.ts || true)
if [ "${unfinished:-0}" -gt 0 ]; then
  echo "translations: $unfinished Japanese strings are unfinished in translations/yubisashi_ja.ts" >&2
  status=1
fi
/usr/bin/python3 scripts/check-ja-wording.py translations/yubisashi_ja.ts || status=1
exit $status
