/*
 * tui.h — the interactive terminal: ncursesw on one libuv loop.
 *
 * One loop carries the keyboard (stdin readable), SIGWINCH and timers;
 * nothing blocks it for long. Screens talk to the store and core only:
 * a screen never writes SQL, the store never draws.
 */
#ifndef LK_TUI_H
#define LK_TUI_H

#include <stdbool.h>

#include "store/store.h"

/* Background sync (ui/sync-status.h): one round every `interval` seconds,
 * with back-off after failures. `round` runs on a worker thread and must
 * open a store connection of its own; it returns whether the round
 * completed. */
struct lk_tui_sync {
	int interval;
	bool (*round)(void *ctx);
	void *ctx;
};

struct lk_tui_options {
	const char *staff_id;   /* the signed-in staff member, or NULL */
	const char *point_id;   /* this desk's service point, or NULL */
	const char *config_path; /* its [keys] rebind the key table, or NULL */
	const struct lk_tui_sync *sync;   /* NULL: local mode, no background sync */
};

/* Run until the user quits (F10). Returns an exit status: 2 (with the
 * message on stderr) when the config's [keys] section is refused. */
int lk_tui_run(struct lk_store *st, const struct lk_tui_options *opt);

#endif
