/*
 * test_event_rules.c — a group's weekly recurrence, age from a birth date,
 * and what an event's attendance counts as (core/event-rules.h).
 *
 * March 2026 on a calendar: Mon 2, 9, 16, 23, 30; Wed 4, 11, 18, 25.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/event-rules.h"

static lk_date D(const char *s)
{
	lk_date d = LK_NO_DATE;
	assert_true(lk_date_parse(s, &d));
	return d;
}

static void test_repeat_parse(void **state)
{
	(void)state;
	struct lk_repeat r;
	assert_true(lk_repeat_parse("mon,wed until 2026-03-25", &r));
	assert_int_equal(r.weekdays, (1u << 1) | (1u << 3));
	assert_int_equal(r.until, D("2026-03-25"));
	assert_true(lk_repeat_parse("ma,to until 19.3.2026", &r));
	assert_int_equal(r.weekdays, (1u << 1) | (1u << 4));
	assert_true(lk_repeat_parse("5 until 2026-03-27", &r));
	assert_int_equal(r.weekdays, 1u << 5);
	assert_false(lk_repeat_parse("mon,wed", &r));             /* no end */
	assert_false(lk_repeat_parse("funday until 2026-03-25", &r));
	assert_false(lk_repeat_parse("mon,,wed until 2026-03-25", &r));
	assert_false(lk_repeat_parse(" until 2026-03-25", &r));
	assert_false(lk_repeat_parse("mon until 2026-02-30", &r));
	assert_false(lk_repeat_parse(NULL, &r));
}

static void test_repeat_expand(void **state)
{
	(void)state;
	struct lk_repeat r;
	lk_date out[16];
	/* From Mon 2.3. on Mon and Wed until Wed 11.3.: 2, 4, 9, 11. */
	assert_true(lk_repeat_parse("mon,wed until 2026-03-11", &r));
	assert_int_equal(lk_repeat_expand(D("2026-03-02"), &r, out, 16), 4);
	assert_int_equal(out[0], D("2026-03-02"));
	assert_int_equal(out[1], D("2026-03-04"));
	assert_int_equal(out[2], D("2026-03-09"));
	assert_int_equal(out[3], D("2026-03-11"));
	/* A first day off the pattern (Tue 3.3.) is still the first occurrence. */
	assert_int_equal(lk_repeat_expand(D("2026-03-03"), &r, out, 16), 4);
	assert_int_equal(out[0], D("2026-03-03"));
	assert_int_equal(out[1], D("2026-03-04"));
	/* The count is told even past the capacity. */
	assert_true(lk_repeat_parse("1,2,3,4,5,6,7 until 2026-12-31", &r));
	assert_int_equal(lk_repeat_expand(D("2026-03-02"), &r, out, 16), 305);
	/* An end before the start: none. */
	assert_true(lk_repeat_parse("mon until 2026-03-01", &r));
	assert_int_equal(lk_repeat_expand(D("2026-03-02"), &r, out, 16), 0);
}

static void test_age(void **state)
{
	(void)state;
	assert_int_equal(lk_age_on(D("1994-05-01"), D("2026-03-02")), 31);
	assert_int_equal(lk_age_on(D("1994-03-02"), D("2026-03-02")), 32);   /* the birthday */
	assert_int_equal(lk_age_on(D("1994-03-03"), D("2026-03-02")), 31);
	assert_int_equal(lk_age_on(D("2004-02-29"), D("2026-02-28")), 21);
}

/* docs/rules.md#targeted-session-counts: only an attended obligatory
 * targeted session is a supplementary discussion. */
static void test_counts_as(void **state)
{
	(void)state;
	assert_int_equal(lk_event_counts_as("targeted", true, "attended"), LK_MEET_SUPPLEMENTARY);
	assert_int_equal(lk_event_counts_as("targeted", false, "attended"), LK_MEET_OTHER);
	assert_int_equal(lk_event_counts_as("targeted", true, "no-show"), LK_MEET_OTHER);
	assert_int_equal(lk_event_counts_as("group", true, "attended"), LK_MEET_OTHER);
	assert_int_equal(lk_event_counts_as("info", false, "attended"), LK_MEET_OTHER);
	assert_int_equal(lk_event_counts_as(NULL, true, "attended"), LK_MEET_OTHER);
	size_t n;
	const struct lk_event_credit *c = lk_event_credits(&n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(c[0].source, "docs/rules.md#targeted-session-counts"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_repeat_parse),
		cmocka_unit_test(test_repeat_expand),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_counts_as),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
