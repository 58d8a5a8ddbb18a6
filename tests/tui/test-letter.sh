#!/bin/sh
# tests/tui/test-letter.sh — the calendar's letter key: m writes the chosen
# booking's appointment letter (the client's language, as `luukku letter`
# prints it) under $XDG_DATA_HOME/luukku/letters/, shows where, and audits
# it. Finnish UI, a Swedish-speaking client, 80x24; then a Finnish client
# who needs plain language gets the plain Finnish letter.
#
#   sh tests/tui/test-letter.sh build/luukku
. "$(dirname "$0")/lib.sh"

# The letters go to the test's own data directory, never the user's.
XDG_DATA_HOME=$TMPDIR_TUI/data
export XDG_DATA_HOME
lk init --area pohjois-karjala >/dev/null
anna=$(lk staff add --name "Korhonen, Anna" --role caseworker --point joensuun-palvelupiste)
printf '[desk]\nstaff = %s\npoint = joensuun-palvelupiste\n' "$anna" >"$TMPDIR_TUI/luukku.ini"
c=$(lk client add --name "Lindqvist, Anna" --municipality Joensuu --lang sv)
a=$(lk book --client "$c" --staff "$anna" --kind tyonhakukeskustelu --at "2026-03-02 13:15" \
	--minutes 45 --channel face)
want=$(lk letter "$a")
p=$(lk client add --name "Selkonen, Seija" --municipality Joensuu --plain-language yes)
b=$(lk book --client "$p" --staff "$anna" --kind tyonhakukeskustelu --at "2026-03-02 14:30" \
	--minutes 30 --channel face)
want_plain=$(lk letter "$b" --plain)
file_plain=$TMPDIR_TUI/data/luukku/letters/letter-2026-03-02-1430-$(echo "$b" | cut -c1-8).txt
file=$TMPDIR_TUI/data/luukku/letters/letter-2026-03-02-1315-$(echo "$a" | cut -c1-8).txt

tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
keys F4
wait_for "Kalenteri: Korhonen Anna"
see "the calendar lists m for the letter" "m kirje"
keys m
see "m writes the letter and says where" "Kirje: $TMPDIR_TUI/data/luukku/letters/"
if [ "$(cat "$file" 2>/dev/null)" = "$want" ]; then ok "the file holds the Swedish letter"; else
	not_ok "the file holds the Swedish letter"; sed 's/^/#   /' "$file" 2>/dev/null | head -5
fi
[ "$(stat -c %a "$file" 2>/dev/null)" = 600 ] && ok "the file is private (0600)" ||
	not_ok "the file is private (0600)"
[ "$(stat -c %a "$TMPDIR_TUI/data/luukku/letters")" = 700 ] && ok "so is its directory" ||
	not_ok "so is its directory"
n=$(sql "select count(*) from audit where action = 'print-letter' and client_id = '$c' and staff_id = '$anna' and detail = 'letter $a sv screen'")
[ "$n" = 1 ] && ok "audited under the client, by the desk's staff member" ||
	not_ok "audited under the client, by the desk's staff member (got $n)"

# The next booking's client needs plain language: m follows the flag.
keys Down m
wait_for "letter-2026-03-02-1430"
if [ "$(cat "$file_plain" 2>/dev/null)" = "$want_plain" ]; then ok "the plain Finnish letter"; else
	not_ok "the plain Finnish letter"; sed 's/^/#   /' "$file_plain" 2>/dev/null | head -5
fi
[ "$(head -1 "$file_plain" 2>/dev/null)" = "SINULLA ON AIKA TYÖLLISYYSPALVELUISSA" ] &&
	ok "with the plain heading" || not_ok "with the plain heading"
n=$(sql "select count(*) from audit where action = 'print-letter' and client_id = '$p' and detail = 'letter $b fi plain screen'")
[ "$n" = 1 ] && ok "audited as plain" || not_ok "audited as plain (got $n)"
keys F10
assert_exit 0
finish
