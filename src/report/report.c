/*
 * report.c — the target reports of issue 7 (report.h): the targets, the
 * filter, face-to-face shares, Piste walk-in visits and caseloads. The
 * cadence, TYM, integration and visit-place reports are report-*.c's.
 * Every statement binds its values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report/report-internal.h"

/* The targets the areas set themselves (docs/rules.md#targets:
 * 001 §1, 003 §3, 004 §3.3). Indexed by enum lk_target_id. */
const struct lk_target lk_targets[] = {
	[LK_TARGET_F2F_INITIAL] = { "f2f-initial", N_("initial interviews face to face"),
	                            "docs/rules.md#face-to-face-shares: 75 % of initial interviews face to face",
	                            75.0, false, false, 0 },
	[LK_TARGET_F2F_JOBSEARCH] = { "f2f-jobsearch", N_("job-search discussions face to face"),
	                              "docs/rules.md#face-to-face-shares: > 50 % of job-search discussions face to face",
	                              50.0, true, false, 0 },
	[LK_TARGET_CASELOAD] = { "caseload", N_("clients per caseworker"),
	                         "docs/rules.md#caseload: 100-200 clients per client-service expert (003)",
	                         100.0, false, true, 200.0 },
	[LK_TARGET_TYM_ASSESSMENT] = { "tym-assessment",
	                               N_("TYM needs assessments within 3 months"),
	                               "docs/rules.md#tym-assessment-target: service-need assessment of multidisciplinary clients within 3 months (Act 381/2023, 001 §5.3.2)",
	                               100.0, false, false, 0 },
	[LK_TARGET_INTEGRATION] = { "integration-30d", N_("integration plans within 30 days"),
	                            "docs/rules.md#integration-target: 80 % of immigrants wait < 30 days for an integration plan (001 §1)",
	                            80.0, false, false, 0 },
};

bool
lk_target_met(const struct lk_target *t, double v)
{
	if (t->low_strict ? !(v > t->low) : !(v >= t->low))
		return false;
	return !t->has_high || v <= t->high;
}

char *
lk_target_text(const struct lk_target *t, char *buf, size_t size)
{
	if (t->has_high)
		snprintf(buf, size, "%g-%g", t->low, t->high);
	else
		snprintf(buf, size, "%s %g", t->low_strict ? ">" : ">=", t->low);
	return buf;
}

enum lk_status
lk_report_check(struct lk_store *st, struct lk_report_filter *f, struct lk_err *err)
{
	f->municipality_id[0] = '\0';
	if (f->from != LK_NO_DATE && f->to != LK_NO_DATE && f->to < f->from)
		return lk_err_set(err, LK_EINPUT, "to", _("the end comes before --from"));
	if (f->point_id) {
		sqlite3_stmt *s = lk_prepare(st, "SELECT 1 FROM service_point WHERE id = ?1", err);
		if (s == NULL)
			return LK_EFAIL;
		sqlite3_bind_text(s, 1, f->point_id, -1, SQLITE_TRANSIENT);
		int rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc == SQLITE_DONE)
			return lk_err_set(err, LK_EINPUT, "point", _("no service point '%s'"), f->point_id);
		if (rc != SQLITE_ROW)
			return lk_sql_err(st, err, "service_point");
	}
	if (f->municipality) {
		sqlite3_stmt *s = lk_prepare(st,
			"SELECT id FROM municipality WHERE id = ?1 OR lower(name) = lower(?1)"
			" ORDER BY id = ?1 DESC LIMIT 1", err);
		if (s == NULL)
			return LK_EFAIL;
		sqlite3_bind_text(s, 1, f->municipality, -1, SQLITE_TRANSIENT);
		int rc = sqlite3_step(s);
		if (rc == SQLITE_ROW)
			lk_col_text(s, 0, f->municipality_id, sizeof f->municipality_id);
		sqlite3_finalize(s);
		if (rc == SQLITE_DONE)
			return lk_err_set(err, LK_EINPUT, "municipality", _("no municipality '%s'"),
			                  f->municipality);
		if (rc != SQLITE_ROW)
			return lk_sql_err(st, err, "municipality");
	}
	return LK_OK;
}

lk_date
lk_report_day(const struct lk_report_filter *f)
{
	return f->to != LK_NO_DATE ? f->to : lk_today();
}

void
lk_report_bind(sqlite3_stmt *s, const struct lk_report_filter *f)
{
	lk_bind_date(s, 1, f->from);
	lk_bind_date(s, 2, f->to);
	lk_bind_text(s, 3, f->point_id);
	lk_bind_text(s, 4, f->municipality ? f->municipality_id : NULL);
}

void *
lk_report_grow(void *v, size_t n, size_t *cap, size_t size, size_t first)
{
	if (n < *cap)
		return v;
	size_t c = *cap ? *cap * 2 : first;
	void *nv = realloc(v, c * size);
	if (nv != NULL)
		*cap = c;
	return nv;
}

enum lk_status
lk_report_rows(struct lk_store *st, const char *sql, const struct lk_report_filter *f,
               const char *table, lk_report_row_fn row, void *run, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	lk_report_bind(s, f);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (row(s, run))
			break;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lk_sql_err(st, err, table);
	return LK_OK;
}

/* The row's group key: each key column's text, "" for none. */
static void
group_key(sqlite3_stmt *s, const struct lk_report_groups *g, char key[2][64])
{
	for (int i = 0; i < 2; i++) {
		key[i][0] = '\0';
		if (g->keys[i] >= 0)
			lk_col_text(s, g->keys[i], key[i], sizeof key[i]);
	}
}

enum lk_status
lk_report_grouped(struct lk_store *st, const char *sql, const struct lk_report_filter *f,
                  const char *table, const struct lk_report_groups *g, void *run,
                  struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	lk_report_bind(s, f);
	enum lk_status status = LK_OK;
	char open_key[2][64] = { "", "" };
	bool open = false, stop = false;
	int rc;
	for (;;) {
		rc = sqlite3_step(s);
		char key[2][64] = { "", "" };
		if (rc == SQLITE_ROW)
			group_key(s, g, key);
		if (open && (rc != SQLITE_ROW || strcmp(key[0], open_key[0]) ||
		             strcmp(key[1], open_key[1]))) {
			open = false;
			if ((stop = g->end(run) != 0))
				break;
		}
		if (rc != SQLITE_ROW)
			break;
		if (!open) {
			memcpy(open_key, key, sizeof open_key);
			g->begin(s, run);
			open = true;
		}
		if ((status = g->add(s, run, err)) != LK_OK)
			break;
	}
	sqlite3_finalize(s);
	if (status != LK_OK)
		return status;
	if (!stop && rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lk_sql_err(st, err, table);
	return LK_OK;
}

struct f2f_run {
	lk_f2f_cb cb;
	void *ctx;
};

static int
f2f_row(sqlite3_stmt *s, void *p)
{
	struct f2f_run *run = p;
	struct lk_f2f_row r;
	lk_col_text(s, 0, r.point_id, sizeof r.point_id);
	lk_col_text(s, 1, r.point_name, sizeof r.point_name);
	lk_col_text(s, 2, r.month, sizeof r.month);
	r.initial = sqlite3_column_int64(s, 3);
	r.initial_face = sqlite3_column_int64(s, 4);
	r.jobsearch = sqlite3_column_int64(s, 5);
	r.jobsearch_face = sqlite3_column_int64(s, 6);
	return run->cb(&r, run->ctx);
}

enum lk_status
lk_report_face_to_face(struct lk_store *st, const struct lk_report_filter *f, lk_f2f_cb cb,
                       void *ctx, struct lk_err *err)
{
	struct f2f_run run = { cb, ctx };
	return lk_report_rows(st,
		"SELECT p.id, p.name, " LK_REPORT_SQL_MONTH("a.start") " AS month,"
		" sum(a.kind = 'alkuhaastattelu'),"
		" sum(a.kind = 'alkuhaastattelu' AND a.channel = 'face'),"
		" sum(a.kind = 'tyonhakukeskustelu'),"
		" sum(a.kind = 'tyonhakukeskustelu' AND a.channel = 'face')"
		" FROM appointment a JOIN staff s ON s.id = a.staff_id"
		" JOIN service_point p ON p.id = coalesce(a.point_id, s.home_point_id)"
		" WHERE a.status = 'done' AND a.kind IN ('alkuhaastattelu', 'tyonhakukeskustelu')"
		" AND " LK_REPORT_SQL_DAYS("substr(a.start, 1, 10)")
		" AND " LK_REPORT_SQL_POINT("p")
		" GROUP BY p.id, month ORDER BY p.name, p.id, month",
		f, "appointment", f2f_row, &run, err);
}

/* Minutes from a to b, both "YYYY-MM-DD HH:MM"; false when either is
 * missing or unparsable or b comes first. */
static bool
span(sqlite3_stmt *s, int ia, int ib, long *out)
{
	const char *a = (const char *)sqlite3_column_text(s, ia);
	const char *b = (const char *)sqlite3_column_text(s, ib);
	lk_time ta, tb;
	if (a == NULL || b == NULL || !lk_time_parse(a, &ta) || !lk_time_parse(b, &tb) || tb < ta)
		return false;
	*out = (long)(tb - ta);
	return true;
}

struct minutes {
	long *v;
	size_t n, cap;
};

static bool
minutes_add(struct minutes *m, long v)
{
	long *nv = lk_report_grow(m->v, m->n, &m->cap, sizeof *nv, 64);
	if (nv == NULL)
		return false;
	m->v = nv;
	m->v[m->n++] = v;
	return true;
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

/* The median (mean of the middle two for an even count); -1 when empty.
 * Empties m for the next group. */
static double
minutes_median(struct minutes *m)
{
	double med = -1;
	if (m->n) {
		qsort(m->v, m->n, sizeof m->v[0], cmp_long);
		med = m->n % 2 ? (double)m->v[m->n / 2]
		               : (m->v[m->n / 2 - 1] + m->v[m->n / 2]) / 2.0;
	}
	m->n = 0;
	return med;
}

/* The group key of a visit for each way of grouping: the topic, the hour
 * of arrival ("09") or the ISO weekday of arrival ("1" Monday .. "7"). */
#define WALKIN_SQL(key) \
	"SELECT p.id, p.name, " key ", v.client_id IS NULL, v.arrived, v.called, v.served," \
	" v.ended, v.outcome FROM visit v JOIN service_point p ON p.id = v.point_id" \
	" WHERE " LK_REPORT_SQL_DAYS("substr(v.arrived, 1, 10)") \
	" AND " LK_REPORT_SQL_POINT("p") \
	" ORDER BY p.name, p.id, 3"
static const char *const walkin_sql[] = {
	[LK_WALKIN_BY_TOPIC] = WALKIN_SQL("v.topic"),
	[LK_WALKIN_BY_HOUR] = WALKIN_SQL("substr(v.arrived, 12, 2)"),
	[LK_WALKIN_BY_WEEKDAY] = WALKIN_SQL(
		"CAST((strftime('%w', substr(v.arrived, 1, 10)) + 6) % 7 + 1 AS TEXT)"),
};

struct walkin_run {
	enum lk_walkin_by by;
	struct lk_walkin_row r;
	struct minutes wait, service;
	lk_walkin_cb cb;
	void *ctx;
};

static void
walkin_begin(sqlite3_stmt *s, void *p)
{
	struct walkin_run *run = p;
	struct lk_walkin_row *r = &run->r;
	char k[16] = "";
	lk_col_text(s, 2, k, sizeof k);
	memset(r, 0, sizeof *r);
	lk_col_text(s, 0, r->point_id, sizeof r->point_id);
	r->hour = r->weekday = -1;
	if (run->by == LK_WALKIN_BY_TOPIC)
		snprintf(r->topic, sizeof r->topic, "%s", k);
	else if (run->by == LK_WALKIN_BY_HOUR)
		r->hour = atoi(k);
	else
		r->weekday = atoi(k);
	lk_col_text(s, 1, r->point_name, sizeof r->point_name);
}

static enum lk_status
walkin_add(sqlite3_stmt *s, void *p, struct lk_err *err)
{
	struct walkin_run *run = p;
	struct lk_walkin_row *r = &run->r;
	r->visits++;
	if (sqlite3_column_int(s, 3))
		r->anonymous++;
	else
		r->identified++;
	const char *outcome = (const char *)sqlite3_column_text(s, 8);
	if (outcome && strcmp(outcome, "no-show") == 0)
		r->no_shows++;
	else if (outcome && strcmp(outcome, "referred") == 0)
		r->referred++;
	long m;
	bool ok = true;
	if (span(s, 4, 5, &m) && !minutes_add(&run->wait, m))
		ok = false;
	if (span(s, 6, 7, &m) && !minutes_add(&run->service, m))
		ok = false;
	return ok ? LK_OK : lk_err_set(err, LK_EFAIL, "", _("out of memory"));
}

static int
walkin_end(void *p)
{
	struct walkin_run *run = p;
	run->r.median_wait = minutes_median(&run->wait);
	run->r.median_service = minutes_median(&run->service);
	return run->cb(&run->r, run->ctx);
}

enum lk_status
lk_report_walk_in(struct lk_store *st, const struct lk_report_filter *f, lk_walkin_cb cb,
                  void *ctx, struct lk_err *err)
{
	return lk_report_walk_in_by(st, f, LK_WALKIN_BY_TOPIC, cb, ctx, err);
}

enum lk_status
lk_report_walk_in_by(struct lk_store *st, const struct lk_report_filter *f,
                     enum lk_walkin_by by, lk_walkin_cb cb, void *ctx, struct lk_err *err)
{
	if (by < LK_WALKIN_BY_TOPIC || by > LK_WALKIN_BY_WEEKDAY)
		return lk_err_set(err, LK_EINPUT, "by", _("unknown grouping"));
	static const struct lk_report_groups groups = {
		{ 0, 2 }, walkin_begin, walkin_add, walkin_end,
	};
	struct walkin_run run = { .by = by, .cb = cb, .ctx = ctx };
	enum lk_status status = lk_report_grouped(st, walkin_sql[by], f, "visit", &groups,
	                                          &run, err);
	free(run.wait.v);
	free(run.service.v);
	return status;
}

struct caseload_run {
	lk_caseload_cb cb;
	void *ctx;
};

static int
caseload_row(sqlite3_stmt *s, void *p)
{
	struct caseload_run *run = p;
	struct lk_caseload_row r;
	lk_col_text(s, 0, r.staff_id, sizeof r.staff_id);
	lk_col_text(s, 1, r.staff_name, sizeof r.staff_name);
	lk_col_text(s, 2, r.point_id, sizeof r.point_id);
	r.clients = sqlite3_column_int64(s, 3);
	return run->cb(&r, run->ctx);
}

enum lk_status
lk_report_caseload(struct lk_store *st, const struct lk_report_filter *f, lk_caseload_cb cb,
                   void *ctx, struct lk_err *err)
{
	struct lk_report_filter g = *f;
	if (g.to == LK_NO_DATE)
		g.to = lk_today();
	struct caseload_run run = { cb, ctx };
	return lk_report_rows(st,
		"SELECT s.id, s.surname || ', ' || s.given_names, s.home_point_id, count(c.id)"
		" FROM staff s JOIN service_point p ON p.id = s.home_point_id"
		" LEFT JOIN client c ON c.caseworker_id = s.id"
		"  AND (c.job_search_end IS NULL OR c.job_search_end >= ?2)"
		" WHERE s.active = 1 AND " LK_REPORT_SQL_POINT("p")
		" GROUP BY s.id HAVING s.role = 'caseworker' OR count(c.id) > 0"
		" ORDER BY s.surname, s.given_names, s.id",
		&g, "client", caseload_row, &run, err);
}
