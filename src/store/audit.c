/*
 * audit.c — appending to the audit trail.
 */
#include "store/audit.h"
#include "store/store-internal.h"

enum lk_status
lk_audit(struct lk_store *st, const char *staff_id, const char *action, const char *client_id,
         const char *detail, struct lk_err *err)
{
	bool own = st->session == NULL && !st->bulk;
	enum lk_status rc;
	if (own && (rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	char id[LK_ID_LEN + 1], now[20];
	lk_new_id(id);
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO audit(id, at, staff_id, action, client_id, detail)"
		" VALUES (?, ?, ?, ?, ?, ?)", err);
	if (s == NULL) {
		rc = LK_EFAIL;
	} else {
		sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, lk_time_iso(lk_now(), now, sizeof now), -1, SQLITE_STATIC);
		lk_bind_text(s, 3, staff_id);
		sqlite3_bind_text(s, 4, action, -1, SQLITE_TRANSIENT);
		lk_bind_text(s, 5, client_id);
		lk_bind_text(s, 6, detail);
		rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "audit");
		sqlite3_finalize(s);
	}
	if (!own)
		return rc;
	if (rc != LK_OK) {
		lk_store_rollback(st);
		return rc;
	}
	return lk_store_commit(st, err);
}
