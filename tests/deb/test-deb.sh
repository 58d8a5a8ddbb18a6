#!/bin/sh
# test-deb.sh — the Debian packages for real, as an area's IT would meet
# them: build luukku and luukkud with `make deb`, check what each holds
# (dpkg -c), run lintian, install them on this machine, run the programs,
# the catalogs and the bash completion, verify the units, then build a
# newer version (a higher changelog entry and one more migration, in a copy
# of the tree) and upgrade over a desk file and a node file with data:
# every table keeps its rows, and the newer schema is there after the first
# start. Then the older packages again (a downgrade): the newer files are
# refused with a clear message and stay byte for byte the same. At the end
# the packages are purged and the system users the packages made are
# deleted, so the machine is as it was.
#
#   sh tests/deb/test-deb.sh           the test (root, or sudo without a password)
#   sh tests/deb/test-deb.sh --can-run exit 0 when it can run here, else
#                                      print why not and exit 1 (tests/run.sh
#                                      prints that as the reason it skips)
#
# Each step is printed; the first that fails ends the test with status 1.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
if [ "$(id -u)" = 0 ]; then
	SUDO=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO=sudo
else
	SUDO=none
fi

why_not() {
	if [ "$SUDO" = none ]; then
		echo "installing packages needs root or sudo without a password"
		return 0
	fi
	for t in dpkg-buildpackage dh lintian dh_bash-completion; do
		command -v "$t" >/dev/null 2>&1 || {
			echo "$t is missing and could not be installed (make deps)"
			return 0
		}
	done
	for p in luukku luukkud; do
		if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q installed; then
			echo "the package $p is installed on this machine; the test installs and purges it, so it leaves such a machine alone"
			return 0
		fi
	done
	return 1
}
if [ "${1:-}" = "--can-run" ]; then
	if reason=$(why_not); then
		echo "$reason"
		exit 1
	fi
	exit 0
fi
if reason=$(why_not); then
	echo "test-deb: cannot run: $reason" >&2
	exit 1
fi

# The installed programs, their own catalogs and settings, never the
# build tree's (tests/run.sh points LUUKKU_LOCALEDIR at it).
unset LUUKKU_LOCALEDIR LUUKKU_DB LUUKKU_CONFIG LUUKKU_LANG LUUKKUD_CONFIG LUUKKUD_DB
# make deb runs as if typed: not as a part of the make that runs this test.
unset MAKEFLAGS MFLAGS MAKELEVEL
# Both builds on every core: the test builds the packages twice.
export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-parallel=$(nproc)}"
export LANG=C.UTF-8

w=$(mktemp -d /tmp/luukku-deb.XXXXXX)
chmod 0755 "$w"
t0=$(date +%s)
step() { echo "== [$(( $(date +%s) - t0 )) s] $*"; }
die() { echo "FAIL: $*" >&2; exit 1; }

# What the packages touch, as it was before: restored by the cleanup.
had_user_luukkud=no had_user_kiosk=no had_etc=no
getent passwd luukkud >/dev/null && had_user_luukkud=yes
getent passwd luukku-kiosk >/dev/null && had_user_kiosk=yes
[ -e /etc/luukku ] && had_etc=yes
snapshot() {
	for p in luukku luukkud; do
		printf '%s %s\n' "$p" "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || echo absent)"
	done
	getent passwd luukkud luukku-kiosk || true
	getent group luukkud luukku-kiosk || true
	for f in /etc/luukku /var/lib/luukkud /var/lib/luukku-kiosk /lib/systemd/system/luukkud.service \
	         /lib/systemd/system/luukku-kiosk@.service /etc/systemd/system/multi-user.target.wants/luukkud.service \
	         /usr/bin/luukku /usr/sbin/luukkud /usr/share/bash-completion/completions/luukku; do
		[ -e "$f" ] || [ -L "$f" ] && echo "present $f"
	done
	true
}
snapshot >"$w/before"

cleanup() {
	status=$?
	set +e
	# A package that is not installed is only warned about.
	$SUDO dpkg --purge luukku luukkud >/dev/null 2>&1
	# Debian leaves the system users of a purged package in place (files
	# elsewhere may still belong to them); this test made them, so it
	# deletes them.
	[ "$had_user_luukkud" = no ] && getent passwd luukkud >/dev/null && $SUDO userdel luukkud
	[ "$had_user_kiosk" = no ] && getent passwd luukku-kiosk >/dev/null && $SUDO userdel luukku-kiosk
	[ "$had_user_luukkud" = no ] && getent group luukkud >/dev/null && $SUDO groupdel luukkud
	[ "$had_user_kiosk" = no ] && getent group luukku-kiosk >/dev/null && $SUDO groupdel luukku-kiosk
	[ "$had_etc" = no ] && [ -d /etc/luukku ] && $SUDO rm -rf /etc/luukku
	snapshot >"$w/after"
	if ! cmp -s "$w/before" "$w/after"; then
		echo "FAIL: the machine is not as it was:" >&2
		diff "$w/before" "$w/after" >&2
		status=1
	fi
	rm -rf "$w"
	exit $status
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# ---------------------------------------------------------------------------
step "build the packages (make deb, $(sed -n '1s/.*(\(.*\)).*/\1/p' "$top/debian/changelog"))"
old_version=$(cd "$top" && dpkg-parsechangelog -S Version)
make -s -C "$top" deb DEB_DIR="$w/old" >"$w/build-old.log" 2>&1 || {
	tail -n 40 "$w/build-old.log" >&2
	die "make deb failed"
}
old_desk=$w/old/luukku_${old_version}_$(dpkg --print-architecture).deb
old_node=$w/old/luukkud_${old_version}_$(dpkg --print-architecture).deb
[ -f "$old_desk" ] && [ -f "$old_node" ] || die "make deb made no $old_desk or $old_node"

# ---------------------------------------------------------------------------
step "file lists (dpkg -c)"
# The files (not directories) of each package; any catalog beyond fi and
# sv is allowed, the rest is exactly this.
files() { dpkg -c "$1" | awk '$1 !~ /^d/ { print $6 }' | sed 's,^\./,/,' | grep -v '^/usr/share/locale/[a-z_A-Z]*/LC_MESSAGES/luukku.mo$' | sort; }
cat >"$w/want-luukku" <<'EOF'
/etc/luukku/luukku.ini
/lib/systemd/system/luukku-kiosk@.service
/usr/bin/luukku
/usr/lib/sysusers.d/luukku.conf
/usr/lib/tmpfiles.d/luukku.conf
/usr/share/bash-completion/completions/luukku
/usr/share/doc/luukku/changelog.gz
/usr/share/doc/luukku/copyright
/usr/share/man/man1/luukku.1.gz
EOF
cat >"$w/want-luukkud" <<'EOF'
/etc/luukku/luukkud.ini
/lib/systemd/system/luukkud.service
/usr/lib/sysusers.d/luukkud.conf
/usr/lib/tmpfiles.d/luukkud.conf
/usr/sbin/luukkud
/usr/share/doc/luukkud/changelog.gz
/usr/share/doc/luukkud/copyright
/usr/share/lintian/overrides/luukkud
/usr/share/man/man8/luukkud.8.gz
EOF
for p in luukku luukkud; do
	deb=$old_desk
	[ "$p" = luukkud ] && deb=$old_node
	dpkg -c "$deb" | sed 's/^/    /'
	files "$deb" >"$w/got-$p"
	diff -u "$w/want-$p" "$w/got-$p" || die "$p: the package's files differ from the list above (- wanted, + found)"
done
dpkg -c "$old_desk" >"$w/contents-luukku"
for lang in fi sv; do
	grep -q "/usr/share/locale/$lang/LC_MESSAGES/luukku.mo$" "$w/contents-luukku" || die "luukku: no $lang catalog"
done
for p in luukku luukkud; do
	deb=$old_desk
	[ "$p" = luukkud ] && deb=$old_node
	dpkg -I "$deb" >"$w/info-$p"
	sed -n 's/^ Depends: /    Depends: /p' "$w/info-$p"
	# dh_shlibdeps found the libraries: nothing of them was written by hand.
	grep -q '^ Depends:.*libsqlite3-0' "$w/info-$p" || die "$p: no libsqlite3-0 in Depends (dh_shlibdeps)"
	grep -q '^ Depends:.*libsodium' "$w/info-$p" || die "$p: no libsodium in Depends (dh_shlibdeps)"
done
dpkg-deb -f "$old_desk" Depends | grep -q libncursesw || die "luukku: no libncursesw in Depends"

# ---------------------------------------------------------------------------
step "lintian"
# Errors and warnings fail; every tag down to pedantic and experimental is
# shown, and each one the packages keep is overridden in
# debian/*.lintian-overrides with its reason (shown as N: above its O:). Lintian says it would rather
# not run as root: that line is left out.
lint_status=0
lintian --fail-on error,warning -E -L '>=pedantic' --show-overrides "$w/old/luukku_${old_version}_$(dpkg --print-architecture).changes" \
	>"$w/lintian" 2>&1 || lint_status=$?
grep -v 'running with root privileges is not recommended' "$w/lintian" | sed 's/^/    /'
[ "$lint_status" -eq 0 ] || die "lintian found errors or warnings (exit $lint_status)"

# ---------------------------------------------------------------------------
step "a newer version in a copy of the tree: a higher changelog entry and one more migration"
mkdir "$w/newtree"
(cd "$top" && tar -cf - --exclude=./build --exclude=./demo --exclude=./.git .) | tar -xf - -C "$w/newtree"
last=$(ls "$w/newtree/schema" | sed -n 's/^\([0-9][0-9]*\)_.*\.sql$/\1/p' | sort -n | tail -n 1)
next=$(printf '%03d' $(( $(echo "$last" | sed 's/^0*//') + 1 )))
cat >"$w/newtree/schema/${next}_deb_upgrade_probe.sql" <<'EOF'
-- Made by tests/deb/test-deb.sh in a copy of the tree only: the newer
-- package's migration, so an upgrade has a schema to move to.
CREATE TABLE deb_upgrade_probe (id INTEGER PRIMARY KEY, note TEXT NOT NULL);
INSERT INTO deb_upgrade_probe (note) VALUES ('migrated on the first start of the newer package');
EOF
new_version=${old_version}+upgradetest1
{
	printf 'luukku (%s) unstable; urgency=medium\n\n' "$new_version"
	printf '  * Test upgrade: migration %s (tests/deb/test-deb.sh).\n\n' "$next"
	printf ' -- %s  %s\n\n' "$(cd "$top" && dpkg-parsechangelog -S Maintainer)" "$(date -R)"
	cat "$top/debian/changelog"
} >"$w/newtree/debian/changelog"
[ "$(cd "$w/newtree" && dpkg-parsechangelog -S Version)" = "$new_version" ] || die "the new changelog entry does not parse"
dpkg --compare-versions "$new_version" gt "$old_version" || die "$new_version is not newer than $old_version"
make -s -C "$w/newtree" deb DEB_DIR="$w/new" >"$w/build-new.log" 2>&1 || {
	tail -n 40 "$w/build-new.log" >&2
	die "make deb of the newer version failed"
}
new_desk=$w/new/luukku_${new_version}_$(dpkg --print-architecture).deb
new_node=$w/new/luukkud_${new_version}_$(dpkg --print-architecture).deb
[ -f "$new_desk" ] && [ -f "$new_node" ] || die "no $new_desk or $new_node"
echo "    $old_version (schema $last) and $new_version (schema $next)"

# ---------------------------------------------------------------------------
step "install $old_version (dpkg -i)"
$SUDO dpkg -i "$old_desk" "$old_node" >"$w/install.log" 2>&1 || {
	cat "$w/install.log" >&2
	die "dpkg -i failed"
}
sed 's/^/    /' "$w/install.log"
v=$(luukku --version) && echo "    luukku --version: $v"
[ "$v" = "luukku ${old_version%%[+~-]*}" ] || die "luukku --version says '$v', the package is $old_version"
v=$(/usr/sbin/luukkud --version) && echo "    luukkud --version: $v"
[ "$v" = "luukkud ${old_version%%[+~-]*}" ] || die "luukkud --version says '$v'"
# The catalogs: Finnish by default, Swedish on asking, from /usr/share/locale.
luukku --help | head -n 1 | grep -qx 'Käyttö:' || die "luukku --help is not in Finnish"
luukku --lang sv --help | head -n 1 | grep -qx 'Användning:' || die "luukku --lang sv --help is not in Swedish"
man -w luukku >/dev/null 2>&1 || ! command -v man >/dev/null || die "man luukku finds no page"
man -w 8 luukkud >/dev/null 2>&1 || ! command -v man >/dev/null || die "man 8 luukkud finds no page"
# The conffiles.
dpkg-query -W -f='${Conffiles}\n' luukku | grep -q '/etc/luukku/luukku.ini' || die "/etc/luukku/luukku.ini is no conffile"
dpkg-query -W -f='${Conffiles}\n' luukkud | grep -q '/etc/luukku/luukkud.ini' || die "/etc/luukku/luukkud.ini is no conffile"
# The system users and the node's state directory.
getent passwd luukkud >/dev/null || die "no system user luukkud"
getent passwd luukku-kiosk >/dev/null || die "no system user luukku-kiosk"
[ "$(stat -c '%U:%G %a' /var/lib/luukkud)" = "luukkud:luukkud 700" ] ||
	die "/var/lib/luukkud is $(stat -c '%U:%G %a' /var/lib/luukkud), not luukkud:luukkud 700"
[ "$(stat -c '%U %a' /var/lib/luukku-kiosk)" = "luukku-kiosk 700" ] || die "/var/lib/luukku-kiosk is not the kiosk's"
echo "    users: $(getent passwd luukkud | cut -d: -f1,3,6,7) $(getent passwd luukku-kiosk | cut -d: -f1,3,6,7)"

# ---------------------------------------------------------------------------
step "bash completion: every command and subcommand of luukku --help, options, values"
comp() {
	# comp WORD... — what completes the last word (may be empty).
	bash -c '. /usr/share/bash-completion/completions/luukku
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _luukku; echo "${COMPREPLY[*]}"' luukku "$@"
}
# The subcommand column starts where "add" of "client add" does.
luukku --lang en --help | awk '/^Commands:/ { on = 1; next }
	on && $1 == "client" && $2 == "add" && !col { col = index($0, " add ") + 1 }
	on && /^  [a-z]/ { lines[++n] = $0 }
	END { for (i = 1; i <= n; i++) { $0 = lines[i]; sub_ = ""
		if (substr($0, col, 1) != " ") { sub_ = substr($0, col); sub(/ .*/, "", sub_) }
		print $1, sub_ } }' >"$w/commands"
[ "$(wc -l <"$w/commands")" -gt 20 ] || die "luukku --help lists too few commands"
while read -r name sub; do
	case " $(comp luukku "$name") " in *" $name "*) ;; *) die "'luukku $name' does not complete" ;; esac
	[ -z "$sub" ] && continue
	case " $(comp luukku "$name" '') " in *" $sub "*) ;; *) die "'luukku $name $sub' does not complete" ;; esac
done <"$w/commands"
echo "    $(wc -l <"$w/commands") command lines of luukku --help complete"
[ "$(comp luukku --db x.db client add --he)" = "--hetu" ] || die "'client add --he' does not complete to --hetu"
[ "$(comp luukku book --channel ph)" = "phone" ] || die "'book --channel ph' does not complete to phone"
[ "$(comp luukku report face)" = "face-to-face" ] || die "'report face' does not complete"
[ "$(comp luukku --la)" = "--lang" ] || die "'--la' does not complete"
echo "    client add --he: --hetu; book --channel ph: phone; report face: face-to-face"

# ---------------------------------------------------------------------------
step "the units: systemd-analyze verify, the node's hardening, nothing started"
# The packaged node unit keeps every setting of conf/luukkud.service but
# the path of the binary.
sed -n '/^\[Service\]/,/^\[/p' "$top/conf/luukkud.service" | grep '^[A-Z][A-Za-z]*=' | grep -v '^ExecStart=' |
	while IFS= read -r line; do
		grep -qxF "$line" /lib/systemd/system/luukkud.service || die "the packaged unit lost '$line'"
	done
grep -qx 'ExecStart=/usr/sbin/luukkud --config /etc/luukku/luukkud.ini' /lib/systemd/system/luukkud.service || die "ExecStart"
grep -qx 'ConditionPathExists=/var/lib/luukkud/luukkud.db' /lib/systemd/system/luukkud.service || die "no ConditionPathExists"
grep -qx 'Conflicts=getty@%i.service' /lib/systemd/system/luukku-kiosk@.service || die "the kiosk does not conflict with getty"
grep -qx 'Restart=always' /lib/systemd/system/luukku-kiosk@.service || die "the kiosk does not restart"
if command -v systemd-analyze >/dev/null 2>&1; then
	man=--man=yes
	command -v man >/dev/null 2>&1 || man=--man=no
	systemd-analyze verify $man /lib/systemd/system/luukkud.service || die "systemd-analyze verify luukkud.service"
	# A template is verified as an instance of it.
	cp /lib/systemd/system/luukku-kiosk@.service "$w/luukku-kiosk@tty1.service"
	systemd-analyze verify $man "$w/luukku-kiosk@tty1.service" || die "systemd-analyze verify luukku-kiosk@tty1.service"
	echo "    systemd-analyze verify: luukkud.service and luukku-kiosk@tty1.service pass"
else
	echo "    systemd-analyze is not installed here: the units were not verified"
fi
[ -L /etc/systemd/system/multi-user.target.wants/luukkud.service ] || die "luukkud.service is not enabled"
[ ! -e /var/lib/luukkud/luukkud.db ] || die "something made the node's database on install"
if [ -d /run/systemd/system ]; then
	state=$(systemctl is-active luukkud.service || true)
	[ "$state" != active ] || die "luukkud.service runs before luukkud init"
	echo "    luukkud.service is enabled and $state: its database is not there yet"
else
	echo "    systemd is not running here (no /run/systemd/system): the postinst started nothing;"
	echo "    the unit is enabled and waits for /var/lib/luukkud/luukkud.db (ConditionPathExists)"
fi
# The node's user can make its database where the unit expects it; made in
# the test's own directory, so that no real node starts on this machine.
mkdir "$w/node-home" && $SUDO chown luukkud:luukkud "$w/node-home" && $SUDO chmod 0700 "$w/node-home"
$SUDO runuser -u luukkud -- /usr/sbin/luukkud --db "$w/node-home/luukkud.db" init --area pohjois-karjala ||
	die "luukkud init as the luukkud user"
[ "$(stat -c '%U %a' "$w/node-home/luukkud.db")" = "luukkud 600" ] || die "the node's database is not luukkud's, 0600"

# ---------------------------------------------------------------------------
step "a desk file and a node file with data, made by $old_version"
desk=$w/desk.db node=$w/node.db
luukku --db "$desk" demo --area pohjois-karjala --clients 300 --seed 7 >"$w/demo.log" 2>&1 || die "luukku demo: $(cat "$w/demo.log")"
luukkud --db "$node" demo --area pohjois-karjala --clients 100 --seed 7 >"$w/demo.log" 2>&1 || die "luukkud demo: $(cat "$w/demo.log")"
luukkud --db "$node" enrol joensuu-1 --scope area >/dev/null || die "luukkud enrol"
# Rows of every table but the search index's shadow tables, and the schema.
counts() {
	for t in $(sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
	                         AND name NOT LIKE '%_fts_%' AND name != 'deb_upgrade_probe' ORDER BY name"); do
		echo "$t $(sqlite3 "$1" "SELECT count(*) FROM \"$t\"")"
	done
}
for f in desk node; do
	eval "db=\$$f"
	counts "$db" >"$w/$f-rows-before"
	echo "    $f: schema $(sqlite3 "$db" 'PRAGMA user_version'), $(awk '{ n += $2 } END { print n }' "$w/$f-rows-before") rows in $(wc -l <"$w/$f-rows-before") tables ($(grep -E '^(client|appointment|visit|hub_desk) ' "$w/$f-rows-before" | tr '\n' ' '))"
	[ "$(sqlite3 "$db" 'PRAGMA user_version')" = "$((1$last - 1000))" ] || die "$f is not at schema $last"
done
# An admin's own line in the desk's config, to outlive the upgrade.
echo '; kept over upgrades (tests/deb)' | $SUDO tee -a /etc/luukku/luukku.ini >/dev/null

# ---------------------------------------------------------------------------
step "upgrade to $new_version over them (dpkg -i)"
$SUDO dpkg -i "$new_desk" "$new_node" >"$w/upgrade.log" 2>&1 || {
	cat "$w/upgrade.log" >&2
	die "the upgrade failed"
}
sed 's/^/    /' "$w/upgrade.log"
[ "$(dpkg-query -W -f='${Version}' luukku)" = "$new_version" ] || die "luukku is not $new_version"
[ "$(dpkg-query -W -f='${Version}' luukkud)" = "$new_version" ] || die "luukkud is not $new_version"
tail -n 1 /etc/luukku/luukku.ini | grep -q 'kept over upgrades' || die "the upgrade lost the admin's line in /etc/luukku/luukku.ini"
# First start of the newer programs on the files: they migrate.
luukku --db "$desk" --lang en point list >/dev/null || die "the newer luukku does not open the desk file"
LUUKKU_LANG=en luukkud --db "$node" enrol joensuu-2 --scope area >/dev/null || die "the newer luukkud does not open the node file"
for f in desk node; do
	eval "db=\$$f"
	counts "$db" >"$w/$f-rows-after"
	[ "$(sqlite3 "$db" 'PRAGMA user_version')" = "$((1$next - 1000))" ] || die "$f was not migrated to schema $next"
	[ "$(sqlite3 "$db" 'SELECT count(*) FROM deb_upgrade_probe')" = 1 ] || die "$f: the new migration did not run"
	[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || die "$f: integrity_check"
done
diff -u "$w/desk-rows-before" "$w/desk-rows-after" || die "the desk file's rows changed over the upgrade"
# The node's second enrolment is the one row the test itself added.
sed 's/^hub_desk 1$/hub_desk 2/' "$w/node-rows-before" | diff -u - "$w/node-rows-after" ||
	die "the node file's rows changed over the upgrade"
echo "    desk and node: schema $last -> $next on first start, every table's rows the same"

# ---------------------------------------------------------------------------
step "downgrade to $old_version: the newer files are refused and left untouched"
$SUDO dpkg -i "$old_desk" "$old_node" >"$w/downgrade.log" 2>&1 || {
	cat "$w/downgrade.log" >&2
	die "dpkg -i of the older packages failed"
}
sed 's/^/    /' "$w/downgrade.log"
[ "$(dpkg-query -W -f='${Version}' luukku)" = "$old_version" ] || die "luukku is not $old_version again"
for f in desk node; do
	eval "db=\$$f"
	[ ! -e "$db-wal" ] || die "$f: a WAL file was left open"
	sum=$(sha256sum "$db" | cut -d' ' -f1)
	if [ "$f" = desk ]; then
		luukku --db "$desk" --lang en point list >"$w/refused" 2>&1 && die "the older luukku opened a newer desk file"
	else
		LUUKKU_LANG=en luukkud --db "$node" backup "$w/node-copy.db" >"$w/refused" 2>&1 &&
			die "the older luukkud opened a newer node file"
	fi
	sed 's/^/    /' "$w/refused"
	grep -q "was written by a newer Luukku (schema $((1$next - 1000)), this one knows $((1$last - 1000)))" "$w/refused" ||
		die "$f: not the message that names the newer schema"
	grep -q 'the file was not changed' "$w/refused" || die "$f: the message does not say the file was not changed"
	[ "$(sha256sum "$db" | cut -d' ' -f1)" = "$sum" ] || die "$f: the refused file changed"
	[ ! -e "$db-wal" ] && [ ! -e "$db-shm" ] || die "$f: the refusal left a WAL or shm file"
	echo "    $f: refused, sha256 $sum before and after"
done

# ---------------------------------------------------------------------------
step "purge"
$SUDO dpkg --purge luukku luukkud >"$w/purge.log" 2>&1 || {
	cat "$w/purge.log" >&2
	die "dpkg --purge failed"
}
sed 's/^/    /' "$w/purge.log"
[ ! -e /etc/luukku/luukku.ini ] && [ ! -e /etc/luukku/luukkud.ini ] || die "purge left a conffile"
[ ! -e /var/lib/luukkud ] || die "purge left the empty /var/lib/luukkud"
[ ! -e /etc/systemd/system/multi-user.target.wants/luukkud.service ] || die "purge left the unit enabled"
echo "deb: packages built, linted, installed, upgraded, downgraded and purged"
