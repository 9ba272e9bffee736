#!/usr/bin/env bash
# Windows syntax check: compiles every source of core/, ui/ and app/ for
# Windows (the *_win.cpp files, not *_unix.cpp or *_mac.*) with Debian's
# MinGW-w64 cross compiler, -fsyntax-only, against Debian's own Qt 6, GMime,
# GLib, ICU, OpenSSL and QtKeychain headers. It proves that no POSIX call or
# header slipped outside a _unix file and that the _win files are valid
# Win32 code; it does not link or run anything (there are no Windows builds
# of the libraries on this machine).
#
# What makes Linux headers usable for a Windows target:
#  - Qt: the Linux qconfig.h; Q_OS_WIN comes from the compiler (_WIN32).
#  - Each library's folder is linked on its own into a private include
#    folder: /usr/include itself is never on the path, since its glibc
#    headers (unistd.h, sys/*.h) would hide exactly what this check is for.
#  - scripts/windows-stubs/ stands in for the few headers that only a
#    Windows build of a library (vcpkg) provides: glibconfig.h (GLib's
#    platform configuration, G_OS_WIN32), openssl/configuration.h and
#    opensslconf.h (OpenSSL's build configuration for 64-bit Windows), and
#    iconv.h (libiconv, which MinGW lacks and GMime's headers include).
#
# Fails (non-zero) on any error and lists the files that failed. With file
# names as arguments, checks only those.
# Needs g++-mingw-w64-x86-64-posix (scripts/deps.sh --test).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

cxx=${MINGW_CXX:-x86_64-w64-mingw32-g++-posix}
if ! command -v "$cxx" >/dev/null; then
  echo "check-windows: $cxx is missing; install g++-mingw-w64-x86-64-posix (scripts/deps.sh --test)" >&2
  exit 2
fi
jobs=${JOBS:-2}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

qt=/usr/include/x86_64-linux-gnu/qt6
mkdir -p "$tmp/inc"
for lib in openssl unicode qt6keychain gmime-3.0/gmime glib-2.0/glib glib-2.0/gobject glib-2.0/gio glib-2.0/gmodule; do
  ln -s "/usr/include/$lib" "$tmp/inc/$(basename "$lib")"
done
ln -s /usr/include/glib-2.0/glib.h "$tmp/inc/glib.h"
ln -s /usr/include/glib-2.0/glib-object.h "$tmp/inc/glib-object.h"
ln -s /usr/include/glib-2.0/gmodule.h "$tmp/inc/gmodule.h"

flags=(-std=c++17 -fsyntax-only
  -isystem "$root/scripts/windows-stubs" -isystem "$tmp/inc"
  -isystem "$qt")
for m in QtCore QtNetwork QtSql QtGui QtWidgets QtSvg; do flags+=(-isystem "$qt/$m"); done
flags+=(-I"$root/core" -I"$root/ui" -I"$root/app")
# The project's own Qt defines (cmake/Options.cmake), those Qt's CMake
# targets add, and the Windows ones Options.cmake sets for WIN32.
while read -r d; do flags+=("-D$d"); done < <(
  sed -n '/target_compile_definitions(yubisashi_options INTERFACE/,/)/p' cmake/Options.cmake |
    grep -oE '^\s+QT_[A-Z0-9_=x]+' | tr -d ' ')
flags+=(-DQT_CORE_LIB -DQT_NETWORK_LIB -DQT_SQL_LIB -DQT_GUI_LIB -DQT_WIDGETS_LIB -DQT_SVG_LIB
  -DUNICODE -D_UNICODE -DNOMINMAX -DYUBISASHI_VERSION='"0.0.0"')
# The warnings of cmake/Options.cmake for GCC, as errors (YUBISASHI_WERROR is on by default).
flags+=(-Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-qual -Wformat=2
  -Wshadow=local -Werror)

# Every source (new files too), or only those named on the command line.
if [ $# -gt 0 ]; then
  printf '%s\n' "$@" >"$tmp/sources"
else
  git ls-files --cached --others --exclude-standard -- 'core/*.cpp' 'ui/*.cpp' 'app/*.cpp' |
    grep -vE '_(unix|mac)\.(cpp|mm)$' >"$tmp/sources"
fi
echo "check-windows: $(wc -l <"$tmp/sources") sources with $cxx"

# MinGW has some POSIX headers that MSVC lacks (unistd.h, sys/stat.h…), so
# compiling alone would let them through: outside *_unix and *_mac files none
# may appear at all.
posix='^\s*#\s*include\s*<((unistd|fcntl|signal|pwd|grp|termios|dlfcn|poll|dirent|syslog|netdb)\.h|csignal|(sys|arpa|netinet)/[^>]*)>'
if [ $# -eq 0 ]; then
  git ls-files --cached --others --exclude-standard -- 'core/*' 'ui/*' 'app/*' |
    grep -E '\.(cpp|h)$' | grep -vE '_(unix|mac)\.(cpp|h|mm)$' >"$tmp/all"
  if xargs -a "$tmp/all" grep -nE "$posix" >"$tmp/posix"; then
    echo "check-windows: POSIX headers outside a _unix file (move the call behind a seam, see app/Autostart.h):" >&2
    sed 's/^/  /' "$tmp/posix" >&2
    echo "$(cut -d: -f1 "$tmp/posix" | sort -u)" >"$tmp/failed"
  fi
fi

export cxx tmp
printf '%s\0' "${flags[@]}" >"$tmp/flags"
compile() {
  local src=$1 log
  log="$tmp/log.$(echo "$src" | tr / _)"
  mapfile -d '' f <"$tmp/flags"
  if ! "$cxx" "${f[@]}" "$src" >"$log" 2>&1; then
    echo "$src" >>"$tmp/failed"
  fi
}
export -f compile
xargs -a "$tmp/sources" -P"$jobs" -I{} bash -c 'compile "$1"' _ {}

if [ -s "$tmp/failed" ]; then
  for src in $(sort -u "$tmp/failed"); do
    log="$tmp/log.$(echo "$src" | tr / _)"
    [ -f "$log" ] && head -n 40 "$log" >&2
  done
  echo "check-windows: these files do not compile for Windows:" >&2
  sort -u "$tmp/failed" | sed 's/^/  /' >&2
  exit 1
fi
echo "check-windows: all sources compile for Windows"
