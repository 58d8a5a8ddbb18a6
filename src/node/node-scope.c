/*
 * node-scope.c — the scope rule of the central node (docs/architecture.md#scope;
 * schema/007_hub_log_tag.sql): which rows a desk may see
 * and write. It tags each change-log entry once, when appended, by the
 * municipalities and points its rows belong to; filters each entry row by
 * row before it is sent; and judges a pushed change.
 *
 * Scope: 'area' sees and writes everything. A list of service points sees
 * the reference tables and the client data of clients whose home
 * municipality has one of its points (rows without a client: by their
 * point); it may write only rows it could see. 'kiosk' sees only the area's
 * places and rooms, and may write only anonymous walk-in visits and quick
 * feedback (always anonymous: by its point only).
 *
 * The tags of a row (row_tags) must name at least every desk that
 * row_in_scope lets read it: both are here, side by side.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "node/node-internal.h"

enum lk_scope_kind
lk_scope_kind(const char *scope)
{
	if (strcmp(scope, "area") == 0)
		return LK_SCOPE_AREA;
	if (strcmp(scope, "kiosk") == 0)
		return LK_SCOPE_KIOSK;
	return LK_SCOPE_POINTS;
}

/* Per client-data table: the row's client and point, by the row's id. */
static const struct {
	const char *table;
	const char *sql;
} owner_sql[] = {
	{ "client", "SELECT id, NULL FROM client WHERE id = ?" },
	{ "appointment", "SELECT client_id, point_id FROM appointment WHERE id = ?" },
	{ "measure", "SELECT client_id, NULL FROM measure WHERE id = ?" },
	{ "plan", "SELECT client_id, NULL FROM plan WHERE id = ?" },
	{ "tym_case", "SELECT client_id, NULL FROM tym_case WHERE id = ?" },
	{ "consent", "SELECT client_id, NULL FROM consent WHERE id = ?" },
	{ "visit", "SELECT client_id, point_id FROM visit WHERE id = ?" },
	{ "feedback", "SELECT NULL, point_id FROM feedback WHERE id = ?" },
	{ "audit", "SELECT client_id, NULL FROM audit WHERE id = ?" },
	{ "tym_review", "SELECT c.client_id, NULL FROM tym_review r "
	                "JOIN tym_case c ON c.id = r.case_id WHERE r.id = ?" },
	{ "tym_member", "SELECT c.client_id, NULL FROM tym_member m "
	                "JOIN tym_case c ON c.id = m.case_id WHERE m.id = ?" },
	/* Events like bookings (015_event.sql): an event by its point, a
	 * participant by the client. */
	{ "event", "SELECT NULL, point_id FROM event WHERE id = ?" },
	{ "event_participant", "SELECT p.client_id, e.point_id FROM event_participant p "
	                       "JOIN event e ON e.id = p.event_id WHERE p.id = ?" },
	{ "appointment_event", "SELECT a.client_id, a.point_id FROM appointment_event e "
	                       "JOIN appointment a ON a.id = e.appointment_id WHERE e.id = ?" },
};

static const char *const reference_tables[] = {
	"area", "municipality", "service_point", "point_link", "room", "staff", "staff_point", NULL,
};
static const char *const kiosk_tables[] = {
	"area", "municipality", "service_point", "point_link", "room", NULL,
};

static bool
listed(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (strcmp(*list, name) == 0)
			return true;
	return false;
}

/* The scope queries of one lk_scope_filter() call, prepared once instead of
 * per row (a snapshot filters hundreds of thousands of rows); per thread,
 * finalized when the call ends. */
static _Thread_local struct {
	sqlite3 *db;
	const char *sql;      /* a string literal: compared by address */
	sqlite3_stmt *s;
} scope_stmts[16];

/* A reset statement for sql: the cached one, or a fresh one. */
static sqlite3_stmt *
scope_stmt(struct lk_store *st, const char *sql)
{
	size_t n = sizeof scope_stmts / sizeof scope_stmts[0], free_slot = n;
	for (size_t i = 0; i < n; i++) {
		if (scope_stmts[i].s && scope_stmts[i].db == st->db && scope_stmts[i].sql == sql) {
			sqlite3_reset(scope_stmts[i].s);
			sqlite3_clear_bindings(scope_stmts[i].s);
			return scope_stmts[i].s;
		}
		if (scope_stmts[i].s == NULL && free_slot == n)
			free_slot = i;
	}
	sqlite3_stmt *s = lk_prepare(st, sql, NULL);
	if (s && free_slot < n) {
		scope_stmts[free_slot].db = st->db;
		scope_stmts[free_slot].sql = sql;
		scope_stmts[free_slot].s = s;
	}
	return s;
}

/* Done with a statement from scope_stmt(). */
static void
scope_stmt_done(sqlite3_stmt *s)
{
	for (size_t i = 0; i < sizeof scope_stmts / sizeof scope_stmts[0]; i++)
		if (scope_stmts[i].s == s) {
			sqlite3_reset(s);
			return;
		}
	sqlite3_finalize(s);
}

void
lk_scope_stmts_flush(void)
{
	for (size_t i = 0; i < sizeof scope_stmts / sizeof scope_stmts[0]; i++) {
		sqlite3_finalize(scope_stmts[i].s);
		scope_stmts[i].s = NULL;
	}
}

/* The row that conflict row `row` is about, into t2 (64) and r2 (128);
 * false when there is no such conflict. */
static bool
conflict_of(struct lk_store *st, const char *row, char *t2, char *r2)
{
	sqlite3_stmt *c = scope_stmt(st, "SELECT table_name, row_id FROM conflict WHERE id = ?");
	bool found = false;
	if (c) {
		sqlite3_bind_text(c, 1, row, -1, SQLITE_STATIC);
		if (sqlite3_step(c) == SQLITE_ROW) {
			lk_col_text(c, 0, t2, 64);
			lk_col_text(c, 1, r2, 128);
			found = true;
		}
		scope_stmt_done(c);
	}
	return found;
}

enum owner { OWNER_UNKNOWN_TABLE, OWNER_NONE, OWNER_FOUND };

/* The client and the point (72 bytes each, "" for none) a row of client
 * data belongs to, by owner_sql; OWNER_NONE when the row is not there. */
static enum owner
row_owner(struct lk_store *st, const char *table, const char *row, char *client, char *point)
{
	const char *sql = NULL;
	for (size_t i = 0; i < sizeof owner_sql / sizeof owner_sql[0]; i++)
		if (strcmp(owner_sql[i].table, table) == 0)
			sql = owner_sql[i].sql;
	if (sql == NULL)
		return OWNER_UNKNOWN_TABLE;
	sqlite3_stmt *s = scope_stmt(st, sql);
	enum owner found = OWNER_NONE;
	if (s) {
		sqlite3_bind_text(s, 1, row, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW) {
			found = OWNER_FOUND;
			lk_col_text(s, 0, client, 72);
			lk_col_text(s, 1, point, 72);
		}
		scope_stmt_done(s);
	}
	return found;
}

/* May a desk of `scope` see (or have written) this row as it is now? */
static bool
row_in_scope(struct lk_store *st, const char *scope, const char *table, const char *row,
             bool writing)
{
	enum lk_scope_kind k = lk_scope_kind(scope);
	if (k == LK_SCOPE_AREA)
		return true;
	if (k == LK_SCOPE_KIOSK) {
		if (!writing)
			return listed(kiosk_tables, table);
		if (strcmp(table, "visit") != 0 && strcmp(table, "feedback") != 0)
			return false;
	} else if (listed(reference_tables, table)) {
		return true;
	} else if (strcmp(table, "conflict") == 0) {
		char t2[64], r2[128];
		return conflict_of(st, row, t2, r2) && strcmp(t2, "conflict") != 0 &&
		       row_in_scope(st, scope, t2, r2, false);
	}
	/* Client data, by its owner; a table this rule does not know
	 * (OWNER_UNKNOWN_TABLE) goes to area desks only. */
	char client[72], point[72];
	bool in = false;
	if (row_owner(st, table, row, client, point) == OWNER_FOUND) {
		if (k == LK_SCOPE_KIOSK) {
			in = client[0] == '\0';     /* anonymous visits only */
		} else if (client[0]) {
			sqlite3_stmt *c = scope_stmt(st,
				"SELECT 1 FROM client c JOIN service_point p"
				" ON p.municipality_id = c.municipality_id"
				" WHERE c.id = ?1 AND instr(',' || ?2 || ',', ',' || p.id || ',') > 0 LIMIT 1");
			if (c) {
				sqlite3_bind_text(c, 1, client, -1, SQLITE_STATIC);
				sqlite3_bind_text(c, 2, scope, -1, SQLITE_STATIC);
				in = sqlite3_step(c) == SQLITE_ROW;
				scope_stmt_done(c);
			}
		} else if (point[0]) {
			char list[LK_SCOPE_MAX + 2], want[80];
			snprintf(list, sizeof list, ",%s,", scope);
			snprintf(want, sizeof want, ",%s,", point);
			in = strstr(list, want) != NULL;
		} else if (strcmp(table, "audit") == 0) {
			/* The trail of staff actions without a client (sign-ins and
			 * their failures, refusals): every desk of the area, like the
			 * staff rows, so the slow-down after failures counts them all. */
			in = true;
		}
	}
	return in;
}

/* ---- tags: each log entry's scope, judged once when it is appended ---- */

#define TAG_MAX 80

struct tags {
	char (*t)[TAG_MAX];
	int n, cap;
	bool oom;
};

static void
tag_add(struct tags *ts, const char *kind, const char *key)
{
	char t[TAG_MAX];
	snprintf(t, sizeof t, "%s%s", kind, key);
	for (int i = 0; i < ts->n; i++)
		if (strcmp(ts->t[i], t) == 0)
			return;
	if (ts->n == ts->cap) {
		int cap = ts->cap ? ts->cap * 2 : 8;
		char (*p)[TAG_MAX] = realloc(ts->t, (size_t)cap * sizeof *p);
		if (p == NULL) {
			ts->oom = true;
			return;
		}
		ts->t = p;
		ts->cap = cap;
	}
	memcpy(ts->t[ts->n++], t, sizeof t);
}

/* The tags of one row as it is now: a superset of the desks that
 * row_in_scope() lets read it (docs in schema/007_hub_log_tag.sql). */
static void
row_tags(struct lk_store *st, const char *table, const char *row, struct tags *ts, int depth)
{
	if (listed(reference_tables, table)) {
		tag_add(ts, "*", "");
		if (listed(kiosk_tables, table))
			tag_add(ts, "k", "");
		return;
	}
	if (strcmp(table, "conflict") == 0) {
		char t2[64], r2[128];
		if (!conflict_of(st, row, t2, r2))
			tag_add(ts, "*", "");
		else if (depth == 0 && strcmp(t2, "conflict") != 0)
			row_tags(st, t2, r2, ts, depth + 1);
		return;
	}
	char client[72] = "", point[72] = "";
	enum owner o = row_owner(st, table, row, client, point);
	if (o == OWNER_UNKNOWN_TABLE)
		return;   /* area desks only; they read untagged */
	if (o == OWNER_NONE) {
		tag_add(ts, "*", "");
		return;
	}
	if (client[0]) {
		sqlite3_stmt *c = scope_stmt(st, "SELECT municipality_id FROM client WHERE id = ?");
		char muni[72] = "";
		if (c) {
			sqlite3_bind_text(c, 1, client, -1, SQLITE_STATIC);
			if (sqlite3_step(c) == SQLITE_ROW)
				lk_col_text(c, 0, muni, sizeof muni);
			scope_stmt_done(c);
		}
		if (muni[0])
			tag_add(ts, "m:", muni);
		else
			tag_add(ts, "*", "");
	} else if (point[0]) {
		tag_add(ts, "p:", point);
	} else if (strcmp(table, "audit") == 0) {
		tag_add(ts, "*", "");   /* staff actions without a client: every desk */
	}
}

/* Tag log entry gseq: by its rows (changeset cs) — only those of table
 * `only` when not NULL — or, everyone, with '*' and 'k' so every desk
 * judges it. Tags are only added (INSERT OR IGNORE). */
static enum lk_status
log_tag(struct lk_store *st, int64_t gseq, const void *cs, int n, bool everyone,
        const char *only, struct lk_err *err)
{
	struct tags ts = { 0 };
	if (everyone) {
		tag_add(&ts, "*", "");
		tag_add(&ts, "k", "");
	} else {
		sqlite3_changeset_iter *it = NULL;
		if (sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK)
			return lk_err_set(err, LK_EINPUT, "changeset", "a change cannot be read");
		while (sqlite3changeset_next(it) == SQLITE_ROW) {
			const char *name;
			int ncol, op, indirect;
			char row[128];
			sqlite3changeset_op(it, &name, &ncol, &op, &indirect);
			if (only && strcmp(name, only) != 0)
				continue;
			lk_cs_op_row(it, op, row, sizeof row);
			row_tags(st, name, row, &ts, 0);
		}
		if (sqlite3changeset_finalize(it) != SQLITE_OK)
			tag_add(&ts, "*", "");
	}
	enum lk_status rc = LK_OK;
	if (ts.oom)
		rc = lk_err_set(err, LK_EFAIL, "db", "out of memory");
	sqlite3_stmt *s = rc == LK_OK && ts.n
		? scope_stmt(st, "INSERT OR IGNORE INTO hub_log_tag(tag, gseq) VALUES (?, ?)") : NULL;
	if (rc == LK_OK && ts.n && s == NULL)
		rc = lk_sql_err(st, err, "log");
	for (int i = 0; rc == LK_OK && i < ts.n; i++) {
		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, ts.t[i], -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, gseq);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = lk_sql_err(st, err, "log");
	}
	if (s)
		scope_stmt_done(s);
	free(ts.t);
	return rc;
}

enum lk_status
lk_scope_tag(struct lk_store *st, int64_t gseq, const void *cs, int n, struct lk_err *err)
{
	return log_tag(st, gseq, cs, n, false, NULL, err);
}

enum lk_status
lk_scope_tag_table(struct lk_store *st, int64_t gseq, const void *cs, int n, const char *table,
                   struct lk_err *err)
{
	return log_tag(st, gseq, cs, n, false, table, err);
}

enum lk_status
lk_hub_log_tag_all(struct lk_store *st, int64_t gseq, struct lk_err *err)
{
	enum lk_status rc = log_tag(st, gseq, NULL, 0, true, NULL, err);
	lk_scope_stmts_flush();
	return rc;
}

struct scope_ctx {
	struct lk_store *st;
	const char *scope;
	bool writing;
};

static bool
keep_in_scope(void *ctx, const char *table, const char *row)
{
	const struct scope_ctx *c = ctx;
	return row_in_scope(c->st, c->scope, table, row, c->writing);
}

enum lk_status
lk_scope_filter(struct lk_store *st, const char *scope, bool writing, const void *cs, int n,
                void **out, int *outn, int *dropped, struct lk_err *err)
{
	struct scope_ctx c = { st, scope, writing };
	return lk_cs_keep(cs, n, keep_in_scope, &c, out, outn, dropped, err);
}

enum lk_status
lk_scope_judge(struct lk_store *st, const char *scope, const void *cs, int n, struct lk_err *err)
{
	void *kept = NULL;
	int kn, dropped;
	enum lk_status rc = lk_scope_filter(st, scope, true, cs, n, &kept, &kn, &dropped, err);
	free(kept);
	if (rc == LK_OK && dropped)
		rc = lk_err_set(err, LK_EINPUT, "scope",
		                "%d row(s) of the change are outside the desk's scope", dropped);
	return rc;
}

enum lk_status
lk_hub_scope_valid(struct lk_store *st, const char *scope, struct lk_err *err)
{
	if (strcmp(scope, "area") == 0 || strcmp(scope, "kiosk") == 0)
		return LK_OK;
	if (*scope == '\0' || strlen(scope) >= LK_SCOPE_MAX)
		return lk_err_set(err, LK_EINPUT, "scope",
		                  "give area, kiosk or service-point ids joined by commas");
	char buf[LK_SCOPE_MAX];
	snprintf(buf, sizeof buf, "%s", scope);
	sqlite3_stmt *s = lk_prepare(st, "SELECT 1 FROM service_point WHERE id = ?", err);
	if (s == NULL)
		return LK_EFAIL;
	enum lk_status rc = LK_OK;
	char *save = NULL;
	for (char *p = strtok_r(buf, ",", &save); p && rc == LK_OK; p = strtok_r(NULL, ",", &save)) {
		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, p, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) != SQLITE_ROW)
			rc = lk_err_set(err, LK_EINPUT, "scope", "no service point '%s' (see point list)",
			                p);
	}
	sqlite3_finalize(s);
	return rc;
}
