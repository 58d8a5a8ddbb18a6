#!/bin/sh
# tests/tui/test-kiosk.sh — the self-service kiosk, driven in tmux: Ctrl-C,
# Ctrl-Z, Ctrl-\ and F10 do nothing (still the kiosk, still running); a
# visitor takes a ticket with a first name and it appears in the staff's
# queue (`luukku piste queue`), and the ticket screen asks for quick
# feedback (test-feedback.sh gives it); digits in the name are refused; half-typed
# input is cleared after idle (LUUKKU_KIOSK_IDLE_MS); staff leave with the
# code and F12; [desk] role = kiosk in the config starts the kiosk without
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
	wait_for "Piste" >/dev/null || { echo "not ok - the kiosk did not start" >&2; exit 1; }
}

alive() {
	[ ! -e "$TMPDIR_TUI/status" ] && screen | grep -q "Ota vuoronumero tästä"
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
sleep 0.3
alive && ok "Ctrl-C does nothing" || not_ok "Ctrl-C does nothing"
keys C-z
sleep 0.3
alive && ok "Ctrl-Z does nothing" || not_ok "Ctrl-Z does nothing"
keys 'C-\'
sleep 0.3
alive && ok "Ctrl-\\ does nothing" || not_ok "Ctrl-\\ does nothing"
keys F10 Escape q
sleep 0.3
alive && ok "F10, Esc and q do nothing" || not_ok "F10, Esc and q do nothing"

# --- A digit-shaped name is refused ------------------------------------------
keys 1
type_text "010594Y9032"
keys Enter
wait_for "ei koskaan henkilötunnusta" && ok "an identity code as a name is refused" ||
	not_ok "an identity code as a name is refused"

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
wait_for "Ota vuoronumero tästä" && ok "Enter returns to the start" || not_ok "Enter returns to the start"

# --- Idle: half-typed input is cleared --------------------------------------
keys 3
type_text "Mat"
wait_for "Etunimi: Mat" >/dev/null
sleep 3
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
wait_for "Etunimi:" >/dev/null
screen | grep -q "Etunimi: Mat" && not_ok "the half-typed name is gone" || ok "the half-typed name is gone"
keys Escape

# --- Staff leave: a wrong code is refused, the right one lets them out ------
keys F12
type_text "wrong"
keys Enter
wait_for "Väärä henkilökunnan koodi" && ok "a wrong staff code is refused" || not_ok "a wrong staff code"
alive && ok "still on the kiosk" || not_ok "still on the kiosk"
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
wait_for "Ota vuoronumero tästä" && ok "role = kiosk starts the kiosk" ||
	not_ok "role = kiosk starts the kiosk"
keys F10
sleep 0.3
alive && ok "F10 does nothing in the configured kiosk" || not_ok "F10 does nothing in the configured kiosk"
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
