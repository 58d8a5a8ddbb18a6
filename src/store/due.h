/*
 * due.h — a client's statutory due list, from what the store holds: the
 * job-search start, meetings held (appointments done), measures, the TYM
 * case with its plans and reviews, and KOTO dates. The rules are core's.
 */
#ifndef LK_DUE_H
#define LK_DUE_H

#include "core/cadence.h"
#include "store/store.h"

#define LK_DUE_MAX 64

/* Fill items (capacity LK_DUE_MAX) as of `today`; *n receives the count. */
enum lk_status lk_client_due(struct lk_store *st, const char *client_id, lk_date today,
                             struct lk_due_item *items, size_t *n, struct lk_err *err);

#endif
