/*
 * calendar.h — the Finnish calendar of public holidays and business days.
 *
 * Holidays (docs/rules.md#public-holidays): 1 Jan, 6 Jan,
 * Good Friday, Easter Sunday, Easter Monday, 1 May, Ascension Day,
 * Midsummer Eve (Fri 19–25 June), Midsummer Day (Sat 20–26 June),
 * All Saints' Day (Sat 31 Oct–6 Nov), 6 Dec, 24–26 Dec. Easter by the
 * Gregorian computus. A business day (arkipäivä) is Monday–Friday that is
 * none of these; Christmas Eve and Midsummer Eve are not business days.
 * Valid for the years 1900–2100.
 *
 * Pure C: the holidays are a data table in calendar.c, each row citing its
 * source; no I/O, no heap.
 */
#ifndef LK_CALENDAR_H
#define LK_CALENDAR_H

#include <stdbool.h>

#include "date.h"

/* Easter Sunday of year y (Gregorian computus). */
lk_date lk_easter(int y);
/* The holiday on that day, as an English name (gettext msgid), or NULL
 * (also for LK_NO_DATE). Every day of the list above has a name,
 * including Easter Sunday, Christmas Eve and Midsummer Eve. */
const char *lk_holiday_name(lk_date day);
bool lk_is_holiday(lk_date day);
/* Monday–Friday and no holiday; false for LK_NO_DATE. */
bool lk_is_business_day(lk_date day);
/* The day N business days after `day` (N >= 0; N = 0 returns `day` itself
 * when it is a business day, else the next business day). Negative N
 * counts backwards: the |N|-th business day before `day`. `day` itself
 * never counts as one of the N steps. LK_NO_DATE gives LK_NO_DATE. */
lk_date lk_add_business_days(lk_date day, int n);
/* Business days in (from, to]: 0 when to <= from or either is LK_NO_DATE.
 * For n > 0, lk_business_days_between(d, lk_add_business_days(d, n)) == n. */
int lk_business_days_between(lk_date from, lk_date to);

#endif
