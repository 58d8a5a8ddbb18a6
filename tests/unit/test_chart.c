/*
 * test_chart.c — the arithmetic of the report charts (ui/chart.h): bar
 * lengths, marker cells, the parts of stacked bars and their fills,
 * sparkline levels and the sparkline text in UTF-8 blocks and in the ASCII
 * fallback.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "ui/chart.h"

static void test_bar_len(void **state)
{
	(void)state;
	assert_int_equal(lk_chart_bar_len(75, 100, 20), 15);
	assert_int_equal(lk_chart_bar_len(100, 100, 20), 20);
	assert_int_equal(lk_chart_bar_len(150, 100, 20), 20);   /* clamped */
	assert_int_equal(lk_chart_bar_len(0, 100, 20), 0);
	assert_int_equal(lk_chart_bar_len(-3, 100, 20), 0);
	assert_int_equal(lk_chart_bar_len(0.1, 100, 20), 1);    /* anything shows */
	assert_int_equal(lk_chart_bar_len(33.3, 100, 24), 8);   /* 7.99 rounds */
	assert_int_equal(lk_chart_bar_len(3.8, 5, 20), 15);     /* 15.2 */
	assert_int_equal(lk_chart_bar_len(120, 250, 20), 10);   /* 9.6 */
	assert_int_equal(lk_chart_bar_len(5, 0, 20), 0);        /* no scale */
	assert_int_equal(lk_chart_bar_len(5, 10, 0), 0);
	assert_int_equal(lk_chart_bar_len(NAN, 10, 10), 0);
}

static void test_mark_col(void **state)
{
	(void)state;
	assert_int_equal(lk_chart_mark_col(75, 100, 20), 15);
	assert_int_equal(lk_chart_mark_col(50, 100, 20), 10);
	assert_int_equal(lk_chart_mark_col(100, 250, 20), 8);
	assert_int_equal(lk_chart_mark_col(200, 250, 20), 16);
	assert_int_equal(lk_chart_mark_col(100, 100, 20), 19);  /* the last cell */
	assert_int_equal(lk_chart_mark_col(0, 100, 20), 0);
	assert_int_equal(lk_chart_mark_col(101, 100, 20), -1);
	assert_int_equal(lk_chart_mark_col(-1, 100, 20), -1);
	assert_int_equal(lk_chart_mark_col(NAN, 100, 20), -1);
}

static void test_stack_lens(void **state)
{
	(void)state;
	int lens[LK_CHART_PARTS];
	/* 4 face, 1 phone, 1 video, 0 at a point of 6 on 30 cells: 20 5 5 0. */
	const double mix[] = { 4, 1, 1, 0 };
	lk_chart_stack_lens(mix, 4, 6, 30, lens);
	assert_int_equal(lens[0], 20);
	assert_int_equal(lens[1], 5);
	assert_int_equal(lens[2], 5);
	assert_int_equal(lens[3], 0);
	/* Running totals round, so the parts add up to the bar of the sum:
	 * 1/3 each on 10 cells ends at 3, 7, 10 (3.33, 6.67, 10). */
	const double thirds[] = { 1, 1, 1 };
	lk_chart_stack_lens(thirds, 3, 3, 10, lens);
	assert_int_equal(lens[0], 3);
	assert_int_equal(lens[1], 4);
	assert_int_equal(lens[2], 3);
	/* Half the scale: 2 overdue and 3 coming of 10 on 20 cells: 4 + 6. */
	const double due[] = { 2, 3 };
	lk_chart_stack_lens(due, 2, 10, 20, lens);
	assert_int_equal(lens[0], 4);
	assert_int_equal(lens[1], 6);
	/* A small part still shows: 1 of 100 on 10 cells, with room. */
	const double small[] = { 1, 0 };
	lk_chart_stack_lens(small, 2, 100, 10, lens);
	assert_int_equal(lens[0], 1);
	assert_int_equal(lens[1], 0);
	/* ...and on a full bar its cell comes from the longest part. */
	const double full[] = { 98, 1, 1 };
	lk_chart_stack_lens(full, 3, 100, 10, lens);
	assert_int_equal(lens[0], 8);
	assert_int_equal(lens[1], 1);
	assert_int_equal(lens[2], 1);
	/* Past the scale: clamped to the width, later parts get what shows. */
	const double over[] = { 15, 10 };
	lk_chart_stack_lens(over, 2, 10, 10, lens);
	assert_int_equal(lens[0] + lens[1], 10);
	assert_int_equal(lens[0], 9);
	assert_int_equal(lens[1], 1);
	/* One part is lk_chart_bar_len. */
	const double one[] = { 33.3 };
	lk_chart_stack_lens(one, 1, 100, 24, lens);
	assert_int_equal(lens[0], lk_chart_bar_len(33.3, 100, 24));
	/* No scale, no width, negative and NAN parts: nothing. */
	lk_chart_stack_lens(due, 2, 0, 20, lens);
	assert_int_equal(lens[0] + lens[1], 0);
	lk_chart_stack_lens(due, 2, 10, 0, lens);
	assert_int_equal(lens[0] + lens[1], 0);
	const double odd[] = { -3, NAN, 5 };
	lk_chart_stack_lens(odd, 3, 10, 10, lens);
	assert_int_equal(lens[0], 0);
	assert_int_equal(lens[1], 0);
	assert_int_equal(lens[2], 5);
}

static void test_fill(void **state)
{
	(void)state;
	assert_true(lk_chart_fill(0, true) == L'█');
	assert_true(lk_chart_fill(1, true) == L'▓');
	assert_true(lk_chart_fill(2, true) == L'▒');
	assert_true(lk_chart_fill(3, true) == L'░');
	assert_true(lk_chart_fill(0, false) == L'#');
	assert_true(lk_chart_fill(1, false) == L'=');
	assert_true(lk_chart_fill(2, false) == L'+');
	assert_true(lk_chart_fill(3, false) == L'-');
	assert_true(lk_chart_fill(4, true) == L' ');
	assert_true(lk_chart_fill(-1, false) == L' ');
}

static void test_spark_level(void **state)
{
	(void)state;
	assert_int_equal(lk_chart_spark_level(0, 0, 100), 0);
	assert_int_equal(lk_chart_spark_level(100, 0, 100), 7);
	assert_int_equal(lk_chart_spark_level(50, 0, 100), 4);   /* 3.5 rounds up */
	assert_int_equal(lk_chart_spark_level(75, 0, 100), 5);   /* 5.25 */
	assert_int_equal(lk_chart_spark_level(14.3, 0, 100), 1); /* 1.001 */
	assert_int_equal(lk_chart_spark_level(-5, 0, 100), 0);
	assert_int_equal(lk_chart_spark_level(500, 0, 100), 7);
	assert_int_equal(lk_chart_spark_level(3, 3, 3), 0);      /* flat: all low */
	assert_int_equal(lk_chart_spark_level(4, 3, 3), 7);
}

static void test_sparkline(void **state)
{
	(void)state;
	char buf[64];
	const double v[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
	assert_string_equal(lk_chart_sparkline(v, 8, 0, 7, true, buf, sizeof buf), "▁▂▃▄▅▆▇█");
	assert_string_equal(lk_chart_sparkline(v, 8, 0, 7, false, buf, sizeof buf), " .:-=+*#");
	const double gaps[] = { 100, NAN, 0, 50 };
	assert_string_equal(lk_chart_sparkline(gaps, 4, 0, 100, true, buf, sizeof buf), "█ ▁▅");
	/* A buffer too small ends at a whole block (3 bytes each). */
	char small[8];
	assert_string_equal(lk_chart_sparkline(v, 8, 0, 7, true, small, sizeof small), "▁▂");
	assert_string_equal(lk_chart_sparkline(v, 0, 0, 7, true, buf, sizeof buf), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bar_len),
		cmocka_unit_test(test_mark_col),
		cmocka_unit_test(test_stack_lens),
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_spark_level),
		cmocka_unit_test(test_sparkline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
