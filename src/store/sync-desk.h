/*
 * sync-desk.h — a desk's side of sync in its own store: the pinned node,
 * the desk's key pair, what it has sent and what it has applied.
 *
 * An outbox entry leaves the outbox only when the node has acknowledged its
 * stamp (then it is kept in sync_sent until the node says a backup holds
 * it) or refused it (then it moves to sync_refused, kept). A remote change
 * is applied in one transaction together with the desk's "last applied"
 * global sequence number, so a cut link never applies anything twice.
 *
 * Never reads the network.
 */
#ifndef LK_SYNC_DESK_H
#define LK_SYNC_DESK_H

#include <stdint.h>

#include "store/store.h"
#include "store/sync-apply.h"

struct lk_desk_link {
	char node[256];                       /* HOST:PORT */
	unsigned char node_pk[32];            /* the node's Ed25519 public key */
	unsigned char pk[32], sk[64];         /* this desk's Ed25519 key pair */
	char name[LK_DESK_NAME_MAX + 1];
	char scope[512];
	int64_t pulled;                       /* last global seq applied */
	char log_id[33];                      /* the node log's identity ("" before the first round) */
};

/* The link settings; LK_ENOTFOUND when the desk was never enrolled. */
enum lk_status lk_desk_link_get(struct lk_store *st, struct lk_desk_link *l);
/* Store the link settings of a fresh enrolment (one transaction). */
enum lk_status lk_desk_link_set(struct lk_store *st, const struct lk_desk_link *l,
                                struct lk_err *err);

/* One waiting outbox entry. */
struct lk_outbox_entry {
	int64_t seq, hlc;
	void *cs;      /* owned by the caller: free() */
	int n;
	char staff[65];  /* who made the change (schema 010), "" for nobody */
};

/* Up to max outbox entries with a stamp above after_hlc, oldest first. */
int lk_desk_outbox_read(struct lk_store *st, int64_t after_hlc, struct lk_outbox_entry *e,
                        int max);
/* The node acknowledged every entry stamped up to hlc: they leave the outbox
 * for sync_sent, and sync_sent forgets what is stamped up to safe (a backup
 * the node keeps holds it); one transaction. */
enum lk_status lk_desk_outbox_ack(struct lk_store *st, int64_t hlc, int64_t safe,
                                  struct lk_err *err);
/* Like lk_desk_outbox_read, over the sent entries kept in sync_sent. */
int lk_desk_sent_read(struct lk_store *st, int64_t after_hlc, struct lk_outbox_entry *e,
                      int max);
/* The newest stamp of this desk's own sent changes that this store holds:
 * the highest the node ever acknowledged, or a kept sent entry. The node
 * sends back the desk's own changes stamped above it (a desk restored from
 * an old copy of its file, a re-enrolled laptop). */
int64_t lk_desk_own_high(struct lk_store *st);
/* The newest stamp of this desk the node ever acknowledged. */
int64_t lk_desk_acked(struct lk_store *st);
/* The node's log is not the one this desk pulled from (restored, or first
 * contact): take its identity and cursor, and when resend, mark that the
 * kept sent entries go again in the next round; one transaction. */
enum lk_status lk_desk_log_reset(struct lk_store *st, const char *log_id, int64_t cursor,
                                 bool resend, struct lk_err *err);
/* Whether the kept sent entries are due to go again; cleared once a round
 * that sent them completed. */
bool lk_desk_resend_due(struct lk_store *st);
enum lk_status lk_desk_resend_done(struct lk_store *st, struct lk_err *err);
/* The node refused the entry stamped hlc: move it to sync_refused with why. */
enum lk_status lk_desk_outbox_refused(struct lk_store *st, int64_t hlc, const char *reason,
                                      struct lk_err *err);

/* Apply remote change gseq (stamped hlc by desk) and remember gseq, in one
 * transaction; a gseq already applied is skipped. */
enum lk_status lk_desk_pull_apply(struct lk_store *st, int64_t gseq, int64_t hlc,
                                  const char *desk, const void *cs, int n,
                                  struct lk_apply_stats *stats, struct lk_err *err);
/* A desk that got its area by sync (never ran `luukku init`) takes it as
 * its own, as init would have: meta 'area' when the store holds exactly one
 * area and no area is set yet. */
void lk_desk_adopt_area(struct lk_store *st);
/* Remember that everything up to gseq is applied (entries in between were
 * this desk's own or outside its scope). */
enum lk_status lk_desk_pulled(struct lk_store *st, int64_t gseq, struct lk_err *err);

#endif
