# A desk put back from an old copy of its own file, and a laptop enrolled
# again after a reinstall (issue 15; docs/protocol.md, "Restore"): each
# gets back from the node its own changes the copy lacks (the node sends a
# desk its own changes newer than the newest it holds), sends again what
# the node may lack, and nothing is applied twice; every write in the
# ledger is found once on every store, and all stores converge.
. "$(dirname "$0")/lib.sh"

lkd init --area pohjois-karjala >/dev/null
node_start
desk a; desk b; desk l
sync a b l
ledger_add a "Vanha, Asiakas"
sync a b l
# Last week's copy of desk a's file.
sqlite3 "$T/a.db" ".backup '$T/a-old.db'"
ledger_add a "Uudempi, Asiakas"
ledger_add a "Kolmas, Asiakas"
sync a
ledger_add b "Beetan, Asiakas"
sync b
ledger_phone b "Uudempi, Asiakas" "040 555"
sync b a
ledger_add l "Lappari, Asiakas"
ledger_add l "Lappari2, Asiakas"
sync l
# Desk a's disk dies; last week's copy is put back. It writes on at once.
rm -f "$T/a.db" "$T/a.db-wal" "$T/a.db-shm"
cp "$T/a-old.db" "$T/a.db"
same "the old copy lacks the newer clients" "$(q a "select count(*) from client")" "1"
ledger_add a "Palautettu, Asiakas"
# The laptop is reinstalled: a fresh file, enrolled again under its name.
rm -f "$T/l.db" "$T/l.db-wal" "$T/l.db-shm"
expect 0 "the node revokes the lost laptop" lkd revoke l
desk l
sync l
same "the laptop has its own clients back" "$(q l "select count(*) from client where surname like 'Lappari%'")" "2"
ledger_add l "Uusiasennus, Asiakas"
sync a b l
sync a b l
h=$(content "$NODE_DB")
for d in a b l; do
	same "desk $d holds exactly the node's data" "$(content "$T/$d.db")" "$h"
	same "desk $d has nothing waiting" "$(q $d 'select count(*) from outbox')" "0"
done
same "nothing was logged twice" \
	"$(q node "select count(*) from (select desk, hlc from hub_log group by desk, hlc having count(*) > 1)")" "0"
ledger_check node a b l
node_stop
done_testing
