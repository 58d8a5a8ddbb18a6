# luukku demo: a deterministic area of synthetic people, temporary codes only.
. "$(dirname "$0")/lib.sh"

expect 0 "build a small demo area" "$LUUKKU" --db "$T/a.db" demo --area pohjois-karjala --clients 300 --seed 7
contains "it reports what it made" "$ERR" "300"
expect 0 "the same again" "$LUUKKU" --db "$T/b.db" demo --area pohjois-karjala --clients 300 --seed 7
dump() {
	sqlite3 "$1" "select id, surname, given_names, hetu, municipality_id, job_search_start from client order by id;
		select id, client_id, staff_id, kind, start, status from appointment order by id;
		select id, surname, role, home_point_id from staff order by id;
		select id, kind, point_id, host_id, start from event order by id;
		select id, client_id, signup_stamp, attendance from event_participant order by id;"
}
same "same seed, same database" "$(dump "$T/a.db" | md5sum)" "$(dump "$T/b.db" | md5sum)"
"$LUUKKU" --db "$T/c.db" demo --area pohjois-karjala --clients 300 --seed 8 2>/dev/null
[ "$(dump "$T/a.db" | md5sum)" != "$(dump "$T/c.db" | md5sum)" ] && ok "another seed, another area" \
	|| not_ok "another seed, another area"
same "300 clients" "$(sqlite3 "$T/a.db" 'select count(*) from client')" "300"
same "identity codes only from the temporary range 900–999" \
	"$(sqlite3 "$T/a.db" "select count(*) from client where hetu is null or cast(substr(hetu, 8, 3) as int) < 900")" "0"
bad=0
# 25 codes spread over the sorted range (the same 25 every run, so the
# runs of tests/compare.sh match).
for h in $(sqlite3 "$T/a.db" "select hetu from (select hetu, row_number() over (order by hetu) n from client) where n % 12 = 0"); do
	"$LUUKKU" hetu "$h" >/dev/null 2>&1 || bad=$((bad + 1))
done
same "every sampled code is valid" "$bad" "0"
same "staff at every staffed point of Pohjois-Karjala" \
	"$(sqlite3 "$T/a.db" "select count(distinct home_point_id) from staff")" "13"
same "Liperi staff serve Heinävesi (basic and TYM)" \
	"$(sqlite3 "$T/a.db" "select group_concat(s.role, ',') from staff_point sp join staff s on s.id = sp.staff_id
		where sp.point_id = 'heinaveden-palvelupiste' and s.home_point_id = 'liperin-palvelupiste'
		order by s.role")" "caseworker,tym-caseworker"
same "every service line is present" \
	"$(sqlite3 "$T/a.db" "select count(distinct service_line) from client")" "4"
same "TYM cases have their start team" \
	"$(sqlite3 "$T/a.db" "select count(*) from tym_case t where (select count(*) from tym_member m where m.case_id = t.id and m.team = 'start') < 3")" "0"
[ "$(sqlite3 "$T/a.db" "select count(*) from visit")" -gt 0 ] && ok "walk-in visits" || not_ok "walk-in visits"
same "events of every kind around today" \
	"$(sqlite3 "$T/a.db" "select group_concat(kind) from (select distinct kind from event order by kind)")" \
	"group,info,targeted"
same "no event clashes with a booking of its host" "$(sqlite3 "$T/a.db" "select count(*) from event e
	join appointment a on a.staff_id = e.host_id and a.status not in ('cancelled', 'no-show')
	and a.start < strftime('%Y-%m-%d %H:%M', e.start, '+' || e.minutes || ' minutes')
	and e.start < strftime('%Y-%m-%d %H:%M', a.start, '+' || a.minutes || ' minutes')")" "0"
[ "$(sqlite3 "$T/a.db" "select count(*) from event_participant where attendance is not null")" -gt 0 ] &&
	ok "held events have their attendance" || not_ok "held events have their attendance"
same "the desk is set to the main office" "$(sqlite3 "$T/a.db" "select value from meta where key = 'desk_point'")" \
	"joensuun-palvelupiste"
expect 0 "due lists compute for demo clients" "$LUUKKU" --db "$T/a.db" due --tsv \
	"$(sqlite3 "$T/a.db" "select id from client where job_search_start is not null limit 1")"
same "the list starts with the initial interview" "$(printf '%s\n' "$OUT" | head -n 1 | cut -f1)" \
	"alkuhaastattelu"
expect 4 "a demo into a database that has an area is refused" \
	"$LUUKKU" --db "$T/a.db" demo --area pohjois-karjala --clients 10 --seed 1
expect 2 "a bad client count is refused" "$LUUKKU" --db "$T/d.db" demo --clients many
contains "naming --clients" "$ERR" "--clients"
done_testing
