/*
 * ical.h — the pure parts of an iCalendar (RFC 5545) export: Helsinki
 * time and its daylight-saving changes, TEXT escaping, line folding.
 *
 * Appointments are stored on the Finnish wall clock (core/date.h); the
 * export writes them as DTSTART;TZID=Europe/Helsinki local times with a
 * VTIMEZONE, and DTSTAMP in UTC. Europe/Helsinki follows the EU rule
 * (Directive 2000/84/EC, in force since 1996): EET (UTC+2) in winter,
 * EEST (UTC+3) from the last Sunday of March 01:00 UTC (03:00 local →
 * 04:00) to the last Sunday of October 01:00 UTC (04:00 local → 03:00).
 *
 * Local times that do not exist or occur twice are read as RFC 5545
 * §3.3.5 says: a time in the spring gap (03:00–03:59) with the offset
 * before the gap (+02:00), a repeated autumn time (03:00–03:59) as its
 * first occurrence (+03:00).
 *
 * Pure C: never touches I/O, the clock, the locale, SQLite or the heap.
 */
#ifndef LK_CORE_ICAL_H
#define LK_CORE_ICAL_H

#include <stddef.h>

#include "core/date.h"

#define LK_ICAL_TZID "Europe/Helsinki"
#define LK_ICAL_FOLD 75   /* octets per line, CRLF not counted (§3.1) */

/* The UTC offset in minutes (120 or 180) of a Helsinki wall-clock time. */
int lk_helsinki_offset(lk_time local);
/* A Helsinki wall-clock time as a UTC time (both in lk_time minutes). */
lk_time lk_helsinki_to_utc(lk_time local);
/* The UTC offset in minutes of Helsinki at a UTC instant. */
int lk_helsinki_offset_at(lk_time utc);
/* The last Sunday of a month (3 or 10 for the changes). */
lk_date lk_last_sunday(int year, int month);

/* "YYYYMMDDTHHMMSS" (local, for TZID) into buf (>= 16 bytes). */
char *lk_ical_local(lk_time t, char *buf, size_t size);
/* "YYYYMMDDTHHMMSSZ" (UTC) into buf (>= 17 bytes). */
char *lk_ical_utc(lk_time utc, char *buf, size_t size);

/* Escape a TEXT value (§3.3.11): backslash, semicolon and comma get a
 * backslash, a newline becomes "\n", a CR is dropped, other control
 * characters become spaces. Returns the length written, or -1 when buf
 * is too small (buf then holds a cut but valid prefix). */
int lk_ical_escape(const char *in, char *buf, size_t size);

/* One content line folded (§3.1): lines of at most 75 octets, each ended
 * by CRLF, continuation lines starting with a space; a fold never splits
 * a UTF-8 character. Returns the length written, or -1 when buf is too
 * small. */
int lk_ical_fold(const char *line, char *buf, size_t size);

/* The VTIMEZONE component for Europe/Helsinki, CRLF-ended lines. */
const char *lk_ical_vtimezone(void);

#endif
