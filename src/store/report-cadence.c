/*
 * report-cadence.c — the statutory-cadence report (report.h): per
 * responsible caseworker and per point, the items overdue and coming. Each
 * client's items come from store/due.c, which asks core/cadence.c: the
 * rules are never restated here.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "store/due.h"
#include "store/report-internal.h"

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

enum lk_status
lk_report_cadence(struct lk_store *st, const struct lk_report_filter *f, int within,
                  lk_cadence_cb cb, void *ctx, struct lk_err *err)
{
	if (within < 0)
		return lk_err_set(err, LK_EINPUT, "within", _("must not be negative"));
	lk_date day = lk_report_day(f);
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT c.id, s.id, s.surname || ', ' || s.given_names, p.id, p.name"
		" FROM client c LEFT JOIN staff s ON s.id = c.caseworker_id"
		" LEFT JOIN service_point p ON p.id = s.home_point_id"
		" WHERE (c.job_search_end IS NULL OR c.job_search_end >= ?2)"
		" AND ((?3 IS NULL AND ?4 IS NULL) OR p.id = ?3 OR p.municipality_id = ?4)"
		" ORDER BY p.id IS NULL, p.name, p.id, s.surname, s.given_names, s.id, c.id", err);
	if (s == NULL)
		return LK_EFAIL;
	struct lk_due_reader *due = lk_due_reader_open(st, err);
	if (due == NULL) {
		sqlite3_finalize(s);
		return LK_EFAIL;
	}
	struct lk_report_filter g = *f;
	g.to = day;
	lk_report_bind(s, &g);
	struct cadence_run run = { .cb = cb, .ctx = ctx };
	struct lk_due_item items[LK_DUE_MAX];
	enum lk_status status = LK_OK;
	bool preloaded = false;
	int rc = SQLITE_DONE;
	while (!run.stopped && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		/* Everyone's facts at once, in this statement's read transaction. */
		if (!preloaded) {
			preloaded = true;
			if ((status = lk_due_reader_preload(due, err)) != LK_OK)
				break;
		}
		char client[64], staff[64], point[64];
		lk_col_text(s, 0, client, sizeof client);
		lk_col_text(s, 1, staff, sizeof staff);
		lk_col_text(s, 3, point, sizeof point);
		if (run.have_point && strcmp(point, run.point.point_id))
			flush_point(&run);
		if (run.have_worker && strcmp(staff, run.worker.staff_id))
			flush_worker(&run);
		if (run.stopped)
			break;
		if (!run.have_point && point[0]) {
			memset(&run.point, 0, sizeof run.point);
			run.point.level = LK_CADENCE_POINT;
			snprintf(run.point.point_id, sizeof run.point.point_id, "%s", point);
			lk_col_text(s, 4, run.point.point_name, sizeof run.point.point_name);
			run.have_point = true;
		}
		if (!run.have_worker) {
			memset(&run.worker, 0, sizeof run.worker);
			run.worker.level = staff[0] ? LK_CADENCE_CASEWORKER : LK_CADENCE_UNASSIGNED;
			snprintf(run.worker.staff_id, sizeof run.worker.staff_id, "%s", staff);
			lk_col_text(s, 2, run.worker.staff_name, sizeof run.worker.staff_name);
			snprintf(run.worker.point_id, sizeof run.worker.point_id, "%s", point);
			lk_col_text(s, 4, run.worker.point_name, sizeof run.worker.point_name);
			run.have_worker = true;
		}
		size_t n;
		if ((status = lk_due_reader_client(due, client, day, items, &n, err)) != LK_OK)
			break;
		struct lk_cadence_row one = { .clients = 1 };
		for (size_t i = 0; i < n; i++) {
			const struct lk_due_item *it = &items[i];
			if (it->state == LK_DUE_OVERDUE && (f->from == LK_NO_DATE || it->due >= f->from))
				one.overdue++;
			else if (it->state == LK_DUE_OPEN && it->due <= day + within)
				one.coming++;
		}
		one.clients_overdue = one.overdue > 0;
		add(&run.worker, &one);
		if (run.have_point)
			add(&run.point, &one);
	}
	sqlite3_finalize(s);
	lk_due_reader_close(due);
	if (status != LK_OK)
		return status;
	if (!run.stopped && rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lk_sql_err(st, err, "client");
	flush_point(&run);
	return LK_OK;
}
