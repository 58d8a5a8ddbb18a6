/*
 * link.h — the desk's side of sync: enrol with a node, and one sync round
 * over a blocking socket with timeouts (docs/protocol.md).
 *
 * A round sends the outbox entries the node has not acknowledged, then asks
 * for every change after the last one applied here, applying each in its own
 * transaction. A round cut anywhere loses nothing: the next one resends
 * what was not acknowledged (the node skips what it already has) and asks
 * again from the last change applied.
 *
 * Blocks the caller for at most the timeout per network step: the terminal
 * runs it off its input loop. Never draws, never prints.
 */
#ifndef LK_LINK_H
#define LK_LINK_H

#include <stdint.h>

#include "store/sync-desk.h"

struct lk_sync_report {
	int pushed;          /* outbox entries sent */
	int resent;          /* kept sent entries sent again to a restored node */
	bool restored;       /* the node's log was found restored (or older than this desk) */
	int acked;           /* …that left the outbox */
	int refused;         /* …that the node refused (kept in sync_refused) */
	int pulled;          /* remote changes applied */
	int conflicts;       /* conflict rows recorded here */
	int64_t head;        /* the node's newest gseq */
	long bytes_out, bytes_in;
};

/* Enrol this store with the node at hostport using code; stores the node's
 * key and a new key pair of the desk. */
enum lk_status lk_link_enrol(struct lk_store *st, const char *hostport, const char *code,
                             int timeout_ms, struct lk_desk_link *out, struct lk_err *err);

/* One round with the pinned node. LK_EFAIL when the node cannot be reached
 * or the round broke (nothing lost), LK_EINPUT when not enrolled. */
enum lk_status lk_link_sync(struct lk_store *st, int timeout_ms, struct lk_sync_report *rep,
                            struct lk_err *err);

/* The same round with the pinned node reached at another address (NULL:
 * the one given at enrolment), e.g. [sync] node after the node moved. */
enum lk_status lk_link_sync_to(struct lk_store *st, const char *node, int timeout_ms,
                               struct lk_sync_report *rep, struct lk_err *err);
/* The same round on a connection of its own to the store at db_path, for
 * a caller on another thread (the terminal's background sync): an SQLite
 * connection is never shared between threads. */
enum lk_status lk_link_sync_path(const char *db_path, const char *node, int timeout_ms,
                                 struct lk_sync_report *rep, struct lk_err *err);

/* Seconds a desk waits before its next round after `failures` failed ones
 * in a row: the interval doubled per failure, at most 10 minutes, so a node
 * down for long is retried every 10 minutes and not hammered. */
int lk_sync_backoff(int interval, int failures);

#endif
