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
wait_for "Kalenteri" >/dev/null
keys F5
wait_for "kenelle asiakkaalle" >/dev/null
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
wait_for "> Poimittava, Aino" && ok "Home goes back to the first client" ||
	not_ok "Home goes back to the first client"
keys NPage
wait_for "> Poimittava, Lauri" && ok "PgDn moves a page (five rows) on" ||
	not_ok "PgDn moves a page (five rows) on"
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
wait_for "1 osuma" >/dev/null
keys Enter
# The picker itself shows both "Varaa tapaaminen" and "Poimittava, Juho":
# wait for the booking screen's own heading, the client named on it, with
# the picker gone — not for text the old screen already has.
booking_for_juho() {
	s=$(screen)
	printf '%s\n' "$s" | grep -q '^ Varaa tapaaminen  *Poimittava, Juho$' &&
		! printf '%s\n' "$s" | grep -q "kenelle asiakkaalle"
}
i=0
while ! booking_for_juho && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
booking_for_juho && ok "Enter books for the chosen client" || {
	not_ok "Enter books for the chosen client"
	screen | sed 's/^/# /'
}
keys F10
assert_exit 0
finish
