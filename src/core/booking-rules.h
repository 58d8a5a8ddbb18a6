/*
 * booking-rules.h — can this local time be booked? The booking rule of
 * docs/architecture.md#booking-contract as data and pure functions: one row
 * per refusal (the field it names, its English message, the docs/rules.md
 * anchor it comes from), checked in the table's order so the first reason
 * that applies is the one named.
 *
 * The inputs are what the store knows at booking time: the start on the
 * desk's naive Helsinki wall clock, the length, "now", and the hours that
 * apply — the point's opening hours for a meeting at a point (face to face,
 * remote service point), the staff member's working hours for a phone or
 * video meeting. A meeting recorded as already held (`held`) must not lie
 * in the future, and is not held to the hours: it happened.
 *
 * Pure C: no I/O, no clock, no heap.
 */
#ifndef LK_BOOKING_RULES_H
#define LK_BOOKING_RULES_H

#include <stdbool.h>

#include "core/date.h"

enum lk_book_refusal {
	LK_BOOK_OK = 0,
	LK_BOOK_PAST,            /* starts before now (to the minute) */
	LK_BOOK_HELD_FUTURE,     /* recorded as held, but starts after now */
	LK_BOOK_GAP,             /* a local time that does not exist (spring) */
	LK_BOOK_AMBIGUOUS,       /* a local time that occurs twice (autumn) */
	LK_BOOK_NOT_BUSINESS_DAY,/* weekend or public holiday */
	LK_BOOK_NO_HOURS,        /* the point keeps no hours */
	LK_BOOK_BEFORE_OPENING,  /* starts before opening */
	LK_BOOK_AFTER_CLOSING,   /* ends after closing (or past midnight) */
	LK_BOOK_REFUSAL_COUNT
};

/* Which hours a meeting keeps. */
enum lk_book_hours_kind {
	LK_HOURS_POINT,          /* the point's opening hours */
	LK_HOURS_WORK,           /* the staff member's working hours */
};

/* Working hours when the config names none: 08:00–16:00. */
#define LK_WORK_OPENS_DEFAULT (8 * 60)
#define LK_WORK_CLOSES_DEFAULT (16 * 60)

struct lk_book_when {
	lk_time start;           /* local wall clock */
	int minutes;             /* 5–480 */
	lk_time now;
	bool held;               /* recording a meeting already held */
	enum lk_book_hours_kind hours;
	int opens, closes;       /* minutes of the day; opens < 0: no hours */
};

/* The first rule `w` breaks, or LK_BOOK_OK. */
enum lk_book_refusal lk_booking_rule(const struct lk_book_when *w);

/* The field a refusal names ("at", "point"), its English message (a
 * gettext msgid, a printf format given the opening and closing time as two
 * "HH:MM" strings, which only the hours messages use), and its
 * docs/rules.md anchor. NULL for LK_BOOK_OK and values out of range. */
const char *lk_book_refusal_field(enum lk_book_refusal r);
const char *lk_book_refusal_msg(enum lk_book_refusal r, enum lk_book_hours_kind hours);
const char *lk_book_refusal_source(enum lk_book_refusal r);

/* Europe/Helsinki (docs/rules.md#helsinki-time): whether a wall-clock
 * minute does not exist (03:00–03:59 on the last Sunday of March) or
 * occurs twice (03:00–03:59 on the last Sunday of October). */
bool lk_helsinki_gap(lk_time local);
bool lk_helsinki_repeat(lk_time local);

/* "HH:MM" → minutes of the day; -1 when it is not a time of day. */
int lk_hhmm(const char *s);
/* "HH:MM-HH:MM" with opens < closes → true and both minutes. */
bool lk_hours_parse(const char *s, int *opens, int *closes);

#endif
