# tests/tui/lib.sh — helpers for TUI tests that drive the real luukku binary
# in tmux, tig-style: keystrokes in, the screen out, compared with the
# expected screen written in the test.
#
# A test sources this file with the binary as $1, builds its database with
# the CLI, then:
#   tui_start COLS ROWS [luukku args…]   start the terminal in its own tmux server
#   keys KEY…                            tmux send-keys (names like Enter, F10, Down)
#   type_text TEXT                       type literal text
#   wait_for TEXT [SECONDS]              wait (≤ 5 s) until TEXT is on the screen;
#                                        if it never shows, the test fails
#   see WHAT TEXT [SECONDS]              ok WHAT when TEXT shows in time, else not ok
#   see_match WHAT REGEX [SECONDS]       see with a grep regular expression
#   wait_match REGEX [SECONDS]           wait_for with a grep regular expression
#   wait_gone TEXT [SECONDS]             wait until TEXT is off the screen, else fail
#   poll_for TEXT [SECONDS]              wait_for without failing: only the status
#   assert_screen NAME <<EOF … EOF       compare the whole screen, print a diff
#   assert_exit STATUS                   wait for luukku to end and check its status
# With TUI_SCREENS=DIR set, every captured screen is also kept there as
# NAME.screen (to review a changed screen and paste it into the test).
# With LK_TRACE=DIR set, every CLI run (arguments, output, status), every
# key sent, every compared screen and every screen a wait found (once it
# is steady) goes to DIR/SCRIPT.trace, for tests/compare.sh.
# and ends with `finish`, which exits 0 when every assertion passed.
#
# Each test runs in a private tmux server (-L luukku-test-PID, no user
# config) and a private temporary directory, removed on exit. The clock is
# pinned with LUUKKU_NOW and the locale is C.UTF-8; never touches the
# user's own database or tmux sessions.

LUUKKU=${1:?usage: sh $0 PATH/TO/luukku}
case $LUUKKU in /*) ;; *) LUUKKU=$PWD/$LUUKKU ;; esac
if [ ! -x "$LUUKKU" ]; then
	echo "not ok - $LUUKKU is not an executable" >&2
	exit 1
fi

LUUKKU_NOW=${LUUKKU_NOW:-"2026-03-02 09:00"}
LANG=C.UTF-8
LC_ALL=C.UTF-8
export LUUKKU_NOW LANG LC_ALL
unset NO_COLOR LUUKKU_CONFIG LUUKKU_DB LANGUAGE

TMPDIR_TUI=$(mktemp -d "${TMPDIR:-/tmp}/luukku-tui.XXXXXX")
TRACE=
if [ -n "${LK_TRACE:-}" ]; then
	mkdir -p "$LK_TRACE"
	TRACE=$LK_TRACE/$(basename "$0" .sh).trace
	printf '# tmp: %s\n' "$TMPDIR_TUI" >"$TRACE"
fi
# trace LINE… — append to the trace (nothing without LK_TRACE).
trace() {
	[ -n "$TRACE" ] && printf '%s\n' "$@" >>"$TRACE"
	return 0
}
TMUX_SERIAL=0
TMUX_SOCK=luukku-test-$$-0   # a fresh server per tui_start: no shutdown races
TESTS_FAILED=0
TESTS_RUN=0

tm() {
	tmux -L "$TMUX_SOCK" -f /dev/null "$@"
}

cleanup() {
	tm kill-server >/dev/null 2>&1
	rm -rf "$TMPDIR_TUI"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

ok() {
	TESTS_RUN=$((TESTS_RUN + 1))
	echo "ok - $*"
	trace "ok - $*"
}

# A failure inside $(…) cannot count in TESTS_FAILED: it is also marked in
# a file that finish reads.
not_ok() {
	TESTS_RUN=$((TESTS_RUN + 1))
	TESTS_FAILED=$((TESTS_FAILED + 1))
	: >"$TMPDIR_TUI/failed"
	echo "not ok - $*"
	trace "not ok - $*"
}

# The check character of DDMMYYZZZ (docs/rules.md#identity-code).
hetu_check() {
	n=$(echo "$1" | sed 's/^0*//')
	echo "0123456789ABCDEFHJKLMNPRSTUVWXY" | cut -c $((${n:-0} % 31 + 1))
}

# A valid identity code: hetu DDMMYY SIGN ZZZ (use ZZZ 900–999 only).
hetu() {
	echo "$1$2$3$(hetu_check "$1$3")"
}

# Run the CLI on the test database; print its output, fail the test on
# error (and stop it, or the subshell of $(lk …): finish sees the mark).
lk() {
	if [ -z "$TRACE" ]; then
		"$LUUKKU" --db "$TMPDIR_TUI/test.db" --lang fi "$@" || {
			not_ok "luukku $* failed" >&2
			exit 1
		}
		return 0
	fi
	"$LUUKKU" --db "$TMPDIR_TUI/test.db" --lang fi "$@" >"$TMPDIR_TUI/lk.out" 2>"$TMPDIR_TUI/lk.err"
	_lk_st=$?
	trace_run "$TMPDIR_TUI/lk.out" "$TMPDIR_TUI/lk.err" "$_lk_st" "$@"
	cat "$TMPDIR_TUI/lk.out"
	cat "$TMPDIR_TUI/lk.err" >&2
	[ "$_lk_st" = 0 ] || {
		not_ok "luukku $* failed" >&2
		exit 1
	}
}

# trace_run OUT ERR STATUS ARGS… — one CLI run in the trace: the arguments
# in [ ], stdout lines after "> ", stderr lines after "! ", the status.
trace_run() {
	_tr_o=$1 _tr_e=$2 _tr_st=$3
	shift 3
	{
		printf '$ luukku'
		printf ' [%s]' "$@"
		printf '\n'
		sed 's/^/> /' "$_tr_o"
		[ -s "$_tr_o" ] && [ "$(tail -c 1 "$_tr_o" | od -An -c | tr -d ' ')" != '\n' ] && echo '> (no newline at the end)'
		sed 's/^/! /' "$_tr_e"
		[ -s "$_tr_e" ] && [ "$(tail -c 1 "$_tr_e" | od -An -c | tr -d ' ')" != '\n' ] && echo '! (no newline at the end)'
		echo "= $_tr_st"
	} >>"$TRACE"
}

# sql QUERY — read (or set up) the test database with the sqlite3 shell; an
# sqlite error fails the test (also inside $(…)), so a query that cannot
# run never passes for an empty answer.
sql() {
	sqlite3 -batch -noheader "$TMPDIR_TUI/test.db" "$1" 2>"$TMPDIR_TUI/sql.err" || {
		not_ok "sql '$1': $(cat "$TMPDIR_TUI/sql.err")" >&2
		return 1
	}
}

# sql_dump [DB] — the whole database as SQL text (the test database by
# default); an error, or no text at all, fails the test.
sql_dump() {
	sqlite3 "${1:-$TMPDIR_TUI/test.db}" .dump >"$TMPDIR_TUI/dump.sql" 2>"$TMPDIR_TUI/sql.err" &&
		grep -q "CREATE TABLE" "$TMPDIR_TUI/dump.sql" || {
		not_ok "sqlite3 .dump ${1:-test.db}: $(cat "$TMPDIR_TUI/sql.err")" >&2
		return 1
	}
	cat "$TMPDIR_TUI/dump.sql"
}

# Start the terminal at COLS x ROWS; the exit status lands in a file.
tui_start() {
	cols=$1 rows=$2
	shift 2
	cat >"$TMPDIR_TUI/run.sh" <<-RUN
	cd "$TMPDIR_TUI" || exit 1
	"$LUUKKU" --db "$TMPDIR_TUI/test.db" "\$@"
	echo \$? >"$TMPDIR_TUI/status"
	sleep 60
	RUN
	rm -f "$TMPDIR_TUI/status"
	tm kill-server >/dev/null 2>&1
	TMUX_SERIAL=$((TMUX_SERIAL + 1))
	TMUX_SOCK=luukku-test-$$-$TMUX_SERIAL
	tm new-session -d -x "$cols" -y "$rows" \
		-e LUUKKU_NOW="$LUUKKU_NOW" -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e TERM=xterm-256color \
		sh "$TMPDIR_TUI/run.sh" "$@" || {
		echo "not ok - tmux did not start" >&2
		exit 1
	}
	trace "== start $cols x $rows: $*"
	# The first frame is there when the bar is drawn.
	wait_for "F10" || {
		echo "not ok - luukku did not draw its first screen" >&2
		exit 1
	}
}

keys() {
	trace "keys $*"
	tm send-keys "$@"
}

type_text() {
	trace "type $1"
	tm send-keys -l "$1"
}

screen() {
	tm capture-pane -p
}

# poll_for TEXT [SECONDS] — 0 as soon as TEXT (a fixed string) is on the
# screen, 1 after SECONDS (5). Only the status: the caller decides.
poll_for() {
	poll_screen -F "$1" "${2:-5}"
}

# poll_screen GREP_FLAG PATTERN SECONDS [!] — the loop under the waits: until
# a line matches (or, with !, until none does).
poll_screen() {
	_ps_end=$(( $3 * 10 )) _ps_i=0
	while :; do
		if screen | grep -q "$1" -- "$2"; then
			[ "${4:-}" != "!" ] && return 0
		else
			[ "${4:-}" = "!" ] && return 0
		fi
		_ps_i=$((_ps_i + 1))
		[ $_ps_i -ge "$_ps_end" ] && return 1
		sleep 0.1
	done
}

# steady_screen — the screen once two captures 0.05 s apart agree (≤ 2 s).
steady_screen() {
	_ss_a=$(screen) _ss_i=0
	while [ $_ss_i -lt 40 ]; do
		sleep 0.05
		_ss_b=$(screen)
		[ "$_ss_a" = "$_ss_b" ] && break
		_ss_a=$_ss_b _ss_i=$((_ss_i + 1))
	done
	printf '%s\n' "$_ss_a"
}

# waited OK WHAT — trace the outcome of a wait, with the steady screen it found.
waited() {
	[ -n "$TRACE" ] || return 0
	trace "== wait $2: $1"
	[ "$1" = found ] && steady_screen | sed 's/^/| /' >>"$TRACE"
	return 0
}

# wait_for TEXT [SECONDS] — wait (≤ SECONDS, 5) until TEXT shows: 0 when it
# did; otherwise the test fails here ("not ok", with the screen) and 1.
wait_for() {
	if poll_for "$1" "${2:-5}"; then
		waited found "for $1"
		return 0
	fi
	waited "timed out" "for $1"
	not_ok "the screen shows '$1' (waited ${2:-5} s)"
	screen | sed 's/^/#   /'
	return 1
}

# wait_match REGEX [SECONDS] — wait_for with a grep (basic) regular expression.
wait_match() {
	if poll_screen -G "$1" "${2:-5}"; then
		waited found "for /$1/"
		return 0
	fi
	waited "timed out" "for /$1/"
	not_ok "a line of the screen matches /$1/ (waited ${2:-5} s)"
	screen | sed 's/^/#   /'
	return 1
}

# wait_gone TEXT [SECONDS] — wait until TEXT is off the screen; else fail.
wait_gone() {
	if poll_screen -F "$1" "${2:-5}" !; then
		waited found "until '$1' is gone"
		return 0
	fi
	waited "timed out" "until '$1' is gone"
	not_ok "'$1' leaves the screen (waited ${2:-5} s)"
	screen | sed 's/^/#   /'
	return 1
}

# see_match WHAT REGEX [SECONDS] — see with a grep regular expression.
see_match() {
	if poll_screen -G "$2" "${3:-5}"; then
		waited found "for /$2/"
		ok "$1"
		return 0
	fi
	waited "timed out" "for /$2/"
	not_ok "$1 (no line matches /$2/)"
	screen | sed 's/^/#   /'
	return 1
}

# see WHAT TEXT [SECONDS] — the check "WHAT": TEXT shows within SECONDS (5).
see() {
	if poll_for "$2" "${3:-5}"; then
		waited found "for $2"
		ok "$1"
		return 0
	fi
	waited "timed out" "for $2"
	not_ok "$1 (no '$2' on the screen)"
	screen | sed 's/^/#   /'
	return 1
}

# Compare the screen with the expected one on stdin; the screen may lag a
# keystroke behind, so retry for up to ~5 s before printing the diff.
assert_screen() {
	name=$1
	cat >"$TMPDIR_TUI/$name.expected"
	i=0
	while :; do
		screen >"$TMPDIR_TUI/$name.screen"
		if cmp -s "$TMPDIR_TUI/$name.expected" "$TMPDIR_TUI/$name.screen"; then
			[ -n "${TUI_SCREENS:-}" ] && mkdir -p "$TUI_SCREENS" && cp "$TMPDIR_TUI/$name.screen" "$TUI_SCREENS/"
			trace_screen "$name" ok
			ok "$name"
			return 0
		fi
		i=$((i + 1))
		[ $i -ge 50 ] && break
		sleep 0.1
	done
	trace_screen "$name" "not ok"
	not_ok "$name"
	[ -n "${TUI_SCREENS:-}" ] && mkdir -p "$TUI_SCREENS" && cp "$TMPDIR_TUI/$name.screen" "$TUI_SCREENS/"
	diff -u "$TMPDIR_TUI/$name.expected" "$TMPDIR_TUI/$name.screen" | sed 's/^/# /'
	return 1
}

# trace_screen NAME RESULT — the screen assert_screen compared, in the trace.
trace_screen() {
	[ -n "$TRACE" ] || return 0
	trace "== screen $1: $2"
	sed 's/^/| /' "$TMPDIR_TUI/$1.screen" >>"$TRACE"
}

# Wait for the terminal to end and check its exit status.
assert_exit() {
	i=0
	while [ ! -s "$TMPDIR_TUI/status" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	got=$(cat "$TMPDIR_TUI/status" 2>/dev/null)
	if [ "$got" = "$1" ]; then
		ok "exits with status $1"
	else
		not_ok "exits with status $1 (got '${got:-still running}')"
	fi
	tm kill-server >/dev/null 2>&1
}

finish() {
	if [ -e "$TMPDIR_TUI/failed" ] && [ "$TESTS_FAILED" -eq 0 ]; then
		echo "# a check inside \$(…) failed"
		TESTS_FAILED=1
	fi
	if [ "$TESTS_FAILED" -gt 0 ]; then
		echo "# $TESTS_FAILED of $TESTS_RUN failed"
		exit 1
	fi
	exit 0
}
