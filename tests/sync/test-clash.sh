# Offline double bookings: two desks book the same staff member (or room, or
# client) at overlapping times without a link; after sync both bookings
# stand on every node and a 'clash' conflict flags them on every node until
# a person settles it (sync contract 5, docs/architecture.md#booking-contract).
. "$(dirname "$0")/lib.sh"

lkd init --area pohjois-karjala >/dev/null
node_start
desk a; desk b
sync a b
S=$(on a staff add --name "Mäkelä, Liisa" --role caseworker --point joensuun-palvelupiste)
C1=$(on a client add --name "Virtanen, Matti" --municipality Joensuu)
C2=$(on a client add --name "Korhonen, Anna" --municipality Joensuu)
sync a b

expect 0 "desk a books 10:00-11:00 offline" on a book --client "$C1" --staff "$S" \
	--kind alkuhaastattelu --at "2026-03-03 10:00" --minutes 60 --channel face
A1=$OUT
expect 0 "desk b books 10:30-11:00 offline" on b book --client "$C2" --staff "$S" \
	--kind tyonhakukeskustelu --at "2026-03-03 10:30" --minutes 30 --channel phone
B1=$OUT
expect 0 "desk b also books a later, free time" on b book --client "$C2" --staff "$S" \
	--kind tyonhakukeskustelu --at "2026-03-03 11:00" --minutes 30 --channel phone
expect 4 "the desk itself still refuses a clash it can see" on a book --client "$C2" --staff "$S" \
	--kind tyonhakukeskustelu --at "2026-03-03 10:15" --minutes 30 --channel phone
sync a b a
lo=$(printf '%s\n%s\n' "$A1" "$B1" | sort | head -1)
hi=$(printf '%s\n%s\n' "$A1" "$B1" | sort | tail -1)
for d in a b node; do
	same "both bookings stand on $d" "$(q $d "select count(*) from appointment where id in ('$A1', '$B1')")" "2"
	same "one clash flagged on $d" "$(q $d "select kind, row_id, field, kept_value, losing_value from conflict")" \
		"clash|$lo|staff_id|$lo|$hi"
done
expect 0 "conflicts lists the clash" on b conflicts
contains "as a double booking" "$OUT" "double booking"
same "desks equal the node" "$(content "$T/a.db") $(content "$T/b.db")" "$(content "$NODE_DB") $(content "$NODE_DB")"

# --- The same client on two desks at once, with two staff members ---------
S2=$(on b staff add --name "Ojala, Eeva" --role caseworker --point kiteen-palvelupiste)
C3=$(on a client add --name "Nieminen, Aino" --municipality Joensuu)
sync a b a
expect 0 "desk a books Aino with Liisa 13:00-14:00 offline" on a book --client "$C3" --staff "$S" \
	--kind muu --at "2026-03-04 13:00" --minutes 60 --channel face
A2=$OUT
expect 0 "desk b books Aino with Eeva at Kitee 13:30-14:00 offline" on b book --client "$C3" \
	--staff "$S2" --kind muu --at "2026-03-04 13:30" --minutes 30 --channel face
B2=$OUT
expect 4 "desk b itself refuses a third meeting of Aino it can see" on b book --client "$C3" \
	--staff "$S" --kind muu --at "2026-03-04 13:45" --minutes 30 --channel phone
contains "naming the client clash" "$ERR" "--client:"
sync a b a
lo=$(printf '%s\n%s\n' "$A2" "$B2" | sort | head -1)
hi=$(printf '%s\n%s\n' "$A2" "$B2" | sort | tail -1)
for d in a b node; do
	same "both of Aino's bookings stand on $d" \
		"$(q $d "select count(*) from appointment where id in ('$A2', '$B2') and status = 'scheduled'")" "2"
	same "a client clash flagged on $d" \
		"$(q $d "select kind, row_id, field, kept_value, losing_value from conflict where field = 'client_id'")" \
		"clash|$lo|client_id|$lo|$hi"
done
expect 0 "conflicts lists the client clash" on a conflicts
contains "as a double booking of the client" "$OUT" "double booking (same client)"
CID=$(q a "select id from conflict where field = 'client_id'")
expect 0 "a person settles it on desk b" on b conflicts settle "$CID" --keep
sync b a
for d in a b node; do
	same "settled on $d" "$(q $d "select resolved_at is not null from conflict where id = '$CID'")" "1"
done
expect 0 "conflicts on desk a after the settling" on a conflicts
case $OUT in *"same client"*) not_ok "the settled clash is no longer listed" ;;
*) ok "the settled clash is no longer listed" ;; esac
same "desks still equal the node" "$(content "$T/a.db") $(content "$T/b.db")" "$(content "$NODE_DB") $(content "$NODE_DB")"

# --- Two initial interviews of one job-search period, on two desks ---------
C4=$(on a client add --name "Laine, Sari" --municipality Joensuu --job-search-start 2026-02-26)
sync a b a
expect 0 "desk a books Sari's initial interview on Thursday" on a book --client "$C4" --staff "$S" \
	--kind alkuhaastattelu --at "2026-03-05 10:00" --minutes 60
A3=$OUT
expect 0 "desk b books another for Friday, offline" on b book --client "$C4" --staff "$S2" \
	--kind alkuhaastattelu --at "2026-03-06 10:00" --minutes 60
B3=$OUT
sync a b a
lo=$(printf '%s\n%s\n' "$A3" "$B3" | sort | head -1)
hi=$(printf '%s\n%s\n' "$A3" "$B3" | sort | tail -1)
for d in a b node; do
	same "both initial interviews stand, flagged on $d" \
		"$(q $d "select kind, row_id, field, kept_value, losing_value from conflict where field = 'kind'")" \
		"clash|$lo|kind|$lo|$hi"
done
expect 0 "conflicts lists it" on b conflicts
contains "as two initial interviews" "$OUT" "two initial interviews in one job-search period"
expect 4 "a desk that sees one refuses a third" on a book --client "$C4" --staff "$S" \
	--kind alkuhaastattelu --at "2026-03-09 10:00" --minutes 60
node_stop
done_testing
