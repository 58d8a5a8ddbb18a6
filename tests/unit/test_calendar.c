/*
 * test_calendar.c — Finnish holidays and business days (core/calendar.h).
 *
 * Expected dates are counted by hand on a calendar; each step is written
 * next to the assert so a reader can recount it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/calendar.h"

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

static void assert_holiday(const char *day, const char *name)
{
	const char *got = lk_holiday_name(D(day));
	if (got == NULL)
		fail_msg("%s: no holiday, expected %s", day, name);
	assert_string_equal(got, name);
	assert_true(lk_is_holiday(D(day)));
	assert_false(lk_is_business_day(D(day)));
}

static void test_easter(void **state)
{
	(void)state;
	assert_string_equal(iso(lk_easter(1900)), "1900-04-15");
	assert_string_equal(iso(lk_easter(1913)), "1913-03-23");
	assert_string_equal(iso(lk_easter(2008)), "2008-03-23");  /* early */
	assert_string_equal(iso(lk_easter(2038)), "2038-04-25");  /* late */
	assert_string_equal(iso(lk_easter(2024)), "2024-03-31");
	assert_string_equal(iso(lk_easter(2025)), "2025-04-20");
	assert_string_equal(iso(lk_easter(2026)), "2026-04-05");
	assert_string_equal(iso(lk_easter(2100)), "2100-03-28");
	/* Always a Sunday, always 22 March – 25 April. */
	for (int y = 1900; y <= 2100; y++) {
		lk_date e = lk_easter(y);
		assert_int_equal(lk_weekday(e), 7);
		assert_true(e >= lk_date_from_ymd(y, 3, 22));
		assert_true(e <= lk_date_from_ymd(y, 4, 25));
	}
}

/* Every holiday of 2026, and nothing else. */
static void test_holidays_2026(void **state)
{
	(void)state;
	static const struct {
		const char *day, *name;
	} want[] = {
		{ "2026-01-01", "New Year's Day" },
		{ "2026-01-06", "Epiphany" },
		{ "2026-04-03", "Good Friday" },
		{ "2026-04-05", "Easter Sunday" },
		{ "2026-04-06", "Easter Monday" },
		{ "2026-05-01", "May Day" },
		{ "2026-05-14", "Ascension Day" },      /* 5.4. + 39 */
		{ "2026-06-19", "Midsummer Eve" },      /* Friday 19–25 June */
		{ "2026-06-20", "Midsummer Day" },      /* Saturday 20–26 June */
		{ "2026-10-31", "All Saints' Day" },    /* Saturday 31 Oct – 6 Nov */
		{ "2026-12-06", "Independence Day" },
		{ "2026-12-24", "Christmas Eve" },
		{ "2026-12-25", "Christmas Day" },
		{ "2026-12-26", "Boxing Day" },
	};
	size_t n = sizeof want / sizeof want[0];
	for (size_t i = 0; i < n; i++)
		assert_holiday(want[i].day, want[i].name);
	size_t count = 0;
	for (lk_date d = D("2026-01-01"); d <= D("2026-12-31"); d++)
		if (lk_is_holiday(d))
			count++;
	assert_int_equal(count, n);
}

static void test_moving_holidays(void **state)
{
	(void)state;
	/* Early Easter 2008: Good Friday 21.3.; Ascension falls on May Day. */
	assert_holiday("2008-03-21", "Good Friday");
	assert_holiday("2008-03-24", "Easter Monday");
	assert_true(lk_is_holiday(D("2008-05-01")));
	assert_true(lk_is_business_day(D("2008-05-02")));
	/* Late Easter 2038: Easter Monday 26.4., Ascension 3.6. */
	assert_holiday("2038-04-26", "Easter Monday");
	assert_holiday("2038-06-03", "Ascension Day");
	assert_holiday("2038-04-23", "Good Friday");
	/* 2025: Ascension 29.5.; Midsummer Eve Fri 20.6., Day Sat 21.6.;
	 * All Saints' Sat 1.11. */
	assert_holiday("2025-05-29", "Ascension Day");
	assert_holiday("2025-06-20", "Midsummer Eve");
	assert_holiday("2025-06-21", "Midsummer Day");
	assert_holiday("2025-11-01", "All Saints' Day");
	assert_null(lk_holiday_name(D("2025-06-19")));
	/* 2027: the last days of the windows. Eve Fri 25.6., Day Sat 26.6.,
	 * All Saints' Sat 6.11.; Fri 18.6.2027 is a normal working day. */
	assert_holiday("2027-06-25", "Midsummer Eve");
	assert_holiday("2027-06-26", "Midsummer Day");
	assert_holiday("2027-11-06", "All Saints' Day");
	assert_true(lk_is_business_day(D("2027-06-18")));
	assert_null(lk_holiday_name(D("2027-10-30")));
	/* The ends of the supported range. */
	assert_holiday("1900-04-13", "Good Friday");
	assert_holiday("2100-03-26", "Good Friday");
	assert_holiday("2100-12-24", "Christmas Eve");
	assert_null(lk_holiday_name(LK_NO_DATE));
}

static void test_business_days(void **state)
{
	(void)state;
	/* Christmas Eve and Midsummer Eve are not business days. */
	assert_false(lk_is_business_day(D("2025-12-24")));   /* Wednesday */
	assert_true(lk_is_business_day(D("2025-12-23")));
	assert_false(lk_is_business_day(D("2026-06-19")));   /* Friday */
	assert_true(lk_is_business_day(D("2026-06-18")));
	assert_false(lk_is_business_day(D("2026-01-10")));   /* Saturday */
	assert_false(lk_is_business_day(D("2026-01-11")));   /* Sunday */
	assert_true(lk_is_business_day(D("2026-01-12")));
	assert_false(lk_is_business_day(LK_NO_DATE));
	/* 2026: 261 weekdays, 9 of them holidays (1.1., 6.1., Good Friday,
	 * Easter Monday, 1.5., Ascension, Midsummer Eve, 24.12., 25.12.). */
	assert_int_equal(lk_business_days_between(D("2025-12-31"), D("2026-12-31")), 252);
}

static void test_add_business_days(void **state)
{
	(void)state;
	/* Wed 31.12.2025: Thu 1.1. holiday, Fri 2. (1), Mon 5. (2), Tue 6.
	 * holiday, Wed 7. (3), Thu 8. (4), Fri 9. (5). */
	assert_string_equal(iso(lk_add_business_days(D("2025-12-31"), 5)), "2026-01-09");
	/* Thu 2.4.2026: Fri 3. Good Friday, Mon 6. Easter Monday, then Tue 7.
	 * (1) … Fri 10. (4), Mon 13. (5). */
	assert_string_equal(iso(lk_add_business_days(D("2026-04-02"), 5)), "2026-04-13");
	/* Fri 12.6.2026: Mon 15. … Thu 18. (4), Fri 19. Midsummer Eve, Mon 22. (5). */
	assert_string_equal(iso(lk_add_business_days(D("2026-06-12"), 5)), "2026-06-22");
	assert_string_equal(iso(lk_add_business_days(D("2026-06-18"), 1)), "2026-06-22");
	/* Fri 18.6.2027: Mon 21. … Thu 24. (4), Fri 25. Midsummer Eve, Mon 28. (5). */
	assert_string_equal(iso(lk_add_business_days(D("2027-06-18"), 5)), "2027-06-28");
	/* Fri 18.12.2026: Mon 21., Tue 22., Wed 23. (3), Thu 24. and Fri 25.
	 * holidays, Sat 26., Sun 27., Mon 28. (4), Tue 29. (5). */
	assert_string_equal(iso(lk_add_business_days(D("2026-12-18"), 5)), "2026-12-29");
	/* Fri 17.12.2027: Mon 20. … Thu 23. (4), Fri 24. Christmas Eve, Mon 27. (5). */
	assert_string_equal(iso(lk_add_business_days(D("2027-12-17"), 5)), "2027-12-27");
	/* Starting on a holiday: Good Friday 3.4.2026 + 1 = Tue 7.4. */
	assert_string_equal(iso(lk_add_business_days(D("2026-04-03"), 1)), "2026-04-07");
}

static void test_add_zero_and_backwards(void **state)
{
	(void)state;
	assert_string_equal(iso(lk_add_business_days(D("2026-04-02"), 0)), "2026-04-02");
	assert_string_equal(iso(lk_add_business_days(D("2026-04-03"), 0)), "2026-04-07");
	assert_string_equal(iso(lk_add_business_days(D("2026-06-20"), 0)), "2026-06-22");
	assert_string_equal(iso(lk_add_business_days(D("2025-12-24"), 0)), "2025-12-29");
	/* Backwards: Tue 7.4.2026 − 1 = Thu 2.4. (Easter in between). */
	assert_string_equal(iso(lk_add_business_days(D("2026-04-07"), -1)), "2026-04-02");
	assert_string_equal(iso(lk_add_business_days(D("2026-01-07"), -1)), "2026-01-05");
	/* Fri 9.1.2026 − 5 = Wed 31.12.2025, the first example in reverse. */
	assert_string_equal(iso(lk_add_business_days(D("2026-01-09"), -5)), "2025-12-31");
	/* From a Saturday (Midsummer Day) back one: Thu 18.6. */
	assert_string_equal(iso(lk_add_business_days(D("2026-06-20"), -1)), "2026-06-18");
	assert_int_equal(lk_add_business_days(LK_NO_DATE, 5), LK_NO_DATE);
}

static void test_between(void **state)
{
	(void)state;
	assert_int_equal(lk_business_days_between(D("2026-04-02"), D("2026-04-13")), 5);
	assert_int_equal(lk_business_days_between(D("2025-12-31"), D("2026-01-09")), 5);
	assert_int_equal(lk_business_days_between(D("2026-04-10"), D("2026-04-13")), 1);
	assert_int_equal(lk_business_days_between(D("2026-12-23"), D("2026-12-28")), 1);
	assert_int_equal(lk_business_days_between(D("2026-04-13"), D("2026-04-13")), 0);
	assert_int_equal(lk_business_days_between(D("2026-04-13"), D("2026-04-02")), 0);
	assert_int_equal(lk_business_days_between(LK_NO_DATE, D("2026-04-02")), 0);
	/* The two functions agree everywhere in 2025–2027, and stepping back
	 * returns to a business day you started from. */
	for (lk_date d = D("2025-01-01"); d <= D("2027-12-31"); d++)
		for (int n = 1; n <= 12; n++) {
			lk_date e = lk_add_business_days(d, n);
			assert_int_equal(lk_business_days_between(d, e), n);
			assert_true(lk_is_business_day(e));
			if (lk_is_business_day(d))
				assert_int_equal(lk_add_business_days(e, -n), d);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_easter),
		cmocka_unit_test(test_holidays_2026),
		cmocka_unit_test(test_moving_holidays),
		cmocka_unit_test(test_business_days),
		cmocka_unit_test(test_add_business_days),
		cmocka_unit_test(test_add_zero_and_backwards),
		cmocka_unit_test(test_between),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
