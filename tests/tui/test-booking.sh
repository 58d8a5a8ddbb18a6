#!/bin/sh
# tests/tui/test-booking.sh — booking from the client card and the
# calendar, driven in tmux: find a client by name, open the card, book the
# initial interview the due list asks for (F5, Enter: the first free slot,
# face to face, with the client's caseworker), see it on the card and in
# the calendar, then try a clashing time for another client and see it
# refused with the clash named; check a client in from the calendar; book
# from the calendar: the client by type-ahead (F5, "mäk", Enter), the
# staff member by typing on the staff line, Enter.
# Finnish (the default) at 80x24.
#
#   sh tests/tui/test-booking.sh build/luukku
#
# Keystrokes for "an initial interview booked for a client found by name",
# search text not counted: Enter (open the card), F5 (book), Enter (the
# first free slot) = 3.
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
anna=$(lk staff add --name "Korhonen, Anna" --role caseworker --point joensuun-palvelupiste)
printf '[desk]\nstaff = %s\npoint = joensuun-palvelupiste\n' "$anna" >"$TMPDIR_TUI/luukku.ini"
# Job search from Thu 26.2.2026: the initial interview is due by Thu 5.3.
matti=$(lk client add --name "Virtanen, Matti Juhani" --hetu "$(hetu 010594 - 902)" \
	--municipality Joensuu --job-search-start 2026-02-26)
lk client set "$matti" --caseworker "$anna"
lk client add --name "Mäkinen, Maija" --hetu "$(hetu 020202 - 988)" --municipality Outokumpu >/dev/null
sari=$(lk staff add --name "Heikkinen, Sari" --role caseworker --point joensuun-palvelupiste)

tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
type_text "virt mat"
wait_for "1 osuma"
keys Enter                      # 1: open the card
wait_for "Asiakaskortti"
keys F5                         # 2: book
assert_screen booking-matti <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Anna Korhonen · 2.3.2026
 Varaa tapaaminen                                        Virtanen, Matti Juhani
 Seuraava määräaika: 5.3.2026 Alkuhaastattelu tai täydentävä keskustelu

  Laji        Alkuhaastattelu           Kanava      kasvokkain
  Virkailija  Korhonen Anna             Kesto       60 min
  Toimipiste  missä virkailija on       Huone       ei huonetta
  Tulkki      ei tarvita
  Aika        tai kirjoita: p.k.vvvv hh:mm

 Vapaat ajat                                              ! = määräajan jälkeen
> ma 2.3.2026   09:00  Joensuun palvelupiste
  ma 2.3.2026   09:30  Joensuun palvelupiste
  ma 2.3.2026   10:00  Joensuun palvelupiste
  ma 2.3.2026   10:30  Joensuun palvelupiste
  ma 2.3.2026   11:00  Joensuun palvelupiste
  ma 2.3.2026   11:30  Joensuun palvelupiste
  ma 2.3.2026   12:00  Joensuun palvelupiste
  ma 2.3.2026   12:30  Joensuun palvelupiste
  ma 2.3.2026   13:00  Joensuun palvelupiste
  ma 2.3.2026   13:30  Joensuun palvelupiste
  ma 2.3.2026   14:00  Joensuun palvelupiste                                   ↓
 Paikallinen tila · 2 asiakasta                               223 vapaata aikaa
F1Ohje   F3Takaisin EnterVaraa  F10Lopeta
SCREEN
keys Enter                      # 3: book the first free slot
assert_screen booked-card <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Anna Korhonen · 2.3.2026
 Asiakaskortti
  Virtanen, Matti Juhani                                            010594-****
  Kotikunta         Joensuu             Puhelin           –
  Osoite            –
  Sähköposti        –
  Asiointikieli     suomi               Tulkki            ei tarvita
  Palvelulinja      Työnvälitys ja osaamisen kehittäminen
  Vastuuvirkailija  Korhonen Anna       Työnhaku alkanut  26.2.2026

 Tulevat tapaamiset
  2.3.2026 09:00    Alkuhaastattelu      Joensuun palvelupiste  Korhonen Anna

 Lakisääteiset määräajat
  5.3.2026   avoin       Alkuhaastattelu tai täydentävä keskustelu
  26.11.2026 avoin       Täydentävä keskustelu 6 kk työttömyyden jälkeen 1/2
  26.11.2026 avoin       Täydentävä keskustelu 6 kk työttömyyden jälkeen 2/2

 Suostumukset
  Ei kirjattuja suostumuksia.


 Paikallinen tila · 2 asiakasta
F1Ohje   F3Takaisin F4Kalenteri F5Varaa  F10Lopeta
SCREEN

keys F4
assert_screen agenda-day <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Anna Korhonen · 2.3.2026
 Kalenteri: Korhonen Anna                                           ma 2.3.2026
  Joensuun palvelupiste 08:00–16:00

> 09:00–10:00 Virtanen Matti Juha… Alkuhaastattelu   Joensuun pal… varattu
















 i saapunut  d pidetty  n ei saapunut  c peru  m kirje  ←→ päivä
 Paikallinen tila · 2 asiakasta                                        1 varaus
F1Ohje   F3Takaisin F5Varaa  F6Viikko F7Toimipiste F8Siirrä F10Lopeta
SCREEN

# --- A clash: another client at 9:30 with the same caseworker -------------
keys F3
wait_for "Asiakaskortti"
keys F3 F3
type_text "mäk"
wait_for "1 osuma"
keys Enter
wait_for "Asiakaskortti"
keys F5
wait_for "Vapaat ajat"
keys Up
type_text "2.3.2026 9:30"
keys Enter
wait_for "Ei varattu"
assert_screen booking-clash <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Anna Korhonen · 2.3.2026
 Varaa tapaaminen                                                Mäkinen, Maija
 Lakisääteisiä määräaikoja ei ole avoinna.

  Laji        Muu tapaaminen            Kanava      kasvokkain
  Virkailija  Korhonen Anna             Kesto       45 min
  Toimipiste  missä virkailija on       Huone       ei huonetta
  Tulkki      ei tarvita
  Aika        2.3.2026 9:30

 Vapaat ajat
  ma 2.3.2026   10:00  Joensuun palvelupiste
  ma 2.3.2026   10:30  Joensuun palvelupiste
  ma 2.3.2026   11:00  Joensuun palvelupiste
  ma 2.3.2026   11:30  Joensuun palvelupiste
  ma 2.3.2026   12:00  Joensuun palvelupiste
  ma 2.3.2026   12:30  Joensuun palvelupiste
  ma 2.3.2026   13:00  Joensuun palvelupiste
  ma 2.3.2026   13:30  Joensuun palvelupiste
  ma 2.3.2026   14:00  Joensuun palvelupiste
  ma 2.3.2026   14:30  Joensuun palvelupiste
  ma 2.3.2026   15:00  Joensuun palvelupiste                                   ↓
 Ei varattu: Korhonen Anna: päällekkäinen varaus 2.3.2026 09:00 (60 min)
F1Ohje   F3Takaisin EnterVaraa  F10Lopeta
SCREEN

# --- The calendar: check the client in, help lists the keys ---------------
keys F3 F4
wait_for "Kalenteri: Korhonen Anna"
keys i
see "i checks the client in" "saapunut"
keys F1
assert_screen help-agenda <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Anna Korhonen · 2.3.2026
 Ohje: Kalenteri

  F1 ?        Näytä tämän näkymän näppäimet
  ← h         Edellinen päivä (viikko)
  → l         Seuraava päivä (viikko)
  F3 Esc      Palaa takaisin
  F5 b        Varaa tapaaminen tähän kalenteriin
  F6 w        Näytä päivä tai koko viikko
  F7 p        Virkailijan tai toimipisteen kalenteri
  F8 r        Siirrä varaus toiseen aikaan
  F10 q       Lopeta Luukku
  i           Asiakas on saapunut
  d           Tapaaminen pidettiin
  n           Asiakas ei saapunut
  c           Peru varaus (paina kahdesti)
  m           Kirjoita asiakkaan kutsukirje tiedostoon
  F12 e       Viikon ryhmät ja tilaisuudet
  t           Siirry tähän päivään
  s           Valitse kuka tahansa virkailija tai toimipiste nimellä
  ↑ k         Edellinen varaus tai tilaisuus
  ↓ j         Seuraava varaus tai tilaisuus
 Paikallinen tila · 2 asiakasta
F3Takaisin F10Lopeta
SCREEN
keys Escape F6
assert_screen agenda-week <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Anna Korhonen · 2.3.2026
 Kalenteri: Korhonen Anna                            Viikko 2.3.2026 – 8.3.2026


 ma 2.3.2026
> 09:00–10:00 Virtanen Matti Juha… Alkuhaastattelu   Joensuun pal… saapunut
 ti 3.3.2026    –
 ke 4.3.2026    –
 to 5.3.2026    –
 pe 6.3.2026    –











 i saapunut  d pidetty  n ei saapunut  c peru  m kirje  ←→ päivä
 Paikallinen tila · 2 asiakasta                                        1 varaus
F1Ohje   F3Takaisin F5Varaa  F6Viikko F7Toimipiste F8Siirrä F10Lopeta
SCREEN
# --- Booking from the calendar: for whom (type-ahead), then the staff
# member by typing part of the name on the staff line -------------------
keys F5
wait_for "kenelle asiakkaalle"
type_text "mäk"
assert_screen agenda-book-pick <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Anna Korhonen · 2.3.2026
 Varaa tapaaminen: kenelle asiakkaalle?

 Haku: mäk

> Mäkinen, Maija                                 020202-****  Outokumpu
















 Paikallinen tila · 2 asiakasta                                         1 osuma
F1Ohje   EnterValitse F3Takaisin F10Lopeta
SCREEN
keys Enter
wait_for "Mäkinen, Maija"
keys Up Up Up Up Up Up           # from the slots up to the staff line
type_text "hei"
assert_screen booking-staff-typed <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Anna Korhonen · 2.3.2026
 Varaa tapaaminen                                                Mäkinen, Maija
 Lakisääteisiä määräaikoja ei ole avoinna.

  Laji        Muu tapaaminen            Kanava      kasvokkain
  Virkailija  ‹ Heikkinen Sari › hei    Kesto       45 min
  Toimipiste  missä virkailija on       Huone       ei huonetta
  Tulkki      ei tarvita
  Aika        tai kirjoita: p.k.vvvv hh:mm

 Vapaat ajat
  ma 2.3.2026   09:00  Joensuun palvelupiste
  ma 2.3.2026   09:30  Joensuun palvelupiste
  ma 2.3.2026   10:00  Joensuun palvelupiste
  ma 2.3.2026   10:30  Joensuun palvelupiste
  ma 2.3.2026   11:00  Joensuun palvelupiste
  ma 2.3.2026   11:30  Joensuun palvelupiste
  ma 2.3.2026   12:00  Joensuun palvelupiste
  ma 2.3.2026   12:30  Joensuun palvelupiste
  ma 2.3.2026   13:00  Joensuun palvelupiste
  ma 2.3.2026   13:30  Joensuun palvelupiste
  ma 2.3.2026   14:00  Joensuun palvelupiste                                   ↓
 Paikallinen tila · 2 asiakasta                               223 vapaata aikaa
F1Ohje   F3Takaisin EnterVaraa  F10Lopeta
SCREEN
keys F1
see "booking help tells where letters go" "virkailijarivillä nimihakuun."
keys Escape Down Down Down Down Down Down Enter
see "booked in Sari's calendar" "Kalenteri: Heikkinen Sari"
keys F10
assert_exit 0

# What was stored (sqlite3 is a test dependency: without it these fail).
got=$(sql "SELECT group_concat(what, ',') FROM (SELECT what FROM appointment_event ORDER BY rowid)")
[ "$got" = "booked,checked-in,booked" ] && ok "the history keeps booked, checked-in, booked" ||
	not_ok "the history keeps booked, checked-in, booked (got '$got')"
got=$(sql "SELECT count(*) FROM appointment WHERE staff_id = '$anna'")
[ "$got" = 1 ] && ok "the clash booked nothing" || not_ok "the clash booked nothing (got $got)"
got=$(sql "SELECT c.surname FROM appointment a JOIN client c ON c.id = a.client_id WHERE a.staff_id = '$sari'")
[ "$got" = "Mäkinen" ] && ok "Sari's booking is Maija's" || not_ok "Sari's booking is Maija's (got '$got')"
finish
