/*
 * calendar.c — Finnish public holidays and business days (see calendar.h).
 *
 * The holidays are one data table of three kinds of row: a fixed date, a
 * day relative to Easter Sunday, and "the given weekday in a 7-day window"
 * (Midsummer, All Saints'). Easter is the anonymous Gregorian computus
 * (Meeus/Jones/Butcher). Business days are counted one day at a time,
 * which is fast enough for the spans a caseworker meets. No I/O, no heap.
 */
#include "core/calendar.h"

#include <stddef.h>

#ifndef N_
#define N_(s) s  /* gettext msgid marker, for xgettext --keyword=N_ */
#endif

enum holiday_kind {
	FIXED,        /* month, day */
	EASTER,       /* offset days from Easter Sunday */
	WEEKDAY_IN,   /* weekday in the 7 days starting month, day */
};

static const struct holiday {
	enum holiday_kind kind;
	int month, day;   /* FIXED date, or first day of the WEEKDAY_IN window */
	int offset;       /* EASTER: days after Easter Sunday */
	int weekday;      /* WEEKDAY_IN: ISO weekday, 5 = Friday, 6 = Saturday */
	const char *name; /* English, a gettext msgid */
	const char *source;
} holidays[] = {
	{ FIXED,       1,  1,   0, 0, N_("New Year's Day"),  "docs/rules.md#public-holidays (1 Jan)" },
	{ FIXED,       1,  6,   0, 0, N_("Epiphany"),        "docs/rules.md#public-holidays (6 Jan)" },
	{ EASTER,      0,  0,  -2, 0, N_("Good Friday"),     "docs/rules.md#public-holidays (Easter-2)" },
	{ EASTER,      0,  0,   0, 0, N_("Easter Sunday"),   "calendar.h (Easter Sunday)" },
	{ EASTER,      0,  0,   1, 0, N_("Easter Monday"),   "docs/rules.md#public-holidays (Easter+1)" },
	{ FIXED,       5,  1,   0, 0, N_("May Day"),         "docs/rules.md#public-holidays (1 May)" },
	{ EASTER,      0,  0,  39, 0, N_("Ascension Day"),   "docs/rules.md#public-holidays (Easter+39)" },
	{ WEEKDAY_IN,  6, 19,   0, 5, N_("Midsummer Eve"),   "docs/rules.md#public-holidays (Friday 19-25 June)" },
	{ WEEKDAY_IN,  6, 20,   0, 6, N_("Midsummer Day"),   "docs/rules.md#public-holidays (Saturday 20-26 June)" },
	{ WEEKDAY_IN, 10, 31,   0, 6, N_("All Saints' Day"), "docs/rules.md#public-holidays (Saturday 31 Oct-6 Nov)" },
	{ FIXED,      12,  6,   0, 0, N_("Independence Day"), "docs/rules.md#public-holidays (6 Dec)" },
	{ FIXED,      12, 24,   0, 0, N_("Christmas Eve"),   "docs/rules.md#public-holidays (24 Dec)" },
	{ FIXED,      12, 25,   0, 0, N_("Christmas Day"),   "docs/rules.md#public-holidays (25 Dec)" },
	{ FIXED,      12, 26,   0, 0, N_("Boxing Day"),      "docs/rules.md#public-holidays (26 Dec)" },
};

#define N_HOLIDAYS (sizeof holidays / sizeof holidays[0])

lk_date lk_easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100;
	int d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;
	return lk_date_from_ymd(y, month, day);
}

/* The date of holiday `h` in year y. */
static lk_date holiday_date(const struct holiday *h, int y)
{
	switch (h->kind) {
	case FIXED:
		return lk_date_from_ymd(y, h->month, h->day);
	case EASTER:
		return lk_easter(y) + h->offset;
	case WEEKDAY_IN: {
		lk_date first = lk_date_from_ymd(y, h->month, h->day);
		return first + (h->weekday - lk_weekday(first) + 7) % 7;
	}
	}
	return LK_NO_DATE;
}

const char *lk_holiday_name(lk_date day)
{
	if (day == LK_NO_DATE)
		return NULL;
	int y = lk_date_to_ymd(day).y;
	if (y < LK_YEAR_MIN || y > LK_YEAR_MAX)
		return NULL;
	for (size_t i = 0; i < N_HOLIDAYS; i++)
		if (holiday_date(&holidays[i], y) == day)
			return holidays[i].name;
	return NULL;
}

bool lk_is_holiday(lk_date day)
{
	return lk_holiday_name(day) != NULL;
}

bool lk_is_business_day(lk_date day)
{
	return day != LK_NO_DATE && lk_weekday(day) <= 5 && !lk_is_holiday(day);
}

lk_date lk_add_business_days(lk_date day, int n)
{
	if (day == LK_NO_DATE)
		return LK_NO_DATE;
	if (n == 0) {
		while (!lk_is_business_day(day))
			day++;
		return day;
	}
	int step = n > 0 ? 1 : -1;
	for (long left = n > 0 ? n : -(long)n; left > 0;) {
		day += step;
		if (lk_is_business_day(day))
			left--;
	}
	return day;
}

int lk_business_days_between(lk_date from, lk_date to)
{
	int n = 0;
	if (from == LK_NO_DATE || to == LK_NO_DATE)
		return 0;
	for (lk_date d = from; d < to;)
		if (lk_is_business_day(++d))
			n++;
	return n;
}
