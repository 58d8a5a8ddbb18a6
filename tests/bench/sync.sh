#!/bin/sh
# sync.sh LUUKKU — sync figures behind docs/performance.md: bytes on the wire
# of an idle round and of one changed field, and the time of a day's changes
# of one office over a slow link. A real luukkud on 127.0.0.1 and desks
# enrolled with it (tests/sync/lib.sh); the slow link is lkproxy holding
# every chunk for half of a 300 ms round trip plus its length at
# 64 kbit/s (8 000 bytes a second). Figures, not a pass/fail test.
. "$(dirname "$0")/../sync/lib.sh"
RTT=300
RATE=8000
CHANGES=${BENCH_DAY_CHANGES:-300}
PROXY_PID=

# sync_bytes NAME — one round; prints "OUT IN".
sync_bytes() {
	timeout 60 "$LUUKKU" --db "$T/$1.db" sync >"$T/sync.out" 2>&1 || { cat "$T/sync.out" >&2; exit 1; }
	sed -n 's/.* \([0-9]*\) bytes out, \([0-9]*\) bytes in.*/\1 \2/p' "$T/sync.out"
}

# now_ms — the wall clock in milliseconds.
now_ms() { date +%s%3N; }

# proxy_on NAME… — route the desks through a shaping proxy to the node.
proxy_on() {
	"$LKPROXY" proxy "$PORT" --delay $RTT --rate $RATE >"$T/proxy.port" &
	PROXY_PID=$!
	i=0; while [ ! -s "$T/proxy.port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	for d in "$@"; do
		sqlite3 "$T/$d.db" "update meta set value = '127.0.0.1:$(cat "$T/proxy.port")' where key = 'sync_node'"
	done
}
proxy_off() {
	[ -n "$PROXY_PID" ] && kill "$PROXY_PID" 2>/dev/null && wait "$PROXY_PID" 2>/dev/null
	PROXY_PID=
	for d in "$@"; do
		sqlite3 "$T/$d.db" "update meta set value = '127.0.0.1:$PORT' where key = 'sync_node'"
	done
}
trap 'proxy_off; node_kill; rm -rf "$T"' EXIT

# timed NAME — one round through the proxy; prints "MS OUT IN".
timed() {
	t0=$(now_ms)
	b=$(sync_bytes "$1")
	t1=$(now_ms)
	echo "$((t1 - t0)) $b"
}

lkd init --area pohjois-karjala >/dev/null
node_start
desk a; desk b
sync a b
C=$(on a client add --name "Virtanen, Matti" --municipality Joensuu --phone "040 1")
sync a b a b

echo "== idle round, loopback (handshake HELLO 75 + WELCOME 134 + PROOF 70 = 279 bytes)"
for i in 1 2 3 4 5; do
	set -- $(sync_bytes a)
	echo "idle: $1 out + $2 in = $(($1 + $2)) bytes; after the handshake $(($1 + $2 - 279))"
done
set -- $(sync_bytes b); IDLE_B_IN=$2
set -- $(sync_bytes a); IDLE_A_OUT=$1

echo "== one changed field (client phone), loopback"
for i in 1 2 3; do
	on a client set "$C" --phone "040 1$i" >/dev/null
	set -- $(sync_bytes a); sent=$(($1 - IDLE_A_OUT))
	set -- $(sync_bytes b); got=$(($2 - IDLE_B_IN))
	echo "one field: +$sent bytes sent by desk a, +$got bytes received by desk b (over an idle round)"
done

echo "== idle round over ${RTT} ms round trip, $((RATE * 8 / 1000)) kbit/s"
proxy_on a b
for i in 1 2 3; do
	set -- $(timed a)
	echo "idle: $1 ms, $(($2 + $3)) bytes (about $(( ($1 + RTT / 2) / RTT )) round trips of ${RTT} ms incl. TCP connect)"
done
proxy_off a b

echo "== a day of one office: $CHANGES changes on desk a"
i=0; ids=""
while [ $i -lt $((CHANGES / 3)) ]; do
	id=$(on a client add --name "Päivä$i, Anna" --municipality Joensuu --phone "050 $i")
	ids="$ids $id"
	i=$((i + 1))
done
n=0
for id in $ids; do
	on a client set "$id" --email "anna$n@example.fi" >/dev/null
	on a client set "$id" --phone "045 $n" >/dev/null
	n=$((n + 1))
done
echo "outbox of desk a: $(q a 'select count(*) from outbox') changes, $(q a 'select sum(length(changeset)) from outbox') bytes of changesets"
proxy_on a b
set -- $(timed a)
echo "push over the slow link: $1 ms, $2 bytes out, $3 bytes in"
set -- $(timed b)
echo "pull over the slow link: $1 ms, $2 bytes out, $3 bytes in"
proxy_off a b
same "desk b got the day's clients" "$(q b "select count(*) from client where surname like 'Päivä%'")" "$((CHANGES / 3))"
node_stop
