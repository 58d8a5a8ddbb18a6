/*
 * sync-conflict.c — reading the open conflicts.
 */
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
