# tests/tui/lib.sh — helpers for TUI tests that drive the real luukku binary
# in tmux, tig-style: keystrokes in, the screen out, compared with the
# expected screen written in the test.
#
# A test sources this file with the binary as $1, builds its database with
# the CLI, then:
#   tui_start COLS ROWS [luukku args…]   start the terminal in its own tmux server
#   keys KEY…                            tmux send-keys (names like Enter, F10, Down)
#   type_text TEXT                       type literal text
#   wait_for TEXT                        wait (≤ 5 s) until TEXT is on the screen
#   assert_screen NAME <<EOF … EOF       compare the whole screen, print a diff
#   assert_exit STATUS                   wait for luukku to end and check its status
# With TUI_SCREENS=DIR set, every captured screen is also kept there as
# NAME.screen (to review a changed screen and paste it into the test).
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
}

not_ok() {
	TESTS_RUN=$((TESTS_RUN + 1))
	TESTS_FAILED=$((TESTS_FAILED + 1))
	echo "not ok - $*"
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

# Run the CLI on the test database; print its output, fail the test on error.
lk() {
	"$LUUKKU" --db "$TMPDIR_TUI/test.db" --lang fi "$@" || {
		echo "not ok - luukku $* failed" >&2
		exit 1
	}
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
	# The first frame is there when the bar is drawn.
	wait_for "F10" >/dev/null || {
		echo "not ok - luukku did not draw its first screen" >&2
		screen | sed 's/^/# /' >&2
		exit 1
	}
}

keys() {
	tm send-keys "$@"
}

type_text() {
	tm send-keys -l "$1"
}

screen() {
	tm capture-pane -p
}

# Wait until TEXT shows; 0 when it did, 1 after about 5 seconds.
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		if screen | grep -F -q -- "$1"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	echo "# timed out waiting for: $1" >&2
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
			ok "$name"
			return 0
		fi
		i=$((i + 1))
		[ $i -ge 50 ] && break
		sleep 0.1
	done
	not_ok "$name"
	[ -n "${TUI_SCREENS:-}" ] && mkdir -p "$TUI_SCREENS" && cp "$TMPDIR_TUI/$name.screen" "$TUI_SCREENS/"
	diff -u "$TMPDIR_TUI/$name.expected" "$TMPDIR_TUI/$name.screen" | sed 's/^/# /'
	return 1
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
	if [ "$TESTS_FAILED" -gt 0 ]; then
		echo "# $TESTS_FAILED of $TESTS_RUN failed"
		exit 1
	fi
	exit 0
}
