# The wire refuses what it cannot trust: garbage, truncated, replayed,
# altered and wrongly keyed frames end that connection and change nothing,
# while other desks keep syncing (docs/architecture.md#wire).
. "$(dirname "$0")/lib.sh"

lkd init --area pohjois-karjala >/dev/null
node_start
desk a; desk b
sync a b
C=$(on a client add --name "Virtanen, Matti" --municipality Joensuu)
log_count() { q node 'select count(*) from hub_log'; }
state() { echo "$(log_count) $(content "$NODE_DB")"; }
before=$(state)

head -c 3000 /dev/urandom >"$T/garbage"
same "random bytes: the node closes" "$("$LKPROXY" send "$PORT" "$T/garbage" | cut -d' ' -f1)" "closed"
printf '\377\377\377\377\001\001' >"$T/huge"
same "an absurd frame length: closed" "$("$LKPROXY" send "$PORT" "$T/huge" | cut -d' ' -f1)" "closed"
printf '\000\000\000\107\003\001' >"$T/version"
same "another protocol version: closed" "$("$LKPROXY" send "$PORT" "$T/version" | cut -d' ' -f1)" "closed"
# A HELLO of this version (2) that stops after 3 of its 69 bytes: the node
# waits for the rest (a frame of version 1 would be refused at once).
printf '\000\000\000\107\002\001abc' >"$T/truncated"
"$LKPROXY" send "$PORT" "$T/truncated" "$T/trunc.sent" >"$T/trunc.out" &
held=$!
i=0; while [ ! -s "$T/trunc.sent" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
same "a truncated frame is sent" "$(cat "$T/trunc.sent" 2>/dev/null)" "sent 9"
if timeout 30 "$LUUKKU" --db "$T/b.db" sync >"$T/sync.out" 2>&1 && kill -0 "$held" 2>/dev/null; then
	ok "another desk syncs while a truncated frame hangs"
else
	not_ok "another desk syncs while a truncated frame hangs (sync or hang ended first)"
	sed 's/^/#   /' "$T/sync.out"
fi
wait $held
same "the truncated frame's connection was held open, unanswered" "$(cat "$T/trunc.out")" "open 0"
same "the node changed nothing" "$(state)" "$before"

# Record a real round of desk a (it pushes the new client) and replay it.
"$LKPROXY" proxy "$PORT" --record "$T/round" >"$T/proxy.port" &
proxy=$!
i=0; while [ ! -s "$T/proxy.port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
P2=$(cat "$T/proxy.port")
sqlite3 "$T/a.db" "update meta set value = '127.0.0.1:$P2' where key = 'sync_node'"
sync a
kill $proxy; wait $proxy 2>/dev/null
sqlite3 "$T/a.db" "update meta set value = '127.0.0.1:$PORT' where key = 'sync_node'"
after=$(state)
same "the round pushed one change" "$(( ${after%% *} - ${before%% *} ))" "1"
same "a replayed round: the node closes" "$("$LKPROXY" send "$PORT" "$T/round" | cut -d' ' -f1)" "closed"
same "and applies nothing twice" "$(state)" "$after"

# A byte altered in a sealed frame (after HELLO 75 + PROOF 70 bytes).
on a client set "$C" --phone "040 9" >/dev/null
rm -f "$T/proxy.port"
"$LKPROXY" proxy "$PORT" --flip 150 >"$T/proxy.port" &
proxy=$!
i=0; while [ ! -s "$T/proxy.port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
P2=$(cat "$T/proxy.port")
sqlite3 "$T/a.db" "update meta set value = '127.0.0.1:$P2' where key = 'sync_node'"
expect 1 "a sync whose frame was altered on the way fails" on a sync
kill $proxy; wait $proxy 2>/dev/null
sqlite3 "$T/a.db" "update meta set value = '127.0.0.1:$PORT' where key = 'sync_node'"
same "the node applied nothing of it" "$(state)" "$after"
same "the desk still holds the change" "$(q a 'select count(*) from outbox')" "1"
sync a b
same "the next sync brings it over" "$(q b "select phone from client where id = '$C'")" "040 9"

# Keys: a revoked desk, a node with another key, a code used twice.
desk r
sync r
expect 0 "revoke a desk" lkd revoke r
expect 1 "the revoked desk is refused" on r sync
contains "it is told so" "$ERR" "does not know this desk"
cp "$T/b.db" "$T/w.db"
sqlite3 "$T/w.db" "update meta set value = '$(printf '%064d' 0)' where key = 'sync_node_pk'"
expect 1 "a node with another key is refused by the desk" on w sync
contains "named as such" "$ERR" "not the one this desk trusts"
code=$(lkd enrol twice --scope area)
expect 0 "a code works once" on t1 enrol "127.0.0.1:$PORT" "$code"
expect 2 "and not twice" on t2 enrol "127.0.0.1:$PORT" "$code"
contains "naming the code" "$ERR" "--code"
expect 2 "a malformed code is refused" on t3 enrol "127.0.0.1:$PORT" "lk1-nonsense"
expect 2 "an unknown scope is refused" lkd enrol x --scope nowhere
contains "naming the scope" "$ERR" "--scope"
expect 4 "an enrolled name cannot be enrolled again" lkd enrol a --scope area
sync a b
same "desks still equal the node" "$(content "$T/a.db") $(content "$T/b.db")" "$(content "$NODE_DB") $(content "$NODE_DB")"
node_stop
same "the node's log holds its rounds" "$(grep -c ': synced: ' "$NODE_LOG" | sed 's/^[1-9][0-9]*$/some/')" "some"
grep -q "fails to authenticate" "$NODE_LOG" && ok "the node logged the altered frame" || not_ok "altered frame logged"
grep -q "failed to prove" "$NODE_LOG" && ok "the node logged the replay" || not_ok "replay logged"
if grep -q "Virtanen\|040 9\|Matti" "$NODE_LOG"; then not_ok "the log holds personal data"; else ok "the log holds no personal data"; fi
done_testing
