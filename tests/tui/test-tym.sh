#!/bin/sh
# tests/tui/test-tym.sh — TYM team assembly, driven in tmux: from the
# client card `t` opens the TYM screen; a case is opened (referral 1, Enter);
# the responsible pair gets its TYM caseworker and a social worker; a Kela
# advisor as a third member of the pair is refused with the reason on
# screen; the start team shows the roles it lacks; consent is recorded;
# the case is closed with an outcome and the final assessment (F7).
# Finnish, 80x24.
#
#   sh tests/tui/test-tym.sh build/luukku
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
lk staff add --name "Aalto, Tuula" --role tym-caseworker --point joensuun-palvelupiste >/dev/null
lk staff add --name "Heikkinen, Sari" --role social-worker --point joensuun-palvelupiste >/dev/null
lk staff add --name "Kivelä, Kari" --role kela-advisor --point joensuun-palvelupiste >/dev/null
desk=$(lk staff add --name "Räsänen, Pirjo" --role tym-caseworker --point joensuun-palvelupiste)
printf '[desk]\nstaff = %s\npoint = joensuun-palvelupiste\n' "$desk" >"$TMPDIR_TUI/luukku.ini"
lk client add --name "Virtanen, Matti" --municipality Joensuu >/dev/null

tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
type_text "virt"
wait_for "1 osuma"
keys Enter
wait_for "Asiakaskortti"
keys t
assert_screen tym-open <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 TYM-asiakkuus · Virtanen, Matti

 Ei avointa TYM-asiakkuutta. Avaa: valitse lähettäjä, sitten Enter.

   1 perustyöllisyyspalvelut
   2 hyvinvointialue
   3 Kela
   4 työkykytiimi
   5 asiakas itse












 Paikallinen tila · 1 asiakas
F1Ohje   F3Takaisin F10Lopeta
SCREEN

# Open the case: referral "1 basic services", Enter.
keys 1 Enter
see "the case opens" "TYM-asiakkuus avattu"

# The pair: Aalto (TYM caseworker, first in the list), then Heikkinen.
keys a 2 Enter
wait_for "Aalto Tuula lisätty"
keys a 2 Down Enter
wait_for "Heikkinen Sari lisätty"
# A Kela advisor as the pair's third member: found by typing part of the
# name (type-ahead), refused, the reason on screen.
keys a 2
type_text "kiv"
assert_screen tym-picker-typeahead <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 TYM-asiakkuus · Virtanen, Matti                          Suostumus: ei annettu
 Avattu 2.3.2026 · lähettäjä: perustyöllisyyspalvelut
 Lisää (Vastuutyöpari): valitse henkilö ja paina Enter
 Nimi: kiv

> Kivelä Kari              Kelan työkykyneuvoja















 Paikallinen tila · 1 asiakas
F1Ohje   F3Takaisin F10Lopeta
SCREEN
keys Enter
assert_screen tym-pair-refused <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 TYM-asiakkuus · Virtanen, Matti                          Suostumus: ei annettu
 Avattu 2.3.2026 · lähettäjä: perustyöllisyyspalvelut

 1 Alkutiimi (Joensuu)
   ! puuttuu: TYM-asiakasvastaava, Sosiaaliohjaaja / -työntekijä, Kelan työkyk…
 2 Vastuutyöpari
   Aalto Tuula              TYM-asiakasvastaava
   Heikkinen Sari           Sosiaaliohjaaja / -työntekijä
 3 Verkostopalaveri
   ! puuttuu: TYM-asiakasvastaava, Sosiaaliohjaaja / -työntekijä
 4 Työkyvyn tuen tiimi
   ! puuttuu: TYM-asiakasvastaava, Työttömien terveydenhoitaja, Kelan työkykyn…

 Aikajana
   2.6.2026   avoin      Monialainen palvelutarpeen arvio
   2.9.2026   avoin      Yhteispalvelun perusteiden tarkistus
   2.9.2027   avoin      18 kk yhteispalvelussa: päätä jatkosta

 Ei lisätty: vastuutyöparissa on jo hyvinvointialueen tai Kelan työntekijä
 (Heikkinen Sari); heitä on tasan yksi, joten Kivelä Kari ei voi liittyä

 Kivelä Kari ei lisätty
F1Ohje   aLisää  oSuostumus F7Päätä  F3Takaisin F10Lopeta
SCREEN

# Start team: only the TYM caseworker so far; the two missing roles show.
keys a 1 Enter
see "the start team warns of missing roles" "Alkutiimi: puuttuu vielä"
# The consent key asks how the consent was given: written (k) or oral (s).
keys o
assert_screen tym-consent-ask <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 TYM-asiakkuus · Virtanen, Matti                          Suostumus: ei annettu
 Avattu 2.3.2026 · lähettäjä: perustyöllisyyspalvelut

 1 Alkutiimi (Joensuu)
   Aalto Tuula              TYM-asiakasvastaava
   ! puuttuu: Sosiaaliohjaaja / -työntekijä, Kelan työkykyneuvoja
 2 Vastuutyöpari
   Aalto Tuula              TYM-asiakasvastaava
   Heikkinen Sari           Sosiaaliohjaaja / -työntekijä
 3 Verkostopalaveri
   ! puuttuu: TYM-asiakasvastaava, Sosiaaliohjaaja / -työntekijä
 4 Työkyvyn tuen tiimi
   ! puuttuu: TYM-asiakasvastaava, Työttömien terveydenhoitaja, Kelan työkykyn…

 Aikajana
   2.6.2026   avoin      Monialainen palvelutarpeen arvio
   2.9.2026   avoin      Yhteispalvelun perusteiden tarkistus


 Miten asiakas (Virtanen, Matti) antoi suostumuksen TYM-tietojen jakamiseen?
 k = kirjallisesti, s = suullisesti; Esc: mitään ei kirjata
 Paikallinen tila · 1 asiakas
F1Ohje   F3Takaisin F10Lopeta
SCREEN
keys k
assert_screen tym-consent <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 TYM-asiakkuus · Virtanen, Matti                    Suostumus: annettu 2.3.2026
 Avattu 2.3.2026 · lähettäjä: perustyöllisyyspalvelut

 1 Alkutiimi (Joensuu)
   Aalto Tuula              TYM-asiakasvastaava
   ! puuttuu: Sosiaaliohjaaja / -työntekijä, Kelan työkykyneuvoja
 2 Vastuutyöpari
   Aalto Tuula              TYM-asiakasvastaava
   Heikkinen Sari           Sosiaaliohjaaja / -työntekijä
 3 Verkostopalaveri
   ! puuttuu: TYM-asiakasvastaava, Sosiaaliohjaaja / -työntekijä
 4 Työkyvyn tuen tiimi
   ! puuttuu: TYM-asiakasvastaava, Työttömien terveydenhoitaja, Kelan työkykyn…

 Aikajana
   2.6.2026   avoin      Monialainen palvelutarpeen arvio
   2.9.2026   avoin      Yhteispalvelun perusteiden tarkistus

 Suostumus kirjattu: tiimien ulkopuoliset jäsenet voivat nähdä asiakkuuden


 Paikallinen tila · 1 asiakas
F1Ohje   aLisää  oSuostumus F7Päätä  F3Takaisin F10Lopeta
SCREEN

keys F1
assert_screen tym-help <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Ohje: TYM-asiakkuus

  F1 ?        Näytä tämän näkymän näppäimet
  a           Lisää jäsen: valitse tiimi, sitten henkilö
  o           Kirjaa asiakkaan suostumus tai sen peruminen
  F7 e        Päätä asiakkuus: tulos ja loppuarvio
  1           Valitse 1 (tiimi tai lähettäjä)
  2           Valitse 2
  3           Valitse 3
  4           Valitse 4
  5           Valitse 5
  Enter →     Vahvista valinta
  ↑ k         Edellinen henkilö; päätettäessä edellinen tulos
  ↓ j         Seuraava henkilö; päätettäessä seuraava tulos
  Backspace   Poista viimeinen merkki
  Ctrl-U Esc  Peru valinta
  F3 ←        Takaisin asiakaskorttiin
  F10 q       Lopeta Luukku
  Ctrl-L      Piirrä näyttö uudelleen


 Paikallinen tila · 1 asiakas
F3Takaisin F10Lopeta
SCREEN
# --- Close the case: F7, the outcome "work" (↓), the final assessment, Enter.
keys F1 F7 Down
type_text "Työllistyi Abloyn kokoonpanoon."
assert_screen tym-close <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 TYM-asiakkuus · Virtanen, Matti                    Suostumus: annettu 2.3.2026
 Avattu 2.3.2026 · lähettäjä: perustyöllisyyspalvelut
 Päätä asiakkuus: valitse tulos (↑ ↓), kirjoita loppuarvio, sitten Enter

   takaisin peruspalveluihin
 > työ
   opiskelu
   eläke
   muu

 Loppuarvio
   Työllistyi Abloyn kokoonpanoon.









 Paikallinen tila · 1 asiakas
F1Ohje   F3Takaisin F10Lopeta
SCREEN
# Enter asks to confirm; the answer yes (k) closes the case.
keys Enter
assert_screen tym-close-ask <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 TYM-asiakkuus · Virtanen, Matti                    Suostumus: annettu 2.3.2026
 Avattu 2.3.2026 · lähettäjä: perustyöllisyyspalvelut
 Päätä asiakkuus: valitse tulos (↑ ↓), kirjoita loppuarvio, sitten Enter

   takaisin peruspalveluihin
 > työ
   opiskelu
   eläke
   muu

 Loppuarvio
   Työllistyi Abloyn kokoonpanoon.








 Päätetäänkö TYM-asiakkuus (Virtanen, Matti) tuloksella ”työ”? k/e
 Paikallinen tila · 1 asiakas
F1Ohje   F3Takaisin F10Lopeta
SCREEN
keys k
see "k closes the case" "TYM-asiakkuus päätetty: työ"
keys F3
assert_screen tym-card-after-close <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Asiakaskortti
  Virtanen, Matti
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
  TYM-tiimi                  kirjallinen  asiakkuus päätetty




 Paikallinen tila · 1 asiakas
F1Ohje   F3Takaisin F4Kalenteri F5Varaa  F10Lopeta
SCREEN
keys F10
assert_exit 0
got=$(sql "SELECT outcome, final_assessment, closed IS NOT NULL FROM tym_case")
[ "$got" = "tyo|Työllistyi Abloyn kokoonpanoon.|1" ] && ok "the case is closed with its outcome" ||
	not_ok "the case is closed with its outcome (got '$got')"
got=$(sqlite3 "$TMPDIR_TUI/test.db" "SELECT given_how FROM consent WHERE kind = 'tym'")
[ "$got" = "written" ] && ok "the consent is recorded as given in writing" ||
	not_ok "the consent is recorded as given in writing (got '$got')"

got=$(sql "SELECT team, count(*) FROM tym_member GROUP BY team ORDER BY team" | tr '\n' ' ')
[ "$got" = "pair|2 start|1 " ] && ok "the refused member was not stored" ||
	not_ok "the refused member was not stored (got '$got')"
finish
