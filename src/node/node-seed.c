/*
 * node-seed.c — the snapshot of a central node: rows that came in without
 * change capture (the demo builder's bulk transaction, a copied file) are
 * written into the change log as the node's snapshot, so a fresh desk's
 * first sync receives everything in its scope through the one ordinary
 * path (scope filter, merge, resume) and nothing new is needed on the wire.
 *
 * Each synced table is read once; its rows are replayed as INSERTs into an
 * empty in-memory copy of the table under a session, and every chunk of
 * about 4 MB of rows becomes one change-log entry: one transaction on the
 * desk, well under the wire's 16 MiB frame limit. Fewer, larger entries
 * make the desk's first sync faster (each commit rewrites the hot pages).
 * Only a node whose log is still empty is seeded, in one transaction.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "store/store-internal.h"
#include "node/node-store.h"

#define SEED_BYTES (4 << 20)   /* about this much changeset per log entry */

struct seed {
	struct lk_store *st;
	sqlite3 *mem;
	int64_t hlc;
	struct lk_seed_stats *stats;
};

/* Append one changeset to the log as the node's own change. */
static enum lk_status
seed_append(struct seed *sd, sqlite3_session *ses, struct lk_err *err)
{
	int n = 0;
	void *cs = NULL;
	if (sqlite3session_changeset(ses, &n, &cs) != SQLITE_OK)
		return lk_err_set(err, LK_EFAIL, "db", "snapshot: %s", sqlite3_errmsg(sd->mem));
	enum lk_status rc = LK_OK;
	if (n > 0) {
		sqlite3_stmt *s = lk_prepare(sd->st,
			"INSERT INTO hub_log(desk, hlc, changeset) VALUES (?, ?, ?)", err);
		if (s == NULL) {
			rc = LK_EFAIL;
		} else {
			sqlite3_bind_text(s, 1, LK_HUB_SNAPSHOT, -1, SQLITE_STATIC);
			sqlite3_bind_int64(s, 2, sd->hlc++);
			sqlite3_bind_blob(s, 3, cs, n, SQLITE_STATIC);
			if (sqlite3_step(s) != SQLITE_DONE)
				rc = lk_sql_err(sd->st, err, "log");
			sqlite3_finalize(s);
			if (rc == LK_OK)
				rc = lk_hub_log_tag_all(sd->st, sqlite3_last_insert_rowid(sd->st->db), err);
			sd->stats->entries++;
			sd->stats->bytes += n;
		}
	}
	sqlite3_free(cs);
	return rc;
}

/* Replay every row of one table into the log, SEED_BYTES at a time. */
static enum lk_status
seed_table(struct seed *sd, const char *name, const char *create, struct lk_err *err)
{
	sqlite3 *m = sd->mem;
	if (sqlite3_exec(m, create, NULL, NULL, NULL) != SQLITE_OK)
		return lk_err_set(err, LK_EFAIL, "db", "snapshot of %s: %s", name, sqlite3_errmsg(m));
	char *q = sqlite3_mprintf("SELECT * FROM src.\"%w\"", name);
	sqlite3_stmt *rd = NULL, *wr = NULL;
	int rc0 = q ? sqlite3_prepare_v2(m, q, -1, &rd, NULL) : SQLITE_NOMEM;
	sqlite3_free(q);
	if (rc0 != SQLITE_OK)
		return lk_err_set(err, LK_EFAIL, "db", "snapshot of %s: %s", name, sqlite3_errmsg(m));
	int ncol = sqlite3_column_count(rd);
	sqlite3_str *ins = sqlite3_str_new(m);
	sqlite3_str_appendf(ins, "INSERT INTO main.\"%w\" VALUES (", name);
	for (int i = 0; i < ncol; i++)
		sqlite3_str_appendf(ins, "%s?", i ? ", " : "");
	sqlite3_str_appendall(ins, ")");
	char *isql = sqlite3_str_finish(ins);
	rc0 = isql ? sqlite3_prepare_v2(m, isql, -1, &wr, NULL) : SQLITE_NOMEM;
	sqlite3_free(isql);
	if (rc0 != SQLITE_OK) {
		sqlite3_finalize(rd);
		return lk_err_set(err, LK_EFAIL, "db", "snapshot of %s: %s", name, sqlite3_errmsg(m));
	}
	char *del = sqlite3_mprintf("DELETE FROM main.\"%w\"", name);
	enum lk_status rc = LK_OK;
	sqlite3_session *ses = NULL;
	long bytes = 0;
	int step;
	while (rc == LK_OK && (step = sqlite3_step(rd)) == SQLITE_ROW) {
		if (ses == NULL && (sqlite3session_create(m, "main", &ses) != SQLITE_OK ||
		                    sqlite3session_attach(ses, name) != SQLITE_OK)) {
			rc = lk_err_set(err, LK_EFAIL, "db", "snapshot: change capture");
			break;
		}
		for (int i = 0; i < ncol; i++) {
			sqlite3_bind_value(wr, i + 1, sqlite3_column_value(rd, i));
			bytes += sqlite3_column_bytes(rd, i) + 2;   /* value, type and size */
		}
		if (sqlite3_step(wr) != SQLITE_DONE)
			rc = lk_err_set(err, LK_EFAIL, "db", "snapshot of %s: %s", name,
			                sqlite3_errmsg(m));
		sqlite3_reset(wr);
		sd->stats->rows++;
		if (rc == LK_OK && bytes >= SEED_BYTES) {
			rc = seed_append(sd, ses, err);
			sqlite3session_delete(ses);
			ses = NULL;
			bytes = 0;
			if (rc == LK_OK && sqlite3_exec(m, del, NULL, NULL, NULL) != SQLITE_OK)
				rc = lk_err_set(err, LK_EFAIL, "db", "snapshot: %s", sqlite3_errmsg(m));
		}
	}
	if (ses) {
		if (rc == LK_OK)
			rc = seed_append(sd, ses, err);
		sqlite3session_delete(ses);
	}
	sqlite3_free(del);
	sqlite3_finalize(rd);
	sqlite3_finalize(wr);
	return rc;
}

enum lk_status
lk_hub_seed(struct lk_store *st, struct lk_seed_stats *stats, struct lk_err *err)
{
	memset(stats, 0, sizeof *stats);
	if (lk_hub_head(st) != 0)
		return lk_err_set(err, LK_ECLASH, "db",
		                  "the node already has a change log: only a fresh node is seeded");
	struct seed sd = { .st = st, .stats = stats };
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	sd.hlc = ((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000) << 16;
	if (sqlite3_open(":memory:", &sd.mem) != SQLITE_OK) {
		sqlite3_close(sd.mem);
		return lk_err_set(err, LK_EFAIL, "db", "snapshot: out of memory");
	}
	char *att = sqlite3_mprintf("ATTACH %Q AS src", st->path);
	enum lk_status rc = LK_OK;
	if (att == NULL || sqlite3_exec(sd.mem, att, NULL, NULL, NULL) != SQLITE_OK)
		rc = lk_err_set(err, LK_EFAIL, "db", "snapshot: %s", sqlite3_errmsg(sd.mem));
	sqlite3_free(att);
	if (rc == LK_OK)
		rc = lk_sync_begin(st, err);
	if (rc != LK_OK) {
		sqlite3_close(sd.mem);
		return rc;
	}
	/* What the outbox holds (the demo's captured init) is in the tables:
	 * the snapshot carries it. */
	if (sqlite3_exec(st->db, "DELETE FROM outbox", NULL, NULL, NULL) != SQLITE_OK)
		rc = lk_sql_err(st, err, "outbox");
	sqlite3_exec(sd.mem, "BEGIN", NULL, NULL, NULL);
	sqlite3_stmt *t = NULL;
	if (rc == LK_OK &&
	    sqlite3_prepare_v2(sd.mem, "SELECT name, sql FROM src.sqlite_master WHERE type = 'table'"
	                               " ORDER BY rowid", -1, &t, NULL) != SQLITE_OK)
		rc = lk_err_set(err, LK_EFAIL, "db", "snapshot: %s", sqlite3_errmsg(sd.mem));
	while (rc == LK_OK && sqlite3_step(t) == SQLITE_ROW) {
		char name[64], create[8192];
		const char *nm = (const char *)sqlite3_column_text(t, 0);
		const char *sql = (const char *)sqlite3_column_text(t, 1);
		if (nm == NULL || sql == NULL || !lk_store_synced(nm))
			continue;
		snprintf(name, sizeof name, "%s", nm);
		snprintf(create, sizeof create, "%s", sql);
		rc = seed_table(&sd, name, create, err);
	}
	sqlite3_finalize(t);
	sqlite3_exec(sd.mem, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(sd.mem);
	if (rc == LK_OK)
		return lk_sync_commit(st, err);
	lk_sync_rollback(st);
	return rc;
}
