# luukku event …: group sessions and info events — add (with weekly
# recurrence), clash with bookings both ways, invite by filter, sign-up up
# to capacity then a waiting list, move-up, attendance, head count,
# cancel-event; bad input exits 2 naming the field, nothing half written.
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
S1=$(lk staff add --name "Mäkelä, Liisa" --role caseworker --point joensuun-palvelupiste)
S2=$(lk staff add --name "Ojala, Eeva" --role caseworker --point joensuun-palvelupiste)
LEAD=$(lk staff add --name "Lehto, Lauri" --role lead --point joensuun-palvelupiste)
sql "insert into room(id, point_id, name) values ('r1', 'joensuun-palvelupiste', 'Huone 1')"
P=joensuun-palvelupiste
# Four job seekers in Joensuu (ages 31, 45, 23 and 60 on 2.3.2026), one in Outokumpu.
C1=$(lk client add --name "Virtanen, Matti" --hetu 010594Y9032 --municipality Joensuu \
	--job-search-start 2025-10-01 --caseworker "$S1")
C2=$(lk client add --name "Aho, Anna" --hetu 150380-905X --municipality Joensuu \
	--job-search-start 2025-12-01 --lang sv)
C3=$(lk client add --name "Berg, Bo" --hetu 020702A911U --municipality Joensuu \
	--job-search-start 2026-02-01)
C4=$(lk client add --name "Cederberg, Carl" --hetu 311265-9204 --municipality Joensuu \
	--job-search-start 2025-06-01)
C5=$(lk client add --name "Dahl, Dora" --municipality Outokumpu --job-search-start 2025-06-01)

# --- add --------------------------------------------------------------------
expect 0 "a targeted session is added" lk event add --title "Työnhaun info" --kind targeted \
	--point $P --room r1 --at "2026-03-10 10:00" --minutes 90 --capacity 2 --host "$S1" --obligation
E=$OUT
same "it prints one id" "$(printf '%s' "$E" | grep -c '^[0-9a-f]\{32\}$')" "1"
expect 2 "a bad kind names --kind" lk event add --title X --kind party --point $P \
	--at "2026-03-10 12:00" --minutes 60 --capacity 5 --host "$S2"
contains "naming --kind" "$ERR" "--kind"
expect 2 "a bad time names --at" lk event add --title X --kind info --point $P \
	--at "2026-03-10 25:00" --minutes 60 --capacity 5 --host "$S2"
contains "naming --at" "$ERR" "--at"
expect 2 "no capacity names --capacity" lk event add --title X --kind info --point $P \
	--at "2026-03-10 12:00" --minutes 60 --host "$S2"
contains "naming --capacity" "$ERR" "--capacity"
expect 2 "an info event is no obligation" lk event add --title X --kind info --point $P \
	--at "2026-03-10 12:00" --minutes 60 --capacity 5 --host "$S2" --obligation
contains "naming --obligation" "$ERR" "--obligation"
expect 2 "only a group repeats" lk event add --title X --kind info --point $P \
	--at "2026-03-10 12:00" --minutes 60 --capacity 5 --host "$S2" --repeat "mon until 2026-04-01"
contains "naming --repeat" "$ERR" "--repeat"
expect 3 "an unknown host" lk event add --title X --kind info --point $P \
	--at "2026-03-10 12:00" --minutes 60 --capacity 5 --host 0123456789abcdef0123456789abcdef
expect 2 "the benefit check is a lead's" lk event add --title X --kind group --point $P \
	--at "2026-03-10 12:00" --minutes 60 --capacity 5 --host "$S2" --benefit-checked-by "$S2"
contains "naming --benefit-checked-by" "$ERR" "--benefit-checked-by"

# --- clashes, both ways -----------------------------------------------------
expect 4 "a booking of the host over the event is refused" lk book --client "$C1" --staff "$S1" \
	--kind muu --at "2026-03-10 11:00" --minutes 30 --channel phone
same "naming the event" "$ERR" \
	"luukku book: --at: Mäkelä Liisa hosts the event 'Työnhaun info' at 10.3.2026 10:00 (90 min)"
expect 4 "a booking in the event's room is refused" lk book --client "$C1" --staff "$S2" \
	--kind muu --at "2026-03-10 09:30" --minutes 45 --channel face --room r1
contains "naming the room" "$ERR" "room Huone 1 is taken by the event 'Työnhaun info'"
expect 0 "a booking of the other caseworker" lk book --client "$C1" --staff "$S2" \
	--kind muu --at "2026-03-11 10:30" --minutes 30 --channel face
expect 4 "an event over a booking is refused" lk event add --title G --kind group --point $P \
	--at "2026-03-11 10:00" --minutes 60 --capacity 8 --host "$S2"
same "naming the booking" "$ERR" \
	"luukku event add: --at: Ojala Eeva already has a booking at 11.3.2026 10:30 (30 min)"
expect 4 "an event in the room of another event is refused" lk event add --title G --kind info \
	--point $P --room r1 --at "2026-03-10 11:00" --minutes 60 --capacity 8 --host "$S2"

# --- set: one occurrence changed, clashes refused the same way ---------------
expect 0 "a talk to move around" lk event add --title "Siirtyvä" --kind info --point $P \
	--at "2026-03-24 09:00" --minutes 60 --capacity 3 --host "$S1"
M=$OUT
expect 4 "moved onto the host's own event" lk event set "$M" --at "2026-03-10 10:30"
contains "the clash named" "$ERR" "Mäkelä Liisa hosts the event 'Työnhaun info'"
expect 4 "given a host with a booking then" lk event set "$M" --host "$S2" --at "2026-03-11 10:00"
expect 0 "moved to a free time, renamed, smaller" lk event set "$M" --at "2026-03-24 13:00" \
	--title "Siirretty" --capacity 2 --room r1
same "changed, the rest kept" "$(sql "select title, start, minutes, capacity, room_id, kind from event where id = '$M'")" \
	"Siirretty|2026-03-24 13:00|60|2|r1|info"
expect 0 "moving onto itself is no clash" lk event set "$M" --minutes 90
expect 2 "the kind stays" lk event set "$M" --kind group
contains "naming --kind" "$ERR" "--kind"
expect 2 "a bad time names --at" lk event set "$M" --at "tomorrow"

# --- a weekly group: one row per occurrence, all or nothing ------------------
expect 4 "a series with one clashing occurrence is refused whole" lk event add --title Ryhmä \
	--kind group --point $P --at "2026-03-09 10:00" --minutes 60 --capacity 8 --host "$S2" \
	--repeat "mon,wed until 2026-03-20"
same "and nothing of it is written" "$(sql "select count(*) from event where title = 'Ryhmä'")" "0"
expect 0 "a weekly group on Mondays and Thursdays" lk event add --title Ryhmä --kind group \
	--point $P --at "2026-03-09 13:00" --minutes 60 --capacity 8 --host "$S2" \
	--repeat "ma,to until 2026-03-19" --partner "Joensuun Setlementti" --benefit-checked-by "$LEAD"
same "four occurrences, four ids" "$(printf '%s\n' "$OUT" | wc -l)" "4"
same "on their days, one series" \
	"$(sql "select group_concat(start, ','), count(distinct series_id) from (select * from event where title = 'Ryhmä' order by start)")" \
	"2026-03-09 13:00,2026-03-12 13:00,2026-03-16 13:00,2026-03-19 13:00|1"
expect 2 "a recurrence that does not parse" lk event add --title X --kind group --point $P \
	--at "2026-03-09 15:00" --minutes 60 --capacity 8 --host "$S2" --repeat "someday"
# The benefit check set afterwards (the screen's o): a lead's, a group's.
G1=$(sql "select id from event where title = 'Ryhmä' order by start limit 1")
sql "update event set benefit_checked_by = NULL where title = 'Ryhmä'" >/dev/null
expect 2 "set: the benefit check is a lead's" lk event set "$G1" --benefit-checked-by "$S2"
contains "set: naming --benefit-checked-by" "$ERR" "--benefit-checked-by"
expect 2 "set: only a group's benefit effect is checked" lk event set "$M" --benefit-checked-by "$LEAD"
contains "set: naming --benefit-checked-by for a non-group" "$ERR" "--benefit-checked-by"
expect 0 "set: a lead checks a group's benefit effect" lk event set "$G1" --benefit-checked-by "$LEAD"
same "the check is stored, that occurrence only" \
	"$(sql "select count(*) from event where title = 'Ryhmä' and benefit_checked_by = '$LEAD'")" "1"

# --- invite -----------------------------------------------------------------
expect 0 "a dry run counts the target group" lk event invite "$E" --municipality Joensuu \
	--months 3 --dry-run
same "three in Joensuu 3+ months, none written" "$OUT|$(sql "select count(*) from event_participant")" \
	"3 in the target group, 3 would be invited|0"
expect 0 "by age range" lk event invite "$E" --municipality joensuu --age 40-65 --dry-run
same "two of 40-65" "$OUT" "2 in the target group, 2 would be invited"
expect 0 "by language" lk event invite "$E" --lang sv --dry-run
same "one Swedish-speaking" "$OUT" "1 in the target group, 1 would be invited"
expect 0 "by caseworker" lk event invite "$E" --caseworker "$S1" --dry-run
same "one of Mäkelä's" "$OUT" "1 in the target group, 1 would be invited"
expect 0 "no meeting in the next 10 days" lk event invite "$E" --point $P --no-meeting-days 10 --dry-run
same "Virtanen has one on 11.3." "$OUT" "3 in the target group, 3 would be invited"
expect 0 "invite the group" lk event invite "$E" --municipality Joensuu --months 3
same "invited" "$OUT" "3 in the target group, 3 invited"
expect 0 "again: nobody twice" lk event invite "$E" --municipality Joensuu
same "one more" "$OUT" "4 in the target group, 1 invited"
expect 2 "a bad service line names it" lk event invite "$E" --service-line golf
contains "naming --service-line" "$ERR" "--service-line"
expect 2 "a bad age range names --age" lk event invite "$E" --age 60-40
contains "naming --age" "$ERR" "--age"
expect 2 "nobody to invite" lk event invite "$E"
expect 3 "an unknown municipality" lk event invite "$E" --municipality Atlantis

# --- invitation letters, in the client's language -----------------------------
expect 0 "an invitation letter in English" lk event letter "$E" --client "$C1" --lang en
same "what, when, where, who, and the obligation" "$OUT" "INVITATION TO AN EVENT

Dear Matti Virtanen,

you are invited to an event of the employment services.

Event:         Työnhaun info
Kind:          Targeted info session
Time:          Tuesday 10.3.2026, 10:00–11:30
Place:         Joensuun palvelupiste
               Koskikatu 5/Torikatu 19, 80100 Joensuu
Room:          Huone 1
Host:          Liisa Mäkelä

Attending is part of your service process: the session is a
supplementary job-search discussion.

If you cannot come, please let us know as soon as possible
by calling the host or visiting the service point.

Kind regards
Liisa Mäkelä
Joensuun palvelupiste"
expect 0 "in Swedish for a Swedish-speaking client" lk event letter "$E" --client "$C2"
contains "the Swedish wording" "$OUT" "Riktat infotillfälle"
expect 0 "in plain Finnish" lk event letter "$E" --client "$C1" --plain
contains "short sentences" "$OUT" "Sinun pitää tulla."
same "each printing audited under the client" \
	"$(sql "select count(*) from audit where action = 'print-letter' and client_id in ('$C1', '$C2')")" "3"
expect 3 "no letter to a client not on the list" lk event letter "$E" --client "$C5"
expect 2 "a bad language names --lang" lk event letter "$E" --client "$C1" --lang de
contains "naming --lang" "$ERR" "--lang"

# --- sign-up, the waiting list, move-up --------------------------------------
expect 0 "the first signs up" lk event sign-up "$E" --client "$C1"
same "signed up" "$OUT" "signed-up"
expect 0 "the second" lk event sign-up "$E" --client "$C2"
expect 0 "the third waits" lk event sign-up "$E" --client "$C3"
same "first on the waiting list" "$OUT" "waiting 1"
expect 0 "the fourth waits" lk event sign-up "$E" --client "$C4"
same "second on the waiting list" "$OUT" "waiting 2"
expect 4 "twice is refused" lk event sign-up "$E" --client "$C1"
expect 0 "the list" lk event show "$E" --tsv
same "by place, states named" "$OUT" "$(printf '%s\tVirtanen Matti\tsigned-up\t0\n%s\tAho Anna\tsigned-up\t0\n%s\tBerg Bo\twaiting\t1\n%s\tCederberg Carl\twaiting\t2' "$C1" "$C2" "$C3" "$C4")"
expect 0 "a cancellation" lk event cancel "$E" --client "$C2"
same "moves the first waiting up" "$OUT" "$(printf 'cancelled\nmoved up from the waiting list: Berg Bo')"
expect 0 "the list after it" lk event show "$E"
same "human list" "$OUT" "Työnhaun info
  kind:      targeted session (attendance an obligation)
  when:      10.3.2026 10:00-11:30
  where:     Joensuun palvelupiste, Huone 1
  host:      Mäkelä Liisa
  list:      2 places, 2 signed up, 1 waiting, 0 invited
  Virtanen Matti               signed up
  Berg Bo                      signed up
  Cederberg Carl               waiting 1
  Aho Anna                     cancelled"
expect 4 "no attendance before the start" lk event attend "$E" --client "$C1" --as attended

# --- after the start ----------------------------------------------------------
export LUUKKU_NOW="2026-03-10 10:05"
expect 0 "attended" lk event attend "$E" --client "$C1" --as attended
expect 0 "no-show" lk event attend "$E" --client "$C3" --as no-show
expect 2 "a bad mark names --as" lk event attend "$E" --client "$C3" --as maybe
contains "naming --as" "$ERR" "--as"
expect 4 "a cancelled client is not marked" lk event attend "$E" --client "$C2" --as attended
expect 4 "no sign-up after the start" lk event sign-up "$E" --client "$C5"
expect 4 "a targeted session is not counted by heads" lk event count "$E" --people 12
expect 0 "the states" lk event show "$E" --tsv
same "attended, no-show, waiting, cancelled" "$(printf '%s\n' "$OUT" | cut -f2,3,4)" \
	"$(printf 'Virtanen Matti\tattended\t0\nBerg Bo\tno-show\t0\nCederberg Carl\twaiting\t1\nAho Anna\tcancelled\t0')"

# --- an open info event: a head count ---------------------------------------
export LUUKKU_NOW="2026-03-02 09:00"
expect 0 "an info event" lk event add --title "Rekrytointitori" --kind info --point $P \
	--at "2026-03-05 12:00" --minutes 120 --capacity 200 --host "$S2" --lang fi
I=$OUT
expect 4 "not counted before it starts" lk event count "$I" --people 40
expect 4 "nobody is invited to an info event" lk event invite "$I" --client "$C1"
LUUKKU_NOW="2026-03-05 14:00" expect 0 "counted after" lk event count "$I" --people 43
same "the count kept" "$(sql "select head_count from event where id = '$I'")" "43"
expect 2 "a negative count names --people" lk event count "$I" --people -1

# --- list, cancel-event -------------------------------------------------------
expect 0 "the week's events at the point" lk event list --point $P --days 14 --tsv
same "three rows of this week and next, by start" "$(printf '%s\n' "$OUT" | cut -f2,4,5,9-15 | head -3)" \
	"$(printf '2026-03-05 12:00\tinfo\tplanned\t200\t0\t0\t0\t0\t0\t43\n2026-03-09 13:00\tgroup\tplanned\t8\t0\t0\t0\t0\t0\t-1\n2026-03-10 10:00\ttargeted\tplanned\t2\t0\t0\t1\t1\t1\t-1')"
expect 2 "cancelling needs a reason" lk event cancel-event "$I"
contains "naming --reason" "$ERR" "--reason"
expect 0 "cancel the info event" lk event cancel-event "$I" --reason "Sali remontissa"
expect 4 "twice is refused" lk event cancel-event "$I" --reason "again"
same "kept, cancelled, with the reason" \
	"$(sql "select status, cancel_reason from event where id = '$I'")" "cancelled|Sali remontissa"
expect 0 "a cancelled event no longer clashes" lk book --client "$C1" --staff "$S2" --kind muu \
	--at "2026-03-05 12:30" --minutes 30 --channel phone
expect 3 "an unknown event" lk event show 0123456789abcdef0123456789abcdef

# --- cadence: an attended obligatory session is a supplementary discussion --
export LUUKKU_NOW="2026-02-20 09:00"
C6=$(lk client add --name "Eskola, Eero" --municipality Joensuu --job-search-start 2026-02-20)
A=$(lk book --client "$C6" --staff "$S1" --kind alkuhaastattelu --at "2026-02-23 10:00" --minutes 60)
lk meeting done "$A"
export LUUKKU_NOW="2026-03-02 09:00"
expect 0 "an obligatory session" lk event add --title "Kohdennettu info" --kind targeted \
	--point $P --at "2026-03-13 09:00" --minutes 60 --capacity 10 --host "$S2" --obligation
OB=$OUT
expect 0 "a voluntary one" lk event add --title "Vapaaehtoinen info" --kind targeted \
	--point $P --at "2026-03-13 12:00" --minutes 60 --capacity 10 --host "$S2"
VO=$OUT
lk event invite "$OB" --client "$C6" >/dev/null
lk event invite "$VO" --client "$C6" >/dev/null
lk event invite "$OB" --client "$C4" >/dev/null
expect 0 "the due list before" lk due --tsv "$C6"
contains "five supplementary open" "$OUT" "$(printf 'taydentava-1/5\t2026-05-23\topen')"
export LUUKKU_NOW="2026-03-13 13:30"
lk event attend "$VO" --client "$C6" --as attended
expect 0 "the due list after a voluntary session" lk due --tsv "$C6"
contains "it does not count" "$OUT" "$(printf 'taydentava-1/5\t2026-05-23\topen')"
lk event attend "$OB" --client "$C6" --as attended
lk event attend "$OB" --client "$C4" --as no-show
expect 0 "the due list after the obligatory one" lk due --tsv "$C6"
contains "it counts as the first supplementary discussion" "$OUT" \
	"$(printf 'taydentava-1/5\t2026-05-23\tdone')"
contains "the second is still open" "$OUT" "$(printf 'taydentava-2/5\t2026-05-23\topen')"
expect 0 "a no-show of an obligatory session" lk due --tsv "$C4"
contains "is on the due list" "$OUT" "$(printf 'event-no-show\t2026-03-13\tno-show\tKohdennettu info')"
expect 0 "and in words" lk due "$C4"
contains "named" "$OUT" "No-show at an obligatory session: Kohdennettu info"
export LUUKKU_NOW="2026-03-02 09:00"

# --- exports: agenda, ical, the events report --------------------------------
expect 0 "the host's agenda shows the event among the bookings" lk agenda --staff "$S2" \
	--date 2026-03-11 --week --tsv
same "in start order, events marked" "$(printf '%s\n' "$OUT" | cut -f2,4,6,7)" \
	"$(printf '2026-03-09 13:00\tevent-group\tplanned\tRyhmä\n2026-03-11 10:30\tmuu\tscheduled\tVirtanen Matti\n2026-03-12 13:00\tevent-group\tplanned\tRyhmä\n2026-03-13 09:00\tevent-targeted\tplanned\tKohdennettu info\n2026-03-13 12:00\tevent-targeted\tplanned\tVapaaehtoinen info')"
expect 0 "and in words" lk agenda --staff "$S1" --date 2026-03-10
same "the event with its places" "$OUT" "Tue 10.3.2026
  10:00-11:30 Työnhaun info            Targeted session       Joensuun palvelupiste    2/2"
expect 0 "ical of the host" lk ical --staff "$S1" --from 2026-03-09 --to 2026-03-15
contains "the event is in it" "$OUT" "$(printf 'UID:%s@pohjois-karjala\r' "$E")"
contains "with its title" "$OUT" "SUMMARY:Targeted session: Työnhaun info"
expect 0 "ical of the point" lk ical --point $P --from 2026-03-01 --to 2026-03-31
contains "the cancelled info event is marked" "$OUT" "$(printf 'UID:%s@pohjois-karjala\r\nDTSTAMP' "$I")"
same "as cancelled" "$(printf '%s\n' "$OUT" | tr -d '\r' | grep -A9 "UID:$I" | grep STATUS)" "STATUS:CANCELLED"
expect 0 "the events report" lk report events --csv
same "by point and kind, cancelled events left out" "$(printf '%s\n' "$OUT" | tr -d '\r')" \
"point_id,point,kind,events,invited,signed_up,waiting,attended,no_shows,head_count
joensuun-palvelupiste,Joensuun palvelupiste,info,1,0,0,0,0,0,0
joensuun-palvelupiste,Joensuun palvelupiste,targeted,3,7,5,1,3,2,0
joensuun-palvelupiste,Joensuun palvelupiste,group,4,0,0,0,0,0,0"
expect 0 "a month of it" lk report events --from 2026-03-13 --to 2026-03-13
same "in words" "$OUT" "Point                          Kind      Events Invited Signed up Waiting Attended No-shows Head count
Joensuun palvelupiste          targeted       2       3         3       0        2        1          0"
expect 0 "an open day" lk event add --title "Avoimet ovet" --kind info --point $P \
	--at "2026-03-20 12:00" --minutes 120 --capacity 100 --host "$S2" \
	--description "Tule tutustumaan palveluihin" --partner "Joensuun kaupunki"
expect 0 "the point's public feed" lk ical --point $P --public --from 2026-03-01 --to 2026-03-31
same "only the open info events, bookings and other kinds left out" \
	"$(printf '%s\n' "$OUT" | tr -d '\r' | grep -E '^(SUMMARY|X-WR-CALNAME|STATUS)')" \
	"X-WR-CALNAME:Joensuun palvelupiste: info events
SUMMARY:Info event: Rekrytointitori
STATUS:CANCELLED
SUMMARY:Info event: Avoimet ovet
STATUS:CONFIRMED
SUMMARY:Info event: Siirretty
STATUS:CONFIRMED"
contains "what it is, for the public" "$OUT" "DESCRIPTION:Tule tutustumaan palveluihin\nPartner: Joensuun kaupunki"
case $OUT in *"Ojala"*|*"Signed up"*) not_ok "no staff or list figures in it" ;; *) ok "no staff or list figures in it" ;; esac
expect 2 "the public feed is a point's" lk ical --staff "$S2" --public
contains "naming --public" "$ERR" "--public"
expect 2 "an unknown report names the new one" lk report nonsense
contains "events among them" "$ERR" "feedback, events)"

# --- help ---------------------------------------------------------------------
expect 0 "event add --help" lk event add --help
contains "shows the options" "$OUT" "--capacity N --host ID"
expect 0 "event --help lists the subcommands" lk event --help
contains "cancel-event among them" "$OUT" "luukku event cancel-event ID --reason TEXT"
expect 2 "an unknown subcommand" lk event frobnicate
done_testing
