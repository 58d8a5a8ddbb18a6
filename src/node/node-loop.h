/*
 * node-loop.h — luukkud's network: one libuv loop with the TCP listener, the
 * desk connections (each driving a node-conn.h state machine) and the signals.
 *
 * SIGTERM and SIGINT stop accepting, let rounds that are under way finish
 * (a connection still in its handshake is closed), then return. SIGHUP
 * calls the reload callback. A connection silent for the idle timeout is
 * closed. Nothing here blocks the loop but SQLite's own short writes.
 */
#ifndef LK_NODE_NODE_LOOP_H
#define LK_NODE_NODE_LOOP_H

#include "node/node-conn.h"

struct lk_node_opts {
	const char *listen;          /* "HOST:PORT"; port 0 picks a free one */
	int idle_seconds;            /* close a silent connection after this */
	void (*reload)(void *ctx);   /* SIGHUP */
	void *ctx;
};

/* Serve until SIGTERM/SIGINT. Returns 0, or 1 when it cannot listen. */
int lk_node_run(struct lk_hub *hub, const struct lk_node_opts *opts);

#endif
