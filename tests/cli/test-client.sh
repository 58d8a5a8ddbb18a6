# luukku init, staff add, client add/set/find/show: the register through the CLI.
. "$(dirname "$0")/lib.sh"

expect 0 "init an area" lk init --area pohjois-karjala
expect 4 "a second init is refused" lk init --area pohjois-karjala
expect 2 "an unknown area is refused naming the field" "$LUUKKU" --db "$T/other.db" init --area lappi
contains "field named" "$ERR" "--area"
[ -e "$T/other.db" ] && not_ok "no file for a refused init" || ok "no file for a refused init"
same "file mode 0600" "$(stat -c %a "$DB")" "600"
expect 0 "point list" lk point list --tsv
same "13 points of Pohjois-Karjala" "$(echo "$OUT" | wc -l)" "13"
contains "Heinävesi served from Liperi" "$OUT" "$(printf 'heinaveden-palvelupiste\tHeinäveden palvelupiste\tHeinävesi\tpoint\tKermanrannantie 7\t1.3\tliperin-palvelupiste\tbasic+tym')"

expect 0 "add a caseworker" lk staff add --name "Mäkelä, Liisa" --role caseworker --point joensuun-palvelupiste
STAFF=$OUT
expect 2 "an unknown role is refused" lk staff add --name "Ojala, Eeva" --role boss --point joensuun-palvelupiste
contains "naming --role" "$ERR" "--role"
expect 3 "an unknown point is not found" lk staff add --name "Ojala, Eeva" --role caseworker --point nowhere
expect 0 "staff list" lk staff list --tsv
same "one staff member" "$(echo "$OUT" | cut -f2)" "Mäkelä, Liisa"

expect 0 "add a client" lk client add --name "Virtanen, Matti Juhani" --hetu 010594Y9032 \
	--municipality Joensuu --job-search-start 2026-02-20 --phone "040 1234567" --lang fi
C1=$OUT
same "the id alone, 32 hex" "$(echo "$C1" | grep -cE '^[0-9a-f]{32}$')" "1"
expect 0 "the same birth date with '-' is another person" \
	lk client add --name "Virtanen, Matti" --hetu 010594-9032
C2=$OUT
expect 4 "the same identity code twice is refused" lk client add --name "Kopio, Matti" --hetu 010594Y9032
contains "naming --hetu" "$ERR" "--hetu"
before=$(sql "select count(*) from client; select count(*) from outbox")
expect 2 "a bad identity code is refused" lk client add --name "Laine, Anna" --hetu 010594Y9033
contains "naming --hetu" "$ERR" "--hetu"
expect 2 "a name without a comma is refused" lk client add --name "Anna Laine"
contains "naming --name" "$ERR" "--name"
expect 2 "an impossible date is refused" lk client add --name "Laine, Anna" --job-search-start 2026-02-29
contains "naming --job-search-start" "$ERR" "--job-search-start"
expect 2 "an unknown municipality is refused" lk client add --name "Laine, Anna" --municipality Oulu
contains "naming --municipality" "$ERR" "--municipality"
expect 2 "an over-long address is refused" lk client add --name "Laine, Anna" --address "$(printf '%0300d' 0)"
contains "naming --address" "$ERR" "--address"
expect 2 "an unknown option is refused" lk client add --name "Laine, Anna" --shoe-size 44
same "bad input changed nothing" "$(sql "select count(*) from client; select count(*) from outbox")" "$before"

expect 0 "find by name parts in any order" lk client find --tsv mat virt
same "both Virtanens, masked codes" "$(echo "$OUT" | cut -f2,3 | sort)" \
	"$(printf 'Virtanen, Matti\t010594-****\nVirtanen, Matti Juhani\t010594Y****')"
expect 0 "find case-insensitively by a given name" lk client find --tsv JUHANI
same "one match" "$(echo "$OUT" | cut -f1)" "$C1"
expect 0 "find by a full identity code" lk client find --tsv 010594-9032
same "exactly the '-' one" "$(echo "$OUT" | cut -f1)" "$C2"
expect 0 "find by a birth date" lk client find --tsv 010594
same "both born 1.5.1994" "$(echo "$OUT" | wc -l)" "2"
expect 0 "a search matching nobody" lk client find --tsv Korhonen
same "prints nothing" "$OUT" ""

expect 0 "set changes only the given field" lk client set "$C1" --phone "050 7654321"
same "phone changed, rest kept" "$(sql "select phone, municipality_id, job_search_start from client where id = '$C1'")" \
	"050 7654321|joensuu|2026-02-20"
expect 0 "set a caseworker" lk client set "$C1" --caseworker "$STAFF"
expect 3 "set of an unknown client" lk client set 0123456789abcdef0123456789abcdef --phone 040
expect 3 "an unknown caseworker" lk client set "$C1" --caseworker 0123456789abcdef0123456789abcdef
expect 0 "set can clear a field" lk client set "$C1" --phone ""
same "phone cleared" "$(sql "select coalesce(phone, 'NULL') from client where id = '$C1'")" "NULL"
expect 0 "a rename is found by the new name" lk client set "$C2" --name "Virtanen, Matias"
expect 0 "search the new name" lk client find --tsv matias
same "found" "$(echo "$OUT" | cut -f1)" "$C2"

expect 0 "show a client card" lk client show --tsv "$C1"
contains "masked identity code" "$OUT" "$(printf 'hetu\t010594Y****')"
contains "ISO job-search start" "$OUT" "$(printf 'job-search-start\t2026-02-20')"
same "opening the card is audited" "$(sql "select action from audit where client_id = '$C1'")" "open-card"
sqlite3 "$DB" "update audit set action = 'x'; delete from audit" 2>"$T/err"
contains "the audit trail refuses updates" "$(cat "$T/err")" "append-only"
same "and the row stands" "$(sql "select count(*) from audit where action = 'open-card'")" "1"

# Plain language (selkokieli): set, shown, unset; a bad value writes nothing.
same "not needed unless set" "$(sql "select plain_language from client where id = '$C1'")" "0"
contains "shown as no" "$OUT" "$(printf 'plain-language\tno')"
expect 0 "a client who needs plain language" lk client set "$C1" --plain-language yes
same "stored" "$(sql "select plain_language from client where id = '$C1'")" "1"
expect 0 "shown" lk client show --tsv "$C1"
contains "as yes" "$OUT" "$(printf 'plain-language\tyes')"
LUUKKU_LANG=en expect 0 "shown to people" lk client show "$C1"
contains "a line of its own" "$OUT" "Plain language         yes"
before=$(sql "select count(*) from client; select count(*) from outbox; select plain_language from client where id = '$C1'")
expect 2 "a value that is not yes or no" lk client set "$C1" --plain-language maybe
contains "naming --plain-language" "$ERR" "--plain-language"
contains "saying what will do" "$ERR" "no, yes"
expect 2 "nor on add" lk client add --name "Laine, Anna" --plain-language 1
contains "naming --plain-language" "$ERR" "--plain-language"
same "nothing written" "$(sql "select count(*) from client; select count(*) from outbox; select plain_language from client where id = '$C1'")" "$before"
expect 0 "unset" lk client set "$C1" --plain-language no
same "stored as 0" "$(sql "select plain_language from client where id = '$C1'")" "0"
expect 0 "added with it" lk client add --name "Selkonen, Seija" --plain-language yes
same "stored on add" "$(sql "select plain_language from client where id = '$OUT'")" "1"
expect 0 "an empty value clears it" lk client set "$OUT" --plain-language ""
same "back to 0" "$(sql "select plain_language from client where surname = 'Selkonen'")" "0"
expect 3 "show an unknown client" lk client show 0123456789abcdef0123456789abcdef
expect 3 "a missing database is not found" "$LUUKKU" --db "$T/none.db" client find x
done_testing
