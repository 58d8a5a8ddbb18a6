#!/bin/sh
# report.sh LUUKKU DB [RUNS] — the reports of issue 7 on a demo area
# (docs/performance.md, "Reports"): each of `luukku report NAME --csv`, for
# the whole area and for one point (BENCH_REPORT_POINT, Joensuu: the
# largest), run RUNS (BENCH_REPORT_RUNS, 11) times; prints the median, the
# fastest and the slowest wall time of the whole command (exec, open, the
# report, CSV to a file), the median CPU time (user + system: what other
# work on a shared machine inflates least) and the CSV's lines. LUUKKU_NOW
# as run.sh sets it. Figures, not a pass/fail test.
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
			# times: the subshell's children's CPU, i.e. luukku's.
			( timeout 60 "$luukku" --db "$db" "$@" >"$T/out" && times >"$T/cpu" ) ||
				{ echo "luukku $* failed" >&2; exit 1; }
			t1=$(date +%s%N)
			awk -v us=$(( (t1 - t0) / 1000 )) 'NR == 2 {
				split($1, u, /[ms]/); split($2, s, /[ms]/)
				printf "%d %d\n", us, (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000000 }' \
				"$T/cpu" >>"$T/times"
			i=$((i + 1))
		done
		# Wall time: median, fastest, slowest; CPU (user + system): median.
		awk -v what="$r, $scope" -v lines="$(wc -l <"$T/out")" '
			function median(v, n) {
				return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
			}
			function sort(v, n,   i, j, x) {
				for (i = 2; i <= n; i++) {
					x = v[i]
					for (j = i - 1; j > 0 && v[j] > x; j--)
						v[j + 1] = v[j]
					v[j + 1] = x
				}
			}
			{ w[NR] = $1; c[NR] = $2 }
			END {
				sort(w, NR); sort(c, NR)
				printf "%-26s n=%-3d median %8.1f ms   min %8.1f ms   max %8.1f ms   cpu %8.1f ms   %5d lines\n",
					what, NR, median(w, NR) / 1000, w[1] / 1000, w[NR] / 1000,
					median(c, NR) / 1000, lines
			}' "$T/times"
	done
done
