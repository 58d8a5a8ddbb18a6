/*
 * report-events.c — the events report (report-events.h): one grouped
 * query over the events and the derived states of their lists
 * (event_participant_state, 015_event.sql).
 */
#include <string.h>

#include "report/report-events.h"
#include "report/report-internal.h"

struct run {
	lk_events_cb cb;
	void *ctx;
};

static int
row(sqlite3_stmt *s, void *vrun)
{
	struct run *run = vrun;
	struct lk_events_row r;
	memset(&r, 0, sizeof r);
	lk_col_text(s, 0, r.point_id, sizeof r.point_id);
	lk_col_text(s, 1, r.point_name, sizeof r.point_name);
	lk_col_text(s, 2, r.kind, sizeof r.kind);
	long *v[] = { &r.events, &r.invited, &r.signed_up, &r.waiting, &r.attended, &r.no_shows,
	              &r.head_count };
	for (int i = 0; i < 7; i++)
		*v[i] = sqlite3_column_int64(s, 3 + i);
	return run->cb(&r, run->ctx);
}

enum lk_status
lk_report_events(struct lk_store *st, const struct lk_report_filter *f, lk_events_cb cb,
                 void *ctx, struct lk_err *err)
{
	struct run run = { cb, ctx };
	return lk_report_rows(st,
		"WITH l AS (SELECT event_id, count(invited) AS invited,"
		"  sum(state IN ('signed-up', 'attended', 'no-show')) AS signed_up,"
		"  sum(state = 'waiting') AS waiting, sum(state = 'attended') AS attended,"
		"  sum(state = 'no-show') AS no_shows FROM event_participant_state GROUP BY event_id)"
		" SELECT p.id, p.name, e.kind, count(*), coalesce(sum(l.invited), 0),"
		" coalesce(sum(l.signed_up), 0), coalesce(sum(l.waiting), 0),"
		" coalesce(sum(l.attended), 0), coalesce(sum(l.no_shows), 0),"
		" coalesce(sum(e.head_count), 0)"
		" FROM event e JOIN service_point p ON p.id = e.point_id"
		" LEFT JOIN l ON l.event_id = e.id"
		" WHERE e.status = 'planned' AND " LK_REPORT_SQL_DAYS("substr(e.start, 1, 10)")
		" AND " LK_REPORT_SQL_POINT("p")
		" GROUP BY p.id, e.kind ORDER BY p.name, p.id,"
		" CASE e.kind WHEN 'info' THEN 1 WHEN 'targeted' THEN 2 ELSE 3 END",
		f, "event", row, &run, err);
}
