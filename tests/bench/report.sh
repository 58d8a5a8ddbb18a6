#!/bin/sh
# report.sh LUUKKU DB [RUNS] — the reports of issue 7 on a demo area
# (docs/performance.md, "Reports"): each of `luukku report NAME --csv`, for
# the whole area and for one point (BENCH_REPORT_POINT, Joensuu: the
# largest), run RUNS (BENCH_REPORT_RUNS, 11) times; prints the median, the
# fastest and the slowest wall time of the whole command (exec, open, the
# report, CSV to a file) and the CSV's lines. LUUKKU_NOW as run.sh sets it.
# Figures, not a pass/fail test.
set -e
luukku=$1
db=$2
runs=${3:-${BENCH_REPORT_RUNS:-11}}
point=${BENCH_REPORT_POINT:-joensuun-palvelupiste}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
echo "data: $(sqlite3 "$db" "select (select count(*) from client) || ' clients, ' ||
	(select count(*) from appointment) || ' appointments, ' ||
	(select count(*) from plan) || ' plans, ' ||
	(select count(*) from tym_case) || ' TYM cases, ' ||
	(select count(*) from visit) || ' visits'"); $runs runs each; point $point"
for r in face-to-face walk-in caseload cadence tym integration outside-home channels; do
	for scope in area point; do
		set -- report "$r" --csv
		[ "$scope" = point ] && set -- "$@" --point "$point"
		i=0
		: >"$T/times"
		while [ "$i" -lt "$runs" ]; do
			t0=$(date +%s%N)
			timeout 60 "$luukku" --db "$db" "$@" >"$T/out" ||
				{ echo "luukku $* failed" >&2; exit 1; }
			t1=$(date +%s%N)
			echo $(( (t1 - t0) / 1000 )) >>"$T/times"
			i=$((i + 1))
		done
		sort -n "$T/times" | awk -v what="$r, $scope" -v lines="$(wc -l <"$T/out")" '
			{ v[NR] = $1 }
			END {
				m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
				printf "%-26s n=%-3d median %8.1f ms   min %8.1f ms   max %8.1f ms   %5d lines\n",
					what, NR, m / 1000, v[1] / 1000, v[NR] / 1000, lines
			}'
	done
done
