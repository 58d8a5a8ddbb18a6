# Offline double bookings: two desks book the same staff member (or room) at
# overlapping times without a link; after sync both bookings stand on every
# node and a 'clash' conflict flags them on every node (sync contract 5).
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
node_stop
done_testing
