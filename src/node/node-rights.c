/*
 * node-rights.c — the node's check that a pushed change's staff member may
 * write what it writes (see node-rights.h).
 */
#include <string.h>

#include "core/roles.h"
#include "store/signin.h"
#include "store/store-internal.h"
#include "node/node-rights.h"

/* Whether an UPDATE of a staff row is the acting member changing only
 * their own secret (`staff passwd` for oneself). */
static bool
own_secret(struct lk_store *st, sqlite3_changeset_iter *it, int ncol, const char *staff_id)
{
	sqlite3_stmt *s = lk_prepare(st, "SELECT cid, name, pk FROM pragma_table_info('staff')", NULL);
	if (s == NULL)
		return false;
	int secret = -1, pk = -1;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 1);
		if (name && strcmp(name, "secret_hash") == 0)
			secret = sqlite3_column_int(s, 0);
		if (sqlite3_column_int(s, 2) == 1)
			pk = sqlite3_column_int(s, 0);
	}
	sqlite3_finalize(s);
	if (secret < 0 || pk < 0 || secret >= ncol || pk >= ncol)
		return false;
	sqlite3_value *v = NULL;
	if (sqlite3changeset_old(it, pk, &v) != SQLITE_OK || v == NULL ||
	    sqlite3_value_type(v) != SQLITE_TEXT ||
	    strcmp((const char *)sqlite3_value_text(v), staff_id) != 0)
		return false;
	for (int i = 0; i < ncol; i++) {
		v = NULL;
		if (sqlite3changeset_new(it, i, &v) != SQLITE_OK)
			return false;
		if (v != NULL && i != secret)
			return false;   /* another column changed too */
	}
	return true;
}

/* The role of an active staff member on the node; false when none. */
static bool
role_of(struct lk_store *st, const char *staff_id, char *role, size_t size)
{
	sqlite3_stmt *s = lk_prepare(st, "SELECT role FROM staff WHERE id = ? AND active = 1", NULL);
	if (s == NULL)
		return false;
	sqlite3_bind_text(s, 1, staff_id, -1, SQLITE_TRANSIENT);
	bool found = sqlite3_step(s) == SQLITE_ROW;
	if (found)
		lk_col_text(s, 0, role, size);
	sqlite3_finalize(s);
	return found;
}

enum lk_status
lk_hub_role_check(struct lk_store *st, bool kiosk_desk, const char *staff_id, const void *cs,
                  int n, struct lk_err *err)
{
	bool named = staff_id && staff_id[0];
	if (!named && (kiosk_desk || !lk_signin_required(st)))
		return LK_OK;
	char role[24] = "";
	bool known = false, looked = false;
	sqlite3_changeset_iter *it = NULL;
	if (sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK)
		return lk_err_set(err, LK_EINPUT, "changeset", "the change does not parse");
	enum lk_status rc = LK_OK;
	while (rc == LK_OK && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *table;
		int ncol, op, indirect;
		sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
		unsigned caps = lk_table_write_caps(table);
		if (caps == 0)
			continue;   /* the audit trail: anyone's actions, even a failed sign-in */
		if (!named) {
			rc = lk_err_set(err, LK_EINPUT, "staff", "the change to %s names no staff member, "
			                "and sign-in accounts are in use", table);
			break;
		}
		if (!looked) {
			known = role_of(st, staff_id, role, sizeof role);
			looked = true;
		}
		if (!known) {
			rc = lk_err_set(err, LK_EINPUT, "staff",
			                "the change names '%.64s', who is no active staff member here",
			                staff_id);
			break;
		}
		bool may = false;
		for (int c = 0; c < LK_CAP_COUNT && !may; c++)
			may = (caps & (1u << c)) && lk_role_can(role, (enum lk_cap)c);
		if (!may && strcmp(table, "staff") == 0 && op == SQLITE_UPDATE)
			may = own_secret(st, it, ncol, staff_id);
		if (!may)
			rc = lk_err_set(err, LK_EINPUT, "staff", "the role '%s' may not write %s", role,
			                table);
	}
	sqlite3changeset_finalize(it);
	return rc;
}
