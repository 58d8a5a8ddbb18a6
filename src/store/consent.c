/*
 * consent.c — giving, withdrawing and listing a client's consents, each
 * change audited in its own transaction (see consent.h).
 */
#include <stdio.h>
#include <string.h>

#include "store/audit.h"
#include "store/consent.h"
#include "store/store-internal.h"
#include "store/validate.h"

const char *const lk_consent_kinds[] = { "rinnalla", "terveydenhuolto", "tym", NULL };
const char *const lk_consent_hows[] = { "oral", "written", "electronic", NULL };

enum lk_status
lk_consent_state(struct lk_store *st, const char *client_id, const char *kind, const char *scope,
                 lk_date *given, lk_date *withdrawn, long long *rowid, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT substr(given_at, 1, 10), substr(withdrawn_at, 1, 10), rowid FROM consent"
		" WHERE client_id = ? AND kind = ? AND scope = ? ORDER BY given_at DESC, rowid DESC"
		" LIMIT 1", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, client_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, scope, -1, SQLITE_TRANSIENT);
	*given = *withdrawn = LK_NO_DATE;
	*rowid = 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		*given = lk_col_date(s, 0);
		*withdrawn = lk_col_date(s, 1);
		*rowid = sqlite3_column_int64(s, 2);
	}
	sqlite3_finalize(s);
	return LK_OK;
}

enum lk_status
lk_consent_insert(struct lk_store *st, const char *client_id, const char *kind, const char *scope,
                  const char *how, const char *staff_id, char *id_out, struct lk_err *err)
{
	char id[LK_ID_LEN + 1], now[20], detail[LK_CONSENT_SCOPE_MAX + 64];
	lk_new_id(id);
	lk_time_iso(lk_now(), now, sizeof now);
	sqlite3_stmt *s = lk_prepare(st, "INSERT INTO consent(id, client_id, kind, scope, given_how,"
	                                 " staff_id, given_at) VALUES (?, ?, ?, ?, ?, ?, ?)", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, client_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, scope, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, how, -1, SQLITE_TRANSIENT);
	lk_bind_text(s, 6, staff_id);
	sqlite3_bind_text(s, 7, now, -1, SQLITE_STATIC);
	enum lk_status rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "consent");
	sqlite3_finalize(s);
	if (rc != LK_OK)
		return rc;
	if (id_out)
		memcpy(id_out, id, sizeof id);
	snprintf(detail, sizeof detail, "%s: %s (%s)", kind, scope, how);
	return lk_audit(st, staff_id, "consent-given", client_id, detail, err);
}

enum lk_status
lk_consent_mark_withdrawn(struct lk_store *st, const char *client_id, long long rowid,
                          const char *staff_id, struct lk_err *err)
{
	char now[20], detail[LK_CONSENT_SCOPE_MAX + 64] = "";
	lk_time_iso(lk_now(), now, sizeof now);
	sqlite3_stmt *s = lk_prepare(st, "UPDATE consent SET withdrawn_at = ? WHERE rowid = ?"
	                                 " RETURNING kind || ': ' || coalesce(scope, '')", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, rowid);
	enum lk_status rc = LK_OK;
	if (sqlite3_step(s) == SQLITE_ROW)
		lk_col_text(s, 0, detail, sizeof detail);
	else
		rc = lk_sql_err(st, err, "consent");
	sqlite3_finalize(s);
	if (rc != LK_OK)
		return rc;
	return lk_audit(st, staff_id, "consent-withdrawn", client_id, detail, err);
}

/* Whether the client exists; for 'tym', whether scope is one of their
 * TYM cases (open, when `open` is asked). */
static enum lk_status
check_target(struct lk_store *st, const char *client_id, const char *kind, const char *scope,
             bool open, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, "SELECT 1 FROM client WHERE id = ?", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, client_id, -1, SQLITE_TRANSIENT);
	bool found = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	if (!found)
		return lk_err_set(err, LK_ENOTFOUND, "client", "no client '%.64s'", client_id);
	if (strcmp(kind, "tym") != 0)
		return LK_OK;
	s = lk_prepare(st, "SELECT closed IS NULL FROM tym_case WHERE id = ? AND client_id = ?", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, scope, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, client_id, -1, SQLITE_TRANSIENT);
	int state = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
	sqlite3_finalize(s);
	if (state < 0)
		return lk_err_set(err, LK_EINPUT, "scope",
		                  "for tym consent the scope is one of the client's TYM cases");
	if (open && state == 0)
		return lk_err_set(err, LK_ECLASH, "scope", "the TYM case is closed");
	return LK_OK;
}

static enum lk_status
check_input(const char *kind, const char *scope, struct lk_err *err)
{
	enum lk_status rc;
	if ((rc = lk_check_enum("kind", kind, lk_consent_kinds, err)) != LK_OK)
		return rc;
	if (scope == NULL || scope[0] == '\0')
		return lk_err_set(err, LK_EINPUT, "scope", "say what the consent covers");
	return lk_check_free_text("scope", scope, LK_CONSENT_SCOPE_MAX, err);
}

enum lk_status
lk_consent_give(struct lk_store *st, const char *client_id, const char *kind, const char *scope,
                const char *how, const char *staff_id, char *id_out, struct lk_err *err)
{
	enum lk_status rc;
	if ((rc = check_input(kind, scope, err)) != LK_OK)
		return rc;
	if (how == NULL)
		how = strcmp(kind, "rinnalla") == 0 ? "oral" : "written";
	if ((rc = lk_check_enum("how", how, lk_consent_hows, err)) != LK_OK)
		return rc;
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	lk_date g, w;
	long long rowid;
	char day[16];
	if ((rc = check_target(st, client_id, kind, scope, true, err)) != LK_OK ||
	    (rc = lk_consent_state(st, client_id, kind, scope, &g, &w, &rowid, err)) != LK_OK)
		goto fail;
	if (g != LK_NO_DATE && w == LK_NO_DATE) {
		rc = lk_err_set(err, LK_ECLASH, "scope", "this consent is in force already (given %s)",
		                lk_date_fi(g, day, sizeof day));
		goto fail;
	}
	if ((rc = lk_consent_insert(st, client_id, kind, scope, how, staff_id, id_out, err)) != LK_OK)
		goto fail;
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}

enum lk_status
lk_consent_withdraw(struct lk_store *st, const char *client_id, const char *kind,
                    const char *scope, const char *staff_id, struct lk_err *err)
{
	enum lk_status rc;
	if ((rc = check_input(kind, scope, err)) != LK_OK)
		return rc;
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	lk_date g, w;
	long long rowid;
	if ((rc = check_target(st, client_id, kind, scope, false, err)) != LK_OK ||
	    (rc = lk_consent_state(st, client_id, kind, scope, &g, &w, &rowid, err)) != LK_OK)
		goto fail;
	if (g == LK_NO_DATE || w != LK_NO_DATE) {
		rc = lk_err_set(err, LK_EINPUT, "scope", "no %s consent for '%.80s' is in force, so "
		                "there is none to withdraw", kind, scope);
		goto fail;
	}
	if ((rc = lk_consent_mark_withdrawn(st, client_id, rowid, staff_id, err)) != LK_OK)
		goto fail;
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}

enum lk_status
lk_consent_list(struct lk_store *st, const char *client_id, lk_consent_cb cb, void *ctx,
                struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT k.id, k.kind, coalesce(k.scope, ''), k.given_how, coalesce(k.staff_id, ''),"
		" coalesce(f.surname || ' ' || f.given_names, ''), k.given_at,"
		" coalesce(k.withdrawn_at, '')"
		" FROM consent k LEFT JOIN staff f ON f.id = k.staff_id"
		" WHERE k.client_id = ? ORDER BY k.given_at, k.rowid", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, client_id, -1, SQLITE_TRANSIENT);
	int r;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		struct lk_consent c;
		lk_col_text(s, 0, c.id, sizeof c.id);
		lk_col_text(s, 1, c.kind, sizeof c.kind);
		lk_col_text(s, 2, c.scope, sizeof c.scope);
		lk_col_text(s, 3, c.how, sizeof c.how);
		lk_col_text(s, 4, c.staff_id, sizeof c.staff_id);
		lk_col_text(s, 5, c.staff_name, sizeof c.staff_name);
		lk_col_text(s, 6, c.given_at, sizeof c.given_at);
		lk_col_text(s, 7, c.withdrawn_at, sizeof c.withdrawn_at);
		if (cb(&c, ctx) != 0)
			break;
	}
	enum lk_status rc = r == SQLITE_ROW || r == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "consent");
	sqlite3_finalize(s);
	return rc;
}
