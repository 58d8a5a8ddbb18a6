/*
 * booking-rules.c — the booking rule (booking-rules.h): one row per
 * refusal, each with its field, message and the docs/rules.md anchor it
 * comes from, checked in order. No I/O, no heap.
 */
#include "core/booking-rules.h"

#include <stddef.h>
#include <string.h>

#include "core/calendar.h"
#include "core/ical.h"

#ifndef N_
#define N_(s) s  /* gettext msgid marker, for xgettext --keyword=N_ */
#endif

/* Every minute of [start, start + minutes) that pred holds for. */
static bool
any_minute(const struct lk_book_when *w, bool (*pred)(lk_time))
{
	/* Only 03:00–03:59 of a changeover Sunday can hold such a minute:
	 * look at the minutes of hour 3 only (a meeting lasts 480 at most). */
	for (lk_time t = w->start; t < w->start + w->minutes; t++)
		if (lk_time_minute_of_day(t) / 60 == 3 && pred(t))
			return true;
	return false;
}

static bool
past(const struct lk_book_when *w)
{
	return !w->held && w->start < w->now;
}

static bool
held_future(const struct lk_book_when *w)
{
	return w->held && w->start > w->now;
}

static bool
gap(const struct lk_book_when *w)
{
	return any_minute(w, lk_helsinki_gap);
}

static bool
ambiguous(const struct lk_book_when *w)
{
	return any_minute(w, lk_helsinki_repeat);
}

static bool
not_business_day(const struct lk_book_when *w)
{
	return !w->held && !lk_is_business_day(lk_time_date(w->start));
}

static bool
no_hours(const struct lk_book_when *w)
{
	return !w->held && (w->opens < 0 || w->closes <= w->opens);
}

static bool
before_opening(const struct lk_book_when *w)
{
	return !w->held && lk_time_minute_of_day(w->start) < w->opens;
}

static bool
after_closing(const struct lk_book_when *w)
{
	/* Minutes of the start's day: a meeting past midnight ends after
	 * 24:00, so after any closing time. */
	return !w->held && lk_time_minute_of_day(w->start) + w->minutes > w->closes;
}

static const struct rule {
	enum lk_book_refusal code;
	bool (*breaks)(const struct lk_book_when *w);
	const char *field;
	const char *msg;          /* point hours */
	const char *msg_work;     /* working hours; NULL: msg */
	const char *source;
} rules[] = {
	{ LK_BOOK_PAST, past, "at",
	  N_("the time has passed; record a meeting already held with --held"), NULL,
	  "docs/rules.md#booking-times (not in the past)" },
	{ LK_BOOK_HELD_FUTURE, held_future, "at",
	  N_("a meeting recorded as held cannot start in the future"), NULL,
	  "docs/rules.md#booking-times (held meetings)" },
	{ LK_BOOK_GAP, gap, "at",
	  N_("that local time does not exist: the clocks go forward from 03:00 to 04:00"), NULL,
	  "docs/rules.md#helsinki-time (the spring gap)" },
	{ LK_BOOK_AMBIGUOUS, ambiguous, "at",
	  N_("that local time occurs twice: the clocks go back from 04:00 to 03:00"), NULL,
	  "docs/rules.md#helsinki-time (the autumn repeat)" },
	{ LK_BOOK_NOT_BUSINESS_DAY, not_business_day, "at",
	  N_("that day is not a business day (weekend or public holiday)"), NULL,
	  "docs/rules.md#business-days" },
	{ LK_BOOK_NO_HOURS, no_hours, "point",
	  N_("the point keeps no opening hours"), N_("no working hours are set"),
	  "docs/rules.md#opening-hours" },
	{ LK_BOOK_BEFORE_OPENING, before_opening, "at",
	  N_("the point is not open yet at that time (open %s-%s)"),
	  N_("that is before the staff member's working hours (%s-%s)"),
	  "docs/rules.md#opening-hours (opening)" },
	{ LK_BOOK_AFTER_CLOSING, after_closing, "at",
	  N_("the meeting would run past the point's closing time (open %s-%s)"),
	  N_("the meeting would run past the staff member's working hours (%s-%s)"),
	  "docs/rules.md#opening-hours (closing)" },
};

#define N_RULES (sizeof rules / sizeof rules[0])

static const struct rule *
find(enum lk_book_refusal r)
{
	for (size_t i = 0; i < N_RULES; i++)
		if (rules[i].code == r)
			return &rules[i];
	return NULL;
}

enum lk_book_refusal
lk_booking_rule(const struct lk_book_when *w)
{
	for (size_t i = 0; i < N_RULES; i++)
		if (rules[i].breaks(w))
			return rules[i].code;
	return LK_BOOK_OK;
}

const char *
lk_book_refusal_field(enum lk_book_refusal r)
{
	const struct rule *x = find(r);
	return x ? x->field : NULL;
}

const char *
lk_book_refusal_msg(enum lk_book_refusal r, enum lk_book_hours_kind hours)
{
	const struct rule *x = find(r);
	if (x == NULL)
		return NULL;
	return hours == LK_HOURS_WORK && x->msg_work ? x->msg_work : x->msg;
}

const char *
lk_book_refusal_source(enum lk_book_refusal r)
{
	const struct rule *x = find(r);
	return x ? x->source : NULL;
}

/* 03:00–03:59 on the last Sunday of `month` (3 or 10). */
static bool
change_hour(lk_time local, int month)
{
	lk_date day = lk_time_date(local);
	struct lk_ymd d = lk_date_to_ymd(day);
	return d.m == month && day == lk_last_sunday(d.y, month) &&
	       lk_time_minute_of_day(local) / 60 == 3;
}

bool
lk_helsinki_gap(lk_time local)
{
	return change_hour(local, 3);
}

bool
lk_helsinki_repeat(lk_time local)
{
	return change_hour(local, 10);
}

int
lk_hhmm(const char *s)
{
	if (s == NULL || strlen(s) != 5 || s[2] != ':')
		return -1;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (s[i] < '0' || s[i] > '9'))
			return -1;
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 24 || m > 59 || (h == 24 && m != 0))
		return -1;
	return h * 60 + m;
}

bool
lk_hours_parse(const char *s, int *opens, int *closes)
{
	char a[6], b[6];
	if (s == NULL || strlen(s) != 11 || s[5] != '-')
		return false;
	memcpy(a, s, 5);
	a[5] = '\0';
	memcpy(b, s + 6, 5);
	b[5] = '\0';
	int o = lk_hhmm(a), c = lk_hhmm(b);
	if (o < 0 || c < 0 || o >= c)
		return false;
	*opens = o;
	*closes = c;
	return true;
}
