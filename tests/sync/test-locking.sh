# One desk file, many processes (a thin-client server: several
# caseworkers' terminals and the background sync on one file; issue 15):
# writers, readers and sync rounds run at once under load; nobody is ever
# told "database is locked", every write is there once, and the desk
# converges with the node.
. "$(dirname "$0")/lib.sh"

lkd init --area pohjois-karjala >/dev/null
node_start
desk a; desk b
sync a b
W=${WRITERS:-4} N=${WRITES:-20} pids=
i=0
while [ $i -lt "$W" ]; do
	( j=0; while [ $j -lt "$N" ]; do
		timeout 60 "$LUUKKU" --db "$T/a.db" client add --name "Lukko$i$j, Asiakas" \
			--municipality Joensuu >/dev/null 2>>"$T/err.$i" || echo "fail $i $j" >>"$T/err.$i"
		j=$((j + 1)); done ) &
	pids="$pids $!"
	i=$((i + 1))
done
# A reader and the background sync on the same file meanwhile.
( k=0; while [ $k -lt 30 ]; do
	timeout 60 "$LUUKKU" --db "$T/a.db" client find lukko >/dev/null 2>>"$T/err.r" ||
		echo "fail find" >>"$T/err.r"
	k=$((k + 1)); done ) &
pids="$pids $!"
( k=0; while [ $k -lt 10 ]; do
	timeout 60 "$LUUKKU" --db "$T/a.db" sync --quiet >/dev/null 2>>"$T/err.s" ||
		echo "fail sync" >>"$T/err.s"
	k=$((k + 1)); done ) &
pids="$pids $!"
wait $pids   # not the node
errs=$(cat "$T"/err.* 2>/dev/null)
same "no process was told anything (no 'database is locked')" "$errs" ""
i=0 written=0
while [ $i -lt "$W" ]; do
	j=0; while [ $j -lt "$N" ]; do echo "client Lukko$i$j, Asiakas" >>"$T/ledger"; j=$((j + 1)); done
	i=$((i + 1))
done
sync a b
sync a b
h=$(content "$NODE_DB")
for d in a b; do
	same "desk $d holds exactly the node's data" "$(content "$T/$d.db")" "$h"
done
ledger_check node a b
node_stop
done_testing
