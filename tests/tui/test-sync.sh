#!/bin/sh
# tests/tui/test-sync.sh — the terminal syncs in the background: with a
# real luukkud on loopback the status line says online with nothing to send
# and the open conflicts; F2 opens the conflicts screen, F5 settles one;
# when the node stops the status line says offline and typing still works.
# Finnish, 80x24.
#
#   sh tests/tui/test-sync.sh build/luukku
. "$(dirname "$0")/lib.sh"

LUUKKUD=$(dirname "$LUUKKU")/luukkud
NODE_DB=$TMPDIR_TUI/node.db
NODE_PID=
node_kill() { [ -n "$NODE_PID" ] && kill -9 "$NODE_PID" 2>/dev/null; NODE_PID=; return 0; }
trap 'node_kill; cleanup' EXIT

# A node on a free loopback port.
timeout 30 "$LUUKKUD" --db "$NODE_DB" init --area pohjois-karjala >/dev/null || exit 1
: >"$TMPDIR_TUI/node.log"
"$LUUKKUD" --db "$NODE_DB" --listen 127.0.0.1:0 2>"$TMPDIR_TUI/node.log" &
NODE_PID=$!
PORT=
i=0
while [ -z "$PORT" ] && [ $i -lt 100 ]; do
	PORT=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$TMPDIR_TUI/node.log")
	sleep 0.05; i=$((i + 1))
done
[ -n "$PORT" ] || { echo "not ok - luukkud did not start"; exit 1; }

# Desks "test" (the one on screen) and "b"; an offline same-field edit on
# both leaves one conflict.
for d in test b; do
	code=$(timeout 30 "$LUUKKUD" --db "$NODE_DB" enrol "$d" --scope area) || exit 1
	timeout 30 "$LUUKKU" --db "$TMPDIR_TUI/$d.db" enrol "127.0.0.1:$PORT" "$code" >/dev/null || exit 1
done
on() { d=$1; shift; timeout 30 "$LUUKKU" --db "$TMPDIR_TUI/$d.db" "$@"; }
on test sync --quiet && on b sync --quiet || exit 1
C=$(LUUKKU_NOW= on test client add --name "Virtanen, Matti" --municipality Joensuu --phone "040 1")
on test sync --quiet && on b sync --quiet || exit 1
LUUKKU_NOW= on test client set "$C" --phone "050 111" >/dev/null
# b's edit is the later one: made once the wall clock has passed the stamp
# of this desk's edit (meta hlc: milliseconds << 16), whatever the speed.
last=$(sqlite3 "$TMPDIR_TUI/test.db" "select value >> 16 from meta where key = 'hlc'") || exit 1
i=0; while [ "$(date +%s%3N)" -le "$last" ] && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
LUUKKU_NOW= on b client set "$C" --phone "050 222" >/dev/null
on test sync --quiet && on b sync --quiet && on test sync --quiet || exit 1

printf '[sync]\ninterval = 1\ntimeout = 2\n' >"$TMPDIR_TUI/luukku.ini"
tui_start 80 24 --config "$TMPDIR_TUI/luukku.ini"
# The first round runs at once: online, nothing to send, one conflict.
wait_for "Verkossa"
assert_screen sync-online <<'SCREEN'
 Luukku · Pohjois-Karjala                                              2.3.2026
 Asiakashaku

 Haku:

  Kirjoita nimen osa (esim. "virt mat") tai henkilötunnus.
















 Verkossa · synkr. 9.00 · 0 lähtevää · 1 ristiriita · 1 asiakas
F1Ohje F3Haku EnterAvaa F4Kalenteri F6Raportit F2Ristiriidat F9Piste F10Lopeta
SCREEN

# F2 lists the open conflicts: record, field, kept and losing value, desks.
keys F2
short=$(echo "$C" | cut -c1-8)
assert_screen conflicts <<SCREEN
 Luukku · Pohjois-Karjala                                              2.3.2026
 Synkronoinnin ristiriidat

  Tietue             Kenttä         Säilytetty            Hävinnyt
> client $short    phone          050 222               050 111













  Säilytetty: 050 222 (b)
  Hävinnyt: 050 111 (test)
  Havaittu 2.3.2026 09:00 · tietue $C

 Verkossa · synkr. 9.00 · 0 lähtevää · 1 ristiriita · 1 asiakas         1 avoin
F1Ohje   F5Pidä   F6Ota hävinnyt F3Takaisin F10Lopeta
SCREEN

# F5 keeps the current value; the settlement goes out with the next round.
keys F5
wait_for "Ei avoimia ristiriitoja:"
see "the settlement was sent" "0 lähtevää · 0 ristiriitaa"
on b sync --quiet
got=$(sqlite3 -batch -noheader "$TMPDIR_TUI/b.db" "select count(*) from conflict where resolved_at is not null")
[ "$got" = 1 ] && ok "desk b got the settlement" || not_ok "desk b got the settlement ($got)"

# The node stops: offline, and typing still works.
keys F3
kill -TERM "$NODE_PID"; wait "$NODE_PID" 2>/dev/null; NODE_PID=
wait_for "Ei yhteyttä"
type_text "virt"
assert_screen offline-typing <<'SCREEN'
 Luukku · Pohjois-Karjala                                              2.3.2026
 Asiakashaku

 Haku: virt

  Nimi                                            Henkilötunnus Kotikunta
> Virtanen, Matti                                 –             Joensuu















 Ei yhteyttä · synkr. 9.00 · 0 lähtevää · 0 ristiriitaa · 1 asiakas     1 osuma
F1Ohje F3Haku EnterAvaa F4Kalenteri F6Raportit F2Ristiriidat F9Piste F10Lopeta
SCREEN
keys F10
assert_exit 0
finish
