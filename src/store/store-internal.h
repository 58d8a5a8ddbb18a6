/*
 * store-internal.h — what the store's own modules share and nobody else
 * may use: the raw SQLite handle and statement helpers.
 */
#ifndef LK_STORE_INTERNAL_H
#define LK_STORE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include <sqlite3.h>

#include "store/store.h"

struct lk_store {
	sqlite3 *db;
	struct sqlite3_session *session;  /* while a write transaction is open */
	bool bulk;                        /* an uncaptured bulk transaction is open */
	char path[1024];
	char actor[65];                   /* staff id recorded with each outbox entry */
	/* Working hours for phone and video meetings (appointment.h
	 * lk_store_set_work_hours): the default, then per staff member. */
	int work_opens, work_closes;
	struct lk_work_hours {
		char staff[65];
		int opens, closes;
	} work[32];
	size_t n_work;
};

/* Prepare a statement or set err and return NULL. */
sqlite3_stmt *lk_prepare(struct lk_store *st, const char *sql, struct lk_err *err);
/* Bind text, or NULL when s is NULL or empty. */
int lk_bind_text(sqlite3_stmt *s, int i, const char *v);
/* Bind an ISO date, or NULL for LK_NO_DATE. */
int lk_bind_date(sqlite3_stmt *s, int i, lk_date d);
/* Copy column text into buf ("" for NULL). */
void lk_col_text(sqlite3_stmt *s, int i, char *buf, size_t size);
/* Column as a date; LK_NO_DATE for NULL or unparsable. */
lk_date lk_col_date(sqlite3_stmt *s, int i);
/* Turn an SQLite failure into an lk_err. */
enum lk_status lk_sql_err(struct lk_store *st, struct lk_err *err, const char *what);

/* True if changes to `table` are captured and synced. */
bool lk_store_synced(const char *table);

/* The desk's next hybrid logical clock stamp (wall ms << 16 | counter,
 * never smaller than the last issued): ordering that is alike on every
 * node (event sign-ups). */
int64_t lk_store_stamp(struct lk_store *st);

/* Apply the embedded migrations newer than the file's user_version. */
enum lk_status lk_migrate(struct lk_store *st, struct lk_err *err);

#endif
