/*
 * node-enrol.c — who is who on the central node: its own Ed25519 key pair
 * and the desks it enrols (a one-time code, claimed by the desk's public
 * key), revokes and recognises, with each desk's last applied stamp.
 */
#include <string.h>

#include <sodium.h>

#include "node/node-internal.h"

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
	/* An id's letters (a-z, 0-9, '-'), shorter, not leading '-'. */
	return lk_id_valid(s) && strlen(s) <= LK_DESK_NAME_MAX && strcmp(s, LK_HUB_NODE) != 0 &&
	       s[0] != '-';
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
		"enrolled = NULL, revoked = NULL, last_hlc = 0, safe_hlc = 0, held_hlc = 0 "
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
	out->safe_hlc = sqlite3_column_int64(s, 4);
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
		"RETURNING name, scope, last_hlc, revoked, safe_hlc", err);
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
		"SELECT name, scope, last_hlc, revoked, safe_hlc FROM hub_desk WHERE pk = ?", NULL);
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

enum lk_status
lk_hub_desk_seen(struct lk_store *st, const char *name, int64_t hlc, struct lk_err *err)
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
