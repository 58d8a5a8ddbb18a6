/*
 * feedback.h — quick customer feedback after a walk-in visit (issue 7;
 * docs/rules.md#quick-feedback): a score 1–5 and an optional
 * word, for a service point, anonymous (schema/008_feedback.sql). The
 * report of it is report/report-feedback.h.
 */
#ifndef LK_FEEDBACK_H
#define LK_FEEDBACK_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

#define LK_FEEDBACK_WORD_MAX 30   /* bytes */

/* Check the optional word (NULL or "" passes; out may be NULL): one word of letters
 * (hyphen and apostrophe too), at most LK_FEEDBACK_WORD_MAX bytes; never
 * digits, so never an identity code or a phone number (refused naming
 * "word"). On success the word in lower case goes to out (size >= 4 *
 * LK_FEEDBACK_WORD_MAX + 1), "" for none. */
enum lk_status lk_feedback_check_word(const char *word, char *out, size_t size,
                                      struct lk_err *err);

/* Record feedback given today at `point` (LK_EINPUT naming "score" for a
 * score outside 1–5, "word" for a refused word; LK_ENOTFOUND naming "point"
 * for an unknown point). kiosk: given at the kiosk, else at a desk. One
 * transaction: all or nothing. */
enum lk_status lk_feedback_give(struct lk_store *st, const char *point, int score,
                                const char *word, bool kiosk, struct lk_err *err);

#endif
