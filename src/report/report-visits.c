/*
 * report-visits.c — where and how clients were met, for the municipalities'
 * cost sharing (report.h): visits at a point outside the client's home
 * municipality (001 §4.1, docs/rules.md#outside-home-municipality), and the
 * channel mix of held meetings per home municipality.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store/appointment.h"
#include "store/idmap.h"
#include "report/report-internal.h"

struct outside_run {
	lk_outside_cb cb;
	void *ctx;
};

static int
outside_row(sqlite3_stmt *s, void *p)
{
	struct outside_run *run = p;
	struct lk_outside_row r;
	lk_col_text(s, 0, r.point_id, sizeof r.point_id);
	lk_col_text(s, 1, r.point_name, sizeof r.point_name);
	lk_col_text(s, 2, r.home_id, sizeof r.home_id);
	lk_col_text(s, 3, r.home, sizeof r.home);
	r.appointments = sqlite3_column_int64(s, 4);
	r.walk_ins = sqlite3_column_int64(s, 5);
	return run->cb(&r, run->ctx);
}

enum lk_status
lk_report_outside_home(struct lk_store *st, const struct lk_report_filter *f,
                       lk_outside_cb cb, void *ctx, struct lk_err *err)
{
	struct outside_run run = { cb, ctx };
	return lk_report_rows(st,
		"SELECT p.id, p.name, m.id, m.name, sum(x.kind = 'a'), sum(x.kind = 'v') FROM ("
		"  SELECT a.point_id AS point_id, a.client_id AS client_id,"
		"   substr(a.start, 1, 10) AS day, 'a' AS kind FROM appointment a"
		"   WHERE a.status = 'done' AND a.channel IN ('face', 'remote-point')"
		"  UNION ALL SELECT v.point_id, v.client_id, substr(v.arrived, 1, 10), 'v'"
		"   FROM visit v WHERE v.client_id IS NOT NULL"
		" ) x JOIN service_point p ON p.id = x.point_id JOIN client c ON c.id = x.client_id"
		" JOIN municipality m ON m.id = c.municipality_id"
		" WHERE m.id <> p.municipality_id AND " LK_REPORT_SQL_DAYS("x.day")
		" AND (?3 IS NULL OR p.id = ?3) AND (?4 IS NULL OR p.municipality_id = ?4 OR m.id = ?4)"
		" GROUP BY p.id, m.id ORDER BY p.name, p.id, m.name, m.id",
		f, "appointment", outside_row, &run, err);
}

static int
channel_index(const char *channel)
{
	for (int i = 0; i < LK_REPORT_CHANNELS && lk_channels[i]; i++)
		if (strcmp(lk_channels[i], channel) == 0)
			return i;
	return -1;
}

/* The channel mix: the meetings held, with the filters on the meeting in
 * SQL, counted into their client's home municipality in C (a hash of the
 * client ids) — the same as joining each meeting to its client and
 * municipality and grouping, without two lookups per meeting. */
static const char channel_clients_sql[] =
	"SELECT c.id, m.id, m.name FROM client c"
	" LEFT JOIN municipality m ON m.id = c.municipality_id WHERE c.id IS NOT NULL";
static const char channel_meetings_sql[] =
	"SELECT a.client_id, a.channel FROM appointment a JOIN staff s ON s.id = a.staff_id"
	" WHERE a.status = 'done' AND " LK_REPORT_SQL_DAYS("substr(a.start, 1, 10)")
	" AND (?3 IS NULL OR coalesce(a.point_id, s.home_point_id) = ?3)";

/* One municipality's counts; the first is the meetings of no municipality. */
struct channel_group {
	struct lk_channel_row r;
	bool none;           /* no municipality (m.id NULL) */
};

struct channel_run {
	struct channel_group *g;
	size_t n, cap;
	struct lk_idmap *munis;     /* municipality id → group */
	struct lk_idmap *clients;   /* client id → group */
};

static bool
channel_group_add(struct channel_run *run, sqlite3_stmt *s, size_t *out)
{
	const char *id = (const char *)sqlite3_column_text(s, 1);
	if (id == NULL) {
		*out = 0;
		return true;
	}
	if (lk_idmap_get(run->munis, id, out))
		return true;
	struct channel_group *ng = lk_report_grow(run->g, run->n, &run->cap, sizeof *ng, 16);
	if (ng == NULL)
		return false;
	run->g = ng;
	struct channel_group *g = &run->g[run->n];
	memset(g, 0, sizeof *g);
	lk_col_text(s, 1, g->r.municipality_id, sizeof g->r.municipality_id);
	lk_col_text(s, 2, g->r.municipality, sizeof g->r.municipality);
	*out = run->n;
	return lk_idmap_put(run->munis, id, run->n++);
}

/* ORDER BY m.id IS NULL, m.name, m.id. */
static int
cmp_channel_group(const void *a, const void *b)
{
	const struct channel_group *x = a, *y = b;
	if (x->none != y->none)
		return x->none - y->none;
	int c = strcmp(x->r.municipality, y->r.municipality);
	return c ? c : strcmp(x->r.municipality_id, y->r.municipality_id);
}

enum lk_status
lk_report_channels(struct lk_store *st, const struct lk_report_filter *f, lk_channel_cb cb,
                   void *ctx, struct lk_err *err)
{
	struct channel_run run = { .cap = 16 };
	enum lk_status status = LK_OK;
	bool own = sqlite3_get_autocommit(st->db);
	if (own && sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return lk_sql_err(st, err, "appointment");
	run.g = calloc(run.cap, sizeof run.g[0]);
	run.munis = lk_idmap_new(64);
	run.clients = lk_idmap_new(1024);
	if (run.g == NULL || run.munis == NULL || run.clients == NULL)
		status = lk_err_set(err, LK_EFAIL, "db", _("out of memory"));
	else
		run.g[run.n++].none = true;
	sqlite3_stmt *s = NULL;
	int rc = SQLITE_DONE;
	if (status == LK_OK && (s = lk_prepare(st, channel_clients_sql, err)) == NULL)
		status = LK_EFAIL;
	while (status == LK_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		size_t g;
		if (!channel_group_add(&run, s, &g) ||
		    !lk_idmap_put(run.clients, (const char *)sqlite3_column_text(s, 0), g))
			status = lk_err_set(err, LK_EFAIL, "db", _("out of memory"));
	}
	if (status == LK_OK && rc != SQLITE_DONE)
		status = lk_sql_err(st, err, "client");
	sqlite3_finalize(s);
	s = NULL;
	if (status == LK_OK && (s = lk_prepare(st, channel_meetings_sql, err)) == NULL)
		status = LK_EFAIL;
	if (status == LK_OK)
		lk_report_bind(s, f);
	while (status == LK_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		size_t g = 0;
		char channel[16];
		if (!lk_idmap_get(run.clients, (const char *)sqlite3_column_text(s, 0), &g))
			g = 0;
		lk_col_text(s, 1, channel, sizeof channel);
		struct lk_channel_row *r = &run.g[g].r;
		int i = channel_index(channel);
		r->meetings++;
		if (i >= 0)
			r->by_channel[i]++;
	}
	if (status == LK_OK && rc != SQLITE_DONE)
		status = lk_sql_err(st, err, "appointment");
	sqlite3_finalize(s);
	if (own)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (status == LK_OK) {
		/* --municipality: that one only (never the meetings of none). */
		const char *only = f->municipality && f->municipality_id[0] ? f->municipality_id : NULL;
		qsort(run.g, run.n, sizeof run.g[0], cmp_channel_group);
		for (size_t i = 0; i < run.n; i++) {
			const struct channel_group *g = &run.g[i];
			if (g->r.meetings == 0 ||
			    (only && (g->none || strcmp(g->r.municipality_id, only))))
				continue;
			if (cb(&g->r, ctx))
				break;
		}
	}
	free(run.g);
	lk_idmap_free(run.munis);
	lk_idmap_free(run.clients);
	return status;
}
