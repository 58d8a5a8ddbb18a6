#!/bin/sh
# tests/tui/test-lookup.sh — client lookup and the client card, driven in
# tmux: type part of a name, see the expected clients, open the card, see
# the due list with the overdue initial interview, get help, go back,
# follow a resize, quit with F10; a card with the plain-language line.
# The expected screens below are what a caseworker sees (Finnish, the default), at 80x24 unless said otherwise.
#
#   sh tests/tui/test-lookup.sh build/luukku
#
# Uses only temporary identity codes (individual numbers 900–999).
. "$(dirname "$0")/lib.sh"

# --- A small register with a known answer for "virt ma" -------------------
lk init --area pohjois-karjala >/dev/null
anna=$(lk staff add --name "Korhonen, Anna" --role caseworker --point joensuun-palvelupiste)
desk=$(lk staff add --name "Räsänen, Pirjo" --role caseworker --point joensuun-palvelupiste)
printf '[desk]\nstaff = %s\npoint = joensuun-palvelupiste\n' "$desk" >"$TMPDIR_TUI/luukku.ini"

matti=$(lk client add --name "Virtanen, Matti Juhani" --hetu "$(hetu 010594 - 902)" \
	--municipality Joensuu --job-search-start 2026-02-20 --phone "040 123 4567" \
	--email matti.virtanen@example.fi --address "Kauppakatu 12 B 7, 80100 Joensuu")
lk client set "$matti" --caseworker "$anna"
lk client add --name "Virtanen, Maija" --hetu "$(hetu 150880 - 934)" --municipality Liperi >/dev/null
lk client add --name "Virtakivi, Marjatta Päivi" --hetu "$(hetu 230301 A 951)" --municipality Heinävesi >/dev/null
lk client add --name "Virtanen, Aino" --hetu "$(hetu 111111 - 977)" --municipality Joensuu >/dev/null
lk client add --name "Mäkinen, Matti" --hetu "$(hetu 020202 - 988)" --municipality Outokumpu >/dev/null
# Job search started Fri 20.2.2026: the initial interview was due within 5
# business days (27.2.), it is booked for 5.3., so on 2.3. it is overdue.
lk book --client "$matti" --staff "$anna" --kind alkuhaastattelu --at "2026-03-05 10:00" \
	--minutes 60 --channel face >/dev/null

# --- The lookup screen, empty ---------------------------------------------
tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
assert_screen lookup-empty <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Asiakashaku

 Haku:

  Kirjoita nimen osa (esim. "virt mat") tai henkilötunnus.
















 Paikallinen tila · 5 asiakasta
F1Ohje F3Haku EnterAvaa F4Kalenteri F6Raportit F2Ristiriidat F9Piste F10Lopeta
SCREEN

# --- Search as you type: word prefixes in any order, accents ignored -------
type_text "virt ma"
assert_screen lookup-virt-ma <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Asiakashaku

 Haku: virt ma

  Nimi                                            Henkilötunnus Kotikunta
> Virtakivi, Marjatta Päivi                       230301A****   Heinävesi
  Virtanen, Maija                                 150880-****   Liperi
  Virtanen, Matti Juhani                          010594-****   Joensuu













 Paikallinen tila · 5 asiakasta                                        3 osumaa
F1Ohje F3Haku EnterAvaa F4Kalenteri F6Raportit F2Ristiriidat F9Piste F10Lopeta
SCREEN

# One more letter narrows the list; Backspace widens it again.
type_text "t"
see "typing narrows the list to one match" "1 osuma"
keys BSpace
see "Backspace widens the list again" "3 osumaa"

# --- Open the card: contact details, appointments, the due list ------------
keys Down Down Enter
assert_screen card-matti <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Asiakaskortti
  Virtanen, Matti Juhani                                            010594-****
  Kotikunta         Joensuu             Puhelin           040 123 4567
  Osoite            Kauppakatu 12 B 7, 80100 Joensuu
  Sähköposti        matti.virtanen@example.fi
  Asiointikieli     suomi               Tulkki            ei tarvita
  Palvelulinja      Työnvälitys ja osaamisen kehittäminen
  Vastuuvirkailija  Korhonen Anna       Työnhaku alkanut  20.2.2026

 Tulevat tapaamiset
  5.3.2026 10:00    Alkuhaastattelu      Joensuun palvelupiste  Korhonen Anna

 Lakisääteiset määräajat                                            Myöhässä: 1
! 27.2.2026  myöhässä    Alkuhaastattelu tai täydentävä keskustelu
  20.11.2026 avoin       Täydentävä keskustelu 6 kk työttömyyden jälkeen 1/2
  20.11.2026 avoin       Täydentävä keskustelu 6 kk työttömyyden jälkeen 2/2

 Suostumukset
  Ei kirjattuja suostumuksia.


 Paikallinen tila · 5 asiakasta
F1Ohje   F3Takaisin F4Kalenteri F5Varaa  F10Lopeta
SCREEN

# --- Help lists the card's keys from the key table -------------------------
keys F1
assert_screen help-card <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Ohje: Asiakaskortti

  F1 ?        Näytä tämän näkymän näppäimet
  F3 Esc ←    Takaisin hakutuloksiin
  F4 a        Avaa kalenteri
  F5 b        Varaa tapaaminen tälle asiakkaalle
  t           Asiakkaan TYM-asiakkuus: tiimi, suostumus, aikajana
  v           Näytä koko henkilötunnus (kirjataan lokiin)
  o           Kirjaa tai peru suostumus luovutukseen terveydenhuoltoon
  F10 q       Lopeta Luukku
  /           Aloita uusi haku
  ↑ k         Vieritä rivi ylöspäin
  ↓ j         Vieritä rivi alaspäin
  PgUp        Sivu ylöspäin
  PgDn Space  Sivu alaspäin
  Home g      Ensimmäiselle riville
  End G       Viimeiselle riville
  Ctrl-L      Piirrä näyttö uudelleen



 Paikallinen tila · 5 asiakasta
F3Takaisin F10Lopeta
SCREEN

# --- Back: help → card → the same list, same selection ---------------------
keys Escape
see "Esc leaves help for the card" "Asiakaskortti"
keys F3
see "F3 goes back to the list, selection kept" "> Virtanen, Matti Juhani"

# --- SIGWINCH: the card follows the terminal to 120x40 ---------------------
keys Enter
wait_for "Lakisääteiset määräajat"
tm resize-window -x 120 -y 40
assert_screen card-matti-120x40 <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste                                              Pirjo Räsänen · 2.3.2026
 Asiakaskortti
  Virtanen, Matti Juhani                                                                                    010594-****
  Kotikunta         Joensuu                     Puhelin           040 123 4567
  Osoite            Kauppakatu 12 B 7, 80100 Joensuu
  Sähköposti        matti.virtanen@example.fi
  Asiointikieli     suomi                       Tulkki            ei tarvita
  Palvelulinja      Työnvälitys ja osaamisen kehittäminen
  Vastuuvirkailija  Korhonen Anna               Työnhaku alkanut  20.2.2026

 Tulevat tapaamiset
  5.3.2026 10:00    Alkuhaastattelu      Joensuun palvelupiste                      Korhonen Anna

 Lakisääteiset määräajat                                                                                    Myöhässä: 1
! 27.2.2026  myöhässä    Alkuhaastattelu tai täydentävä keskustelu
  20.11.2026 avoin       Täydentävä keskustelu 6 kk työttömyyden jälkeen 1/2
  20.11.2026 avoin       Täydentävä keskustelu 6 kk työttömyyden jälkeen 2/2

 Suostumukset
  Ei kirjattuja suostumuksia.


















 Paikallinen tila · 5 asiakasta
F1Ohje   F3Takaisin F4Kalenteri F5Varaa  F10Lopeta
SCREEN

# --- F10 quits cleanly --------------------------------------------------------
keys F10
assert_exit 0

# --- Opening a card is audited: twice so far, by the desk's staff member ----
got=$(sql "SELECT count(*) FROM audit WHERE action = 'open-card' AND client_id = '$matti' AND staff_id = '$desk'")
[ "$got" = 2 ] && ok "opening the card is audited" ||
	not_ok "opening the card is audited (got '$got' rows, want 2)"

# --- A client who needs plain language: a line of its own on the card -----
# (only then: the cards above have none). Aino has no bookings.
aino=$(lk client find --tsv "virtanen aino" | cut -f1)
lk client set "$aino" --plain-language yes
tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
type_text "virtanen aino"
see "Aino found" "1 osuma"
keys Enter
assert_screen card-aino-plain <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Asiakaskortti
  Virtanen, Aino                                                    111111-****
  Kotikunta         Joensuu             Puhelin           –
  Osoite            –
  Sähköposti        –
  Asiointikieli     suomi               Tulkki            ei tarvita
  Selkokieli        tarvitaan
  Palvelulinja      Työnvälitys ja osaamisen kehittäminen
  Vastuuvirkailija  ei vielä nimetty    Työnhaku alkanut  –

 Tulevat tapaamiset
  Ei tulevia tapaamisia.

 Lakisääteiset määräajat
  Asiakkaalla ei ole lakisääteisiä määräaikoja.

 Suostumukset
  Ei kirjattuja suostumuksia.



 Paikallinen tila · 5 asiakasta
F1Ohje   F3Takaisin F4Kalenteri F5Varaa  F10Lopeta
SCREEN
keys F10
assert_exit 0

# --- English through gettext, at 120x40 from the start ---------------------
tui_start 120 40 --lang en --config "$TMPDIR_TUI/luukku.ini"
type_text "mak"
assert_screen lookup-en-120x40 <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste                                              Pirjo Räsänen · 2.3.2026
 Client lookup

 Search: mak

  Name                                                                            Identity code Municipality
> Mäkinen, Matti                                                                  020202-****   Outokumpu































 Local mode · 5 clients                                                                                         1 match
F1Help   F3Search EnterOpen   F4Calendar F6Reports F2Conflicts F9Piste  F10Quit
SCREEN
keys F10
assert_exit 0

finish
