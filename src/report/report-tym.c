/*
 * report-tym.c — the TYM report (report.h): needs assessments within 3
 * months, plan updates on time and cases past 18 months, per point of the
 * responsible TYM caseworker. Each case's items come from core/cadence.c
 * (the TYM rules); only the counting is here.
 */
#include <stdio.h>
#include <string.h>

#include "core/cadence.h"
#include "i18n.h"
#include "report/report-internal.h"
#include "store/tym-reviews.h"

#define MAX_DATES 256
#define MAX_ITEMS 128

/* A date that comes after the report's day is not known yet. */
static lk_date
known(lk_date d, lk_date day)
{
	return d != LK_NO_DATE && d <= day ? d : LK_NO_DATE;
}

/* Dates of the plans statement bound to the case id, up to the day. */
static enum lk_status
load_dates(struct lk_store *st, sqlite3_stmt *s, const char *case_id, lk_date day,
           lk_date *dates, size_t *n, struct lk_err *err)
{
	sqlite3_reset(s);
	sqlite3_bind_text(s, 1, case_id, -1, SQLITE_TRANSIENT);
	int rc;
	*n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < MAX_DATES) {
		lk_date d = known(lk_col_date(s, 0), day);
		if (d != LK_NO_DATE)
			dates[(*n)++] = d;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lk_sql_err(st, err, "tym_case");
	return LK_OK;
}

/* The review days of `SELECT day FROM tym_review WHERE case_id = ?`, as
 * load_dates would take them, from the reviews read at once. */
static void
review_dates(const struct lk_tym_reviews *all, const char *case_id, lk_date day,
             lk_date *dates, size_t *n)
{
	const lk_date *days;
	size_t k = lk_tym_reviews_of(all, case_id, &days);
	*n = 0;
	for (size_t i = 0; i < k && *n < MAX_DATES; i++) {
		lk_date d = known(days[i], day);
		if (d != LK_NO_DATE)
			dates[(*n)++] = d;
	}
}

/* Count one case into r. */
static enum lk_status
count_case(struct lk_store *st, sqlite3_stmt *c, sqlite3_stmt *plan,
           const struct lk_tym_reviews *all, const struct lk_report_filter *f, lk_date day,
           struct lk_tym_report_row *r, struct lk_err *err)
{
	char id[64];
	lk_col_text(c, 0, id, sizeof id);
	lk_date plans[MAX_DATES], reviews[MAX_DATES];
	struct lk_cadence_input in = {
		.today = day,
		.job_search_start = LK_NO_DATE,
		.tym_start = lk_col_date(c, 1),
		.tym_assessment_done = known(lk_col_date(c, 2), day),
		.tym_end = known(lk_col_date(c, 3), day),
		.tym_plan_dates = plans,
		.tym_reviews = reviews,
		.koto_start = LK_NO_DATE,
		.residence_permit = LK_NO_DATE,
		.integration_plan = LK_NO_DATE,
	};
	enum lk_status rc = load_dates(st, plan, id, day, plans, &in.n_tym_plan_dates, err);
	if (rc != LK_OK)
		return rc;
	review_dates(all, id, day, reviews, &in.n_tym_reviews);
	bool open = in.tym_end == LK_NO_DATE;
	bool opened_in = (f->from == LK_NO_DATE || in.tym_start >= f->from);
	r->open += open;
	r->opened += opened_in;
	struct lk_due_item items[MAX_ITEMS];
	size_t n = lk_cadence(&in, items, MAX_ITEMS);
	if (n > MAX_ITEMS)
		n = MAX_ITEMS;
	for (size_t i = 0; i < n; i++) {
		const struct lk_due_item *it = &items[i];
		bool in_time = it->state == LK_DUE_DONE && it->done_on <= it->due;
		switch (it->rule->id) {
		case LK_RULE_TYM_ASSESSMENT:
			if (!opened_in)
				break;
			if (in_time)
				r->assessed_in_time++;
			else if (it->state == LK_DUE_OPEN)
				r->assessment_pending++;
			else
				r->assessed_late++;
			break;
		case LK_RULE_TYM_PLAN_UPDATE:
			if (it->due > day || it->state == LK_DUE_OPEN ||
			    (f->from != LK_NO_DATE && it->due < f->from))
				break;
			r->updates_due++;
			r->updates_on_time += in_time;
			break;
		case LK_RULE_TYM_18_MONTHS:
			r->past_18_months += open && it->state == LK_DUE_FLAG;
			break;
		default:
			break;
		}
	}
	return LK_OK;
}

struct tym_run {
	struct lk_store *st;
	sqlite3_stmt *plan;
	struct lk_tym_reviews *all;
	const struct lk_report_filter *f;
	lk_date day;
	struct lk_tym_report_row r;
	lk_tym_report_cb cb;
	void *ctx;
};

static void
tym_begin(sqlite3_stmt *s, void *p)
{
	struct tym_run *run = p;
	memset(&run->r, 0, sizeof run->r);
	lk_col_text(s, 4, run->r.point_id, sizeof run->r.point_id);
	lk_col_text(s, 5, run->r.point_name, sizeof run->r.point_name);
}

static enum lk_status
tym_add(sqlite3_stmt *s, void *p, struct lk_err *err)
{
	struct tym_run *run = p;
	/* In this statement's read transaction. */
	if (run->all == NULL && (run->all = lk_tym_reviews_load(run->st, err)) == NULL)
		return LK_EFAIL;
	return count_case(run->st, s, run->plan, run->all, run->f, run->day, &run->r, err);
}

static int
tym_end(void *p)
{
	struct tym_run *run = p;
	return run->cb(&run->r, run->ctx);
}

enum lk_status
lk_report_tym(struct lk_store *st, const struct lk_report_filter *f, lk_tym_report_cb cb,
              void *ctx, struct lk_err *err)
{
	/* Prepared once for every case; the reviews read at once. */
	sqlite3_stmt *plan = lk_prepare(st,
		"SELECT p.made FROM plan p JOIN tym_case t ON t.client_id = p.client_id"
		" WHERE t.id = ?1 AND p.type = 'tym-suunnitelma' AND p.made >= t.opened", err);
	if (plan == NULL)
		return LK_EFAIL;
	static const struct lk_report_groups groups = { { 4, -1 }, tym_begin, tym_add, tym_end };
	struct tym_run run = { .st = st, .plan = plan, .f = f, .day = lk_report_day(f), .cb = cb,
	                       .ctx = ctx };
	struct lk_report_filter g = *f;
	g.to = run.day;
	/* The responsible TYM caseworker: the pair's, else the client's. */
	enum lk_status status = lk_report_grouped(st,
		"SELECT t.id, t.opened, t.assessment_done, t.closed, p.id, p.name"
		" FROM tym_case t JOIN client c ON c.id = t.client_id"
		" LEFT JOIN staff s ON s.id = coalesce((SELECT m.staff_id FROM tym_member m"
		"   JOIN staff ms ON ms.id = m.staff_id WHERE m.case_id = t.id AND m.team = 'pair'"
		"   AND ms.role = 'tym-caseworker' ORDER BY m.id LIMIT 1), c.caseworker_id)"
		" LEFT JOIN service_point p ON p.id = s.home_point_id"
		" WHERE t.opened <= ?2 AND (t.closed IS NULL OR ?1 IS NULL OR t.closed >= ?1)"
		" AND ((?3 IS NULL AND ?4 IS NULL) OR p.id = ?3 OR p.municipality_id = ?4)"
		" ORDER BY p.id IS NULL, p.name, p.id, t.id",
		&g, "tym_case", &groups, &run, err);
	sqlite3_finalize(plan);
	lk_tym_reviews_free(run.all);
	return status;
}
