#!/bin/sh
# first-sync.sh LUUKKU — a fresh desk's first sync of a demo area, the row
# "fresh desk's first sync" of docs/performance.md: a real luukkud on
# 127.0.0.1 seeded with `luukkud demo` (FIRST_SYNC_CLIENTS, 20 000), then
# an area-wide desk and a desk scoped to one point (Joensuu) each enrol and
# run their first round; prints the time of enrol + sync of each.
# Loopback only, every step bounded. Figures, not a pass/fail test.
. "$(dirname "$0")/../sync/lib.sh"
CLIENTS=${FIRST_SYNC_CLIENTS:-20000}
POINT=${FIRST_SYNC_POINT:-joensuun-palvelupiste}

now_ms() { date +%s%3N; }

# first NAME SCOPE — enrol a fresh desk and time its enrol + first round.
first() {
	code=$(lkd enrol "$1" --scope "$2") || { echo "enrol $1 failed" >&2; exit 1; }
	t0=$(now_ms)
	timeout 120 "$LUUKKU" --db "$T/$1.db" enrol "127.0.0.1:$PORT" "$code" >/dev/null ||
		{ echo "desk $1 did not join" >&2; exit 1; }
	timeout 300 "$LUUKKU" --db "$T/$1.db" sync --timeout 280 >"$T/sync.out" 2>&1 ||
		{ cat "$T/sync.out" >&2; exit 1; }
	t1=$(now_ms)
	clients=$(sqlite3 "$T/$1.db" "select count(*) from client")
	echo "$1 ($2): $((t1 - t0)) ms, $clients clients; $(tail -n 1 "$T/sync.out")"
}

# FIRST_SYNC_KEEP=FILE keeps the seeded node (or starts from it when it
# exists), to time several builds on the same snapshot.
KEEP=${FIRST_SYNC_KEEP:-}
t0=$(now_ms)
if [ -n "$KEEP" ] && [ -f "$KEEP" ]; then cp "$KEEP" "$NODE_DB"; else
timeout 300 "$LUUKKUD" --db "$NODE_DB" demo --area pohjois-karjala --clients "$CLIENTS" --seed 1 \
	>"$T/demo.out" 2>&1 || { cat "$T/demo.out" >&2; exit 1; }
[ -n "$KEEP" ] && cp "$NODE_DB" "$KEEP"
fi
echo "node demo ($CLIENTS clients): $(($(now_ms) - t0)) ms"
node_start
first point "$POINT"
first area area
first kiosk kiosk
node_stop
