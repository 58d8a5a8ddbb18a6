#!/bin/sh
# run.sh BUILD — run every test against the binaries in BUILD: the cmocka
# unit tests, the CLI scripts, the sync scripts (a real luukkud on
# loopback), the tmux TUI scripts and the Debian packages. Prints one line per
# test program and a closing "check: N passed, N failed".
build=${1:-build/san}
bin=$build/luukku
pass=0 fail=0 failed=""
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LUUKKU_LOCALEDIR=$PWD/$build/locale
export LANG=C.UTF-8
unset LUUKKU_DB LUUKKU_CONFIG LUUKKU_LANG LUUKKU_NOW
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() {
	name=$1; shift
	if "$@" >"$tmp/out" 2>&1; then
		pass=$((pass + 1)); echo "PASS $name"
	else
		fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name"
		sed 's/^/    /' "$tmp/out" | tail -n 60
	fi
}

# The house's arrows: includes run one way, screens meet only in the gate.
run house/arrows sh scripts/check-arrows.sh "$build"
for t in "$build"/tests/test_*; do
	[ -x "$t" ] && run "unit/$(basename "$t")" "$t"
done
for t in tests/cli/test-*.sh; do
	[ -f "$t" ] && run "cli/$(basename "$t" .sh)" sh "$t" "$bin"
done
# Sync against a real luukkud on loopback; each script bounded in time.
for t in tests/sync/test-*.sh; do
	[ -f "$t" ] && run "sync/$(basename "$t" .sh)" timeout 300 sh "$t" "$bin"
done
if command -v tmux >/dev/null 2>&1; then
	for t in tests/tui/test-*.sh; do
		[ -f "$t" ] && run "tui/$(basename "$t" .sh)" sh "$t" "$bin"
	done
else
	echo "FAIL tui: tmux is missing (make deps installs it)"; fail=$((fail + 1))
fi
# The Debian packages for real: built, linted, installed, upgraded over data,
# downgraded and purged (tests/deb/test-deb.sh; a few minutes at most). It
# needs root or password-less sudo and a machine without the packages; where
# it cannot run, it says why and is skipped.
if why=$(sh tests/deb/test-deb.sh --can-run); then
	run deb/packages timeout 900 sh tests/deb/test-deb.sh
else
	echo "SKIP deb/packages: $why"
fi
# A short fuzz run of each libFuzzer target (make fuzz runs longer).
for f in build/fuzz/fuzz_*; do
	[ -x "$f" ] || continue
	name=${f#build/fuzz/fuzz_}
	mkdir -p "$tmp/corpus-$name"
	run "fuzz/$name" "$f" -max_total_time="${FUZZ_SECONDS:-5}" "$tmp/corpus-$name" "tests/fuzz/corpus/$name"
done
[ -n "$failed" ] && echo "failed:$failed"
echo "check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
