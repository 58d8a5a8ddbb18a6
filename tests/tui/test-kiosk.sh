#!/bin/sh
# tests/tui/test-kiosk.sh — the self-service kiosk, driven in tmux: Ctrl-C,
# Ctrl-Z, Ctrl-\ and F10 do nothing (still the kiosk, still running); a
# visitor takes a ticket with a first name and it appears in the staff's
# queue (`luukku piste queue`), and the ticket screen asks for quick
# feedback (test-feedback.sh gives it); digits in the name are refused; half-typed
# input is cleared after idle (LUUKKU_KIOSK_IDLE_MS); staff leave with the
# code and F12, a wrong code audited (kiosk-exit-failed); [desk] role = kiosk in the config starts the kiosk without
# a command, and an unknown role is refused (status 2).
#
#   sh tests/tui/test-kiosk.sh build/luukku
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
printf 'sala-1234\n' >"$TMPDIR_TUI/code"
chmod 600 "$TMPDIR_TUI/code"

# The kiosk has no F10 on its bar: start it by hand (lib's tui_start waits
# for F10), with a short idle time.
kiosk_start() {
	cat >"$TMPDIR_TUI/run.sh" <<-RUN
	cd "$TMPDIR_TUI" || exit 1
	"$LUUKKU" --db "$TMPDIR_TUI/test.db" kiosk --point joensuun-palvelupiste \
		--exit-code-file "$TMPDIR_TUI/code"
	echo \$? >"$TMPDIR_TUI/status"
	sleep 60
	RUN
	rm -f "$TMPDIR_TUI/status"
	TMUX_SOCK=luukku-test-$$-kiosk
	tm new-session -d -x 80 -y 24 -e LUUKKU_NOW="$LUUKKU_NOW" -e LANG=C.UTF-8 \
		-e LC_ALL=C.UTF-8 -e TERM=xterm-256color -e LUUKKU_KIOSK_IDLE_MS=2500 \
		sh "$TMPDIR_TUI/run.sh" || { echo "not ok - tmux did not start" >&2; exit 1; }
	trace "== kiosk"
	wait_for "Piste" || { echo "# the kiosk did not start" >&2; exit 1; }
}

# alive WHAT — the check WHAT: the kiosk still runs and still answers at
# the start: 1 opens the name question, Esc goes back. Keys are handled in
# order, so this also shows that every key sent before was handled (and
# did not end or stop the kiosk).
alive() {
	keys 1
	if poll_for "Etunimi:" && [ ! -e "$TMPDIR_TUI/status" ]; then
		keys Escape
		if poll_screen -F "Etunimi:" 5 ! && poll_for "Ota vuoronumero tästä" &&
			[ ! -e "$TMPDIR_TUI/status" ]; then
			waited found "for the start again"
			ok "$1"
			return 0
		fi
	fi
	not_ok "$1 (status: '$(cat "$TMPDIR_TUI/status" 2>/dev/null)')"
	screen | sed 's/^/#   /'
	return 1
}

kiosk_start
assert_screen kiosk-start <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste                      2.3.2026

                       Tervetuloa! Ota vuoronumero tästä.

    Mitä asiasi koskee? Paina numeroa:

        1  Työnhaku

        2  Koulutus

        3  Digipalvelut

        4  Rinnalla

        5  Muu


        0  Palaute: miten onnistuimme?





 Itseilmoittautuminen · Piste
SCREEN

# --- No way out ------------------------------------------------------------
keys C-c
alive "Ctrl-C does nothing"
keys C-z
alive "Ctrl-Z does nothing"
keys 'C-\'
alive "Ctrl-\\ does nothing"
keys F10 Escape q
alive "F10, Esc and q do nothing"

# --- A digit-shaped name is refused ------------------------------------------
keys 1
type_text "010594Y9032"
keys Enter
see "an identity code as a name is refused" "ei koskaan henkilötunnusta"

# --- Take a ticket ----------------------------------------------------------
type_text "Aino"
keys Enter
assert_screen kiosk-ticket <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste                      2.3.2026


                                Vuoronumerosi on

                                       1

                    Istu alas; henkilökunta kutsuu numerosi.

                                 Enter: valmis


                    Miten onnistuimme? Paina 1–5 tai ohita.

                   1 :-(    2 :-/    3 :-|    4 :-)    5 :-D
                           1 = huono, 5 = erinomainen







 Itseilmoittautuminen · Piste
SCREEN
got=$(lk piste queue --point joensuun-palvelupiste --tsv | cut -f1,3,4,6,7)
[ "$got" = "$(printf '1\ttyonhaku\tAino\tkiosk\twaiting')" ] &&
	ok "the ticket is in the staff's queue" || not_ok "the ticket is in the staff's queue (got '$got')"
keys Enter
see "Enter returns to the start" "Ota vuoronumero tästä"

# --- Idle: half-typed input is cleared --------------------------------------
keys 3
type_text "Mat"
wait_for "Etunimi: Mat"
# Idle (2.5 s): the half-typed name goes, the start returns.
wait_gone "Etunimi: Mat" 10
assert_screen kiosk-idle-reset <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste                      2.3.2026

                       Tervetuloa! Ota vuoronumero tästä.

    Mitä asiasi koskee? Paina numeroa:

        1  Työnhaku

        2  Koulutus

        3  Digipalvelut

        4  Rinnalla

        5  Muu


        0  Palaute: miten onnistuimme?





 Itseilmoittautuminen · Piste
SCREEN
keys 3
wait_for "Etunimi:"
screen | grep -q "Etunimi: Mat" && not_ok "the half-typed name is gone" || ok "the half-typed name is gone"
keys Escape

# --- Staff leave: a wrong code is refused, the right one lets them out ------
keys F12
type_text "wrong"
keys Enter
see "a wrong staff code is refused" "Väärä henkilökunnan koodi"
alive "still on the kiosk"
n=$(sql "SELECT count(*) FROM audit WHERE action = 'kiosk-exit-failed' AND staff_id IS NULL AND client_id IS NULL")
[ "$n" = 1 ] && ok "the wrong code is audited once (kiosk-exit-failed)" ||
	not_ok "the wrong code is audited once (kiosk-exit-failed): $n rows"
keys F12
type_text "sala-1234"
keys Enter
assert_exit 0

# --- [desk] role = kiosk: plain `luukku` starts the kiosk -------------------
printf '[desk]\nrole = kiosk\npoint = joensuun-palvelupiste\n\n[kiosk]\nexit_code = sala-1234\n' \
	>"$TMPDIR_TUI/kiosk.ini"
cat >"$TMPDIR_TUI/run.sh" <<RUN
cd "$TMPDIR_TUI" || exit 1
"$LUUKKU" --db "$TMPDIR_TUI/test.db" --config "$TMPDIR_TUI/kiosk.ini"
echo \$? >"$TMPDIR_TUI/status"
sleep 60
RUN
rm -f "$TMPDIR_TUI/status"
TMUX_SOCK=luukku-test-$$-role
tm new-session -d -x 80 -y 24 -e LUUKKU_NOW="$LUUKKU_NOW" -e LANG=C.UTF-8 \
	-e LC_ALL=C.UTF-8 -e TERM=xterm-256color sh "$TMPDIR_TUI/run.sh" ||
	{ echo "not ok - tmux did not start" >&2; exit 1; }
see "role = kiosk starts the kiosk" "Ota vuoronumero tästä"
keys F10
alive "F10 does nothing in the configured kiosk"
keys F12
type_text "sala-1234"
keys Enter
assert_exit 0

printf '[desk]\nrole = kassa\n' >"$TMPDIR_TUI/bad.ini"
"$LUUKKU" --db "$TMPDIR_TUI/test.db" --config "$TMPDIR_TUI/bad.ini" </dev/null >"$TMPDIR_TUI/out" 2>&1
st=$?
if [ "$st" = 2 ] && grep -q "\[desk\] role: valitse desk tai kiosk, ei 'kassa'" "$TMPDIR_TUI/out"; then
	ok "an unknown role is refused with status 2"
else
	not_ok "an unknown role is refused with status 2 (got $st: $(cat "$TMPDIR_TUI/out"))"
fi
finish
