/*
 * node-store.h — the central node's own tables: its key pair, the enrolled
 * desks and the change log in the one global order (docs/protocol.md).
 *
 * A desk's changeset is accepted in one transaction together with its row
 * in hub_log and the desk's last applied stamp, so a changeset sent again
 * after a cut link is recognised and not applied twice.
 *
 * Never reads the network, never logs: the caller (src/node/node-conn.c) does.
 *
 * Made of: node-enrol.c (keys, desks), node-push.c (a push), node-changelog.c
 * (the log and a desk's round), node-scope.c (the scope rule),
 * node-recode.c, node-seed.c (snapshot), node-epoch.c (the log's identity,
 * restore) and node-backup.c (backups, on a schedule too).
 */
#ifndef LK_NODE_NODE_STORE_H
#define LK_NODE_NODE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "store/sync-apply.h"

#define LK_HUB_NODE "node"       /* the desk name of the node's own writes */
#define LK_SCOPE_MAX 512
#define LK_HUB_LOG_ID 8          /* bytes of the log's identity (wire.h LK_LOG_ID_LEN) */

struct lk_hub_desk {
	char name[LK_DESK_NAME_MAX + 1];
	char scope[LK_SCOPE_MAX];
	int64_t last_hlc;
	int64_t safe_hlc;     /* its changes up to here are in every backup kept */
	bool revoked;
};

/* The node's Ed25519 key pair, made on first use and kept in meta. */
enum lk_status lk_hub_keys(struct lk_store *st, unsigned char pk[32], unsigned char sk[64],
                           struct lk_err *err);

/* Enrol: a new desk NAME with SCOPE ('area', 'kiosk' or point ids joined by
 * ','); token receives the one-time secret for the enrolment code. A name
 * already enrolled and not revoked is refused with LK_ECLASH. */
enum lk_status lk_hub_enrol(struct lk_store *st, const char *name, const char *scope,
                            unsigned char token[16], struct lk_err *err);
/* The desk answering with `token` takes its place with public key pk. */
enum lk_status lk_hub_claim(struct lk_store *st, const unsigned char token[16],
                            const unsigned char pk[32], struct lk_hub_desk *out,
                            struct lk_err *err);
enum lk_status lk_hub_revoke(struct lk_store *st, const char *name, struct lk_err *err);
/* The enrolled desk with that public key; LK_ENOTFOUND when none. */
enum lk_status lk_hub_desk_by_pk(struct lk_store *st, const unsigned char pk[32],
                                 struct lk_hub_desk *out);
/* Number of desks enrolled and not revoked. */
int lk_hub_desk_count(struct lk_store *st);

/* Outcome of one pushed changeset. */
enum lk_push_result {
	LK_PUSH_APPLIED,
	LK_PUSH_DUPLICATE,   /* already applied before: nothing done */
	LK_PUSH_REFUSED,     /* outside the desk's scope or invalid: nothing applied */
};

/* Accept changeset cs stamped hlc from desk d, made by staff_id (NULL for
 * nobody): the staff member's role (node-rights.h) and the desk's scope are
 * checked. On LK_PUSH_REFUSED err says why; the stamp still counts as
 * seen, so the desk's outbox moves on. Returns LK_EFAIL only when the
 * store broke. */
enum lk_status lk_hub_push(struct lk_store *st, struct lk_hub_desk *d, int64_t hlc,
                           const char *staff_id, const void *cs, int n, enum lk_push_result *res,
                           struct lk_apply_stats *stats, struct lk_err *err);

/* Move the node's own outbox (writes made on the node, like init) into the
 * change log as desk "node". */
enum lk_status lk_hub_ingest_own(struct lk_store *st, struct lk_err *err);

/* Once, at node start-up, when schema/011_retag_audit.sql left the meta
 * flag hub_retag_audit (a log written by a node from before audit rows
 * without a client were tagged '*'): add the tags the code now gives the
 * audit rows of every logged entry, then drop the flag. In one
 * transaction; a failure leaves the flag for the next start. */
enum lk_status lk_hub_retag_audit(struct lk_store *st, struct lk_err *err);

/* Tag log entry gseq for every desk to judge (a snapshot entry). */
enum lk_status lk_hub_log_tag_all(struct lk_store *st, int64_t gseq, struct lk_err *err);

/* The newest gseq (0 when the log is empty). */
int64_t lk_hub_head(struct lk_store *st);

/* What seeding wrote (node-seed.c). */
struct lk_seed_stats {
	long rows;      /* rows of the synced tables */
	long entries;   /* change-log entries they became */
	long bytes;     /* changeset bytes, before the wire's compression */
};

/* Seed a fresh node's change log from its tables (rows loaded without
 * capture, e.g. by the demo builder), so desks' first sync receives them;
 * one transaction. LK_ECLASH when the log is not empty. */
enum lk_status lk_hub_seed(struct lk_store *st, struct lk_seed_stats *stats,
                           struct lk_err *err);

/* ---- the log's identity and restore (node-epoch.c) ---- */

/* The log's id in hex, made on first use. */
enum lk_status lk_hub_log_id(struct lk_store *st, char hex[2 * LK_HUB_LOG_ID + 1],
                             struct lk_err *err);
/* Give the log a new id; the old one is kept as agreeing up to gseq base. */
enum lk_status lk_hub_log_rotate(struct lk_store *st, int64_t base,
                                 char hex[2 * LK_HUB_LOG_ID + 1], struct lk_err *err);
/* Up to which gseq the log agrees with an earlier id; -1 when unknown. */
int64_t lk_hub_log_base(struct lk_store *st, const char *id);

/* Where a desk that pulled up to `after` from log desk_id ("" before it
 * knew one) stands in this log. */
struct lk_hub_place {
	char id[2 * LK_HUB_LOG_ID + 1];   /* the log's id now */
	int64_t cursor;                    /* pull after this gseq */
	bool tell;                         /* send LOG: the desk's id is not this */
	bool resend;                       /* …and it sends its kept changes again */
	bool rotated;                      /* this desk showed the log older than it */
};
/* own_acked: the newest stamp the desk says the node acknowledged;
 * acked_at_connect: the desk's last_hlc here when it connected. When the
 * desk has seen more than this log holds under its own id, the log is an
 * older copy: it gets a new id (every desk asks again from 0). Unless the
 * desk is to send its kept changes again, its hub_desk.held_hlc becomes
 * its last_hlc (the node holds all of its changes up to there). One
 * transaction. */
enum lk_status lk_hub_log_place(struct lk_store *st, const char *desk, const char *desk_id,
                                int64_t after, int64_t own_acked, int64_t acked_at_connect,
                                struct lk_hub_place *p, struct lk_err *err);

/* What `luukkud restore` did to the copy. */
struct lk_restore_info {
	int64_t head;                      /* the restored log's newest gseq */
	char id[2 * LK_HUB_LOG_ID + 1];    /* its new id */
};
/* Make `restored` (a fresh copy of a backup) the node's store: its log
 * gets a new id, its old id (and the live store's, when live is not NULL)
 * agree with it up to its head. One transaction on `restored`. */
enum lk_status lk_hub_restore_prepare(struct lk_store *restored, struct lk_store *live,
                                      struct lk_restore_info *info, struct lk_err *err);

/* One entry of the change log, filtered to the reader's scope. */
struct lk_hub_entry {
	int64_t gseq, hlc;
	char desk[LK_DESK_NAME_MAX + 1];
	void *cs;      /* owned by the reader; NULL when nothing is in scope */
	int n;
};

/* Read up to `max` entries after gseq `after` (up to `head`) for desk d:
 * its own entries are skipped unless stamped above `own` (the newest it
 * holds) and logged at or before gseq `own_upto` (before this round's
 * pushes), the others filtered to its scope. Stops
 * early after the entry that brings the bytes kept to `budget` or more
 * (0: no limit), so a caller sending `budget` a batch does not filter
 * entries it then drops and reads again. Returns the number read into
 * e[]; free each e[i].cs with lk_hub_entry_free. */
int lk_hub_read(struct lk_store *st, const struct lk_hub_desk *d, int64_t after, int64_t head,
                int64_t own, int64_t own_upto, struct lk_hub_entry *e, int max, size_t budget, int64_t *last,
                struct lk_err *err);
void lk_hub_entry_free(struct lk_hub_entry *e);

/* A consistent online copy of the store into a new file (mode 0600),
 * by SQLite's backup API; an existing file is refused with LK_ECLASH. */
enum lk_status lk_hub_backup(struct lk_store *st, const char *path, struct lk_err *err);

/* ---- backups on a schedule (node-backup.c; node-loop.c runs them) ---- */

struct lk_backup_desk {
	char name[LK_DESK_NAME_MAX + 1];
	int64_t held;        /* the least held_hlc over the kept backups */
};

/* One scheduled backup: set db_path, dir and keep; the rest is the outcome. */
struct lk_backup_run {
	const char *db_path, *dir;
	int keep;
	char name[40];                 /* luukkud-YYYYMMDDTHHMMSS.mmmZ.db, in dir */
	int64_t bytes;
	int kept, pruned;              /* backups in dir now; removed as too old */
	char oldest[40];               /* the oldest kept */
	bool safe_known;               /* every kept backup was read: desks[] is right */
	struct lk_backup_desk *desks;  /* every desk of the newest backup */
	int ndesks;
	char msg[400];                 /* why the backup failed (for the log) */
	char safe_msg[400];            /* why safe_known is false */
};

/* Make a backup of the store at db_path into r->dir (made, mode 0700, when
 * missing) with a connection of its own — so it may run on another
 * thread than the store's — by the online backup API, written to a hidden
 * temp name, synced and then renamed (a half-written file never has a
 * backup's name; temp files a crash left are removed first); then remove
 * the oldest beyond r->keep and read, from every kept backup, up to which
 * stamp it holds each desk's changes. LK_EFAIL with r->msg when no backup
 * was made (nothing of it is left). Logs nothing; free with
 * lk_backup_run_free. */
enum lk_status lk_hub_backup_run(struct lk_backup_run *r);
void lk_backup_run_free(struct lk_backup_run *r);
/* Set every desk's safe_hlc from a run with safe_known: the least held
 * stamp over the kept backups, never above the desk's held_hlc here
 * (0 for a desk some kept backup lacks). One transaction. */
enum lk_status lk_hub_safe_apply(struct lk_store *st, const struct lk_backup_run *r,
                                 struct lk_err *err);
/* Milliseconds until the next backup into dir is due: the newest kept
 * backup's age subtracted from interval_ms; 0 when there is none. */
int64_t lk_hub_backup_due(const char *dir, int64_t interval_ms);

/* Put backup `file` in place of the store at db_path: copied (the backup is
 * never written), migrated, its log given a new id agreeing with the
 * backup's and the live store's up to its head (lk_hub_restore_prepare),
 * then written over the store in one transaction — a luukkud running on it
 * goes on serving the restored store. */
enum lk_status lk_hub_restore(const char *db_path, const char *file,
                              struct lk_restore_info *info, struct lk_err *err);

/* Check a scope text: 'area', 'kiosk' or known service-point ids. */
enum lk_status lk_hub_scope_valid(struct lk_store *st, const char *scope, struct lk_err *err);

#endif
