/*
 * test_hetu.c — the Finnish personal identity code (core/hetu.h).
 *
 * Check characters were computed by hand: DDMMYYZZZ mod 31 indexed into
 * "0123456789ABCDEFHJKLMNPRSTUVWXY" (e.g. 010594903 mod 31 = 2 -> '2').
 * Only test codes (ZZZ 900–999) and the textbook 131052-308T are used.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/hetu.h"

static const char *iso(lk_date d)
{
	static char ring[4][16];
	static int next;
	char *b = ring[next++ % 4];
	return lk_date_iso(d, b, 16);
}

static void test_valid_codes(void **state)
{
	(void)state;
	struct lk_hetu h;
	assert_int_equal(lk_hetu_parse("131052-308T", &h), LK_HETU_OK);
	assert_string_equal(iso(h.birth), "1952-10-13");
	assert_int_equal(h.individual, 308);
	assert_int_equal(h.sex, 'F');
	assert_false(h.temporary);
	assert_int_equal(h.century, '-');

	assert_int_equal(lk_hetu_parse("311299A999E", &h), LK_HETU_OK);
	assert_string_equal(iso(h.birth), "2099-12-31");
	assert_int_equal(h.sex, 'M');
	assert_true(h.temporary);

	assert_int_equal(lk_hetu_parse("010100+002H", &h), LK_HETU_OK);
	assert_string_equal(iso(h.birth), "1800-01-01");
	assert_int_equal(h.individual, 2);

	/* out may be NULL: validate only. */
	assert_int_equal(lk_hetu_parse("131052-308T", NULL), LK_HETU_OK);
}

/* Since 2023 the century sign tells two people apart. */
static void test_same_birth_two_people(void **state)
{
	(void)state;
	struct lk_hetu a, b;
	assert_int_equal(lk_hetu_parse("010594Y9032", &a), LK_HETU_OK);
	assert_int_equal(lk_hetu_parse("010594-9032", &b), LK_HETU_OK);
	assert_string_equal(iso(a.birth), "1994-05-01");
	assert_string_equal(iso(b.birth), "1994-05-01");
	assert_int_equal(a.individual, 903);
	assert_int_equal(b.individual, 903);
	assert_true(a.temporary);
	assert_int_equal(a.sex, 'M');
	assert_int_equal(a.century, 'Y');
	assert_int_equal(b.century, '-');
}

static void test_every_century_sign(void **state)
{
	(void)state;
	static const struct {
		const char *code;
		const char *birth;
	} rows[] = {
		{ "010594-9032", "1994-05-01" }, { "010594Y9032", "1994-05-01" },
		{ "010594X9032", "1994-05-01" }, { "010594W9032", "1994-05-01" },
		{ "010594V9032", "1994-05-01" }, { "010594U9032", "1994-05-01" },
		{ "010594+9032", "1894-05-01" },
		{ "010594A9032", "2094-05-01" }, { "010594B9032", "2094-05-01" },
		{ "010594C9032", "2094-05-01" }, { "010594D9032", "2094-05-01" },
		{ "010594E9032", "2094-05-01" }, { "010594F9032", "2094-05-01" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct lk_hetu h;
		assert_int_equal(lk_hetu_parse(rows[i].code, &h), LK_HETU_OK);
		assert_string_equal(iso(h.birth), rows[i].birth);
		assert_int_equal(h.century, rows[i].code[6]);
	}
	/* Letters that are no sign, and lower case. */
	assert_int_equal(lk_hetu_parse("010594G9032", NULL), LK_HETU_ECENTURY);
	assert_int_equal(lk_hetu_parse("010594Z9032", NULL), LK_HETU_ECENTURY);
	assert_int_equal(lk_hetu_parse("010594y9032", NULL), LK_HETU_ECENTURY);
	assert_int_equal(lk_hetu_parse("010594a9032", NULL), LK_HETU_ECENTURY);
	assert_int_equal(lk_hetu_parse("131052 308T", NULL), LK_HETU_ECENTURY);
}

static void test_leap_days(void **state)
{
	(void)state;
	struct lk_hetu h;
	/* 2000 is a leap year, 1900 and 2001 are not. */
	assert_int_equal(lk_hetu_parse("290200A002C", &h), LK_HETU_OK);
	assert_string_equal(iso(h.birth), "2000-02-29");
	assert_int_equal(lk_hetu_parse("290200-002C", NULL), LK_HETU_EDATE);
	assert_int_equal(lk_hetu_parse("290201A002C", NULL), LK_HETU_EDATE);
	assert_int_equal(lk_hetu_parse("310452-308T", NULL), LK_HETU_EDATE);
	assert_int_equal(lk_hetu_parse("131352-308T", NULL), LK_HETU_EDATE);
	assert_int_equal(lk_hetu_parse("001052-308T", NULL), LK_HETU_EDATE);
	assert_int_equal(lk_hetu_parse("130052-308T", NULL), LK_HETU_EDATE);
}

static void test_individual_number(void **state)
{
	(void)state;
	/* Check characters correct, so only the number is wrong. */
	assert_int_equal(lk_hetu_parse("010101-000P", NULL), LK_HETU_EINDIVIDUAL);
	assert_int_equal(lk_hetu_parse("010101-001R", NULL), LK_HETU_EINDIVIDUAL);
	struct lk_hetu h;
	assert_int_equal(lk_hetu_parse("010101-002S", &h), LK_HETU_OK);
	assert_int_equal(h.sex, 'F');
	assert_false(h.temporary);
}

static void test_refusals(void **state)
{
	(void)state;
	assert_int_equal(lk_hetu_parse(NULL, NULL), LK_HETU_ELENGTH);
	assert_int_equal(lk_hetu_parse("", NULL), LK_HETU_ELENGTH);
	assert_int_equal(lk_hetu_parse("131052-308", NULL), LK_HETU_ELENGTH);
	assert_int_equal(lk_hetu_parse(" 131052-308T", NULL), LK_HETU_ELENGTH);
	assert_int_equal(lk_hetu_parse("131052-308T ", NULL), LK_HETU_ELENGTH);
	assert_int_equal(lk_hetu_parse("131052-308TT", NULL), LK_HETU_ELENGTH);
	assert_int_equal(lk_hetu_parse("13105a-308T", NULL), LK_HETU_EDIGITS);
	assert_int_equal(lk_hetu_parse("131052-3O8T", NULL), LK_HETU_EDIGITS);
	assert_int_equal(lk_hetu_parse("131052- 08T", NULL), LK_HETU_EDIGITS);
	assert_int_equal(lk_hetu_parse("131052-308t", NULL), LK_HETU_ECHECK);
	assert_int_equal(lk_hetu_parse("131052-308U", NULL), LK_HETU_ECHECK);
	assert_int_equal(lk_hetu_parse("010594Y9033", NULL), LK_HETU_ECHECK);
	assert_int_equal(lk_hetu_parse("131052-309T", NULL), LK_HETU_ECHECK);
	/* The output is left alone on failure. */
	struct lk_hetu h = { .individual = -7 };
	assert_int_equal(lk_hetu_parse("131052-308U", &h), LK_HETU_ECHECK);
	assert_int_equal(h.individual, -7);
}

static void test_check_char(void **state)
{
	(void)state;
	assert_int_equal(lk_hetu_check_char(131052308), 'T');
	assert_int_equal(lk_hetu_check_char(10594903), '2');
	assert_int_equal(lk_hetu_check_char(0), '0');
	assert_int_equal(lk_hetu_check_char(30), 'Y');
	assert_int_equal(lk_hetu_check_char(16), 'H');  /* G skipped */
	assert_int_equal(lk_hetu_check_char(-1), '\0');
	assert_int_equal(lk_hetu_check_char(1000000000L), '\0');
}

static void test_make(void **state)
{
	(void)state;
	char buf[12];
	assert_true(lk_hetu_make(lk_date_from_ymd(1994, 5, 1), 903, 0, buf, sizeof buf));
	assert_string_equal(buf, "010594-9032");
	assert_true(lk_hetu_make(lk_date_from_ymd(1994, 5, 1), 903, 'Y', buf, sizeof buf));
	assert_string_equal(buf, "010594Y9032");
	assert_true(lk_hetu_make(lk_date_from_ymd(2005, 3, 7), 2, 0, buf, sizeof buf));
	assert_string_equal(buf, "070305A0029");
	assert_true(lk_hetu_make(lk_date_from_ymd(2005, 3, 7), 2, 'F', buf, sizeof buf));
	assert_string_equal(buf, "070305F0029");
	assert_true(lk_hetu_make(lk_date_from_ymd(1850, 6, 15), 123, 0, buf, sizeof buf));
	assert_string_equal(buf, "150650+123C");
	assert_true(lk_hetu_make(lk_date_from_ymd(2000, 2, 29), 2, 0, buf, sizeof buf));
	assert_string_equal(buf, "290200A002C");

	/* Everything made parses back to the same person. */
	static const char signs[] = "+-YXWVUABCDEF";
	for (size_t i = 0; i < sizeof signs - 1; i++) {
		int century = signs[i] == '+' ? 1800 : (signs[i] >= 'A' && signs[i] <= 'F') ? 2000 : 1900;
		lk_date birth = lk_date_from_ymd(century + 96, 12, 29);
		struct lk_hetu h;
		assert_true(lk_hetu_make(birth, 999, signs[i], buf, sizeof buf));
		assert_int_equal(lk_hetu_parse(buf, &h), LK_HETU_OK);
		assert_int_equal(h.birth, birth);
		assert_int_equal(h.century, signs[i]);
		assert_int_equal(h.individual, 999);
	}

	strcpy(buf, "untouched");
	assert_false(lk_hetu_make(lk_date_from_ymd(1994, 5, 1), 903, 'A', buf, sizeof buf));
	assert_false(lk_hetu_make(lk_date_from_ymd(1994, 5, 1), 903, '+', buf, sizeof buf));
	assert_false(lk_hetu_make(lk_date_from_ymd(1994, 5, 1), 903, 'Z', buf, sizeof buf));
	assert_false(lk_hetu_make(lk_date_from_ymd(1994, 5, 1), 903, 'y', buf, sizeof buf));
	assert_false(lk_hetu_make(lk_date_from_ymd(1994, 5, 1), 1, 0, buf, sizeof buf));
	assert_false(lk_hetu_make(lk_date_from_ymd(1994, 5, 1), 1000, 0, buf, sizeof buf));
	assert_false(lk_hetu_make(lk_date_from_ymd(1799, 12, 31), 903, 0, buf, sizeof buf));
	assert_false(lk_hetu_make(lk_date_from_ymd(2100, 1, 1), 903, 0, buf, sizeof buf));
	assert_false(lk_hetu_make(LK_NO_DATE, 903, 0, buf, sizeof buf));
	assert_false(lk_hetu_make(lk_date_from_ymd(1994, 5, 1), 903, 0, buf, 11));
	assert_string_equal(buf, "untouched");
}

static void test_mask(void **state)
{
	(void)state;
	char buf[12];
	assert_string_equal(lk_hetu_mask("010594Y9032", buf, sizeof buf), "010594Y****");
	assert_string_equal(lk_hetu_mask("131052-308T", buf, sizeof buf), "131052-****");
	assert_string_equal(lk_hetu_mask("131052-308", buf, sizeof buf), "***********");
	assert_string_equal(lk_hetu_mask("131052-308TT", buf, sizeof buf), "***********");
	assert_string_equal(lk_hetu_mask("", buf, sizeof buf), "***********");
	assert_string_equal(lk_hetu_mask(NULL, buf, sizeof buf), "***********");
	char small[5];
	assert_string_equal(lk_hetu_mask("010594Y9032", small, sizeof small), "0105");
}

static void test_strerror(void **state)
{
	(void)state;
	assert_string_equal(lk_hetu_strerror(LK_HETU_ECHECK), "check character does not match");
	assert_string_equal(lk_hetu_strerror(LK_HETU_ELENGTH), "not exactly 11 characters");
	assert_string_equal(lk_hetu_strerror(LK_HETU_EINDIVIDUAL), "individual number 000 or 001");
	for (int e = LK_HETU_OK; e <= LK_HETU_ECHECK; e++)
		assert_non_null(lk_hetu_strerror((enum lk_hetu_error)e));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_codes),
		cmocka_unit_test(test_same_birth_two_people),
		cmocka_unit_test(test_every_century_sign),
		cmocka_unit_test(test_leap_days),
		cmocka_unit_test(test_individual_number),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_check_char),
		cmocka_unit_test(test_make),
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_strerror),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
