# luukku book, meeting, due and piste log: booking, clashes and the due list.
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
S1=$(lk staff add --name "Mäkelä, Liisa" --role caseworker --point joensuun-palvelupiste)
S2=$(lk staff add --name "Ojala, Eeva" --role caseworker --point joensuun-palvelupiste)
C=$(lk client add --name "Virtanen, Matti" --hetu 010594Y9032 --municipality Joensuu \
	--job-search-start 2026-02-20)
ROOM=$(sql "insert into room(id, point_id, name) values ('r1', 'joensuun-palvelupiste', 'Huone 1'); select 'r1'")

expect 0 "the due list before any meeting" lk due --tsv "$C"
contains "initial interview overdue (due 27.2., today 2.3.)" "$OUT" "$(printf 'alkuhaastattelu\t2026-02-27\toverdue')"

expect 0 "book an initial interview" lk book --client "$C" --staff "$S1" --kind alkuhaastattelu \
	--at "2026-03-03 10:00" --minutes 60 --channel face --room "$ROOM"
A1=$OUT
expect 4 "an overlapping booking of the same staff member is refused" lk book --client "$C" \
	--staff "$S1" --kind taydentava --at "2026-03-03 10:30" --minutes 30 --channel phone
contains "the clash is named" "$ERR" "Mäkelä Liisa"
contains "with its time" "$ERR" "3.3.2026 10:00"
expect 4 "another staff member in the same room is refused" lk book --client "$C" \
	--staff "$S2" --kind muu --at "2026-03-03 09:30" --minutes 45 --channel face --room "$ROOM"
contains "the room is named" "$ERR" "Huone 1"
expect 0 "back to back is no clash" lk book --client "$C" --staff "$S1" --kind muu \
	--at "2026-03-03 11:00" --minutes 30 --channel phone
expect 2 "a bad kind is refused" lk book --client "$C" --staff "$S1" --kind kahvi \
	--at "2026-03-04 10:00" --minutes 30 --channel face
contains "naming --kind" "$ERR" "--kind"
expect 2 "a bad time is refused" lk book --client "$C" --staff "$S1" --kind muu \
	--at "2026-03-04 25:00" --minutes 30 --channel face
contains "naming --at" "$ERR" "--at"
expect 2 "a bad channel is refused" lk book --client "$C" --staff "$S1" --kind muu \
	--at "2026-03-04 10:00" --minutes 30 --channel fax
expect 2 "zero minutes are refused" lk book --client "$C" --staff "$S1" --kind muu \
	--at "2026-03-04 10:00" --minutes 0 --channel face
expect 3 "an unknown client" lk book --client 0123456789abcdef0123456789abcdef --staff "$S1" \
	--kind muu --at "2026-03-04 10:00" --minutes 30 --channel face
same "three refused bookings left one booking per slot" \
	"$(sql "select count(*) from appointment")" "2"

expect 0 "the interview is held" lk meeting done "$A1"
expect 4 "a held meeting cannot be cancelled" lk meeting cancel "$A1"
expect 0 "the due list after it" lk due --tsv "$C"
contains "initial interview done" "$OUT" "$(printf 'alkuhaastattelu\t2026-02-27\tdone')"
contains "five supplementary discussions by 3.6." "$OUT" "$(printf 'taydentava-5/5\t2026-06-03\topen')"
contains "a job-search discussion by 3.6." "$OUT" "$(printf 'tyonhakukeskustelu\t2026-06-03\topen')"

expect 0 "cancel the other booking" lk meeting cancel "$(sql "select id from appointment where kind = 'muu'")"
expect 0 "a cancelled slot can be booked again" lk book --client "$C" --staff "$S1" \
	--kind taydentava --at "2026-03-03 11:00" --minutes 30 --channel phone

expect 0 "an anonymous Piste visit" lk piste log --point joensuun-palvelupiste --topic digi --minutes 10
same "no client on it" "$(sql "select coalesce(client_id, 'anonymous'), topic, minutes from visit")" \
	"anonymous|digi|10"
expect 2 "an unknown topic is refused" lk piste log --point joensuun-palvelupiste --topic kahvi
expect 3 "an unknown point" lk piste log --point nowhere --topic digi
expect 0 "a visit linked to a client" lk piste log --point joensuun-palvelupiste --topic tyonhaku --client "$C"
same "ticket numbers count up per point and day" "$(sql "select group_concat(ticket) from visit")" "1,2"
done_testing
