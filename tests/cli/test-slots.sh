# luukku slots, agenda, meeting reschedule and history, and book --reason:
# free times at the points a staff member serves on their days there
# (a Liperi caseworker at Heinävesi on Thursdays), inside opening hours,
# skipping holidays and live bookings of the staff member and the room,
# with the slots after the client's next deadline marked late.
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
S=$(lk staff add --name "Mäkelä, Liisa" --role caseworker --point liperin-palvelupiste)
S2=$(lk staff add --name "Ojala, Eeva" --role caseworker --point liperin-palvelupiste)
# Commuting (demo data: point_link + staff_point, 20 % on Thursdays).
sql "insert into staff_point values ('$S', 'heinaveden-palvelupiste', 20, '4');
     insert into room(id, point_id, name) values ('r1', 'liperin-palvelupiste', 'Huone 1')"
# Job search from Thu 26.2.: the initial interview is due by Thu 5.3.
C=$(lk client add --name "Virtanen, Matti" --municipality Liperi --job-search-start 2026-02-26)

# A 15-minute booking at 14:45 on Wednesday leaves only the 8:30 start for
# a six-hour slot (Liperi is open 8:30-15:30).
lk book --client "$C" --staff "$S" --kind muu --at "2026-03-04 14:45" --minutes 15 \
	--channel phone >/dev/null
expect 0 "slots over Wednesday to Saturday" lk slots --staff "$S" --client "$C" \
	--from 2026-03-04 --days 4 --minutes 360 --tsv
same "Liperi on Wed and Fri, Heinävesi on Thu, late after 5.3., none on Sat" "$OUT" \
"$(printf '%s\n' \
	'2026-03-04 08:30	liperin-palvelupiste	0' \
	'2026-03-05 08:30	heinaveden-palvelupiste	0' \
	'2026-03-05 09:00	heinaveden-palvelupiste	0' \
	'2026-03-05 09:30	heinaveden-palvelupiste	0' \
	'2026-03-06 08:30	liperin-palvelupiste	1' \
	'2026-03-06 09:00	liperin-palvelupiste	1' \
	'2026-03-06 09:30	liperin-palvelupiste	1')"

expect 0 "human output names the deadline" lk slots --staff "$S" --client "$C" \
	--from 2026-03-06 --days 1 --minutes 360
same "deadline, then the slots, late ones marked" "$OUT" "$(printf '%s\n' \
	'Next deadline: 5.3.2026 Initial interview or supplementary discussion (open)' \
	'' \
	'! Fri 6.3.2026   08:30  Liperin palvelupiste           late' \
	'! Fri 6.3.2026   09:00  Liperin palvelupiste           late' \
	'! Fri 6.3.2026   09:30  Liperin palvelupiste           late')"

expect 0 "only at Heinävesi: the Thursdays" lk slots --staff "$S" --point heinaveden-palvelupiste \
	--from 2026-03-02 --days 14 --minutes 360 --tsv
same "5.3. and 12.3." "$(echo "$OUT" | cut -c1-10 | uniq | tr '\n' ' ')" "2026-03-05 2026-03-12 "

expect 0 "Easter: Good Friday and Easter Monday are no business days" lk slots --staff "$S" \
	--from 2026-04-02 --days 5 --minutes 360 --tsv
same "only Thursday 2.4. at Heinävesi" "$(echo "$OUT" | cut -f1,2 | cut -c1-10 | uniq)" "2026-04-02"

# The room is busy at noon on Friday with another staff member.
lk book --staff "$S2" --kind muu --at "2026-03-06 12:00" --minutes 60 --channel face \
	--room r1 >/dev/null
expect 0 "slots keeping room 1 free" lk slots --staff "$S" --room r1 --from 2026-03-06 \
	--days 1 --minutes 180 --tsv
same "the room's booking at 12:00 leaves 8:30 and 9:00 (back to back)" "$OUT" "$(printf '%s\n' \
	'2026-03-06 08:30	liperin-palvelupiste	0' \
	'2026-03-06 09:00	liperin-palvelupiste	0')"

expect 2 "a point the staff member does not serve" lk slots --staff "$S" \
	--point joensuun-palvelupiste
contains "naming --point" "$ERR" "--point"
expect 2 "no staff member" lk slots --days 3
contains "naming --staff" "$ERR" "--staff"
expect 2 "too many days" lk slots --staff "$S" --days 500
contains "naming --days" "$ERR" "--days"
expect 3 "an unknown staff member" lk slots --staff 0123456789abcdef0123456789abcdef

# --- An initial interview: face to face unless a reason is given ----------
expect 2 "a remote initial interview without a reason is refused" lk book --client "$C" \
	--staff "$S" --kind alkuhaastattelu --at "2026-03-05 10:00" --channel video
contains "naming --reason" "$ERR" "--reason"
same "nothing was booked" "$(sql "select count(*) from appointment where kind = 'alkuhaastattelu'")" "0"
expect 0 "with a reason it is booked" lk book --client "$C" --staff "$S" \
	--kind alkuhaastattelu --at "2026-03-05 10:00" --channel video \
	--reason "client lives 80 km away, agreed by phone"
A=$OUT
same "the reason is kept" "$(sql "select channel, remote_reason from appointment where id = '$A'")" \
	"video|client lives 80 km away, agreed by phone"
# Another client: one client is not in two meetings at once.
C2=$(lk client add --name "Nieminen, Aino" --municipality Liperi)
expect 0 "no channel: face to face" lk book --client "$C2" --staff "$S2" \
	--kind alkuhaastattelu --at "2026-03-05 10:00"
same "at the staff member's point" "$(sql "select channel, point_id from appointment where id = '$OUT'")" \
	"face|liperin-palvelupiste"
same "booked on a Thursday without --point: at Heinävesi, the commuting day's point" \
	"$(sql "select point_id from appointment where id = '$A'")" "heinaveden-palvelupiste"

# --- Agenda ----------------------------------------------------------------
expect 0 "the staff member's week" lk agenda --staff "$S" --date 2026-03-05 --week --tsv
same "her two bookings, by time (not Eeva's)" "$(echo "$OUT" | cut -f2,3,4,5,6,9)" "$(printf '%s\n' \
	'2026-03-04 14:45	15	muu	phone	scheduled	liperin-palvelupiste' \
	'2026-03-05 10:00	60	alkuhaastattelu	video	scheduled	heinaveden-palvelupiste')"
expect 0 "the point's day" lk agenda --point liperin-palvelupiste --date 2026-03-06
same "human rows" "$OUT" "$(printf '%s\n' 'Fri 6.3.2026' \
	'  12:00-13:00 –                        Other meeting          Ojala Eeva           booked')"
expect 2 "both --staff and --point" lk agenda --staff "$S" --point liperin-palvelupiste
expect 2 "a bad date" lk agenda --staff "$S" --date 31.2.2026
contains "naming --date" "$ERR" "--date"

# --- Reschedule and history -------------------------------------------------
expect 4 "moving onto another booking is refused" lk meeting reschedule "$A" --at "2026-03-04 14:30"
contains "naming the clash" "$ERR" "Mäkelä Liisa"
expect 0 "moving to a free time" lk meeting reschedule "$A" --at "2026-03-05 13:00"
same "it moved" "$(sql "select start from appointment where id = '$A'")" "2026-03-05 13:00"
expect 2 "a bad time" lk meeting reschedule "$A" --at "tomorrow"
contains "naming --at" "$ERR" "--at"
expect 0 "check in" lk meeting checkin "$A"
expect 4 "a checked-in meeting is not moved" lk meeting reschedule "$A" --at "2026-03-05 14:00"
expect 0 "done" lk meeting done "$A"
expect 0 "its history" lk meeting history --tsv "$A"
same "booked, moved (from and to), arrived, held" "$(echo "$OUT" | cut -f2,4,5)" "$(printf '%s\n' \
	'booked		2026-03-05 10:00' \
	'rescheduled	2026-03-05 10:00	2026-03-05 13:00' \
	'checked-in		' \
	'done		')"
expect 3 "history of an unknown booking" lk meeting history 0123456789abcdef0123456789abcdef
expect 0 "the held interview counts in the due list" lk due --tsv "$C"
contains "initial interview done" "$OUT" "$(printf 'alkuhaastattelu\t2026-03-05\tdone')"
same "a refused move changed nothing" "$(sql "select count(*) from appointment_event where appointment_id = '$A'")" "4"
done_testing
