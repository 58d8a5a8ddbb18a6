/*
 * test_letter.c — the letter renderer's edges (core/letter-text.h); the whole
 * letters in each language are in tests/cli/test-letter.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/letter-text.h"

static struct lk_letter base(void)
{
	lk_time t = 0;
	lk_time_parse("2026-10-25 10:00", &t);   /* a Sunday, the day clocks go back */
	return (struct lk_letter){
		.lang = "fi", .client_name = "Matti Virtanen", .client_phone = "",
		.kind = "muu", .channel = "face", .start = t, .minutes = 90,
		.staff_name = "Liisa Mäkelä", .point_name = "Liperin palvelupiste",
		.street = "Keskustie 10", .postcode = "83100", .town = "Liperi",
		.opens = "09:00", .closes = "15:30", .interpreter = "",
	};
}

static void test_langs(void **state)
{
	(void)state;
	assert_true(lk_letter_lang_known("fi"));
	assert_true(lk_letter_lang_known("sv"));
	assert_true(lk_letter_lang_known("en"));
	assert_false(lk_letter_lang_known("de"));
	assert_false(lk_letter_lang_known(""));
	assert_false(lk_letter_lang_known(NULL));
}

static void test_times_and_hours(void **state)
{
	(void)state;
	char b[8192];
	struct lk_letter l = base();
	assert_true(lk_letter_render(&l, b, sizeof b) > 0);
	assert_non_null(strstr(b, "Aika:          sunnuntai 25.10.2026 klo 10.00–11.30\n"));
	assert_non_null(strstr(b, "(Liperin palvelupiste, avoinna klo 9.00–15.30)"));
	assert_non_null(strstr(b, "Paikka:        Liperin palvelupiste\n"
	                          "               Keskustie 10, 83100 Liperi\n"));
	/* No interpreter booked: no line for one; other meeting: only the ID. */
	assert_null(strstr(b, "Tulkki"));
	assert_non_null(strstr(b, "Ota mukaan:\n- henkilökortti tai passi\n\n"));
	l.lang = "en";
	assert_true(lk_letter_render(&l, b, sizeof b) > 0);
	assert_non_null(strstr(b, "Time:          Sunday 25.10.2026, 10:00–11:30\n"));
	assert_non_null(strstr(b, "open 9:00–15:30"));
}

static void test_other_language(void **state)
{
	(void)state;
	char b[8192];
	struct lk_letter l = base();
	l.lang = "so";
	l.interpreter = "so";
	l.plain = true;
	assert_true(lk_letter_render(&l, b, sizeof b) > 0);
	/* Plain Finnish first, then the English letter. */
	assert_int_equal(strncmp(b, "SINULLA ON AIKA", 15), 0);
	assert_non_null(strstr(b, "Tulkki puhuu somalia.\n"));
	const char *en = strstr(b, "INVITATION TO AN APPOINTMENT");
	assert_non_null(en);
	assert_non_null(strstr(en, "an interpreter has been booked (Somali)"));
	/* An interpreter language the table lacks is shown by its code. */
	l.interpreter = "xx";
	assert_true(lk_letter_render(&l, b, sizeof b) > 0);
	assert_non_null(strstr(b, "Tulkki puhuu xx.\n"));
}

static void test_small_buffer(void **state)
{
	(void)state;
	char b[8192], s[100];
	struct lk_letter l = base();
	int n = lk_letter_render(&l, b, sizeof b);
	assert_true(n > 100);
	assert_int_equal(lk_letter_render(&l, s, sizeof s), -1);
	assert_int_equal(lk_letter_render(&l, b, (size_t)n), -1);
	assert_int_equal(lk_letter_render(&l, b, (size_t)n + 1), n);
	assert_int_equal(lk_letter_render(&l, b, 0), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_langs),
		cmocka_unit_test(test_times_and_hours),
		cmocka_unit_test(test_other_language),
		cmocka_unit_test(test_small_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
