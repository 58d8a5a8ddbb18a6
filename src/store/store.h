/*
 * store.h — the desk's own SQLite file: open, migrate, transactions.
 *
 * lk_store_open() opens (or creates, mode 0600) a database, sets WAL,
 * foreign keys and synchronous=FULL, and applies the numbered migrations of
 * schema/ (compiled in) that the file has not seen. A file written by a newer
 * Luukku is refused and left untouched.
 *
 * Every write goes through lk_store_begin() … lk_store_commit(): the commit
 * records what the transaction changed (an SQLite session-extension
 * changeset of the synced tables) in `outbox`, inside the same transaction,
 * so a write and its record of change commit together or not at all.
 * lk_store_rollback() leaves both untouched.
 *
 * The store never draws, never prints, never reads the network.
 */
#ifndef LK_STORE_H
#define LK_STORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

/* Exit statuses the CLI uses; store functions return them too. */
enum lk_status {
	LK_OK = 0,
	LK_EFAIL = 1,      /* something broke: I/O, a corrupt file */
	LK_EINPUT = 2,     /* bad input; err.field names the field */
	LK_ENOTFOUND = 3,
	LK_ECLASH = 4,     /* refused: clashes with what is there */
};

#define LK_ID_LEN 32   /* 128 bits as lower-case hex */

/* An error for a person: which field, what is wrong. */
struct lk_err {
	enum lk_status code;
	char field[32];
	char msg[256];
};

/* Set err (if not NULL) and return code. fmt is an English msgid. */
enum lk_status lk_err_set(struct lk_err *err, enum lk_status code, const char *field,
                          const char *fmt, ...) __attribute__((format(printf, 4, 5)));

struct lk_store;

enum lk_open_flags {
	LK_OPEN_CREATE = 1,   /* create the file when it does not exist */
};

enum lk_status lk_store_open(const char *path, int flags, struct lk_store **out,
                             struct lk_err *err);
/* The staff member acting on this connection (NULL or "" for nobody):
 * recorded with every outbox entry committed from now on, sent with it by
 * sync, and checked by the node against the role (schema 010). An id
 * that is no staff member sets nobody. */
void lk_store_set_actor(struct lk_store *st, const char *staff_id);
void lk_store_close(struct lk_store *st);
/* The schema version this build writes (number of the newest migration). */
int lk_store_schema_version(void);

enum lk_status lk_store_begin(struct lk_store *st, struct lk_err *err);
/* A write transaction without change capture, for building a whole database
 * (the demo area): its content is a starting point, not a change to send. */
enum lk_status lk_store_begin_bulk(struct lk_store *st, struct lk_err *err);
enum lk_status lk_store_commit(struct lk_store *st, struct lk_err *err);
void lk_store_rollback(struct lk_store *st);

/* A fresh random 128-bit id as 32 hex characters (buf: LK_ID_LEN + 1). */
void lk_new_id(char *buf);
/* True if s looks like an id made by lk_new_id() or a reference slug. */
bool lk_id_valid(const char *s);

/* Small settings of this desk (area, desk point, desk staff member). */
enum lk_status lk_meta_get(struct lk_store *st, const char *key, char *buf, size_t size);
enum lk_status lk_meta_set(struct lk_store *st, const char *key, const char *value);

/* Outbox: how many changesets wait, and their total size in bytes. */
enum lk_status lk_outbox_stats(struct lk_store *st, long *count, long *bytes);

/* "Now" on the desk's wall clock: the system clock as Europe/Helsinki time
 * (neither $TZ nor any other variable moves it). Only a test build
 * (-DLK_TEST_CLOCK, make check's build/san) honours $LUUKKU_NOW
 * ("YYYY-MM-DD HH:MM"). */
lk_time lk_now(void);
lk_date lk_today(void);

#endif
