/*
 * cmd-ical.c — `luukku ical --staff ID|--point ID [--from DATE] [--to DATE]
 * [--names] [--out FILE]`: a staff member's or a point's bookings as an
 * iCalendar file (RFC 5545) for Outlook, Google Calendar or Thunderbird.
 *
 * Times are DTSTART;TZID=Europe/Helsinki wall-clock times, as stored, with
 * the zone's VTIMEZONE (core/ical.h); DTSTAMP is UTC. UID is the booking's
 * id @ the area, so importing again updates the same events; SEQUENCE is
 * the number of steps in the booking's history after the first, so a
 * moved or cancelled booking replaces the older copy.
 *
 * Cancelled bookings stay in the file with STATUS:CANCELLED rather than
 * being left out: a calendar that imported the booking earlier learns of
 * the cancellation through the same UID, where an omitted event would
 * stand there still.
 *
 * The client in SUMMARY: a staff calendar leaves the office — it is synced
 * to cloud services, shown on phone lock screens and in reminders — and a
 * name beside "TYM plan update" tells a stranger who is an unemployed
 * client and in which service. By default only the client's initials go
 * in (enough to tell one's own meetings apart); --names puts the full name
 * in for a calendar that stays on the desk. The identity code never does.
 *
 * The staff member's hosted group sessions and info events (store/event.h),
 * or a point's, go in too: UID the event's id @ the area, SUMMARY its
 * title and kind, a cancelled one STATUS:CANCELLED (SEQUENCE 1). They name
 * no client. --public with --point writes only the point's open info events,
 * without staff or list figures: the feed for the area's web pages and the
 * Työmarkkinatori event calendar.
 *
 * The export is audited (docs/architecture.md#audit: exporting is audited): one row for the
 * calendar, and one per client in it, so `luukku audit --client` answers
 * "who has exported my data?".
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include <time.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "core/ical.h"
#include "i18n.h"
#include "store/appointment.h"
#include "store/area.h"
#include "store/audit.h"
#include "store/event.h"
#include "store/staff.h"

#define MAX_DAYS 366   /* one export covers at most a year */

struct list {
	struct lk_appointment *a;
	size_t n, cap;
	bool oom;
};

static int
collect(const struct lk_appointment *a, void *ctx)
{
	struct list *l = ctx;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		struct lk_appointment *p = realloc(l->a, cap * sizeof *p);
		if (p == NULL) {
			l->oom = true;
			return 1;
		}
		l->a = p, l->cap = cap;
	}
	l->a[l->n++] = *a;
	return 0;
}

static int
count_event(const struct lk_appointment_event *e, void *ctx)
{
	(void)e;
	++*(int *)ctx;
	return 0;
}

/* "Virtanen Matti" -> "V. M.": the first character (whole UTF-8) of each word. */
static void
initials(const char *name, char *buf, size_t size)
{
	size_t n = 0;
	buf[0] = '\0';
	for (const char *p = name; *p; ) {
		while (*p == ' ' || *p == '-')
			p++;
		if (!*p)
			break;
		size_t k = 1;
		while (((unsigned char)p[k] & 0xc0) == 0x80)
			k++;
		if (n + k + 3 >= size)
			break;
		if (n)
			buf[n++] = ' ';
		memcpy(buf + n, p, k);
		n += k;
		buf[n++] = '.';
		buf[n] = '\0';
		while (*p && *p != ' ' && *p != '-')
			p++;
	}
}

/* One property: NAME[;params]:value, the value TEXT-escaped when `text`. */
static void
prop(FILE *f, const char *name, const char *value, bool text)
{
	char esc[2048], line[2200], folded[2600];
	if (text) {
		char clean[2048];
		/* The output rule; the line breaks a DESCRIPTION is built with stay,
		 * for lk_ical_escape to write as "\n" (without LK_CLEAN_LF each
		 * became U+FFFD). */
		lk_text_clean(value, LK_CLEAN_LF, clean, sizeof clean);
		lk_ical_escape(clean, esc, sizeof esc);   /* cut when too long: still valid */
		value = esc;
	}
	snprintf(line, sizeof line, "%s:%s", name, value);
	if (lk_ical_fold(line, folded, sizeof folded) > 0)
		fputs(folded, f);
}

/* DTSTAMP: the moment of export in UTC: the desk's Helsinki wall clock
 * (lk_now(), which only a test build lets $LUUKKU_NOW pin) converted. */
static lk_time
stamp_utc(void)
{
	return lk_helsinki_to_utc(lk_now());
}

static void
event(FILE *f, struct lk_store *st, const struct lk_appointment *a, const char *area,
      bool by_point, bool names, const char *dtstamp)
{
	char buf[1024], b2[64], who[256];
	fputs("BEGIN:VEVENT\r\n", f);
	snprintf(buf, sizeof buf, "%s@%s", a->id, area);
	prop(f, "UID", buf, false);
	prop(f, "DTSTAMP", dtstamp, false);
	prop(f, "DTSTART;TZID=" LK_ICAL_TZID, lk_ical_local(a->start, b2, sizeof b2), false);
	/* The end is start + minutes of real time: across a change of clocks
	 * (night hours only) the wall clock moves by more or less. An end in
	 * the repeated autumn hour cannot be named in local time (it would read
	 * as the first 03:xx): it is written in UTC instead, which RFC 5545
	 * allows beside a TZID start. */
	lk_time end_utc = lk_helsinki_to_utc(a->start) + a->minutes;
	lk_time end = end_utc + lk_helsinki_offset_at(end_utc);
	if (lk_helsinki_to_utc(end) == end_utc)
		prop(f, "DTEND;TZID=" LK_ICAL_TZID, lk_ical_local(end, b2, sizeof b2), false);
	else
		prop(f, "DTEND", lk_ical_utc(end_utc, b2, sizeof b2), false);
	int steps = 0;
	lk_appointment_history(st, a->id, count_event, &steps, NULL);
	snprintf(b2, sizeof b2, "%d", steps > 0 ? steps - 1 : 0);
	prop(f, "SEQUENCE", b2, false);

	who[0] = '\0';
	if (a->client_name[0]) {
		if (names)
			snprintf(who, sizeof who, "%s", a->client_name);
		else
			initials(a->client_name, who, sizeof who);
	}
	const char *kind = _(lk_appointment_kind_label(a->kind));
	int n = snprintf(buf, sizeof buf, "%s%s%s", kind, who[0] ? ": " : "", who);
	if (by_point && n > 0 && (size_t)n < sizeof buf)
		snprintf(buf + n, sizeof buf - (size_t)n, " (%s)", a->staff_name);
	prop(f, "SUMMARY", buf, true);

	bool at_point = strcmp(a->channel, "face") == 0 || strcmp(a->channel, "remote-point") == 0;
	struct lk_point p;
	if (at_point && a->point_id[0] && lk_point_get(st, a->point_id, &p, NULL) == LK_OK) {
		n = snprintf(buf, sizeof buf, "%s", p.name);
		if (p.street[0])
			n += snprintf(buf + n, sizeof buf - (size_t)n, ", %s", p.street);
		if (p.postcode[0] || p.town[0])
			snprintf(buf + n, sizeof buf - (size_t)n, ", %s%s%s", p.postcode,
			         p.postcode[0] && p.town[0] ? " " : "", p.town);
		prop(f, "LOCATION", buf, true);
	} else {
		prop(f, "LOCATION", _(lk_channel_label(a->channel)), true);
	}

	n = snprintf(buf, sizeof buf, "%s: %s\n%s: %s", _("Channel"), _(lk_channel_label(a->channel)),
	             _("Staff"), a->staff_name);
	if (a->room_name[0])
		n += snprintf(buf + n, sizeof buf - (size_t)n, "\n%s: %s", _("Room"), a->room_name);
	if (a->interpreter[0])
		snprintf(buf + n, sizeof buf - (size_t)n, "\n%s: %s", _("Interpreter"), a->interpreter);
	prop(f, "DESCRIPTION", buf, true);
	bool cancelled = strcmp(a->status, "cancelled") == 0;
	prop(f, "STATUS", cancelled ? "CANCELLED" : "CONFIRMED", false);
	prop(f, "TRANSP", cancelled ? "TRANSPARENT" : "OPAQUE", false);
	fputs("END:VEVENT\r\n", f);
}

struct events {
	struct lk_event *e;
	size_t n, cap;
	bool oom;
};

static int
collect_event(const struct lk_event *e, void *ctx)
{
	struct events *l = ctx;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct lk_event *p = realloc(l->e, cap * sizeof *p);
		if (p == NULL) {
			l->oom = true;
			return 1;
		}
		l->e = p, l->cap = cap;
	}
	l->e[l->n++] = *e;
	return 0;
}

/* One group session or info event as a VEVENT. */
static void
group_event(FILE *f, const struct lk_event *e, const char *area, const char *dtstamp,
            bool public_feed)
{
	char buf[1024], b2[64];
	bool cancelled = strcmp(e->status, "cancelled") == 0;
	fputs("BEGIN:VEVENT\r\n", f);
	snprintf(buf, sizeof buf, "%s@%s", e->id, area);
	prop(f, "UID", buf, false);
	prop(f, "DTSTAMP", dtstamp, false);
	prop(f, "DTSTART;TZID=" LK_ICAL_TZID, lk_ical_local(e->start, b2, sizeof b2), false);
	lk_time end_utc = lk_helsinki_to_utc(e->start) + e->minutes;
	lk_time end = end_utc + lk_helsinki_offset_at(end_utc);
	if (lk_helsinki_to_utc(end) == end_utc)
		prop(f, "DTEND;TZID=" LK_ICAL_TZID, lk_ical_local(end, b2, sizeof b2), false);
	else
		prop(f, "DTEND", lk_ical_utc(end_utc, b2, sizeof b2), false);
	prop(f, "SEQUENCE", cancelled ? "1" : "0", false);
	const char *kind = strcmp(e->kind, "info") == 0 ? _("Info event")
		: strcmp(e->kind, "targeted") == 0 ? _("Targeted session") : _("Group");
	snprintf(buf, sizeof buf, "%s: %s", kind, e->title);
	prop(f, "SUMMARY", buf, true);
	snprintf(buf, sizeof buf, "%s%s%s%s%s", e->point_name, e->room_name[0] ? ", " : "",
	         e->room_name, e->link[0] ? ", " : "", e->link);
	prop(f, "LOCATION", buf, true);
	int n;
	if (public_feed) {
		/* For the area's pages: what the event is, not who works or who comes. */
		n = snprintf(buf, sizeof buf, "%s", e->description);
		if (e->partner[0] && n >= 0 && (size_t)n < sizeof buf)
			snprintf(buf + n, sizeof buf - (size_t)n, "%s%s: %s", n ? "\n" : "",
			         _("Partner"), e->partner);
	} else {
		n = snprintf(buf, sizeof buf, "%s: %s", _("Staff"), e->host_name);
		if (e->partner[0] && n > 0 && (size_t)n < sizeof buf)
			n += snprintf(buf + n, sizeof buf - (size_t)n, "\n%s: %s", _("Partner"), e->partner);
		if (n > 0 && (size_t)n < sizeof buf)
			snprintf(buf + n, sizeof buf - (size_t)n, "\n%s: %d/%d", _("Signed up"),
			         e->signed_up + e->attended + e->no_show, e->capacity);
	}
	prop(f, "DESCRIPTION", buf, true);
	prop(f, "STATUS", cancelled ? "CANCELLED" : "CONFIRMED", false);
	prop(f, "TRANSP", cancelled ? "TRANSPARENT" : "OPAQUE", false);
	fputs("END:VEVENT\r\n", f);
}

static int
exec_ical(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *staff = NULL, *point = NULL;
	lk_date from = lk_today(), to = LK_NO_DATE;
	bool names = false, public_feed = false;
	struct cmd_out out = { 0 };
	struct cmd_opt opts[] = {
		CMD_STRING("staff", &staff),
		CMD_STRING("point", &point),
		CMD_DATE("from", &from),
		CMD_DATE("to", &to),
		CMD_FLAG("names", &names),
		CMD_FLAG("public", &public_feed),
		CMD_STRING("out", &out.path),
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	if ((staff == NULL) == (point == NULL))
		return cmd_usage(ctx, "staff", _("give one of --staff ID and --point ID"));
	if (public_feed && point == NULL)
		return cmd_usage(ctx, "public", _("the public feed is a point's (--point ID)"));
	if (to == LK_NO_DATE)
		to = from + 90;
	if (to < from)
		return cmd_usage(ctx, "to", _("the end comes before the start"));
	if (to - from + 1 > MAX_DAYS)
		return cmd_usage(ctx, "to", _("an export covers at most %d days"), MAX_DAYS);

	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct list l = { 0 };
	struct events ev = { 0 };
	char area[65] = "", calname[300], dtstamp[20];
	char *text = NULL;
	size_t len = 0;
	struct lk_staff who;
	struct lk_point where;
	if (staff && lk_staff_get(st, staff, &who, &err) != LK_OK)
		goto fail;
	if (point && lk_point_get(st, point, &where, &err) != LK_OK)
		goto fail;
	if (lk_area_current(st, area, sizeof area) != LK_OK || !area[0])
		snprintf(area, sizeof area, "luukku");
	for (lk_date d = from; d <= to; d += 92) {
		int days = to - d + 1 < 92 ? to - d + 1 : 92;
		if (!public_feed && lk_agenda(st, staff, point, d, days, collect, &l, &err) != LK_OK)
			goto fail;
		if (lk_event_list(st, point, staff, d, days, collect_event, &ev, &err) != LK_OK)
			goto fail;
		if (l.oom || ev.oom) {
			lk_err_set(&err, LK_EFAIL, "", "out of memory");
			goto fail;
		}
	}

	FILE *f = open_memstream(&text, &len);
	if (f == NULL) {
		lk_err_set(&err, LK_EFAIL, "", "out of memory");
		goto fail;
	}
	if (public_feed) {
		/* Only the open info events: the feed for the area's pages. */
		size_t k = 0;
		for (size_t i = 0; i < ev.n; i++)
			if (strcmp(ev.e[i].kind, "info") == 0)
				ev.e[k++] = ev.e[i];
		ev.n = k;
	}
	if (public_feed)
		snprintf(calname, sizeof calname, "%s: %s", where.name, _("info events"));
	else if (staff)
		snprintf(calname, sizeof calname, "Luukku: %s %s", who.surname, who.given_names);
	else
		snprintf(calname, sizeof calname, "Luukku: %s", where.name);
	fputs("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", f);
	prop(f, "PRODID", "-//Luukku//Luukku agenda export//FI", false);
	fputs("CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n", f);
	prop(f, "X-WR-CALNAME", calname, true);
	prop(f, "X-WR-TIMEZONE", LK_ICAL_TZID, false);
	fputs(lk_ical_vtimezone(), f);
	lk_ical_utc(stamp_utc(), dtstamp, sizeof dtstamp);
	for (size_t i = 0; i < l.n; i++)
		event(f, st, &l.a[i], area, point != NULL, names, dtstamp);
	for (size_t i = 0; i < ev.n; i++)
		group_event(f, &ev.e[i], area, dtstamp, public_feed);
	fputs("END:VCALENDAR\r\n", f);
	if (fclose(f) != 0) {
		lk_err_set(&err, LK_EFAIL, "", "out of memory");
		goto fail;
	}

	if ((status = cmd_out_stage(ctx, &out, text, len)))
		goto done;
	/* Audit in one transaction: the calendar, then each client in it once. */
	char detail[256], d0[16], d1[16];
	snprintf(detail, sizeof detail, "ical %s %s %s..%s, %zu events, %s",
	         public_feed ? "public" : staff ? "staff" : "point",
	         staff ? staff : point, lk_date_iso(from, d0, sizeof d0), lk_date_iso(to, d1, sizeof d1),
	         l.n, names ? "names" : "initials");
	bool audited = lk_store_begin(st, &err) == LK_OK;
	if (audited)
		audited = lk_audit(st, ctx->staff_id, "export", NULL, detail, &err) == LK_OK;
	for (size_t i = 0; audited && i < l.n; i++) {
		bool seen = !l.a[i].client_id[0];
		for (size_t j = 0; !seen && j < i; j++)
			seen = strcmp(l.a[j].client_id, l.a[i].client_id) == 0;
		if (!seen)
			audited = lk_audit(st, ctx->staff_id, "export", l.a[i].client_id, "ical",
			                   &err) == LK_OK;
	}
	if (audited)
		audited = lk_store_commit(st, &err) == LK_OK;
	else
		lk_store_rollback(st);
	if (!audited) {
		cmd_out_finish(ctx, &out, text, len, false);
		goto fail;
	}
	status = cmd_out_finish(ctx, &out, text, len, true);
	goto done;
fail:
	status = cmd_fail(ctx, &err);
done:
	free(text);
	free(l.a);
	free(ev.e);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_ical_entry = {
	"ical", NULL,
	"--staff ID|--point ID [--public] [--from DATE] [--to DATE] [--names] [--out FILE]",
	N_("the bookings and events as an iCalendar file for Outlook and other calendars"), exec_ical,
};
