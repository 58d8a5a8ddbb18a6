/*
 * node-changelog.c — the central node's change log in the one global order
 * (docs/protocol.md): appending an entry with its scope tags, moving the
 * node's own outbox into it, and reading a desk's round from it — the
 * candidate entries found by their tags in an index (schema/
 * 007_hub_log_tag.sql), each filtered to the desk's scope before it is sent;
 * and, once, re-tagging the audit rows of a log an older node wrote
 * (schema/011_retag_audit.sql).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "node/node-internal.h"

enum lk_status
lk_hub_log_append(struct lk_store *st, const char *desk, int64_t hlc, const void *cs, int n,
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
		rc = lk_scope_tag(st, sqlite3_last_insert_rowid(st->db), cs, n, err);
	return rc;
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
		rc = lk_hub_log_append(st, LK_HUB_NODE, sqlite3_column_int64(s, 0),
		                       sqlite3_column_blob(s, 1), sqlite3_column_bytes(s, 1), err);
	sqlite3_finalize(s);
	lk_scope_stmts_flush();
	if (rc == LK_OK && sqlite3_exec(st->db, "DELETE FROM outbox", NULL, NULL, NULL) != SQLITE_OK)
		rc = lk_sql_err(st, err, "outbox");
	if (rc == LK_OK)
		return lk_sync_commit(st, err);
	lk_sync_rollback(st);
	return rc;
}

enum lk_status
lk_hub_retag_audit(struct lk_store *st, struct lk_err *err)
{
	char flag[8] = "";
	if (lk_meta_get(st, "hub_retag_audit", flag, sizeof flag) != LK_OK || flag[0] == '\0')
		return LK_OK;
	enum lk_status rc = lk_sync_begin(st, err);
	if (rc != LK_OK)
		return rc;
	sqlite3_stmt *s = lk_prepare(st, "SELECT gseq, changeset FROM hub_log ORDER BY gseq", err);
	if (s == NULL) {
		lk_sync_rollback(st);
		return LK_EFAIL;
	}
	while (rc == LK_OK && sqlite3_step(s) == SQLITE_ROW)
		rc = lk_scope_tag_table(st, sqlite3_column_int64(s, 0), sqlite3_column_blob(s, 1),
		                        sqlite3_column_bytes(s, 1), "audit", err);
	sqlite3_finalize(s);
	lk_scope_stmts_flush();
	if (rc == LK_OK &&
	    sqlite3_exec(st->db, "DELETE FROM meta WHERE key = 'hub_retag_audit'", NULL, NULL,
	                 NULL) != SQLITE_OK)
		rc = lk_sql_err(st, err, "meta");
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
 * ?1 after, ?2 head, ?3 max, ?4 the desk's name, ?5 its scope, ?6 the newest
 * of its own changes it holds and ?7 the head before this round's pushes
 * (its own newer ones logged before go back to it: docs/protocol.md,
 * "Restore"). */
static const char read_area_sql[] =
	"SELECT gseq, desk, hlc, changeset FROM hub_log WHERE gseq > ?1 AND gseq <= ?2 "
	"AND (desk <> ?4 OR (hlc > ?6 AND gseq <= ?7)) ORDER BY gseq LIMIT ?3";
static const char read_kiosk_sql[] =
	"SELECT l.gseq, l.desk, l.hlc, l.changeset FROM hub_log l WHERE l.gseq IN "
	"(SELECT gseq FROM hub_log_tag WHERE tag = 'k' AND gseq > ?1 AND gseq <= ?2) "
	"AND (l.desk <> ?4 OR (l.hlc > ?6 AND l.gseq <= ?7)) ORDER BY l.gseq LIMIT ?3";
static const char read_points_sql[] =
	"SELECT l.gseq, l.desk, l.hlc, l.changeset FROM hub_log l WHERE l.gseq IN "
	"(SELECT gseq FROM hub_log_tag WHERE gseq > ?1 AND gseq <= ?2 AND tag IN "
	" (SELECT '*' UNION SELECT 'm:' || municipality_id FROM service_point"
	"  WHERE instr(',' || ?5 || ',', ',' || id || ',') > 0"
	"  UNION SELECT 'p:' || id FROM service_point"
	"  WHERE instr(',' || ?5 || ',', ',' || id || ',') > 0)) "
	"AND (l.desk <> ?4 OR (l.hlc > ?6 AND l.gseq <= ?7)) ORDER BY l.gseq LIMIT ?3";

int
lk_hub_read(struct lk_store *st, const struct lk_hub_desk *d, int64_t after, int64_t head,
            int64_t own, int64_t own_upto, struct lk_hub_entry *e, int max, size_t budget, int64_t *last,
            struct lk_err *err)
{
	enum lk_scope_kind kind = lk_scope_kind(d->scope);
	sqlite3_stmt *s = lk_prepare(st, kind == LK_SCOPE_AREA    ? read_area_sql
	                                 : kind == LK_SCOPE_KIOSK ? read_kiosk_sql
	                                                          : read_points_sql, err);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, after);
	sqlite3_bind_int64(s, 2, head);
	sqlite3_bind_int(s, 3, max);
	sqlite3_bind_text(s, 4, d->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, d->scope, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 6, own);
	sqlite3_bind_int64(s, 7, own_upto);
	int k = 0, got = 0;
	int64_t seen = after;
	size_t kept = 0;
	bool area = kind == LK_SCOPE_AREA, full = false;
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
			if (lk_scope_filter(st, d->scope, false, cs, n, &copy, &cn, &dropped, err) !=
			    LK_OK)
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
	lk_scope_stmts_flush();
	/* Fewer rows than asked and the budget not reached: nothing else up
	 * to head may concern the desk (its own entries and the untagged ones
	 * are passed over). */
	*last = got < max && !full ? head : seen;
	return k;
}
