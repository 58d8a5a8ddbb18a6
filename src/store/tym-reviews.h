/*
 * tym-reviews.h — every TYM case's review days read at once, for what walks
 * many cases (the cadence and TYM reports). tym_review has no index by
 * case, so asking case by case reads the whole table for each case.
 */
#ifndef LK_TYM_REVIEWS_H
#define LK_TYM_REVIEWS_H

#include <stddef.h>

#include "core/date.h"
#include "store/store.h"

struct lk_tym_reviews;

struct lk_tym_reviews *lk_tym_reviews_load(struct lk_store *st, struct lk_err *err);
/* The case's review days in the order `SELECT day FROM tym_review WHERE
 * case_id = ?` gives them (the table's), an unparsable day as LK_NO_DATE.
 * Returns the count; *days is valid until free. */
size_t lk_tym_reviews_of(const struct lk_tym_reviews *t, const char *case_id,
                         const lk_date **days);
void lk_tym_reviews_free(struct lk_tym_reviews *t);

#endif
