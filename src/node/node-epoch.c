/*
 * node-epoch.c — the identity of the central node's change log and what a
 * restore does to it (docs/protocol.md, "Restore"). The log's id (meta
 * hub_log_id, 8 random bytes in hex) changes whenever the log may no longer
 * be the one desks pulled from: `luukkud restore` and a node that finds a
 * desk ahead of it. hub_log_epoch (schema/013_restore.sql) keeps each
 * earlier id and the gseq up to which the log still agrees with it, so a
 * desk asks again from there and sends again its kept changes.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "node/node-internal.h"

static void
new_id(char hex[2 * LK_HUB_LOG_ID + 1])
{
	unsigned char raw[LK_HUB_LOG_ID];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(hex, 2 * LK_HUB_LOG_ID + 1, raw, sizeof raw);
}

enum lk_status
lk_hub_log_id(struct lk_store *st, char hex[2 * LK_HUB_LOG_ID + 1], struct lk_err *err)
{
	if (lk_meta_get(st, "hub_log_id", hex, 2 * LK_HUB_LOG_ID + 1) == LK_OK &&
	    strlen(hex) == 2 * LK_HUB_LOG_ID)
		return LK_OK;
	new_id(hex);
	if (lk_meta_set(st, "hub_log_id", hex) != LK_OK)
		return lk_sql_err(st, err, "log id");
	return LK_OK;
}

/* Record that the log agrees with log `id` up to gseq base (the lower
 * base wins when the id is known already). */
static bool
epoch_add(struct lk_store *st, const char *id, int64_t base)
{
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO hub_log_epoch(log_id, base) VALUES (?1, ?2) "
		"ON CONFLICT(log_id) DO UPDATE SET base = min(base, ?2)", NULL);
	if (s == NULL)
		return false;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, base);
	bool ok = sqlite3_step(s) == SQLITE_DONE;
	sqlite3_finalize(s);
	return ok;
}

/* Epochs above base are cut to it: the log agrees with nobody past it. */
static bool
epochs_cut(struct lk_store *st, int64_t base)
{
	sqlite3_stmt *s = lk_prepare(st, "UPDATE hub_log_epoch SET base = ?1 WHERE base > ?1", NULL);
	if (s == NULL)
		return false;
	sqlite3_bind_int64(s, 1, base);
	bool ok = sqlite3_step(s) == SQLITE_DONE;
	sqlite3_finalize(s);
	return ok;
}

enum lk_status
lk_hub_log_rotate(struct lk_store *st, int64_t base, char hex[2 * LK_HUB_LOG_ID + 1],
                  struct lk_err *err)
{
	char old[2 * LK_HUB_LOG_ID + 1];
	enum lk_status rc = lk_hub_log_id(st, old, err);
	if (rc != LK_OK)
		return rc;
	new_id(hex);
	if (!epochs_cut(st, base) || !epoch_add(st, old, base) ||
	    lk_meta_set(st, "hub_log_id", hex) != LK_OK)
		return lk_sql_err(st, err, "log id");
	return LK_OK;
}

int64_t
lk_hub_log_base(struct lk_store *st, const char *id)
{
	sqlite3_stmt *s = lk_prepare(st, "SELECT base FROM hub_log_epoch WHERE log_id = ?", NULL);
	int64_t base = -1;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		base = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return base;
}

/* The node holds every change of desk `name` up to its last stamp: it
 * pulls under the log's current id, so it has sent again whatever a
 * restore took (its kept entries go before its PULL). */
static bool
desk_held(struct lk_store *st, const char *name)
{
	sqlite3_stmt *s = lk_prepare(st, "UPDATE hub_desk SET held_hlc = last_hlc WHERE name = ?", NULL);
	if (s == NULL)
		return false;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	bool ok = sqlite3_step(s) == SQLITE_DONE;
	sqlite3_finalize(s);
	return ok;
}

enum lk_status
lk_hub_log_place(struct lk_store *st, const char *desk, const char *desk_id, int64_t after,
                 int64_t own_acked, int64_t acked_at_connect, struct lk_hub_place *p,
                 struct lk_err *err)
{
	memset(p, 0, sizeof *p);
	enum lk_status rc = lk_sync_begin(st, err);
	if (rc != LK_OK)
		return rc;
	int64_t head = lk_hub_head(st);
	if ((rc = lk_hub_log_id(st, p->id, err)) != LK_OK) {
		lk_sync_rollback(st);
		return rc;
	}
	p->cursor = after > head ? head : after;
	if (desk_id[0] == '\0') {
		p->tell = true;   /* first round with a log id: just learn it */
	} else if (strcmp(desk_id, p->id) == 0) {
		/* The desk has seen more of this log, or more of its own changes
		 * acknowledged, than the log holds: this store is an older copy
		 * put back without `luukkud restore`. Nobody can tell how far it
		 * agrees with what desks saw: every desk asks again from 0. */
		if (after > head || own_acked > acked_at_connect) {
			char fresh[2 * LK_HUB_LOG_ID + 1];
			if ((rc = lk_hub_log_rotate(st, 0, fresh, err)) != LK_OK) {
				lk_sync_rollback(st);
				return rc;
			}
			snprintf(p->id, sizeof p->id, "%s", fresh);
			p->cursor = 0;
			p->tell = p->resend = p->rotated = true;
		}
	} else {
		int64_t base = lk_hub_log_base(st, desk_id);
		p->cursor = base < 0 ? 0 : after < base ? after : base;
		if (p->cursor > head)
			p->cursor = head;
		p->tell = p->resend = true;
	}
	/* Not while the desk is still to send again what the log lacks: a
	 * backup made meanwhile would miss those changes below its stamp. */
	if (!p->resend && !desk_held(st, desk)) {
		rc = lk_sql_err(st, err, "desk");
		lk_sync_rollback(st);
		return rc;
	}
	return lk_sync_commit(st, err);
}

enum lk_status
lk_hub_restore_prepare(struct lk_store *restored, struct lk_store *live,
                       struct lk_restore_info *info, struct lk_err *err)
{
	memset(info, 0, sizeof *info);
	char live_id[2 * LK_HUB_LOG_ID + 1] = "";
	if (live && lk_meta_get(live, "hub_log_id", live_id, sizeof live_id) != LK_OK)
		live_id[0] = '\0';
	enum lk_status rc = lk_sync_begin(restored, err);
	if (rc != LK_OK)
		return rc;
	info->head = lk_hub_head(restored);
	char old[2 * LK_HUB_LOG_ID + 1];
	/* A backup from before log ids had none: its log is a prefix of the
	 * live one's (if any), so the live id is its old name too. */
	if ((lk_meta_get(restored, "hub_log_id", old, sizeof old) != LK_OK || old[0] == '\0') &&
	    live_id[0] && lk_meta_set(restored, "hub_log_id", live_id) != LK_OK)
		rc = lk_sql_err(restored, err, "log id");
	if (rc == LK_OK)
		rc = lk_hub_log_id(restored, old, err);
	if (rc == LK_OK)
		rc = lk_hub_log_rotate(restored, info->head, info->id, err);
	if (rc == LK_OK && live_id[0] && strcmp(live_id, old) != 0) {
		/* The live log went on from the backup's and was itself restored
		 * since: its desks agree with this log up to where the live log
		 * still agreed with the backup's; another history altogether: 0. */
		int64_t b = lk_hub_log_base(live, old);
		int64_t base = b < 0 ? 0 : b < info->head ? b : info->head;
		if (!epoch_add(restored, live_id, base))
			rc = lk_sql_err(restored, err, "log id");
	}
	if (rc != LK_OK) {
		lk_sync_rollback(restored);
		return rc;
	}
	return lk_sync_commit(restored, err);
}
