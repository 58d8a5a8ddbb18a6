#!/bin/sh
# check-arrows.sh [BUILD] — the house's arrows (README "The house",
# docs/architecture.md#arrows), checked on every `make check`:
#
#   1. every quoted #include in a room names a header of a room it may
#      lean on (the table below);
#   2. each room uses only its libraries (syslibs below): core/ is libc
#      only, a screen never includes SQLite (it never writes SQL), nothing
#      below ui/ includes curses (the store never draws), only node/, ui/
#      and cmd/ run an event loop; ui/ reads its own [keys] and [ui] config
#      and wipes secrets with libsodium;
#   3. with BUILD (the object directory), no ui/screen-*.o names a symbol
#      that another ui/screen-*.o defines: screens meet only in the gate
#      (ui/nav.c, lk_ui_open).
#
# Prints one line per crossing and exits 1 when there is any.
build=${1:-}
cd "$(dirname "$0")/.." || exit 2
bad=0

# room FILE — the room a source file lives in.
room() {
	case $1 in
	src/core/*) echo core ;; src/store/*) echo store ;; src/report/*) echo report ;;
	src/sync/*) echo sync ;; src/node/*) echo node ;; src/cmd/*) echo cmd ;;
	ui/*) echo ui ;; *) echo other ;;
	esac
}

# allowed ROOM — the rooms ROOM may include from ("base" is src/i18n.h).
allowed() {
	case $1 in
	core)   echo "core" ;;
	store)  echo "store core base" ;;
	report) echo "report store core base" ;;
	sync)   echo "sync store core base" ;;
	node)   echo "node sync store core base" ;;
	ui)     echo "ui report sync store core base" ;;
	cmd)    echo "cmd ui report sync node store core base" ;;
	esac
}

# syslibs ROOM — the library headers ROOM may include.
syslibs() {
	case $1 in
	core)   echo "" ;;
	store)  echo "sqlite3 sodium" ;;
	report) echo "sqlite3" ;;
	sync)   echo "sqlite3 sodium zstd" ;;
	node)   echo "sqlite3 sodium zstd uv" ;;
	ui)     echo "curses uv sodium iniparser" ;;
	cmd)    echo "curses uv sqlite3 sodium zstd iniparser" ;;
	esac
}

for f in $(find src ui -name '*.[ch]' | sort); do
	from=$(room "$f")
	[ "$from" = other ] && continue
	ok=" $(allowed "$from") "
	libs=" $(syslibs "$from") "
	for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
		case $inc in
		i18n.h) to=base ;;
		*/*) to=${inc%%/*} ;;
		*) to=$from ;;             # a header beside the file
		esac
		case $ok in *" $to "*) ;; *)
			echo "$f: includes \"$inc\": $from may not lean on $to"; bad=1 ;;
		esac
	done
	for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*<\([^>]*\)>.*/\1/p' "$f"); do
		case $inc in
		sqlite3.h) lib=sqlite3 ;; sodium.h|sodium/*) lib=sodium ;; zstd.h) lib=zstd ;;
		uv.h) lib=uv ;; curses.h|ncurses.h|ncursesw/*|term.h) lib=curses ;;
		iniparser.h|dictionary.h) lib=iniparser ;; *) continue ;;
		esac
		case $libs in *" $lib "*) ;; *)
			echo "$f: includes <$inc>: $from may not use $lib"; bad=1 ;;
		esac
	done
done

# Screens never call one another: a screen's undefined symbols must not be
# defined by another screen file.
if [ -n "$build" ]; then
	objs=$(ls "$build"/ui/screen-*.o 2>/dev/null)
	[ -n "$objs" ] || { echo "check-arrows: no screen objects in $build/ui"; exit 2; }
	for o in $objs; do
		nm -u "$o" | awk '{print $NF}' | sort -u >"${TMPDIR:-/tmp}/arrows.u.$$"
		for other in $objs; do
			[ "$other" = "$o" ] && continue
			nm --defined-only -g "$other" | awk '{print $NF}' | sort -u |
				comm -12 - "${TMPDIR:-/tmp}/arrows.u.$$" | while read -r sym; do
				echo "$(basename "$o" .o).c calls $sym of $(basename "$other" .o).c"
			done
		done
	done >"${TMPDIR:-/tmp}/arrows.x.$$"
	if [ -s "${TMPDIR:-/tmp}/arrows.x.$$" ]; then cat "${TMPDIR:-/tmp}/arrows.x.$$"; bad=1; fi
	rm -f "${TMPDIR:-/tmp}/arrows.u.$$" "${TMPDIR:-/tmp}/arrows.x.$$"
fi

[ "$bad" -eq 0 ] && echo "arrows: every include runs one way"
exit $bad
