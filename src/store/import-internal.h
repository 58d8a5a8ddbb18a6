/*
 * import-internal.h — what import-clients.c and import-staff.c share
 * (import.c): the problem list, checks of a cell, a set of keys already
 * seen in the file, and the driver that reads a file and runs a kind's
 * rows in one transaction.
 */
#ifndef LK_IMPORT_INTERNAL_H
#define LK_IMPORT_INTERNAL_H

#include "store/import.h"

/* Add "line N, column C: message" (fmt an English msgid). */
void lk_import_problem(struct lk_import_result *res, int line, const char *column,
                       const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* UTF-8, no control characters, at most max bytes, and in free text
 * nothing shaped like an identity code; false after adding the problem. */
bool lk_import_text(struct lk_import_result *res, int line, const char *column, const char *v,
                    size_t max, bool free_text);

/* Keys seen in the file, with the line they were first on. */
struct lk_seen;
/* 0 when key is new (now remembered at line), else the line it was on. */
int lk_seen_add(struct lk_seen *s, const char *key, int line);

/* One kind of register (import-clients.c, import-staff.c) for
 * lk_import_run: its columns, its prepared statements (qsize bytes,
 * prepared once per file) and its row. */
struct lk_import_kind {
	const char *what;                   /* "clients", "staff": in the audit row */
	const char *const *names;           /* the columns, NULL-ended, at most 32 */
	size_t qsize;
	enum lk_status (*prepare)(struct lk_store *st, void *q, struct lk_err *err);
	void (*finalize)(void *q);
	/* Check one row and write it in the open transaction; problems go to
	 * res (LK_OK), a failure of the store to err. */
	enum lk_status (*row)(struct lk_store *st, void *q, const struct lk_import_opts *o,
	                      struct lk_import_result *res, struct lk_seen *seen, int line,
	                      char **cells, struct lk_err *err);
};
/* The whole import of one file: open and map it, every row in one
 * transaction, the audit row, commit — or roll back when any row was bad,
 * on a dry run, or on an error (import.h says what the result means). */
enum lk_status lk_import_run(struct lk_store *st, const char *text, size_t len,
                             const struct lk_import_kind *kind, const struct lk_import_opts *o,
                             struct lk_import_result *res, struct lk_err *err);

#endif
