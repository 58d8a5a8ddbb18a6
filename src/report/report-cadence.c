/*
 * report-cadence.c — the statutory-cadence report (report.h): per
 * responsible caseworker and per point, the items overdue and coming. Each
 * client's items come from store/due.c, which asks core/cadence.c: the
 * rules are never restated here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store/due.h"
#include "report/report-internal.h"

struct cadence_run {
	lk_cadence_cb cb;
	void *ctx;
	struct lk_cadence_row worker, point;
	bool have_worker, have_point, stopped;
};

static void
add(struct lk_cadence_row *to, const struct lk_cadence_row *from)
{
	to->clients += from->clients;
	to->overdue += from->overdue;
	to->coming += from->coming;
	to->clients_overdue += from->clients_overdue;
}

static void
flush_worker(struct cadence_run *run)
{
	if (!run->have_worker)
		return;
	run->have_worker = false;
	if (!run->stopped && run->cb(&run->worker, run->ctx))
		run->stopped = true;
}

static void
flush_point(struct cadence_run *run)
{
	flush_worker(run);
	if (!run->have_point)
		return;
	run->have_point = false;
	if (!run->stopped && run->cb(&run->point, run->ctx))
		run->stopped = true;
}

/* The statement's groups in the order of the report: every caseworker
 * (whether the filter wants them or not: a client of someone in the staff
 * table is never "without a caseworker"), and one row of NULLs for the
 * clients without one, which sorts first among the rows without a point. */
static const char staff_sql[] =
	"SELECT s.id AS sid, s.surname || ', ' || s.given_names, p.id AS pid, p.name AS pname,"
	" ((?3 IS NULL AND ?4 IS NULL) OR p.id = ?3 OR p.municipality_id = ?4),"
	" p.id IS NULL AS no_point, s.surname AS surname, s.given_names AS given"
	" FROM staff s LEFT JOIN service_point p ON p.id = s.home_point_id"
	" UNION ALL SELECT NULL, NULL, NULL, NULL, (?3 IS NULL AND ?4 IS NULL), 1, NULL, NULL"
	" ORDER BY no_point, pname, pid, surname, given, sid";
/* The clients the report counts on the day, with their caseworker. */
static const char clients_sql[] =
	"SELECT id, caseworker_id FROM client"
	" WHERE job_search_end IS NULL OR job_search_end >= ?1";

struct group {
	char *staff;        /* NULL: the clients without a caseworker */
	char *name, *point, *point_name;
	bool wanted;
};

struct counted {
	char *id;
	char *caseworker;   /* NULL: none */
};

struct groups {
	struct group *g;
	size_t n;
	struct counted *c;   /* by caseworker, NULL first */
	size_t n_c;
	char **staff;        /* every staff id, strcmp order */
	size_t n_staff;
};

static char *
col_dup(sqlite3_stmt *s, int i, bool *oom)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	char *d = t ? strdup(t) : NULL;
	if (t && d == NULL)
		*oom = true;
	return d;
}

static void
groups_free(struct groups *gs)
{
	for (size_t i = 0; i < gs->n; i++) {
		free(gs->g[i].staff);
		free(gs->g[i].name);
		free(gs->g[i].point);
		free(gs->g[i].point_name);
	}
	for (size_t i = 0; i < gs->n_c; i++) {
		free(gs->c[i].id);
		free(gs->c[i].caseworker);
	}
	free(gs->g);
	free(gs->c);
	free(gs->staff);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
cmp_counted(const void *a, const void *b)
{
	const char *x = ((const struct counted *)a)->caseworker;
	const char *y = ((const struct counted *)b)->caseworker;
	if (x == NULL || y == NULL)
		return (x != NULL) - (y != NULL);
	return strcmp(x, y);
}

static bool
is_staff(const struct groups *gs, const char *id)
{
	return id && gs->n_staff &&
	       bsearch(&id, gs->staff, gs->n_staff, sizeof gs->staff[0], cmp_str) != NULL;
}

/* The first counted client of caseworker id (n_c when none). */
static size_t
first_of(const struct groups *gs, const char *id)
{
	size_t lo = 0, hi = gs->n_c;
	struct counted key = { .caseworker = (char *)id };
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_counted(&gs->c[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Read the groups and the counted clients. */
static enum lk_status
groups_load(struct lk_store *st, const struct lk_report_filter *f, lk_date day,
            struct groups *gs, struct lk_err *err)
{
	bool oom = false;
	size_t cap = 0;
	int rc;
	sqlite3_stmt *s = lk_prepare(st, staff_sql, err);
	if (s == NULL)
		return LK_EFAIL;
	lk_report_bind(s, f);
	while (!oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct group *ng = lk_report_grow(gs->g, gs->n, &cap, sizeof *ng, 64);
		if ((oom = ng == NULL))
			break;
		gs->g = ng;
		struct group *g = &gs->g[gs->n++];
		memset(g, 0, sizeof *g);
		g->staff = col_dup(s, 0, &oom);
		g->name = col_dup(s, 1, &oom);
		g->point = col_dup(s, 2, &oom);
		g->point_name = col_dup(s, 3, &oom);
		g->wanted = sqlite3_column_int(s, 4);
	}
	sqlite3_finalize(s);
	if (!oom && rc != SQLITE_DONE)
		return lk_sql_err(st, err, "staff");
	if (!oom && gs->n && (gs->staff = malloc(gs->n * sizeof gs->staff[0])) == NULL)
		oom = true;
	for (size_t i = 0; !oom && i < gs->n; i++)
		if (gs->g[i].staff)
			gs->staff[gs->n_staff++] = gs->g[i].staff;
	if (!oom)
		qsort(gs->staff, gs->n_staff, sizeof gs->staff[0], cmp_str);

	if (!oom && (s = lk_prepare(st, clients_sql, err)) == NULL)
		return LK_EFAIL;
	if (!oom)
		lk_bind_date(s, 1, day);
	cap = 0;
	while (!oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct counted *nc = lk_report_grow(gs->c, gs->n_c, &cap, sizeof *nc, 1024);
		if ((oom = nc == NULL))
			break;
		gs->c = nc;
		struct counted *c = &gs->c[gs->n_c++];
		c->id = col_dup(s, 0, &oom);
		c->caseworker = col_dup(s, 1, &oom);
	}
	if (!oom) {
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return lk_sql_err(st, err, "client");
		qsort(gs->c, gs->n_c, sizeof gs->c[0], cmp_counted);
	} else if (s) {
		sqlite3_finalize(s);
	}
	if (oom)
		return lk_err_set(err, LK_EFAIL, "db", _("out of memory"));
	return LK_OK;
}

/* Count one client into the run. */
static enum lk_status
count_client(struct cadence_run *run, struct lk_due_reader *due, const char *client,
             const struct group *g, const struct lk_report_filter *f, lk_date day, int within,
             struct lk_err *err)
{
	const char *staff = g->staff ? g->staff : "";
	const char *point = g->point ? g->point : "";
	if (run->have_point && strcmp(point, run->point.point_id))
		flush_point(run);
	if (run->have_worker && strcmp(staff, run->worker.staff_id))
		flush_worker(run);
	if (run->stopped)
		return LK_OK;
	if (!run->have_point && point[0]) {
		memset(&run->point, 0, sizeof run->point);
		run->point.level = LK_CADENCE_POINT;
		snprintf(run->point.point_id, sizeof run->point.point_id, "%s", point);
		snprintf(run->point.point_name, sizeof run->point.point_name, "%s",
		         g->point_name ? g->point_name : "");
		run->have_point = true;
	}
	if (!run->have_worker) {
		memset(&run->worker, 0, sizeof run->worker);
		run->worker.level = staff[0] ? LK_CADENCE_CASEWORKER : LK_CADENCE_UNASSIGNED;
		snprintf(run->worker.staff_id, sizeof run->worker.staff_id, "%s", staff);
		snprintf(run->worker.staff_name, sizeof run->worker.staff_name, "%s",
		         g->name ? g->name : "");
		snprintf(run->worker.point_id, sizeof run->worker.point_id, "%s", point);
		snprintf(run->worker.point_name, sizeof run->worker.point_name, "%s",
		         g->point_name ? g->point_name : "");
		run->have_worker = true;
	}
	struct lk_due_item items[LK_DUE_MAX];
	size_t n;
	enum lk_status status = lk_due_reader_client(due, client, day, items, &n, err);
	if (status != LK_OK)
		return status;
	struct lk_cadence_row one = { .clients = 1 };
	for (size_t i = 0; i < n; i++) {
		const struct lk_due_item *it = &items[i];
		if (it->state == LK_DUE_OVERDUE && (f->from == LK_NO_DATE || it->due >= f->from))
			one.overdue++;
		else if (it->state == LK_DUE_OPEN && it->due <= day + within)
			one.coming++;
	}
	one.clients_overdue = one.overdue > 0;
	add(&run->worker, &one);
	if (run->have_point)
		add(&run->point, &one);
	return LK_OK;
}

/* From how many clients reading everyone's facts at once is quicker than
 * asking client by client (about 30 µs each against 200 ms for the
 * 20 000-client demo area). */
#define PRELOAD_FROM 4000

/* How many clients the report counts. */
static size_t
counted(const struct groups *gs)
{
	size_t n = 0;
	for (size_t i = 0; i < gs->n; i++) {
		const struct group *gr = &gs->g[i];
		if (!gr->wanted)
			continue;
		if (gr->staff == NULL)
			return gs->n_c;    /* the clients of no one: look at everyone */
		for (size_t k = first_of(gs, gr->staff);
		     k < gs->n_c && strcmp(gs->c[k].caseworker, gr->staff) == 0; k++)
			n++;
	}
	return n;
}

/*
 * The groups come from the staff table in the report's order and each
 * caseworker's clients from one scan of client, bucketed here: the same
 * rows as joining client to staff and point and sorting the whole join,
 * without sorting 20 000 rows. Everything is read in one read transaction.
 */
enum lk_status
lk_report_cadence(struct lk_store *st, const struct lk_report_filter *f, int within,
                  lk_cadence_cb cb, void *ctx, struct lk_err *err)
{
	if (within < 0)
		return lk_err_set(err, LK_EINPUT, "within", _("must not be negative"));
	lk_date day = lk_report_day(f);
	struct lk_report_filter g = *f;
	g.to = day;
	bool own = sqlite3_get_autocommit(st->db);
	if (own && sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return lk_sql_err(st, err, "client");
	struct groups gs = { 0 };
	struct lk_due_reader *due = NULL;
	enum lk_status status = groups_load(st, &g, day, &gs, err);
	if (status == LK_OK && (due = lk_due_reader_open(st, err)) == NULL)
		status = LK_EFAIL;
	/* Many clients: everyone's facts in a few scans; a few (one small
	 * point): client by client, each by its indexes. */
	if (status == LK_OK && counted(&gs) > PRELOAD_FROM)
		status = lk_due_reader_preload(due, err);
	struct cadence_run run = { .cb = cb, .ctx = ctx };
	for (size_t i = 0; status == LK_OK && !run.stopped && i < gs.n; i++) {
		const struct group *gr = &gs.g[i];
		if (!gr->wanted)
			continue;
		/* The clients whose caseworker is this one, or (the row of NULLs)
		 * none or no one in the staff table. */
		size_t k = gr->staff ? first_of(&gs, gr->staff) : 0;
		bool mine = false;
		for (; status == LK_OK && !run.stopped && k < gs.n_c; k++) {
			const char *cw = gs.c[k].caseworker;
			if (gr->staff) {
				if (strcmp(cw, gr->staff))
					break;
			} else if (k == 0 || cmp_counted(&gs.c[k - 1], &gs.c[k])) {
				mine = !is_staff(&gs, cw);
			}
			if (gr->staff || mine)
				status = count_client(&run, due, gs.c[k].id ? gs.c[k].id : "", gr, f,
				                      day, within, err);
		}
	}
	lk_due_reader_close(due);
	groups_free(&gs);
	if (own)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (status != LK_OK)
		return status;
	flush_point(&run);
	return LK_OK;
}
