/*
 * test_ical.c — Helsinki time, TEXT escaping and line folding for the
 * iCalendar export (core/ical.h).
 *
 * The change Sundays were read from a printed calendar: 29.3.2026,
 * 25.10.2026, 28.3.2027 and 31.10.2027. Offsets are in minutes east of UTC.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/ical.h"

static lk_time T(const char *s)
{
	lk_time t = 0;
	assert_true(lk_time_parse(s, &t));
	return t;
}

static const char *utc(lk_time t)
{
	static char ring[4][20];
	static int next;
	char *b = ring[next++ % 4];
	return lk_ical_utc(t, b, 20);
}

static void test_last_sundays(void **state)
{
	(void)state;
	char b[16];
	assert_string_equal(lk_date_iso(lk_last_sunday(2026, 3), b, sizeof b), "2026-03-29");
	assert_string_equal(lk_date_iso(lk_last_sunday(2026, 10), b, sizeof b), "2026-10-25");
	assert_string_equal(lk_date_iso(lk_last_sunday(2027, 3), b, sizeof b), "2027-03-28");
	assert_string_equal(lk_date_iso(lk_last_sunday(2027, 10), b, sizeof b), "2027-10-31");
	/* A month that ends on a Sunday: 31.3.2024 and 31.10.2027. */
	assert_string_equal(lk_date_iso(lk_last_sunday(2024, 3), b, sizeof b), "2024-03-31");
}

static void test_spring_2026(void **state)
{
	(void)state;
	assert_int_equal(lk_helsinki_offset(T("2026-03-28 12:00")), 120);
	assert_int_equal(lk_helsinki_offset(T("2026-03-29 02:59")), 120);
	/* 03:00–03:59 does not exist on the wall clock: the offset before the gap. */
	assert_int_equal(lk_helsinki_offset(T("2026-03-29 03:30")), 120);
	assert_int_equal(lk_helsinki_offset(T("2026-03-29 04:00")), 180);
	assert_int_equal(lk_helsinki_offset(T("2026-03-29 10:00")), 180);
	assert_int_equal(lk_helsinki_offset(T("2026-03-30 09:00")), 180);
	assert_string_equal(utc(lk_helsinki_to_utc(T("2026-03-27 10:00"))), "20260327T080000Z");
	assert_string_equal(utc(lk_helsinki_to_utc(T("2026-03-29 02:59"))), "20260329T005900Z");
	assert_string_equal(utc(lk_helsinki_to_utc(T("2026-03-29 04:00"))), "20260329T010000Z");
	assert_string_equal(utc(lk_helsinki_to_utc(T("2026-03-29 10:00"))), "20260329T070000Z");
	assert_string_equal(utc(lk_helsinki_to_utc(T("2026-03-30 10:00"))), "20260330T070000Z");
	/* By UTC instant: the change is at 01:00 UTC. */
	assert_int_equal(lk_helsinki_offset_at(T("2026-03-29 00:59")), 120);
	assert_int_equal(lk_helsinki_offset_at(T("2026-03-29 01:00")), 180);
}

static void test_autumn_2026(void **state)
{
	(void)state;
	assert_int_equal(lk_helsinki_offset(T("2026-10-24 12:00")), 180);
	assert_int_equal(lk_helsinki_offset(T("2026-10-25 02:59")), 180);
	/* 03:00–03:59 comes twice: the first (summer-time) occurrence. */
	assert_int_equal(lk_helsinki_offset(T("2026-10-25 03:30")), 180);
	assert_int_equal(lk_helsinki_offset(T("2026-10-25 04:00")), 120);
	assert_int_equal(lk_helsinki_offset(T("2026-10-25 10:00")), 120);
	assert_string_equal(utc(lk_helsinki_to_utc(T("2026-10-23 10:00"))), "20261023T070000Z");
	assert_string_equal(utc(lk_helsinki_to_utc(T("2026-10-25 03:30"))), "20261025T003000Z");
	assert_string_equal(utc(lk_helsinki_to_utc(T("2026-10-25 04:00"))), "20261025T020000Z");
	assert_string_equal(utc(lk_helsinki_to_utc(T("2026-10-25 10:00"))), "20261025T080000Z");
	assert_string_equal(utc(lk_helsinki_to_utc(T("2026-10-26 10:00"))), "20261026T080000Z");
	assert_int_equal(lk_helsinki_offset_at(T("2026-10-25 00:59")), 180);
	assert_int_equal(lk_helsinki_offset_at(T("2026-10-25 01:00")), 120);
}

static void test_2027(void **state)
{
	(void)state;
	assert_int_equal(lk_helsinki_offset(T("2027-03-27 10:00")), 120);
	assert_int_equal(lk_helsinki_offset(T("2027-03-28 02:59")), 120);
	assert_int_equal(lk_helsinki_offset(T("2027-03-28 04:00")), 180);
	assert_int_equal(lk_helsinki_offset(T("2027-10-30 10:00")), 180);
	assert_int_equal(lk_helsinki_offset(T("2027-10-31 03:59")), 180);
	assert_int_equal(lk_helsinki_offset(T("2027-10-31 04:00")), 120);
	assert_int_equal(lk_helsinki_offset(T("2027-11-01 10:00")), 120);
	/* 29.3.2026 is no change day in 2027: a plain summer-time Monday. */
	assert_int_equal(lk_helsinki_offset(T("2027-03-29 03:30")), 180);
	assert_int_equal(lk_helsinki_offset(T("2027-01-15 10:00")), 120);
	assert_int_equal(lk_helsinki_offset(T("2027-07-15 10:00")), 180);
	assert_string_equal(utc(lk_helsinki_to_utc(T("2027-12-31 23:30"))), "20271231T213000Z");
	assert_string_equal(utc(lk_helsinki_to_utc(T("2027-01-01 01:00"))), "20261231T230000Z");
}

static void test_stamps(void **state)
{
	(void)state;
	char b[20];
	assert_string_equal(lk_ical_local(T("2026-03-03 09:05"), b, sizeof b), "20260303T090500");
	assert_string_equal(lk_ical_utc(T("2026-03-03 09:05"), b, sizeof b), "20260303T090500Z");
}

static void test_escape(void **state)
{
	(void)state;
	char b[128];
	assert_int_equal(lk_ical_escape("a\\b;c,d\ne\r\nf", b, sizeof b), 16);
	assert_string_equal(b, "a\\\\b\\;c\\,d\\ne\\nf");
	assert_int_equal(lk_ical_escape("Koskikatu 5, 80100 Joensuu", b, sizeof b), 27);
	assert_string_equal(b, "Koskikatu 5\\, 80100 Joensuu");
	assert_int_equal(lk_ical_escape("tab\there", b, sizeof b), 8);
	assert_string_equal(b, "tab here");
	assert_int_equal(lk_ical_escape("Äänekoski", b, sizeof b), 11);
	assert_string_equal(b, "Äänekoski");
	assert_int_equal(lk_ical_escape(NULL, b, sizeof b), 0);
	assert_string_equal(b, "");
	/* Too small: -1, and never half an escape. */
	char s[5];
	assert_int_equal(lk_ical_escape("ab;cd", s, sizeof s), -1);
	assert_string_equal(s, "ab\\;");
	assert_int_equal(lk_ical_escape("abc;d", s, sizeof s), -1);
	assert_string_equal(s, "abc");
}

/* Every physical line of a folded buffer: at most 75 octets, CRLF-ended,
 * continuation lines start with a space, and no line starts with a UTF-8
 * continuation byte; returns how many lines. */
static int check_folded(const char *f)
{
	int lines = 0;
	const char *p = f;
	while (*p) {
		const char *e = strstr(p, "\r\n");
		assert_non_null(e);
		assert_true(e - p <= 75);
		assert_true(((unsigned char)p[0] & 0xc0) != 0x80);
		if (lines > 0) {
			assert_int_equal(p[0], ' ');
			assert_true(((unsigned char)p[1] & 0xc0) != 0x80);
		}
		/* No lone CR or LF inside. */
		assert_null(memchr(p, '\n', (size_t)(e - p)));
		lines++;
		p = e + 2;
	}
	return lines;
}

/* Unfold (§3.1): drop every CRLF followed by one space, and the last CRLF. */
static void unfold(const char *f, char *out)
{
	size_t n = 0;
	for (const char *p = f; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n') {
			p += p[2] == ' ' ? 2 : 1;
			continue;
		}
		out[n++] = *p;
	}
	out[n] = '\0';
}

static void test_fold(void **state)
{
	(void)state;
	char f[1024], u[1024], line[512];
	/* Short: one line, CRLF. */
	assert_int_equal(lk_ical_fold("SUMMARY:Alkuhaastattelu", f, sizeof f), 25);
	assert_string_equal(f, "SUMMARY:Alkuhaastattelu\r\n");
	/* Exactly 75 octets: no fold. */
	memset(line, 'x', 75);
	line[75] = '\0';
	assert_int_equal(lk_ical_fold(line, f, sizeof f), 77);
	assert_int_equal(check_folded(f), 1);
	/* 76: a second line of a space and one octet. */
	memset(line, 'x', 76);
	line[76] = '\0';
	assert_int_equal(lk_ical_fold(line, f, sizeof f), 76 + 2 + 3);
	assert_int_equal(check_folded(f), 2);
	assert_string_equal(f + 75, "\r\n x\r\n");
	/* "ä" (2 octets) would straddle octets 75–76: it moves whole to the next line. */
	memset(line, 'x', 74);
	strcpy(line + 74, "äö");
	assert_int_equal(lk_ical_fold(line, f, sizeof f), 74 + 3 + 4 + 2);
	assert_int_equal(check_folded(f), 2);
	assert_memory_equal(f + 74, "\r\n äö\r\n", 9);
	unfold(f, u);
	assert_string_equal(u, line);
	/* A long run of ä ö (and a 3-octet "–"): never split, round-trips. */
	strcpy(line, "LOCATION:");
	for (int i = 0; i < 40; i++)
		strcat(line, i % 3 == 0 ? "ä" : i % 3 == 1 ? "ö" : "–");
	strcat(line, " Äänekoski");
	int n = lk_ical_fold(line, f, sizeof f);
	assert_true(n > 0);
	assert_int_equal(check_folded(f), 2);
	unfold(f, u);
	assert_string_equal(u, line);
	/* Buffer too small. */
	char s[10];
	assert_int_equal(lk_ical_fold("SUMMARY:Alkuhaastattelu", s, sizeof s), -1);
	assert_int_equal(lk_ical_fold("12345678", s, sizeof s), -1);
	assert_int_equal(lk_ical_fold("1234567", s, sizeof s), 9);
}

static void test_vtimezone(void **state)
{
	(void)state;
	const char *v = lk_ical_vtimezone();
	assert_non_null(strstr(v, "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\n"));
	assert_non_null(strstr(v, "BEGIN:STANDARD\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200\r\n"));
	assert_non_null(strstr(v, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"));
	assert_non_null(strstr(v, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"));
	/* The DTSTARTs are real change Sundays (31.3.1996 and 27.10.1996). */
	char b[16];
	assert_string_equal(lk_date_iso(lk_last_sunday(1996, 3), b, sizeof b), "1996-03-31");
	assert_string_equal(lk_date_iso(lk_last_sunday(1996, 10), b, sizeof b), "1996-10-27");
	assert_non_null(strstr(v, "DTSTART:19960331T030000\r\n"));
	assert_non_null(strstr(v, "DTSTART:19961027T040000\r\n"));
	/* 18 lines, each CRLF-ended and short, none a continuation. */
	int lines = 0;
	for (const char *p = v; *p; lines++) {
		const char *e = strstr(p, "\r\n");
		assert_non_null(e);
		assert_true(e - p <= 75 && p[0] != ' ');
		p = e + 2;
	}
	assert_int_equal(lines, 18);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_last_sundays),
		cmocka_unit_test(test_spring_2026),
		cmocka_unit_test(test_autumn_2026),
		cmocka_unit_test(test_2027),
		cmocka_unit_test(test_stamps),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_vtimezone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
