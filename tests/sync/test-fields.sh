# Merge by field: edits of different fields made offline on two desks both
# survive everywhere; edits of one field: the later stamp wins on every node
# and the losing value is kept in `conflict` on every node (sync contract 4).
. "$(dirname "$0")/lib.sh"

expect 0 "the node's store is made like a desk's" lkd init --area pohjois-karjala
node_start
desk a; desk b
sync a b
same "both desks got the area's service points" "$(q a 'select count(*) from service_point'),$(q b 'select count(*) from service_point')" "13,13"

C=$(on a client add --name "Virtanen, Matti" --municipality Joensuu --phone "040 1")
sync a b
same "a client made on desk a reaches desk b" "$(q b "select surname from client where id = '$C'")" "Virtanen"

# Offline: a changes the phone and marks plain language (012's column
# merges like the others), b the e-mail.
on a client set "$C" --phone "040 2" --plain-language yes >/dev/null
on b client set "$C" --email "matti@example.fi" >/dev/null
sync a b a
for d in a b node; do
	same "both fields survive on $d" "$(q $d "select phone, email, plain_language from client where id = '$C'")" \
		"040 2|matti@example.fi|1"
done
same "no conflict for different fields" "$(q node 'select count(*) from conflict')" "0"

# Offline: both change the phone; b's edit is the later one.
on a client set "$C" --phone "050 111" >/dev/null
after_stamp a
on b client set "$C" --phone "050 222" >/dev/null
later a b client "$C" phone
sync a b a
for d in a b node; do
	same "the later edit wins on $d" "$(q $d "select phone from client where id = '$C'")" "050 222"
	same "the loser is kept on $d" \
		"$(q $d "select kind, table_name, row_id, field, kept_value, losing_value, kept_desk, losing_desk from conflict")" \
		"field|client|$C|phone|050 222|050 111|b|a"
done
same "every node names the conflict alike" "$(q a 'select id from conflict')" "$(q node 'select id from conflict')"
expect 0 "conflicts lists it" on a conflicts --tsv
same "record, field, kept, losing, desks" "$(echo "$OUT" | cut -f1-8)" \
	"$(printf 'field\tclient\t%s\tphone\t050 222\t050 111\tb\ta' "$C")"
expect 0 "conflicts for people" on b conflicts
contains "says what was kept and lost" "$OUT" "kept '050 222' (b), lost '050 111' (a)"

# Same field, the other order of syncing: a's later edit wins.
on b client set "$C" --email "b@example.fi" >/dev/null
after_stamp b
on a client set "$C" --email "a@example.fi" >/dev/null
later b a client "$C" email
sync b a b
for d in a b node; do
	same "later wins whoever syncs first ($d)" "$(q $d "select email from client where id = '$C'")" "a@example.fi"
done
same "two conflicts now, on every node" "$(q a 'select count(*) from conflict'),$(q b 'select count(*) from conflict'),$(q node 'select count(*) from conflict')" "2,2,2"
same "desks equal the node" "$(content "$T/a.db") $(content "$T/b.db")" "$(content "$NODE_DB") $(content "$NODE_DB")"
same "outboxes are empty" "$(q a 'select count(*) from outbox')$(q b 'select count(*) from outbox')" "00"

# Idle sync is cheap: one round trip after the handshake.
expect 0 "an idle sync" on a sync
bytes=$(echo "$OUT" | sed -n 's/.* \([0-9]*\) bytes out, \([0-9]*\) bytes in.*/\1 \2/p')
total=$(( ${bytes% *} + ${bytes#* } ))
echo "# idle sync: $total bytes on the wire, handshake included"
[ "$total" -lt 400 ] && ok "idle sync under 400 bytes with the handshake ($total)" || not_ok "idle sync costs $total bytes"

node_stop
same "luukkud stops cleanly on SIGTERM" "$NODE_STATUS" "0"
expect 1 "sync with the node down fails" on a sync
contains "saying it cannot reach the node" "$ERR" "cannot reach the node"
on a client set "$C" --phone "060" >/dev/null
same "and loses nothing" "$(q a 'select count(*) from outbox')" "1"
node_start
sync a b
same "the change arrives once the node is back" "$(q b "select phone from client where id = '$C'")" "060"
done_testing
