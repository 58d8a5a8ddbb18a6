#!/bin/sh
# run.sh BUILD — the benchmarks behind docs/performance.md: how long the
# demo area takes to build, and search latency per keystroke, on registers
# of 20 000 (Pohjois-Karjala) and 1 000 000 clients. Databases are kept in
# build/bench/ and reused; delete them to rebuild.
set -e
build=${1:-build}
dir=$build/bench
mkdir -p "$dir"
export LUUKKU_NOW="2026-03-02 09:00"
for n in 20000 ${BENCH_LARGE:-1000000}; do
	db=$dir/demo-$n.db
	if [ ! -f "$db" ]; then
		echo "== luukku demo, $n clients"
		start=$(date +%s.%N)
		# Above Pohjois-Karjala's size only the register matters for search.
		only=""; [ "$n" -gt 100000 ] && only=--only-clients
		"$build/luukku" --db "$db" demo --area pohjois-karjala --clients "$n" --seed 1 $only
		end=$(date +%s.%N)
		awk -v a="$start" -v b="$end" 'BEGIN { printf "wall time: %.1f s\n", b - a }'
	fi
	echo "== search as you type, $n clients"
	"$build/tests/bench_search" "$db" 300
done
