/*
 * sync-desk.c — the desk's sync state in its store: link settings in meta
 * (keys starting "sync_"), the outbox as the node acknowledges it (kept in
 * sync_sent until a backup of the node holds it), the identity of the
 * node's log, and remote changes applied together with the last global seq.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "store/store-internal.h"
#include "store/sync-desk.h"

static bool
meta_hex(struct lk_store *st, const char *key, unsigned char *out, size_t n)
{
	char buf[260];
	return lk_meta_get(st, key, buf, sizeof buf) == LK_OK &&
	       sodium_hex2bin(out, n, buf, strlen(buf), NULL, NULL, NULL) == 0 &&
	       strlen(buf) == 2 * n;
}

enum lk_status
lk_desk_link_get(struct lk_store *st, struct lk_desk_link *l)
{
	char buf[32];
	memset(l, 0, sizeof *l);
	if (lk_meta_get(st, "sync_node", l->node, sizeof l->node) != LK_OK ||
	    !meta_hex(st, "sync_node_pk", l->node_pk, 32) || !meta_hex(st, "sync_pk", l->pk, 32) ||
	    !meta_hex(st, "sync_sk", l->sk, 64) ||
	    lk_meta_get(st, "desk_name", l->name, sizeof l->name) != LK_OK)
		return LK_ENOTFOUND;
	lk_meta_get(st, "sync_scope", l->scope, sizeof l->scope);
	lk_meta_get(st, "sync_log_id", l->log_id, sizeof l->log_id);
	if (lk_meta_get(st, "sync_pulled", buf, sizeof buf) == LK_OK)
		l->pulled = strtoll(buf, NULL, 10);
	return LK_OK;
}

enum lk_status
lk_desk_link_set(struct lk_store *st, const struct lk_desk_link *l, struct lk_err *err)
{
	char npk[65], pk[65], sk[129];
	sodium_bin2hex(npk, sizeof npk, l->node_pk, 32);
	sodium_bin2hex(pk, sizeof pk, l->pk, 32);
	sodium_bin2hex(sk, sizeof sk, l->sk, 64);
	enum lk_status rc = lk_sync_begin(st, err);
	if (rc != LK_OK)
		return rc;
	if (lk_meta_set(st, "sync_node", l->node) != LK_OK ||
	    lk_meta_set(st, "sync_node_pk", npk) != LK_OK || lk_meta_set(st, "sync_pk", pk) != LK_OK ||
	    lk_meta_set(st, "sync_sk", sk) != LK_OK || lk_meta_set(st, "desk_name", l->name) != LK_OK ||
	    lk_meta_set(st, "sync_scope", l->scope) != LK_OK ||
	    lk_meta_set(st, "sync_pulled", "0") != LK_OK) {
		lk_sync_rollback(st);
		rc = lk_sql_err(st, err, "enrol");
	} else {
		rc = lk_sync_commit(st, err);
	}
	sodium_memzero(sk, sizeof sk);
	return rc;
}

/* Read up to max entries of one statement (seq, hlc, changeset, staff_id;
 * after_hlc and max bound to it) into e; the caller frees each e[].cs. */
static int
read_entries(struct lk_store *st, const char *sql, int64_t after_hlc,
             struct lk_outbox_entry *e, int max)
{
	sqlite3_stmt *s = lk_prepare(st, sql, NULL);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, after_hlc);
	sqlite3_bind_int(s, 2, max);
	int k = 0;
	while (k < max && sqlite3_step(s) == SQLITE_ROW) {
		int n = sqlite3_column_bytes(s, 2);
		void *cs = malloc(n > 0 ? (size_t)n : 1);
		if (cs == NULL)
			break;
		memcpy(cs, sqlite3_column_blob(s, 2), (size_t)n);
		e[k].seq = sqlite3_column_int64(s, 0);
		e[k].hlc = sqlite3_column_int64(s, 1);
		e[k].cs = cs;
		e[k].n = n;
		lk_col_text(s, 3, e[k].staff, sizeof e[k].staff);
		k++;
	}
	sqlite3_finalize(s);
	return k;
}

int
lk_desk_outbox_read(struct lk_store *st, int64_t after_hlc, struct lk_outbox_entry *e, int max)
{
	return read_entries(st,
		"SELECT seq, hlc, changeset, staff_id FROM outbox WHERE hlc > ? ORDER BY seq LIMIT ?",
		after_hlc, e, max);
}

int
lk_desk_sent_read(struct lk_store *st, int64_t after_hlc, struct lk_outbox_entry *e, int max)
{
	return read_entries(st,
		"SELECT hlc, hlc, changeset, staff_id FROM sync_sent WHERE hlc > ? ORDER BY hlc LIMIT ?",
		after_hlc, e, max);
}

static int64_t
meta_int(struct lk_store *st, const char *key)
{
	char buf[32];
	return lk_meta_get(st, key, buf, sizeof buf) == LK_OK ? strtoll(buf, NULL, 10) : 0;
}

static bool
meta_int_set(struct lk_store *st, const char *key, int64_t v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%" PRId64, v);
	return lk_meta_set(st, key, buf) == LK_OK;
}

/* One statement with one bound stamp, stepped to its end. */
static bool
exec_hlc(struct lk_store *st, const char *sql, int64_t hlc)
{
	sqlite3_stmt *s = lk_prepare(st, sql, NULL);
	if (s == NULL)
		return false;
	sqlite3_bind_int64(s, 1, hlc);
	bool ok = sqlite3_step(s) == SQLITE_DONE;
	sqlite3_finalize(s);
	return ok;
}

enum lk_status
lk_desk_outbox_ack(struct lk_store *st, int64_t hlc, int64_t safe, struct lk_err *err)
{
	enum lk_status rc = lk_sync_begin(st, err);
	if (rc != LK_OK)
		return rc;
	/* Acknowledged is not yet safe: kept in sync_sent until a backup the
	 * node keeps holds it (docs/protocol.md, "Restore"). */
	bool ok = exec_hlc(st,
		"INSERT OR IGNORE INTO sync_sent(hlc, created, changeset, staff_id) "
		"SELECT hlc, created, changeset, staff_id FROM outbox WHERE hlc <= ?1", hlc) &&
		exec_hlc(st, "DELETE FROM outbox WHERE hlc <= ?1", hlc) &&
		exec_hlc(st, "DELETE FROM sync_sent WHERE hlc <= ?1", safe) &&
		(hlc <= meta_int(st, "sync_acked") || meta_int_set(st, "sync_acked", hlc));
	if (!ok) {
		rc = lk_sql_err(st, err, "outbox");
		lk_sync_rollback(st);
		return rc;
	}
	return lk_sync_commit(st, err);
}

int64_t
lk_desk_acked(struct lk_store *st)
{
	return meta_int(st, "sync_acked");
}

int64_t
lk_desk_own_high(struct lk_store *st)
{
	/* Not the outbox: a change made after this file was put back from a
	 * copy says nothing of the changes the copy lacks. */
	int64_t high = meta_int(st, "sync_acked");
	sqlite3_stmt *s = lk_prepare(st, "SELECT coalesce(max(hlc), 0) FROM sync_sent", NULL);
	if (s && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int64(s, 0) > high)
		high = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return high;
}

enum lk_status
lk_desk_log_reset(struct lk_store *st, const char *log_id, int64_t cursor, bool resend,
                  struct lk_err *err)
{
	enum lk_status rc = lk_sync_begin(st, err);
	if (rc != LK_OK)
		return rc;
	if (lk_meta_set(st, "sync_log_id", log_id) != LK_OK ||
	    !meta_int_set(st, "sync_pulled", cursor) ||
	    (resend && (lk_meta_set(st, "sync_resend", "1") != LK_OK ||
	                /* what the lost log acknowledged is no measure of this one */
	                !meta_int_set(st, "sync_acked", 0)))) {
		rc = lk_sql_err(st, err, "log");
		lk_sync_rollback(st);
		return rc;
	}
	return lk_sync_commit(st, err);
}

bool
lk_desk_resend_due(struct lk_store *st)
{
	return meta_int(st, "sync_resend") != 0;
}

enum lk_status
lk_desk_resend_done(struct lk_store *st, struct lk_err *err)
{
	if (sqlite3_exec(st->db, "DELETE FROM meta WHERE key = 'sync_resend'", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return lk_sql_err(st, err, "meta");
	return LK_OK;
}

enum lk_status
lk_desk_outbox_refused(struct lk_store *st, int64_t hlc, const char *reason, struct lk_err *err)
{
	char now[20];
	lk_time_iso(lk_now(), now, sizeof now);
	enum lk_status rc = lk_sync_begin(st, err);
	if (rc != LK_OK)
		return rc;
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO sync_refused(hlc, created, changeset, reason, refused, staff_id) "
		"SELECT hlc, created, changeset, ?2, ?3, staff_id FROM outbox WHERE hlc = ?1", err);
	if (s) {
		sqlite3_bind_int64(s, 1, hlc);
		sqlite3_bind_text(s, 2, reason, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, now, -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = lk_sql_err(st, err, "outbox");
		sqlite3_finalize(s);
	} else {
		rc = LK_EFAIL;
	}
	if (rc == LK_OK && (s = lk_prepare(st, "DELETE FROM outbox WHERE hlc = ?", err)) != NULL) {
		sqlite3_bind_int64(s, 1, hlc);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = lk_sql_err(st, err, "outbox");
		sqlite3_finalize(s);
	}
	if (rc == LK_OK)
		return lk_sync_commit(st, err);
	lk_sync_rollback(st);
	return rc;
}

static int64_t
pulled(struct lk_store *st)
{
	char buf[32];
	return lk_meta_get(st, "sync_pulled", buf, sizeof buf) == LK_OK ? strtoll(buf, NULL, 10) : 0;
}

static enum lk_status
set_pulled(struct lk_store *st, int64_t gseq, struct lk_err *err)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%" PRId64, gseq);
	return lk_meta_set(st, "sync_pulled", buf) == LK_OK ? LK_OK : lk_sql_err(st, err, "pulled");
}

/* Snapshot rows: only tables synced here. */
static int
snapshot_filter(void *ctx, const char *table)
{
	(void)ctx;
	return lk_store_synced(table);
}

/* A row of the snapshot that is here already stays as it is. */
static int
snapshot_conflict(void *ctx, int type, sqlite3_changeset_iter *it)
{
	(void)ctx;
	(void)type;
	(void)it;
	return SQLITE_CHANGESET_OMIT;
}

/* Whether every change of cs is an insert (a snapshot holds nothing else). */
static bool
inserts_only(const void *cs, int n)
{
	sqlite3_changeset_iter *it;
	if (sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK)
		return false;
	bool ok = true;
	while (ok && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tbl;
		int ncol, op, ind;
		sqlite3changeset_op(it, &tbl, &ncol, &op, &ind);
		ok = op == SQLITE_INSERT;
	}
	return sqlite3changeset_finalize(it) == SQLITE_OK && ok;
}

/* The node's snapshot (node-seed.c): rows this desk has never seen, put in
 * with SQLite's own changeset apply: no merge is needed for rows older than
 * anything here, and a 20 000-client area arrives in seconds. */
static enum lk_status
apply_snapshot(struct lk_store *st, const void *cs, int n, struct lk_apply_stats *stats,
               struct lk_err *err)
{
	/* Random ids land all over the tables' B-trees: keep them in memory
	 * while the snapshot comes in rather than spilling page by page. */
	sqlite3_exec(st->db, "PRAGMA cache_size = -262144", NULL, NULL, NULL);
	int before = sqlite3_total_changes(st->db);
	if (sqlite3changeset_apply(st->db, n, (void *)cs, snapshot_filter, snapshot_conflict,
	                           NULL) != SQLITE_OK)
		return lk_err_set(err, LK_EINPUT, "changeset", "a snapshot change cannot be applied: %s",
		                  sqlite3_errmsg(st->db));
	if (stats)
		stats->rows += sqlite3_total_changes(st->db) - before;
	return LK_OK;
}

enum lk_status
lk_desk_pull_apply(struct lk_store *st, int64_t gseq, int64_t hlc, const char *desk,
                   const void *cs, int n, struct lk_apply_stats *stats, struct lk_err *err)
{
	if (gseq <= pulled(st))
		return LK_OK;
	bool snapshot = strcmp(desk, LK_HUB_SNAPSHOT) == 0 && inserts_only(cs, n);
	enum lk_status rc = lk_sync_begin(st, err);
	if (rc != LK_OK)
		return rc;
	if ((rc = snapshot ? apply_snapshot(st, cs, n, stats, err)
	                   : lk_sync_apply(st, cs, n, hlc, desk, 0, stats, err)) == LK_OK &&
	    (rc = set_pulled(st, gseq, err)) == LK_OK)
		return lk_sync_commit(st, err);
	lk_sync_rollback(st);
	return rc;
}

enum lk_status
lk_desk_pulled(struct lk_store *st, int64_t gseq, struct lk_err *err)
{
	if (gseq <= pulled(st))
		return LK_OK;
	return set_pulled(st, gseq, err);
}

void
lk_desk_adopt_area(struct lk_store *st)
{
	sqlite3_exec(st->db,
	             "INSERT OR IGNORE INTO meta(key, value) SELECT 'area', id FROM area"
	             " WHERE (SELECT count(*) FROM area) = 1",
	             NULL, NULL, NULL);
}
