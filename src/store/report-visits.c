/*
 * report-visits.c — where and how clients were met, for the municipalities'
 * cost sharing (report.h): visits at a point outside the client's home
 * municipality (001 §4.1, domain.md "Targets the areas report"), and the
 * channel mix of held meetings per home municipality.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "store/appointment.h"
#include "store/report-internal.h"

enum lk_status
lk_report_outside_home(struct lk_store *st, const struct lk_report_filter *f,
                       lk_outside_cb cb, void *ctx, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT p.id, p.name, m.id, m.name, sum(x.kind = 'a'), sum(x.kind = 'v') FROM ("
		"  SELECT a.point_id AS point_id, a.client_id AS client_id,"
		"   substr(a.start, 1, 10) AS day, 'a' AS kind FROM appointment a"
		"   WHERE a.status = 'done' AND a.channel IN ('face', 'remote-point')"
		"  UNION ALL SELECT v.point_id, v.client_id, substr(v.arrived, 1, 10), 'v'"
		"   FROM visit v WHERE v.client_id IS NOT NULL"
		" ) x JOIN service_point p ON p.id = x.point_id JOIN client c ON c.id = x.client_id"
		" JOIN municipality m ON m.id = c.municipality_id"
		" WHERE m.id <> p.municipality_id"
		" AND (?1 IS NULL OR x.day >= ?1) AND (?2 IS NULL OR x.day <= ?2)"
		" AND (?3 IS NULL OR p.id = ?3) AND (?4 IS NULL OR p.municipality_id = ?4 OR m.id = ?4)"
		" GROUP BY p.id, m.id ORDER BY p.name, p.id, m.name, m.id", err);
	if (s == NULL)
		return LK_EFAIL;
	lk_report_bind(s, f);
	struct lk_outside_row r;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		lk_col_text(s, 0, r.point_id, sizeof r.point_id);
		lk_col_text(s, 1, r.point_name, sizeof r.point_name);
		lk_col_text(s, 2, r.home_id, sizeof r.home_id);
		lk_col_text(s, 3, r.home, sizeof r.home);
		r.appointments = sqlite3_column_int64(s, 4);
		r.walk_ins = sqlite3_column_int64(s, 5);
		if (cb(&r, ctx))
			break;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lk_sql_err(st, err, "appointment");
	return LK_OK;
}

static int
channel_index(const char *channel)
{
	for (int i = 0; i < LK_REPORT_CHANNELS && lk_channels[i]; i++)
		if (strcmp(lk_channels[i], channel) == 0)
			return i;
	return -1;
}

enum lk_status
lk_report_channels(struct lk_store *st, const struct lk_report_filter *f, lk_channel_cb cb,
                   void *ctx, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT coalesce(m.id, ''), coalesce(m.name, ''), a.channel, count(*)"
		" FROM appointment a JOIN staff s ON s.id = a.staff_id"
		" LEFT JOIN client c ON c.id = a.client_id"
		" LEFT JOIN municipality m ON m.id = c.municipality_id"
		" WHERE a.status = 'done'"
		" AND (?1 IS NULL OR substr(a.start, 1, 10) >= ?1)"
		" AND (?2 IS NULL OR substr(a.start, 1, 10) <= ?2)"
		" AND (?3 IS NULL OR coalesce(a.point_id, s.home_point_id) = ?3)"
		" AND (?4 IS NULL OR m.id = ?4)"
		" GROUP BY m.id, a.channel ORDER BY m.id IS NULL, m.name, m.id", err);
	if (s == NULL)
		return LK_EFAIL;
	lk_report_bind(s, f);
	struct lk_channel_row r = { 0 };
	bool have = false, stop = false;
	int rc;
	for (;;) {
		rc = sqlite3_step(s);
		char muni[64] = "", channel[16] = "";
		if (rc == SQLITE_ROW) {
			lk_col_text(s, 0, muni, sizeof muni);
			lk_col_text(s, 2, channel, sizeof channel);
		}
		if (have && (rc != SQLITE_ROW || strcmp(muni, r.municipality_id))) {
			have = false;
			if ((stop = cb(&r, ctx) != 0))
				break;
		}
		if (rc != SQLITE_ROW)
			break;
		if (!have) {
			memset(&r, 0, sizeof r);
			snprintf(r.municipality_id, sizeof r.municipality_id, "%s", muni);
			lk_col_text(s, 1, r.municipality, sizeof r.municipality);
			have = true;
		}
		long count = sqlite3_column_int64(s, 3);
		int i = channel_index(channel);
		r.meetings += count;
		if (i >= 0)
			r.by_channel[i] += count;
	}
	sqlite3_finalize(s);
	if (!stop && rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lk_sql_err(st, err, "appointment");
	return LK_OK;
}
