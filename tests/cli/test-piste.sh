# luukku piste: the walk-in queue (arrive → call → serve → end, no-show,
# referral), waiting and service times derived from the events, today's
# counts, anonymous visits that keep no identity, Rinnalla's oral consent.
# Every refusal changes nothing.
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
P=joensuun-palvelupiste
C=$(lk client add --name "Virtanen, Matti" --hetu 010594Y9032 --municipality Joensuu)

expect 0 "Aino takes a ticket at 9.00" env LUUKKU_NOW="2026-03-02 09:00" "$LUUKKU" --db "$DB" \
	piste arrive --point $P --topic digi --first-name Aino
same "ticket 1" "$OUT" "1"
expect 0 "an anonymous visitor at 9.05" env LUUKKU_NOW="2026-03-02 09:05" "$LUUKKU" --db "$DB" \
	piste arrive --point $P --topic tyonhaku
same "ticket 2" "$OUT" "2"
expect 0 "a third at 9.06" env LUUKKU_NOW="2026-03-02 09:06" "$LUUKKU" --db "$DB" \
	piste arrive --point $P --topic koulutus
same "ticket 3" "$OUT" "3"

# --- Refusals: identity never enters an anonymous visit ---------------------
before=$(sql "select count(*) from visit")
expect 2 "an identity code as the first name is refused" lk piste arrive --point $P --topic muu \
	--first-name 010594Y9032
same "naming --first-name" "$ERR" "luukku piste arrive: --first-name: a first name only: no digits, never an identity code"
expect 2 "a hetu-shaped note on an anonymous visit is refused" lk piste log --point $P --topic digi \
	--note "kävi: 010594-9032"
same "naming --note" "$ERR" "luukku piste log: --note: looks like it holds an identity code; a visit's note never does"
expect 2 "a hetu-shaped note at arrival too" lk piste arrive --point $P --topic digi --note "010594Y9032"
expect 2 "an unknown topic" lk piste arrive --point $P --topic kahvi
expect 3 "an unknown point" lk piste arrive --point nowhere --topic digi
expect 2 "oral consent belongs to Rinnalla" lk piste arrive --point $P --topic digi --oral-consent
same "nothing was stored by the refusals" "$(sql "select count(*) from visit")" "$before"

# --- The queue -----------------------------------------------------------------
expect 0 "the queue at 9.10" env LUUKKU_NOW="2026-03-02 09:10" "$LUUKKU" --db "$DB" piste queue --point $P
same "tickets, topics, names, waiting so far" "$OUT" "$(printf '%s\n' \
	'Ticket Topic              Name           Arrived State     Waited' \
	'     1 Digital services   Aino           09:00   waiting   10 min' \
	'     2 Job search         –              09:05   waiting   5 min' \
	'     3 Education          –              09:06   waiting   4 min')"
expect 0 "call ticket 1 at 9.10" env LUUKKU_NOW="2026-03-02 09:10" "$LUUKKU" --db "$DB" piste call 1 --point $P
same "waited 10 minutes" "$OUT" "ticket 1: called (waited 10 min)"
expect 0 "serve it at 9.12" env LUUKKU_NOW="2026-03-02 09:12" "$LUUKKU" --db "$DB" piste serve 1 --point $P
expect 0 "end it at 9.30" env LUUKKU_NOW="2026-03-02 09:30" "$LUUKKU" --db "$DB" piste end 1 --point $P
same "service time from the events" "$OUT" "ticket 1: served (waited 10 min, served 18 min)"
same "the first name is gone once the visit ended" "$(sql "select coalesce(call_name, 'none'), minutes from visit where ticket = 1")" "none|18"
expect 4 "ending twice is refused" lk piste end 1 --point $P
same "naming the state" "$ERR" "luukku piste end: --ticket: ticket 1 is marked \"served\"; it cannot be marked \"served\""
expect 4 "serving an ended visit is refused" lk piste serve 1 --point $P
expect 0 "ticket 2 is called at 9.35" env LUUKKU_NOW="2026-03-02 09:35" "$LUUKKU" --db "$DB" piste call 2 --point $P
expect 0 "and does not come" env LUUKKU_NOW="2026-03-02 09:40" "$LUUKKU" --db "$DB" piste no-show 2 --point $P
same "a no-show" "$OUT" "ticket 2: no-show (waited 30 min)"
expect 0 "ticket 3 is served from 9.36" env LUUKKU_NOW="2026-03-02 09:36" "$LUUKKU" --db "$DB" piste serve 3 --point $P
expect 0 "and referred elsewhere at 9.46" env LUUKKU_NOW="2026-03-02 09:46" "$LUUKKU" --db "$DB" piste refer 3 --point $P
same "referred after 10 minutes" "$OUT" "ticket 3: referred (waited 30 min, served 10 min)"
expect 2 "a ticket needs the point" lk piste call 2
expect 3 "an unknown ticket" lk piste call 9 --point $P
expect 0 "the queue is empty" lk piste queue --point $P
same "saying so" "$OUT" "Nobody is waiting."

# --- Logged visits (kept working) and today's counts ---------------------------
expect 0 "an anonymous visit logged at the desk" lk piste log --point $P --topic digi --minutes 10
expect 0 "a Rinnalla visit of a client, with oral consent" lk piste log --point $P --topic rinnalla \
	--client "$C" --oral-consent
same "the one-time oral consent is recorded" "$(sql "select kind, given_how, scope like 'visit:%' from consent")" "rinnalla|oral|1"
expect 0 "an anonymous Rinnalla visit with oral consent" lk piste log --point $P --topic rinnalla --oral-consent
same "kept on the visit, no consent row without a client" "$(sql "select count(*) from visit where oral_consent is not null")|$(sql "select count(*) from consent")" "2|1"
same "anonymous visits hold no identity" \
	"$(sql "select count(*) from visit where client_id is null and (call_name is not null or note is not null)")" "0"
expect 0 "today's counts" lk piste today --point $P --tsv
same "per topic, outcomes and medians" "$OUT" "$(printf '%s\n' \
	'topic	tyonhaku	1' 'topic	koulutus	1' 'topic	digi	2' 'topic	rinnalla	2' 'topic	muu	0' \
	'total	6' 'waiting	0' 'served	4' 'no-show	1' 'referred	1' \
	'wait-median	30' 'service-median	10')"
expect 0 "today's counts for people" lk piste today --point $P
contains "in columns" "$OUT" "Digital services     2"
contains "with the median service time" "$OUT" "Median service       10 min"
done_testing
