/*
 * report-feedback.c — the quick-feedback report (report-feedback.h): one
 * grouped query for the counts and the distribution, one for the words of
 * each group. Every statement binds its values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report-feedback.h"
#include "report/report-internal.h"

/* The most frequent words of one point (and month, unless ""). */
static enum lk_status
top_words(struct lk_store *st, const struct lk_report_filter *f, struct lk_feedback_row *r,
          struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT word, count(*) AS n FROM feedback WHERE point_id = ?3 AND word IS NOT NULL"
		" AND " LK_REPORT_SQL_DAYS("given_on")
		" AND (?4 = '' OR " LK_REPORT_SQL_MONTH("given_on") " = ?4)"
		" GROUP BY word ORDER BY n DESC, word LIMIT ?5", err);
	if (s == NULL)
		return LK_EFAIL;
	lk_bind_date(s, 1, f->from);
	lk_bind_date(s, 2, f->to);
	sqlite3_bind_text(s, 3, r->point_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, r->month, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 5, LK_FEEDBACK_TOP_WORDS);
	int rc;
	r->n_words = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && r->n_words < LK_FEEDBACK_TOP_WORDS) {
		lk_col_text(s, 0, r->words[r->n_words].word, sizeof r->words[0].word);
		r->words[r->n_words].n = sqlite3_column_int64(s, 1);
		r->n_words++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lk_sql_err(st, err, "feedback");
	return LK_OK;
}

enum lk_status
lk_report_feedback(struct lk_store *st, const struct lk_report_filter *f, bool by_month,
                   lk_feedback_cb cb, void *ctx, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT p.id, p.name,"
		" CASE WHEN ?5 THEN " LK_REPORT_SQL_MONTH("b.given_on") " ELSE '' END AS month,"
		" count(*), avg(b.score), sum(b.score = 1), sum(b.score = 2), sum(b.score = 3),"
		" sum(b.score = 4), sum(b.score = 5)"
		" FROM feedback b JOIN service_point p ON p.id = b.point_id"
		" WHERE " LK_REPORT_SQL_DAYS("b.given_on") " AND " LK_REPORT_SQL_POINT("p")
		" GROUP BY p.id, month ORDER BY p.name, p.id, month", err);
	if (s == NULL)
		return LK_EFAIL;
	lk_report_bind(s, f);
	sqlite3_bind_int(s, 5, by_month);
	/* The groups first, then their words: one statement open at a time. */
	struct lk_feedback_row *rows = NULL;
	size_t n = 0, cap = 0;
	enum lk_status status = LK_OK;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct lk_feedback_row *nr = lk_report_grow(rows, n, &cap, sizeof *nr, 16);
		if (nr == NULL) {
			status = lk_err_set(err, LK_EFAIL, "", "out of memory");
			break;
		}
		rows = nr;
		struct lk_feedback_row *r = &rows[n++];
		memset(r, 0, sizeof *r);
		lk_col_text(s, 0, r->point_id, sizeof r->point_id);
		lk_col_text(s, 1, r->point_name, sizeof r->point_name);
		lk_col_text(s, 2, r->month, sizeof r->month);
		r->count = sqlite3_column_int64(s, 3);
		r->mean = sqlite3_column_double(s, 4);
		for (int i = 0; i < 5; i++)
			r->dist[i] = sqlite3_column_int64(s, 5 + i);
	}
	sqlite3_finalize(s);
	if (status == LK_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
		status = lk_sql_err(st, err, "feedback");
	for (size_t i = 0; status == LK_OK && i < n; i++) {
		status = top_words(st, f, &rows[i], err);
		if (status == LK_OK && cb(&rows[i], ctx))
			break;
	}
	free(rows);
	return status;
}
