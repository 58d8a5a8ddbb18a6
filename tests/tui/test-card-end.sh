#!/bin/sh
# tests/tui/test-card-end.sh — the client card of a client whose job search
# has ended (docs/rules.md#job-search-end): the card names the end date and
# the due list shows nothing overdue, only what was held; after a new
# job-search start the card no longer shows the old end and the first
# contact is overdue again.
#
#   sh tests/tui/test-card-end.sh build/luukku
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
desk=$(lk staff add --name "Räsänen, Pirjo" --role caseworker --point joensuun-palvelupiste)
printf '[desk]\nstaff = %s\npoint = joensuun-palvelupiste\n' "$desk" >"$TMPDIR_TUI/luukku.ini"
C=$(lk client add --name "Virtanen, Matti" --hetu "$(hetu 010190 - 901)" --municipality Joensuu \
	--job-search-start 2025-10-01 --job-search-end 2026-02-15)
lk book --client "$C" --staff "$desk" --kind alkuhaastattelu --at "2025-10-06 10:00" --held >/dev/null

tui_start 80 40 --config "$TMPDIR_TUI/luukku.ini"
type_text "virt"
wait_for "1 osuma"
keys Enter
wait_for "Asiakaskortti"
wait_for "Työnhaku päättynyt" && ok "the card names the end" || not_ok "the card names the end"
screen | grep -q "15.2.2026" && ok "with its date" || not_ok "with its date"
screen | grep -q "myöhässä" && not_ok "nothing is overdue once it has ended" ||
	ok "nothing is overdue once it has ended"
keys F10
assert_exit 0

lk client set "$C" --job-search-start 2026-02-16 >/dev/null
tui_start 80 40 --config "$TMPDIR_TUI/luukku.ini"
type_text "virt"
wait_for "1 osuma"
keys Enter
wait_for "Asiakaskortti"
wait_for "myöhässä" && ok "a new period: the first contact is overdue again" ||
	not_ok "a new period: the first contact is overdue again"
screen | grep -q "Työnhaku päättynyt" && not_ok "the old end is not shown" ||
	ok "the old end is not shown"
keys F10
assert_exit 0
finish
