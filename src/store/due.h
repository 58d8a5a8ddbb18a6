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

/* The same for many clients (a report): the statements are prepared once
 * by open and reused for every client; the items are lk_client_due's.
 * preload reads every client's row and meetings held in two scans (call it
 * inside the caller's read transaction, e.g. while its own statement is
 * stepping); clients it did not see are then asked one by one. */
struct lk_due_reader;
struct lk_due_reader *lk_due_reader_open(struct lk_store *st, struct lk_err *err);
enum lk_status lk_due_reader_preload(struct lk_due_reader *r, struct lk_err *err);
enum lk_status lk_due_reader_client(struct lk_due_reader *r, const char *client_id,
                                    lk_date today, struct lk_due_item *items, size_t *n,
                                    struct lk_err *err);
void lk_due_reader_close(struct lk_due_reader *r);

#endif
