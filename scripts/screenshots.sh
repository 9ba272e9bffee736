#!/bin/sh
# Renders Yubisashi's windows to PNG files, in English and Japanese, at the
# size each opens with on a 1280x720 screen at 100 % and on a 1920x1080
# screen at 200 % (a 960x540 logical screen), under Xvfb with the Noto CJK
# fonts (Debian: xvfb, fonts-noto-cjk). It prints each window's size and
# marks one that does not fit the screen (tests/ui/TestWindowSizes fails then).
#   scripts/screenshots.sh OUTDIR
# BUILD_DIR: an existing build tree to use (default build/release if present,
# else build/asan; configured as a release build when it does not exist yet).
set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
outdir=$1
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)

if [ -z "${BUILD_DIR:-}" ]; then
    if [ -d "$root/build/release" ]; then
        BUILD_DIR=$root/build/release
    else
        BUILD_DIR=$root/build/asan
    fi
fi
case $BUILD_DIR in
    /*) ;;
    *) BUILD_DIR=$root/$BUILD_DIR ;;
esac

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DYUBISASHI_TEST_HOOKS=ON
fi
cmake --build "$BUILD_DIR" --target yubisashi_screenshots
# The translations embedded in the app, when its .ts files exist.
cmake --build "$BUILD_DIR" --target release_translations >/dev/null 2>&1 || true

tool=$(find "$BUILD_DIR" -name yubisashi_screenshots -type f -perm -u+x | head -n 1)
if [ -z "$tool" ]; then
    echo "yubisashi_screenshots was not built in $BUILD_DIR" >&2
    exit 1
fi

# Fontconfig and X libraries keep caches for the life of the process: not ours to report.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
export QT_QPA_PLATFORM=xcb
unset QT_SCALE_FACTOR QT_SCREEN_SCALE_FACTORS
xvfb-run -a -s "-screen 0 1280x720x24" "$tool" "$outdir"
QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 1920x1080x24" "$tool" "$outdir" -200pct
