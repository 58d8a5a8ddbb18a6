/*
 * report-koto.c — the integration report (report.h): how long KOTO clients
 * waited for their first integration plan, per home municipality, against
 * the areas' 80 % target. The 30 days are core/cadence.c's rule
 * (koto-suunnitelma-30pv); only the counting is here.
 */
#include <stdio.h>
#include <string.h>

#include "core/cadence.h"
#include "i18n.h"
#include "report/report-internal.h"

/* Count one client into r from the cadence's item. */
static void
count_client(lk_date start, lk_date plan, lk_date day, struct lk_integration_row *r)
{
	struct lk_cadence_input in = {
		.today = day,
		.job_search_start = LK_NO_DATE,
		.tym_start = LK_NO_DATE, .tym_assessment_done = LK_NO_DATE, .tym_end = LK_NO_DATE,
		.koto_start = start,
		.residence_permit = LK_NO_DATE,
		.integration_plan = plan != LK_NO_DATE && plan <= day ? plan : LK_NO_DATE,
	};
	struct lk_due_item items[4];
	size_t n = lk_cadence(&in, items, 4);
	for (size_t i = 0; i < n && i < 4; i++) {
		const struct lk_due_item *it = &items[i];
		if (it->rule->id != LK_RULE_KOTO_PLAN_WAIT)
			continue;
		r->clients++;
		if (it->state == LK_DUE_DONE && it->done_on <= it->due)
			r->in_time++;
		else if (it->state == LK_DUE_DONE)
			r->late++;
		else if (it->state == LK_DUE_OVERDUE)
			r->waiting_over++;
		else
			r->waiting++;
	}
}

struct integration_run {
	lk_date day;
	struct lk_integration_row r;
	lk_integration_cb cb;
	void *ctx;
};

static void
integration_begin(sqlite3_stmt *s, void *p)
{
	struct integration_run *run = p;
	memset(&run->r, 0, sizeof run->r);
	lk_col_text(s, 0, run->r.municipality_id, sizeof run->r.municipality_id);
	lk_col_text(s, 1, run->r.municipality, sizeof run->r.municipality);
}

static enum lk_status
integration_add(sqlite3_stmt *s, void *p, struct lk_err *err)
{
	(void)err;
	struct integration_run *run = p;
	lk_date start = lk_col_date(s, 2);
	if (start != LK_NO_DATE)
		count_client(start, lk_col_date(s, 3), run->day, &run->r);
	return LK_OK;
}

static int
integration_end(void *p)
{
	struct integration_run *run = p;
	return run->cb(&run->r, run->ctx);
}

enum lk_status
lk_report_integration(struct lk_store *st, const struct lk_report_filter *f,
                      lk_integration_cb cb, void *ctx, struct lk_err *err)
{
	static const struct lk_report_groups groups = {
		{ 0, -1 }, integration_begin, integration_add, integration_end,
	};
	struct integration_run run = { .day = lk_report_day(f), .cb = cb, .ctx = ctx };
	struct lk_report_filter g = *f;
	g.to = run.day;
	return lk_report_grouped(st,
		"SELECT coalesce(m.id, ''), coalesce(m.name, ''), c.koto_start,"
		" (SELECT min(made) FROM plan WHERE client_id = c.id AND type IN"
		"   ('kotoutumissuunnitelma', 'monialainen-kotoutumissuunnitelma'))"
		" FROM client c LEFT JOIN municipality m ON m.id = c.municipality_id"
		" LEFT JOIN staff s ON s.id = c.caseworker_id"
		" WHERE c.koto_start IS NOT NULL AND c.koto_start <= ?2"
		" AND (?1 IS NULL OR c.koto_start >= ?1)"
		" AND (?3 IS NULL OR s.home_point_id = ?3) AND (?4 IS NULL OR c.municipality_id = ?4)"
		" ORDER BY m.id IS NULL, m.name, m.id",
		&g, "client", &groups, &run, err);
}
