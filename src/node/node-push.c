/*
 * node-push.c — a desk's push on the central node, one transaction: the
 * staff member's role (node-rights.c), the merge by field (sync-apply.c),
 * the desk's scope (node-scope.c), the change and the conflicts it caused
 * appended to the log (node-changelog.c), and the desk's stamp (node-enrol.c).
 * The rest of a round, reading the log, is lk_hub_read (node-changelog.c).
 */
#include "node/node-internal.h"
#include "node/node-rights.h"

enum lk_status
lk_hub_push(struct lk_store *st, struct lk_hub_desk *d, int64_t hlc, const char *staff_id,
            const void *cs, int n, enum lk_push_result *res, struct lk_apply_stats *stats,
            struct lk_err *err)
{
	*res = LK_PUSH_DUPLICATE;
	enum lk_status rc = lk_sync_begin(st, err);
	if (rc != LK_OK)
		return rc;
	/* A change is known by its desk and stamp: one already in the log is
	 * not applied again, whether it comes again after a cut link, from a
	 * desk's kept sent changes after a restore, or from a desk put back
	 * from an old copy (docs/protocol.md, "Restore"). Read inside the
	 * transaction: another connection of the same desk may have taken it. */
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT (SELECT last_hlc FROM hub_desk WHERE name = ?1),"
		" EXISTS (SELECT 1 FROM hub_log WHERE desk = ?1 AND hlc = ?2)", err);
	if (s == NULL) {
		lk_sync_rollback(st);
		return LK_EFAIL;
	}
	sqlite3_bind_text(s, 1, d->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, hlc);
	bool logged = false;
	if (sqlite3_step(s) == SQLITE_ROW) {
		d->last_hlc = sqlite3_column_int64(s, 0);
		logged = sqlite3_column_int(s, 1) != 0;
	}
	sqlite3_finalize(s);
	if (logged) {
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
	/* The staff member's role first (node-rights.h), then the rows. */
	rc = lk_hub_role_check(st, lk_scope_kind(d->scope) == LK_SCOPE_KIOSK, staff_id, cs, n, err);
	if (rc == LK_OK)
		rc = lk_sync_apply(st, cs, n, hlc, d->name, LK_APPLY_DETECT | LK_APPLY_TEXT, stats, err);
	/* Judge the rows as the change left them: all must be the desk's. */
	if (rc == LK_OK && lk_scope_kind(d->scope) != LK_SCOPE_AREA)
		rc = lk_scope_judge(st, d->scope, cs, n, err);
	if (rc == LK_OK)
		rc = lk_hub_log_append(st, d->name, hlc, cs, n, err);
	if (rc == LK_OK) {
		int cn = 0;
		void *ccs = NULL;
		if (sqlite3session_changeset(ses, &cn, &ccs) != SQLITE_OK)
			rc = lk_sql_err(st, err, "change capture");
		else if (cn > 0)
			rc = lk_hub_log_append(st, LK_HUB_NODE, hlc, ccs, cn, err);
		sqlite3_free(ccs);
	}
	sqlite3session_delete(ses);
	lk_scope_stmts_flush();
	if (rc == LK_OK && (rc = lk_hub_desk_seen(st, d->name, hlc, err)) == LK_OK)
		rc = lk_sync_commit(st, err);
	else
		lk_sync_rollback(st);
	if (rc == LK_OK) {
		*res = LK_PUSH_APPLIED;
		if (hlc > d->last_hlc)
			d->last_hlc = hlc;
		return LK_OK;
	}
	if (rc != LK_EINPUT)
		return rc;
	/* Refused: nothing applied; the stamp counts as seen so the desk's
	 * outbox moves on (the desk keeps the change in sync_refused). */
	*res = LK_PUSH_REFUSED;
	struct lk_err ignore;
	if (lk_hub_desk_seen(st, d->name, hlc, &ignore) == LK_OK && hlc > d->last_hlc)
		d->last_hlc = hlc;
	return LK_OK;
}
