/*
 * signin.c — staff secrets (argon2id), checking them with an audit row,
 * and the TYM partner's view of the register.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "store/audit.h"
#include "store/signin.h"
#include "store/store-internal.h"

enum lk_status
lk_secret_check(const char *secret, struct lk_err *err)
{
	size_t n = secret ? strlen(secret) : 0;
	if (n > LK_SECRET_MAX)
		return lk_err_set(err, LK_EINPUT, "secret", "at most %d characters", LK_SECRET_MAX);
	bool digits = n > 0;
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)secret[i] < 0x20 || secret[i] == 0x7f)
			return lk_err_set(err, LK_EINPUT, "secret", "no control characters, please");
		if (!isdigit((unsigned char)secret[i]))
			digits = false;
	}
	if (digits ? n < 4 : n < 8)
		return lk_err_set(err, LK_EINPUT, "secret",
		                  "use a PIN of at least 4 digits or a password of at least 8 characters");
	return LK_OK;
}

enum lk_status
lk_staff_set_secret(struct lk_store *st, const char *staff_id, const char *secret,
                    struct lk_err *err)
{
	enum lk_status rc;
	if ((rc = lk_secret_check(secret, err)) != LK_OK)
		return rc;
	char hash[crypto_pwhash_STRBYTES];
	if (crypto_pwhash_str(hash, secret, strlen(secret), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return lk_err_set(err, LK_EFAIL, "secret", "out of memory while hashing the secret");
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	sqlite3_stmt *s = lk_prepare(st,
		"UPDATE staff SET secret_hash = ? WHERE id = ? AND active = 1", err);
	if (s == NULL) {
		lk_store_rollback(st);
		return LK_EFAIL;
	}
	sqlite3_bind_text(s, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, staff_id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "staff");
	sqlite3_finalize(s);
	if (rc == LK_OK && sqlite3_changes(st->db) != 1)
		rc = lk_err_set(err, LK_ENOTFOUND, "staff", "no active staff member '%.64s'", staff_id);
	sodium_memzero(hash, sizeof hash);
	if (rc != LK_OK) {
		lk_store_rollback(st);
		return rc;
	}
	return lk_store_commit(st, err);
}

/* 1 when the query with one optional bound id returns a row. */
static bool
exists(struct lk_store *st, const char *sql, const char *a, const char *b)
{
	sqlite3_stmt *s = lk_prepare(st, sql, NULL);
	if (s == NULL)
		return false;
	if (a)
		sqlite3_bind_text(s, 1, a, -1, SQLITE_TRANSIENT);
	if (b)
		sqlite3_bind_text(s, 2, b, -1, SQLITE_TRANSIENT);
	bool yes = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return yes;
}

bool
lk_signin_required(struct lk_store *st)
{
	return exists(st, "SELECT 1 FROM staff WHERE active = 1 AND secret_hash IS NOT NULL LIMIT 1",
	              NULL, NULL);
}

bool
lk_staff_has_secret(struct lk_store *st, const char *staff_id)
{
	return staff_id && exists(st, "SELECT 1 FROM staff WHERE id = ? AND active = 1"
	                              " AND secret_hash IS NOT NULL", staff_id, NULL);
}

/* An argon2id hash with the same (interactive) limits as every real one,
 * of a secret nobody has: checked when the name is unknown or the account
 * has no secret, so those attempts cost what a real one costs and answer
 * the same (issue 5: sign-in must not tell whether an account exists). */
static const char dummy_hash[] =
	"$argon2id$v=19$m=65536,t=2,p=1$IimGxjTn281Xpm5MEkJQ/Q$"
	"awg2RgCZrt90j2XOX+pGLGlSgq8LnteVTAJbepk9pEY";

static unsigned long verifies;

/* This desk's mark in the detail of its sign-in rows: "desk NAME" once the
 * desk is enrolled (meta desk_name), "" before: then no row of another desk
 * is in its audit trail. The trail syncs to every desk of the area, so the
 * mark is how a desk finds its own rows among those without a staff
 * member. */
static void
desk_mark(struct lk_store *st, char *buf, size_t size)
{
	char name[64] = "";
	buf[0] = '\0';
	if (lk_meta_get(st, "desk_name", name, sizeof name) == LK_OK && name[0])
		snprintf(buf, size, "desk %s", name);
}

/* detail, then "; " and the desk's mark when there is one. */
static const char *
marked(const char *detail, const char *mark, char *buf, size_t size)
{
	if (mark[0] == '\0')
		return detail;
	snprintf(buf, size, "%s%s%s", detail ? detail : "", detail ? "; " : "", mark);
	return buf;
}

/* The detail of a failure of a name that is no account (unknown, inactive
 * or without a secret): never the name itself. */
static const char unknown_detail[] = "unknown staff member";

unsigned long
lk_signin_verify_count(void)
{
	return verifies;
}

enum lk_status
lk_signin_verify(struct lk_store *st, const char *staff_id, const char *secret,
                 const char *action, const char *detail, struct lk_err *err)
{
	char hash[crypto_pwhash_STRBYTES] = "";
	bool known = false;
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT secret_hash FROM staff WHERE id = ? AND active = 1 AND secret_hash IS NOT NULL",
		err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, staff_id ? staff_id : "", -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW) {
		lk_col_text(s, 0, hash, sizeof hash);
		known = hash[0] != '\0';
	}
	sqlite3_finalize(s);
	if (!known)
		snprintf(hash, sizeof hash, "%s", dummy_hash);
	/* Always exactly one verify, whatever was found. */
	const char *given = secret ? secret : "";
	bool good = crypto_pwhash_str_verify(hash, given, strlen(given)) == 0 && known && secret;
	verifies++;
	sodium_memzero(hash, sizeof hash);
	char what[48];
	snprintf(what, sizeof what, "%s%s", action, good ? "" : "-failed");
	struct lk_err aerr = { 0 };
	char mark[80], buf[200];
	desk_mark(st, mark, sizeof mark);
	/* Who tried is recorded only when it is a real account. */
	enum lk_status rc = lk_audit(st, known ? staff_id : NULL, what, NULL,
	                             marked(known ? detail : unknown_detail, mark, buf, sizeof buf),
	                             &aerr);
	if (rc != LK_OK) {
		if (err)
			*err = aerr;
		return rc;
	}
	if (!good)
		return lk_err_set(err, LK_ECLASH, "secret", "wrong name or secret");
	return LK_OK;
}

enum lk_status
lk_signin_failed(struct lk_store *st, const char *staff_id, const char *detail,
                 struct lk_err *err)
{
	bool known = lk_staff_has_secret(st, staff_id);
	char mark[80], buf[200];
	desk_mark(st, mark, sizeof mark);
	return lk_audit(st, known ? staff_id : NULL, "sign-in-failed", NULL,
	                marked(known ? detail : unknown_detail, mark, buf, sizeof buf), err);
}

/* The failed attempts of names that are no account at this desk: its
 * "-failed" rows without a staff member, marked as its own, since its last
 * successful sign-in or unlock, within the window. */
static int
unknown_failures(struct lk_store *st, const char *since)
{
	char mark[80], buf[200];
	desk_mark(st, mark, sizeof mark);
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT count(*) FROM audit WHERE staff_id IS NULL"
		" AND action IN ('sign-in-failed', 'unlock-failed') AND at >= ?1 AND detail = ?2"
		" AND rowid > coalesce((SELECT max(rowid) FROM audit WHERE staff_id IS NOT NULL"
		"   AND action IN ('sign-in', 'unlock') AND (?3 = '' OR detail = ?3"
		"   OR substr(detail, -length(?3) - 2) = '; ' || ?3)), 0)", NULL);
	if (s == NULL)
		return 0;
	sqlite3_bind_text(s, 1, since, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, marked(unknown_detail, mark, buf, sizeof buf), -1,
	                  SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, mark, -1, SQLITE_TRANSIENT);
	int n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	return n;
}

int
lk_signin_failures(struct lk_store *st, const char *staff_id)
{
	char since[20];
	lk_time_iso(lk_now() - LK_SIGNIN_WINDOW_MIN, since, sizeof since);
	/* An account waits at least as long as a name that is no account
	 * would here, so the wait never tells the two apart. */
	int unknown = unknown_failures(st, since);
	if (!lk_staff_has_secret(st, staff_id))
		return unknown;
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT count(*) FROM audit WHERE staff_id = ?1"
		" AND action IN ('sign-in-failed', 'unlock-failed') AND at >= ?2"
		" AND rowid > coalesce((SELECT max(rowid) FROM audit WHERE staff_id = ?1"
		"                       AND action IN ('sign-in', 'unlock')), 0)", NULL);
	if (s == NULL)
		return 0;
	sqlite3_bind_text(s, 1, staff_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, since, -1, SQLITE_TRANSIENT);
	int n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	return n > unknown ? n : unknown;
}

unsigned
lk_signin_delay_ms(int failures)
{
	if (failures <= 0)
		return 0;
	unsigned ms = 1000;
	for (int i = 1; i < failures && ms < 30000; i++)
		ms *= 2;
	return ms > 30000 ? 30000 : ms;
}

bool
lk_tym_client_visible(struct lk_store *st, const char *staff_id, const char *client_id)
{
	if (staff_id == NULL || client_id == NULL)
		return false;
	/* The newest TYM consent row of the open case must not be withdrawn
	 * (tym.c consent_state reads it the same way). */
	return exists(st,
		"SELECT 1 FROM tym_case c JOIN tym_member m ON m.case_id = c.id"
		" WHERE c.client_id = ?2 AND c.closed IS NULL AND m.staff_id = ?1"
		" AND (SELECT withdrawn_at IS NULL FROM consent k WHERE k.client_id = c.client_id"
		"      AND k.kind = 'tym' AND k.scope = c.id ORDER BY k.given_at DESC, k.rowid DESC"
		"      LIMIT 1) = 1 LIMIT 1",
		staff_id, client_id);
}
