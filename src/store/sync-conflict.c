/*
 * sync-conflict.c — the open conflicts: reading, counting and settling
 * them (a settled conflict keeps its row, with who settled it and when).
 */
#include <stdio.h>
#include <string.h>

#include "core/roles.h"
#include "store/store-internal.h"
#include "store/sync-conflict.h"

enum lk_status
lk_conflict_list(struct lk_store *st, lk_conflict_cb cb, void *ctx, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT id, kind, table_name, row_id, field, kept_value, losing_value, kept_desk,"
		" losing_desk, detected FROM conflict WHERE resolved_at IS NULL"
		" ORDER BY detected, table_name, row_id, field, id", err);
	if (s == NULL)
		return LK_EFAIL;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct lk_conflict c;
		lk_col_text(s, 0, c.id, sizeof c.id);
		lk_col_text(s, 1, c.kind, sizeof c.kind);
		lk_col_text(s, 2, c.table, sizeof c.table);
		lk_col_text(s, 3, c.row, sizeof c.row);
		lk_col_text(s, 4, c.field, sizeof c.field);
		lk_col_text(s, 5, c.kept, sizeof c.kept);
		lk_col_text(s, 6, c.losing, sizeof c.losing);
		lk_col_text(s, 7, c.kept_desk, sizeof c.kept_desk);
		lk_col_text(s, 8, c.losing_desk, sizeof c.losing_desk);
		lk_col_text(s, 9, c.detected, sizeof c.detected);
		if (cb(&c, ctx) != 0)
			break;
	}
	enum lk_status rc = step == SQLITE_ROW || step == SQLITE_DONE ? LK_OK
	                                                             : lk_sql_err(st, err, "conflicts");
	sqlite3_finalize(s);
	return rc;
}

long
lk_conflict_open_count(struct lk_store *st)
{
	sqlite3_stmt *s = lk_prepare(st, "SELECT count(*) FROM conflict WHERE resolved_at IS NULL",
	                             NULL);
	if (s == NULL)
		return -1;
	long n = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : -1;
	sqlite3_finalize(s);
	return n;
}

/* The single primary-key column of a synced table, with `field` checked to
 * be one of its columns; false when the record cannot be written back. */
static bool
record_shape(struct lk_store *st, const char *table, const char *field, char *pk, size_t size)
{
	if (!lk_store_synced(table) || strcmp(table, "conflict") == 0)
		return false;
	sqlite3_stmt *s = lk_prepare(st, "SELECT name, pk FROM pragma_table_info(?)", NULL);
	if (s == NULL)
		return false;
	sqlite3_bind_text(s, 1, table, -1, SQLITE_TRANSIENT);
	int npk = 0;
	bool has_field = false;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		if (sqlite3_column_int(s, 1) > 0) {
			npk++;
			snprintf(pk, size, "%s", name ? name : "");
		}
		if (name && strcmp(name, field) == 0 && sqlite3_column_int(s, 1) == 0)
			has_field = true;
	}
	sqlite3_finalize(s);
	return npk == 1 && has_field;
}

/* Write the losing value back into its record (inside the transaction). */
static enum lk_status
take_losing(struct lk_store *st, sqlite3_stmt *c, const char *id, struct lk_err *err)
{
	char table[64], row[128], field[64], pk[64];
	lk_col_text(c, 1, table, sizeof table);
	lk_col_text(c, 2, row, sizeof row);
	lk_col_text(c, 3, field, sizeof field);
	if (!record_shape(st, table, field, pk, sizeof pk))
		return lk_err_set(err, LK_EINPUT, "id",
		                  "conflict %s is about %s.%s, which cannot be written back", id,
		                  table, field);
	char *sql = sqlite3_mprintf("UPDATE \"%w\" SET \"%w\" = ? WHERE \"%w\" = ?", table, field,
	                            pk);
	sqlite3_stmt *u = sql ? lk_prepare(st, sql, err) : NULL;
	sqlite3_free(sql);
	if (u == NULL)
		return LK_EFAIL;
	if (sqlite3_column_type(c, 4) == SQLITE_NULL)
		sqlite3_bind_null(u, 1);
	else
		sqlite3_bind_value(u, 1, sqlite3_column_value(c, 4));
	sqlite3_bind_text(u, 2, row, -1, SQLITE_TRANSIENT);
	enum lk_status rc = LK_OK;
	if (sqlite3_step(u) != SQLITE_DONE)
		rc = lk_sql_err(st, err, "take the losing value");
	else if (sqlite3_changes(st->db) == 0)
		rc = lk_err_set(err, LK_ENOTFOUND, "id", "the record of conflict %s is not here", id);
	sqlite3_finalize(u);
	return rc;
}

enum lk_status
lk_conflict_settle(struct lk_store *st, const char *id, enum lk_settle how, const char *staff_id,
                   struct lk_err *err)
{
	if (id == NULL || !lk_id_valid(id))
		return lk_err_set(err, LK_EINPUT, "id", "a conflict id is 32 hexadecimal digits");
	enum lk_status rc = lk_store_begin(st, err);
	if (rc != LK_OK)
		return rc;
	sqlite3_stmt *c = lk_prepare(st,
		"SELECT kind, table_name, row_id, field, losing_value, resolved_at"
		" FROM conflict WHERE id = ?", err);
	if (c == NULL) {
		lk_store_rollback(st);
		return LK_EFAIL;
	}
	sqlite3_bind_text(c, 1, id, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(c);
	if (step != SQLITE_ROW) {
		rc = step == SQLITE_DONE
		     ? lk_err_set(err, LK_ENOTFOUND, "id", "no conflict %s", id)
		     : lk_sql_err(st, err, "conflict");
	} else if (sqlite3_column_type(c, 5) != SQLITE_NULL) {
		rc = lk_err_set(err, LK_ECLASH, "id", "conflict %s is already settled", id);
	} else if (how == LK_SETTLE_TAKE_LOSING) {
		const char *kind = (const char *)sqlite3_column_text(c, 0);
		if (kind && strcmp(kind, "field") != 0)
			rc = lk_err_set(err, LK_EINPUT, "--take-losing",
			                "a double booking has no losing value: settle it with --keep "
			                "after moving one of the bookings");
		else
			rc = take_losing(st, c, id, err);
	}
	sqlite3_finalize(c);
	if (rc == LK_OK) {
		char now[20];
		lk_time_iso(lk_now(), now, sizeof now);
		sqlite3_stmt *u = lk_prepare(st,
			"UPDATE conflict SET resolved_by = ?, resolved_at = ? WHERE id = ?", err);
		if (u == NULL) {
			rc = LK_EFAIL;
		} else {
			lk_bind_text(u, 1, staff_id);
			sqlite3_bind_text(u, 2, now, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(u, 3, id, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(u) != SQLITE_DONE)
				rc = lk_sql_err(st, err, "settle");
			sqlite3_finalize(u);
		}
	}
	if (rc == LK_OK)
		return lk_store_commit(st, err);
	lk_store_rollback(st);
	return rc;
}

bool
lk_conflict_exists(struct lk_store *st, const char *id)
{
	sqlite3_stmt *s = lk_prepare(st, "SELECT 1 FROM conflict WHERE id = ?", NULL);
	if (s == NULL)
		return false;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	bool yes = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return yes;
}

bool
lk_conflict_may_settle(struct lk_store *st, const char *id, const char *role,
                       const char *staff_id)
{
	if (lk_role_can(role, LK_CAP_SETTLE))
		return true;
	if (!lk_role_can(role, LK_CAP_SETTLE_OWN) || staff_id == NULL || id == NULL)
		return false;
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT 1 FROM conflict c WHERE c.id = ?1 AND ("
		" (c.table_name = 'appointment' AND EXISTS (SELECT 1 FROM appointment a"
		"   LEFT JOIN client k ON k.id = a.client_id"
		"   WHERE (a.id = c.row_id OR (c.kind = 'clash' AND a.id = c.losing_value))"
		"   AND (a.staff_id = ?2 OR k.caseworker_id = ?2)))"
		" OR (c.table_name = 'client' AND EXISTS (SELECT 1 FROM client k"
		"   WHERE k.id = c.row_id AND k.caseworker_id = ?2)))", NULL);
	if (s == NULL)
		return false;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, staff_id, -1, SQLITE_TRANSIENT);
	bool own = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return own;
}
