# A backup made while a desk is still to send again what a restored node
# lacks (issue 15; docs/protocol.md, "Restore", held_hlc): after the
# restore the desk's first round pushes its new change, then the link is
# lost before the round that sends its kept changes again. The scheduled
# backups made meanwhile hold the new change but not the kept ones, so the
# safe stamp must stay below those: the desk keeps them, and when the node
# is restored once more — from the oldest scheduled backup — they come
# back, every write of the ledger found once.
. "$(dirname "$0")/lib.sh"

BK=$T/backups
KEEP=3
backups_config "$BK" 1s $KEEP
lkd init --area pohjois-karjala >/dev/null
node_start
desk a; desk b
sync a b
ledger_add a "Ennen, Asiakas"
sync a b
expect 0 "a backup by hand" lkd backup "$T/night.db"
acked=$(q a "select value from meta where key = 'sync_acked'")
ledger_add a "Pidetty, Asiakas"
ledger_add a "Toinen, Asiakas"
sync a b
same "desk a keeps its two sent changes the backup by hand lacks" \
	"$(q a "select count(*) from sync_sent where hlc > $acked")" "2"
kept_low=$(q a "select min(hlc) from sync_sent where hlc > $acked")
node_stop
expect 0 "the node comes back from the backup by hand" lkd restore "$T/night.db"
node_start
ledger_add a "Uusi, Asiakas"
# The first round goes through, the second (the resend) does not.
rm -f "$T/proxy.port"
"$LKPROXY" proxy "$PORT" --pass 1 >"$T/proxy.port" &
PROXY=$!
i=0; while [ ! -s "$T/proxy.port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
sqlite3 "$T/a.db" "update meta set value = '127.0.0.1:$(cat "$T/proxy.port")' where key = 'sync_node'"
expect 1 "desk a's sync fails: the link is lost before the resend round" on a sync --quiet
kill "$PROXY" 2>/dev/null; wait "$PROXY" 2>/dev/null
sqlite3 "$T/a.db" "update meta set value = '127.0.0.1:$PORT' where key = 'sync_node'"
same "the node has the new change" "$(q node "select count(*) from client where surname = 'Uusi'")" "1"
same "…not yet the kept ones" "$(q node "select count(*) from client where surname in ('Pidetty', 'Toinen')")" "0"
same "desk a is still to send them again" "$(q a "select value from meta where key = 'sync_resend'")" "1"
# Every kept backup is made now: each holds the new change, none the kept.
made=$(backups_made)
wait_until "$KEEP more backups are made" 100 '[ "$(backups_made)" -ge $((made + KEEP)) ]'
safe=$(q node "select safe_hlc from hub_desk where name = 'a'")
echo "# desk a: safe stamp $safe, its oldest kept change $kept_low, last seen $(q node "select last_hlc from hub_desk where name = 'a'")"
same "the safe stamp stays below what desk a is still to send again" \
	"$(q node "select safe_hlc < $kept_low from hub_desk where name = 'a'")" "1"
sync a
sync a
same "desk a keeps what the kept backups lack" "$(q a "select count(*) from sync_sent where hlc >= $kept_low" | awk '{ print ($1 >= 2) }')" "1"
node_stop
oldest=$BK/$(backups_kept "$BK" | head -n 1)
cp "$oldest" "$T/oldest.db"
echo "# the oldest kept backup holds $(sqlite3 "file:$T/oldest.db?immutable=1" "select count(*) from client where surname in ('Pidetty', 'Toinen')") of the 2 kept changes"
expect 0 "the node is restored again, from the oldest kept backup" lkd restore "$T/oldest.db"
node_start
sync a b
sync a b
h=$(content "$NODE_DB")
for d in a b; do
	same "desk $d holds exactly the node's data" "$(content "$T/$d.db")" "$h"
done
ledger_check node a b
node_stop
done_testing
