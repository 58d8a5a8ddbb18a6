# Scope (sync contract 7): a desk gets only what its scope allows and the
# node refuses its writes outside it. A kiosk holds no client data at all;
# a desk of points A and B gets no client of point C.
. "$(dirname "$0")/lib.sh"

lkd init --area pohjois-karjala >/dev/null
node_start
desk hq area
desk jk joensuun-palvelupiste,kontiolahden-palvelupiste
desk k kiosk
sync hq jk k
S=$(on hq staff add --name "Mäkelä, Liisa" --role caseworker --point joensuun-palvelupiste)
J=$(on hq client add --name "Virtanen, Matti" --municipality Joensuu)
K=$(on hq client add --name "Korhonen, Kalle" --municipality Kontiolahti)
L=$(on hq client add --name "Lehtonen, Laura" --municipality Lieksa)
on hq book --client "$J" --staff "$S" --kind alkuhaastattelu --at "2026-03-03 10:00" --minutes 60 --channel face >/dev/null
on hq book --client "$L" --staff "$S" --kind alkuhaastattelu --at "2026-03-03 12:00" --minutes 60 \
	--channel face --point lieksan-palvelupiste >/dev/null
sync hq jk k

same "the points desk gets its points' clients only" "$(q jk 'select id from client order by surname')" \
	"$(printf '%s\n%s' "$K" "$J")"
same "and no client of another point" "$(q jk "select count(*) from client where id = '$L'")" "0"
same "and only its clients' bookings" "$(q jk 'select client_id from appointment')" "$J"
same "but all places and staff" "$(q jk 'select count(*) from service_point'),$(q jk 'select count(*) from staff')" "13,1"
same "the kiosk holds no client, booking or staff row" \
	"$(q k 'select (select count(*) from client) + (select count(*) from appointment) + (select count(*) from staff)')" "0"
same "but knows the places" "$(q k 'select count(*) from service_point')" "13"

# Writes: inside the scope accepted, outside refused and kept at the desk.
on jk client set "$J" --phone "040 1" >/dev/null
X=$(on jk client add --name "Ulkopuolinen, Unto" --municipality Lieksa)
expect 0 "the points desk syncs" on jk sync
contains "one change refused" "$OUT" "(1 refused)"
same "the refused client never reached the node" "$(q node "select count(*) from client where id = '$X'")" "0"
same "the desk keeps the refused change" "$(q jk 'select count(*) from sync_refused')" "1"
same "the desk's outbox moved on" "$(q jk 'select count(*) from outbox')" "0"
sync hq
same "the change inside the scope arrived" "$(q hq "select phone from client where id = '$J'")" "040 1"

expect 0 "the kiosk logs an anonymous visit" on k piste log --point joensuun-palvelupiste --topic digi
expect 0 "and quick feedback" on k feedback --point joensuun-palvelupiste --score 5 --word nopea
on k client add --name "Kioski, Kim" >/dev/null 2>&1
expect 0 "the kiosk syncs" on k sync
contains "its client row refused" "$OUT" "(1 refused)"
same "the visit reached the node" "$(q node 'select count(*) from visit where client_id is null')" "1"
same "no client of the kiosk reached the node" "$(q node "select count(*) from client where surname = 'Kioski'")" "0"
same "the kiosk's feedback reached the node" "$(q node 'select point_id, score, word from feedback')" \
	"joensuun-palvelupiste|5|nopea"

# Feedback of a points desk: for its own points accepted, for another refused.
expect 0 "the points desk gives feedback for Joensuu" on jk feedback --point joensuun-palvelupiste --score 4
expect 0 "and for Lieksa, outside its scope" on jk feedback --point lieksan-palvelupiste --score 2
expect 0 "the points desk syncs its feedback" on jk sync
contains "the Lieksa feedback refused" "$OUT" "(1 refused)"
same "the node has Joensuu's two answers and no Lieksa one" \
	"$(q node 'select point_id, score from feedback order by score')" \
	"$(printf '%s\n%s' 'joensuun-palvelupiste|4' 'joensuun-palvelupiste|5')"
sync hq jk k
same "the kiosk still holds no client data of the node" "$(q k "select count(*) from client where surname <> 'Kioski'")" "0"
same "the points desk got the kiosk's feedback for its point" \
	"$(q jk "select score from feedback where point_id = 'joensuun-palvelupiste' order by score")" \
	"$(printf '4\n5')"
same "the area desk has both" "$(q hq 'select count(*) from feedback')" "2"
same "the kiosk reads no feedback back" "$(q k 'select score from feedback')" "5"
node_stop
done_testing
