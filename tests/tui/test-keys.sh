#!/bin/sh
# tests/tui/test-keys.sh — keys rebound in the config's [keys] section:
# `agenda = F2` and `book = F11,x` act, the calendar's function-key bar and
# its F1 help show the new keys, and the old ones no longer act; a bad
# [keys] line (an unknown action, an unknown key name) is refused at start
# with exit status 2 and the line named. Finnish, 80x24.
#
#   sh tests/tui/test-keys.sh build/luukku
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
desk=$(lk staff add --name "Räsänen, Pirjo" --role caseworker --point joensuun-palvelupiste)
cat >"$TMPDIR_TUI/luukku.ini" <<INI
[desk]
staff = $desk
point = joensuun-palvelupiste

[keys]
agenda = F2
book = F11, x
INI

tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
# F4 no longer opens the calendar; F2 does.
keys F4
see "F4 does nothing after agenda = F2" "F1 näyttää näppäimet"
keys F2
assert_screen keys-agenda <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Kalenteri: Räsänen Pirjo                                           ma 2.3.2026
  Joensuun palvelupiste 08:00–16:00

  Ei varauksia.
















 i saapunut  d pidetty  n ei saapunut  c peru  m kirje  ←→ päivä
 Paikallinen tila · 0 asiakasta                                      0 varausta
F1Ohje   F3Takaisin F11Varaa  F6Viikko F7Toimipiste F8Siirrä F10Lopeta
SCREEN
keys F1
assert_screen keys-agenda-help <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Ohje: Kalenteri

  F1 ?        Näytä tämän näkymän näppäimet
  ← h         Edellinen päivä (viikko)
  → l         Seuraava päivä (viikko)
  F3 Esc      Palaa takaisin
  F11 x       Varaa tapaaminen tähän kalenteriin
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
 Paikallinen tila · 0 asiakasta
F3Takaisin F10Lopeta
SCREEN
# x (the rebound letter) books: first it asks for whom.
keys Escape x
see "x starts a booking" "Varaa tapaaminen: kenelle asiakkaalle?"
keys Escape F10
assert_exit 0

# Bad lines are refused before the terminal starts, naming the line.
bad() {
	printf '[keys]\n%s\n' "$1" >"$TMPDIR_TUI/bad.ini"
	"$LUUKKU" --db "$TMPDIR_TUI/test.db" --config "$TMPDIR_TUI/bad.ini" </dev/null \
		>"$TMPDIR_TUI/out" 2>&1
	echo $?
}
st=$(bad "frobnicate = F5")
if [ "$st" = 2 ] && grep -q "^luukku: \[keys\] frobnicate: tuntematon toiminto" "$TMPDIR_TUI/out"; then
	ok "an unknown action is refused with status 2"
else
	not_ok "an unknown action is refused with status 2 (got $st: $(cat "$TMPDIR_TUI/out"))"
fi
st=$(bad "book = F5, Hyper")
if [ "$st" = 2 ] && grep -q "^luukku: \[keys\] book: 'Hyper' ei ole näppäimen nimi" "$TMPDIR_TUI/out"; then
	ok "an unknown key name is refused with status 2"
else
	not_ok "an unknown key name is refused with status 2 (got $st: $(cat "$TMPDIR_TUI/out"))"
fi
st=$(bad "quit =")
if [ "$st" = 2 ] && grep -q "^luukku: \[keys\] quit: näppäintä ei annettu" "$TMPDIR_TUI/out"; then
	ok "an empty binding is refused with status 2"
else
	not_ok "an empty binding is refused with status 2 (got $st: $(cat "$TMPDIR_TUI/out"))"
fi
finish
