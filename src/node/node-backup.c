/*
 * node-backup.c — the central node's online backup: a consistent copy of
 * its store into a new file while it keeps serving desks; and restore: a
 * backup copied back in place of the store (a running node goes on with
 * it), its log given a new identity (node-epoch.c) so desks that synced
 * after the backup send again what it lacks (docs/protocol.md, "Restore");
 * and the node's own backups on a schedule, rotated, each of which tells
 * the desks which of their sent changes every kept backup holds.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "node/node-internal.h"

enum lk_status
lk_hub_backup(struct lk_store *st, const char *path, struct lk_err *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return lk_err_set(err, errno == EEXIST ? LK_ECLASH : LK_EINPUT, "file",
		                  "cannot create %s: %s", path, strerror(errno));
	close(fd);
	sqlite3 *dst = NULL;
	enum lk_status rc = LK_OK;
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		rc = lk_err_set(err, LK_EFAIL, "file", "cannot open %s", path);
	} else {
		sqlite3_backup *b = sqlite3_backup_init(dst, "main", st->db, "main");
		if (b == NULL) {
			rc = lk_err_set(err, LK_EFAIL, "file", "backup: %s", sqlite3_errmsg(dst));
		} else {
			/* One step: one read transaction, a consistent snapshot; in WAL
			 * mode the node keeps writing meanwhile. */
			int step, tries = 0;
			while ((step = sqlite3_backup_step(b, -1)) == SQLITE_BUSY ||
			       step == SQLITE_LOCKED) {
				if (++tries > 250)
					break;
				sqlite3_sleep(20);
			}
			if (step != SQLITE_DONE)
				rc = lk_err_set(err, LK_EFAIL, "file", "backup: %s", sqlite3_errstr(step));
			sqlite3_backup_finish(b);
		}
	}
	sqlite3_close_v2(dst);
	if (rc != LK_OK)
		unlink(path);
	return rc;
}

/* Copy the database at src_path into the open store dst, whole, in one
 * step (one write transaction on dst: other connections see all or none). */
static enum lk_status
copy_into(sqlite3 *dst, sqlite3 *src, const char *what, struct lk_err *err)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (b == NULL)
		return lk_err_set(err, LK_EFAIL, "file", "%s: %s", what, sqlite3_errmsg(dst));
	int step, tries = 0;
	while ((step = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || step == SQLITE_LOCKED) {
		if (++tries > 1500)
			break;
		sqlite3_sleep(20);
	}
	sqlite3_backup_finish(b);
	if (step != SQLITE_DONE)
		return lk_err_set(err, LK_EFAIL, "file", "%s: %s", what, sqlite3_errstr(step));
	return LK_OK;
}

static void
unlink_db(const char *path)
{
	char p[1200];
	unlink(path);
	if (snprintf(p, sizeof p, "%s-wal", path) < (int)sizeof p)
		unlink(p);
	if (snprintf(p, sizeof p, "%s-shm", path) < (int)sizeof p)
		unlink(p);
}

enum lk_status
lk_hub_restore(const char *db_path, const char *file, struct lk_restore_info *info,
               struct lk_err *err)
{
	char tmp[1100];
	if (snprintf(tmp, sizeof tmp, "%s.restoring", db_path) >= (int)sizeof tmp)
		return lk_err_set(err, LK_EINPUT, "db", "the path is too long");
	if (access(file, R_OK) != 0)
		return lk_err_set(err, errno == ENOENT ? LK_ENOTFOUND : LK_EINPUT, "file",
		                  "cannot read %s: %s", file, strerror(errno));
	/* The backup itself is never written: it is copied first, and the
	 * copy is migrated and given its new log id. */
	unlink_db(tmp);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return lk_err_set(err, LK_EFAIL, "db", "cannot create %s: %s", tmp, strerror(errno));
	close(fd);
	sqlite3 *src = NULL, *dst = NULL;
	enum lk_status rc = LK_OK;
	if (sqlite3_open_v2(file, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		rc = lk_err_set(err, LK_EINPUT, "file", "cannot open %s", file);
	else
		rc = copy_into(dst, src, file, err);
	sqlite3_close_v2(src);
	sqlite3_close_v2(dst);
	struct lk_store *restored = NULL, *live = NULL;
	char pk[80];
	if (rc == LK_OK && (rc = lk_store_open(tmp, 0, &restored, err)) == LK_OK &&
	    lk_meta_get(restored, "node_pk", pk, sizeof pk) != LK_OK)
		rc = lk_err_set(err, LK_EINPUT, "file", "%s is not a backup of a central node", file);
	if (rc == LK_OK) {
		/* The live store, when it is still readable, names its log too. */
		struct lk_err ignore;
		if (access(db_path, F_OK) == 0)
			lk_store_open(db_path, 0, &live, &ignore);
		rc = lk_hub_restore_prepare(restored, live, info, err);
	}
	if (rc == LK_OK && live == NULL) {
		fd = open(db_path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
		if (fd < 0)
			rc = lk_err_set(err, LK_EFAIL, "db", "cannot create %s: %s", db_path,
			                strerror(errno));
		else
			close(fd);
		if (rc == LK_OK && sqlite3_open_v2(db_path, &dst, SQLITE_OPEN_READWRITE, NULL) !=
		    SQLITE_OK)
			rc = lk_err_set(err, LK_EFAIL, "db", "cannot open %s", db_path);
		if (rc == LK_OK) {
			sqlite3_busy_timeout(dst, 30000);
			rc = copy_into(dst, restored->db, db_path, err);
		}
		sqlite3_close_v2(dst);
	} else if (rc == LK_OK) {
		/* A running luukkud goes on with the restored store. */
		rc = copy_into(live->db, restored->db, db_path, err);
	}
	lk_store_close(live);
	lk_store_close(restored);
	unlink_db(tmp);
	return rc;
}

/* ---- scheduled backups (node-loop.c runs lk_hub_backup_run on the thread
 * pool; docs/protocol.md, "Restore"; luukkud.8, [backup]) ---- */

#define NAME_PREFIX "luukkud-"
#define NAME_LEN 31   /* luukkud-YYYYMMDDTHHMMSS.mmmZ.db */

/* A scheduled backup's name: luukkud-YYYYMMDDTHHMMSS.mmmZ.db (UTC), so the
 * names sort by age. Nothing else in the directory is ever touched but the
 * hidden temp files of this pattern (".NAME.tmp"). */
static bool
backup_name(const char *s)
{
	static const char shape[] = NAME_PREFIX "99999999T999999.999Z.db";
	if (strlen(s) != NAME_LEN)
		return false;
	for (int i = 0; i < NAME_LEN; i++)
		if (shape[i] == '9' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
			return false;
	return true;
}

static bool
temp_name(const char *s)
{
	size_t n = strlen(s);
	char base[NAME_LEN + 1];
	if (n != 1 + NAME_LEN + 4 || s[0] != '.' || strcmp(s + n - 4, ".tmp") != 0)
		return false;
	memcpy(base, s + 1, NAME_LEN);
	base[NAME_LEN] = '\0';
	return backup_name(base);
}

static int
pick_backup(const struct dirent *d)
{
	return backup_name(d->d_name);
}

static int
pick_temp(const struct dirent *d)
{
	size_t n = strlen(d->d_name);
	char s[NAME_LEN + 6];
	/* the temp file itself, or the journal SQLite wrote beside it */
	if (n > 8 && n < sizeof s + 8 && strcmp(d->d_name + n - 8, "-journal") == 0) {
		memcpy(s, d->d_name, n - 8);
		s[n - 8] = '\0';
		return n - 8 < sizeof s && temp_name(s);
	}
	return temp_name(d->d_name);
}

/* The kept backups of dir, oldest first; -1 when dir cannot be read. */
static int
list_backups(const char *dir, struct dirent ***names)
{
	return scandir(dir, names, pick_backup, alphasort);
}

static void
free_list(struct dirent **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static void
join(char *out, size_t size, const char *dir, const char *name)
{
	snprintf(out, size, "%s/%s", dir, name);
}

/* What went wrong, said for the log: a full disk and an I/O error plainly. */
static void
say(struct lk_backup_run *r, int sqlite_code, int errnum, const char *what)
{
	const char *why;
	if (sqlite_code == SQLITE_FULL || errnum == ENOSPC || errnum == EDQUOT)
		why = "the disk is full";
	else if (sqlite_code == SQLITE_IOERR || errnum == EIO)
		why = "a disk I/O error";
	else if (sqlite_code)
		why = sqlite3_errstr(sqlite_code);
	else
		why = strerror(errnum);
	snprintf(r->msg, sizeof r->msg, "%s: %s", what, why);
}

static bool
fsync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = fsync(fd) == 0;
	int e = errno;
	close(fd);
	errno = e;
	return ok;
}

/* Copy the store at db_path into the new file tmp, by the online backup
 * API, in one step: one read transaction of its own connection, a
 * consistent snapshot while the node writes on. */
static bool
copy_out(struct lk_backup_run *r, const char *tmp)
{
	sqlite3 *src = NULL, *dst = NULL;
	bool ok = false;
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		say(r, 0, errno, "cannot create the backup");
		return false;
	}
	close(fd);
	if (sqlite3_open_v2(r->db_path, &src, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		say(r, sqlite3_errcode(src), 0, "cannot open the store");
	} else if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		say(r, sqlite3_errcode(dst), 0, "cannot open the backup");
	} else {
		sqlite3_busy_timeout(src, 5000);
		sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
		if (b == NULL) {
			say(r, sqlite3_errcode(dst), 0, "cannot start the backup");
		} else {
			int step, tries = 0;
			while ((step = sqlite3_backup_step(b, -1)) == SQLITE_BUSY ||
			       step == SQLITE_LOCKED) {
				if (++tries > 250)
					break;
				sqlite3_sleep(20);
			}
			int fin = sqlite3_backup_finish(b);
			if (step != SQLITE_DONE)
				say(r, step & 0xff, 0, "the copy failed");
			else if (fin != SQLITE_OK)
				say(r, fin & 0xff, 0, "the copy failed");
			else
				ok = true;
		}
	}
	sqlite3_close_v2(src);
	if (sqlite3_close_v2(dst) != SQLITE_OK && ok) {
		say(r, sqlite3_errcode(dst), 0, "the copy failed");
		ok = false;
	}
	/* On the disk, not in a cache, before it takes a backup's name. */
	if (ok && !fsync_path(tmp, O_RDONLY)) {
		say(r, 0, errno, "the copy failed");
		ok = false;
	}
	return ok;
}

/* Open a kept backup to read: nobody writes it, so no lock and no side
 * files (immutable). */
static sqlite3 *
open_kept(const char *path)
{
	char uri[2400] = "file:";
	size_t o = strlen(uri);
	for (const char *p = path; *p && o + 4 < sizeof uri; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			o += (size_t)snprintf(uri + o, sizeof uri - o, "%%%02X", (unsigned char)*p);
		else
			uri[o++] = *p;
	}
	snprintf(uri + o, sizeof uri - o, "?immutable=1");
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK) {
		sqlite3_close_v2(db);
		return NULL;
	}
	return db;
}

/* r->desks: every desk of the newest kept backup, each with the least
 * held_hlc over all kept backups (0 when a backup lacks the desk). False
 * when a kept backup cannot be read. */
static bool
held_by_all(struct lk_backup_run *r, struct dirent **names, int n)
{
	char path[2048];
	for (int i = n - 1; i >= 0; i--) {
		join(path, sizeof path, r->dir, names[i]->d_name);
		sqlite3 *db = open_kept(path);
		sqlite3_stmt *s = NULL;
		if (db == NULL || sqlite3_prepare_v2(db, i == n - 1
		        ? "SELECT name, held_hlc FROM hub_desk ORDER BY name"
		        : "SELECT held_hlc FROM hub_desk WHERE name = ?", -1, &s, NULL) != SQLITE_OK) {
			snprintf(r->safe_msg, sizeof r->safe_msg, "cannot read the kept backup %.*s: %.200s",
			         NAME_LEN, names[i]->d_name, db ? sqlite3_errmsg(db) : "cannot open it");
			sqlite3_close_v2(db);
			return false;
		}
		if (i == n - 1) {
			while (sqlite3_step(s) == SQLITE_ROW) {
				/* (out of memory: the desks left out keep safe 0) */
				struct lk_backup_desk *d =
					realloc(r->desks, (size_t)(r->ndesks + 1) * sizeof *d);
				if (d == NULL)
					break;
				r->desks = d;
				d += r->ndesks++;
				const unsigned char *name = sqlite3_column_text(s, 0);
				snprintf(d->name, sizeof d->name, "%s", name ? (const char *)name : "");
				d->held = sqlite3_column_int64(s, 1);
			}
		} else {
			for (int k = 0; k < r->ndesks; k++) {
				sqlite3_reset(s);
				sqlite3_bind_text(s, 1, r->desks[k].name, -1, SQLITE_STATIC);
				int64_t h = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
				if (h < r->desks[k].held)
					r->desks[k].held = h;
			}
		}
		sqlite3_finalize(s);
		sqlite3_close_v2(db);
	}
	return true;
}

enum lk_status
lk_hub_backup_run(struct lk_backup_run *r)
{
	char tmp[2048], path[2048];
	struct dirent **names = NULL;
	r->msg[0] = r->safe_msg[0] = '\0';
	if (strlen(r->dir) > sizeof path - NAME_LEN - 20) {
		snprintf(r->msg, sizeof r->msg, "the backup directory's path is too long");
		return LK_EFAIL;
	}
	if (mkdir(r->dir, 0700) != 0 && errno != EEXIST) {
		say(r, 0, errno, "cannot make the backup directory");
		return LK_EFAIL;
	}
	/* What a backup cut short left (a crash, a kill): never a backup. */
	int n = scandir(r->dir, &names, pick_temp, alphasort);
	if (n < 0) {
		say(r, 0, errno, "cannot read the backup directory");
		return LK_EFAIL;
	}
	for (int i = 0; i < n; i++) {
		join(path, sizeof path, r->dir, names[i]->d_name);
		unlink(path);
	}
	free_list(names, n);

	struct timespec ts;
	struct tm tm;
	char stamp[20];
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	if (strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%S", &tm) != 15 || tm.tm_year > 8099) {
		snprintf(r->msg, sizeof r->msg, "the clock is out of range");
		return LK_EFAIL;
	}
	snprintf(r->name, sizeof r->name, NAME_PREFIX "%.15s.%03dZ.db", stamp,
	         (int)(ts.tv_nsec / 1000000) % 1000);
	join(path, sizeof path, r->dir, r->name);
	snprintf(tmp, sizeof tmp, "%s/.%s.tmp", r->dir, r->name);
	bool ok = copy_out(r, tmp);
	if (ok && rename(tmp, path) != 0) {
		say(r, 0, errno, "cannot name the backup");
		ok = false;
	}
	if (!ok) {
		/* A half-written backup never looks like one: nothing is left. */
		char j[2100];
		unlink(tmp);
		snprintf(j, sizeof j, "%s-journal", tmp);
		unlink(j);
		return LK_EFAIL;
	}
	fsync_path(r->dir, O_RDONLY | O_DIRECTORY);
	struct stat sb;
	if (stat(path, &sb) == 0)
		r->bytes = (int64_t)sb.st_size;

	/* Keep the newest `keep` (the one just made among them, whatever the
	 * clock did). */
	if ((n = list_backups(r->dir, &names)) < 0) {
		snprintf(r->safe_msg, sizeof r->safe_msg, "cannot read the backup directory: %s",
		         strerror(errno));
		return LK_OK;
	}
	int excess = n - r->keep;
	for (int i = 0; i < n && excess > 0; i++) {
		if (strcmp(names[i]->d_name, r->name) == 0)
			continue;
		join(path, sizeof path, r->dir, names[i]->d_name);
		if (unlink(path) != 0) {
			/* Still there, so still one an administrator may restore. */
			snprintf(r->safe_msg, sizeof r->safe_msg, "cannot remove %.*s: %s", NAME_LEN,
			         names[i]->d_name, strerror(errno));
			break;
		}
		r->pruned++;
		free(names[i]);
		memmove(names + i, names + i + 1, (size_t)(n - i - 1) * sizeof *names);
		n--, i--, excess--;
	}
	fsync_path(r->dir, O_RDONLY | O_DIRECTORY);
	r->kept = n;
	if (n > 0)
		snprintf(r->oldest, sizeof r->oldest, "%.*s", NAME_LEN, names[0]->d_name);
	r->safe_known = held_by_all(r, names, n);
	free_list(names, n);
	return LK_OK;
}

void
lk_backup_run_free(struct lk_backup_run *r)
{
	free(r->desks);
	r->desks = NULL;
	r->ndesks = 0;
}

enum lk_status
lk_hub_safe_apply(struct lk_store *st, const struct lk_backup_run *r, struct lk_err *err)
{
	enum lk_status rc = lk_sync_begin(st, err);
	if (rc != LK_OK)
		return rc;
	/* A desk some kept backup lacks: nothing of it is safe. */
	bool ok = sqlite3_exec(st->db, "UPDATE hub_desk SET safe_hlc = 0", NULL, NULL, NULL) ==
	          SQLITE_OK;
	sqlite3_stmt *s = ok ? lk_prepare(st,
		"UPDATE hub_desk SET safe_hlc = min(?2, held_hlc) WHERE name = ?1", NULL) : NULL;
	ok = s != NULL;
	for (int i = 0; ok && i < r->ndesks; i++) {
		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, r->desks[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, r->desks[i].held);
		ok = sqlite3_step(s) == SQLITE_DONE;
	}
	sqlite3_finalize(s);
	if (!ok) {
		rc = lk_sql_err(st, err, "safe stamps");
		lk_sync_rollback(st);
		return rc;
	}
	return lk_sync_commit(st, err);
}

int64_t
lk_hub_backup_due(const char *dir, int64_t interval_ms)
{
	struct dirent **names = NULL;
	int n = list_backups(dir, &names);
	int64_t due = 0;
	if (n > 0) {
		char path[2048];
		struct stat sb;
		join(path, sizeof path, dir, names[n - 1]->d_name);
		if (stat(path, &sb) == 0) {
			struct timespec now;
			clock_gettime(CLOCK_REALTIME, &now);
			int64_t age = ((int64_t)now.tv_sec - (int64_t)sb.st_mtim.tv_sec) * 1000 +
			              ((int64_t)now.tv_nsec - (int64_t)sb.st_mtim.tv_nsec) / 1000000;
			due = age < 0 ? interval_ms : interval_ms - age;
		}
	}
	if (n >= 0)
		free_list(names, n);
	return due < 0 ? 0 : due > interval_ms ? interval_ms : due;
}
