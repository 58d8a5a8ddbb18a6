/*
 * node-loop.h — luukkud's network: one libuv loop with the TCP listener, the
 * desk connections (each driving a node-conn.h state machine) and the signals.
 *
 * SIGTERM and SIGINT stop accepting, let rounds that are under way finish
 * (a connection still in its handshake is closed), then return. SIGHUP
 * calls the reload callback. A connection silent for the idle timeout is
 * closed. With a backup directory, a timer makes a backup every interval
 * (node-backup.c) on libuv's thread pool, with a connection of its own,
 * and then sets the desks' safe stamps from the backups kept; a failed one
 * is logged and tried again after a minute (or the interval, if shorter).
 * Nothing here blocks the loop but SQLite's own short writes.
 */
#ifndef LK_NODE_NODE_LOOP_H
#define LK_NODE_NODE_LOOP_H

#include <stdint.h>

#include "node/node-conn.h"

struct lk_node_opts {
	const char *listen;          /* "HOST:PORT"; port 0 picks a free one */
	int idle_seconds;            /* close a silent connection after this */
	void (*reload)(void *ctx);   /* SIGHUP */
	void *ctx;
	const char *db_path;         /* the store's file, for the backups' connection */
	const char *backup_dir;      /* NULL: no scheduled backups */
	int64_t backup_interval_ms;
	int backup_keep;
};

/* Serve until SIGTERM/SIGINT. Returns 0, or 1 when it cannot listen. */
int lk_node_run(struct lk_hub *hub, const struct lk_node_opts *opts);

#endif
