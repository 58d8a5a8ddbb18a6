/*
 * date.c — civil dates and wall-clock minutes (see date.h).
 *
 * Days are counted in the proleptic Gregorian calendar with the
 * days-from-civil algorithm (H. Hinnant, "chrono-compatible low-level date
 * algorithms"), done in 64-bit so no intermediate overflows. Parsing is
 * strict: exact digit counts, no spaces, real calendar dates only.
 * No I/O, no heap, no locale.
 */
#include "core/date.h"

#include <stdio.h>

/* Floor division and modulo, for counts that may be negative. */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int64_t floor_mod(int64_t a, int64_t b)
{
	return a - floor_div(a, b) * b;
}

bool lk_leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int lk_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && lk_leap_year(y) ? 29 : days[m - 1];
}

bool lk_date_valid(int y, int m, int d)
{
	return y >= LK_YEAR_MIN && y <= LK_YEAR_MAX && m >= 1 && m <= 12 &&
	       d >= 1 && d <= lk_days_in_month(y, m);
}

lk_date lk_date_from_ymd(int y, int m, int d)
{
	if (!lk_date_valid(y, m, d))
		return LK_NO_DATE;
	int64_t yy = m <= 2 ? y - 1 : y;
	int64_t era = floor_div(yy, 400);
	int64_t yoe = yy - era * 400;                       /* [0, 399] */
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* [0, 146096] */
	return (lk_date)(era * 146097 + doe - 719468);
}

struct lk_ymd lk_date_to_ymd(lk_date day)
{
	struct lk_ymd r = { 0, 0, 0 };
	if (day == LK_NO_DATE)
		return r;
	int64_t z = (int64_t)day + 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

int lk_weekday(lk_date day)
{
	/* 1970-01-01 was a Thursday (4). */
	return (int)floor_mod((int64_t)day + 3, 7) + 1;
}

lk_date lk_add_months(lk_date day, int months)
{
	if (day == LK_NO_DATE)
		return LK_NO_DATE;
	struct lk_ymd t = lk_date_to_ymd(day);
	int64_t total = (int64_t)t.y * 12 + (t.m - 1) + months;
	int y = (int)floor_div(total, 12);
	int m = (int)floor_mod(total, 12) + 1;
	int last = lk_days_in_month(y, m);
	return lk_date_from_ymd(y, m, t.d < last ? t.d : last);
}

/* Read exactly n digits at *p into *v; advance p. */
static bool digits(const char **p, int n, int *v)
{
	int x = 0;
	for (int i = 0; i < n; i++) {
		char c = (*p)[i];
		if (c < '0' || c > '9')
			return false;
		x = x * 10 + (c - '0');
	}
	*p += n;
	*v = x;
	return true;
}

/* Read one or two digits at *p into *v; advance p. */
static bool digits_1_2(const char **p, int *v)
{
	if (!digits(p, 1, v))
		return false;
	int second;
	if (digits(p, 1, &second))
		*v = *v * 10 + second;
	return true;
}

/* "YYYY-MM-DD" at *p; advance p past it. */
static bool parse_iso_date(const char **p, int *y, int *m, int *d)
{
	return digits(p, 4, y) && *(*p)++ == '-' && digits(p, 2, m) &&
	       *(*p)++ == '-' && digits(p, 2, d);
}

bool lk_date_parse(const char *s, lk_date *out)
{
	int y, m, d;
	const char *p = s;
	if (s == NULL || out == NULL)
		return false;
	if (s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' &&
	    s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9') {
		if (!parse_iso_date(&p, &y, &m, &d))
			return false;
	} else {
		if (!digits_1_2(&p, &d) || *p++ != '.' || !digits_1_2(&p, &m) ||
		    *p++ != '.' || !digits(&p, 4, &y))
			return false;
	}
	if (*p != '\0' || !lk_date_valid(y, m, d))
		return false;
	*out = lk_date_from_ymd(y, m, d);
	return true;
}

char *lk_date_iso(lk_date day, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	if (day == LK_NO_DATE) {
		buf[0] = '\0';
		return buf;
	}
	struct lk_ymd t = lk_date_to_ymd(day);
	snprintf(buf, size, "%04d-%02d-%02d", t.y, t.m, t.d);
	return buf;
}

char *lk_date_fi(lk_date day, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	if (day == LK_NO_DATE) {
		buf[0] = '\0';
		return buf;
	}
	struct lk_ymd t = lk_date_to_ymd(day);
	snprintf(buf, size, "%d.%d.%04d", t.d, t.m, t.y);
	return buf;
}

lk_time lk_time_make(lk_date day, int hour, int minute)
{
	return (lk_time)day * 1440 + (lk_time)hour * 60 + minute;
}

lk_date lk_time_date(lk_time t)
{
	return (lk_date)floor_div(t, 1440);
}

int lk_time_minute_of_day(lk_time t)
{
	return (int)floor_mod(t, 1440);
}

bool lk_time_parse(const char *s, lk_time *out)
{
	int y, m, d, hh, mm;
	const char *p = s;
	if (s == NULL || out == NULL)
		return false;
	if (!parse_iso_date(&p, &y, &m, &d))
		return false;
	if (*p != ' ' && *p != 'T')
		return false;
	p++;
	if (!digits(&p, 2, &hh) || *p++ != ':' || !digits(&p, 2, &mm) || *p != '\0')
		return false;
	if (!lk_date_valid(y, m, d) || hh > 23 || mm > 59)
		return false;
	*out = lk_time_make(lk_date_from_ymd(y, m, d), hh, mm);
	return true;
}

char *lk_time_iso(lk_time t, char *buf, size_t size)
{
	char day[16];
	int min = lk_time_minute_of_day(t);
	if (size == 0)
		return buf;
	lk_date_iso(lk_time_date(t), day, sizeof day);
	snprintf(buf, size, "%s %02d:%02d", day, min / 60, min % 60);
	return buf;
}

char *lk_time_fi(lk_time t, char *buf, size_t size)
{
	char day[16];
	int min = lk_time_minute_of_day(t);
	if (size == 0)
		return buf;
	lk_date_fi(lk_time_date(t), day, sizeof day);
	snprintf(buf, size, "%s %02d:%02d", day, min / 60, min % 60);
	return buf;
}

bool lk_overlaps(lk_time a0, lk_time a1, lk_time b0, lk_time b1)
{
	return a0 < a1 && b0 < b1 && a0 < b1 && b0 < a1;
}
