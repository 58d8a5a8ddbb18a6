/*
 * sync-hub.c — the central node's tables: key pair, enrolled desks, the
 * change log with each entry's scope tags (judged once, when appended), and
 * the scope rule deciding which rows a desk may see and write (design.md,
 * sync contract 3 and 7; schema/007_hub_log_tag.sql).
 *
 * Scope: 'area' sees and writes everything. A list of service points sees
 * the reference tables and the client data of clients whose home
 * municipality has one of its points (rows without a client: by their
 * point); it may write only rows it could see. 'kiosk' sees only the area's
 * places and rooms, and may write only anonymous walk-in visits and quick
 * feedback (always anonymous: by its point only).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "store/store-internal.h"
#include "store/sync-hub.h"
#include "store/sync-roles.h"

enum lk_status
lk_hub_keys(struct lk_store *st, unsigned char pk[32], unsigned char sk[64], struct lk_err *err)
{
	char hpk[65], hsk[129];
	if (lk_meta_get(st, "node_pk", hpk, sizeof hpk) == LK_OK &&
	    lk_meta_get(st, "node_sk", hsk, sizeof hsk) == LK_OK &&
	    sodium_hex2bin(pk, 32, hpk, strlen(hpk), NULL, NULL, NULL) == 0 &&
	    sodium_hex2bin(sk, 64, hsk, strlen(hsk), NULL, NULL, NULL) == 0)
		return LK_OK;
	crypto_sign_keypair(pk, sk);
	sodium_bin2hex(hpk, sizeof hpk, pk, 32);
	sodium_bin2hex(hsk, sizeof hsk, sk, 64);
	enum lk_status rc = LK_OK;
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return lk_sql_err(st, err, "keys");
	if (lk_meta_set(st, "node_pk", hpk) != LK_OK || lk_meta_set(st, "node_sk", hsk) != LK_OK ||
	    lk_meta_set(st, "desk_name", LK_HUB_NODE) != LK_OK)
		rc = lk_sql_err(st, err, "keys");
	if (rc == LK_OK && sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		rc = lk_sql_err(st, err, "keys");
	if (rc != LK_OK)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	sodium_memzero(hsk, sizeof hsk);
	return rc;
}

static bool
name_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > LK_DESK_NAME_MAX || strcmp(s, LK_HUB_NODE) == 0 || s[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
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

enum lk_status
lk_hub_enrol(struct lk_store *st, const char *name, const char *scope, unsigned char token[16],
             struct lk_err *err)
{
	if (!name_valid(name))
		return lk_err_set(err, LK_EINPUT, "name",
		                  "'%s' is not a desk name: 1-40 of a-z, 0-9 and '-', not 'node'",
		                  name);
	enum lk_status rc = lk_hub_scope_valid(st, scope, err);
	if (rc != LK_OK)
		return rc;
	unsigned char h[32];
	char now[20];
	randombytes_buf(token, 16);
	crypto_generichash(h, sizeof h, token, 16, NULL, 0);
	lk_time_iso(lk_now(), now, sizeof now);
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO hub_desk(name, scope, token_hash, created) VALUES (?1, ?2, ?3, ?4) "
		"ON CONFLICT(name) DO UPDATE SET scope = ?2, token_hash = ?3, created = ?4, pk = NULL, "
		"enrolled = NULL, revoked = NULL, last_hlc = 0 "
		"WHERE hub_desk.revoked IS NOT NULL OR hub_desk.enrolled IS NULL", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, scope, -1, SQLITE_STATIC);
	sqlite3_bind_blob(s, 3, h, sizeof h, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, now, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = lk_sql_err(st, err, "enrol");
	else if (sqlite3_changes(st->db) == 0)
		rc = lk_err_set(err, LK_ECLASH, "name",
		                "desk '%s' is enrolled already; revoke it first", name);
	sqlite3_finalize(s);
	return rc;
}

static void
desk_row(sqlite3_stmt *s, struct lk_hub_desk *out)
{
	lk_col_text(s, 0, out->name, sizeof out->name);
	lk_col_text(s, 1, out->scope, sizeof out->scope);
	out->last_hlc = sqlite3_column_int64(s, 2);
	out->revoked = sqlite3_column_type(s, 3) != SQLITE_NULL;
}

enum lk_status
lk_hub_claim(struct lk_store *st, const unsigned char token[16], const unsigned char pk[32],
             struct lk_hub_desk *out, struct lk_err *err)
{
	unsigned char h[32];
	char now[20];
	crypto_generichash(h, sizeof h, token, 16, NULL, 0);
	lk_time_iso(lk_now(), now, sizeof now);
	sqlite3_stmt *s = lk_prepare(st,
		"UPDATE hub_desk SET pk = ?1, token_hash = NULL, enrolled = ?3 "
		"WHERE token_hash = ?2 AND enrolled IS NULL AND revoked IS NULL "
		"RETURNING name, scope, last_hlc, revoked", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_blob(s, 1, pk, 32, SQLITE_TRANSIENT);
	sqlite3_bind_blob(s, 2, h, sizeof h, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, now, -1, SQLITE_STATIC);
	enum lk_status rc;
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		desk_row(s, out);
		rc = LK_OK;
	} else if (step == SQLITE_DONE) {
		rc = lk_err_set(err, LK_ENOTFOUND, "code", "the enrolment code is unknown or used");
	} else {
		rc = lk_err_set(err, LK_ECLASH, "code", "this desk key is enrolled already");
	}
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_hub_revoke(struct lk_store *st, const char *name, struct lk_err *err)
{
	char now[20];
	lk_time_iso(lk_now(), now, sizeof now);
	sqlite3_stmt *s = lk_prepare(st,
		"UPDATE hub_desk SET revoked = ?2, token_hash = NULL WHERE name = ?1 AND revoked IS NULL",
		err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, now, -1, SQLITE_STATIC);
	enum lk_status rc = LK_OK;
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = lk_sql_err(st, err, "revoke");
	else if (sqlite3_changes(st->db) == 0)
		rc = lk_err_set(err, LK_ENOTFOUND, "name", "no enrolled desk '%s'", name);
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_hub_desk_by_pk(struct lk_store *st, const unsigned char pk[32], struct lk_hub_desk *out)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT name, scope, last_hlc, revoked FROM hub_desk WHERE pk = ?", NULL);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_blob(s, 1, pk, 32, SQLITE_TRANSIENT);
	enum lk_status rc = LK_ENOTFOUND;
	if (sqlite3_step(s) == SQLITE_ROW) {
		desk_row(s, out);
		rc = LK_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

int
lk_hub_desk_count(struct lk_store *st)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT count(*) FROM hub_desk WHERE pk IS NOT NULL AND revoked IS NULL", NULL);
	int n = 0;
	if (s && sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* ---- scope ---- */

enum scope_kind { SCOPE_AREA, SCOPE_KIOSK, SCOPE_POINTS };

static enum scope_kind
scope_kind(const char *scope)
{
	if (strcmp(scope, "area") == 0)
		return SCOPE_AREA;
	if (strcmp(scope, "kiosk") == 0)
		return SCOPE_KIOSK;
	return SCOPE_POINTS;
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

/* The scope queries of one scope_filter() call, prepared once instead of
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

/* Finalize every cached scope statement. */
static void
scope_stmts_flush(void)
{
	for (size_t i = 0; i < sizeof scope_stmts / sizeof scope_stmts[0]; i++) {
		sqlite3_finalize(scope_stmts[i].s);
		scope_stmts[i].s = NULL;
	}
}

/* May a desk of `scope` see (or have written) this row as it is now? */
static bool
row_in_scope(struct lk_store *st, const char *scope, const char *table, const char *row,
             bool writing)
{
	enum scope_kind k = scope_kind(scope);
	if (k == SCOPE_AREA)
		return true;
	if (k == SCOPE_KIOSK) {
		if (!writing)
			return listed(kiosk_tables, table);
		if (strcmp(table, "visit") != 0 && strcmp(table, "feedback") != 0)
			return false;
	} else if (listed(reference_tables, table)) {
		return true;
	} else if (strcmp(table, "conflict") == 0) {
		sqlite3_stmt *c = scope_stmt(st, "SELECT table_name, row_id FROM conflict WHERE id = ?");
		bool in = false;
		if (c) {
			sqlite3_bind_text(c, 1, row, -1, SQLITE_STATIC);
			if (sqlite3_step(c) == SQLITE_ROW) {
				char t2[64], r2[128];
				lk_col_text(c, 0, t2, sizeof t2);
				lk_col_text(c, 1, r2, sizeof r2);
				in = strcmp(t2, "conflict") != 0 && row_in_scope(st, scope, t2, r2, false);
			}
			scope_stmt_done(c);
		}
		return in;
	}
	const char *sql = NULL;
	for (size_t i = 0; i < sizeof owner_sql / sizeof owner_sql[0]; i++)
		if (strcmp(owner_sql[i].table, table) == 0)
			sql = owner_sql[i].sql;
	if (sql == NULL)
		return false;   /* a table this rule does not know: area desks only */
	sqlite3_stmt *s = scope_stmt(st, sql);
	if (s == NULL)
		return false;
	sqlite3_bind_text(s, 1, row, -1, SQLITE_STATIC);
	bool in = false;
	if (sqlite3_step(s) == SQLITE_ROW) {
		char client[72], point[72];
		lk_col_text(s, 0, client, sizeof client);
		lk_col_text(s, 1, point, sizeof point);
		if (k == SCOPE_KIOSK) {
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
	scope_stmt_done(s);
	return in;
}

/* ---- re-encoding a changeset with only some of its ops ---- */

struct buf {
	unsigned char *p;
	size_t n, cap;
	bool oom;
};

static void
put(struct buf *b, const void *src, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;
		while (cap < b->n + n)
			cap *= 2;
		unsigned char *p = realloc(b->p, cap);
		if (p == NULL) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, src, n);
	b->n += n;
}

static void
put_byte(struct buf *b, unsigned char c)
{
	put(b, &c, 1);
}

/* SQLite's varint, for lengths and counts (< 2^56). */
static void
put_varint(struct buf *b, uint64_t v)
{
	unsigned char tmp[10];
	int n = 0;
	do {
		tmp[n++] = (unsigned char)(v & 0x7f);
		v >>= 7;
	} while (v && n < 8);
	for (int i = n - 1; i >= 0; i--)
		put_byte(b, (unsigned char)(tmp[i] | (i ? 0x80 : 0)));
}

static void
put_value(struct buf *b, sqlite3_value *v)
{
	if (v == NULL) {
		put_byte(b, 0);
		return;
	}
	int t = sqlite3_value_type(v);
	put_byte(b, (unsigned char)t);
	if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
		uint64_t u;
		if (t == SQLITE_INTEGER) {
			int64_t i = sqlite3_value_int64(v);
			memcpy(&u, &i, 8);
		} else {
			double d = sqlite3_value_double(v);
			memcpy(&u, &d, 8);
		}
		for (int i = 7; i >= 0; i--)
			put_byte(b, (unsigned char)(u >> (i * 8)));
	} else if (t == SQLITE_TEXT || t == SQLITE_BLOB) {
		const void *p = t == SQLITE_TEXT ? (const void *)sqlite3_value_text(v)
		                                 : sqlite3_value_blob(v);
		int n = sqlite3_value_bytes(v);
		put_varint(b, (uint64_t)n);
		put(b, p, (size_t)n);
	}
}

/* The first primary-key value of the op as text (every scoped table has a
 * one-column id; composite keys are reference rows). */
static void
op_row(sqlite3_changeset_iter *it, int op, char *buf, size_t size)
{
	unsigned char *pk;
	int npk;
	buf[0] = '\0';
	if (sqlite3changeset_pk(it, &pk, &npk) != SQLITE_OK)
		return;
	for (int i = 0; i < npk; i++) {
		if (!pk[i])
			continue;
		sqlite3_value *v = NULL;
		if (op == SQLITE_INSERT)
			sqlite3changeset_new(it, i, &v);
		else
			sqlite3changeset_old(it, i, &v);
		const unsigned char *t = v ? sqlite3_value_text(v) : NULL;
		snprintf(buf, size, "%s", t ? (const char *)t : "");
		return;
	}
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
		sqlite3_stmt *c = scope_stmt(st, "SELECT table_name, row_id FROM conflict WHERE id = ?");
		bool found = false;
		if (c) {
			sqlite3_bind_text(c, 1, row, -1, SQLITE_STATIC);
			if (sqlite3_step(c) == SQLITE_ROW) {
				char t2[64], r2[128];
				lk_col_text(c, 0, t2, sizeof t2);
				lk_col_text(c, 1, r2, sizeof r2);
				scope_stmt_done(c);
				c = NULL;
				found = true;
				if (depth == 0 && strcmp(t2, "conflict") != 0)
					row_tags(st, t2, r2, ts, depth + 1);
			}
			if (c)
				scope_stmt_done(c);
		}
		if (!found)
			tag_add(ts, "*", "");
		return;
	}
	const char *sql = NULL;
	for (size_t i = 0; i < sizeof owner_sql / sizeof owner_sql[0]; i++)
		if (strcmp(owner_sql[i].table, table) == 0)
			sql = owner_sql[i].sql;
	if (sql == NULL)
		return;   /* area desks only; they read untagged */
	sqlite3_stmt *s = scope_stmt(st, sql);
	char client[72] = "", point[72] = "";
	bool found = false;
	if (s) {
		sqlite3_bind_text(s, 1, row, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW) {
			found = true;
			lk_col_text(s, 0, client, sizeof client);
			lk_col_text(s, 1, point, sizeof point);
		}
		scope_stmt_done(s);
	}
	if (!found) {
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
	}
}

/* Tag log entry gseq: by its rows (changeset cs), or, everyone, with '*'
 * and 'k' so every desk judges it. */
static enum lk_status
log_tag(struct lk_store *st, int64_t gseq, const void *cs, int n, bool everyone,
        struct lk_err *err)
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
			op_row(it, op, row, sizeof row);
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
lk_hub_log_tag_all(struct lk_store *st, int64_t gseq, struct lk_err *err)
{
	enum lk_status rc = log_tag(st, gseq, NULL, 0, true, err);
	scope_stmts_flush();
	return rc;
}

/* Keep the ops of cs that `scope` may see (or, writing, may have made).
 * *out is NULL when nothing is kept; *dropped counts the others. */
static enum lk_status
scope_filter(struct lk_store *st, const char *scope, bool writing, const void *cs, int n,
             void **out, int *outn, int *dropped, struct lk_err *err)
{
	sqlite3_changeset_iter *it = NULL;
	struct buf b = { 0 };
	char table[64] = "";
	*out = NULL;
	*outn = 0;
	*dropped = 0;
	if (sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK)
		return lk_err_set(err, LK_EINPUT, "changeset", "a change cannot be read");
	int step;
	while ((step = sqlite3changeset_next(it)) == SQLITE_ROW) {
		const char *name;
		int ncol, op, indirect, npk;
		unsigned char *pk;
		char row[128];
		sqlite3changeset_op(it, &name, &ncol, &op, &indirect);
		sqlite3changeset_pk(it, &pk, &npk);
		op_row(it, op, row, sizeof row);
		if (!row_in_scope(st, scope, name, row, writing)) {
			(*dropped)++;
			continue;
		}
		if (strcmp(name, table) != 0) {
			snprintf(table, sizeof table, "%s", name);
			put_byte(&b, 'T');
			put_varint(&b, (uint64_t)ncol);
			for (int i = 0; i < ncol; i++)
				put_byte(&b, pk[i] ? 1 : 0);
			put(&b, name, strlen(name) + 1);
		}
		put_byte(&b, (unsigned char)op);
		put_byte(&b, (unsigned char)indirect);
		if (op != SQLITE_INSERT)
			for (int i = 0; i < ncol; i++) {
				sqlite3_value *v = NULL;
				sqlite3changeset_old(it, i, &v);
				put_value(&b, v);
			}
		if (op != SQLITE_DELETE)
			for (int i = 0; i < ncol; i++) {
				sqlite3_value *v = NULL;
				sqlite3changeset_new(it, i, &v);
				put_value(&b, v);
			}
	}
	sqlite3changeset_finalize(it);
	if (step != SQLITE_DONE || b.oom) {
		free(b.p);
		return b.oom ? lk_err_set(err, LK_EFAIL, "db", "out of memory")
		             : lk_err_set(err, LK_EINPUT, "changeset", "a change cannot be read");
	}
	if (b.n == 0) {
		free(b.p);
		return LK_OK;
	}
	*out = b.p;
	*outn = (int)b.n;
	return LK_OK;
}

/* ---- the change log ---- */

static enum lk_status
log_append(struct lk_store *st, const char *desk, int64_t hlc, const void *cs, int n,
           struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO hub_log(desk, hlc, changeset) VALUES (?, ?, ?)", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, desk, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, hlc);
	sqlite3_bind_blob(s, 3, cs, n, SQLITE_STATIC);
	enum lk_status rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "log");
	sqlite3_finalize(s);
	if (rc == LK_OK)
		rc = log_tag(st, sqlite3_last_insert_rowid(st->db), cs, n, false, err);
	return rc;
}

static enum lk_status
desk_seen(struct lk_store *st, const char *name, int64_t hlc, struct lk_err *err)
{
	char now[20];
	lk_time_iso(lk_now(), now, sizeof now);
	sqlite3_stmt *s = lk_prepare(st,
		"UPDATE hub_desk SET last_hlc = max(last_hlc, ?2), last_seen = ?3 WHERE name = ?1", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, hlc);
	sqlite3_bind_text(s, 3, now, -1, SQLITE_STATIC);
	enum lk_status rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "desk");
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_hub_push(struct lk_store *st, struct lk_hub_desk *d, int64_t hlc, const char *staff_id,
            const void *cs, int n, enum lk_push_result *res, struct lk_apply_stats *stats,
            struct lk_err *err)
{
	*res = LK_PUSH_DUPLICATE;
	if (hlc <= d->last_hlc)
		return LK_OK;
	enum lk_status rc = lk_sync_begin(st, err);
	if (rc != LK_OK)
		return rc;
	/* Read again inside the transaction: another connection of the same
	 * desk may have taken this change meanwhile. */
	sqlite3_stmt *s = lk_prepare(st, "SELECT last_hlc FROM hub_desk WHERE name = ?", err);
	if (s == NULL) {
		lk_sync_rollback(st);
		return LK_EFAIL;
	}
	sqlite3_bind_text(s, 1, d->name, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		d->last_hlc = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (hlc <= d->last_hlc) {
		lk_sync_rollback(st);
		return LK_OK;
	}
	/* The conflicts this change causes go to every desk as a change of
	 * their own, right after it in the one order. */
	sqlite3_session *ses = NULL;
	if (sqlite3session_create(st->db, "main", &ses) != SQLITE_OK ||
	    sqlite3session_attach(ses, "conflict") != SQLITE_OK) {
		sqlite3session_delete(ses);
		lk_sync_rollback(st);
		return lk_sql_err(st, err, "change capture");
	}
	/* The staff member's role first (sync-roles.h), then the rows. */
	rc = lk_hub_role_check(st, scope_kind(d->scope) == SCOPE_KIOSK, staff_id, cs, n, err);
	if (rc == LK_OK)
		rc = lk_sync_apply(st, cs, n, hlc, d->name, LK_APPLY_DETECT, stats, err);
	if (rc == LK_OK && scope_kind(d->scope) != SCOPE_AREA) {
		/* Judge the rows as the change left them: all must be the desk's. */
		void *kept = NULL;
		int kn, dropped;
		rc = scope_filter(st, d->scope, true, cs, n, &kept, &kn, &dropped, err);
		free(kept);
		if (rc == LK_OK && dropped)
			rc = lk_err_set(err, LK_EINPUT, "scope",
			                "%d row(s) of the change are outside the desk's scope", dropped);
	}
	if (rc == LK_OK)
		rc = log_append(st, d->name, hlc, cs, n, err);
	if (rc == LK_OK) {
		int cn = 0;
		void *ccs = NULL;
		if (sqlite3session_changeset(ses, &cn, &ccs) != SQLITE_OK)
			rc = lk_sql_err(st, err, "change capture");
		else if (cn > 0)
			rc = log_append(st, LK_HUB_NODE, hlc, ccs, cn, err);
		sqlite3_free(ccs);
	}
	sqlite3session_delete(ses);
	scope_stmts_flush();
	if (rc == LK_OK && (rc = desk_seen(st, d->name, hlc, err)) == LK_OK)
		rc = lk_sync_commit(st, err);
	else
		lk_sync_rollback(st);
	if (rc == LK_OK) {
		*res = LK_PUSH_APPLIED;
		d->last_hlc = hlc;
		return LK_OK;
	}
	if (rc != LK_EINPUT)
		return rc;
	/* Refused: nothing applied; the stamp counts as seen so the desk's
	 * outbox moves on (the desk keeps the change in sync_refused). */
	*res = LK_PUSH_REFUSED;
	struct lk_err ignore;
	if (desk_seen(st, d->name, hlc, &ignore) == LK_OK)
		d->last_hlc = hlc;
	return LK_OK;
}

enum lk_status
lk_hub_ingest_own(struct lk_store *st, struct lk_err *err)
{
	enum lk_status rc = lk_sync_begin(st, err);
	if (rc != LK_OK)
		return rc;
	sqlite3_stmt *s = lk_prepare(st, "SELECT hlc, changeset FROM outbox ORDER BY seq", err);
	if (s == NULL) {
		lk_sync_rollback(st);
		return LK_EFAIL;
	}
	while (rc == LK_OK && sqlite3_step(s) == SQLITE_ROW)
		rc = log_append(st, LK_HUB_NODE, sqlite3_column_int64(s, 0), sqlite3_column_blob(s, 1),
		                sqlite3_column_bytes(s, 1), err);
	sqlite3_finalize(s);
	scope_stmts_flush();
	if (rc == LK_OK && sqlite3_exec(st->db, "DELETE FROM outbox", NULL, NULL, NULL) != SQLITE_OK)
		rc = lk_sql_err(st, err, "outbox");
	if (rc == LK_OK)
		return lk_sync_commit(st, err);
	lk_sync_rollback(st);
	return rc;
}

int64_t
lk_hub_head(struct lk_store *st)
{
	sqlite3_stmt *s = lk_prepare(st, "SELECT coalesce(max(gseq), 0) FROM hub_log", NULL);
	int64_t head = 0;
	if (s && sqlite3_step(s) == SQLITE_ROW)
		head = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return head;
}

void
lk_hub_entry_free(struct lk_hub_entry *e)
{
	free(e->cs);
	e->cs = NULL;
}

/* The entries a desk may receive, by tag (schema/007_hub_log_tag.sql):
 * ?1 after, ?2 head, ?3 max, ?4 the desk's name, ?5 its scope. */
static const char read_area_sql[] =
	"SELECT gseq, desk, hlc, changeset FROM hub_log WHERE gseq > ?1 AND gseq <= ?2 "
	"AND desk <> ?4 ORDER BY gseq LIMIT ?3";
static const char read_kiosk_sql[] =
	"SELECT l.gseq, l.desk, l.hlc, l.changeset FROM hub_log l WHERE l.gseq IN "
	"(SELECT gseq FROM hub_log_tag WHERE tag = 'k' AND gseq > ?1 AND gseq <= ?2) "
	"AND l.desk <> ?4 ORDER BY l.gseq LIMIT ?3";
static const char read_points_sql[] =
	"SELECT l.gseq, l.desk, l.hlc, l.changeset FROM hub_log l WHERE l.gseq IN "
	"(SELECT gseq FROM hub_log_tag WHERE gseq > ?1 AND gseq <= ?2 AND tag IN "
	" (SELECT '*' UNION SELECT 'm:' || municipality_id FROM service_point"
	"  WHERE instr(',' || ?5 || ',', ',' || id || ',') > 0"
	"  UNION SELECT 'p:' || id FROM service_point"
	"  WHERE instr(',' || ?5 || ',', ',' || id || ',') > 0)) "
	"AND l.desk <> ?4 ORDER BY l.gseq LIMIT ?3";

int
lk_hub_read(struct lk_store *st, const struct lk_hub_desk *d, int64_t after, int64_t head,
            struct lk_hub_entry *e, int max, size_t budget, int64_t *last,
            struct lk_err *err)
{
	enum scope_kind kind = scope_kind(d->scope);
	sqlite3_stmt *s = lk_prepare(st, kind == SCOPE_AREA    ? read_area_sql
	                                 : kind == SCOPE_KIOSK ? read_kiosk_sql
	                                                       : read_points_sql, err);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, after);
	sqlite3_bind_int64(s, 2, head);
	sqlite3_bind_int(s, 3, max);
	sqlite3_bind_text(s, 4, d->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, d->scope, -1, SQLITE_STATIC);
	int k = 0, got = 0;
	int64_t seen = after;
	size_t kept = 0;
	bool area = kind == SCOPE_AREA, full = false;
	while (!full && sqlite3_step(s) == SQLITE_ROW) {
		got++;
		seen = sqlite3_column_int64(s, 0);
		char desk[LK_DESK_NAME_MAX + 1];
		lk_col_text(s, 1, desk, sizeof desk);
		const void *cs = sqlite3_column_blob(s, 3);
		int n = sqlite3_column_bytes(s, 3);
		void *copy = NULL;
		int cn = 0;
		if (area) {
			if ((copy = malloc((size_t)n)) != NULL) {
				memcpy(copy, cs, (size_t)n);
				cn = n;
			}
		} else {
			int dropped;
			if (scope_filter(st, d->scope, false, cs, n, &copy, &cn, &dropped, err) != LK_OK)
				continue;
		}
		if (copy == NULL)
			continue;   /* nothing of it in scope */
		e[k].gseq = seen;
		e[k].hlc = sqlite3_column_int64(s, 2);
		snprintf(e[k].desk, sizeof e[k].desk, "%s", desk);
		e[k].cs = copy;
		e[k].n = cn;
		k++;
		kept += (size_t)cn;
		full = budget > 0 && kept >= budget;
	}
	sqlite3_finalize(s);
	scope_stmts_flush();
	/* Fewer rows than asked and the budget not reached: nothing else up
	 * to head may concern the desk (its own entries and the untagged ones
	 * are passed over). */
	*last = got < max && !full ? head : seen;
	return k;
}

enum lk_status
lk_hub_backup(struct lk_store *st, const char *path, struct lk_err *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return lk_err_set(err, errno == EEXIST ? LK_ECLASH : LK_EINPUT, "file",
		                  "cannot create %s: %s", path, strerror(errno));
	close(fd);
	sqlite3 *dst = NULL;
	enum lk_status rc = LK_OK;
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		rc = lk_err_set(err, LK_EFAIL, "file", "cannot open %s", path);
	} else {
		sqlite3_backup *b = sqlite3_backup_init(dst, "main", st->db, "main");
		if (b == NULL) {
			rc = lk_err_set(err, LK_EFAIL, "file", "backup: %s", sqlite3_errmsg(dst));
		} else {
			/* One step: one read transaction, a consistent snapshot; in WAL
			 * mode the node keeps writing meanwhile. */
			int step, tries = 0;
			while ((step = sqlite3_backup_step(b, -1)) == SQLITE_BUSY ||
			       step == SQLITE_LOCKED) {
				if (++tries > 250)
					break;
				sqlite3_sleep(20);
			}
			if (step != SQLITE_DONE)
				rc = lk_err_set(err, LK_EFAIL, "file", "backup: %s", sqlite3_errstr(step));
			sqlite3_backup_finish(b);
		}
	}
	sqlite3_close_v2(dst);
	if (rc != LK_OK)
		unlink(path);
	return rc;
}
