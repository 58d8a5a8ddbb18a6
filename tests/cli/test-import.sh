# luukku import clients|staff and export-register: the files a Finnish office
# has (BOM, ';', d.m.yyyy, CRLF, quoted cells, Windows-1252 refused), all
# rows or none with every bad row named by line and column and the tables
# untouched, field-by-field updates, the same file twice changing nothing,
# and export -> import -> export byte-identical. Synthetic people; identity
# codes only from the temporary range 900-999.
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
# hashes — the register's tables and the outbox, as the sqlite3 shell sees them.
hashes() {
	for t in client staff staff_point outbox; do
		sql "SELECT * FROM $t ORDER BY 1, 2" | md5sum | cut -c1-12
	done | tr '\n' ' '
}
crlf() { sed 's/$/\r/'; }
BOM=$(printf '\357\273\277')

# Staff first: the clients' caseworker column names a user id.
cat >"$T/staff.csv" <<'X'
user_id;name;role;organisation;home point;points
liisa-testi;Testinen, Liisa;caseworker;;joensuun-palvelupiste;joensuun-palvelupiste:60 kontiolahden-palvelupiste:40:24
OLLI-KOE;Koe, Olli;lead;area;Liperin palvelupiste;
X
expect 0 "import staff" lk import staff "$T/staff.csv"
same "two added" "$OUT" "added 2, updated 0 (changed fields: 0), unchanged 0"
same "user ids folded to lower case, home point by name" \
	"$(sql "select id, surname, given_names, role, organisation, home_point_id from staff order by id")" \
	"liisa-testi|Testinen|Liisa|caseworker|area|joensuun-palvelupiste
olli-koe|Koe|Olli|lead|area|liperin-palvelupiste"
same "served points with percentages and weekdays; a member without points serves home 100 %" \
	"$(sql "select staff_id, point_id, percent, weekdays from staff_point order by 1, 2")" \
	"liisa-testi|joensuun-palvelupiste|60|12345
liisa-testi|kontiolahden-palvelupiste|40|24
olli-koe|liperin-palvelupiste|100|12345"
expect 0 "the same staff file again" lk import staff "$T/staff.csv"
same "changes nothing" "$OUT" "added 0, updated 0 (changed fields: 0), unchanged 2"

# Finnish Excel: BOM, ';', d.m.yyyy, CRLF, a quoted name holding ';', the
# municipality as a name or an official number, columns in any order.
{ printf '%s' "$BOM"; crlf <<'X'
surname;given_names;hetu;municipality;job_search_start;job_search_end;language;service_line;caseworker;phone;email;address;interpreter;plain_language
Testinen;"Aino; Maija";010190-901R;167;2.3.2026;;fi;tyonvalitys;liisa-testi;040 1234567;aino@example.fi;Koulukatu 5 A 3;;ei
Koe;Kalle;150585-902R;Liperi;1.2.2026;31.12.2026;sv;tuettu;;+358 40 7654321;;;;kyllä
Åström;Åsa;311299-903B;Outokumpu;2026-01-15;;en;koto;OLLI-KOE;;;;ar;no
X
} >"$T/excel.csv"
before=$(hashes)
expect 0 "a dry run of the Excel file" lk import clients --dry-run "$T/excel.csv"
dry=$OUT
contains "says so" "$OUT" "dry run: nothing was written"
same "the dry run wrote nothing" "$(hashes)" "$before"
n0=$(sql "select count(*) from outbox")
expect 0 "import the Excel file" lk import clients "$T/excel.csv"
same "the same summary as the dry run" "$OUT
dry run: nothing was written" "$dry"
same "three added" "$OUT" "added 3, updated 0 (changed fields: 0), unchanged 0"
same "every field as the file says, dates in ISO, the municipality by its number" \
	"$(sql "select hetu, surname, given_names, municipality_id, job_search_start, coalesce(job_search_end, '-'),
		lang, service_line, coalesce(caseworker_id, '-'), coalesce(phone, '-'), coalesce(interpreter_lang, '-'),
		plain_language from client order by hetu")" \
	"010190-901R|Testinen|Aino; Maija|joensuu|2026-03-02|-|fi|tyonvalitys|liisa-testi|040 1234567|-|0
150585-902R|Koe|Kalle|liperi|2026-02-01|2026-12-31|sv|tuettu|-|+358 40 7654321|-|1
311299-903B|Åström|Åsa|outokumpu|2026-01-15|-|en|koto|olli-koe|-|ar|0"
same "one transaction: one outbox entry holding the rows and the audit row" \
	"$(($(sql "select count(*) from outbox") - n0))" "1"
same "audited: who imported how many rows" \
	"$(sql "select action, detail from audit where action = 'import' and detail like 'clients%'")" \
	"import|clients: 3 rows, 3 added, 0 updated (0 fields), 0 unchanged"

after=$(hashes | cut -d' ' -f1-3)
expect 0 "the same file twice" lk import clients "$T/excel.csv"
same "adds and changes nothing" "$OUT" "added 0, updated 0 (changed fields: 0), unchanged 3"
same "the register is as it was" "$(hashes | cut -d' ' -f1-3)" "$after"

# Field by field: an empty cell leaves the field as it is; hetu matches exactly.
printf 'hetu,phone,email,address\n010190-901R,040 999,,\n150585-902R,+358 40 7654321,kalle@example.fi,\n' >"$T/update.csv"
expect 0 "a dry run of an update" lk import clients --dry-run "$T/update.csv"
same "counts the changed fields" "$OUT" "added 0, updated 2 (changed fields: 2), unchanged 0
dry run: nothing was written"
expect 0 "the update, comma-separated, LF" lk import clients "$T/update.csv"
same "the same summary" "$OUT" "added 0, updated 2 (changed fields: 2), unchanged 0"
same "changed fields changed, empty cells kept" \
	"$(sql "select phone, email, address from client where hetu = '010190-901R'")" \
	"040 999|aino@example.fi|Koulukatu 5 A 3"
printf 'hetu;phone\n010190+901R;040 1\n' >"$T/century.csv"
expect 2 "another century sign is another person: a new row needs a name" \
	lk import clients "$T/century.csv"
contains "names the line and column" "$ERR" "line 2, column surname: a new client needs both surname and given_names"

# Every kind of bad row, in one file: each listed with its line and column,
# nothing written. Line 9's name holds ';' and a line break inside quotes,
# so the next row starts on line 11.
printf 'hetu;surname;given_names;municipality;job_search_start;caseworker;address;language;email\n' >"$T/bad.csv"
{
	printf '010190-901X;Virhe;Väinö;Joensuu;;;;;\n'                 # 2: check character
	printf '121212-907S;Virhe;Veikko;Joensuu;31.2.2026;;;;\n'       # 3: no such date
	printf '030303-908D;Virhe;Ville;Helsinki;;;;;\n'                # 4: not in this area
	printf '040404-9095;Virhe;"Ta\tb";Joensuu;;;;;\n'               # 5: a control character
	printf '010101A904V;Virh\377e;Vera;Joensuu;;;;;\n'              # 6: broken UTF-8
	printf '020304A905X;Virhe;Vesa;Joensuu;;;Asuu 010594Y9065 luona;;\n'  # 7: an identity code in free text
	printf ';Virhe;Valtteri;Joensuu;;;;;\n'                         # 8: no identity code
	printf '010594Y9065;"Virhe; Rivi\nkaksi";Viivi;Joensuu;;;;;\n'  # 9-10: ';' and a line break
	printf '121212-907S;Virhe;Vappu;Joensuu;;nobody;;;\n'           # 11: no such caseworker
	printf '010190-901R;;;;;;;f1;\n'                                # 12: not a language code
	printf '010190-901R;;;;;;;;not-an-address\n'                    # 13: not an e-mail
} >>"$T/bad.csv"
before=$(hashes)
expect 2 "a file with bad rows is refused whole" lk import clients "$T/bad.csv"
for want in \
	"line 2, column hetu: '010190-901X' is not a valid identity code: check character does not match" \
	"line 3, column job_search_start: '31.2.2026' is not a date" \
	"line 4, column municipality: no municipality 'Helsinki' in this area" \
	"line 5, column given_names: contains a control character" \
	"line 6, column surname: not valid UTF-8 text" \
	"line 7, column address: holds something shaped like an identity code" \
	"line 8, column hetu: no identity code; a client without one is added only with --allow-without-hetu" \
	"line 9, column surname: contains a control character" \
	"line 11, column caseworker: no staff member 'nobody'" \
	"line 12, column language: 'f1' is not a language code" \
	"line 13, column email: 'not-an-address' is not an e-mail address"; do
	contains "refused: ${want%%:*}" "$ERR" "$want"
done
contains "the count" "$ERR" "11 problems on 11 of 11 rows (11 listed); nothing was imported"
same "nothing written: client, staff, staff_point, outbox" "$(hashes)" "$before"
printf 'hetu;phone\n010190-901R;1\n010190-901R;2\n' >"$T/twice.csv"
expect 2 "the same client twice in one file" lk import clients "$T/twice.csv"
contains "names the first line" "$ERR" "line 3, column hetu: the same client as on line 2"

# Past the limit the problems are counted, not listed.
{ printf 'hetu;surname;given_names\n'; i=0; while [ $i -lt 70 ]; do printf 'x%d;A;B\n' $i; i=$((i + 1)); done; } >"$T/many.csv"
expect 2 "70 bad rows" lk import clients "$T/many.csv"
same "50 listed, then the count" "$(echo "$ERR" | grep -c 'line [0-9]*, column hetu')" "50"
contains "counted" "$ERR" "70 problems on 70 of 70 rows (50 listed); nothing was imported"

# The header: unknown and repeated columns are refused, naming them.
printf 'hetu;sukunimi;surname;surname\n' >"$T/header.csv"
expect 2 "an unknown column" lk import clients "$T/header.csv"
contains "names it and lists the known" "$ERR" "line 1, column sukunimi: unknown column; the columns are: id, hetu, surname"
contains "a column named twice" "$ERR" "line 1, column surname: the column is named twice"
printf 'hetu;surname\n"010190-901R;Auki\n' >"$T/quote.csv"
expect 2 "a quote never closed" lk import clients "$T/quote.csv"
contains "names its line" "$ERR" "line 2: a quote opened here is never closed"

# Windows-1252 (Excel's older "CSV"): refused whole, saying how to save as UTF-8.
printf 'hetu;surname;given_names\r\n040404-9095;M\344kel\344;\326rjan\r\n' >"$T/cp1252.csv"
before=$(hashes)
expect 2 "a Windows-1252 file" lk import clients "$T/cp1252.csv"
contains "named as such" "$ERR" "most likely Windows-1252"
contains "says how to save it" "$ERR" "CSV UTF-8 (comma delimited)"
same "nothing written" "$(hashes)" "$before"
printf '\377\376h\000e\000' >"$T/utf16.csv"
expect 2 "a UTF-16 file" lk import clients "$T/utf16.csv"
contains "named as such" "$ERR" "UTF-16"

# Without an identity code only when allowed; then matched by id on re-import.
printf 'surname;given_names;municipality\nIlman;Tunnusta;Kitee\n' >"$T/nohetu.csv"
expect 0 "--allow-without-hetu adds a client without one" lk import clients --allow-without-hetu "$T/nohetu.csv"
same "added" "$OUT" "added 1, updated 0 (changed fields: 0), unchanged 0"

# Formula guard: cells that a spreadsheet would run get an apostrophe.
X=$(sql "select id from client where hetu = '311299-903B'")
lk client set "$X" --address "=HYPERLINK(\"x\")" >/dev/null
expect 0 "export the clients" lk export-register clients --out "$T/out1.csv"
contains "a formula is written as text" "$(cat "$T/out1.csv")" "'=HYPERLINK(\"\"x\"\")"
contains "a phone with + too" "$(cat "$T/out1.csv")" "'+358 40 7654321"
contains "starts with a BOM and the columns" "$(head -c 20 "$T/out1.csv")" "${BOM}id;hetu;surname"
same "CRLF line ends" "$(head -1 "$T/out1.csv" | od -c | grep -c '\\r')" "1"

# Round trip: export -> import -> export, byte for byte.
after=$(hashes | cut -d' ' -f1-3)
expect 0 "the export imports back" lk import clients "$T/out1.csv"
same "unchanged, every one (the one without an identity code by its id)" "$OUT" \
	"added 0, updated 0 (changed fields: 0), unchanged 4"
same "the register is as it was" "$(hashes | cut -d' ' -f1-3)" "$after"
expect 0 "export again" lk export-register clients --out "$T/out2.csv"
if cmp -s "$T/out1.csv" "$T/out2.csv"; then ok "byte-identical round trip"; else not_ok "byte-identical round trip"; fi
expect 0 "export the staff" lk export-register staff --out "$T/staff1.csv"
expect 0 "the staff export imports back" lk import staff "$T/staff1.csv"
same "unchanged" "$OUT" "added 0, updated 0 (changed fields: 0), unchanged 2"
lk export-register staff --out "$T/staff2.csv"
if cmp -s "$T/staff1.csv" "$T/staff2.csv"; then ok "staff round trip byte-identical"; else not_ok "staff round trip byte-identical"; fi
same "staff columns" "$(sed -n 3p "$T/staff1.csv" | tr -d '\r')" "olli-koe;Koe, Olli;lead;area;liperin-palvelupiste;liperin-palvelupiste:100"

# Staff refusals.
printf 'user_id;name;role;home_point;points\nbad id;Koe;boss;nowhere;joensuun-palvelupiste:120\n' >"$T/badstaff.csv"
before=$(hashes)
expect 2 "a bad staff row" lk import staff "$T/badstaff.csv"
for want in "line 2, column user_id: 'bad id' is not a user id" \
	"line 2, column name: write the name as \"Surname, Given names\"" \
	"line 2, column role: 'boss' is not one of" \
	"line 2, column home_point: no service point 'nowhere'" \
	"line 2, column points: 'joensuun-palvelupiste' is not POINT:PERCENT"; do
	contains "refused: ${want#line 2, column }" "$ERR" "$want"
done
same "nothing written" "$(hashes)" "$before"

# The monthly figures: one row per appointment or visit, ISO dates, no names.
A=$(lk book --client "$X" --staff liisa-testi --kind alkuhaastattelu --at "2026-03-03 10:00" \
	--minutes 60 --channel face --point joensuun-palvelupiste)
lk piste log --point joensuun-palvelupiste --topic digi --minutes 10 >/dev/null
expect 0 "export the appointments of March" lk export-register appointments --from 2026-03-01 --to 2026-03-31
same "one row per appointment, ISO date, ids not names" "$(echo "$OUT" | tr -d '\r' | sed "s/^$BOM//")" \
	"id;date;time;minutes;kind;channel;status;point;point_municipality;client;client_municipality;staff;interpreter
$A;2026-03-03;10:00;60;alkuhaastattelu;face;scheduled;joensuun-palvelupiste;Joensuu;$X;Outokumpu;liisa-testi;"
expect 0 "export the visits" lk export-register visits
same "one row per visit, without who the visitor was" "$(echo "$OUT" | tr -d '\r' | sed "s/^$BOM//" | cut -d';' -f2-)" \
	"date;time;point;point_municipality;topic;outcome;minutes;staff
2026-03-02;09:00;joensuun-palvelupiste;Joensuu;digi;served;10;"
expect 0 "nothing before February" lk export-register appointments --to 2026-01-31
same "just the header" "$(echo "$OUT" | wc -l)" "1"
same "exports are audited" "$(sql "select detail from audit where action = 'export-register' order by at, rowid" | head -1)" \
	"clients: 4 rows"
expect 0 "--help lists the new commands" "$LUUKKU" --help
contains "import clients" "$(printf "%s\n" "$OUT" | tr -s " ")" " import clients "
contains "export-register" "$OUT" "export-register"
done_testing
