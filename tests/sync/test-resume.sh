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
# The proxy's log says how far the round had got: the desk is killed once
# the proxy has forwarded K chunks of its connection (K = 1: HELLO; 3: the
# handshake done; 4: the pushes sent, nothing back yet) and has not seen
# it end. A kill counts as mid-round only when the desk was still running
# (status 137) and its outbox still holds what it pushed (no DONE came
# back); a round that finished first is tried again with new changes.
i=0
while [ $i -lt 200 ]; do on a client set "$C" --phone "041 $i" >/dev/null 2>&1 || on a client set "$C" --email "k$i@example.fi" >/dev/null; i=$((i + 20)); done
for n in 1 2 3 4 5 6 7 8 9 10; do on b client add --name "Laine$n, Liisa" --municipality Joensuu >/dev/null; done
sync b
# chunks CONN K — wait (≤ 10 s) until the proxy log shows K chunks of
# connection CONN forwarded while it is still open: 0, with the bytes so
# far ("UP DOWN") in $AT; 1 when the connection ended first.
chunks() {
	i=0
	while [ $i -lt 1000 ]; do
		seen=$(grep "^$1 " "$T/proxy.log")
		case $seen in *" end "*) return 1 ;; esac
		if [ "$(printf '%s\n' "$seen" | grep -c "^$1 [0-9]")" -ge "$2" ]; then
			AT=$(printf '%s\n' "$seen" | tail -n 1 | cut -d' ' -f2-)
			return 0
		fi
		sleep 0.01; i=$((i + 1))
	done
	return 1
}
next_conn() { echo $(( $(grep -c ' open$' "$T/proxy.log") + 1 )); }
: >"$T/proxy.log"
proxy_start --delay 40 --log "$T/proxy.log"
aho=0 tries=0
for k in 1 3 4; do
	landed=
	while [ -z "$landed" ] && [ $tries -lt 10 ]; do
		tries=$((tries + 1))
		for n in 1 2 3 4 5; do
			on a client add --name "Aho$tries$n, Anna" --municipality Joensuu >/dev/null && aho=$((aho + 1))
		done
		conn=$(next_conn)
		"$LUUKKU" --db "$T/a.db" sync --quiet >/dev/null 2>&1 &
		desk_pid=$!
		AT=
		chunks "$conn" "$k" && kill -9 "$desk_pid" 2>/dev/null
		wait "$desk_pid" 2>/dev/null
		st=$?
		left=$(q a 'select count(*) from outbox')
		if [ "$st" = 137 ] && [ -n "$AT" ] && [ "$left" -gt 0 ]; then
			landed=1
			ok "desk a killed with -9 after $k chunk(s) of its round: bytes up/down $AT had passed, $left change(s) not yet acknowledged"
		else
			echo "# the round ended before the kill (status $st, outbox $left); again"
		fi
	done
	[ -n "$landed" ] || not_ok "desk a was never killed mid-round after $k chunk(s) in $tries tries"
done
proxy_stop
converged "after kill -9 of the desk"
same "all of desk a's new clients are on the node" "$(q node "select count(*) from client where surname like 'Aho%'")" "$aho"

# kill -9 of luukkud mid-round: once the desk's pushes have passed the
# proxy (4 chunks) and nothing has come back. The desk's round must fail.
: >"$T/proxy.log"
proxy_start --delay 200 --log "$T/proxy.log"
niemi=0 landed= tries=0
while [ -z "$landed" ] && [ $tries -lt 5 ]; do
	tries=$((tries + 1))
	for n in 1 2 3 4 5 6 7 8 9 10; do
		on a client add --name "Niemi$tries$n, Noora" --municipality Joensuu >/dev/null && niemi=$((niemi + 1))
	done
	conn=$(next_conn)
	"$LUUKKU" --db "$T/a.db" sync --quiet --timeout 5 >/dev/null 2>&1 &
	desk_pid=$!
	AT= head=
	if chunks "$conn" 4; then
		head=$(q node 'select max(gseq) from hub_log')
		kill -9 "$NODE_PID"; wait "$NODE_PID" 2>/dev/null; NODE_PID=
	fi
	wait "$desk_pid" 2>/dev/null
	st=$?
	left=$(q a 'select count(*) from outbox')
	if [ -n "$AT" ] && [ "$st" != 0 ] && [ "$left" -gt 0 ]; then
		landed=1
		ok "luukkud killed with -9 mid-round: bytes up/down $AT had passed; the desk's round failed (status $st), $left change(s) not yet acknowledged"
	else
		echo "# the round ended before the kill (status $st, outbox $left); again"
		[ -n "$NODE_PID" ] || node_start
	fi
done
[ -n "$landed" ] || not_ok "luukkud was never killed mid-round in $tries tries"
proxy_stop
node_start
same "luukkud restarted on the same store: its change log kept" \
	"$(q node "select max(gseq) >= ${head:-0} and ${head:-0} > 0 from hub_log")" "1"
converged "after kill -9 of luukkud"
same "all of desk a's clients are on the node" "$(q node "select count(*) from client where surname like 'Niemi%'")" "$niemi"
node_stop
done_testing
