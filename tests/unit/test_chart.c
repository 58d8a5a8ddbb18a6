/*
 * test_chart.c — the arithmetic of the report charts (ui/chart.h): bar
 * lengths, marker cells, sparkline levels and the sparkline text in UTF-8
 * blocks and in the ASCII fallback.
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
		cmocka_unit_test(test_spark_level),
		cmocka_unit_test(test_sparkline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
