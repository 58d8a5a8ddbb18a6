#!/bin/sh
# tests/tui/test-screens-i18n.sh — every screen, every language, every
# size (issue 18), driven in tmux: the lookup's bar in Finnish, Swedish and
# English at 80x24 shows the ways on (F4 calendar, F6 reports, F2
# conflicts, F9 Piste), labels whole; at 60x20 the counts and F10 stay;
# the card's healthcare question fits whole at 80x24 with its answer keys;
# a message belongs to the screen that made it; signed in, F11 locks and
# the bar leaves off what the role may not do; below the minimum size one
# line names the size needed and no key acts (F5 on the card books nothing).
#
#   sh tests/tui/test-screens-i18n.sh build/luukku
#
# Uses only temporary identity codes (individual numbers 900–999).
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
desk=$(lk staff add --name "Räsänen, Pirjo" --role caseworker --point joensuun-palvelupiste)
printf '[desk]\nstaff = %s\npoint = joensuun-palvelupiste\n' "$desk" >"$TMPDIR_TUI/luukku.ini"
lk client add --name "Virtanen, Matti Juhani" --hetu "$(hetu 010594 - 902)" \
	--municipality Joensuu --job-search-start 2026-02-20 >/dev/null
lk client add --name "Mäkinen, Maija" --hetu "$(hetu 150880 - 934)" --municipality Liperi >/dev/null

# --- The lookup's bar in each language ------------------------------------
tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
assert_screen lookup-bar-fi <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Asiakashaku

 Haku:

  Kirjoita nimen osa (esim. "virt mat") tai henkilötunnus.
















 Paikallinen tila · 2 asiakasta
F1Ohje F3Haku EnterAvaa F4Kalenteri F6Raportit F2Ristiriidat F9Piste F10Lopeta
SCREEN
tui_start 80 24 --lang sv --config "$TMPDIR_TUI/luukku.ini"
assert_screen lookup-bar-sv <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Klientsökning

 Sök:

  Skriv en del av namnet (t.ex. "virt mat") eller en personbeteckning.
















 Lokalt läge · 2 klienter
F1Hjälp F3Sök EnterÖppna F4Kalender F6Rapporter F2Konflikter F9Piste F10Avsluta
SCREEN
tui_start 80 24 --lang en --config "$TMPDIR_TUI/luukku.ini"
assert_screen lookup-bar-en <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Client lookup

 Search:

  Type part of a name (e.g. "virt mat") or an identity code.
















 Local mode · 2 clients
F1Help F3Search EnterOpen F4Calendar F6Reports F2Conflicts F9Piste F10Quit
SCREEN

# --- Narrow: keys leave whole, by priority; the counts and F10 stay -------
tui_start 60 20 --config "$TMPDIR_TUI/luukku.ini"
assert_screen lookup-60x20 <<'SCREEN'
 Luukku · Pohjois-Karjala · Joens… Pirjo Räsänen · 2.3.2026
 Asiakashaku

 Haku:

  Kirjoita nimen osa (esim. "virt mat") tai henkilötunnus.












 Paikallinen tila · 2 asiakasta
F1Ohje EnterAvaa F4Kalenteri F6Raportit F9Piste F10Lopeta
SCREEN

# --- The card's healthcare question at 80x24: whole, with its keys --------
tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
type_text "virt"
wait_for "1 osuma"
keys Enter
wait_for "Asiakaskortti"
keys o
assert_screen card-health-question <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Asiakaskortti
  Virtanen, Matti Juhani                                            010594-****
  Kotikunta         Joensuu             Puhelin           –
  Osoite            –
  Sähköposti        –
  Asiointikieli     suomi               Tulkki            ei tarvita
  Palvelulinja      Työnvälitys ja osaamisen kehittäminen
  Vastuuvirkailija  ei vielä nimetty    Työnhaku alkanut  20.2.2026

 Tulevat tapaamiset
  Ei tulevia tapaamisia.

 Lakisääteiset määräajat                                            Myöhässä: 1
! 27.2.2026  myöhässä    Alkuhaastattelu tai täydentävä keskustelu
  20.11.2026 avoin       Täydentävä keskustelu 6 kk työttömyyden jälkeen 1/2
  20.11.2026 avoin       Täydentävä keskustelu 6 kk työttömyyden jälkeen 2/2

 Suostumukset

 Kirjataanko suostumus luovutukseen terveydenhuoltoon (Matti Juhani Virtanen)?
 k/e
 Paikallinen tila · 2 asiakasta
F1Ohje   F3Takaisin F4Kalenteri F5Varaa  F10Lopeta
SCREEN
keys e
wait_for "Mitään ei kirjattu" && ok "no: nothing recorded" || not_ok "no: nothing recorded"
# That message is the card's: the lookup starts without it.
keys F3
wait_for "Asiakashaku"
if screen | grep -q "Mitään ei kirjattu"; then
	not_ok "the card's message stays behind on the card"
else
	ok "the card's message stays behind on the card"
fi

# --- Below the minimum size: one line, the size needed; no key acts -------
keys Enter
wait_for "Asiakaskortti"
tm resize-window -x 20 -y 6
assert_screen too-small-20x6 <<'SCREEN'
Vähintään 30×6





SCREEN
keys F5
sleep 0.3
tm resize-window -x 80 -y 24
wait_for "F10"
if screen | grep -q "Asiakaskortti" && ! screen | grep -q "Varaa tapaaminen"; then
	ok "F5 did nothing while the window was too small"
else
	not_ok "F5 did nothing while the window was too small"
	screen | sed 's/^/# /'
fi
keys F10
assert_exit 0

# --- Signed in: F11 locks; only the keys the role may use -----------------
# A caseworker (no Piste desk, settles only own conflicts) at 80x24.
SDB=$TMPDIR_TUI/signed.db
echo 4321 | "$LUUKKU" --db "$SDB" init --area pohjois-karjala --admin "Aalto, Aino" >"$TMPDIR_TUI/admin"
echo 4321 >"$TMPDIR_TUI/admin.secret"
A=$(cat "$TMPDIR_TUI/admin")
W=$("$LUUKKU" --db "$SDB" --staff "$A" --secret-fd 3 staff add --name "Mäkelä, Liisa" \
	--role caseworker --point joensuun-palvelupiste 3<"$TMPDIR_TUI/admin.secret")
echo salasana1 | "$LUUKKU" --db "$SDB" --staff "$A" --secret-fd 3 staff passwd "$W" \
	3<"$TMPDIR_TUI/admin.secret"
tui_start 80 24 --db "$SDB" --config "$TMPDIR_TUI/luukku.ini"
type_text "mäkelä liisa"
keys Enter
type_text "salasana1"
keys Enter
wait_for "Asiakashaku"
assert_screen lookup-bar-signed-in <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste       Liisa Mäkelä · 2.3.2026
 Asiakashaku

 Haku:

  Kirjoita nimen osa (esim. "virt mat") tai henkilötunnus.
















 Paikallinen tila · 0 asiakasta
F1Ohje F3Haku EnterAvaa F4Kalenteri F2Ristiriidat F9Piste F11Lukitse F10Lopeta
SCREEN
keys F11
wait_for "Lukittu" && ok "F11 locks" || not_ok "F11 locks"
finish
