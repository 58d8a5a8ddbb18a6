/*
 * sync-apply.h — changes made elsewhere, merged into this store field by
 * field (docs/architecture.md#merge-by-field, #offline-clashes).
 *
 * A changeset comes with the stamp of the write that made it: its hybrid
 * logical clock and the name of the desk. For every field it touches, the
 * stamp is compared with the field's own stamp here (field_stamp); the
 * higher (hlc, then desk name) wins, on every node alike, whatever the order
 * the changes arrive in. A losing value that differs from the winner goes to
 * `conflict`; so does an offline double booking (kind 'clash'). Conflict
 * rows get ids made from what they are about, so every node that detects the
 * same conflict names it alike.
 *
 * Local writes stamp their fields through lk_sync_stamp_local(), called by
 * lk_store_commit() with the stamp it gave the outbox entry.
 *
 * Never captured into the outbox (a remote change is not this desk's change);
 * never reads the network.
 */
#ifndef LK_SYNC_APPLY_H
#define LK_SYNC_APPLY_H

#include <stdint.h>

#include "store/store.h"

#define LK_DESK_NAME_MAX 40
/* The desk name of the node's snapshot entries (node/node-seed.c): never a
 * desk's name (':' is not allowed in one); desks put them in without merge. */
#define LK_HUB_SNAPSHOT "node:snapshot"

/* Counts of what one apply did, for logs (no personal data in them). */
struct lk_apply_stats {
	int rows;       /* rows inserted, updated or deleted */
	int lost;       /* fields whose incoming value lost to a newer one here */
	int conflicts;  /* conflict rows recorded (field and clash) */
};

/* Open / end an uncaptured write transaction for applying remote changes. */
enum lk_status lk_sync_begin(struct lk_store *st, struct lk_err *err);
enum lk_status lk_sync_commit(struct lk_store *st, struct lk_err *err);
void lk_sync_rollback(struct lk_store *st);

enum lk_apply_flags {
	/* Record conflicts (the central node). Desks leave it off: they get
	 * the node's conflict rows as changes of the `conflict` table, so
	 * every node holds the same conflicts, decided in the one order. */
	LK_APPLY_DETECT = 1,
	/* Hold every text value the change writes to the text rule
	 * (core/text.h; names without bidi controls, free text without an
	 * identity code, validate.h): the central node applying a desk's
	 * push, which is refused whole (LK_EINPUT naming the column) like any
	 * other invalid write and kept in the desk's sync_refused. Desks
	 * apply the node's one order as it comes (convergence is byte for
	 * byte); what they print passes the output rule whatever it holds. */
	LK_APPLY_TEXT = 2,
};

/* Inside lk_sync_begin() … commit: merge changeset cs (n bytes) stamped
 * (hlc, desk). A malformed changeset, an unknown table or a column count
 * that differs from this schema is refused with LK_EINPUT; so is a change
 * of `conflict` under LK_APPLY_DETECT. On any error the caller rolls back.
 * Stats may be NULL. */
enum lk_status lk_sync_apply(struct lk_store *st, const void *cs, int n, int64_t hlc,
                             const char *desk, int flags, struct lk_apply_stats *stats,
                             struct lk_err *err);

/* Stamp the fields a local write changed (called by lk_store_commit inside
 * its transaction). desk is this store's meta desk_name, or "local". */
enum lk_status lk_sync_stamp_local(struct lk_store *st, const void *cs, int n, int64_t hlc,
                                   struct lk_err *err);

/* Raise this store's hybrid logical clock to at least hlc (a stamp seen). */
enum lk_status lk_sync_clock_seen(struct lk_store *st, int64_t hlc);

/* A changeset's tables, checked against the synced tables of this schema:
 * LK_OK when every op is well-formed, else LK_EINPUT. */
enum lk_status lk_sync_check(struct lk_store *st, const void *cs, int n, struct lk_err *err);

#endif
