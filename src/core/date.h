/*
 * date.h — civil dates and wall-clock minutes, with no time zone.
 *
 * A date is a count of days since 1970-01-01 in the proleptic Gregorian
 * calendar; a time is minutes since 1970-01-01 00:00 on the same naive
 * Finnish wall clock the desk shows. Appointments live on that wall clock,
 * so no zone arithmetic is needed here (exports that need UTC convert at the
 * edge). Parsing accepts only real calendar dates: 30.2. is refused.
 *
 * Pure C: never touches I/O, the clock, the locale or the heap.
 */
#ifndef LK_DATE_H
#define LK_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t lk_date;  /* days since 1970-01-01 */
typedef int64_t lk_time;  /* minutes since 1970-01-01 00:00, wall clock */

#define LK_NO_DATE INT32_MIN  /* "no date", e.g. no job-search start */

/* Years a date may have (lk_date_valid, parsing, lk_date_from_ymd). */
#define LK_YEAR_MIN 1
#define LK_YEAR_MAX 9999

struct lk_ymd {
	int y, m, d;
};

/* A real calendar date in years LK_YEAR_MIN..LK_YEAR_MAX. */
bool lk_date_valid(int y, int m, int d);
/* 28–31; 0 for a month outside 1–12. */
int lk_days_in_month(int y, int m);
bool lk_leap_year(int y);
/* LK_NO_DATE when !lk_date_valid(y, m, d). */
lk_date lk_date_from_ymd(int y, int m, int d);
/* {0, 0, 0} for LK_NO_DATE. */
struct lk_ymd lk_date_to_ymd(lk_date day);
/* ISO weekday: 1 = Monday … 7 = Sunday. */
int lk_weekday(lk_date day);
/* The same day of month N months later (N may be negative), clamped to the
 * month's last day: 31.1. + 1 month = 28.2. or 29.2. */
lk_date lk_add_months(lk_date day, int months);

/* Parse "YYYY-MM-DD" (exactly 4-2-2 digits) or "D.M.YYYY" (day and month
 * of 1 or 2 digits, year of 4); return false for anything else, including
 * spaces, trailing text and dates that do not exist (2023-02-29, 31.4.). */
bool lk_date_parse(const char *s, lk_date *out);
/* "YYYY-MM-DD" into buf (at least 11 bytes); "" for LK_NO_DATE. Returns buf. */
char *lk_date_iso(lk_date day, char *buf, size_t size);
/* "d.m.yyyy", the Finnish way, into buf (at least 11 bytes); "" for
 * LK_NO_DATE. Returns buf. */
char *lk_date_fi(lk_date day, char *buf, size_t size);

/* `day` must be a real date (not LK_NO_DATE). */
lk_time lk_time_make(lk_date day, int hour, int minute);
lk_date lk_time_date(lk_time t);
int lk_time_minute_of_day(lk_time t);
/* Parse "YYYY-MM-DD HH:MM" (also "YYYY-MM-DDTHH:MM"), hours 00–23 and
 * minutes 00–59 in two digits each; false otherwise. */
bool lk_time_parse(const char *s, lk_time *out);
/* "YYYY-MM-DD HH:MM" into buf (at least 17 bytes). Returns buf. */
char *lk_time_iso(lk_time t, char *buf, size_t size);
/* "d.m.yyyy HH:MM" into buf (at least 17 bytes). Returns buf. */
char *lk_time_fi(lk_time t, char *buf, size_t size);

/* Two half-open intervals [a0,a1) and [b0,b1) overlap: they share a minute.
 * Touching intervals (a1 == b0) and empty ones (a0 >= a1) never overlap. */
bool lk_overlaps(lk_time a0, lk_time a1, lk_time b0, lk_time b1);

#endif
