#!/bin/sh
# tests/tui/test-hostile.sh — text planted in the database with control
# bytes (ESC with an OSC title ended by BEL, C1 U+009B, the bidi override
# U+202E) is drawn harmlessly on the lookup list, the card and the
# calendar (ui/draw.c): the pane captured with its escapes
# (capture-pane -e) holds no ESC but tmux's own SGR attributes (ESC [ …m),
# no BEL, no U+009B, no U+202E, and a '?' where each control was.
#
#   sh tests/tui/test-hostile.sh build/luukku
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
desk=$(lk staff add --name "Räsänen, Pirjo" --role caseworker --point joensuun-palvelupiste)
printf '[desk]\nstaff = %s\npoint = joensuun-palvelupiste\n' "$desk" >"$TMPDIR_TUI/luukku.ini"
C=$(lk client add --name "Virtanen, Matti" --municipality Joensuu --job-search-start 2026-02-20)
lk book --client "$C" --staff "$desk" --kind alkuhaastattelu --at "2026-03-02 10:00" \
	--minutes 60 --channel face --note "tulkki" >/dev/null
# Virtanen ESC]0;pwned BEL Q U+009B 2J U+202E Z: four controls, four '?'.
bad="X'1b' || ']0;pwned' || X'07' || 'Q' || X'c29b' || '2J' || X'e280ae' || 'Z'"
sql "UPDATE client SET surname = 'Virtanen' || $bad, given_names = 'Matti' || $bad WHERE id = '$C';
UPDATE appointment SET note = 'tulkki' || $bad;" || exit 1
drawn='?]0;pwned?Q?2J?Z'

# pane WHAT — the pane with its escapes: only SGR sequences, no raw
# control, and the planted text drawn with '?' for each control.
pane() {
	tm capture-pane -e -p >"$TMPDIR_TUI/pane"
	# Every ESC must start an SGR sequence (ESC [ digits/; m); take them out
	# and nothing of ESC, BEL, U+009B or U+202E may remain.
	LC_ALL=C sed 's/\x1b\[[0-9;]*m//g' "$TMPDIR_TUI/pane" >"$TMPDIR_TUI/rest"
	if LC_ALL=C grep -q "$(printf '\033')" "$TMPDIR_TUI/rest" ||
		LC_ALL=C grep -q "$(printf '\007')" "$TMPDIR_TUI/rest" ||
		LC_ALL=C grep -q "$(printf '\302\233')" "$TMPDIR_TUI/rest" ||
		LC_ALL=C grep -q "$(printf '\342\200\256')" "$TMPDIR_TUI/rest"; then
		not_ok "$1: no raw control on the screen"
		LC_ALL=C od -c "$TMPDIR_TUI/rest" | grep -e '033' -e '\\a' -e '302 233' -e '342 200 256' |
			head -5 | sed 's/^/#   /'
	else
		ok "$1: no raw control on the screen"
	fi
	if grep -qF "Virtanen$drawn" "$TMPDIR_TUI/rest"; then
		ok "$1: each control drawn as '?'"
	else
		not_ok "$1: each control drawn as '?'"
		sed 's/^/#   /' "$TMPDIR_TUI/rest"
	fi
}

tui_start 100 30 --config "$TMPDIR_TUI/luukku.ini"
type_text "virt"
wait_for "1 osuma"
pane "the lookup list"
keys Enter
wait_for "Asiakaskortti"
pane "the card"
keys F3 F3 F4
wait_for "Kalenteri: Räsänen Pirjo"
pane "the calendar"
keys F10
assert_exit 0
finish
