# The node's own backups (issue 15; docs/protocol.md, "Restore"; luukkud.8,
# [backup]): made on a schedule while desks sync, rotated to `keep`, only
# whole files under a backup's name; the safe stamp in DONE lets a desk
# forget the sent changes every kept backup holds (sync_sent shrinks), and
# not one that the oldest kept backup lacks: the node restored from the
# oldest kept backup gets them again, and every write of the ledger is
# found once on the node and every desk. The interval is a second here
# (the config takes seconds); the test waits for what the node logs, with
# a bound, never for a fixed time.
. "$(dirname "$0")/lib.sh"

BK=$T/backups
KEEP=6
mkdir -p "$BK"
# Not the node's: never touched. A temp file a crash left: removed.
echo notes >"$BK/notes.txt"
echo old >"$BK/luukkud-old.db"
: >"$BK/.luukkud-20260101T000000.000Z.db.tmp"

printf '[backup]\ninterval = 90x\n' >"$T/bad.ini"
expect 2 "a backup interval that is no time is refused" \
	"$LUUKKUD" --config "$T/bad.ini" --db "$NODE_DB" seed
contains "…naming the key" "$ERR" "backup.interval"
printf '[backup]\nkeep = 0\n' >"$T/bad.ini"
expect 2 "keep 0 is refused" "$LUUKKUD" --config "$T/bad.ini" --db "$NODE_DB" seed

backups_config "$BK" 1s $KEEP
lkd init --area pohjois-karjala >/dev/null
node_start
contains "the node says it makes backups" "$(cat "$NODE_LOG.new")" "backups into $BK every 1 s, $KEEP kept"
desk a; desk b; desk c
sync a b c
for d in a b c; do ledger_add $d "Ennen$d, Asiakas"; done
sync a b c
sync a b c
ledger_phone a "Ennenb, Asiakas" "040 101"
sync a b c
wait_until "the node makes backups by itself, while desks sync" 200 \
	'[ "$(backups_made)" -ge $((KEEP + 2)) ]'
same "…removing the older ones" "$(grep -c "backup made.*[1-9] removed" "$NODE_LOG.new" | awk '{ print ($1 > 0) }')" "1"
newest=$BK/$(backups_kept "$BK" | tail -n 1)
same "a backup is a whole store" "$(sqlite3 "file:$newest?immutable=1" "pragma integrity_check")" "ok"
same "…holding the desks' writes" \
	"$(sqlite3 "file:$newest?immutable=1" "select count(*) from client where surname like 'Ennen%'")" "3"

# sync_sent shrinks: desk a's acknowledged changes are kept until every
# kept backup holds them.
ledger_add a "Lisaa, Asiakas"
ledger_add a "Viela, Asiakas"
sync a
before=$(q a "select count(*) from sync_sent")
echo "# desk a: sync_sent $before after its round"
same "acknowledged changes are kept at first" "$(echo "$before" | awk '{ print ($1 >= 2) }')" "1"
wait_until "desk a forgets its sent changes once every kept backup holds them" 300 \
	'sync a; [ "$(q a "select count(*) from sync_sent")" = 0 ]'
echo "# desk a: sync_sent $before before, $(q a "select count(*) from sync_sent") after"
same "the node's safe stamp for a is its held stamp" \
	"$(q node "select safe_hlc = held_hlc and safe_hlc > 0 from hub_desk where name = 'a'")" "1"

# Writes after which fewer than $KEEP backups are made: the oldest kept
# backup lacks them, so the desks keep them although newer backups hold
# them.
for d in a b c; do ledger_add $d "Jalkeen$d, Asiakas"; done
sync a b c
made=$(backups_made)
wait_until "a newer backup holds the writes" 100 \
	'[ "$(backups_made)" -gt "$made" ] && [ "$(sqlite3 "file:$BK/$(backups_kept "$BK" | tail -n 1)?immutable=1" "select count(*) from client where surname like '"'Jalkeen%'"'")" = 3 ]'
sync a b c
kept_a=$(q a "select count(*) from sync_sent")
node_stop
# Stopped: no backup under way, the directory as the node left it.
echo "# backups made: $(grep -c "backup made" "$NODE_LOG"), kept: $(backups_kept "$BK" | wc -l)"
same "the node keeps the newest $KEEP backups" "$(backups_kept "$BK" | wc -l | tr -d ' ')" "$KEEP"
same "no temp file is left, other files are not touched" \
	"$(ls -A "$BK" | grep -v '^luukkud-[0-9]\{8\}T' | tr '\n' ' ')" "luukkud-old.db notes.txt "
oldest=$BK/$(backups_kept "$BK" | head -n 1)
cp "$oldest" "$T/oldest.db"
in_oldest=$(sqlite3 "file:$T/oldest.db?immutable=1" "select count(*) from client where surname like 'Jalkeen%'")
echo "# desk a keeps $kept_a sent change(s); the oldest kept backup holds $in_oldest of the 3 late writes"
# The disk is lost: the node comes back from the oldest backup it keeps.
expect 0 "luukkud restore puts the oldest kept backup in place" lkd restore "$T/oldest.db"
node_start
ledger_add a "Uusi, Asiakas"
sync c b a
sync a b c
h=$(content "$NODE_DB")
for d in a b c; do
	same "desk $d holds exactly the node's data" "$(content "$T/$d.db")" "$h"
	same "desk $d has nothing waiting" "$(q $d 'select count(*) from outbox')" "0"
done
ledger_check node a b c
node_stop
done_testing
