# A disk that fills, on a desk and on the node (issue 15): a small tmpfs
# holds the store; while it is full a write and a sync round fail with a
# clear message and change nothing (the file checks whole, nothing half
# written); once space returns the next try completes, and every write of
# the ledger is there once. Needs root to mount a tmpfs; skipped otherwise.
. "$(dirname "$0")/lib.sh"

M=$T/small
mkdir -p "$M/desk" "$M/node"
if ! mount -t tmpfs -o size=6m tmpfs "$M/desk" 2>/dev/null ||
   ! mount -t tmpfs -o size=6m tmpfs "$M/node" 2>/dev/null; then
	umount "$M/desk" 2>/dev/null
	echo "ok - # skip: cannot mount a tmpfs here (needs root)"
	done_testing
fi
trap 'node_kill; umount "$M/desk" "$M/node" 2>/dev/null; rm -rf "$T"' EXIT
NODE_DB=$M/node/node.db
lkd init --area pohjois-karjala >/dev/null
node_start
desk b
code=$(lkd enrol a --scope area)
timeout 30 "$LUUKKU" --db "$M/desk/a.db" enrol "127.0.0.1:$PORT" "$code" >/dev/null ||
	not_ok "desk a on the small disk joins"
ln -s "$M/desk/a.db" "$T/a.db"
sync a b
ledger_add a "Ennen, Asiakas"
sync a b
# fill DIR — take every free byte of the file system at DIR.
# fill DIR [KB] — …but KB kilobytes.
fill() { dd if=/dev/zero of="$1/filler" bs=64k 2>/dev/null; truncate -s "-${2:-0}K" "$1/filler"; sync; }
# Room to open the file, not to write the transaction: SQLite's own error
# mid-write.
fill "$M/desk" 40
expect 1 "a write on a nearly full desk disk fails" on a client add --name "Taysi, Asiakas" --municipality Joensuu
contains "…saying the disk is full" "$ERR" "disk"
echo "# $ERR"
rm -f "$M/desk/filler"
same "…and nothing of it was saved" "$(q a "select count(*) from client where surname = 'Taysi'")" "0"
fill "$M/desk"
expect 1 "a write on a full desk disk fails" on a client add --name "Taysi, Asiakas" --municipality Joensuu
contains "…saying the disk is full" "$ERR" "disk"
ledger_add b "Toiselta, Asiakas"
sync b
expect 1 "a sync round on a full desk disk fails" on a sync
contains "…saying the disk is full" "$ERR" "disk"
echo "# $ERR"
rm -f "$M/desk/filler"
same "…and nothing of the write was saved" "$(q a "select count(*) from client where surname = 'Taysi'")" "0"
same "the desk's file checks whole" "$(q a "pragma integrity_check")" "ok"
ledger_add a "Tilaa, Asiakas"
sync a
# The node's disk fills.
fill "$M/node"
ledger_add a "Solmu, Asiakas"
expect 1 "a round to a node with a full disk fails" on a sync
contains "…the node says its store failed" "$ERR" "store"
same "…and the change waits in the outbox" "$(q a "select count(*) from outbox")" "1"
same "the node's file checks whole" "$(q node "pragma integrity_check")" "ok"
rm -f "$M/node/filler"
sync a b
sync a b
h=$(content "$NODE_DB")
for d in a b; do
	same "desk $d holds exactly the node's data" "$(content "$T/$d.db")" "$h"
	same "desk $d has nothing waiting" "$(q $d 'select count(*) from outbox')" "0"
done
ledger_check node a b
node_stop
done_testing
