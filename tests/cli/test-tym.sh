# luukku tym: open a case, assemble the teams under the rules of docs/rules.md#tym,
# consent for outside members, the timeline, closing. Refusals exit
# 4 (the team rules) or 2 (bad input) and change nothing.
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
P=joensuun-palvelupiste
TC=$(lk staff add --name "Aalto, Tuula" --role tym-caseworker --point $P)
TC2=$(lk staff add --name "Berg, Bo" --role tym-caseworker --point $P)
S=$(lk staff add --name "Heikkinen, Sari" --role social-worker --point $P)
K=$(lk staff add --name "Kivelä, Kari" --role kela-advisor --point $P)
B=$(lk staff add --name "Mäkelä, Liisa" --role caseworker --point $P)
N=$(lk staff add --name "Nieminen, Nea" --role nurse --point $P)
CO=$(lk staff add --name "Oja, Olli" --role coordinator --point $P)
# Not a job seeker: no job-search start.
C=$(lk client add --name "Virtanen, Matti" --municipality Joensuu)

expect 2 "a bad referral is refused" lk tym open --client "$C" --referral naapuri
same "naming --referral" "$ERR" "luukku tym open: --referral: 'naapuri' is not one of: perus, hyvinvointialue, kela, tyokykytiimi, itse"
expect 3 "an unknown client" lk tym open --client 0123456789abcdef0123456789abcdef --referral perus
expect 0 "open a case for a client who is not a job seeker" lk tym open --client "$C" --referral perus
CASE=$OUT
same "the client moves to the TYM line" "$(sql "select service_line from client where id = '$C'")" "tym"
expect 4 "a second open case is refused" lk tym open --client "$C" --referral kela
same "naming the open case" "$ERR" "luukku tym open: --client: the client has an open TYM case already ($CASE)"

# --- The start team: the three roles, a warning while one is missing --------
expect 0 "the TYM caseworker joins the start team" lk tym member add "$CASE" --staff "$TC" --team start
same "warns of the missing roles" "$ERR" "luukku tym member add: warning: Start team still lacks: Social counsellor / worker, Kela work-ability advisor"
expect 4 "a client officer of basic services is refused from the start team" \
	lk tym member add "$CASE" --staff "$B" --team start
same "naming what is wrong" "$ERR" "luukku tym member add: --team: Mäkelä Liisa (Client officer (asiakasvastaava)) cannot join the start team: it is a TYM caseworker, a social counsellor/worker and a Kela work-ability advisor"
expect 0 "the social worker joins" lk tym member add "$CASE" --staff "$S" --team start
same "one role still missing" "$ERR" "luukku tym member add: warning: Start team still lacks: Kela work-ability advisor"
expect 0 "the Kela advisor completes it" lk tym member add "$CASE" --staff "$K" --team start
same "no warning when complete" "$ERR" ""
expect 4 "the same person twice is refused" lk tym member add "$CASE" --staff "$K" --team start
same "naming the person" "$ERR" "luukku tym member add: --staff: Kivelä Kari is in this team already"

# --- The responsible pair: TYM caseworker + exactly one wellbeing/Kela ------
expect 0 "the pair's TYM caseworker" lk tym member add "$CASE" --staff "$TC" --team pair
expect 4 "a basic-services caseworker in the pair is refused" lk tym member add "$CASE" --staff "$B" --team pair
same "naming the role and organisation" "$ERR" "luukku tym member add: --staff: Mäkelä Liisa (Client officer (asiakasvastaava), employment area) cannot be in the responsible pair: it is the TYM caseworker plus exactly one wellbeing-county or Kela worker"
expect 4 "a second TYM caseworker in the pair is refused" lk tym member add "$CASE" --staff "$TC2" --team pair
same "naming the one there" "$ERR" "luukku tym member add: --staff: the responsible pair has its TYM caseworker already (Aalto Tuula); Berg Bo cannot be a second one"
expect 0 "the social worker completes the pair" lk tym member add "$CASE" --staff "$S" --team pair
expect 4 "a Kela advisor as a third member is refused" lk tym member add "$CASE" --staff "$K" --team pair
same "exactly one outside worker" "$ERR" "luukku tym member add: --staff: the responsible pair has its wellbeing-county or Kela worker already (Heikkinen Sari); it takes exactly one, so Kivelä Kari cannot join"
expect 2 "an unknown team" lk tym member add "$CASE" --staff "$K" --team kahvi
expect 3 "an unknown staff member" lk tym member add "$CASE" --staff 0123456789abcdef0123456789abcdef --team pair
same "four refusals stored nothing" "$(sql "select team || ':' || count(*) from tym_member group by team order by team" | tr '\n' ' ')" "pair:2 start:3 "

# --- Network meeting and the work-ability support team ----------------------
expect 0 "network: the TYM caseworker" lk tym member add "$CASE" --staff "$TC" --team network
same "the social worker is required" "$ERR" "luukku tym member add: warning: Network meeting still lacks: Social counsellor / worker"
expect 0 "network: the Kela advisor may come" lk tym member add "$CASE" --staff "$K" --team network
expect 0 "work-ability team: the nurse" lk tym member add "$CASE" --staff "$N" --team workability
expect 0 "work-ability team: a coordinator is invited" lk tym member add "$CASE" --staff "$CO" --team workability

expect 0 "show the case" lk tym show --tsv "$CASE"
same "teams, roles, missing roles and the timeline" "$(echo "$OUT" | grep -v '^case' | sed 's/^\(member	[a-z]*	\)[0-9a-f]*	/\1/')" "$(printf '%s\n' \
	"consent	none		" \
	"member	start	Aalto Tuula	tym-caseworker	area	core" \
	"member	start	Heikkinen Sari	social-worker	wellbeing	core" \
	"member	start	Kivelä Kari	kela-advisor	kela	core" \
	"member	pair	Aalto Tuula	tym-caseworker	area	core" \
	"member	pair	Heikkinen Sari	social-worker	wellbeing	core" \
	"member	network	Aalto Tuula	tym-caseworker	area	core" \
	"member	network	Kivelä Kari	kela-advisor	kela	invited" \
	"member	workability	Nieminen Nea	nurse	wellbeing	core" \
	"member	workability	Oja Olli	coordinator	area	invited" \
	"missing	network	social-worker" \
	"missing	workability	tym-caseworker" \
	"missing	workability	kela-advisor" \
	"missing	workability	social-worker" \
	"due	tym-palvelutarvearvio	2026-06-02	open" \
	"due	tym-tarkistus	2026-09-02	open" \
	"due	tym-18kk	2027-09-02	open")"

# --- Consent: outside members see the case only with it ----------------------
mkdir -p "$T/kela"
printf '[desk]\nstaff = %s\n' "$K" >"$T/kela/luukku.ini"
printf '[desk]\nstaff = %s\n' "$B" >"$T/kela/basic.ini"
expect 4 "the Kela advisor cannot see the case before consent" lk --config "$T/kela/luukku.ini" tym show "$CASE"
same "saying why" "$ERR" "luukku tym show: --staff: the client has not given consent, so members from outside the employment area cannot see the case"
same "nothing was shown" "$OUT" ""
expect 0 "the area's own staff can" lk --config "$T/kela/basic.ini" tym show "$CASE"
expect 2 "consent needs --given or --withdrawn" lk tym consent "$CASE"
expect 4 "nothing to withdraw yet" lk tym consent "$CASE" --withdrawn
expect 0 "consent given" lk tym consent "$CASE" --given --how written
expect 4 "given twice is refused" lk tym consent "$CASE" --given
expect 0 "now the Kela advisor sees it" lk --config "$T/kela/luukku.ini" tym show "$CASE"
contains "with the consent" "$OUT" "Consent            given 2.3.2026"
expect 0 "consent withdrawn" lk tym consent "$CASE" --withdrawn
expect 4 "and the Kela advisor is refused again" lk --config "$T/kela/luukku.ini" tym show "$CASE"
same "the consent rows: given and withdrawn" "$(sql "select kind, given_how, withdrawn_at is not null from consent")" "tym|written|1"
same "each read audited" "$(sql "select count(*) from audit where action = 'open-tym'")" "3"

# --- Closing needs the final assessment and an outcome -----------------------
expect 2 "closing without a final assessment is refused" lk tym close "$CASE" --outcome tyo
same "naming --final-assessment" "$ERR" "luukku tym close: --final-assessment: the TYM caseworker's final assessment is needed to close the case"
expect 2 "a blank final assessment is refused" lk tym close "$CASE" --outcome tyo --final-assessment "   "
expect 2 "closing without an outcome is refused" lk tym close "$CASE" --final-assessment "Työkyky palautunut"
expect 2 "a bad outcome is refused" lk tym close "$CASE" --outcome loma --final-assessment "x"
same "still open after the refusals" "$(sql "select coalesce(closed, 'open') from tym_case")" "open"
expect 0 "close to basic services" lk tym close "$CASE" --outcome perus --final-assessment "Työkyky palautunut; jatkaa perustyöllisyyspalveluissa."
same "closed with its outcome" "$(sql "select closed, outcome from tym_case")" "2026-03-02|perus"
same "back in basic services" "$(sql "select service_line from client where id = '$C'")" "tyonvalitys"
expect 4 "closing twice is refused" lk tym close "$CASE" --outcome tyo --final-assessment "x"
expect 4 "a closed case takes no members" lk tym member add "$CASE" --staff "$N" --team network
done_testing
