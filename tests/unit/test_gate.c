/*
 * test_gate.c — the one gate between screens (ui/gate.c): a refused
 * screen is refused before it reads anything and leaves the screen and the
 * back stack as they were; Back returns where a screen was opened from,
 * help is never itself returned to, and the lock returns to the screen
 * behind it without entering it again; a home screen empties the stack; a
 * picker's answer reaches the screen that asked; a change marks the other
 * screens that show it, and opening a screen makes it fresh. Runs the real
 * screen table on a temporary store, without a terminal.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/area.h"
#include "store/store.h"
#include "ui/ui.h"

static char dir[] = "/tmp/luukku-gate-XXXXXX";
static char path[256];
static struct lk_tui_options opt;
static struct lk_ui ui;

/* A fresh terminal state on the test store, at the lookup, nothing under it. */
static void
start(bool signed_in, const char *role)
{
	struct lk_store *st = ui.st;
	memset(&ui, 0, sizeof ui);
	ui.st = st;
	memset(&opt, 0, sizeof opt);
	opt.point_id = "joensuun-palvelupiste";
	ui.opt = &opt;
	ui.cur = LK_SCREEN_LOOKUP;
	if (role) {
		ui.session.on = true;
		ui.session.in = signed_in;
		snprintf(ui.session.role, sizeof ui.session.role, "%s", role);
	}
}

static bool
starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void
test_back_stack(void **state)
{
	(void)state;
	start(false, NULL);
	assert_true(lk_ui_open(&ui, LK_SCREEN_CONFLICTS, NULL));
	assert_int_equal(ui.cur, LK_SCREEN_CONFLICTS);
	assert_int_equal(lk_ui_under(&ui), LK_SCREEN_LOOKUP);
	assert_true(lk_ui_open(&ui, LK_SCREEN_HELP, NULL));
	assert_int_equal(lk_ui_under(&ui), LK_SCREEN_CONFLICTS);   /* help shows its keys */
	assert_true(lk_ui_back(&ui));
	assert_int_equal(ui.cur, LK_SCREEN_CONFLICTS);
	assert_true(lk_ui_back(&ui));
	assert_int_equal(ui.cur, LK_SCREEN_LOOKUP);
	assert_false(lk_ui_back(&ui));                           /* nothing under the lookup */
	assert_int_equal(ui.cur, LK_SCREEN_LOOKUP);

	/* A home screen: nothing to go back to. */
	assert_true(lk_ui_open(&ui, LK_SCREEN_PISTE, NULL));
	assert_int_equal(ui.n_back, 1);
	assert_true(lk_ui_open(&ui, LK_SCREEN_LOOKUP, &(const struct lk_nav){ .flags = LK_NAV_HOME }));
	assert_int_equal(ui.n_back, 0);
	/* Opening the current screen again keeps where Back goes. */
	assert_true(lk_ui_open(&ui, LK_SCREEN_PISTE, NULL));
	assert_true(lk_ui_open(&ui, LK_SCREEN_PISTE, NULL));
	assert_int_equal(ui.n_back, 1);
	assert_int_equal(lk_ui_under(&ui), LK_SCREEN_LOOKUP);
}

/* The rights come first: a role without the card gets the refusal, not a
 * read of the client; nothing moves. */
static void
test_rights_before_reads(void **state)
{
	(void)state;
	start(true, "lobby");   /* search and calendars, no card, no reports */
	const struct lk_nav nav = { .client_id = "no-such-client" };
	assert_false(lk_ui_open(&ui, LK_SCREEN_CARD, &nav));
	assert_true(starts_with(ui.message, "Not for the role"));
	assert_int_equal(ui.cur, LK_SCREEN_LOOKUP);
	assert_int_equal(ui.n_back, 0);
	ui.message[0] = '\0';
	assert_false(lk_ui_open(&ui, LK_SCREEN_REPORT, NULL));
	assert_true(starts_with(ui.message, "Not for the role"));
	assert_int_equal(ui.cur, LK_SCREEN_LOOKUP);

	/* With the right, the read runs and its failure keeps the screen. */
	start(true, "caseworker");
	assert_false(lk_ui_open(&ui, LK_SCREEN_CARD, &nav));
	assert_true(starts_with(ui.message, "The client cannot be shown"));
	assert_int_equal(ui.cur, LK_SCREEN_LOOKUP);
	assert_int_equal(ui.n_back, 0);

	/* Signed in: no way back to sign-in, and no refusal said. */
	ui.message[0] = '\0';
	assert_false(lk_ui_open(&ui, LK_SCREEN_SIGNIN, NULL));
	assert_string_equal(ui.message, "");
	/* Nobody signed in: the picker is nobody's, silently. */
	start(false, "caseworker");
	assert_false(lk_ui_open(&ui, LK_SCREEN_PICK, NULL));
	assert_string_equal(ui.message, "");
}

/* The lock covers a screen: Back from it neither re-checks nor re-enters
 * the screen behind (the conflicts screen's enter() reads the count). */
static void
test_lock_covers(void **state)
{
	(void)state;
	start(true, "caseworker");
	assert_true(lk_ui_open(&ui, LK_SCREEN_CONFLICTS, NULL));
	assert_true(lk_ui_open(&ui, LK_SCREEN_HELP, NULL));
	assert_true(lk_ui_open(&ui, LK_SCREEN_LOCK, NULL));
	assert_int_equal(ui.cur, LK_SCREEN_LOCK);
	assert_int_equal(lk_ui_under(&ui), LK_SCREEN_CONFLICTS);   /* help is not returned to */
	assert_false(lk_ui_open(&ui, LK_SCREEN_LOCK, NULL));       /* not twice */
	ui.sync.conflicts = 99;
	assert_true(lk_ui_back(&ui));
	assert_int_equal(ui.cur, LK_SCREEN_CONFLICTS);
	assert_int_equal(ui.sync.conflicts, 99);                   /* not entered again */
	assert_true(lk_ui_open(&ui, LK_SCREEN_HELP, NULL));
	assert_true(lk_ui_back(&ui));
	assert_int_equal(ui.sync.conflicts, 0);                    /* help's Back enters it */

	start(false, NULL);   /* sign-in off: nothing to lock */
	assert_false(lk_ui_open(&ui, LK_SCREEN_LOCK, NULL));
	assert_int_equal(ui.cur, LK_SCREEN_LOOKUP);
}

/* The picker's answer goes to the screen that asked, with its request;
 * Back hands nothing. */
static void
test_result(void **state)
{
	(void)state;
	start(false, NULL);
	assert_true(lk_ui_open(&ui, LK_SCREEN_PISTE, NULL));
	const struct lk_nav ask = { .request = LK_REQ_LINK_VISIT };
	assert_true(lk_ui_open(&ui, LK_SCREEN_PICK, &ask));
	assert_true(lk_ui_back(&ui));
	assert_int_equal(ui.cur, LK_SCREEN_PISTE);
	assert_string_equal(ui.message, "");
	assert_true(lk_ui_open(&ui, LK_SCREEN_PICK, &ask));
	assert_true(lk_ui_return(&ui, &(const struct lk_nav){ .request = LK_REQ_LINK_VISIT,
	                                                      .client_id = "someone" }));
	assert_int_equal(ui.cur, LK_SCREEN_PISTE);
	/* Piste got the client; no topic was chosen, so it says so. */
	assert_string_equal(ui.message, "Choose the topic first: 1-5");
}

/* A change marks the other screens that show it; the one opened reads
 * fresh; the current one is left to read its own change. */
static void
test_changed(void **state)
{
	(void)state;
	start(false, NULL);
	lk_ui_changed(&ui, LK_CHANGED_APPOINTMENTS);
	assert_int_equal(ui.stale[LK_SCREEN_CARD], LK_CHANGED_APPOINTMENTS);
	assert_int_equal(ui.stale[LK_SCREEN_AGENDA], LK_CHANGED_APPOINTMENTS);
	assert_int_equal(ui.stale[LK_SCREEN_PISTE], 0);
	lk_ui_changed(&ui, LK_CHANGED_CLIENT);
	assert_int_equal(ui.stale[LK_SCREEN_CARD], LK_CHANGED_APPOINTMENTS | LK_CHANGED_CLIENT);
	assert_int_equal(ui.stale[LK_SCREEN_AGENDA], LK_CHANGED_APPOINTMENTS);
	assert_true(lk_ui_open(&ui, LK_SCREEN_AGENDA, NULL));
	assert_int_equal(ui.stale[LK_SCREEN_AGENDA], 0);
	lk_ui_changed(&ui, LK_CHANGED_APPOINTMENTS);               /* the calendar's own */
	assert_int_equal(ui.stale[LK_SCREEN_AGENDA], 0);
	ui.stale[LK_SCREEN_AGENDA] = LK_CHANGED_APPOINTMENTS;
	lk_ui_reread(&ui);                                         /* before the next draw */
	assert_int_equal(ui.stale[LK_SCREEN_AGENDA], 0);
	assert_int_equal(ui.stale[LK_SCREEN_CARD], LK_CHANGED_APPOINTMENTS | LK_CHANGED_CLIENT);
}

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof path, "%s/g.db", dir);
	struct lk_err err = { 0 };
	if (lk_store_open(path, LK_OPEN_CREATE, &ui.st, &err) != LK_OK ||
	    lk_area_init(ui.st, "pohjois-karjala", &err) != LK_OK)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	lk_store_close(ui.st);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	setenv("LUUKKU_NOW", "2026-03-02 09:00", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_back_stack),
		cmocka_unit_test(test_rights_before_reads),
		cmocka_unit_test(test_lock_covers),
		cmocka_unit_test(test_result),
		cmocka_unit_test(test_changed),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
