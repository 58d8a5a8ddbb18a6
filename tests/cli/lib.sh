# lib.sh — helpers for the CLI tests. Source it with the binary in $1.
# Each check prints "ok - what" or "not ok - what" with the evidence; the
# script exits non-zero when any check failed.
LUUKKU=${1:?usage: $0 path/to/luukku}
case $LUUKKU in /*) ;; *) LUUKKU=$PWD/$LUUKKU ;; esac
T=$(mktemp -d)
DB=$T/test.db
FAILED=0
trap 'rm -rf "$T"' EXIT
export LUUKKU_NOW="2026-03-02 09:00"
# Messages are checked in English; test-i18n.sh checks the Finnish default.
export LUUKKU_LANG=en
export HOME=$T XDG_DATA_HOME=$T/data XDG_CONFIG_HOME=$T/config

# With LK_TRACE=DIR set, every run of luukku (its arguments, stdout,
# stderr and exit status) is also appended to DIR/SCRIPT.trace, for
# tests/compare.sh: $LUUKKU becomes a small wrapper that runs the real
# binary ($LUUKKU_BIN). The caller still gets the same stdout, stderr and
# status (stdout first, then stderr, when it merges the two).
LUUKKU_BIN=$LUUKKU
if [ -n "${LK_TRACE:-}" ]; then
	mkdir -p "$LK_TRACE" "$T/trace-bin"
	LK_TRACE_FILE=$LK_TRACE/$(basename "$0" .sh).trace
	printf '# tmp: %s\n' "$T" >"$LK_TRACE_FILE"
	cat >"$T/trace-bin/luukku" <<-WRAP
	#!/bin/sh
	d=\$(mktemp -d "$T/run.XXXXXX") || exit 125
	"$LUUKKU_BIN" "\$@" >"\$d/out" 2>"\$d/err"
	st=\$?
	{
		printf '\$ luukku'
		printf ' [%s]' "\$@"
		printf '\\n'
		sed 's/^/> /' "\$d/out"
		[ -s "\$d/out" ] && [ "\$(tail -c 1 "\$d/out" | od -An -c | tr -d ' ')" != '\\n' ] &&
			echo '> (no newline at the end)'
		sed 's/^/! /' "\$d/err"
		[ -s "\$d/err" ] && [ "\$(tail -c 1 "\$d/err" | od -An -c | tr -d ' ')" != '\\n' ] &&
			echo '! (no newline at the end)'
		echo "= \$st"
	} >>"$LK_TRACE_FILE"
	cat "\$d/out"
	cat "\$d/err" >&2
	rm -rf "\$d"
	exit \$st
	WRAP
	chmod +x "$T/trace-bin/luukku"
	LUUKKU=$T/trace-bin/luukku
fi

lk() { "$LUUKKU" --db "$DB" "$@"; }
# secret ID SECRET — remember a staff member's sign-in secret for as_staff.
secret() { printf '%s\n' "$2" >"$T/secret.$1"; }
# as_staff ID cmd… — luukku acting as staff member ID, signed in with the
# remembered secret through --secret-fd 3 (cmd-signin.c).
as_staff() { who=$1; shift; "$LUUKKU" --db "$DB" --staff "$who" --secret-fd 3 "$@" 3<"$T/secret.$who"; }

ok() { echo "ok - $1"; }
# A failure inside $(…) cannot set FAILED: it is also marked in a file that
# done_testing reads.
not_ok() { echo "not ok - $1"; FAILED=1; : >"$T/failed"; }

# expect STATUS "what" cmd… — run, compare the exit status; output in $OUT, $ERR.
expect() {
	want=$1 what=$2; shift 2
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	OUT=$(cat "$T/out"); ERR=$(cat "$T/err")
	if [ "$got" = "$want" ]; then ok "$what"; else
		not_ok "$what (exit $got, wanted $want)"
		sed 's/^/#   out: /' "$T/out" | head -5; sed 's/^/#   err: /' "$T/err" | head -5
	fi
}

# same "what" GOT WANT
same() {
	if [ "$2" = "$3" ]; then ok "$1"; else
		not_ok "$1"; printf '#   got:  %s\n#   want: %s\n' "$2" "$3"
	fi
}

# contains "what" TEXT NEEDLE
contains() {
	case $2 in *"$3"*) ok "$1" ;; *) not_ok "$1"; printf '#   %s\n#   lacks: %s\n' "$2" "$3" ;; esac
}

# sql QUERY — read the test database directly (sqlite3 shell); an sqlite
# error fails the test.
sql() {
	sqlite3 -batch -noheader "$DB" "$1" 2>"$T/sql.err" ||
		{ not_ok "sql '$1': $(cat "$T/sql.err")" >&2; return 1; }
}

done_testing() {
	[ -e "$T/failed" ] && FAILED=1
	exit $FAILED
}
