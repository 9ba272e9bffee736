#!/usr/bin/env bash
# Installs what Yubisashi needs to build, run and test on Debian 12. Idempotent:
# packages already present are skipped, so a second run costs a dpkg query.
set -euo pipefail

build_pkgs=(
  build-essential cmake ninja-build pkg-config git clang clang-format libclang-rt-14-dev
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-networkauth-dev qt6-svg-dev qt6-image-formats-plugins qt6-translations-l10n qtkeychain-qt6-dev libqt6sql6-sqlite
  libgmime-3.0-dev libicu-dev libssl-dev libsqlite3-dev
)
run_pkgs=(xvfb xauth fonts-noto-cjk dbus-x11)
test_pkgs=(
  python3-aiosmtpd python3-cryptography python3-pytest swaks msmtp openssl gpgsm postfix
  imagemagick procps iproute2 psmisc trayer
  xdotool gnome-keyring libsecret-tools dbus g++-mingw-w64-x86-64-posix
)

# Building and checking the .deb (scripts/package.sh); the test command checks it too.
package_pkgs=(dpkg-dev lintian desktop-file-utils appstream libxml2-utils)

want=("${build_pkgs[@]}" "${run_pkgs[@]}")
case "${1:-}" in
  --test) want+=("${test_pkgs[@]}" "${package_pkgs[@]}") ;;
  --package) want+=("${package_pkgs[@]}") ;;
esac

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Postfix must not become a running MTA on this machine: the tests start their own instances.
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
