/*
 * test_list.c — lk_list_move (ui/draw.c): the list keys the agenda, Piste
 * queue and conflicts screens share keep the selection inside the list,
 * page by the given rows, and leave an empty list's selection alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ui/draw.h"
#include "ui/keys.h"

static int
moved(int sel, int n, int vk, int page)
{
	assert_true(lk_list_move(&sel, n, vk, page));
	return sel;
}

static void
test_steps_and_edges(void **state)
{
	(void)state;
	assert_int_equal(moved(3, 5, LK_VK_UP, 10), 2);
	assert_int_equal(moved(0, 5, LK_VK_UP, 10), 0);
	assert_int_equal(moved(3, 5, LK_VK_DOWN, 10), 4);
	assert_int_equal(moved(4, 5, LK_VK_DOWN, 10), 4);
	assert_int_equal(moved(2, 5, LK_VK_HOME, 10), 0);
	assert_int_equal(moved(2, 5, LK_VK_END, 10), 4);
}

static void
test_pages(void **state)
{
	(void)state;
	assert_int_equal(moved(15, 40, LK_VK_PGUP, 10), 5);
	assert_int_equal(moved(7, 40, LK_VK_PGUP, 10), 0);
	assert_int_equal(moved(15, 40, LK_VK_PGDN, 10), 25);
	assert_int_equal(moved(35, 40, LK_VK_PGDN, 10), 39);
}

static void
test_empty_list_and_other_keys(void **state)
{
	(void)state;
	assert_int_equal(moved(-1, 0, LK_VK_DOWN, 10), -1);   /* agenda's "none" */
	assert_int_equal(moved(0, 0, LK_VK_END, 1), 0);       /* conflicts' 0 */
	int sel = 2;
	assert_false(lk_list_move(&sel, 5, LK_VK_CHECKIN, 10));
	assert_int_equal(sel, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_steps_and_edges),
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_empty_list_and_other_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
