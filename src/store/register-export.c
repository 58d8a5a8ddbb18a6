/*
 * register-export.c — one query per register whose columns, all text, are
 * the export's columns in order (register-export.h). The clients' and
 * staff's columns are those of import-clients.c and import-staff.c, each
 * in the form the import reads back to the same stored value: the
 * municipality by name, dates in ISO, plain_language yes/no, served
 * points "POINT:PERCENT[:WEEKDAYS]" in point order.
 */
#include <stdio.h>

#include "store/register-export.h"
#include "store/store-internal.h"

#define MAX_COLS 16

static const struct {
	const char *columns[MAX_COLS];
	const char *sql;   /* ?1, ?2: from and to (ISO or NULL) */
} registers[] = {
	[LK_REG_CLIENTS] = {
		{ "id", "hetu", "surname", "given_names", "municipality", "language", "service_line",
		  "job_search_start", "job_search_end", "caseworker", "phone", "email", "address",
		  "interpreter", "plain_language" },
		"SELECT c.id, c.hetu, c.surname, c.given_names, m.name, c.lang, c.service_line,"
		" c.job_search_start, c.job_search_end, c.caseworker_id, c.phone, c.email, c.address,"
		" c.interpreter_lang, CASE c.plain_language WHEN 1 THEN 'yes' ELSE 'no' END"
		" FROM client c LEFT JOIN municipality m ON m.id = c.municipality_id"
		" WHERE ?1 IS NULL OR ?2 IS NULL OR 1"
		" ORDER BY c.surname, c.given_names, c.id",
	},
	[LK_REG_STAFF] = {
		{ "user_id", "name", "role", "organisation", "home_point", "points" },
		"SELECT s.id, s.surname || ', ' || s.given_names, s.role, s.organisation,"
		" s.home_point_id, (SELECT group_concat(x, ' ') FROM (SELECT sp.point_id || ':' ||"
		"   sp.percent || CASE WHEN sp.weekdays = '12345' THEN '' ELSE ':' || sp.weekdays END"
		"   AS x FROM staff_point sp WHERE sp.staff_id = s.id ORDER BY sp.point_id))"
		" FROM staff s WHERE ?1 IS NULL OR ?2 IS NULL OR 1 ORDER BY s.id",
	},
	[LK_REG_APPOINTMENTS] = {
		{ "id", "date", "time", "minutes", "kind", "channel", "status", "point",
		  "point_municipality", "client", "client_municipality", "staff", "interpreter" },
		"SELECT a.id, substr(a.start, 1, 10), substr(a.start, 12, 5), a.minutes, a.kind,"
		" a.channel, a.status, a.point_id, pm.name, a.client_id, cm.name, a.staff_id,"
		" a.interpreter FROM appointment a"
		" LEFT JOIN service_point p ON p.id = a.point_id"
		" LEFT JOIN municipality pm ON pm.id = p.municipality_id"
		" LEFT JOIN client c ON c.id = a.client_id"
		" LEFT JOIN municipality cm ON cm.id = c.municipality_id"
		" WHERE (?1 IS NULL OR substr(a.start, 1, 10) >= ?1)"
		" AND (?2 IS NULL OR substr(a.start, 1, 10) <= ?2) ORDER BY a.start, a.id",
	},
	[LK_REG_VISITS] = {
		{ "id", "date", "time", "point", "point_municipality", "topic", "outcome", "minutes",
		  "staff" },
		"SELECT v.id, substr(v.arrived, 1, 10), substr(v.arrived, 12, 5), v.point_id, m.name,"
		" v.topic, v.outcome, v.minutes, v.staff_id FROM visit v"
		" LEFT JOIN service_point p ON p.id = v.point_id"
		" LEFT JOIN municipality m ON m.id = p.municipality_id"
		" WHERE (?1 IS NULL OR substr(v.arrived, 1, 10) >= ?1)"
		" AND (?2 IS NULL OR substr(v.arrived, 1, 10) <= ?2) ORDER BY v.arrived, v.id",
	},
};

enum lk_status
lk_register_export(struct lk_store *st, enum lk_register which, lk_date from, lk_date to,
                   lk_register_cb cb, void *ctx, long *rows, struct lk_err *err)
{
	*rows = 0;
	int n = 0;
	while (n < MAX_COLS && registers[which].columns[n])
		n++;
	if (cb(registers[which].columns, n, ctx))
		return LK_OK;
	sqlite3_stmt *s = lk_prepare(st, registers[which].sql, err);
	if (s == NULL)
		return LK_EFAIL;
	lk_bind_date(s, 1, from);
	lk_bind_date(s, 2, to);
	const char *cells[MAX_COLS];
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++) {
			const unsigned char *t = sqlite3_column_text(s, i);
			cells[i] = t ? (const char *)t : "";
		}
		(*rows)++;
		if (cb(cells, n, ctx))
			break;
	}
	enum lk_status out = rc == SQLITE_ROW || rc == SQLITE_DONE ? LK_OK
	                   : lk_sql_err(st, err, "export");
	sqlite3_finalize(s);
	return out;
}
