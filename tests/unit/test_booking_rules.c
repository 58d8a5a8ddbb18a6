/*
 * test_booking_rules.c — can this local time be booked (core/booking-rules.h)?
 * At the edges: the opening and closing minute, now to the minute,
 * midnight, the clock changes of 2026 and 2027, Midsummer Eve and 24.12.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/booking-rules.h"

static lk_time T(const char *s)
{
	lk_time t = 0;
	assert_true(lk_time_parse(s, &t));
	return t;
}

/* At a point open 08:00–16:00, now Monday 2.3.2026 09:00. */
static enum lk_book_refusal at(const char *start, int minutes)
{
	struct lk_book_when w = { .start = T(start), .minutes = minutes,
	                          .now = T("2026-03-02 09:00"), .hours = LK_HOURS_POINT,
	                          .opens = 8 * 60, .closes = 16 * 60 };
	return lk_booking_rule(&w);
}

static void test_now_to_the_minute(void **state)
{
	(void)state;
	assert_int_equal(at("2026-03-02 09:00", 30), LK_BOOK_OK);      /* now itself */
	assert_int_equal(at("2026-03-02 08:59", 30), LK_BOOK_PAST);    /* a minute ago */
	assert_int_equal(at("2026-02-27 10:00", 30), LK_BOOK_PAST);    /* last Friday */
	assert_string_equal(lk_book_refusal_field(LK_BOOK_PAST), "at");
}

static void test_opening_and_closing_minute(void **state)
{
	(void)state;
	assert_int_equal(at("2026-03-03 08:00", 60), LK_BOOK_OK);          /* the opening minute */
	assert_int_equal(at("2026-03-03 07:59", 60), LK_BOOK_BEFORE_OPENING);
	assert_int_equal(at("2026-03-03 15:00", 60), LK_BOOK_OK);          /* ends at closing */
	assert_int_equal(at("2026-03-03 15:01", 60), LK_BOOK_AFTER_CLOSING); /* across closing */
	assert_int_equal(at("2026-03-03 16:00", 5), LK_BOOK_AFTER_CLOSING);  /* the closing minute */
	assert_int_equal(at("2026-03-03 15:55", 5), LK_BOOK_OK);
	assert_int_equal(at("2026-03-03 03:00", 60), LK_BOOK_BEFORE_OPENING); /* 03:00 on a Tuesday */
}

static void test_midnight(void **state)
{
	(void)state;
	/* Open round the clock: a meeting may start at 00:00 but not run past 24:00. */
	struct lk_book_when w = { .start = T("2026-03-03 00:00"), .minutes = 60,
	                          .now = T("2026-03-02 09:00"), .hours = LK_HOURS_POINT,
	                          .opens = 0, .closes = 24 * 60 };
	assert_int_equal(lk_booking_rule(&w), LK_BOOK_OK);
	w.start = T("2026-03-03 23:00");
	assert_int_equal(lk_booking_rule(&w), LK_BOOK_OK);     /* ends at 24:00 */
	w.start = T("2026-03-03 23:30");
	assert_int_equal(lk_booking_rule(&w), LK_BOOK_AFTER_CLOSING);  /* into Wednesday */
	/* Ordinary hours: 23:30 is after closing. */
	assert_int_equal(at("2026-03-03 23:30", 60), LK_BOOK_AFTER_CLOSING);
}

/* Round the clock, so only the clock change can refuse (or the day). */
static enum lk_book_refusal night(const char *start, int minutes)
{
	struct lk_book_when w = { .start = T(start), .minutes = minutes,
	                          .now = T("2026-03-02 09:00"), .hours = LK_HOURS_WORK,
	                          .opens = 0, .closes = 24 * 60 };
	return lk_booking_rule(&w);
}

static void test_clock_changes_2026(void **state)
{
	(void)state;
	/* Sun 29.3.2026: 03:00 becomes 04:00; 03:00–03:59 does not exist. */
	assert_true(lk_helsinki_gap(T("2026-03-29 03:00")));
	assert_true(lk_helsinki_gap(T("2026-03-29 03:59")));
	assert_false(lk_helsinki_gap(T("2026-03-29 02:59")));
	assert_false(lk_helsinki_gap(T("2026-03-29 04:00")));
	assert_false(lk_helsinki_gap(T("2026-03-22 03:30")));   /* a week before */
	assert_int_equal(night("2026-03-29 03:30", 30), LK_BOOK_GAP);
	assert_int_equal(night("2026-03-29 02:30", 31), LK_BOOK_GAP);   /* runs into it */
	assert_int_equal(night("2026-03-29 02:30", 30), LK_BOOK_NOT_BUSINESS_DAY); /* ends 03:00 */
	assert_int_equal(night("2026-03-29 04:00", 30), LK_BOOK_NOT_BUSINESS_DAY);
	/* Sun 25.10.2026: 04:00 goes back to 03:00; 03:00–03:59 occurs twice. */
	assert_true(lk_helsinki_repeat(T("2026-10-25 03:00")));
	assert_true(lk_helsinki_repeat(T("2026-10-25 03:59")));
	assert_false(lk_helsinki_repeat(T("2026-10-25 04:00")));
	assert_false(lk_helsinki_repeat(T("2026-10-25 02:59")));
	assert_false(lk_helsinki_gap(T("2026-10-25 03:30")));
	assert_int_equal(night("2026-10-25 03:30", 30), LK_BOOK_AMBIGUOUS);
	assert_int_equal(night("2026-10-25 02:00", 61), LK_BOOK_AMBIGUOUS);
	assert_string_equal(lk_book_refusal_field(LK_BOOK_GAP), "at");
}

static void test_clock_changes_2027(void **state)
{
	(void)state;
	/* Sun 28.3.2027 and Sun 31.10.2027 (the last Sundays). */
	assert_true(lk_helsinki_gap(T("2027-03-28 03:15")));
	assert_false(lk_helsinki_gap(T("2027-03-29 03:15")));
	assert_false(lk_helsinki_gap(T("2027-03-21 03:15")));
	assert_true(lk_helsinki_repeat(T("2027-10-31 03:45")));
	assert_false(lk_helsinki_repeat(T("2027-10-24 03:45")));
	assert_int_equal(night("2027-03-28 03:00", 5), LK_BOOK_GAP);
	assert_int_equal(night("2027-10-31 03:55", 5), LK_BOOK_AMBIGUOUS);
	assert_int_equal(night("2027-10-31 04:00", 5), LK_BOOK_NOT_BUSINESS_DAY);
}

static void test_holidays(void **state)
{
	(void)state;
	assert_int_equal(at("2026-06-19 10:00", 60), LK_BOOK_NOT_BUSINESS_DAY); /* Midsummer Eve, Fri */
	assert_int_equal(at("2026-06-18 10:00", 60), LK_BOOK_OK);
	assert_int_equal(at("2026-12-24 10:00", 60), LK_BOOK_NOT_BUSINESS_DAY); /* Christmas Eve, Thu */
	assert_int_equal(at("2026-12-23 10:00", 60), LK_BOOK_OK);
	assert_int_equal(at("2026-12-25 10:00", 60), LK_BOOK_NOT_BUSINESS_DAY);
	assert_int_equal(at("2026-03-07 10:00", 60), LK_BOOK_NOT_BUSINESS_DAY); /* Saturday */
	assert_string_equal(lk_book_refusal_source(LK_BOOK_NOT_BUSINESS_DAY),
	                    "docs/rules.md#business-days");
}

static void test_held(void **state)
{
	(void)state;
	struct lk_book_when w = { .start = T("2026-02-27 10:00"), .minutes = 60,
	                          .now = T("2026-03-02 09:00"), .held = true,
	                          .hours = LK_HOURS_POINT, .opens = 8 * 60, .closes = 16 * 60 };
	assert_int_equal(lk_booking_rule(&w), LK_BOOK_OK);
	w.start = T("2026-03-02 09:00");
	assert_int_equal(lk_booking_rule(&w), LK_BOOK_OK);          /* starting now */
	w.start = T("2026-03-02 09:01");
	assert_int_equal(lk_booking_rule(&w), LK_BOOK_HELD_FUTURE);
	w.start = T("2026-02-28 18:00");                             /* it happened: no hours */
	assert_int_equal(lk_booking_rule(&w), LK_BOOK_OK);
	w.start = T("2025-03-30 03:30");                             /* but never in the gap */
	assert_int_equal(lk_booking_rule(&w), LK_BOOK_GAP);
}

static void test_hours_and_messages(void **state)
{
	(void)state;
	struct lk_book_when w = { .start = T("2026-03-03 10:00"), .minutes = 60,
	                          .now = T("2026-03-02 09:00"), .hours = LK_HOURS_POINT,
	                          .opens = -1, .closes = -1 };
	assert_int_equal(lk_booking_rule(&w), LK_BOOK_NO_HOURS);
	assert_string_equal(lk_book_refusal_field(LK_BOOK_NO_HOURS), "point");
	assert_null(lk_book_refusal_msg(LK_BOOK_OK, LK_HOURS_POINT));
	assert_non_null(lk_book_refusal_msg(LK_BOOK_AFTER_CLOSING, LK_HOURS_WORK));
	assert_string_not_equal(lk_book_refusal_msg(LK_BOOK_AFTER_CLOSING, LK_HOURS_WORK),
	                        lk_book_refusal_msg(LK_BOOK_AFTER_CLOSING, LK_HOURS_POINT));
	for (int r = LK_BOOK_PAST; r < LK_BOOK_REFUSAL_COUNT; r++) {
		assert_non_null(lk_book_refusal_field(r));
		assert_non_null(lk_book_refusal_msg(r, LK_HOURS_POINT));
		assert_non_null(lk_book_refusal_source(r));
	}
	int o = 0, c = 0;
	assert_true(lk_hours_parse("08:00-16:00", &o, &c));
	assert_int_equal(o, 480);
	assert_int_equal(c, 960);
	assert_true(lk_hours_parse("00:00-24:00", &o, &c));
	assert_int_equal(c, 1440);
	assert_false(lk_hours_parse("16:00-08:00", &o, &c));
	assert_false(lk_hours_parse("8:00-16:00", &o, &c));
	assert_false(lk_hours_parse("08:00-24:01", &o, &c));
	assert_false(lk_hours_parse("08:60-16:00", &o, &c));
	assert_int_equal(lk_hhmm("24:00"), 1440);
	assert_int_equal(lk_hhmm("0x:00"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_now_to_the_minute),
		cmocka_unit_test(test_opening_and_closing_minute),
		cmocka_unit_test(test_midnight),
		cmocka_unit_test(test_clock_changes_2026),
		cmocka_unit_test(test_clock_changes_2027),
		cmocka_unit_test(test_holidays),
		cmocka_unit_test(test_held),
		cmocka_unit_test(test_hours_and_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
