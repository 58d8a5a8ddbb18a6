# Bookings that arrive by sync keep the booking's time rule (issue 13;
# docs/architecture.md#booking-contract, docs/protocol.md "Booking times in
# a push"): the node refuses a pushed booking that is new to it, or moved,
# on a day that is not a business day, outside the point's hours or at a
# Helsinki time that does not exist — kept in the desk's sync_refused with
# the reason, never sent to another desk — while the rest of the round
# arrives. Not refused at sync: a start in the past, a meeting recorded as
# held, a phone meeting outside working hours (the node has no desk's
# config), a change of a row the node holds that leaves its time alone.
#
# An older desk (one without the rule) is played by writing its rows with
# sqlite3 under a session — the changeset SQLite would have captured for
# that write, bytes alike — and putting it in the desk's outbox with the
# next stamp, as lk_store_commit does. Today's desk refuses these times
# itself (tests/cli/test-book-rules.sh), so no other path makes them.
. "$(dirname "$0")/lib.sh"

P=joensuun-palvelupiste
lkd init --area pohjois-karjala >/dev/null
node_start
desk a; desk b
sync a b
S=$(on a staff add --name "Mäkelä, Liisa" --role caseworker --point $P)
C=$(on a client add --name "Virtanen, Matti" --municipality Joensuu)
sync a b

# old_desk DESK SQL — SQL run on DESK's file as an older Luukku would have
# written it, its change captured and queued in the outbox.
old_desk() {
	rm -f "$T/old.cs"
	sqlite3 -batch "$T/$1.db" >/dev/null <<SQL || { not_ok "old desk write on $1"; return 1; }
.session open main s
.session attach appointment
.session attach appointment_event
$2
.session changeset $T/old.cs
SQL
	[ -s "$T/old.cs" ] || { not_ok "a change was captured"; return 1; }
	h=$(($(q "$1" "select value from meta where key = 'hlc'") + 1))
	q "$1" "insert into outbox(hlc, created, changeset) values ($h,
		strftime('%Y-%m-%d %H:%M', 'now'), readfile('$T/old.cs'));
		update meta set value = '$h' where key = 'hlc'"
}
# appt ID START MINUTES CHANNEL STATUS — an appointment row and its
# history's first step, as lk_book writes them.
appt() {
	echo "insert into appointment(id, client_id, staff_id, point_id, kind, channel, start,
		minutes, status, created) values ('$1', '$C', '$S', '$P', 'muu', '$4', '$2', $3, '$5',
		'2026-03-02 09:00');
	insert into appointment_event(id, appointment_id, at, what, new_start)
		values ('$1-e', '$1', '2026-03-02 09:00', 'booked', '$2');"
}

# A valid booking, synced: the node holds it.
expect 0 "desk a books Wednesday 23.12. 14:00" on a book --client "$C" --staff "$S" \
	--kind muu --at "2026-12-23 14:00" --minutes 60 --channel face
V1=$OUT
expect 2 "today's desk refuses Christmas Day itself" on a book --client "$C" --staff "$S" \
	--kind muu --at "2026-12-25 10:00" --minutes 60 --channel face
sync a
same "the node holds the valid booking" "$(q node "select start from appointment where id = '$V1'")" \
	"2026-12-23 14:00"

# An older desk's round: four bookings the rule refuses, three it keeps.
old_desk a "$(appt xmas00000000000000000000000000aa '2026-12-25 10:00' 60 face scheduled)"
old_desk a "UPDATE appointment SET start = '2026-12-26 14:00' WHERE id = '$V1';
	INSERT INTO appointment_event(id, appointment_id, at, what, old_start, new_start)
	VALUES ('move-e', '$V1', '2026-03-02 09:00', 'rescheduled', '2026-12-23 14:00', '2026-12-26 14:00');"
old_desk a "$(appt gap000000000000000000000000000aa '2026-03-29 03:30' 30 phone scheduled)"
old_desk a "$(appt late0000000000000000000000000aa '2026-12-22 15:30' 60 face scheduled)"
old_desk a "$(appt held0000000000000000000000000aa '2026-01-06 10:00' 60 face done)"
old_desk a "$(appt phone000000000000000000000000aa '2026-12-22 18:00' 30 phone scheduled)"
old_desk a "$(appt past0000000000000000000000000aa '2026-03-03 10:00' 30 face scheduled)"
# …and today's desk books a valid time in the same round.
expect 0 "desk a books Tuesday 22.12. 10:00" on a book --client "$C" --staff "$S" \
	--kind muu --at "2026-12-22 10:00" --minutes 30 --channel face
V2=$OUT
expect 0 "desk a syncs the round" on a sync
contains "four changes refused" "$OUT" "(4 refused)"
contains "luukku sync names each, with the node's reason" "$OUT" \
"refused by the node: the booking at 25.12.2026 10:00: that day is not a business day (weekend or public holiday)
refused by the node: the booking at 26.12.2026 14:00: that day is not a business day (weekend or public holiday)
refused by the node: the booking at 29.3.2026 03:30: that local time does not exist"
same "the desk keeps them with the reasons" "$(q a "select reason from sync_refused order by seq")" \
"the booking at 25.12.2026 10:00: that day is not a business day (weekend or public holiday)
the booking at 26.12.2026 14:00: that day is not a business day (weekend or public holiday)
the booking at 29.3.2026 03:30: that local time does not exist: the clocks go forward from 03:00 to 04:00
the booking at 22.12.2026 15:30: the meeting would run past the point's closing time (open 08:00-16:00)"
same "the outbox moved on" "$(q a 'select count(*) from outbox')" "0"
grep -q "refused: at" "$NODE_LOG.new" && ok "the node logs the refusal by its field" ||
	not_ok "the node logs the refusal by its field"
same "no refused booking on the node" \
	"$(q node "select count(*) from appointment where id in ('xmas00000000000000000000000000aa', 'gap000000000000000000000000000aa', 'late0000000000000000000000000aa')")" "0"
same "the move was not applied on the node" "$(q node "select start from appointment where id = '$V1'")" \
	"2026-12-23 14:00"
same "nor its history step" "$(q node "select count(*) from appointment_event where id = 'move-e'")" "0"
same "the held meeting (on Epiphany), the phone call at 18:00 and the past booking arrived" \
	"$(q node "select id from appointment where id in ('held0000000000000000000000000aa', 'phone000000000000000000000000aa', 'past0000000000000000000000000aa') order by id")" \
"held0000000000000000000000000aa
past0000000000000000000000000aa
phone000000000000000000000000aa"
same "the valid booking of the same round arrived" "$(q node "select start from appointment where id = '$V2'")" \
	"2026-12-22 10:00"

sync b
same "desk b never sees a refused booking" \
	"$(q b "select count(*) from appointment where id in ('xmas00000000000000000000000000aa', 'gap000000000000000000000000000aa', 'late0000000000000000000000000aa')")" "0"
same "desk b has the booking where the node has it" "$(q b "select start from appointment where id = '$V1'")" \
	"2026-12-23 14:00"
same "desk b has the valid booking of the round" "$(q b "select count(*) from appointment where id = '$V2'")" "1"

# A row the node holds is not judged again when its time stays: the point
# now closes at 14:00 on the node (its hours changed there), the 23.12.
# 14:00 booking lies after closing by them; a note on it still arrives.
q node "update service_point set closes = '14:00' where id = '$P'"
old_desk a "UPDATE appointment SET note = 'tulkki tilattu' WHERE id = '$V1';"
expect 0 "desk a syncs the note" on a sync
contains "nothing refused" "$OUT" "(0 refused)"
case $OUT in *"refused by the node"*) not_ok "no refusal named again" ;; *) ok "no refusal named again" ;; esac
same "the note arrived" "$(q node "select note from appointment where id = '$V1'")" "tulkki tilattu"
old_desk a "UPDATE appointment SET minutes = 30 WHERE id = '$V1';"
expect 0 "desk a syncs a shortening" on a sync
contains "a change of the length is judged, by the node's hours" "$OUT" "(1 refused)"
same "why" "$(q a "select reason from sync_refused order by seq desc limit 1")" \
	"the booking at 23.12.2026 14:00: the meeting would run past the point's closing time (open 08:00-14:00)"
node_stop
done_testing
