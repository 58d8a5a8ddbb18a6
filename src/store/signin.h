/*
 * signin.h — staff secrets and signing in: argon2id hashes (libsodium
 * crypto_pwhash_str, interactive limits) in staff.secret_hash, checking a
 * secret with an audit row for each success and failure, the growing delay
 * after failures, and which clients a TYM partner may see.
 *
 * Sign-in applies once any active staff member has a secret. Never keeps a
 * secret in memory longer than a call, never writes one to the audit trail
 * or a message. Never draws, never prints.
 */
#ifndef LK_STORE_SIGNIN_H
#define LK_STORE_SIGNIN_H

#include <stdbool.h>

#include "store/store.h"

#define LK_SECRET_MAX 128

/* A PIN of at least 4 digits or a password of at least 8 characters (at
 * most LK_SECRET_MAX bytes); LK_EINPUT naming "secret" otherwise. */
enum lk_status lk_secret_check(const char *secret, struct lk_err *err);
/* Hash and store a new secret for an active staff member (one write). */
enum lk_status lk_staff_set_secret(struct lk_store *st, const char *staff_id, const char *secret,
                                   struct lk_err *err);
/* Whether any active staff member has a secret, so sign-in is needed. */
bool lk_signin_required(struct lk_store *st);
/* Whether the staff member has a secret. */
bool lk_staff_has_secret(struct lk_store *st, const char *staff_id);
/* Check a secret. LK_OK on a match; LK_ECLASH ("secret", "wrong name or
 * secret") when it is wrong or the staff member is unknown, inactive or has
 * no secret. Every call runs exactly one argon2id verify (against a fixed
 * dummy hash when there is no real one), so an unknown name costs what a
 * known one costs and answers the same. Audits `action` ("sign-in",
 * "unlock") or action "-failed" with `detail` (may be NULL); the secret
 * never. */
enum lk_status lk_signin_verify(struct lk_store *st, const char *staff_id, const char *secret,
                                const char *action, const char *detail, struct lk_err *err);
/* How many argon2id verifies lk_signin_verify has run in this process
 * (for the test that every path runs exactly one). */
unsigned long lk_signin_verify_count(void);
/* How far back failed attempts count for the slow-down, in minutes. */
#define LK_SIGNIN_WINDOW_MIN 60
/* Audit a failed sign-in that never reached a secret check (the command
 * line without a secret, an unknown --staff): as lk_signin_verify does, by
 * staff_id only when it is an account with a secret, else without a staff
 * member, detail "unknown staff member" (the name given is stored
 * nowhere). */
enum lk_status lk_signin_failed(struct lk_store *st, const char *staff_id, const char *detail,
                                struct lk_err *err);
/* Failed sign-ins and unlocks in a row, read from the audit trail (so they
 * survive a restart), within the last LK_SIGNIN_WINDOW_MIN minutes. Of an
 * account with a secret: its "-failed" rows since its last success, from
 * every desk of the area. Of a name that is no account (staff_id NULL,
 * unknown, inactive or without a secret): this desk's "-failed" rows
 * without a staff member since the last success on this desk — the rows
 * carry the desk's name once it is enrolled (detail "...; desk NAME"), as
 * the trail reaches every desk of the area. An account's count is at least
 * the latter, so after a restart the wait tells no account from a name that
 * is none. */
int lk_signin_failures(struct lk_store *st, const char *staff_id);
/* The wait before the next attempt after `failures` failed ones, in
 * milliseconds: 0, then 1, 2, 4, … s, at most 30 s. */
unsigned lk_signin_delay_ms(int failures);
/* Whether staff_id is a member of a team of the client's open TYM case
 * and the client's TYM consent for that case is in force. */
bool lk_tym_client_visible(struct lk_store *st, const char *staff_id, const char *client_id);

#endif
