#!/bin/sh
# tests/tui/test-piste.sh — the Piste walk-in desk, driven in tmux: from the
# lookup F9 opens Piste; an anonymous visit is logged with a topic key and
# Enter (3 keystrokes from the lookup, 2 on the Piste screen); today's
# counts change; a ticket taken with the CLI is called, served and ended
# with the keys; a ticket taken while the screen is open (as the kiosk
# does) appears by itself; a visit is logged for a client by the identity
# code on their ID card (topic, a, the code, Enter); help lists the
# screen's keys. Then with sign-in on, as the Piste desk (a role without
# the search capability): the picker says only the whole identity code
# finds a client, a name or part of a code finds nobody, the whole code
# finds the client (masked in the row) and Enter logs the visit.
# Finnish, 80x24.
#
#   sh tests/tui/test-piste.sh build/luukku
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
desk=$(lk staff add --name "Räsänen, Pirjo" --role piste --point joensuun-palvelupiste)
printf '[desk]\nstaff = %s\npoint = joensuun-palvelupiste\n' "$desk" >"$TMPDIR_TUI/luukku.ini"
# Two visitors are already in the queue; Aino came at 8.50.
LUUKKU_NOW="2026-03-02 08:50" lk piste arrive --point joensuun-palvelupiste --topic tyonhaku \
	--first-name Aino >/dev/null
lk piste arrive --point joensuun-palvelupiste --topic koulutus >/dev/null
code=$(hetu 010594 - 903)
# The picker's row for Matti: the identity code masked, never whole.
masked_row() {
	if screen | grep -q "^> Virtanen, Matti *010594-\*\*\*\* " && ! screen | grep "Virtanen" | grep -q "$code"
	then ok "$1"; else not_ok "$1"; screen | sed 's/^/#   /'; fi
}
matti=$(lk client add --name "Virtanen, Matti" --hetu "$code")

tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
# Keystroke 1: F9 opens the Piste screen.
keys F9
assert_screen piste-start <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Piste – asiointi ilman ajanvarausta · Joensuun palvelupiste

 Kirjaa nimetön käynti: valitse aihe, sitten Enter
  1 Työnhaku  2 Koulutus  3 Digipalvelut  4 Rinnalla  5 Muu


 Jono
  Nro  Aihe             Nimi           Saapui Tila         Odottanut
>   1  Työnhaku         Aino           08:50  odottaa      10 min
    2  Koulutus         –              09:00  odottaa      0 min








 Tänään
  Työnhaku 1   Koulutus 1   Digipalvelut 0   Rinnalla 0   Muu 0
  Yhteensä 2 · odotuksen mediaani – · palvelun mediaani –
 Paikallinen tila · 1 asiakas                                        Jonossa: 2
F1Ohje   EnterKirjaa F5Kutsu  F6Palvele F7Päätä  F3Takaisin F10Lopeta
SCREEN

# Keystrokes 2 and 3: the topic "3 Digipalvelut", then Enter logs it.
keys 3
assert_screen piste-topic-chosen <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Piste – asiointi ilman ajanvarausta · Joensuun palvelupiste

 Kirjaa nimetön käynti: valitse aihe, sitten Enter
  1 Työnhaku  2 Koulutus  3 Digipalvelut  4 Rinnalla  5 Muu
  Digipalvelut: Enter kirjaa, F2 asiakkaalle, Esc peruu

 Jono
  Nro  Aihe             Nimi           Saapui Tila         Odottanut
>   1  Työnhaku         Aino           08:50  odottaa      10 min
    2  Koulutus         –              09:00  odottaa      0 min








 Tänään
  Työnhaku 1   Koulutus 1   Digipalvelut 0   Rinnalla 0   Muu 0
  Yhteensä 2 · odotuksen mediaani – · palvelun mediaani –
 Paikallinen tila · 1 asiakas                                        Jonossa: 2
F1Ohje   EnterKirjaa F5Kutsu  F6Palvele F7Päätä  F3Takaisin F10Lopeta
SCREEN
keys Enter
assert_screen piste-logged <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Piste – asiointi ilman ajanvarausta · Joensuun palvelupiste

 Kirjaa nimetön käynti: valitse aihe, sitten Enter
  1 Työnhaku  2 Koulutus  3 Digipalvelut  4 Rinnalla  5 Muu


 Jono
  Nro  Aihe             Nimi           Saapui Tila         Odottanut
>   1  Työnhaku         Aino           08:50  odottaa      10 min
    2  Koulutus         –              09:00  odottaa      0 min








 Tänään
  Työnhaku 1   Koulutus 1   Digipalvelut 1   Rinnalla 0   Muu 0
  Yhteensä 3 · odotuksen mediaani – · palvelun mediaani –
 Käynti kirjattu: Digipalvelut, nimetön                              Jonossa: 2
F1Ohje   EnterKirjaa F5Kutsu  F6Palvele F7Päätä  F3Takaisin F10Lopeta
SCREEN

# The queue: call Aino (F5), serve (F6), end (F7).
keys F5
see "F5 calls the selected ticket" "kutsuttu"
keys F6
see "F6 starts serving it" "palvelussa"
keys F7
assert_screen piste-ended <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Piste – asiointi ilman ajanvarausta · Joensuun palvelupiste

 Kirjaa nimetön käynti: valitse aihe, sitten Enter
  1 Työnhaku  2 Koulutus  3 Digipalvelut  4 Rinnalla  5 Muu


 Jono
  Nro  Aihe             Nimi           Saapui Tila         Odottanut
>   2  Koulutus         –              09:00  odottaa      0 min









 Tänään
  Työnhaku 1   Koulutus 1   Digipalvelut 1   Rinnalla 0   Muu 0
  Yhteensä 3 · odotuksen mediaani 10 min · palvelun mediaani 0 min
 Vuoronumero 1: palveltu (odotti 10 min, palvelu 0 min)              Jonossa: 1
F1Ohje   EnterKirjaa F5Kutsu  F6Palvele F7Päätä  F3Takaisin F10Lopeta
SCREEN

# A kiosk ticket taken now shows up in the queue without a key press.
lk piste arrive --point joensuun-palvelupiste --topic muu --first-name Eero >/dev/null
see "a new ticket appears by itself" "Eero"

# The visitor wants the visit on their record and shows their ID card:
# topic 1, a, the identity code, Enter.
keys 1 a
see "a asks for the client" "kenelle asiakkaalle"
type_text "$code"
wait_for "Virtanen, Matti"
masked_row "the client is found by the identity code, masked"
keys Enter
see "the visit is logged for the client" "Käynti kirjattu: Työnhaku, valitulle asiakkaalle"

keys F1
assert_screen piste-help <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Ohje: Piste – asiointi ilman ajanvarausta

  F1 ?        Näytä tämän näkymän näppäimet
  1           Aihe: työnhaku
  2           Aihe: koulutus
  3           Aihe: digipalvelut
  4           Aihe: Rinnalla, mukaan tapaamiseen
  5           Aihe: muu
  Enter →     Kirjaa valittu käynti nimettömänä
  o           Rinnalla: asiakas antoi suullisen kertasuostumuksen
  F2 a        Kirjaa valittu käynti asiakkaalle, kun asiakas sitä haluaa
  F5 c        Kutsu valittu vuoronumero
  F6 s        Aloita valitun vuoronumeron palvelu
  F7 e        Päätä valittu käynti
  n           Valittu vuoronumero ei saapunut
  r           Ohjaa valittu asiakas muualle
  ↑ k         Edellinen vuoronumero
  ↓ j         Seuraava vuoronumero
  Ctrl-U Esc  Peru valittu aihe
  F3 ←        Palaa takaisin
  F10 q       Lopeta Luukku
 Paikallinen tila · 1 asiakas
F3Takaisin F10Lopeta
SCREEN
keys F1 F10
assert_exit 0

got=$(sql "SELECT topic, coalesce(client_id, 'anon'), coalesce(call_name, '-') FROM visit WHERE ticket = 3")
[ "$got" = "digi|anon|-" ] && ok "the logged visit is anonymous" || not_ok "the logged visit is anonymous (got '$got')"
got=$(sql "SELECT topic, client_id FROM visit WHERE client_id IS NOT NULL")
[ "$got" = "tyonhaku|$matti" ] && ok "the linked visit is the client's" || not_ok "the linked visit is the client's (got '$got')"

# --- Signed in as the Piste desk: no register search in the picker ----------
echo 5555 | lk staff passwd "$desk" >/dev/null
tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
wait_for "Pirjo Räsänen"
keys Enter
type_text "5555"
keys Enter
wait_for "Piste – asiointi"
keys 2 a
wait_for "kenelle asiakkaalle"
type_text "virt"
assert_screen piste-pick-no-name-search <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Piste: kenelle asiakkaalle käynti kirjataan?

 Haku: virt

  Vain koko henkilötunnus löytää asiakkaan: tällä roolilla ei ole nimihakua.
















 Paikallinen tila · 1 asiakas
F1Ohje   EnterValitse F3Takaisin F10Lopeta
SCREEN
keys Enter
see "Enter on a name chooses nobody" "kirjoita ensin koko henkilötunnus"
# Part of the code finds nobody either: the birth date (which finds by
# birth date where the role may search), then all but the check character.
keys C-u
type_text "010594"
# The whole screen: no row, only the hint (the list is drawn with the
# search line, so the screen that shows the text shows its result).
assert_screen piste-birth-date-finds-nobody <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Piste: kenelle asiakkaalle käynti kirjataan?

 Haku: 010594

  Vain koko henkilötunnus löytää asiakkaan: tällä roolilla ei ole nimihakua.
















 Asiakasta ei ole valittu: kirjoita ensin koko henkilötunnus
F1Ohje   EnterValitse F3Takaisin F10Lopeta
SCREEN
keys -l -- "-903"   # (type_text would take it for an option)
assert_screen piste-part-of-code-finds-nobody <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Piste: kenelle asiakkaalle käynti kirjataan?

 Haku: 010594-903

  Vain koko henkilötunnus löytää asiakkaan: tällä roolilla ei ole nimihakua.
















 Asiakasta ei ole valittu: kirjoita ensin koko henkilötunnus
F1Ohje   EnterValitse F3Takaisin F10Lopeta
SCREEN
# The whole code, as on the ID card: the client, masked.
type_text "$(echo "$code" | cut -c 11)"
wait_for "Virtanen, Matti"
masked_row "the whole code finds the client, masked"
keys Enter
see "the Piste desk logs the visit for the client" "Käynti kirjattu: Koulutus, valitulle asiakkaalle"
keys F10
assert_exit 0
got=$(sql "SELECT topic FROM visit WHERE client_id = '$matti' ORDER BY topic")
[ "$got" = "koulutus
tyonhaku" ] && ok "both linked visits are the client's" || not_ok "both linked visits are the client's (got '$got')"
finish
