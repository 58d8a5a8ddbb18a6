/*
 * consent.h — the client's consents, one module for every kind (docs/rules.md#consent;
 * "Rinnalla", TYM, 004 §4.2.1; issue 5): 'rinnalla' one-time oral consent,
 * 'terveydenhuolto' disclosure to healthcare, 'tym' sharing within a TYM
 * team (its scope is the case id). Each row says who recorded it, when,
 * how (oral, written, electronic), for what scope, and when it was
 * withdrawn. Giving and withdrawing are audited ("consent-given",
 * "consent-withdrawn", with the client) in the same write transaction.
 * Never draws, never prints.
 */
#ifndef LK_STORE_CONSENT_H
#define LK_STORE_CONSENT_H

#include <stdbool.h>

#include "store/store.h"

#define LK_CONSENT_SCOPE_MAX 200

struct lk_consent {
	char id[65];
	char kind[24];
	char scope[LK_CONSENT_SCOPE_MAX + 1];
	char how[16];
	char staff_id[65];
	char staff_name[210];    /* "Surname Given", or empty */
	char given_at[20];       /* "YYYY-MM-DD HH:MM" */
	char withdrawn_at[20];   /* empty while in force */
};

/* The kinds and ways of giving, NULL-terminated (schema CHECKs). */
extern const char *const lk_consent_kinds[];
extern const char *const lk_consent_hows[];
/* English labels (gettext msgids) of a kind and of a way of giving, for
 * people to read; the code itself for an unknown one. */
const char *lk_consent_kind_label(const char *kind);
const char *lk_consent_how_label(const char *how);

/* Record consent of `kind` for `scope` (1–LK_CONSENT_SCOPE_MAX bytes of
 * text; for 'tym' an open TYM case of the client), given `how` (NULL:
 * 'oral' for rinnalla, else 'written'); its id into id_out (may be NULL).
 * LK_EINPUT naming kind/scope/how for bad values, LK_ENOTFOUND ("client")
 * for an unknown client, LK_ECLASH ("scope") when the same consent is in
 * force already. One write transaction, audited. */
enum lk_status lk_consent_give(struct lk_store *st, const char *client_id, const char *kind,
                               const char *scope, const char *how, const char *staff_id,
                               char *id_out, struct lk_err *err);
/* Withdraw the consent of `kind` for `scope` that is in force; LK_EINPUT
 * ("scope") when none is. One write transaction, audited. */
enum lk_status lk_consent_withdraw(struct lk_store *st, const char *client_id, const char *kind,
                                   const char *scope, const char *staff_id, struct lk_err *err);
typedef int (*lk_consent_cb)(const struct lk_consent *c, void *ctx);
/* The client's consents, oldest first; cb returns non-zero to stop. */
enum lk_status lk_consent_list(struct lk_store *st, const char *client_id, lk_consent_cb cb,
                               void *ctx, struct lk_err *err);

/* For the other store modules, inside their open write transaction: the
 * newest row of the kind and scope (*rowid 0 when none), and writing one
 * given or withdrawn, audited. */
enum lk_status lk_consent_state(struct lk_store *st, const char *client_id, const char *kind,
                                const char *scope, lk_date *given, lk_date *withdrawn,
                                long long *rowid, struct lk_err *err);
enum lk_status lk_consent_insert(struct lk_store *st, const char *client_id, const char *kind,
                                 const char *scope, const char *how, const char *staff_id,
                                 char *id_out, struct lk_err *err);
enum lk_status lk_consent_mark_withdrawn(struct lk_store *st, const char *client_id,
                                         long long rowid, const char *staff_id,
                                         struct lk_err *err);

#endif
