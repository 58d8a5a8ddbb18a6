# The snapshot: an area bulk-loaded into the node (`luukkud demo`, written
# without change capture) is seeded into the change log, so a fresh desk's
# first sync receives everything in its scope and equals the node; a kiosk
# still gets no client data; edits of seeded rows merge as usual; a node
# with a change log is not seeded again.
. "$(dirname "$0")/lib.sh"

expect 2 "demo needs an area" lkd demo
contains "naming it" "$ERR" "--area"
expect 2 "the client count is a number" lkd demo --area pohjois-karjala --clients many
contains "naming it" "$ERR" "--clients"
expect 0 "the node builds a demo area" lkd demo --area pohjois-karjala --clients 300 --seed 7
contains "and seeds its change log" "$OUT" "seeded:"
expect 4 "seeding again is refused" lkd seed
contains "saying why" "$ERR" "already has a change log"

node_start
desk a; desk k kiosk
expect 0 "a fresh desk's first sync" on a sync
echo "# first sync of 300 clients: $OUT"
same "the desk holds every client" "$(q a 'select count(*) from client')" "300"
same "every booking" "$(q a 'select count(*) from appointment')" "$(q node 'select count(*) from appointment')"
same "and equals the node" "$(content "$T/a.db")" "$(content "$NODE_DB")"
N=$(q node 'select surname from client order by id limit 1')
found=$(on a client find "$N" --tsv | wc -l)
[ "$found" -gt 0 ] && ok "search finds what came in ($N: $found)" || not_ok "search finds $N"
sync k
same "the kiosk got no client, booking or staff row" \
	"$(q k 'select (select count(*) from client) + (select count(*) from appointment) + (select count(*) from staff)')" "0"
same "but the places" "$(q k 'select count(*) from service_point')" "13"

# Seeded rows are ordinary rows: an edit on one desk reaches the other.
desk b
sync b
C=$(q node 'select id from client order by id limit 1')
on a client set "$C" --phone "040 777" >/dev/null
sync a b
same "an edit of a seeded client reaches desk b" "$(q b "select phone from client where id = '$C'")" "040 777"
same "desks equal the node" "$(content "$T/a.db") $(content "$T/b.db")" "$(content "$NODE_DB") $(content "$NODE_DB")"
expect 0 "an idle sync after the snapshot" on a sync
contains "receives nothing" "$OUT" "0 received"
node_stop
done_testing
