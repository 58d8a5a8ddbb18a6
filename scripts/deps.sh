#!/bin/sh
# Install the Debian packages Luukku needs, if any are missing.
# apt-get as root, sudo otherwise; if neither works, print the exact command.
# dpkg-dev, debhelper, bash-completion (dh_bash-completion) and lintian are
# for `make deb` and its test, tests/deb/test-deb.sh.
PKGS="build-essential pkg-config libncurses-dev libsqlite3-dev sqlite3 libuv1-dev \
libiniparser-dev libsodium-dev libzstd-dev libcmocka-dev tmux gettext clang \
dpkg-dev debhelper bash-completion lintian"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Asennetaan puuttuvat paketit:$missing"
if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO="sudo"
else
	echo "Ei oikeuksia asentaa paketteja. Aja pääkäyttäjänä:" >&2
	echo "  apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq && $SUDO apt-get install -y -qq$missing >/dev/null || {
	echo "Asennus epäonnistui. Komento oli:" >&2
	echo "  apt-get update && apt-get install -y$missing" >&2
	exit 1
}
