# The clock of the binary that `make`, `make run` and `make install` build
# is the system clock: LUUKKU_NOW (honoured only by the test build that the
# other tests run, -DLK_TEST_CLOCK) and TZ cannot move it — not the audit
# trail, not a consent's date, not the growing sign-in delay.
# The plain binary is the build/luukku beside BUILD/luukku (make check
# builds it), or $LUUKKU_PLAIN.
. "$(dirname "$0")/lib.sh"

PLAIN=${LUUKKU_PLAIN:-$(dirname "$(dirname "$LUUKKU")")/luukku}
case $PLAIN in /*) ;; *) PLAIN=$PWD/$PLAIN ;; esac
if [ ! -x "$PLAIN" ] || [ "$PLAIN" = "$LUUKKU" ]; then
	not_ok "the plain binary $PLAIN is built (make BUILD=build all)"
	done_testing
fi
plain() { "$PLAIN" --db "$DB" "$@"; }
today=$(TZ=Europe/Helsinki date +%Y-%m-%d)
yesterday=$(TZ=Europe/Helsinki date -d yesterday +%Y-%m-%d)
# A day's slack either way: the test may run across midnight.
near_today() { [ "$1" = "$today" ] || [ "$1" = "$yesterday" ] || [ "$1" = "$(TZ=Europe/Helsinki date +%Y-%m-%d)" ]; }

# The test build does honour it (the other tests lean on that).
expect 0 "the test build pins its clock" lk init --area pohjois-karjala
C=$(lk client add --name "Virtanen, Matti" --municipality Joensuu)
lk client show "$C" >/dev/null
same "an audit row of the test build at the pinned time" "$(sql "select substr(at, 1, 16) from audit where action = 'open-card' order by at limit 1")" "2026-03-02 09:00"
rm -f "$DB"

export LUUKKU_NOW="2020-01-01 09:00"
expect 0 "the plain binary makes a database" plain init --area pohjois-karjala
C=$(plain client add --name "Virtanen, Matti" --municipality Joensuu)
plain client show "$C" >/dev/null
plain consent give --client "$C" --kind terveydenhuolto --scope "työkyvyn arviointi" >/dev/null
at=$(sql "select substr(at, 1, 10) from audit order by at desc limit 1")
if near_today "$at"; then ok "audit rows carry today's date ($at), not LUUKKU_NOW's"; else
	not_ok "audit row dated $at under LUUKKU_NOW=2020-01-01"; fi
same "no row backdated to 2020" "$(sql "select count(*) from audit where at like '2020%'")" "0"
same "no consent backdated to 2020" "$(sql "select count(*) from consent where given_at like '2020%'")" "0"
LUUKKU_NOW= TZ=Pacific/Kiritimati plain client show "$C" >/dev/null
at=$(sql "select substr(at, 1, 10) from audit order by at desc limit 1")
if near_today "$at"; then ok "TZ does not move it either ($at)"; else not_ok "TZ moved the clock to $at"; fi

# The sign-in delay: a failure now, then a clock pinned a day ahead would
# have put it outside the window (no wait); the plain binary still waits.
rm -f "$DB"
A=$(printf '4321\n' | LUUKKU_NOW= plain init --area pohjois-karjala --admin "Aalto, Aino")
echo 1111 >"$T/wrong"
LUUKKU_NOW= plain --staff "$A" --secret-fd 3 client find virt 3<"$T/wrong" >/dev/null 2>&1
LUUKKU_NOW="2099-12-31 23:00" expect 4 "a second wrong secret under a far LUUKKU_NOW" plain --staff "$A" --secret-fd 3 client find virt 3<"$T/wrong"
contains "still waits after the first failure" "$ERR" "failed sign-ins in a row: 1; waiting 1 s"
same "no audit row dated 2099" "$(sql "select count(*) from audit where at like '2099%'")" "0"

done_testing
