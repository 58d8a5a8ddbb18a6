# luukku book and meeting reschedule: the booking contract
# (docs/architecture.md#booking-contract). A time no office can keep is
# refused with exit 2 naming --at (the past, outside the point's opening
# hours or the staff member's working hours, across closing, not a business
# day, a Helsinki time that does not exist or occurs twice); the same client
# in two overlapping meetings and a second initial interview in one
# job-search period with exit 4 naming --client and --kind. Nothing is
# written by a refusal: the tables hash the same before and after.
# A meeting already held is recorded with --held, audited.
. "$(dirname "$0")/lib.sh"

P=joensuun-palvelupiste     # main point: 08:00-16:00
K=kiteen-palvelupiste
lk init --area pohjois-karjala >/dev/null
S1=$(lk staff add --name "Mäkelä, Liisa" --role caseworker --point $P)
S2=$(lk staff add --name "Ojala, Eeva" --role caseworker --point $K)
C=$(lk client add --name "Virtanen, Matti" --municipality Joensuu --job-search-start 2026-02-26)
C2=$(lk client add --name "Nieminen, Aino" --municipality Joensuu)

# hash — everything a booking or a refusal could write.
hash() {
	sql "select * from appointment order by id; select * from appointment_event order by id;
	     select * from audit order by id; select seq, hex(changeset) from outbox order by seq;
	     select * from conflict order by id" | sha256sum
}
# refused STATUS FIELD NEEDLE "what" cmd… — refused with STATUS, the message
# naming --FIELD and NEEDLE, and nothing written.
refused() {
	want=$1 field=$2 needle=$3 what=$4; shift 4
	before=$(hash)
	expect "$want" "$what" "$@"
	contains "$what: names --$field" "$ERR" "--$field:"
	contains "$what: says why" "$ERR" "$needle"
	same "$what: nothing written" "$(hash)" "$before"
}
book() { lk book --staff "$S1" --kind muu --minutes 60 --channel face "$@"; }

# --- Times no office can keep (exit 2) -------------------------------------
# Now is Monday 2.3.2026 09:00.
refused 2 at "has passed" "a minute ago" book --client "$C2" --at "2026-03-02 08:59"
expect 0 "now itself is bookable" book --client "$C2" --at "2026-03-02 09:00"
refused 2 at "not open yet" "before opening (07:59 at a point open 08:00-16:00)" \
	book --client "$C2" --at "2026-03-03 07:59"
contains "the hours are named" "$ERR" "08:00-16:00"
expect 0 "the opening minute" book --client "$C2" --at "2026-03-03 08:00"
refused 2 at "closing time" "across closing (15:01 + 60 min)" \
	book --client "$C2" --at "2026-03-03 15:01"
expect 0 "ending at closing" book --client "$C2" --at "2026-03-03 15:00"
refused 2 at "not open yet" "at 03:00 on a Tuesday" book --client "$C2" --at "2026-03-03 03:00"
refused 2 at "closing time" "at 23:30, past midnight" book --client "$C2" --at "2026-03-04 23:30"
refused 2 at "not a business day" "on a Saturday" book --client "$C2" --at "2026-03-07 10:00"
refused 2 at "not a business day" "on Christmas Day" book --client "$C2" --at "2026-12-25 10:00"
refused 2 at "not a business day" "on Midsummer Eve" book --client "$C2" --at "2026-06-19 10:00"
refused 2 at "does not exist" "03:30 on the night the clocks go forward" \
	book --client "$C2" --at "2026-03-29 03:30" --channel phone
refused 2 at "occurs twice" "03:30 on the night the clocks go back" \
	book --client "$C2" --at "2026-10-25 03:30" --channel phone
refused 2 at "does not exist" "03:30 in the spring gap of 2027" \
	book --client "$C2" --at "2027-03-28 03:30" --channel phone
# Phone and video follow the staff member's working hours (8-16 by default).
refused 2 at "working hours (08:00-16:00)" "a call at 16:30" \
	book --client "$C2" --at "2026-03-05 16:30" --channel phone --minutes 15
mkdir -p "$T/config/luukku"
printf '[hours]\nwork = 07:00-17:00\n%s = 12:00-18:00\n' "$S2" >"$T/config/luukku/luukku.ini"
expect 0 "with [hours] work = 07:00-17:00 the call is booked" \
	book --client "$C2" --at "2026-03-05 16:30" --channel phone --minutes 15
refused 2 at "working hours (12:00-18:00)" "Eeva's own hours from [hours]" \
	lk book --client "$C2" --staff "$S2" --kind muu --at "2026-03-05 11:00" --minutes 30 \
	--channel video
printf '[hours]\nwork = 17:00-07:00\n' >"$T/config/luukku/luukku.ini"
expect 2 "hours that are no span are refused at start" \
	book --client "$C2" --at "2026-03-05 10:00" --channel phone
contains "naming the key" "$ERR" "hours:work"
rm "$T/config/luukku/luukku.ini"

# --- Clashes (exit 4) -------------------------------------------------------
expect 0 "an initial interview with Liisa" lk book --client "$C" --staff "$S1" \
	--kind alkuhaastattelu --at "2026-03-04 10:00" --minutes 60
A1=$OUT
refused 4 client "Mäkelä Liisa at Joensuun palvelupiste" \
	"the same client with Eeva at Kitee at an overlapping time" \
	lk book --client "$C" --staff "$S2" --kind muu --at "2026-03-04 10:30" --minutes 30 --channel face
contains "the clash's time is named" "$ERR" "4.3.2026 10:00"
expect 0 "back to back for the client is no clash" lk book --client "$C" --staff "$S2" \
	--kind muu --at "2026-03-04 11:00" --minutes 30 --channel phone
refused 4 kind "initial interview booked at 4.3.2026 10:00" \
	"a second initial interview in the same job-search period" \
	lk book --client "$C" --staff "$S2" --kind alkuhaastattelu --at "2026-03-10 10:00" --minutes 60
expect 0 "the first is cancelled" lk meeting cancel "$A1"
expect 0 "then another initial interview may be booked" lk book --client "$C" --staff "$S2" \
	--kind alkuhaastattelu --at "2026-03-10 10:00" --minutes 60
A2=$OUT
expect 0 "it is held" lk meeting done "$A2"
refused 4 kind "was held on 10.3.2026" "a held one counts too" \
	lk book --client "$C" --staff "$S1" --kind alkuhaastattelu --at "2026-03-12 10:00"
expect 0 "a new job-search period starts" lk client set "$C" --job-search-start 2026-03-11
expect 0 "its own initial interview is booked" lk book --client "$C" --staff "$S1" \
	--kind alkuhaastattelu --at "2026-03-12 10:00"

# --- Moving obeys the same rules ---------------------------------------------
M=$(book --client "$C2" --at "2026-03-06 10:00")
refused 2 at "not a business day" "moving to a Saturday" lk meeting reschedule "$M" --at "2026-03-07 10:00"
refused 2 at "has passed" "moving into the past" lk meeting reschedule "$M" --at "2026-02-27 10:00"
refused 2 at "closing time" "moving across closing" lk meeting reschedule "$M" --at "2026-03-06 15:30"
X=$(lk book --client "$C2" --staff "$S2" --kind muu --at "2026-03-09 12:00" --minutes 60 --channel face)
refused 4 client "Ojala Eeva" "moving onto the client's other meeting" \
	lk meeting reschedule "$M" --at "2026-03-09 12:30"
expect 0 "moving to a free time" lk meeting reschedule "$M" --at "2026-03-09 14:00"

# --- A meeting already held: its own, audited action --------------------------
expect 0 "book --held records last Friday's meeting" lk book --client "$C2" --staff "$S1" \
	--kind tyonhakukeskustelu --at "2026-02-27 10:00" --minutes 45 --channel face --held
H=$OUT
same "it is held at once" "$(sql "select status from appointment where id = '$H'")" "done"
same "its history says booked, then held" \
	"$(sql "select what || ':' || coalesce(note, '') from appointment_event where appointment_id = '$H' order by rowid")" \
	"$(printf 'booked:\ndone:recorded as held')"
same "the audit trail has it" "$(sql "select action, client_id from audit where detail like '%$H%'")" \
	"meeting-recorded|$C2"
refused 2 at "cannot start in the future" "a meeting in the future cannot be recorded as held" \
	lk book --client "$C2" --staff "$S1" --kind muu --at "2026-03-02 09:30" --minutes 30 \
	--channel face --held
refused 4 client "already has a meeting" "a held meeting still cannot overlap the client's" \
	lk book --client "$C2" --staff "$S2" --kind muu --at "2026-02-27 10:30" --minutes 30 \
	--channel phone --held
# --- Slots never offer what booking would refuse ----------------------------
# Aino has a meeting with Eeva on Mon 9.3. 12:00-13:00 and Liisa's free
# times are asked for Aino: that hour is not offered.
expect 0 "Liisa's slots for Aino on Monday 9.3." lk slots --staff "$S1" --client "$C2" \
	--from 2026-03-09 --days 1 --tsv
case $OUT in *"2026-03-09 12:00"*|*"2026-03-09 12:30"*|*"2026-03-09 11:30"*)
	not_ok "the client's other meeting is not offered" ;;
*) ok "the client's other meeting is not offered" ;; esac
contains "the hour after it is" "$OUT" "2026-03-09 13:00"
mkdir -p "$T/config/luukku"
printf '[hours]\n%s = 09:00-12:00\n' "$S1" >"$T/config/luukku/luukku.ini"
expect 0 "phone slots keep Liisa's working hours" lk slots --staff "$S1" --from 2026-03-10 \
	--days 1 --channel phone --tsv
same "09:00-12:00 only" "$(echo "$OUT" | cut -f1 | sed 's/.* //' | tr '\n' ' ')" "09:00 09:30 10:00 10:30 11:00 "
rm "$T/config/luukku/luukku.ini"
refused 4 kind "initial interview booked at 12.3.2026 10:00" \
	"no initial interview slots for a client who has one" \
	lk slots --staff "$S2" --client "$C" --kind alkuhaastattelu --tsv
expect 2 "a bad channel is named" lk slots --staff "$S1" --channel fax
contains "naming --channel" "$ERR" "--channel"
# Every slot offered over the spring change (Fri 27.3.-Tue 31.3.) books.
expect 0 "slots over the spring change" lk slots --staff "$S1" --client "$C2" --from 2026-03-27 \
	--days 5 --minutes 60 --tsv
echo "$OUT" | cut -f1 >"$T/slots"
same "Friday, Monday and Tuesday, nothing at the weekend" \
	"$(cut -c1-10 "$T/slots" | sort -u | tr '\n' ' ')" "2026-03-27 2026-03-30 2026-03-31 "
bad=0
while read -r at; do
	cp "$DB" "$T/copy.db"
	"$LUUKKU" --db "$T/copy.db" book --client "$C2" --staff "$S1" --kind muu --at "$at" \
		--minutes 60 --channel face >/dev/null 2>"$T/err" || { bad=$((bad + 1)); cat "$T/err"; }
done <"$T/slots"
same "every one of the $(wc -l <"$T/slots") slots can be booked" "$bad" "0"
done_testing
