/*
 * tui.h — the interactive terminal: ncursesw on one libuv loop.
 *
 * One loop carries the keyboard (stdin readable), SIGWINCH and timers;
 * nothing blocks it for long. Screens talk to the store and core only:
 * a screen never writes SQL, the store never draws.
 */
#ifndef LK_TUI_H
#define LK_TUI_H

#include "store/store.h"

struct lk_tui_options {
	const char *staff_id;   /* the signed-in staff member, or NULL */
	const char *point_id;   /* this desk's service point, or NULL */
};

/* Run until the user quits (F10). Returns an exit status. */
int lk_tui_run(struct lk_store *st, const struct lk_tui_options *opt);

#endif
