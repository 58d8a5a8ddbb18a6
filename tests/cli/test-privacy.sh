# A client's questions and forgetting on time: luukku audit, export, purge.
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
S=$(lk staff add --name "Mäkelä, Liisa" --role caseworker --point joensuun-palvelupiste)
C=$(lk client add --name "Virtanen, Matti" --hetu 010594Y9032 --phone "040 1" --job-search-start 2026-02-20 \
	--plain-language yes)
printf '[desk]\nstaff = %s\n' "$S" > "$T/desk.ini"

expect 0 "nobody has looked yet" lk audit --client "$C" --tsv
same "an empty trail" "$OUT" ""
"$LUUKKU" --db "$DB" --config "$T/desk.ini" client show "$C" >/dev/null
expect 0 "after the card was opened" lk audit --client "$C" --tsv
same "who and what" "$(echo "$OUT" | cut -f2-4)" "$(printf '%s\tMäkelä Liisa\topen-card' "$S")"
same "when" "$(echo "$OUT" | cut -f1)" "2026-03-02 09:00"

lk book --client "$C" --staff "$S" --kind alkuhaastattelu --at "2026-03-03 10:00" --minutes 60 --channel face >/dev/null
expect 0 "export to a file" "$LUUKKU" --db "$DB" --config "$T/desk.ini" export --client "$C" --out "$T/matti.json"
same "the file is the reader's alone" "$(stat -c %a "$T/matti.json")" "600"
# python3 reads it back (python3 is a test dependency, as in test-consent.sh).
same "valid JSON with the client (needs plain language) and the booking" \
	"$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["client"]["surname"], d["client"]["hetu"], d["client"]["plain_language"], len(d["appointments"]), d["audit"][0]["action"])' "$T/matti.json")" \
	"Virtanen 010594Y9032 1 1 open-card"
same "the export is audited" "$(sql "select action from audit where client_id = '$C' order by at, rowid" | tail -1)" "export"
expect 2 "an export never replaces a file" lk export --client "$C" --out "$T/matti.json"
contains "naming --out" "$ERR" "--out"
expect 3 "export of an unknown client" lk export --client 0123456789abcdef0123456789abcdef --out "$T/x.json"
[ -e "$T/x.json" ] && not_ok "no file left behind" || ok "no file left behind"
expect 2 "audit needs a client" lk audit

# Retention: visits older than the limit become counts, and the rows go
# through the outbox (so sync removes them from the node).
sql "insert into visit(id, point_id, topic, arrived, outcome) values
	('v1', 'joensuun-palvelupiste', 'digi', '2023-01-10 10:00', 'served'),
	('v2', 'joensuun-palvelupiste', 'digi', '2023-01-10 11:00', 'served'),
	('v3', 'joensuun-palvelupiste', 'tyonhaku', '2023-01-11 10:00', 'served'),
	('v4', 'joensuun-palvelupiste', 'digi', '2026-01-15 10:00', 'served')"
expect 0 "a dry run" lk purge --dry-run
contains "says what it would do" "$OUT" "3"
same "and changes nothing" "$(sql "select count(*) from visit")" "4"
outbox=$(sql "select count(*) from outbox")
expect 0 "purge with the default 24 months" lk purge
same "old visits gone, the recent one kept" "$(sql "select group_concat(id) from visit")" "v4"
same "counts per point, day and topic" "$(sql "select day, topic, visits from visit_count order by day, topic")" \
	"$(printf '2023-01-10|digi|2\n2023-01-11|tyonhaku|1')"
same "the purge went to the outbox" "$(sql "select count(*) from outbox")" "$((outbox + 1))"
expect 2 "a bad month count is refused" lk purge --visit-months 0
contains "naming --visit-months" "$ERR" "--visit-months"
printf '[retention]\nvisit_months = 1\n' > "$T/ret.ini"
expect 0 "[retention] visit_months of the config" "$LUUKKU" --db "$DB" --config "$T/ret.ini" purge
same "now the recent one goes too" "$(sql "select count(*) from visit")" "0"
done_testing
