/*
 * event-rules.c — kinds, weekly recurrence, age, and the table of what an
 * event's attendance counts as (event-rules.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/event-rules.h"

const char *const lk_event_kinds[] = { "info", "targeted", "group", NULL };

/* docs/rules.md#targeted-session-counts: a targeted info session the client
 * was invited to as part of the service process (--obligation) is a
 * supplementary job-search discussion when attended (Act 380/2023 as quoted
 * in 000 "Kohdennetut infotilaisuudet": the invitation "voi olla osa
 * asiakkaan palveluprosessia täydentävänä työnhakukeskusteluna"). A
 * voluntary one, an info event and a group count for nothing. */
static const struct lk_event_credit credits[] = {
	{ "targeted", true, "attended", LK_MEET_SUPPLEMENTARY,
	  "docs/rules.md#targeted-session-counts; Act 380/2023 (000 Kohdennetut infotilaisuudet)" },
};

const struct lk_event_credit *
lk_event_credits(size_t *count)
{
	*count = sizeof credits / sizeof credits[0];
	return credits;
}

enum lk_meeting_kind
lk_event_counts_as(const char *kind, bool obligatory, const char *attendance)
{
	for (size_t i = 0; kind && attendance && i < sizeof credits / sizeof credits[0]; i++)
		if (strcmp(credits[i].kind, kind) == 0 && credits[i].obligatory == obligatory &&
		    strcmp(credits[i].attendance, attendance) == 0)
			return credits[i].counts_as;
	return LK_MEET_OTHER;
}

static const char *const day_names[3][7] = {
	{ "mon", "tue", "wed", "thu", "fri", "sat", "sun" },
	{ "ma", "ti", "ke", "to", "pe", "la", "su" },
	{ "1", "2", "3", "4", "5", "6", "7" },
};

static int
weekday_of(const char *w, size_t len)
{
	for (int set = 0; set < 3; set++)
		for (int d = 0; d < 7; d++)
			if (strlen(day_names[set][d]) == len && strncmp(day_names[set][d], w, len) == 0)
				return d + 1;
	return 0;
}

bool
lk_repeat_parse(const char *s, struct lk_repeat *out)
{
	if (s == NULL)
		return false;
	const char *until = strstr(s, " until ");
	if (until == NULL)
		return false;
	struct lk_repeat r = { 0, LK_NO_DATE };
	const char *p = s;
	while (p < until) {
		const char *end = p;
		while (end < until && *end != ',')
			end++;
		int d = weekday_of(p, (size_t)(end - p));
		if (d == 0)
			return false;
		r.weekdays |= 1u << d;
		p = end < until ? end + 1 : end;
	}
	const char *date = until + strlen(" until ");
	if (r.weekdays == 0 || !lk_date_parse(date, &r.until))
		return false;
	if (out)
		*out = r;
	return true;
}

size_t
lk_repeat_expand(lk_date first, const struct lk_repeat *r, lk_date *out, size_t cap)
{
	size_t n = 0;
	if (first == LK_NO_DATE || r->until == LK_NO_DATE || r->until < first)
		return 0;
	for (lk_date d = first; d <= r->until; d++) {
		if (d != first && !(r->weekdays & (1u << lk_weekday(d))))
			continue;
		if (n < cap)
			out[n] = d;
		n++;
	}
	return n;
}

int
lk_age_on(lk_date birth, lk_date day)
{
	struct lk_ymd b = lk_date_to_ymd(birth), t = lk_date_to_ymd(day);
	int age = t.y - b.y;
	if (t.m < b.m || (t.m == b.m && t.d < b.d))
		age--;
	return age;
}
