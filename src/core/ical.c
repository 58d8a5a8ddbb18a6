/*
 * ical.c — Helsinki time, TEXT escaping and line folding for iCalendar
 * export (RFC 5545). See ical.h for the rules and their sources.
 */
#include <stdio.h>
#include <string.h>

#include "core/ical.h"

/* The EU summer-time rule (Directive 2000/84/EC, art. 2–3): summer time
 * from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
 * Sunday of October; Finland's standard time is UTC+2 (EET). */
static const struct {
	int month;        /* the change is on this month's last Sunday */
	int utc_minute;   /* at this minute of the day, UTC */
} eu_rule[2] = {
	{ 3, 60 },    /* start of summer time: 03:00 EET → 04:00 EEST */
	{ 10, 60 },   /* end of summer time:   04:00 EEST → 03:00 EET */
};
enum { EET = 120, EEST = 180 };

lk_date
lk_last_sunday(int year, int month)
{
	lk_date d = lk_date_from_ymd(year, month, lk_days_in_month(year, month));
	return d - (lk_weekday(d) % 7);
}

int
lk_helsinki_offset_at(lk_time utc)
{
	int y = lk_date_to_ymd(lk_time_date(utc)).y;
	lk_time on = lk_time_make(lk_last_sunday(y, eu_rule[0].month), 0, 0) + eu_rule[0].utc_minute;
	lk_time off = lk_time_make(lk_last_sunday(y, eu_rule[1].month), 0, 0) + eu_rule[1].utc_minute;
	return utc >= on && utc < off ? EEST : EET;
}

int
lk_helsinki_offset(lk_time local)
{
	int y = lk_date_to_ymd(lk_time_date(local)).y;
	/* In local time summer time begins at 04:00 EEST (the gap 03:00–03:59
	 * keeps the offset before it) and ends at 04:00 EEST (the repeated
	 * hour 03:00–03:59 is its first, summer-time occurrence): §3.3.5. */
	lk_time on = lk_time_make(lk_last_sunday(y, eu_rule[0].month), 0, 0) +
		eu_rule[0].utc_minute + EEST;
	lk_time off = lk_time_make(lk_last_sunday(y, eu_rule[1].month), 0, 0) +
		eu_rule[1].utc_minute + EEST;
	return local >= on && local < off ? EEST : EET;
}

lk_time
lk_helsinki_to_utc(lk_time local)
{
	return local - lk_helsinki_offset(local);
}

static char *
stamp(lk_time t, const char *suffix, char *buf, size_t size)
{
	struct lk_ymd d = lk_date_to_ymd(lk_time_date(t));
	int m = lk_time_minute_of_day(t);
	snprintf(buf, size, "%04d%02d%02dT%02d%02d00%s", d.y, d.m, d.d, m / 60, m % 60, suffix);
	return buf;
}

char *
lk_ical_local(lk_time t, char *buf, size_t size)
{
	return stamp(t, "", buf, size);
}

char *
lk_ical_utc(lk_time utc, char *buf, size_t size)
{
	return stamp(utc, "Z", buf, size);
}

int
lk_ical_escape(const char *in, char *buf, size_t size)
{
	size_t n = 0;
	if (size == 0)
		return -1;
	for (const char *p = in ? in : ""; *p; p++) {
		char esc[2] = { 0, 0 };
		int k = 1;
		unsigned char c = (unsigned char)*p;
		if (c == '\\' || c == ';' || c == ',') {
			esc[0] = '\\', esc[1] = (char)c, k = 2;
		} else if (c == '\n') {
			esc[0] = '\\', esc[1] = 'n', k = 2;
		} else if (c == '\r') {
			continue;
		} else {
			esc[0] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
		}
		if (n + (size_t)k >= size) {
			buf[n] = '\0';
			return -1;
		}
		memcpy(buf + n, esc, (size_t)k);
		n += (size_t)k;
	}
	buf[n] = '\0';
	return (int)n;
}

int
lk_ical_fold(const char *line, char *buf, size_t size)
{
	size_t n = 0, len = strlen(line), i = 0;
	int room = LK_ICAL_FOLD;   /* octets left on this physical line */
	while (i < len) {
		/* The next whole UTF-8 character: a lead byte and its continuations. */
		size_t k = 1;
		while (i + k < len && ((unsigned char)line[i + k] & 0xc0) == 0x80)
			k++;
		if ((int)k > room) {
			if (n + 3 >= size)
				return -1;
			memcpy(buf + n, "\r\n ", 3);
			n += 3;
			room = LK_ICAL_FOLD - 1;
		}
		if (n + k >= size)
			return -1;
		memcpy(buf + n, line + i, k);
		n += k, i += k, room -= (int)k;
	}
	if (n + 3 > size)
		return -1;
	memcpy(buf + n, "\r\n", 3);
	return (int)n + 2;
}

/* DTSTART of each rule: the first change under the present EU rule
 * (1996), in the local time before the change, as §3.6.5 wants. */
static const char vtimezone[] =
	"BEGIN:VTIMEZONE\r\n"
	"TZID:" LK_ICAL_TZID "\r\n"
	"X-LIC-LOCATION:" LK_ICAL_TZID "\r\n"
	"BEGIN:DAYLIGHT\r\n"
	"TZOFFSETFROM:+0200\r\n"
	"TZOFFSETTO:+0300\r\n"
	"TZNAME:EEST\r\n"
	"DTSTART:19960331T030000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
	"END:DAYLIGHT\r\n"
	"BEGIN:STANDARD\r\n"
	"TZOFFSETFROM:+0300\r\n"
	"TZOFFSETTO:+0200\r\n"
	"TZNAME:EET\r\n"
	"DTSTART:19961027T040000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
	"END:STANDARD\r\n"
	"END:VTIMEZONE\r\n";

const char *
lk_ical_vtimezone(void)
{
	return vtimezone;
}
