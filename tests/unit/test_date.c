/*
 * test_date.c — civil dates and wall-clock minutes (core/date.h).
 *
 * Every expected date was worked out by hand (or from a printed calendar)
 * and is written as the ISO text a user would see.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/date.h"

/* ISO text of a date, from a small ring of buffers so one assert may call it twice. */
static const char *iso(lk_date d)
{
	static char ring[4][16];
	static int next;
	char *b = ring[next++ % 4];
	return lk_date_iso(d, b, 16);
}

static lk_date D(const char *s)
{
	lk_date d = LK_NO_DATE;
	assert_true(lk_date_parse(s, &d));
	return d;
}

static void test_leap_years(void **state)
{
	(void)state;
	assert_true(lk_leap_year(2000));
	assert_true(lk_leap_year(2024));
	assert_false(lk_leap_year(1900));
	assert_false(lk_leap_year(2100));
	assert_false(lk_leap_year(2023));
	assert_int_equal(lk_days_in_month(2024, 2), 29);
	assert_int_equal(lk_days_in_month(2025, 2), 28);
	assert_int_equal(lk_days_in_month(1900, 2), 28);
	assert_int_equal(lk_days_in_month(2026, 4), 30);
	assert_int_equal(lk_days_in_month(2026, 12), 31);
	assert_int_equal(lk_days_in_month(2026, 13), 0);
	assert_int_equal(lk_days_in_month(2026, 0), 0);
}

static void test_valid(void **state)
{
	(void)state;
	assert_true(lk_date_valid(2024, 2, 29));
	assert_false(lk_date_valid(2023, 2, 29));
	assert_false(lk_date_valid(2026, 4, 31));
	assert_false(lk_date_valid(2026, 0, 1));
	assert_false(lk_date_valid(2026, 1, 0));
	assert_false(lk_date_valid(0, 1, 1));
	assert_false(lk_date_valid(10000, 1, 1));
	assert_true(lk_date_valid(9999, 12, 31));
	assert_int_equal(lk_date_from_ymd(2023, 2, 29), LK_NO_DATE);
}

static void test_epoch_and_round_trip(void **state)
{
	(void)state;
	assert_int_equal(lk_date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(lk_date_from_ymd(1970, 1, 2), 1);
	assert_int_equal(lk_date_from_ymd(1969, 12, 31), -1);
	assert_int_equal(lk_date_from_ymd(2000, 3, 1), 11017);
	assert_int_equal(lk_date_from_ymd(1900, 1, 1), -25567);
	/* Every day 1900–2100 goes there and back, one after the other. */
	lk_date prev = lk_date_from_ymd(1899, 12, 31);
	for (int y = 1900; y <= 2100; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= lk_days_in_month(y, m); d++) {
				lk_date day = lk_date_from_ymd(y, m, d);
				assert_int_equal(day, prev + 1);
				struct lk_ymd t = lk_date_to_ymd(day);
				assert_int_equal(t.y, y);
				assert_int_equal(t.m, m);
				assert_int_equal(t.d, d);
				prev = day;
			}
	struct lk_ymd none = lk_date_to_ymd(LK_NO_DATE);
	assert_int_equal(none.y, 0);
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(lk_weekday(0), 4);                   /* 1970-01-01 Thursday */
	assert_int_equal(lk_weekday(-1), 3);                  /* 1969-12-31 Wednesday */
	assert_int_equal(lk_weekday(D("2026-04-03")), 5);     /* Good Friday */
	assert_int_equal(lk_weekday(D("2026-06-20")), 6);     /* Midsummer Day */
	assert_int_equal(lk_weekday(D("2026-04-05")), 7);     /* Easter Sunday */
	assert_int_equal(lk_weekday(D("2026-01-05")), 1);
	assert_int_equal(lk_weekday(D("1900-01-01")), 1);
	assert_int_equal(lk_weekday(D("2100-12-31")), 5);
}

static void test_add_months(void **state)
{
	(void)state;
	assert_string_equal(iso(lk_add_months(D("2024-02-29"), 12)), "2025-02-28");
	assert_string_equal(iso(lk_add_months(D("2024-02-29"), 48)), "2028-02-29");
	assert_string_equal(iso(lk_add_months(D("2024-01-31"), 1)), "2024-02-29");
	assert_string_equal(iso(lk_add_months(D("2025-01-31"), 1)), "2025-02-28");
	assert_string_equal(iso(lk_add_months(D("2025-01-31"), 2)), "2025-03-31");
	assert_string_equal(iso(lk_add_months(D("2025-12-31"), 2)), "2026-02-28");
	assert_string_equal(iso(lk_add_months(D("2025-11-30"), 3)), "2026-02-28");
	assert_string_equal(iso(lk_add_months(D("2025-10-15"), 3)), "2026-01-15");
	assert_string_equal(iso(lk_add_months(D("2026-03-31"), -1)), "2026-02-28");
	assert_string_equal(iso(lk_add_months(D("2026-01-15"), -13)), "2024-12-15");
	assert_string_equal(iso(lk_add_months(D("2024-02-29"), 36)), "2027-02-28");
	assert_string_equal(iso(lk_add_months(D("2026-05-05"), 0)), "2026-05-05");
	assert_int_equal(lk_add_months(LK_NO_DATE, 3), LK_NO_DATE);
}

static void test_parse_accepts(void **state)
{
	(void)state;
	lk_date d;
	assert_true(lk_date_parse("2026-01-05", &d));
	assert_string_equal(iso(d), "2026-01-05");
	assert_true(lk_date_parse("5.1.2026", &d));
	assert_string_equal(iso(d), "2026-01-05");
	assert_true(lk_date_parse("05.01.2026", &d));
	assert_string_equal(iso(d), "2026-01-05");
	assert_true(lk_date_parse("29.2.2024", &d));
	assert_string_equal(iso(d), "2024-02-29");
	assert_true(lk_date_parse("2024-02-29", &d));
	assert_true(lk_date_parse("31.12.2100", &d));
	assert_string_equal(iso(d), "2100-12-31");
}

static void test_parse_refuses(void **state)
{
	(void)state;
	static const char *bad[] = {
		"2023-02-29", "29.2.2023", "31.4.2026", "2026-04-31", "2100-02-29",
		"2026-1-5 ", "2026-1-5", "2026-01-5", " 2026-01-05", "2026-01-05 ",
		"2026/01/05", "2026-01-05x", "", "2026", "2026-", "2026-01",
		"2026-13-01", "2026-00-10", "2026-01-00", "0.1.2026", "1.0.2026",
		"1.1.26", "1.1.20266", "123.1.2026", "1.123.2026", "+2026-01-05",
		"-2026-01-05", "1..2026", ".1.2026", "5.1.2026.", "5,1,2026",
		"0000-01-01", "20260105", "2026-01-05T10:00",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		lk_date d = 12345;
		if (lk_date_parse(bad[i], &d))
			fail_msg("accepted \"%s\"", bad[i]);
		assert_int_equal(d, 12345);  /* untouched */
	}
	lk_date d;
	assert_false(lk_date_parse(NULL, &d));
}

static void test_format(void **state)
{
	(void)state;
	char buf[16];
	assert_string_equal(lk_date_iso(D("2026-06-19"), buf, sizeof buf), "2026-06-19");
	assert_string_equal(lk_date_fi(D("2026-06-19"), buf, sizeof buf), "19.6.2026");
	assert_string_equal(lk_date_fi(D("2026-01-05"), buf, sizeof buf), "5.1.2026");
	assert_string_equal(lk_date_fi(D("2026-12-31"), buf, sizeof buf), "31.12.2026");
	assert_string_equal(lk_date_iso(LK_NO_DATE, buf, sizeof buf), "");
	assert_string_equal(lk_date_fi(LK_NO_DATE, buf, sizeof buf), "");
	/* A short buffer is truncated, never overrun. */
	char small[5];
	assert_string_equal(lk_date_iso(D("2026-06-19"), small, sizeof small), "2026");
}

static void test_time(void **state)
{
	(void)state;
	char buf[32];
	lk_time t;
	assert_true(lk_time_parse("2026-01-05 08:30", &t));
	assert_int_equal(t, lk_time_make(D("2026-01-05"), 8, 30));
	assert_string_equal(iso(lk_time_date(t)), "2026-01-05");
	assert_int_equal(lk_time_minute_of_day(t), 8 * 60 + 30);
	assert_string_equal(lk_time_iso(t, buf, sizeof buf), "2026-01-05 08:30");
	assert_string_equal(lk_time_fi(t, buf, sizeof buf), "5.1.2026 08:30");
	assert_true(lk_time_parse("2026-12-31T23:59", &t));
	assert_string_equal(lk_time_iso(t, buf, sizeof buf), "2026-12-31 23:59");
	assert_string_equal(lk_time_iso(t + 1, buf, sizeof buf), "2027-01-01 00:00");
	/* Before 1970 the day and minute still floor correctly. */
	assert_string_equal(lk_time_iso(-1, buf, sizeof buf), "1969-12-31 23:59");
	assert_int_equal(lk_time_date(-1), -1);
	assert_int_equal(lk_time_minute_of_day(-1), 1439);

	static const char *bad[] = {
		"2026-01-05 24:00", "2026-01-05 07:60", "2026-01-05 7:30",
		"2026-01-05  07:30", "2026-01-05 07:30 ", "2026-01-05", "2026-02-30 10:00",
		"2026-01-05x07:30", "2026-01-05 0730", "5.1.2026 07:30", "",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (lk_time_parse(bad[i], &t))
			fail_msg("accepted \"%s\"", bad[i]);
	assert_false(lk_time_parse(NULL, &t));
}

static void test_overlaps(void **state)
{
	(void)state;
	lk_time nine = lk_time_make(D("2026-01-05"), 9, 0);
	lk_time ten = nine + 60, eleven = nine + 120;
	assert_true(lk_overlaps(nine, eleven, ten, ten + 30));   /* inside */
	assert_true(lk_overlaps(nine, ten + 1, ten, eleven));    /* one minute shared */
	assert_false(lk_overlaps(nine, ten, ten, eleven));       /* touching */
	assert_false(lk_overlaps(ten, eleven, nine, ten));
	assert_false(lk_overlaps(nine, nine, nine - 10, ten));   /* empty */
	assert_true(lk_overlaps(nine, eleven, nine, eleven));    /* same */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_epoch_and_round_trip),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_parse_accepts),
		cmocka_unit_test(test_parse_refuses),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_overlaps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
