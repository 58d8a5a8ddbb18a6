# The node restored from a backup older than every desk's last sync
# (issue 15; docs/protocol.md, "Restore"): three desks write before and
# after the backup, the node's store is replaced by the backup with
# `luukkud restore`, one desk writes again; after every desk has synced
# (twice, any order), every desk and the node hold the same data and every
# write of the ledger is there once — none lost, none doubled, no desk
# wiped. A write made after the backup on one desk and changed on another
# comes back whatever order the desks sync in.
. "$(dirname "$0")/lib.sh"

lkd init --area pohjois-karjala >/dev/null
node_start
desk a; desk b; desk c
sync a b c
for d in a b c; do ledger_add $d "Ennen$d, Asiakas"; done
sync a b c
sync a b c
ledger_phone a "Ennenb, Asiakas" "040 101"
ledger_phone b "Ennenc, Asiakas" "040 102"
ledger_phone c "Ennena, Asiakas" "040 103"
sync a b c
expect 0 "the node makes a backup while it runs" lkd backup "$T/night.db"
# After the backup: writes on every desk, synced, and a change on desk c
# of a client desk a added after the backup.
for d in a b c; do ledger_add $d "Jalkeen$d, Asiakas"; done
sync a b c
for d in a b c; do ledger_add $d "Toinen$d, Asiakas"; done
sync a b c
sync c
ledger_phone c "Jalkeena, Asiakas" "050 999"
ledger_phone b "Jalkeenc, Asiakas" "050 888"
sync c b a
before=$(q node "select count(*) from client")
# The disk is lost: the node comes back from last night's backup.
node_stop
expect 0 "luukkud restore puts the backup in place" lkd restore "$T/night.db"
contains "restore says what the desks will do" "$OUT" "sends again"
after=$(q node "select count(*) from client")
echo "# node: $before clients before the loss, $after in the backup"
node_start
ledger_add a "Uusi, Asiakas"
# Desk c first: its change to desk a's client reaches the node before
# desk a sends the client again.
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
