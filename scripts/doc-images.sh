#!/bin/sh
# Refreshes the screenshots the user and administrator guides show
# (docs/images/, committed) from scripts/screenshots.sh: the same windows, in
# the same state, rendered under Xvfb with the Noto CJK fonts.
#   scripts/doc-images.sh            (BUILD_DIR as for scripts/screenshots.sh)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
shots=$(mktemp -d)
trap 'rm -rf "$shots"' EXIT
"$root/scripts/screenshots.sh" "$shots" >/dev/null

dest=$root/docs/images
mkdir -p "$dest"
# docs/images/NAME.png  <-  the screenshot it is made from (a shell pattern).
while read -r name pattern; do
    [ -n "$name" ] || continue
    # shellcheck disable=SC2086 # the pattern is meant to expand
    set -- "$shots"/$pattern
    if [ ! -f "$1" ]; then
        echo "no screenshot matches $pattern (for docs/images/$name.png)" >&2
        exit 1
    fi
    cp "$1" "$dest/$name.png"
done <<'LIST'
review-ja review-ja.png
review-en review-en.png
main-ja main-ja.png
settings-ja-mail-programs settings-ja-mail-programs.png
wizard-ja-mail-programs wizard-ja-*-mail-programs.png
wizard-ja-test-received wizard-ja-*-test-received.png
wizard-ja-certificate-source wizard-ja-*-certificate-source-opened.png
review-ja-probably-meant review-ja-probably-meant.png
admin-ja-domains admin-ja-domains.png
LIST
echo "docs/images/ refreshed"
