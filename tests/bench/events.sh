#!/bin/sh
# events.sh LUUKKU DB [RUNS] — the events of issue 17 on a demo area
# (docs/performance.md, "Events"), on a copy of DB: inviting a target group
# of about 5 000 clients (those in Joensuu 9 months or more in job search; letters
# not printed) to a new targeted session — the dry run that counts it and
# the invitation that writes it, each on a fresh event — and opening a
# participant list of 200 (200 signed up, 20 waiting, the rest of the
# group invited), `event show` in words and as TSV. RUNS (BENCH_EVENTS_RUNS,
# 5) of each; prints the median, fastest and slowest wall time of the whole
# command. LUUKKU_NOW as run.sh sets it. Figures, not a pass/fail test.
set -e
luukku=$1
db=$2
runs=${3:-${BENCH_EVENTS_RUNS:-5}}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cp "$db" "$T/e.db"
lk() { "$luukku" --db "$T/e.db" "$@"; }
host=$(sqlite3 "$T/e.db" "select id from staff where role = 'caseworker' order by id limit 1")
echo "data: $(sqlite3 "$T/e.db" "select (select count(*) from client) || ' clients, ' ||
	(select count(*) from appointment) || ' appointments'"); $runs runs each"

# stats FILE WHAT — median, fastest, slowest of the microseconds in FILE.
stats() {
	sort -n "$1" | awk -v what="$2" '{ t[NR] = $1 } END {
		printf "%-40s median %7.1f ms  fastest %7.1f ms  slowest %7.1f ms\n", what,
			t[int((NR + 1) / 2)] / 1000, t[1] / 1000, t[NR] / 1000 }'
}
# timed FILE cmd… — run, append the wall time in microseconds to FILE.
timed() {
	f=$1; shift
	t0=$(date +%s%N)
	"$@" >"$T/out"
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000 )) >>"$f"
}

: >"$T/dry"; : >"$T/inv"
i=0
while [ "$i" -lt "$runs" ]; do
	# A new event each run, on a new day, so every run invites afresh.
	day=$(printf '2026-04-%02d' $((i + 6)))
	e=$(lk event add --title "Kohdennettu info $i" --kind targeted --point joensuun-palvelupiste \
		--at "$day 07:00" --minutes 60 --capacity 200 --host "$host" --obligation)
	timed "$T/dry" lk event invite "$e" --municipality Joensuu --months 9 --dry-run
	timed "$T/inv" lk event invite "$e" --municipality Joensuu --months 9
	i=$((i + 1))
done
echo "target group: $(cat "$T/out")"
stats "$T/dry" "event invite --dry-run (count only)"
stats "$T/inv" "event invite (written, one transaction)"

# The last event's list: 220 sign-ups, one command each.
for c in $(sqlite3 "$T/e.db" "select client_id from event_participant where event_id = '$e' limit 220"); do
	lk event sign-up "$e" --client "$c" >/dev/null
done
: >"$T/show"; : >"$T/tsv"
i=0
while [ "$i" -lt "$runs" ]; do
	timed "$T/show" lk event show "$e"
	timed "$T/tsv" lk event show "$e" --tsv
	i=$((i + 1))
done
echo "list: $(awk -F'\t' '{ n[$3]++ } END { for (s in n) printf "%s %d  ", s, n[s] }' "$T/out")"
stats "$T/show" "event show (in words)"
stats "$T/tsv" "event show --tsv"
: >"$T/list"
timed "$T/list" lk event list --point joensuun-palvelupiste --from 2026-04-01 --days 30
stats "$T/list" "event list (a month at the point, once)"
