/*
 * node-backup.c — the central node's online backup: a consistent copy of
 * its store into a new file while it keeps serving desks; and restore: a
 * backup copied back in place of the store (a running node goes on with
 * it), its log given a new identity (node-epoch.c) so desks that synced
 * after the backup send again what it lacks (docs/protocol.md, "Restore").
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
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
