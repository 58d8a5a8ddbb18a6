# The output rule: text that reached the database another way (a broken or
# older desk, a file edited by hand) is planted with sqlite3 — ESC and an
# OSC title sequence ended by BEL, C1 U+009B (CSI) and a raw 0x9B byte,
# the bidi override U+202E and isolate U+2066, a CR, a formula — and no
# output path may send any of it raw: client find, client show (also
# --tsv), agenda, letter, consent list, piste queue, report --csv, ical
# (stdout and --out), audit, export (JSON) and the error messages that
# echo arguments, and luukkud's stderr. CSV cells that could start a formula begin with '.
. "$(dirname "$0")/lib.sh"

P=joensuun-palvelupiste
lk init --area pohjois-karjala >/dev/null
C=$(lk client add --name "Virtanen, Matti" --municipality Joensuu --job-search-start 2026-02-20)
S=$(lk staff add --name "Mäkelä, Liisa" --role caseworker --point $P)
lk client set "$C" --caseworker "$S" >/dev/null
A=$(lk book --client "$C" --staff "$S" --kind alkuhaastattelu --at "2026-03-03 10:00" --minutes 60 --channel face --note "tulkki")
lk consent give --client "$C" --kind terveydenhuolto --scope "työkyky" >/dev/null
lk piste arrive --point $P --topic digi --first-name Aino >/dev/null

# ESC ] 0;pwned BEL   CSI(U+009B)31m   raw 0x9B   U+202E   U+2066   CR
bad="X'1b5d303b70776e656407' || 'a' || X'c29b' || '31m' || X'9b' || X'e280ae' || X'e281a6' || X'0d'"
sql "UPDATE client SET surname = 'Virtanen' || $bad, given_names = 'Matti' || $bad,
	address = 'Katu' || $bad, phone = $bad WHERE id = '$C';
UPDATE staff SET surname = '=HYPERLINK(\"http://x\",\"y\")' || $bad, given_names = '@Liisa' || $bad WHERE id = '$S';
UPDATE appointment SET note = 'tulkki' || $bad WHERE id = '$A';
UPDATE consent SET scope = 'työkyky' || $bad;
UPDATE visit SET call_name = 'Aino' || $bad, note = 'n' || $bad;
INSERT INTO audit(id, at, staff_id, action, client_id, detail)
	VALUES ('planted', '2026-03-02 08:00', '$S', 'open-card', '$C', 'cli' || $bad);"

# clean FILE WHAT — no ESC, BEL, CR without LF, C1 (encoded or raw),
# bidi control, and valid UTF-8 throughout.
clean() {
	f=$1 cw=$2
	bad_bytes=$(LC_ALL=C tr -cd '\033\007' <"$f" | wc -c)
	c1=$(LC_ALL=C grep -c "$(printf '\302')[$(printf '\200')-$(printf '\237')]" "$f")
	bidi=$(LC_ALL=C grep -c -e "$(printf '\342\200\256')" -e "$(printf '\342\201\246')" "$f")
	lone_cr=$(LC_ALL=C sed "s/$(printf '\r')\$//" "$f" | LC_ALL=C tr -cd '\r' | wc -c)
	if [ "$bad_bytes" = 0 ] && [ "$c1" = 0 ] && [ "$bidi" = 0 ] && [ "$lone_cr" = 0 ] &&
	   iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then
		ok "$cw: nothing raw"
	else
		not_ok "$cw: ESC/BEL $bad_bytes, C1 $c1, bidi $bidi, lone CR $lone_cr"
		od -c "$f" | head -5 | sed 's/^/#   /'
	fi
}
# out WHAT cmd… — run it; both streams must be clean.
out() {
	what=$1; shift
	"$@" >"$T/o" 2>"$T/e"
	[ -s "$T/o" ] || [ -s "$T/e" ] || not_ok "$what: printed nothing at all"
	clean "$T/o" "$what (stdout)"
	clean "$T/e" "$what (stderr)"
}

out "client find" lk client find virt
contains "client find still finds the planted name, controls shown as U+FFFD" "$(cat "$T/o")" "Virtanen$(printf '\357\277\275')"
out "client find --tsv" lk client find virt --tsv
out "client show" lk client show "$C"
out "client show --tsv" lk client show "$C" --tsv
out "agenda" lk agenda --staff "$S" --date 2026-03-03
out "agenda --tsv" lk agenda --staff "$S" --date 2026-03-03 --tsv
out "letter" lk letter "$A"
out "consent list" lk consent list --client "$C"
out "consent list --tsv" lk consent list --client "$C" --tsv
out "piste queue" lk piste queue --point $P
out "piste queue --tsv" lk piste queue --point $P --tsv
out "report cadence --csv" lk report cadence --csv
out "ical" lk ical --staff "$S" --from 2026-03-01 --to 2026-03-31 --names
lk ical --staff "$S" --from 2026-03-01 --to 2026-03-31 --names --out "$T/cal.ics" 2>/dev/null
clean "$T/cal.ics" "ical --out"
out "audit" lk audit --client "$C"
out "audit --tsv" lk audit --client "$C" --tsv
lk export --client "$C" --out "$T/c.json" >/dev/null 2>&1
clean "$T/c.json" "export (JSON)"
contains "JSON escapes the controls" "$(cat "$T/c.json")" '\u001b'
out "due" lk due "$C"
out "meeting history" lk meeting history "$A"
# Error messages that echo an argument.
out "an unknown client id with ESC in it" lk client show "$(printf 'x\033]0;pwned\007\302\233\342\200\256')"
out "an unknown command with ESC" lk "$(printf 'x\033[2J')"
out "a bad --lang with ESC" "$LUUKKU" --db "$DB" --lang "$(printf '\033[2J')" client find x
out "a bad kind with C1" lk book --client "$C" --staff "$S" --kind "$(printf '\302\233')" --at "2026-03-03 12:00" --minutes 30 --channel face
# luukkud writes through the same guard: what a desk sent (names,
# messages) and the arguments it echoes reach its log only cleaned.
LUUKKUD=$(dirname "$LUUKKU")/luukkud
out "luukkud: an unknown command with ESC" "$LUUKKUD" "$(printf 'x\033]0;pwned\007\302\233\342\200\256')"
out "luukkud: a --db with ESC" "$LUUKKUD" --db "$T/$(printf 'q\033[2J')/n.db" revoke x
contains "luukkud: the control shown as U+FFFD" "$(cat "$T/e")" "q$(printf '\357\277\275')[2J"

# CSV: the formula-looking names are neutralised.
lk report cadence --csv >"$T/r.csv"
contains "a staff name beginning with = is quoted after a '" "$(cat "$T/r.csv")" "\"'=HYPERLINK"
case $(cat "$T/r.csv") in *",=HYPERLINK"*|*",@Liisa"*) not_ok "a live formula in the CSV" ;; *) ok "no live formula" ;; esac

done_testing
