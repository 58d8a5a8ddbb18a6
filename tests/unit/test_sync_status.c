/*
 * test_sync_status.c — the sync part of the status line and the back-off
 * of the terminal's background sync (ui/sync-status.h), in English (no
 * translation loaded).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sync/link.h"
#include "ui/sync-status.h"

static void test_before_first_round(void **state)
{
	(void)state;
	struct lk_sync_status s = { .enrolled = true, .state = LK_LINK_UNKNOWN, .pending = 3 };
	char buf[160];
	lk_sync_status_format(&s, buf, sizeof buf);
	assert_string_equal(buf, "Connecting · 3 to send · 0 conflicts");
}

static void test_online(void **state)
{
	(void)state;
	struct lk_sync_status s = { .enrolled = true, .state = LK_LINK_ONLINE, .pending = 0,
	                            .conflicts = 1, .synced = true,
	                            .last = lk_time_make(lk_date_from_ymd(2026, 3, 2), 9, 5) };
	char buf[160];
	lk_sync_status_format(&s, buf, sizeof buf);
	assert_string_equal(buf, "Online · synced 9.05 · 0 to send · 1 conflict");
}

static void test_offline_keeps_last_sync(void **state)
{
	(void)state;
	struct lk_sync_status s = { .enrolled = true, .state = LK_LINK_OFFLINE, .pending = 12,
	                            .conflicts = 2, .synced = true,
	                            .last = lk_time_make(lk_date_from_ymd(2026, 3, 2), 14, 30) };
	char buf[160];
	lk_sync_status_format(&s, buf, sizeof buf);
	assert_string_equal(buf, "Offline · synced 14.30 · 12 to send · 2 conflicts");
	/* A small buffer cuts, never overruns. */
	char small[8];
	lk_sync_status_format(&s, small, sizeof small);
	assert_int_equal(strlen(small), 7);
}

static void test_backoff(void **state)
{
	(void)state;
	assert_int_equal(lk_sync_backoff(60, 0), 60);
	assert_int_equal(lk_sync_backoff(60, 1), 120);
	assert_int_equal(lk_sync_backoff(60, 3), 480);
	assert_int_equal(lk_sync_backoff(60, 4), 600);    /* at most 10 minutes */
	assert_int_equal(lk_sync_backoff(60, 100), 600);
	assert_int_equal(lk_sync_backoff(1, 2), 4);
	assert_int_equal(lk_sync_backoff(0, 0), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_before_first_round),
		cmocka_unit_test(test_online),
		cmocka_unit_test(test_offline_keeps_last_sync),
		cmocka_unit_test(test_backoff),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
