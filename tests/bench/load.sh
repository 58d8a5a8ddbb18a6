#!/bin/sh
# load.sh BUILD [N…] — many desks on one luukkud (docs/performance.md):
# a node on a copy of the 20 000-client demo area, on 127.0.0.1; desks
# enrolled with `luukkud enrol NAME --scope POINT` (one service point per
# municipality, desks spread over them, each editing its own client of that
# municipality); then bench_load drives the desks' real protocol from
# separate worker processes, for BENCH_LOAD_SECONDS (30) per step, one change
# per desk every BENCH_LOAD_INTERVAL_MS (5000). Figures, not pass/fail.
set -e
build=${1:-build}; shift || true
steps=${*:-100 300 1000}
max=0; for n in $steps; do [ "$n" -gt "$max" ] && max=$n; done
seconds=${BENCH_LOAD_SECONDS:-30}
interval=${BENCH_LOAD_INTERVAL_MS:-5000}
workers=${BENCH_LOAD_WORKERS:-8}
src=$build/bench/demo-20000.db
T=$(mktemp -d)
NODE_PID=
trap '[ -n "$NODE_PID" ] && kill "$NODE_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$T"' EXIT
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "file descriptors: soft limit $(ulimit -n), hard $(ulimit -Hn)"
sqlite3 "$src" "VACUUM INTO '$T/node.db'"
lkd() { timeout 30 "$build/luukkud" --db "$T/node.db" "$@"; }
# Desk i: the point (i mod P) of P points with distinct municipalities, and
# the (i div P)-th client of that municipality.
sqlite3 -separator ' ' "$T/node.db" "
WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < $max - 1),
sp AS (SELECT min(id) AS id, municipality_id FROM service_point GROUP BY municipality_id),
spk AS (SELECT id, municipality_id, row_number() OVER (ORDER BY id) - 1 AS k,
               count(*) OVER () AS np FROM sp),
c AS (SELECT id, municipality_id,
             row_number() OVER (PARTITION BY municipality_id ORDER BY id) - 1 AS r FROM client)
SELECT d.i, spk.id, c.id FROM d JOIN spk ON spk.k = d.i % spk.np
JOIN c ON c.municipality_id = spk.municipality_id AND c.r = d.i / spk.np ORDER BY d.i" >"$T/plan"
echo "desks planned: $(wc -l <"$T/plan") over $(cut -d' ' -f2 "$T/plan" | sort -u | wc -l) service points (one per municipality)"
t0=$(date +%s)
while read -r i point client; do
	echo "$(lkd enrol "load-$i" --scope "$point") $client"
done <"$T/plan" >"$T/desks"
echo "luukkud enrol: $(wc -l <"$T/desks") codes in $(( $(date +%s) - t0 )) s"
"$build/luukkud" --db "$T/node.db" --listen 127.0.0.1:0 --log-level info 2>"$T/node.log" &
NODE_PID=$!
i=0; PORT=
while [ $i -lt 100 ] && [ -z "$PORT" ]; do
	sleep 0.05; i=$((i + 1))
	PORT=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$T/node.log" | head -1)
done
[ -n "$PORT" ] || { cat "$T/node.log" >&2; echo "luukkud did not start" >&2; exit 1; }
echo "luukkud pid $NODE_PID on 127.0.0.1:$PORT; $(nproc) cores"
timeout $(( seconds * 4 + 300 )) "$build/tests/bench_load" "$PORT" "$T/node.db" "$T/desks" \
	"$workers" "$interval" "$seconds" $steps
echo "luukkud: $(grep -E '^(VmHWM|VmRSS|Threads)' /proc/$NODE_PID/status | tr -s ' \t' ' ' | tr '\n' ' ')"
echo "luukkud CPU: $(awk '{ printf "%.1f s user, %.1f s system", $14 / 100, $15 / 100 }' /proc/$NODE_PID/stat)"
echo "node log: $(sqlite3 "$T/node.db" 'select count(*) from hub_log') entries"
