# An imported register reaches the other desks: `import staff` and `import
# clients` on desk a are one captured transaction each, and after a sync
# desk b and the node hold the same staff, points and clients; a later
# field-by-field re-import travels as just the changed fields.
. "$(dirname "$0")/lib.sh"

expect 0 "the node's store is made like a desk's" lkd init --area pohjois-karjala
node_start
desk a; desk b
sync a b

printf 'user_id;name;role;home_point;points\nliisa-testi;Testinen, Liisa;admin;joensuun-palvelupiste;joensuun-palvelupiste:80 kontiolahden-palvelupiste:20:3\n' >"$T/staff.csv"
expect 0 "desk a imports the staff" on a import staff "$T/staff.csv"
printf '\357\273\277hetu;surname;given_names;municipality;job_search_start;caseworker;phone\r\n010190-901R;Testinen;"Aino; Maija";167;2.3.2026;liisa-testi;040 1\r\n150585-902R;Koe;Kalle;Liperi;1.2.2026;;\r\n' >"$T/clients.csv"
expect 0 "desk a imports the clients" on a import clients "$T/clients.csv"
same "added" "$OUT" "added 2, updated 0 (changed fields: 0), unchanged 0"
sync a b
for d in b node; do
	same "the clients reached $d" \
		"$(q $d "select hetu, surname, given_names, municipality_id, job_search_start, coalesce(caseworker_id, '-') from client order by hetu")" \
		"010190-901R|Testinen|Aino; Maija|joensuu|2026-03-02|liisa-testi
150585-902R|Koe|Kalle|liperi|2026-02-01|-"
	same "the staff and their points reached $d" \
		"$(q $d "select staff_id, point_id, percent, weekdays from staff_point where staff_id = 'liisa-testi' order by 2")" \
		"liisa-testi|joensuun-palvelupiste|80|12345
liisa-testi|kontiolahden-palvelupiste|20|3"
	same "the import's audit row reached $d" "$(q $d "select count(*) from audit where action = 'import'")" "2"
done

# Re-import with one changed field: only that field travels and merges.
printf 'hetu;phone\n010190-901R;040 2\n150585-902R;\n' >"$T/update.csv"
expect 0 "desk a re-imports one changed phone" on a import clients "$T/update.csv"
same "one field" "$OUT" "added 0, updated 1 (changed fields: 1), unchanged 1"
on b client set "$(q b "select id from client where hetu = '010190-901R'")" --email aino@example.fi >/dev/null
sync a b a
for d in a b node; do
	same "both fields on $d" "$(q $d "select phone, email from client where hetu = '010190-901R'")" "040 2|aino@example.fi"
done
same "desks equal the node" "$(content "$T/a.db") $(content "$T/b.db")" "$(content "$NODE_DB") $(content "$NODE_DB")"
same "outboxes are empty" "$(q a 'select count(*) from outbox')$(q b 'select count(*) from outbox')" "00"
node_stop
done_testing
