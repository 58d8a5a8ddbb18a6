/*
 * report-feedback.h — the quick-feedback report (issue 7, "Feedback":
 * reported per point and month): how many answers, their mean, the
 * distribution over 1–5 and the most frequent words. Filters as the other
 * reports (report/report.h); rows through a callback.
 */
#ifndef LK_REPORT_REPORT_FEEDBACK_H
#define LK_REPORT_REPORT_FEEDBACK_H

#include "store/feedback.h"
#include "report/report.h"

#define LK_FEEDBACK_TOP_WORDS 3

struct lk_feedback_row {
	char point_id[64];
	char point_name[128];
	char month[8];                 /* "2026-03" */
	long count;
	double mean;                   /* of the scores, count > 0 */
	long dist[5];                  /* answers with score 1…5 */
	int n_words;                   /* filled entries of words[] */
	struct {
		char word[4 * LK_FEEDBACK_WORD_MAX + 1];
		long n;
	} words[LK_FEEDBACK_TOP_WORDS]; /* most frequent first, ties alphabetical */
};
typedef int (*lk_feedback_cb)(const struct lk_feedback_row *r, void *ctx);

/* Feedback by point and month (given_on in the filter's range), ordered by
 * point name and month. by_month false: one row per point over the whole
 * range (month ""). */
enum lk_status lk_report_feedback(struct lk_store *st, const struct lk_report_filter *f,
                                  bool by_month, lk_feedback_cb cb, void *ctx,
                                  struct lk_err *err);

#endif
