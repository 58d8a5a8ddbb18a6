/*
 * sync-status.h — the terminal's background sync and its part of the
 * status line: online or offline, changes waiting to be sent (the outbox),
 * the time of the last completed round and the open conflicts.
 *
 * The round itself is handed in by the caller (struct lk_tui_sync in
 * tui.h: cmd wires it to src/sync), and runs on libuv's thread pool with a
 * store connection of its own, so typing never waits for the network.
 * Everything else here runs on the UI loop: after each round the counts
 * are read again from the UI's own store. lk_sync_status_format() is pure
 * and unit-tested.
 *
 * Never draws, never writes the store, never calls src/sync directly.
 */
#ifndef LK_UI_SYNC_STATUS_H
#define LK_UI_SYNC_STATUS_H

#include <stdbool.h>
#include <stddef.h>

#include <uv.h>

#include "store/store.h"
#include "ui/tui.h"

enum lk_link_state {
	LK_LINK_UNKNOWN,   /* no round has ended yet */
	LK_LINK_ONLINE,    /* the last round completed */
	LK_LINK_OFFLINE,   /* the last round could not reach the node or broke */
};

struct lk_sync_status {
	bool enrolled;             /* background sync runs: show this status */
	enum lk_link_state state;
	long pending;              /* outbox entries not yet acknowledged */
	long conflicts;            /* open conflicts */
	bool synced;               /* a round has completed since start */
	lk_time last;              /* when the last round completed */
};

/* "Online · synced 9.05 · 0 to send · 1 conflict" into buf. */
void lk_sync_status_format(const struct lk_sync_status *s, char *buf, size_t size);

/* Read the outbox and conflict counts again from st. */
void lk_sync_status_refresh(struct lk_sync_status *s, struct lk_store *st);

/* The background sync of one terminal. */
struct lk_sync_bg {
	uv_timer_t timer;
	uv_work_t work;
	const struct lk_tui_sync *cfg;
	struct lk_sync_status *status;
	struct lk_store *st;           /* the UI's store: counts only, on the loop */
	void (*changed)(void *ctx);    /* after each round, on the loop: redraw */
	void *ctx;
	bool busy;                     /* a round is on the thread pool */
	bool stopping;
	bool ok;                       /* the last round's result (set by the worker) */
	int failures;                  /* rounds failed in a row: back-off */
};

/* Start rounds every cfg->interval seconds (the first one at once). */
int lk_sync_bg_start(struct lk_sync_bg *bg, uv_loop_t *loop, const struct lk_tui_sync *cfg,
                     struct lk_sync_status *status, struct lk_store *st,
                     void (*changed)(void *ctx), void *ctx);
/* Stop: no new rounds; a round under way ends by its own timeouts. */
void lk_sync_bg_stop(struct lk_sync_bg *bg);

#endif
