#!/bin/sh
# tests/tui/test-feedback.sh — quick feedback at the kiosk (issue 7), in
# tmux at 80x24, Finnish: after the ticket "Miten onnistuimme?" 1-5 and an
# optional word, saved anonymous (point, day, score, word; source kiosk);
# Enter on the ticket skips it; 0 at the start asks the same; Esc drops a
# chosen score; a word with digits or an identity code is refused and
# nothing is saved; idle resets a half-given answer without saving it.
#
#   sh tests/tui/test-feedback.sh build/luukku
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
printf 'sala-1234\n' >"$TMPDIR_TUI/code"
chmod 600 "$TMPDIR_TUI/code"
check() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', want '$3')"; fi
}

# kiosk_start IDLE_MS — the kiosk has no F10 on its bar: start it by hand.
kiosk_start() {
	cat >"$TMPDIR_TUI/run.sh" <<-RUN
	cd "$TMPDIR_TUI" || exit 1
	"$LUUKKU" --db "$TMPDIR_TUI/test.db" kiosk --point joensuun-palvelupiste \
		--exit-code-file "$TMPDIR_TUI/code"
	echo \$? >"$TMPDIR_TUI/status"
	sleep 60
	RUN
	rm -f "$TMPDIR_TUI/status"
	tm kill-server >/dev/null 2>&1
	TMUX_SERIAL=$((TMUX_SERIAL + 1))
	TMUX_SOCK=luukku-test-$$-fb$TMUX_SERIAL
	tm new-session -d -x 80 -y 24 -e LUUKKU_NOW="$LUUKKU_NOW" -e LANG=C.UTF-8 \
		-e LC_ALL=C.UTF-8 -e TERM=xterm-256color -e LUUKKU_KIOSK_IDLE_MS="$1" \
		sh "$TMPDIR_TUI/run.sh" || { echo "not ok - tmux did not start" >&2; exit 1; }
	trace "== kiosk, idle $1 ms"
	wait_for "Ota vuoronumero tästä" || { echo "# the kiosk did not start" >&2; exit 1; }
}
rows() { sql "select given_on || '|' || score || '|' || coalesce(word, '-') || '|' || source from feedback order by rowid"; }

kiosk_start 60000
# --- after the ticket: a score and a word ------------------------------------
keys 2
type_text "Aino"
keys Enter
see "the ticket screen asks for feedback" "Miten onnistuimme? Paina 1–5 tai ohita."
keys 4
type_text "Nopea"
assert_screen feedback-word <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste                      2.3.2026

    Arviosi: 4  :-)

    Yksi sana käynnistä, jos haluat.
    Ei nimiä eikä numeroita: palaute on nimetön.

    Sana: Nopea

    Enter: lähetä   Esc: älä lähetä













 Itseilmoittautuminen · Piste
SCREEN
check "nothing is saved before Enter" "$(rows)" ""
keys Enter
see "thanks, and back to the start" "Kiitos palautteestasi!"
check "saved anonymous: the day, the score, the word in lower case, from the kiosk" "$(rows)" \
	"2026-03-02|4|nopea|kiosk"
check "no name, ticket or time in the row" \
	"$(sql "select count(*) from pragma_table_info('feedback') where name not in ('id', 'point_id', 'given_on', 'score', 'word', 'source')")" 0
check "the ticket itself was taken" "$(lk piste queue --point joensuun-palvelupiste --tsv | cut -f1,4)" \
	"$(printf '1\tAino')"

# --- skip: Enter on the ticket ----------------------------------------------
keys 1
keys Enter
wait_for "Vuoronumerosi on"
keys Enter
see "Enter on the ticket skips the question" "Ota vuoronumero tästä"
check "nothing saved when skipped" "$(sql 'select count(*) from feedback')" 1

# --- its own key at the start: 0, a score without a word ----------------------
keys 0
assert_screen feedback-ask <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste                      2.3.2026


                              Palaute käynnistäsi

                    Miten onnistuimme? Paina 1–5 tai ohita.

                   1 :-(    2 :-/    3 :-|    4 :-)    5 :-D
                           1 = huono, 5 = erinomainen

                          Muu näppäin: takaisin alkuun












 Itseilmoittautuminen · Piste
SCREEN
keys 5
wait_for "Arviosi: 5"
keys Enter
wait_for "Kiitos palautteestasi!"
check "a score alone is saved" "$(sql 'select score || coalesce(word, "-") from feedback order by rowid desc limit 1')" "5-"

# --- skipped with one key at the question; Esc drops a chosen score ----------
keys 0
wait_for "Palaute käynnistäsi"
keys q
see "any other key skips the question" "Ota vuoronumero tästä"
keys 0 3
wait_for "Arviosi: 3"
type_text "hidas"
keys Escape
see "Esc goes back to the start" "Ota vuoronumero tästä"
check "and saves nothing" "$(sql 'select count(*) from feedback')" 2

# --- refused words ----------------------------------------------------------
keys 0 2
type_text "010594Y9032"
keys Enter
see "an identity code as the word is refused" "Vain yksi sana: ei numeroita, ei koskaan henkilötunnusta."
see_match "and wiped from the screen" 'Sana: *$'
type_text "0401234567"
wait_for "Sana: 0401234567"
keys Enter
# Handled when the word is wiped; still on the word (not thanked, not saved).
see_match "digits only are refused too" 'Sana: *$'
wait_for "Vain yksi sana"
check "nothing saved for refused words" "$(sql 'select count(*) from feedback')" 2
check "no digits anywhere in the feedback" "$(sql "select count(*) from feedback where word glob '*[0-9]*'")" 0
keys Escape
wait_for "Ota vuoronumero tästä"

# --- idle: a half-given answer is reset, not saved ---------------------------
keys F12
type_text "sala-1234"
keys Enter
assert_exit 0
kiosk_start 2500
keys 0 1
type_text "huono"
wait_for "Sana: huono"
# Idle (2.5 s): the half-given answer goes, the start returns.
wait_gone "Sana: huono" 10
see "idle returns to the start" "Ota vuoronumero tästä"
screen | grep -q "Kiitos" && not_ok "idle does not thank" || ok "idle does not thank"
check "idle saved nothing" "$(sql 'select count(*) from feedback')" 2
keys 0
wait_for "Palaute käynnistäsi"
wait_gone "Palaute käynnistäsi" 10
see "idle leaves the question too" "Ota vuoronumero tästä"
keys F12
type_text "sala-1234"
keys Enter
assert_exit 0
finish
