# The commands' options (cmd-opts.c): each kind of bad value names its
# field with exit status 2 and writes nothing; unknown options, missing
# values, left-over and missing arguments; abbreviations, --name=value,
# the short -q of sync, and a SET pair (--keep|--take-losing).
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
P=joensuun-palvelupiste
S=$(lk staff add --name "Mäkelä, Liisa" --role caseworker --point $P)
C=$(lk client add --name "Virtanen, Matti" --hetu 010594Y9032 --municipality Joensuu)

# A date
expect 2 "a day that does not exist" lk agenda --staff "$S" --date 2026-02-30
same "names --date" "$ERR" "luukku agenda: --date: '2026-02-30' is not a date (YYYY-MM-DD or d.m.yyyy)"
expect 2 "ical --to" lk ical --staff "$S" --to 31.2.2026
same "names --to" "$ERR" "luukku ical: --to: '31.2.2026' is not a date (YYYY-MM-DD or d.m.yyyy)"
expect 0 "a d.m.yyyy date" lk agenda --staff "$S" --date 4.3.2026 --tsv
same "no bookings, no rows" "$OUT" ""
LUUKKU_LANG=fi expect 2 "in Finnish" lk slots --staff "$S" --from huomenna
same "names --from in Finnish" "$ERR" "luukku slots: --from: 'huomenna' ei ole päivämäärä (VVVV-KK-PP tai p.k.vvvv)"

# A whole number in a range
expect 2 "one day too many" lk slots --staff "$S" --days 93
same "names --days with the range" "$ERR" "luukku slots: --days: '93' is not a whole number from 1 to 92"
expect 2 "too short a booking, as --minutes=4" lk book --client "$C" --staff "$S" --kind muu \
	--at "2026-03-03 10:00" --channel phone --minutes=4
same "names --minutes" "$ERR" "luukku book: --minutes: '4' is not a whole number from 5 to 480"
expect 2 "an empty number" lk feedback --point $P --score ""
same "names --score" "$ERR" "luukku feedback: --score: '' is not a whole number from 1 to 5"
expect 2 "the first mistake is the one named" lk feedback --point $P --score 9 --score x
same "names the 9" "$ERR" "luukku feedback: --score: '9' is not a whole number from 1 to 5"
same "nothing written" "$(sql "select count(*) from appointment; select count(*) from feedback")" "$(printf '0\n0')"

# One of a list
expect 2 "a grouping that is not there" lk report walk-in --by month
same "names --by" "$ERR" "luukku report: --by: 'month' is not topic, hour or weekday"
expect 0 "a grouping that is" lk report walk-in --by weekday --csv
contains "grouped by weekday" "$(echo "$OUT" | head -1)" "weekday"

# Two ways that exclude each other
expect 2 "keep and take the losing value" lk conflicts settle x --keep --take-losing
same "names --keep" "$ERR" "luukku conflicts settle: --keep: choose either --keep or --take-losing, not both"
expect 2 "withdrawn, then given" lk tym consent x --withdrawn --given
same "names --given" "$ERR" "luukku tym consent: --given: choose --given or --withdrawn, not both"
expect 3 "the same way twice is one way" lk conflicts settle nosuch --keep --keep
same "and reaches the store" "$ERR" "luukku conflicts settle: --id: no conflict nosuch"
expect 2 "no way at all, asked before the id" lk conflicts settle
same "says which ways" "$ERR" "luukku conflicts settle: --keep: say --keep or --take-losing"

# Unknown options and missing values
expect 2 "an unknown option" lk staff list --bogus
same "named, with where to look" "$ERR" "luukku staff list: unknown option '--bogus' (see luukku --help)"
expect 2 "a value to a flag" lk point list --tsv=1
same "the whole word is named" "$ERR" "luukku point list: unknown option '--tsv=1' (see luukku --help)"
expect 2 "an abbreviation of two options" lk book --r x
same "is unknown" "$ERR" "luukku book: unknown option '--r' (see luukku --help)"
expect 2 "a value missing at the end" lk letter 0123456789abcdef0123456789abcdef --out
same "names the option" "$ERR" "luukku letter: option '--out' needs a value"
expect 2 "withdrawing has no --how" lk consent withdraw --client "$C" --kind tym --scope x --how oral
same "names --how, not its value" "$ERR" "luukku consent withdraw: unknown option '--how' (see luukku --help)"
expect 2 "a short option sync does not have" lk sync -x
same "named" "$ERR" "luukku sync: unknown option '-x' (see luukku --help)"

# Arguments
expect 2 "one argument too many" lk enrol a b c
same "the first extra one is named" "$ERR" "luukku enrol: unexpected argument 'c'"
expect 2 "sync -q takes no value" lk sync -q extra
same "so 'extra' is left over" "$ERR" "luukku sync: unexpected argument 'extra'"
expect 2 "too few" lk staff passwd
same "says so" "$ERR" "luukku staff passwd: too few arguments (see luukku --help)"
expect 2 "a query is needed" lk client find --tsv
same "names --query" "$ERR" "luukku client find: --query: what to search for? a name or an identity code"

# Abbreviations and --name=value reach the command
expect 0 "abbreviated --tsv" "$LUUKKU" hetu --ts 010594Y9032
same "as --tsv" "$OUT" "$(printf '1994-05-01\tM\ttemporary')"
expect 0 "abbreviated options with values" lk client find --lim=1 --t virtanen
same "one row" "$OUT" "$(printf '%s\tVirtanen, Matti\t010594Y****\tJoensuu' "$C")"
expect 0 "a negative N is an argument of workdays" lk workdays 2026-03-09 -5
same "five business days back" "$OUT" "2026-03-02"

done_testing
