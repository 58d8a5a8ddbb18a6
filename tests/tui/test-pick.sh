#!/bin/sh
# tests/tui/test-pick.sh — the client picker (booking from the calendar:
# "for which client?") has the lookup's search list (ui/search-list.c):
# rows without a heading, the masked identity code, scroll marks, PgDn,
# End and Home, the match count, Ctrl-U empties the line, Enter chooses.
# A short terminal (80x12) so that seven matches do not fit one page.
#
#   sh tests/tui/test-pick.sh build/luukku
#
# Uses only temporary identity codes (individual numbers 900–999).
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
desk=$(lk staff add --name "Räsänen, Pirjo" --role caseworker --point joensuun-palvelupiste)
printf '[desk]\nstaff = %s\npoint = joensuun-palvelupiste\n' "$desk" >"$TMPDIR_TUI/luukku.ini"
n=0
for given in Aino Eero Ilona Juho Kaisa Lauri Oona; do
	n=$((n + 1))
	lk client add --name "Poimittava, $given" --hetu "$(hetu 0${n}0190 - 90$n)" \
		--municipality Tohmajärvi >/dev/null
done
lk client add --name "Muu, Matti" --hetu "$(hetu 121212 - 999)" --municipality Joensuu >/dev/null

tui_start 80 12 --config "$TMPDIR_TUI/luukku.ini"
keys F4
wait_for "Kalenteri"
keys F5
wait_for "kenelle asiakkaalle"
type_text "poim"
assert_screen pick-first-page <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Varaa tapaaminen: kenelle asiakkaalle?

 Haku: poim

> Poimittava, Aino                               010190-****  Tohmajärvi
  Poimittava, Eero                               020190-****  Tohmajärvi
  Poimittava, Ilona                              030190-****  Tohmajärvi
  Poimittava, Juho                               040190-****  Tohmajärvi
  Poimittava, Kaisa                              050190-****  Tohmajärvi       ↓
 Paikallinen tila · 8 asiakasta                                        7 osumaa
F1Ohje   EnterValitse F3Takaisin F10Lopeta
SCREEN
keys End
assert_screen pick-end <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Varaa tapaaminen: kenelle asiakkaalle?

 Haku: poim

  Poimittava, Ilona                              030190-****  Tohmajärvi       ↑
  Poimittava, Juho                               040190-****  Tohmajärvi
  Poimittava, Kaisa                              050190-****  Tohmajärvi
  Poimittava, Lauri                              060190-****  Tohmajärvi
> Poimittava, Oona                               070190-****  Tohmajärvi
 Paikallinen tila · 8 asiakasta                                        7 osumaa
F1Ohje   EnterValitse F3Takaisin F10Lopeta
SCREEN
keys Home
see "Home goes back to the first client" "> Poimittava, Aino"
keys NPage
see "PgDn moves a page (five rows) on" "> Poimittava, Lauri"
keys C-u
assert_screen pick-emptied <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Varaa tapaaminen: kenelle asiakkaalle?

 Haku:

  Kirjoita nimen osa tai henkilötunnus; Enter tyhjällä rivillä varaa tapaamise…




 Paikallinen tila · 8 asiakasta
F1Ohje   EnterValitse F3Takaisin F10Lopeta
SCREEN
type_text "poim juho"
wait_for "1 osuma"
keys Enter
see_match "Enter books for the chosen client" '^ Varaa tapaaminen  *Poimittava, Juho$'
keys F10
assert_exit 0
finish
