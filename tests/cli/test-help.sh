# Every command answers --help with its usage (exit 0, before any database,
# role or secret); every report takes --tsv besides --csv; the scripts'
# habits: hetu --tsv ends its line, an unknown id exits 3.
. "$(dirname "$0")/lib.sh"

"$LUUKKU" --help >"$T/help" || not_ok "luukku --help exits 0"
awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ {
	name = substr($0, 3, 16); gsub(/ /, "", name); sub_ = ""
	if (substr($0, 20, 1) != " ") { sub_ = substr($0, 20); sub(/ .*/, "", sub_) }
	print name, sub_ }' "$T/help" >"$T/commands"
n=$(wc -l <"$T/commands")
[ "$n" -gt 40 ] && ok "luukku --help lists $n commands" || not_ok "luukku --help lists only $n commands"
while read -r name sub; do
	# No database at all: --help must not need one.
	expect 0 "luukku $name $sub --help" "$LUUKKU" --db "$T/none.db" $name $sub --help
	contains "its usage names it" "$OUT" "luukku $name${sub:+ $sub} "
	[ -z "$ERR" ] || not_ok "luukku $name $sub --help writes nothing on stderr: $ERR"
done <"$T/commands"
[ ! -e "$T/none.db" ] && ok "--help opened no database" || not_ok "--help created a database"
expect 0 "a command's usage in Finnish" "$LUUKKU" --lang fi book --help
contains "the heading in Finnish" "$OUT" "Käyttö:"
contains "the summary in Finnish" "$OUT" "varaa tapaaminen"
expect 0 "--help of a command with subcommands lists them all" "$LUUKKU" client --help
contains "client add" "$OUT" "luukku client add"
contains "client find" "$OUT" "luukku client find"
expect 2 "an unknown command is still refused" "$LUUKKU" frobnicate --help

# The list is grouped by task: finding a client comes before setting up.
first=$(head -1 "$T/commands")
same "the list starts with finding a client" "$first" "client find"
contains "groups have headings" "$(cat "$T/help")" "Meetings:"

# Reports: --tsv is --csv with tabs (machine codes, ISO dates).
lk init --area pohjois-karjala >/dev/null
C=$(lk client add --name "Virtanen, Matti" --job-search-start 2026-02-20)
S=$(lk staff add --name "Oja, Olli" --role caseworker --point joensuun-palvelupiste)
lk book --client "$C" --staff "$S" --kind alkuhaastattelu --at "2026-03-03 10:00" --minutes 60 \
	--channel face >/dev/null
for r in face-to-face walk-in caseload cadence tym integration outside-home channels feedback; do
	expect 0 "report $r --tsv" lk report "$r" --tsv
	tsv_head=$(printf '%s\n' "$OUT" | head -1)
	csv_head=$(lk report "$r" --csv | head -1 | tr -d '\r' | tr ',' '\t')
	same "report $r --tsv: the CSV columns, tab-separated" "$tsv_head" "$csv_head"
	case $tsv_head in *"	"*) ok "report $r --tsv has tabs" ;; *) not_ok "report $r --tsv has no tab" ;; esac
done
expect 2 "--csv and --tsv together are refused" lk report caseload --csv --tsv

expect 0 "hetu --tsv" lk hetu --tsv 010594Y9032
same "hetu --tsv ends its line" "$(lk hetu --tsv 010594Y9032 | tail -c 1 | od -An -c | tr -d ' ')" '\n'
expect 3 "audit of an unknown client exits 3" lk audit --client no-such-client
expect 3 "consent list of an unknown client exits 3" lk consent list --client no-such-client
expect 3 "agenda of an unknown staff member exits 3" lk agenda --staff no-such-staff
expect 3 "agenda of an unknown point exits 3" lk agenda --point no-such-point
expect 3 "the queue of an unknown point exits 3" lk piste queue --point no-such-point
contains "naming --point" "$ERR" "--point"
done_testing
