# Consents of every kind (store/consent.h, cmd-consent.c): disclosure to
# healthcare (terveydenhuolto) given and withdrawn with who, when, how and
# scope; each change audited; refusals (unknown kind, no scope, a bad way
# of giving, withdrawing what is not in force, giving what is in force)
# write nothing; the export holds the consents; once accounts are in use
# a role without the card capability may not record consent.
. "$(dirname "$0")/lib.sh"

P=joensuun-palvelupiste
lk init --area pohjois-karjala >/dev/null
W=$(lk staff add --name "Mäkelä, Liisa" --role caseworker --point $P)
C=$(lk client add --name "Virtanen, Matti" --municipality Joensuu)
SCOPE="Siun sote: työkyvyn arviointi"

rows() { sql "select (select count(*) from consent) || ' ' || (select count(*) from audit) || ' ' || (select count(*) from outbox)"; }
before=$(rows)
expect 2 "an unknown kind" lk --staff "$W" consent give --client "$C" --kind kahvi --scope "$SCOPE"
same "naming --kind" "$ERR" "luukku consent give: --kind: 'kahvi' is not one of: rinnalla, terveydenhuolto, tym"
expect 2 "no scope" lk --staff "$W" consent give --client "$C" --kind terveydenhuolto
same "naming --scope" "$ERR" "luukku consent give: --scope: say what the consent covers"
expect 2 "a bad way of giving" lk --staff "$W" consent give --client "$C" --kind terveydenhuolto --scope "$SCOPE" --how telepathy
expect 2 "a control character in the scope" lk --staff "$W" consent give --client "$C" --kind terveydenhuolto --scope "$(printf 'a\033[2Jb')"
expect 2 "withdrawing with nothing given" lk --staff "$W" consent withdraw --client "$C" --kind terveydenhuolto --scope "$SCOPE"
same "naming --scope" "$ERR" "luukku consent withdraw: --scope: no terveydenhuolto consent for 'Siun sote: työkyvyn arviointi' is in force, so there is none to withdraw"
expect 3 "an unknown client" lk --staff "$W" consent give --client 0123456789abcdef0123456789abcdef --kind terveydenhuolto --scope "$SCOPE"
expect 2 "tym consent needs a TYM case as its scope" lk --staff "$W" consent give --client "$C" --kind tym --scope "$SCOPE"
same "the refusals wrote nothing" "$(rows)" "$before"

expect 0 "healthcare disclosure given" lk --staff "$W" consent give --client "$C" --kind terveydenhuolto --scope "$SCOPE"
same "exact output" "$OUT" 'Consent given: Disclosure to healthcare "Siun sote: työkyvyn arviointi" (written, 2.3.2026)'
same "the row: kind, scope, how, who, when" "$(sql "select kind, scope, given_how, staff_id = '$W', given_at, withdrawn_at is null from consent")" "terveydenhuolto|Siun sote: työkyvyn arviointi|written|1|2026-03-02 09:00|1"
same "audited as consent-given" "$(sql "select staff_id = '$W', detail from audit where action = 'consent-given' and client_id = '$C'")" "1|terveydenhuolto: Siun sote: työkyvyn arviointi (written)"
before=$(rows)
expect 4 "given twice" lk --staff "$W" consent give --client "$C" --kind terveydenhuolto --scope "$SCOPE"
same "naming --scope" "$ERR" "luukku consent give: --scope: this consent is in force already (given 2.3.2026)"
same "nothing written" "$(rows)" "$before"
expect 0 "oral one-time Rinnalla consent" lk --staff "$W" consent give --client "$C" --kind rinnalla --scope "neuvonta 2.3.2026"
same "oral by default" "$OUT" 'Consent given: Rinnalla, one-time "neuvonta 2.3.2026" (oral, 2.3.2026)'

export LUUKKU_NOW="2026-03-05 14:30"
expect 0 "withdrawn" lk --staff "$W" consent withdraw --client "$C" --kind terveydenhuolto --scope "$SCOPE"
same "exact output" "$OUT" 'Consent withdrawn: Disclosure to healthcare "Siun sote: työkyvyn arviointi" (5.3.2026)'
same "the withdrawal is on the row" "$(sql "select withdrawn_at from consent where kind = 'terveydenhuolto'")" "2026-03-05 14:30"
same "audited as consent-withdrawn" "$(sql "select count(*) from audit where action = 'consent-withdrawn' and client_id = '$C'")" "1"
expect 2 "withdrawn twice" lk --staff "$W" consent withdraw --client "$C" --kind terveydenhuolto --scope "$SCOPE"
expect 0 "given again later" lk --staff "$W" consent give --client "$C" --kind terveydenhuolto --scope "$SCOPE" --how oral

expect 0 "the list" lk consent list --client "$C"
same "exact list" "$OUT" "Kind                        How          Given      Withdrawn  Scope
Disclosure to healthcare    written      2.3.2026   5.3.2026   Siun sote: työkyvyn arviointi
Rinnalla, one-time          oral         2.3.2026   –          neuvonta 2.3.2026
Disclosure to healthcare    oral         5.3.2026   –          Siun sote: työkyvyn arviointi"
expect 0 "the list as TSV" lk consent list --client "$C" --tsv
same "exact TSV" "$(echo "$OUT" | head -1)" "terveydenhuolto	Siun sote: työkyvyn arviointi	written	2026-03-02 09:00	2026-03-05 14:30	Mäkelä Liisa"

# The TYM kind through the same command: the scope is the case.
CASE=$(lk tym open --client "$C" --referral perus)
expect 0 "tym consent for the case" lk --staff "$W" consent give --client "$C" --kind tym --scope "$CASE"
expect 4 "the TYM command sees it in force" lk tym consent "$CASE" --given
expect 0 "and withdraws it, audited too" lk tym consent "$CASE" --withdrawn
same "both audited" "$(sql "select count(*) from audit where action like 'consent-%' and detail like 'tym:%'")" "2"

# The export holds the consents.
expect 0 "export" lk export --client "$C" --out "$T/c.json"
same "three plus one consents in the export" "$(python3 -c "import json,sys; d=json.load(open('$T/c.json')); print(len(d['consents']))")" "4"

# Roles: a Piste desk may not record consent on the register.
A=$(lk staff add --name "Aalto, Aino" --role admin --point $P)
echo 4321 | lk staff passwd "$A" >/dev/null
secret "$A" 4321
PI=$(as_staff "$A" staff add --name "Piste, Pia" --role piste --point $P)
echo 7777 | as_staff "$A" staff passwd "$PI"
secret "$PI" 7777
expect 4 "a Piste desk may not" as_staff "$PI" consent give --client "$C" --kind terveydenhuolto --scope "x"
expect 0 "the admin may" as_staff "$A" consent withdraw --client "$C" --kind terveydenhuolto --scope "$SCOPE"

done_testing
