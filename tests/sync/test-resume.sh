# A link that drops anywhere loses nothing and applies nothing twice (sync
# contract 9): a round cut after every byte count of its session, a desk
# killed with -9 mid-round, luukkud killed with -9 mid-round.
. "$(dirname "$0")/lib.sh"

lkd init --area pohjois-karjala >/dev/null
node_start
desk a; desk b
sync a b
C=$(on a client add --name "Virtanen, Matti" --municipality Joensuu)
sync a b

# proxy_start [OPTIONS] — an lkproxy in front of the node; desk a uses it.
proxy_start() {
	rm -f "$T/proxy.port"
	"$LKPROXY" proxy "$PORT" "$@" >"$T/proxy.port" &
	PROXY=$!
	i=0; while [ ! -s "$T/proxy.port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	sqlite3 "$T/a.db" "update meta set value = '127.0.0.1:$(cat "$T/proxy.port")' where key = 'sync_node'"
}
proxy_stop() {
	kill "$PROXY" 2>/dev/null; wait "$PROXY" 2>/dev/null
	sqlite3 "$T/a.db" "update meta set value = '127.0.0.1:$PORT' where key = 'sync_node'"
}
no_twice() {
	same "$1: no change applied twice on the node" \
		"$(q node 'select count(*) from (select desk, hlc from hub_log group by desk, hlc having count(*) > 1)')" "0"
}
converged() {
	sync a b a b
	h=$(content "$NODE_DB")
	same "$1: desk a equals the node" "$(content "$T/a.db")" "$h"
	same "$1: desk b equals the node" "$(content "$T/b.db")" "$h"
	same "$1: nothing left waiting" "$(q a 'select count(*) from outbox')$(q b 'select count(*) from outbox')" "00"
	no_twice "$1"
}

# The size of one round: desk a sends a change and receives one of b's.
on a client set "$C" --phone "040 0" >/dev/null
on b client add --name "Koski, Kaisa" --municipality Joensuu >/dev/null
total=$(on a sync | sed -n 's/.* \([0-9]*\) bytes out, \([0-9]*\) bytes in.*/\1 + \2/p')
total=$(( $total ))
echo "# one round with a change each way: $total bytes"
sync b
# One proxy cuts the k-th round after k bytes, k = 1, 2, … (CUT_STRIDE).
stride=${CUT_STRIDE:-1}
k=1 cuts=0 added=0
proxy_start --cut 1 --cut-step "$stride"
while [ "$k" -lt "$total" ]; do
	on a client set "$C" --phone "040 $k" >/dev/null
	if [ $((k % 16)) = 1 ]; then
		on b client add --name "Koski$k, Kaisa" --municipality Joensuu >/dev/null
		added=$((added + 1))
		sync b
	fi
	timeout 30 "$LUUKKU" --db "$T/a.db" sync --quiet --timeout 5 >/dev/null 2>&1 || cuts=$((cuts + 1))
	k=$((k + stride))
done
proxy_stop
echo "# $cuts of the cut rounds failed (as they should)"
[ "$cuts" -gt 0 ] && ok "cut rounds fail without harm" || not_ok "no round was cut"
converged "after a cut at every byte"
same "desk a's last phone won" "$(q node "select phone from client where id = '$C'")" "040 $((k - stride))"
same "every client b added is there, once" "$(q a "select count(*) from client where surname like 'Koski%'")" "$((added + 1))"

# kill -9 of the desk mid-round, on a slow link so the round takes a while.
i=0
while [ $i -lt 200 ]; do on a client set "$C" --phone "041 $i" >/dev/null 2>&1 || on a client set "$C" --email "k$i@example.fi" >/dev/null; i=$((i + 20)); done
for n in 1 2 3 4 5 6 7 8 9 10; do on b client add --name "Laine$n, Liisa" --municipality Joensuu >/dev/null; done
sync b
for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do on a client add --name "Aho$n, Anna" --municipality Joensuu >/dev/null; done
proxy_start --delay 40
for wait_ms in 0.15 0.3 0.45; do
	"$LUUKKU" --db "$T/a.db" sync --quiet >/dev/null 2>&1 &
	desk_pid=$!
	sleep $wait_ms
	kill -9 $desk_pid 2>/dev/null; wait $desk_pid 2>/dev/null
done
proxy_stop
ok "desk a was killed with -9 mid-round three times"
converged "after kill -9 of the desk"
same "all of desk a's new clients are on the node" "$(q node "select count(*) from client where surname like 'Aho%'")" "20"

# kill -9 of luukkud mid-round.
for n in 1 2 3 4 5 6 7 8 9 10; do on a client add --name "Niemi$n, Noora" --municipality Joensuu >/dev/null; done
proxy_start --delay 200
"$LUUKKU" --db "$T/a.db" sync --quiet --timeout 5 >/dev/null 2>&1 &
desk_pid=$!
sleep 0.3
kill -9 "$NODE_PID"; wait "$NODE_PID" 2>/dev/null; NODE_PID=
wait $desk_pid
echo "# the desk's round ended with status $? when luukkud died"
proxy_stop
node_start
ok "luukkud restarted on the same store"
converged "after kill -9 of luukkud"
same "all of desk a's clients are on the node" "$(q node "select count(*) from client where surname like 'Niemi%'")" "10"
node_stop
done_testing
