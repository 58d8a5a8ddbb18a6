/*
 * sync-conflict.h — the open conflicts sync had to decide (schema 002):
 * a same-field edit whose losing value is kept, or an offline double
 * booking. Listing, counting and settling them: settling is a person's
 * act, written as a normal captured change so it syncs like any other.
 */
#ifndef LK_SYNC_CONFLICT_H
#define LK_SYNC_CONFLICT_H

#include <stdbool.h>

#include "store/store.h"

struct lk_conflict {
	char id[LK_ID_LEN + 1];
	char kind[8];              /* "field" or "clash" */
	char table[32];
	char row[128];
	char field[64];
	char kept[256];
	char losing[256];
	char kept_desk[48];
	char losing_desk[48];
	char detected[20];
};

typedef int (*lk_conflict_cb)(const struct lk_conflict *c, void *ctx);
/* Every open conflict, oldest first. */
enum lk_status lk_conflict_list(struct lk_store *st, lk_conflict_cb cb, void *ctx,
                                struct lk_err *err);

/* Number of open conflicts (-1 when the store cannot say). */
long lk_conflict_open_count(struct lk_store *st);

enum lk_settle {
	LK_SETTLE_KEEP,          /* the kept value stays; the conflict is closed */
	LK_SETTLE_TAKE_LOSING,   /* write the losing value back, then close it */
};

/* Settle open conflict `id` by staff_id (may be NULL), in one captured
 * transaction: take-losing writes the losing value into its record as a
 * normal change (field conflicts only), and the conflict gets resolved_by
 * and resolved_at. LK_ENOTFOUND for an unknown id, LK_ECLASH when it is
 * already settled, LK_EINPUT for take-losing on a double booking. */
enum lk_status lk_conflict_settle(struct lk_store *st, const char *id, enum lk_settle how,
                                  const char *staff_id, struct lk_err *err);

/* Whether conflict `id` exists (settled or not). */
bool lk_conflict_exists(struct lk_store *st, const char *id);
/* Whether a staff member of `role` may settle conflict `id`: with the
 * settle capability any, with settle-own only one on their own data (an
 * appointment they hold or of a client they are responsible for, or such a
 * client's record); core/roles.h decides the capabilities. */
bool lk_conflict_may_settle(struct lk_store *st, const char *id, const char *role,
                            const char *staff_id);

#endif
