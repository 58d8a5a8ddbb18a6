/*
 * node-backup.c — the central node's online backup: a consistent copy of
 * its store into a new file while it keeps serving desks.
 */
#include <errno.h>
#include <fcntl.h>
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
