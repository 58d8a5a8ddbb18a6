/*
 * event-rules.h — the rules of group sessions and info events that need no
 * store (docs/rules.md#groups-and-events): the kinds, a group's weekly
 * recurrence ("mon,wed until 2026-04-30", each occurrence its own row),
 * a client's age on a day for the invitation filter, and, as data citing
 * docs/rules.md#targeted-session-counts, which attendance counts as which
 * meeting in the statutory cadence: attending an obligatory targeted
 * session is a supplementary job-search discussion.
 *
 * Pure C: no I/O, no heap; the caller owns every array.
 */
#ifndef LK_CORE_EVENT_RULES_H
#define LK_CORE_EVENT_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/cadence.h"
#include "core/date.h"

extern const char *const lk_event_kinds[];        /* info, targeted, group */

/* At most this many occurrences in one series (two a week for a year). */
#define LK_REPEAT_MAX 106

struct lk_repeat {
	unsigned weekdays;   /* bit 1 = Monday … bit 7 = Sunday */
	lk_date until;       /* the last day an occurrence may fall on */
};

/* Parse "mon,wed until 2026-04-30" (weekdays also as ma,ti,ke,to,pe,la,su
 * or 1–7; the date also d.m.yyyy). False when it does not parse. */
bool lk_repeat_parse(const char *s, struct lk_repeat *out);
/* The days of a series that starts on `first` (itself always the first
 * occurrence), then every listed weekday after it up to `until`, into out
 * (capacity cap). Returns how many there are, which may exceed cap. */
size_t lk_repeat_expand(lk_date first, const struct lk_repeat *r, lk_date *out, size_t cap);

/* Whole years of a person born on `birth` on `day`. */
int lk_age_on(lk_date birth, lk_date day);

/* Which attendance counts as which meeting for the cadence. */
struct lk_event_credit {
	const char *kind;            /* event kind */
	bool obligatory;             /* the invitation was part of the service process */
	const char *attendance;      /* "attended" */
	enum lk_meeting_kind counts_as;
	const char *source;          /* docs/rules.md anchor and the Act */
};
/* The meeting an attendance counts as; LK_MEET_OTHER when none. */
enum lk_meeting_kind lk_event_counts_as(const char *kind, bool obligatory,
                                        const char *attendance);
const struct lk_event_credit *lk_event_credits(size_t *count);

#endif
