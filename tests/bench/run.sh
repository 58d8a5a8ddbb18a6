#!/bin/sh
# run.sh BUILD — the benchmarks behind docs/performance.md, on a machine
# that other work may share (every step bounded):
#   1. building the demo area (20 000 clients with history; 1 000 000
#      clients, register only), kept in build/bench/ and reused — delete
#      them to rebuild;
#   2. search latency per keystroke on both (bench_search);
#   3. the real luukku under a pty, 80×24 and 120×40: start to first
#      screen, resident memory, bytes per keystroke against a full repaint
#      of the same screen (bench_tty);
#   4. sync bytes and times on loopback and over a shaped 64 kbit/s,
#      300 ms link (sync.sh);
#   5. many desks on one luukkud (load.sh, bench_load);
#   6. a fresh desk's first sync of the 20 000-client demo area, area-wide,
#      scoped to one point and a kiosk (first-sync.sh);
#   7. the reports of issue 7 on the 20 000-client area, whole and one
#      point (report.sh);
#   8. the register import of issue 16: 20 000 clients from a CSV file into
#      a fresh desk, the same file again, and the export (import.sh);
#   9. the events of issue 17 on the 20 000-client area: inviting a target
#      group of about 5 000, opening a participant list of 200 (events.sh).
# BENCH_LARGE sets the large register's size (1000000); BENCH_ONLY=search,
# tty, sync, load, first-sync, report, import or events runs one part (report and
# events build only the 20 000-client area).
set -e
build=${1:-build}
dir=$build/bench
mkdir -p "$dir"
export LUUKKU_NOW="2026-03-02 09:00"
large=${BENCH_LARGE:-1000000}
only=${BENCH_ONLY:-}
part() { [ -z "$only" ] || [ "$only" = "$1" ]; }
for n in 20000 $large; do
	[ "$only" = report ] && [ "$n" != 20000 ] && continue
	[ "$only" = events ] && [ "$n" != 20000 ] && continue
	[ "$only" = import ] && continue
	db=$dir/demo-$n.db
	if [ ! -f "$db" ]; then
		echo "== luukku demo, $n clients"
		start=$(date +%s.%N)
		# Above Pohjois-Karjala's size only the register matters for search.
		o=""; [ "$n" -gt 100000 ] && o=--only-clients
		"$build/luukku" --db "$db" demo --area pohjois-karjala --clients "$n" --seed 1 $o
		end=$(date +%s.%N)
		awk -v a="$start" -v b="$end" 'BEGIN { printf "wall time: %.1f s\n", b - a }'
	fi
	if part search; then
		echo "== search as you type, $n clients"
		"$build/tests/bench_search" "$db" 300
	fi
done
if part tty; then
	for n in 20000 $large; do
		db=$dir/demo-$n.db
		# 20 clients spread over the register: "Surname Firstgiven", typed.
		step=$(( $(sqlite3 "$db" 'select max(rowid) from client') / 20 ))
		names=$(sqlite3 "$db" "select surname || ' ' || substr(given_names, 1,
			instr(given_names || ' ', ' ') - 1) from client where rowid % $step = 7 limit 20" |
			tr '\n' '|')
		for size in "80 24" "120 40"; do
			echo "== the terminal through a pty, $n clients, ${size% *}x${size#* }"
			cols=${size% *} rows=${size#* }
			(IFS='|'; set -f; timeout 600 "$build/tests/bench_tty" "$build/luukku" "$db" "$cols" "$rows" $names) |
				grep -v '^run '
		done
	done
fi
if part sync; then
	echo "== sync: bytes and a slow link"
	timeout 600 sh tests/bench/sync.sh "$build/luukku"
fi
if part first-sync; then
	echo "== a fresh desk's first sync, loopback"
	FIRST_SYNC_KEEP=$dir/first-sync-node.db timeout 900 sh tests/bench/first-sync.sh "$build/luukku"
fi
if part load; then
	echo "== desks on one luukkud"
	timeout 1200 sh tests/bench/load.sh "$build" ${BENCH_LOAD_STEPS:-100 300 1000}
fi
if part report; then
	echo "== reports, 20 000 clients"
	timeout 1200 sh tests/bench/report.sh "$build/luukku" "$dir/demo-20000.db"
fi
if part import; then
	echo "== import and export of the register, 20 000 clients"
	timeout 600 sh tests/bench/import.sh "$build/luukku"
fi
if part events; then
	echo "== events, 20 000 clients"
	timeout 1200 sh tests/bench/events.sh "$build/luukku" "$dir/demo-20000.db"
fi
