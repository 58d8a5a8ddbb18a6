/*
 * node-internal.h — what the central node's store modules share and
 * nothing else uses: the scope rule (node-scope.c), the change log
 * (node-changelog.c), the desks' table (node-enrol.c) and re-encoding a
 * changeset with only some of its ops (node-recode.c). The public side is
 * node-store.h.
 */
#ifndef LK_NODE_NODE_INTERNAL_H
#define LK_NODE_NODE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store-internal.h"
#include "node/node-store.h"

/* ---- scope (node-scope.c) ---- */

enum lk_scope_kind { LK_SCOPE_AREA, LK_SCOPE_KIOSK, LK_SCOPE_POINTS };

/* 'area', 'kiosk' or a list of service points. */
enum lk_scope_kind lk_scope_kind(const char *scope);

/* Keep the ops of cs that `scope` may see (or, writing, may have made).
 * *out is NULL when nothing is kept; *dropped counts the others. */
enum lk_status lk_scope_filter(struct lk_store *st, const char *scope, bool writing,
                               const void *cs, int n, void **out, int *outn, int *dropped,
                               struct lk_err *err);

/* Judge a pushed change cs of a desk of `scope` as it left the rows: every
 * row must be the desk's, or LK_EINPUT (field "scope") says how many are
 * not. */
enum lk_status lk_scope_judge(struct lk_store *st, const char *scope, const void *cs, int n,
                              struct lk_err *err);

/* Tag log entry gseq by the rows of its changeset cs (hub_log_tag). */
enum lk_status lk_scope_tag(struct lk_store *st, int64_t gseq, const void *cs, int n,
                            struct lk_err *err);

/* Add the tags of the rows of `table` in log entry gseq (the others' tags
 * are left as they are): re-tagging entries logged by an older node. */
enum lk_status lk_scope_tag_table(struct lk_store *st, int64_t gseq, const void *cs, int n,
                                  const char *table, struct lk_err *err);

/* Finalize the scope queries cached by the calls above; every caller does
 * this when its filtering or tagging is done. */
void lk_scope_stmts_flush(void);

/* ---- the change log (node-changelog.c) ---- */

/* Append changeset cs of desk `desk` stamped hlc, with its tags. */
enum lk_status lk_hub_log_append(struct lk_store *st, const char *desk, int64_t hlc,
                                 const void *cs, int n, struct lk_err *err);

/* ---- the desks (node-enrol.c) ---- */

/* Record that desk `name` was seen with stamp hlc (its last_hlc only
 * grows). */
enum lk_status lk_hub_desk_seen(struct lk_store *st, const char *name, int64_t hlc,
                                struct lk_err *err);

/* ---- re-encoding a changeset (node-recode.c) ---- */

/* The first primary-key value of the op as text ("" when none). */
void lk_cs_op_row(sqlite3_changeset_iter *it, int op, char *buf, size_t size);

/* Whether to keep the op on `row` of `table`. */
typedef bool lk_cs_keep_fn(void *ctx, const char *table, const char *row);

/* Re-encode cs with only the ops keep() says yes to, in their order.
 * *out is NULL when nothing is kept (else the caller frees it); *dropped
 * counts the others. */
enum lk_status lk_cs_keep(const void *cs, int n, lk_cs_keep_fn *keep, void *ctx, void **out,
                          int *outn, int *dropped, struct lk_err *err);

#endif
