/*
 * audit.h — the append-only trail of who looked at or exported what.
 * The database itself refuses updates and deletes of it (schema triggers).
 */
#ifndef LK_AUDIT_H
#define LK_AUDIT_H

#include "store/store.h"

/* Record one event in its own write transaction (or in the caller's, when
 * one is open). staff_id and client_id may be NULL. */
enum lk_status lk_audit(struct lk_store *st, const char *staff_id, const char *action,
                        const char *client_id, const char *detail, struct lk_err *err);

#endif
