/*
 * node-rights.h — the central node's role check of a pushed change: the
 * staff member the desk names for it (PUSH, docs/protocol.md "Roles on the
 * node") must be an active account on the node whose role may write every
 * table the change touches (core/roles.h, lk_table_write_caps). A change
 * that names nobody passes only while no account has a secret, from a
 * kiosk desk (its scope already allows anonymous visits only), or when it
 * touches the audit trail alone (a failed sign-in before anyone is in).
 * Reads the node's store; never writes.
 */
#ifndef LK_NODE_NODE_RIGHTS_H
#define LK_NODE_NODE_RIGHTS_H

#include <stdbool.h>

#include "store/store.h"

/* LK_OK when the change may be applied; LK_EINPUT (field "staff", the
 * reason in err) when the role refuses it; LK_EFAIL when the store broke. */
enum lk_status lk_hub_role_check(struct lk_store *st, bool kiosk_desk, const char *staff_id,
                                 const void *cs, int n, struct lk_err *err);

#endif
