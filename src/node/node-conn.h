/*
 * node-conn.h — the central node's side of one desk connection, as a state
 * machine over frames: bytes in, frames out (docs/protocol.md, "A round").
 *
 *   HELLO → WELCOME → PROOF → (enrol) ENROL → ENROLLED, close
 *                           → (sync)  PUSH* PULL → [LOG] CHANGES* DONE, close
 *
 * Anything out of order, any frame that fails to parse or to open, ends the
 * connection; what the frame carried is not applied. Each pushed changeset
 * is accepted in its own transaction (node/node-store.h).
 *
 * No sockets here (src/node/node-loop.c owns them); logs carry desk names and
 * counts only.
 */
#ifndef LK_NODE_NODE_CONN_H
#define LK_NODE_NODE_CONN_H

#include <stdbool.h>
#include <stdint.h>

#include "node/node-store.h"
#include "sync/channel.h"

struct lk_hub {
	struct lk_store *st;
	unsigned char pk[32], sk[64];
};

enum lk_hub_state {
	LK_HUB_HELLO, LK_HUB_PROOF, LK_HUB_ENROL, LK_HUB_PUSH, LK_HUB_PULL, LK_HUB_END,
};

struct lk_hub_conn {
	struct lk_hub *hub;
	struct lk_chan ch;
	enum lk_hub_state state;
	int mode;
	struct lk_hub_desk desk;
	int64_t cursor, head;
	int64_t own;               /* the desk's newest own change it holds (PULL) */
	int64_t acked_at_connect;  /* its last_hlc here when it connected */
	int64_t head_at_connect;   /* the log's head then (before its pushes) */
	struct lk_buf in, payload, refused, frame;
	int nrefused, pushed, duplicates, sent, conflicts;
	char peer[64];
};

/* Open the hub on a store: load (or make) the node's keys and move the
 * node's own writes into the change log. */
enum lk_status lk_hub_open(struct lk_hub *hub, struct lk_store *st, struct lk_err *err);
void lk_hub_close(struct lk_hub *hub);

void lk_hub_conn_init(struct lk_hub_conn *c, struct lk_hub *hub, const char *peer);
void lk_hub_conn_free(struct lk_hub_conn *c);
/* Bytes from the desk; frames to send are appended to out. False: close
 * the connection once out is sent. */
bool lk_hub_conn_input(struct lk_hub_conn *c, const void *data, size_t n, struct lk_buf *out);
/* While pulling: append CHANGES frames up to about `budget` bytes, then
 * DONE at the end. False once DONE is out (close after sending). */
bool lk_hub_conn_pump(struct lk_hub_conn *c, struct lk_buf *out, size_t budget);

#endif
