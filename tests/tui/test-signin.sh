#!/bin/sh
# tests/tui/test-signin.sh — who is at the desk: once a staff member has a
# secret the terminal starts at sign-in (one's own name in full, then the
# secret, masked); no staff names are listed, only the last person signed
# in here is pre-filled; an unknown name fails like a wrong secret; a wrong
# secret is refused and slows the next attempt, even after a restart (the
# count is read from the audit trail); every attempt is audited; the identity code is revealed on the card only
# on its key, audited; F11 and idle time lock the terminal, which shows no
# client data, and only the same person's secret unlocks it. The card's
# consent key asks k/e first; no and Esc write nothing. A PIN typed into
# the name field fails and is written nowhere (audit, database files, any
# file); failures of names that are no account slow down alike after a
# restart, on the terminal and the command line (this desk's audit rows
# without a staff member), and the names are stored nowhere (any
# file); a key the role may not use is refused on the status line and
# audited with the client in view. A Piste desk
# signs in to the Piste screen and cannot leave it for the register.
#
#   sh tests/tui/test-signin.sh build/luukku
. "$(dirname "$0")/lib.sh"

P=joensuun-palvelupiste
echo 4321 | lk init --area pohjois-karjala --admin "Aalto, Aino" >"$TMPDIR_TUI/admin"
A=$(cat "$TMPDIR_TUI/admin")
echo 4321 >"$TMPDIR_TUI/admin.secret"
# The admin acts on the command line signed in through --secret-fd 3.
admin() { lk --staff "$A" --secret-fd 3 "$@" 3<"$TMPDIR_TUI/admin.secret"; }
W=$(admin staff add --name "Mäkelä, Liisa" --role caseworker --point $P)
PI=$(admin staff add --name "Piste, Pia" --role piste --point $P)
echo salasana1 | admin staff passwd "$W"
echo 7777 | admin staff passwd "$PI"
admin client add --name "Virtanen, Matti" --hetu "$(hetu 010594 - 902)" --municipality Joensuu >/dev/null
# A social worker in the team of one TYM client, with consent on record.
S=$(admin staff add --name "Heikkinen, Sari" --role social-worker --point $P)
echo 2468 | admin staff passwd "$S"
C2=$(admin client add --name "Virtala, Ville" --hetu "$(hetu 020394 - 913)" --municipality Joensuu)
CASE=$(admin tym open --client "$C2" --referral hyvinvointialue)
admin tym member add "$CASE" --staff "$S" --team start 2>/dev/null
admin tym consent "$CASE" --given --how written
printf '[desk]\npoint = %s\n' "$P" >"$TMPDIR_TUI/luukku.ini"
check() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', want '$3')"; fi
}
# submit SECRET [SECONDS] — SECRET has been typed into the secret field:
# press Enter once the delay after earlier failures is over. An attempt
# refused for the delay ("Odota hetki": not checked, not audited, the field
# wiped) is typed and sent again; the delay must end within SECONDS (3).
# Waits on what the screen says, never on a guessed sleep.
submit() {
	stars=$(printf '%s' "$1" | sed 's/./\\*/g')
	t0=$(date +%s)
	while :; do
		poll_screen -G "Salaisuus: *$stars\$" 5 ||
			{ not_ok "the secret is typed (${#1} stars)"; screen | sed 's/^/#   /'; return 1; }
		tm send-keys Enter
		# Handled: the field is empty again, or another screen is up.
		poll_screen -G "Salaisuus: *\*" 5 ! || { not_ok "the attempt is handled"; return 1; }
		if ! screen | grep -q "Odota hetki"; then
			trace "submitted $1 once the delay was over"
			return 0
		fi
		if [ $(($(date +%s) - t0)) -gt "${2:-3}" ]; then
			not_ok "the delay ends within ${2:-3} s"
			return 1
		fi
		sleep 0.1
		tm send-keys -l "$1"
	done
}
# attempt SECRET [SECONDS] — type SECRET into the secret field and submit it.
attempt() {
	tm send-keys -l "$1"
	submit "$@"
}

export LUUKKU_LOCK_SECONDS=6
tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
# No staff names are listed: a part of a name shows nobody.
type_text "mäk"
assert_screen signin-name <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste                      2.3.2026
 Kirjautuminen

 Nimi:      mäk

  Kirjoita koko nimesi (esim. "Anna Korhonen") tai tunnuksesi ja paina Enter.
















 Paikallinen tila · 2 asiakasta
EnterSeuraava F10Lopeta
SCREEN
# A name that is no account goes on to the secret like any other, and fails
# with the same words.
keys Enter
type_text "salasana1"
keys Enter
see "an unknown name fails like a wrong secret" "Väärä nimi tai salaisuus"
check "audited without a staff member" "$(sql "select count(*) from audit where action = 'sign-in-failed' and staff_id is null")" "1"
keys Escape
# The whole name, in any case (å ä ö as they are).
wait_match "Nimi: *$"
type_text "mäkelä LIISA"
keys Enter
type_text "vaara123"
assert_screen signin-secret <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste                      2.3.2026
 Kirjautuminen

 Nimi:      mäkelä LIISA
 Salaisuus: ********

  Enter kirjaa sisään; Esc valitsee toisen nimen.















 Paikallinen tila · 2 asiakasta
EnterSeuraava F10Lopeta
SCREEN
# The failure of the unknown name above delays this desk's next attempt (1 s).
submit "vaara123"
wait_for "Väärä nimi tai salaisuus"
check "a wrong secret is audited as a failure" "$(sql "select count(*) from audit where action = 'sign-in-failed' and staff_id = '$W'")" "1"
# At once again: refused without a check while the delay runs.
type_text "salasana1"
keys Enter
see "the next attempt waits" "Odota hetki"
check "no second check during the delay" "$(sql "select count(*) from audit where action like 'sign-in%' and coalesce(detail, '') not like 'cli:%'")" "2"
attempt "salasana1" 4
wait_for "Liisa Mäkelä"
check "the sign-in is audited" "$(sql "select count(*) from audit where action = 'sign-in' and staff_id = '$W'")" "1"
check "no secret in the audit trail" "$(sql "select count(*) from audit where detail like '%salasana%' or detail like '%vaara%'")" "0"
type_text "virtanen"
see "the list masks the identity code" "010594-****"
keys Enter
wait_for "Asiakaskortti"
keys v
assert_screen card-revealed <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste       Liisa Mäkelä · 2.3.2026
 Asiakaskortti
  Virtanen, Matti                                                   010594-9021
  Kotikunta         Joensuu             Puhelin           –
  Osoite            –
  Sähköposti        –
  Asiointikieli     suomi               Tulkki            ei tarvita
  Palvelulinja      Työnvälitys ja osaamisen kehittäminen
  Vastuuvirkailija  ei vielä nimetty    Työnhaku alkanut  –

 Tulevat tapaamiset
  Ei tulevia tapaamisia.

 Lakisääteiset määräajat
  Asiakkaalla ei ole lakisääteisiä määräaikoja.

 Suostumukset
  Ei kirjattuja suostumuksia.




 Paikallinen tila · 2 asiakasta
F1Ohje   F3Takaisin F4Kalenteri F5Varaa  F10Lopeta
SCREEN
check "revealing is audited" "$(sql "select count(*) from audit where action = 'reveal-hetu' and staff_id = '$W'")" "1"
# The consent key asks first (k/e); no and Esc write nothing.
keys o
see "the consent key asks first" "Kirjataanko suostumus luovutukseen terveydenhuoltoon (Matti Virtanen)? k/e"
check "nothing is written before the answer" "$(sql "select count(*) from consent where kind = 'terveydenhuolto'")" "0"
keys e
see "e answers no" "Mitään ei kirjattu"
keys o
wait_for "(Matti Virtanen)? k/e"
keys Escape
wait_for "Mitään ei kirjattu"
if screen | grep -q "Asiakaskortti"; then ok "Esc answers no and stays on the card"; else not_ok "Esc answers no and stays on the card"; fi
check "no consent after no and Esc" "$(sql "select count(*) from consent where kind = 'terveydenhuolto'")" "0"
check "nor an audit row" "$(sql "select count(*) from audit where action like 'consent%' and staff_id = '$W'")" "0"
# k (kyllä) records the consent to disclose to healthcare; again, withdraws it.
keys o
wait_for "(Matti Virtanen)? k/e"
keys k
wait_for "Luovutus terveydenhuoltoon"
if screen | grep -q "Luovutus terveydenhuoltoon *kirjallinen *2.3.2026 alkaen *työkyvyn arviointi"; then ok "the card lists the consent"; else not_ok "the card lists the consent"; screen | sed 's/^/#   /'; fi
check "the consent is on record" "$(sql "select kind || ' ' || given_how || ' ' || (staff_id = '$W') || ' ' || (withdrawn_at is null) from consent where kind = 'terveydenhuolto'")" "terveydenhuolto written 1 1"
check "audited as consent-given" "$(sql "select count(*) from audit where action = 'consent-given' and staff_id = '$W'")" "1"
keys o
see "withdrawing asks too" "Perutaanko suostumus luovutukseen terveydenhuoltoon (Matti Virtanen)? k/e"
check "still in force before the answer" "$(sql "select count(*) from consent where withdrawn_at is not null")" "0"
keys k
wait_for "2.3.2026–2.3.2026"
check "the same key withdraws it" "$(sql "select count(*) from consent where withdrawn_at is not null")" "1"
check "audited as consent-withdrawn" "$(sql "select count(*) from audit where action = 'consent-withdrawn' and staff_id = '$W'")" "1"
keys F11
assert_screen locked <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste       Liisa Mäkelä · 2.3.2026
 Lukittu

  Luukku on lukittu. Liisa Mäkelä, anna salaisuutesi jatkaaksesi.

  Salaisuus:
















 Paikallinen tila · 2 asiakasta
EnterAvaa   F10Lopeta
SCREEN
type_text "4321"
keys Enter
see "another person's secret does not unlock" "Väärä salaisuus"
attempt "salasana1"
see "unlocking returns to the card" "Virtanen, Matti"
# A caseworker may settle conflicts on their own clients only (settle-own).
sql "insert into conflict(id, kind, table_name, row_id, field, kept_value,
	losing_value, detected) values ('cf1', 'field', 'client', '$C2', 'phone', '040 1', '040 2',
	'2026-03-02 08:00')"
keys F3
wait_for "Asiakashaku"
keys F2
wait_for "040 2"
keys F5
see "settling another's client is refused" "Voit ratkaista vain omien"
check "the conflict stays open" "$(sql "select count(*) from conflict where resolved_at is null")" "1"
keys F3
check "unlocks are audited" "$(sql "select action from audit where action like 'unlock%' order by at, rowid" | tr '\n' ' ')" "unlock-failed unlock "
# Idle for LUUKKU_LOCK_SECONDS (6): locked again, no client data on screen.
see "idle time locks the terminal" "Luukku on lukittu" 12
if screen | grep -q -e Virtanen -e 010594; then not_ok "the lock screen shows no client data"; else ok "the lock screen shows no client data"; fi
keys F10
assert_exit 0

# --- A Piste desk: straight to the Piste screen, no register -----------------
# The desk pre-fills only the last person signed in here.
tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
wait_for "Liisa Mäkelä"
if screen | grep -q "Nimi: *Liisa Mäkelä$"; then ok "the last sign-in is pre-filled"; else not_ok "the last sign-in is pre-filled"; fi
# Two failures, then a restart: the slow-down is read from the audit trail.
keys Escape
type_text "pia piste"
keys Enter
attempt "0000"
wait_for "Väärä nimi"
attempt "0001"
wait_for "Väärä nimi"
keys F10
assert_exit 0
check "two failures audited" "$(sql "select count(*) from audit where action = 'sign-in-failed' and staff_id = '$PI'")" "2"
tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
wait_for "Liisa Mäkelä"
keys Escape
type_text "Piste Pia"
keys Enter
type_text "7777"
keys Enter
see "after a restart the next attempt still waits" "Odota hetki"
check "and is not checked" "$(sql "select count(*) from audit where action like 'sign-in%' and staff_id = '$PI'")" "2"
attempt "7777" 4
wait_for "Pia Piste"
keys Escape
assert_screen piste-home <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste          Pia Piste · 2.3.2026
 Piste – asiointi ilman ajanvarausta · Joensuun palvelupiste

 Kirjaa nimetön käynti: valitse aihe, sitten Enter
  1 Työnhaku  2 Koulutus  3 Digipalvelut  4 Rinnalla  5 Muu


 Jono
  Kukaan ei odota.










 Tänään
  Työnhaku 0   Koulutus 0   Digipalvelut 0   Rinnalla 0   Muu 0
  Yhteensä 0 · odotuksen mediaani – · palvelun mediaani –
 Paikallinen tila · 2 asiakasta                                      Jonossa: 0
F1Ohje   EnterKirjaa F5Kutsu  F6Palvele F7Päätä  F3Takaisin F10Lopeta
SCREEN
keys F10
assert_exit 0

# --- A TYM partner: own TYM clients with consent, only the TYM part -----------
tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
wait_for "Pia Piste"
keys Escape
type_text "Heikkinen Sari"
keys Enter
type_text "2468"
keys Enter
wait_for "Sari Heikkinen"
type_text "virt"
see "the partner finds their TYM client" "Virtala, Ville"
if screen | grep -q "Virtanen, Matti"; then not_ok "no other client is listed"; else ok "no other client is listed"; fi
keys Enter
wait_for "TYM"
if screen | grep -q -e Asiakaskortti -e Puhelin; then not_ok "the partner gets the TYM part, not the card"; else ok "the partner gets the TYM part, not the card"; fi
check "the partner opened no card" "$(sql "select count(*) from audit where action = 'open-card' and staff_id = '$S'")" "0"
check "the TYM read is audited" "$(sql "select count(*) from audit where action = 'open-tym' and staff_id = '$S'")" "1"
keys o
see "the partner may not change consent" "Ei roolille"
# The refusal is audited with the client in view, as the CLI's are.
V=$(sql "select id from client where surname = 'Virtala'")
check "the refusal is audited with the client" "$(sql "select staff_id || ' ' || client_id || ' ' || detail from audit where action = 'refused' and detail like 'key %'")" "$S $V key consent"
check "consent unchanged" "$(sql "select count(*) from consent where kind = 'tym' and withdrawn_at is not null")" "0"
keys F10
assert_exit 0

# --- A name that is no account slows down like an account, restart or not ---
# Two failures of an unknown name, then a restart: this desk's failures
# without a staff member are read from the audit trail, so the next attempt
# waits 2 s, the same as an account's after two failures (above); the
# command line reports the same count for an unknown --staff. The name is
# stored nowhere. A success on this desk ends the run.
NOBODY="Eino Olematon"
before=$(sql "select count(*) from audit where action = 'sign-in-failed' and staff_id is null")
tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
wait_for "Sari Heikkinen"
keys Escape
type_text "$NOBODY"
keys Enter
attempt "0000"
wait_for "Väärä nimi"
attempt "0001"
wait_for "Väärä nimi"
keys F10
assert_exit 0
check "two unknown-name failures audited without a staff member" \
	"$(sql "select count(*) from audit where action = 'sign-in-failed' and staff_id is null")" "$((before + 2))"
tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
wait_for "Sari Heikkinen"
keys Escape
type_text "$NOBODY"
keys Enter
type_text "0002"
keys Enter
see "after a restart an unknown name still waits" "Odota hetki"
check "and is not checked" \
	"$(sql "select count(*) from audit where action = 'sign-in-failed' and staff_id is null")" "$((before + 2))"
keys F10
assert_exit 0
"$LUUKKU" --db "$TMPDIR_TUI/test.db" --staff "olematon" client find virt >/dev/null 2>"$TMPDIR_TUI/cli.err" </dev/null
check "an unknown --staff on the CLI is refused" "$?" "4"
check "after the same reported delay (2 failures, 2 s)" \
	"$(grep -c -e ': 2; [a-z]* 2 s$' "$TMPDIR_TUI/cli.err")" "1"
check "and is audited without a staff member" \
	"$(sql "select count(*) from audit where action = 'sign-in-failed' and staff_id is null")" "$((before + 3))"
check "the unknown names are stored nowhere" \
	"$(sql_dump | grep -c -i -e olematon -e eino)" "0"
nsari=$(sql "select count(*) from audit where action like 'sign-in%' and staff_id = '$S'")
tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
wait_for "Sari Heikkinen"
keys Enter
type_text "2468"
keys Enter
# An account waits as long as a name that is none would here (3 failures,
# 4 s), so the wait tells neither apart.
see "an account waits as long here" "Odota hetki"
check "and is not checked" "$(sql "select count(*) from audit where action like 'sign-in%' and staff_id = '$S'")" "$nsari"
attempt "2468" 6
wait_for "Asiakashaku"
keys F10
assert_exit 0
"$LUUKKU" --db "$TMPDIR_TUI/test.db" --staff "olematon" client find virt >/dev/null 2>"$TMPDIR_TUI/cli.err" </dev/null
check "a success on this desk ends the run" "$(grep -c -e ': [0-9]*; [a-z]* [0-9]* s$' "$TMPDIR_TUI/cli.err")" "0"

# --- A PIN typed into the name field is written nowhere ----------------------
# Someone types their PIN as the name by mistake: the attempt fails like any
# other and is audited without a staff member, but the digits are in no
# audit row, nowhere in the database files, and in no file of the test
# directory (the desk writes no log); nor an unknown --staff on the CLI.
PIN=58203917
before=$(sql "select count(*) from audit where action = 'sign-in-failed' and staff_id is null")
tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
wait_for "Sari Heikkinen"
keys Escape
type_text "$PIN"
keys Enter
attempt "$PIN"   # after the unknown --staff just above: 1 s
see "a PIN as the name fails" "Väärä nimi tai salaisuus"
keys F10
assert_exit 0
check "the attempt is audited without a staff member" \
	"$(sql "select count(*) from audit where action = 'sign-in-failed' and staff_id is null")" "$((before + 1))"
"$LUUKKU" --db "$TMPDIR_TUI/test.db" --staff "$PIN" client find virt >/dev/null 2>"$TMPDIR_TUI/cli.err" </dev/null
check "an unknown --staff is refused" "$?" "4"
if grep -q "$PIN" "$TMPDIR_TUI/cli.err"; then not_ok "the refusal does not repeat it"; else ok "the refusal does not repeat it"; fi
check "no audit row holds the digits" "$(sql "select count(*) from audit where action || '|' || coalesce(staff_id, '') || '|' || coalesce(client_id, '') || '|' || coalesce(detail, '') like '%$PIN%'")" "0"
check "nor does any table" "$(sql_dump | grep -c "$PIN")" "0"
check "nor any file of the desk or the test (database, WAL, journal)" \
	"$(grep -rla "$PIN" "$TMPDIR_TUI" | grep -v "/cli.err$" | wc -l | tr -d ' ')" "0"
finish
