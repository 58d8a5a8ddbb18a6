/*
 * store.c — opening the desk's database, transactions with change capture,
 * ids, settings and the wall clock.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "core/ical.h"
#include "i18n.h"

#include "core/booking-rules.h"
#include "store/store-internal.h"
#include "store/sync-apply.h"

/* The tables whose changes go to the outbox and so, later, over the wire.
 * Local indexes (client_fts), settings (meta), reference tables seeded by
 * the migrations (measure_kind) and the outbox itself stay out. */
static const char *const synced_tables[] = {
	"area", "municipality", "service_point", "point_link", "room", "staff",
	"staff_point", "client", "appointment", "measure", "plan", "tym_case",
	"tym_review", "tym_member", "consent", "visit", "visit_count", "audit",
	"appointment_event",
	"feedback",   /* anonymous quick feedback (008_feedback.sql) */
	"conflict",   /* settling one is a person's change (sync-conflict.h) */
	"event", "event_participant",   /* group sessions and info events (015_event.sql) */
	NULL,
};

enum lk_status
lk_err_set(struct lk_err *err, enum lk_status code, const char *field, const char *fmt, ...)
{
	if (err == NULL)
		return code;
	err->code = code;
	snprintf(err->field, sizeof err->field, "%s", field ? field : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, _(fmt), ap);
	va_end(ap);
	return code;
}

/* A full disk or an I/O error, said so a person knows what to do: SQLite
 * rolled the transaction back, so nothing of it was saved. */
static bool
disk_err(sqlite3 *db, const char *path, struct lk_err *err)
{
	int code = sqlite3_errcode(db) & 0xff;
	if (code == SQLITE_FULL)
		lk_err_set(err, LK_EFAIL, "db",
		           "the disk holding %s is full: nothing of this was saved; "
		           "free some space and try again", path);
	else if (code == SQLITE_IOERR)
		lk_err_set(err, LK_EFAIL, "db",
		           "cannot write or read %s (disk I/O error; is its disk full?): nothing of "
		           "this was saved; try again when the disk is fixed", path);
	else
		return false;
	return true;
}

enum lk_status
lk_sql_err(struct lk_store *st, struct lk_err *err, const char *what)
{
	if (disk_err(st->db, st->path, err))
		return LK_EFAIL;
	return lk_err_set(err, LK_EFAIL, "db", "%s: %s", what, sqlite3_errmsg(st->db));
}

sqlite3_stmt *
lk_prepare(struct lk_store *st, const char *sql, struct lk_err *err)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		lk_sql_err(st, err, "prepare");
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

int
lk_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL || *v == '\0')
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

int
lk_bind_date(sqlite3_stmt *s, int i, lk_date d)
{
	char buf[16];
	if (d == LK_NO_DATE)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, lk_date_iso(d, buf, sizeof buf), -1, SQLITE_TRANSIENT);
}

void
lk_col_text(sqlite3_stmt *s, int i, char *buf, size_t size)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	snprintf(buf, size, "%s", t ? (const char *)t : "");
}

lk_date
lk_col_date(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	lk_date d;
	if (t == NULL || !lk_date_parse((const char *)t, &d))
		return LK_NO_DATE;
	return d;
}

static int
exec_pragma(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* Read PRAGMA user_version without writing anything. */
static int
file_version(sqlite3 *db, int *version)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(s);
	*version = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

static bool
file_has_tables(sqlite3 *db)
{
	sqlite3_stmt *s;
	bool any = false;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema LIMIT 1", -1, &s, NULL) == SQLITE_OK) {
		any = sqlite3_step(s) == SQLITE_ROW;
		sqlite3_finalize(s);
	}
	return any;
}

enum lk_status
lk_store_open(const char *path, int flags, struct lk_store **out, struct lk_err *err)
{
	*out = NULL;
	if (path == NULL || *path == '\0')
		return lk_err_set(err, LK_EINPUT, "db", "no database path given");
	if (sodium_init() < 0)
		return lk_err_set(err, LK_EFAIL, "db", "libsodium failed to start");

	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (!(flags & LK_OPEN_CREATE))
			return lk_err_set(err, LK_ENOTFOUND, "db", "no database at %s", path);
		/* Create it ourselves so it is 0600 from its first byte. */
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0)
			return lk_err_set(err, LK_EFAIL, "db", "cannot create %s: %s", path,
			                  strerror(errno));
		close(fd);
	}

	struct lk_store *st = calloc(1, sizeof *st);
	if (st == NULL)
		return lk_err_set(err, LK_EFAIL, "db", "out of memory");
	snprintf(st->path, sizeof st->path, "%s", path);
	st->work_opens = LK_WORK_OPENS_DEFAULT;
	st->work_closes = LK_WORK_CLOSES_DEFAULT;
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		lk_err_set(err, LK_EFAIL, "db", "cannot open %s: %s", path,
		           st->db ? sqlite3_errmsg(st->db) : "out of memory");
		lk_store_close(st);
		return LK_EFAIL;
	}
	/* Several processes share a desk file (thin-client server: terminals
	 * and the background sync): a writer waits its turn rather than tell
	 * a person "database is locked"; a sync's longest transaction (one
	 * snapshot entry) takes seconds (docs/protocol.md, "Restore").
	 * tests/sync/test-locking.sh. */
	sqlite3_busy_timeout(st->db, 30000);
	sqlite3_extended_result_codes(st->db, 1);

	/* Look before writing anything: a newer file stays untouched. */
	int version;
	if (file_version(st->db, &version) != 0) {
		if (!disk_err(st->db, path, err))
			lk_err_set(err, LK_EFAIL, "db", "%s is not a readable SQLite database: %s", path,
			           sqlite3_errmsg(st->db));
		lk_store_close(st);
		return LK_EFAIL;
	}
	if (version > lk_store_schema_version()) {
		lk_err_set(err, LK_EFAIL, "db",
		           "%s was written by a newer Luukku (schema %d, this one knows %d); "
		           "update Luukku, the file was not changed",
		           path, version, lk_store_schema_version());
		lk_store_close(st);
		return LK_EFAIL;
	}
	if (version == 0 && file_has_tables(st->db)) {
		lk_err_set(err, LK_EFAIL, "db", "%s is not a Luukku database; it was not changed",
		           path);
		lk_store_close(st);
		return LK_EFAIL;
	}

	if (exec_pragma(st->db, "PRAGMA foreign_keys = ON") != SQLITE_OK ||
	    exec_pragma(st->db, "PRAGMA journal_mode = WAL") != SQLITE_OK ||
	    exec_pragma(st->db, "PRAGMA synchronous = FULL") != SQLITE_OK) {
		lk_sql_err(st, err, "settings");
		lk_store_close(st);
		return LK_EFAIL;
	}
	enum lk_status rc = lk_migrate(st, err);
	if (rc != LK_OK) {
		lk_store_close(st);
		return rc;
	}
	*out = st;
	return LK_OK;
}

void
lk_store_set_actor(struct lk_store *st, const char *staff_id)
{
	/* Only a staff member there is: a --staff or a name that is no
	 * account (a PIN typed as one, issue 5) must reach no outbox row. */
	st->actor[0] = '\0';
	if (staff_id == NULL || *staff_id == '\0')
		return;
	sqlite3_stmt *s = lk_prepare(st, "SELECT 1 FROM staff WHERE id = ?", NULL);
	if (s == NULL)
		return;
	sqlite3_bind_text(s, 1, staff_id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW)
		snprintf(st->actor, sizeof st->actor, "%s", staff_id);
	sqlite3_finalize(s);
}

void
lk_store_close(struct lk_store *st)
{
	if (st == NULL)
		return;
	if (st->session || st->bulk)
		lk_store_rollback(st);
	sqlite3_close_v2(st->db);
	free(st);
}

static int
table_filter(void *ctx, const char *table)
{
	(void)ctx;
	for (const char *const *t = synced_tables; *t; t++)
		if (strcmp(*t, table) == 0)
			return 1;
	return 0;
}

bool
lk_store_synced(const char *table)
{
	return table_filter(NULL, table) != 0;
}

enum lk_status
lk_store_begin(struct lk_store *st, struct lk_err *err)
{
	if (st->session || st->bulk)
		return lk_err_set(err, LK_EFAIL, "db", "a write transaction is already open");
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return lk_sql_err(st, err, "begin");
	if (sqlite3session_create(st->db, "main", &st->session) != SQLITE_OK ||
	    (sqlite3session_table_filter(st->session, table_filter, NULL),
	     sqlite3session_attach(st->session, NULL) != SQLITE_OK)) {
		lk_sql_err(st, err, "change capture");
		lk_store_rollback(st);
		return LK_EFAIL;
	}
	return LK_OK;
}

/* A hybrid logical clock stamp: wall milliseconds << 16 | counter, never
 * smaller than the last one this desk issued (kept in meta). */
int64_t
lk_store_stamp(struct lk_store *st)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	int64_t wall = ((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000) << 16;
	char buf[32];
	int64_t last = 0;
	if (lk_meta_get(st, "hlc", buf, sizeof buf) == LK_OK)
		last = strtoll(buf, NULL, 10);
	int64_t hlc = wall > last ? wall : last + 1;
	snprintf(buf, sizeof buf, "%lld", (long long)hlc);
	lk_meta_set(st, "hlc", buf);
	return hlc;
}

enum lk_status
lk_store_begin_bulk(struct lk_store *st, struct lk_err *err)
{
	if (st->session || st->bulk)
		return lk_err_set(err, LK_EFAIL, "db", "a write transaction is already open");
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return lk_sql_err(st, err, "begin");
	/* Keep the whole build in memory until commit instead of spilling. */
	sqlite3_exec(st->db, "PRAGMA cache_size = -524288", NULL, NULL, NULL);
	st->bulk = true;
	return LK_OK;
}

enum lk_status
lk_store_commit(struct lk_store *st, struct lk_err *err)
{
	if (st->bulk) {
		st->bulk = false;
		if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
			return LK_OK;
		lk_sql_err(st, err, "commit");
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return LK_EFAIL;
	}
	if (st->session == NULL)
		return lk_err_set(err, LK_EFAIL, "db", "no write transaction is open");
	int n = 0;
	void *cs = NULL;
	if (sqlite3session_changeset(st->session, &n, &cs) != SQLITE_OK) {
		lk_sql_err(st, err, "change capture");
		lk_store_rollback(st);
		return LK_EFAIL;
	}
	sqlite3session_delete(st->session);
	st->session = NULL;

	enum lk_status rc = LK_OK;
	if (n > 0) {
		char now[20];
		lk_time_iso(lk_now(), now, sizeof now);
		sqlite3_stmt *s = lk_prepare(st,
			"INSERT INTO outbox(hlc, created, changeset, staff_id) VALUES (?, ?, ?, ?)", err);
		if (s == NULL) {
			rc = LK_EFAIL;
		} else {
			int64_t hlc = lk_store_stamp(st);
			sqlite3_bind_int64(s, 1, hlc);
			sqlite3_bind_text(s, 2, now, -1, SQLITE_TRANSIENT);
			sqlite3_bind_blob(s, 3, cs, n, SQLITE_STATIC);
			lk_bind_text(s, 4, st->actor);
			if (sqlite3_step(s) != SQLITE_DONE)
				rc = lk_sql_err(st, err, "outbox");
			sqlite3_finalize(s);
			/* Stamp the changed fields for the merge by field (sync-apply.h). */
			if (rc == LK_OK)
				rc = lk_sync_stamp_local(st, cs, n, hlc, err);
		}
	}
	sqlite3_free(cs);
	if (rc == LK_OK && sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		rc = lk_sql_err(st, err, "commit");
	if (rc != LK_OK)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

void
lk_store_rollback(struct lk_store *st)
{
	st->bulk = false;
	if (st->session) {
		sqlite3session_delete(st->session);
		st->session = NULL;
	}
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

void
lk_new_id(char *buf)
{
	unsigned char raw[16];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(buf, LK_ID_LEN + 1, raw, sizeof raw);
}

bool
lk_id_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

enum lk_status
lk_meta_get(struct lk_store *st, const char *key, char *buf, size_t size)
{
	sqlite3_stmt *s = lk_prepare(st, "SELECT value FROM meta WHERE key = ?", NULL);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	enum lk_status rc = LK_ENOTFOUND;
	if (sqlite3_step(s) == SQLITE_ROW) {
		lk_col_text(s, 0, buf, size);
		rc = LK_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_meta_set(struct lk_store *st, const char *key, const char *value)
{
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO meta(key, value) VALUES (?, ?) "
		"ON CONFLICT(key) DO UPDATE SET value = excluded.value", NULL);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	lk_bind_text(s, 2, value);
	enum lk_status rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : LK_EFAIL;
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_outbox_stats(struct lk_store *st, long *count, long *bytes)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT count(*), coalesce(sum(length(changeset)), 0) FROM outbox", NULL);
	if (s == NULL)
		return LK_EFAIL;
	enum lk_status rc = LK_EFAIL;
	if (sqlite3_step(s) == SQLITE_ROW) {
		*count = sqlite3_column_int64(s, 0);
		*bytes = sqlite3_column_int64(s, 1);
		rc = LK_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

lk_time
lk_now(void)
{
#ifdef LK_TEST_CLOCK
	/* Only a test build (make check's build/san) reads a pinned clock:
	 * in the installed binary an environment variable must not move the
	 * time of audit rows, consents or the sign-in delay. */
	const char *pinned = getenv("LUUKKU_NOW");
	lk_time t;
	if (pinned && lk_time_parse(pinned, &t))
		return t;
#endif
	/* Helsinki wall clock from the system's UTC, whatever $TZ says. */
	lk_time utc = (lk_time)(time(NULL) / 60);
	return utc + lk_helsinki_offset_at(utc);
}

lk_date
lk_today(void)
{
	return lk_time_date(lk_now());
}
