# Events over sync (issue 17): sign-ups made offline on two desks past the
# capacity are all kept, ordered by their stamps, and the ones past the
# capacity wait on every node; a cancellation then moves the first waiting
# up everywhere. Events and their lists are scoped like bookings: a desk
# of another municipality's point sees neither. An event and a booking of
# its host made offline on two desks are flagged as a clash everywhere, and
# so are two events of the same host.
. "$(dirname "$0")/lib.sh"

lkd init --area pohjois-karjala >/dev/null
node_start
desk a; desk b
desk o outokummun-palvelupiste
desk j joensuun-palvelupiste
sync a b o j
S=$(on a staff add --name "Mäkelä, Liisa" --role caseworker --point joensuun-palvelupiste)
for n in 1 2 3 4 5; do
	eval "C$n=\$(on a client add --name \"Asiakas, Numero$n\" --municipality Joensuu --job-search-start 2026-01-05)"
done
E=$(on a event add --title "Ryhmä" --kind group --point joensuun-palvelupiste \
	--at "2099-03-10 10:00" --minutes 60 --capacity 3 --host "$S")
sync a b o
same "desk b has the event" "$(q b "select title, capacity from event where id = '$E'")" "Ryhmä|3"

# Offline: two on desk a, then three on desk b; each desk alone sees room for all.
expect 0 "a signs up 1" on a event sign-up "$E" --client "$C1"
expect 0 "a signs up 2" on a event sign-up "$E" --client "$C2"
expect 0 "b signs up 3" on b event sign-up "$E" --client "$C3"
expect 0 "b signs up 4" on b event sign-up "$E" --client "$C4"
expect 0 "b signs up 5, still inside b's own count" on b event sign-up "$E" --client "$C5"
same "b thought 5 was signed up" "$OUT" "signed-up"
sync a b a

wanted=$(printf 'Asiakas Numero1\tsigned-up\t0\nAsiakas Numero2\tsigned-up\t0\nAsiakas Numero3\tsigned-up\t0\nAsiakas Numero4\twaiting\t1\nAsiakas Numero5\twaiting\t2')
for d in a b; do
	expect 0 "the list on $d" on $d event show "$E" --tsv
	same "all five kept in stamp order, the overflow waiting on $d" "$(printf '%s\n' "$OUT" | cut -f2-)" "$wanted"
done
same "the node holds all five" "$(q node "select count(*) from event_participant where event_id = '$E'")" "5"
same "and orders them alike" \
	"$(q node "select group_concat(client_id) from (select client_id from event_participant_state where event_id = '$E' and state = 'waiting' order by place)")" \
	"$C4,$C5"
expect 0 "the list in words shows the overflow" on b event show "$E"
contains "3 signed up, 2 waiting" "$OUT" "3 places, 3 signed up, 2 waiting"

expect 0 "desk b cancels a sign-up made on desk a" on b event cancel "$E" --client "$C2"
same "the first waiting moves up" "$OUT" "$(printf 'cancelled\nmoved up from the waiting list: Asiakas Numero4')"
sync b a
expect 0 "the list on a after sync" on a event show "$E" --tsv
same "4 moved up on a too" "$(printf '%s\n' "$OUT" | cut -f2,3 | grep -c signed-up),$(printf '%s\n' "$OUT" | grep Numero4 | cut -f3)" \
	"3,signed-up"

sync o j
same "a desk of the event's point gets the event" "$(q j "select count(*) from event where id = '$E'")" "1"
same "and the list of its clients" "$(q j 'select count(*) from event_participant')" "5"
same "a desk of another municipality's point gets no event" "$(q o 'select count(*) from event')" "0"
same "and no list" "$(q o 'select count(*) from event_participant')" "0"
same "desks a and b hold the same lists" \
	"$(q a 'select * from event_participant order by id' | md5sum)" "$(q b 'select * from event_participant order by id' | md5sum)"

# The same client signed up offline on both desks: one row (its id is the
# event's and the client's), merged by field, alike everywhere.
C6=$(on a client add --name "Asiakas, Numero6" --municipality Joensuu --job-search-start 2026-01-05)
sync a b
expect 0 "a signs up 6" on a event sign-up "$E" --client "$C6"
expect 0 "b signs up 6 too" on b event sign-up "$E" --client "$C6"
sync a b a
for d in a b node; do
	same "one row for client 6 on $d" "$(q $d "select count(*) from event_participant where client_id = '$C6'")" "1"
done
same "in the same place on both desks" \
	"$(q a "select state, place from event_participant_state where client_id = '$C6'")" \
	"$(q b "select state, place from event_participant_state where client_id = '$C6'")"

# An event and a booking of its host made offline on two desks: both stand,
# and a clash flags them on every node (as two offline bookings would).
expect 0 "desk a books the host offline" on a book --client "$C1" --staff "$S" --kind muu \
	--at "2099-03-11 10:00" --minutes 60 --channel phone
A1=$OUT
expect 0 "desk b puts an event on the host at the same time" on b event add --title Info \
	--kind info --point joensuun-palvelupiste --at "2099-03-11 10:30" --minutes 60 \
	--capacity 30 --host "$S"
E2=$OUT
sync a b a
for d in a b node; do
	same "both stand on $d" "$(q $d "select (select count(*) from appointment where id = '$A1') + (select count(*) from event where id = '$E2')")" "2"
	same "one clash flagged on $d" "$(q $d "select kind, row_id, field, kept_value, losing_value from conflict where losing_value = '$E2'")" \
		"clash|$A1|staff_id|$A1|$E2"
done

# Two events of the same host at the same time, made offline on two desks.
expect 0 "desk a adds an event offline" on a event add --title "A" --kind info \
	--point joensuun-palvelupiste --at "2099-03-12 10:00" --minutes 60 --capacity 30 --host "$S"
EA=$OUT
expect 0 "desk b adds another at the same time" on b event add --title "B" --kind info \
	--point joensuun-palvelupiste --at "2099-03-12 10:30" --minutes 60 --capacity 30 --host "$S"
EB=$OUT
sync a b a
lo=$(printf '%s\n%s\n' "$EA" "$EB" | sort | head -1)
hi=$(printf '%s\n%s\n' "$EA" "$EB" | sort | tail -1)
for d in a b node; do
	same "the two events flagged on $d" \
		"$(q $d "select kind, table_name, row_id, field, kept_value, losing_value from conflict where table_name = 'event'")" \
		"clash|event|$lo|host_id|$lo|$hi"
done
node_stop
done_testing
