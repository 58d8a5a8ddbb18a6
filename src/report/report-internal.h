/*
 * report-internal.h — what the report modules (report*.c) share and
 * nothing else uses: the filter as SQL and its binding, and the two ways
 * a report walks its statement (a row each, or groups of rows).
 */
#ifndef LK_REPORT_REPORT_INTERNAL_H
#define LK_REPORT_REPORT_INTERNAL_H

#include "report/report.h"
#include "store/store-internal.h"

/* The filter in a report's SQL, bound by lk_report_bind: the day `col`
 * (an SQL expression giving "YYYY-MM-DD") within ?1 from .. ?2 to; the
 * point row `p` being ?3, or in municipality ?4. The month of a date
 * column: "YYYY-MM". */
#define LK_REPORT_SQL_DAYS(col) \
	"(?1 IS NULL OR " col " >= ?1) AND (?2 IS NULL OR " col " <= ?2)"
#define LK_REPORT_SQL_POINT(p) \
	"(?3 IS NULL OR " p ".id = ?3) AND (?4 IS NULL OR " p ".municipality_id = ?4)"
#define LK_REPORT_SQL_MONTH(col) "substr(" col ", 1, 7)"

/* Binds ?1 from, ?2 to, ?3 point, ?4 municipality id (NULL where not
 * given). */
void lk_report_bind(sqlite3_stmt *s, const struct lk_report_filter *f);

/* An array v of *cap items of `size` bytes, n of them used, with room for
 * one more: v itself, or v grown to twice the items (`first` items when
 * it has none). NULL when out of memory, v left as it was. */
void *lk_report_grow(void *v, size_t n, size_t *cap, size_t size, size_t first);

/* Prepares sql, binds f, calls row for each row until it returns nonzero
 * and finalizes. LK_OK; else LK_EFAIL, the SQL error naming `table`. */
typedef int (*lk_report_row_fn)(sqlite3_stmt *s, void *run);
enum lk_status lk_report_rows(struct lk_store *st, const char *sql,
                              const struct lk_report_filter *f, const char *table,
                              lk_report_row_fn row, void *run, struct lk_err *err);

/* A report whose rows come ordered by one or two text columns (keys; -1
 * for none), a group per value: begin from a group's first row, add each
 * of its rows (an error stops the report without ending the group), end
 * when the key changes or the rows run out (nonzero: no more groups). */
struct lk_report_groups {
	int keys[2];
	void (*begin)(sqlite3_stmt *s, void *run);
	enum lk_status (*add)(sqlite3_stmt *s, void *run, struct lk_err *err);
	int (*end)(void *run);
};
/* As lk_report_rows, walking the groups. */
enum lk_status lk_report_grouped(struct lk_store *st, const char *sql,
                                 const struct lk_report_filter *f, const char *table,
                                 const struct lk_report_groups *g, void *run,
                                 struct lk_err *err);

#endif
