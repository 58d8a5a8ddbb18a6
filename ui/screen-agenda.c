/*
 * screen-agenda.c — the calendar, calcurse-like: a caseworker's own day,
 * a day or a week per staff member and per service point, and what
 * happens to a booking there — check-in, held, no-show, cancel, move —
 * and the client's appointment letter, written to a file (store/letter.h)
 * under the data directory's letters/ and audited like `luukku letter`.
 * Booking from here first asks for whom (type-ahead, the picker's
 * answer comes back as a result), and a booking made or moved comes back
 * here to be shown chosen in its calendar.
 * Any staff member's or point's calendar is reached from here: s opens a
 * type-ahead over every staff member and point of the area (a colleague's
 * calendar shows their bookings at every point they serve), and the usual
 * keys then move or cancel a booking there, with the role's rights.
 *
 * Reads and writes only through the store's appointment API (every step is
 * kept in the booking's history); never writes SQL, never clears the
 * screen. Fits 80×24: one line per booking, a heading per day in the week.
 * The group sessions and info events the staff member hosts (or at the
 * point) come among the bookings by start, on lines of their own that are
 * not chosen (store/event.h; the events screen, F12 or e, works on them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "i18n.h"
#include "store/appointment.h"
#include "store/area.h"
#include "store/event.h"
#include "store/letter.h"
#include "store/slots.h"
#include "store/staff.h"
#include "ui/draw.h"
#include "ui/letter-file.h"
#include "ui/ui.h"

#define ROWS_MAX 400
#define CHOICES_MAX 400   /* staff and points of an area */
#define EVENTS_MAX 40
#define LIST_TOP 3        /* body row of the first line of the list */

/* One line of the list: a day heading (appt and event < 0), a booking
 * (appt) or an event (event: into ag.events, appt -1). */
struct line {
	lk_date day;
	int appt;
	int event;
};

static struct {
	bool ready;
	bool by_point;
	bool week;
	char staff[65], staff_name[204];
	char point[65], point_name[128];
	char hours[16];                 /* "08:30–15:30" of the day's point */
	lk_date day;
	struct lk_appointment rows[ROWS_MAX];
	int n;
	bool more, failed;
	struct lk_event events[EVENTS_MAX];
	int nev;
	struct line lines[ROWS_MAX + EVENTS_MAX + 8];
	int nlines;
	int sel;                        /* index into rows, -1 for none */
	int esel;                       /* an event line chosen instead: into events, -1 for none */
	int top;                        /* first line shown */
	char select_id[65];             /* choose this booking after loading */
	char confirm[65];               /* cancel pressed once for this booking */
	char book_staff[65];            /* whose calendar a booking starts from */
	/* Choosing whose calendar: a type-ahead over staff and points. */
	bool choosing;
	char query[96];
	struct choice {
		bool point;
		char id[65];
		char name[204];
		char where[128];
	} all[CHOICES_MAX], *shown[CHOICES_MAX];
	int nall, nshown, csel, ctop;
} ag;

static const struct lk_screen_key keys[] = {
	{ LK_VK_HELP, N_("Help"), NULL },
	{ LK_VK_PREV, NULL, N_("Previous day (week)") },
	{ LK_VK_NEXT, NULL, N_("Next day (week)") },
	{ LK_VK_BACK, N_("Back"), NULL },
	{ LK_VK_BOOK, N_("Book"), N_("Book a meeting in this calendar") },
	{ LK_VK_WEEK, N_("Week"), NULL },
	{ LK_VK_WHO, N_("Point"), NULL },
	{ LK_VK_RESCHEDULE, N_("Move"), NULL },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	{ LK_VK_CHECKIN, NULL, NULL },
	{ LK_VK_DONE, NULL, NULL },
	{ LK_VK_NOSHOW, NULL, NULL },
	{ LK_VK_CANCEL, NULL, NULL },
	{ LK_VK_LETTER, NULL, NULL },
	{ LK_VK_EVENTS, NULL, N_("The week's group sessions and info events") },
	{ LK_VK_TODAY, NULL, NULL },
	{ LK_VK_NEXT_STAFF, NULL, N_("Choose any staff member or point by name") },
	{ LK_VK_UP, NULL, N_("Previous booking or event") },
	{ LK_VK_DOWN, NULL, N_("Next booking or event") },
	{ LK_VK_PGUP, NULL, NULL },
	{ LK_VK_PGDN, NULL, NULL },
	{ LK_VK_REDRAW, NULL, NULL },
	{ LK_VK_OPEN, NULL, N_("On an event line: open the event on the events screen. "
	                      "Choosing: open the chosen calendar") },
	{ LK_VK_ERASE, NULL, NULL },
	{ LK_VK_CLEAR, NULL, NULL },
};

static const char *const weekdays[] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

/* "ti 3.3.2026" */
static char *
day_label(lk_date d, char *buf, size_t size)
{
	char date[16];
	snprintf(buf, size, "%s %s", _(weekdays[lk_weekday(d) - 1]), lk_date_fi(d, date, sizeof date));
	return buf;
}

/* The first day shown: the day, or the Monday of its week. */
static lk_date
first_day(void)
{
	return ag.week ? ag.day - (lk_weekday(ag.day) - 1) : ag.day;
}

static int
collect(const struct lk_appointment *a, void *ctx)
{
	(void)ctx;
	if (ag.n >= ROWS_MAX) {
		ag.more = true;
		return 1;
	}
	ag.rows[ag.n++] = *a;
	return 0;
}

static int
collect_event(const struct lk_event *e, void *ctx)
{
	(void)ctx;
	if (ag.nev >= EVENTS_MAX)
		return 1;
	ag.events[ag.nev++] = *e;
	return 0;
}

/* Set the staff member (and their point of the day when not by point). */
static void
set_staff(struct lk_ui *ui, const char *id)
{
	struct lk_staff s;
	snprintf(ag.staff, sizeof ag.staff, "%s", id);
	if (lk_staff_get(ui->st, id, &s, NULL) == LK_OK)
		snprintf(ag.staff_name, sizeof ag.staff_name, "%s %s", s.surname, s.given_names);
	else
		snprintf(ag.staff_name, sizeof ag.staff_name, "%s", id);
}

static void
set_point(struct lk_ui *ui, const char *id)
{
	struct lk_point p;
	snprintf(ag.point, sizeof ag.point, "%s", id);
	ag.hours[0] = '\0';
	if (lk_point_get(ui->st, id, &p, NULL) == LK_OK) {
		snprintf(ag.point_name, sizeof ag.point_name, "%s", p.name);
		snprintf(ag.hours, sizeof ag.hours, "%s–%s", p.opens, p.closes);
	} else {
		snprintf(ag.point_name, sizeof ag.point_name, "%s", id);
	}
}

/* The staff member's point on the shown day (for the heading and the
 * point view). */
static void
staff_day_point(struct lk_ui *ui)
{
	struct lk_served_point pts[LK_SERVED_MAX];
	size_t n = 0;
	if (lk_staff_points(ui->st, ag.staff, pts, LK_SERVED_MAX, &n, NULL) != LK_OK || n == 0)
		return;
	int i = lk_staff_point_on(pts, n, ag.day);
	set_point(ui, pts[i >= 0 ? i : 0].point_id);
}

/* Build the list lines: in a week, a heading for every day with bookings
 * and for every business day without. */
static void
build_lines(void)
{
	ag.nlines = 0;
	int r = 0;
	int days = ag.week ? 7 : 1;
	lk_date d0 = first_day();
	int e = 0;
	for (lk_date d = d0; d < d0 + days; d++) {
		bool any = (r < ag.n && lk_time_date(ag.rows[r].start) == d) ||
		           (e < ag.nev && lk_time_date(ag.events[e].start) == d);
		if (ag.week && (any || lk_weekday(d) <= 5))
			ag.lines[ag.nlines++] = (struct line){ d, -1, -1 };
		/* Bookings and events of the day by start, a booking first at the same time. */
		for (;;) {
			bool ra = r < ag.n && lk_time_date(ag.rows[r].start) == d;
			bool ea = e < ag.nev && lk_time_date(ag.events[e].start) == d;
			if (ra && (!ea || ag.rows[r].start <= ag.events[e].start))
				ag.lines[ag.nlines++] = (struct line){ d, r++, -1 };
			else if (ea)
				ag.lines[ag.nlines++] = (struct line){ d, -1, e++ };
			else
				break;
		}
	}
}

/* Read the bookings shown. */
static void
load(struct lk_ui *ui)
{
	struct lk_err err = { 0 };
	char keep[65];
	snprintf(keep, sizeof keep, "%s", ag.select_id[0] ? ag.select_id
	         : ag.sel >= 0 && ag.sel < ag.n ? ag.rows[ag.sel].id : "");
	ag.select_id[0] = '\0';
	ag.n = 0;
	ag.more = ag.failed = false;
	if (!ag.by_point && ag.staff[0])
		staff_day_point(ui);
	if (lk_agenda(ui->st, ag.by_point ? NULL : ag.staff, ag.by_point ? ag.point : NULL,
	              first_day(), ag.week ? 7 : 1, collect, NULL, &err) != LK_OK) {
		ag.failed = true;
		lk_ui_message(ui, true, "%s: %s", _("The calendar cannot be shown"), err.msg);
	}
	ag.nev = 0;
	lk_event_list(ui->st, ag.by_point ? ag.point : NULL, ag.by_point ? NULL : ag.staff,
	              first_day(), ag.week ? 7 : 1, collect_event, NULL, &err);
	build_lines();
	ag.esel = -1;
	ag.sel = ag.n > 0 ? 0 : -1;
	for (int i = 0; i < ag.n && keep[0]; i++)
		if (strcmp(ag.rows[i].id, keep) == 0)
			ag.sel = i;
	ag.confirm[0] = '\0';
}

/* The desk's own subject: its staff member, else its point, else anyone. */
static void
default_subject(struct lk_ui *ui)
{
	ag.by_point = false;
	if (ui->opt->staff_id && ui->opt->staff_id[0]) {
		set_staff(ui, ui->opt->staff_id);
	} else if (ui->opt->point_id && ui->opt->point_id[0]) {
		set_point(ui, ui->opt->point_id);
		ag.by_point = true;
	}
	ag.ready = true;
}

/* Show nav->staff_id's calendar (NULL: as it was, at first the desk's
 * own) on nav->day (today when left out), with nav->appointment_id (may
 * be NULL) chosen. */
static bool
open_agenda(struct lk_ui *ui, const struct lk_nav *nav)
{
	if (!ag.ready)
		default_subject(ui);
	if (nav->staff_id && nav->staff_id[0]) {
		set_staff(ui, nav->staff_id);
		ag.by_point = false;
	}
	ag.day = nav->day == LK_NO_DATE ? lk_today() : nav->day;
	ag.choosing = false;
	snprintf(ag.select_id, sizeof ag.select_id, "%s",
	         nav->appointment_id ? nav->appointment_id : "");
	if (!ag.by_point && ag.staff[0] == '\0' && ag.point[0] == '\0') {
		lk_ui_message(ui, true, "%s", _("No staff member or point for this desk: set [desk] in the config"));
		return false;
	}
	ag.sel = -1;
	ag.top = 0;
	load(ui);
	return true;
}

static void
enter(struct lk_ui *ui)
{
	(void)ui;
}

/* An answer: the client to book for (the picker; none: a meeting without
 * one), or where a booking was made or moved (the booking screen): show
 * it here. */
static void
result(struct lk_ui *ui, const struct lk_nav *r)
{
	if (r->request == LK_REQ_BOOK_FOR)
		lk_ui_open(ui, LK_SCREEN_BOOKING, &(const struct lk_nav){
			.client_id = r->client_id,
			.staff_id = ag.book_staff[0] ? ag.book_staff : NULL,
			.day = ag.day,
		});
	else if (r->request == LK_REQ_BOOKED)
		lk_ui_open(ui, LK_SCREEN_AGENDA, r);
}

/* The line index of the selected booking. */
static int
sel_line(void)
{
	for (int i = 0; i < ag.nlines; i++)
		if (ag.esel >= 0 ? ag.lines[i].event == ag.esel : ag.lines[i].appt == ag.sel)
			return i;
	return 0;
}

/* Up and Down over the bookings and the event lines between them. */
static void
move_sel(enum lk_vkey vk)
{
	int items[ROWS_MAX + EVENTS_MAX], n = 0, cur = -1;
	int now = ag.sel >= 0 || ag.esel >= 0 ? sel_line() : -1;
	for (int i = 0; i < ag.nlines; i++)
		if (ag.lines[i].appt >= 0 || ag.lines[i].event >= 0) {
			if (i == now)
				cur = n;
			items[n++] = i;
		}
	if (n == 0)
		return;
	if (cur < 0)
		cur = 0;
	else
		lk_list_move(&cur, n, vk, 10);
	ag.sel = ag.lines[items[cur]].appt;
	ag.esel = ag.lines[items[cur]].event;
}

static void
scroll_to_sel(struct lk_ui *ui)
{
	int page = getmaxy(ui->body) - LIST_TOP - 1;
	if (page < 1)
		page = 1;
	int l = sel_line();
	/* Keep the day heading above the first booking of a day in view. */
	int want_top = l > 0 && ag.lines[l - 1].appt < 0 ? l - 1 : l;
	if (want_top < ag.top)
		ag.top = want_top;
	if (l >= ag.top + page)
		ag.top = l - page + 1;
	if (ag.top < 0)
		ag.top = 0;
}

/* Move the selected booking on, recording who did it. */
static void
set_status(struct lk_ui *ui, const char *status)
{
	if (ag.sel < 0) {
		lk_ui_message(ui, false, "%s", _("No booking chosen"));
		return;
	}
	struct lk_appointment *a = &ag.rows[ag.sel];
	struct lk_err err = { 0 };
	if (lk_appointment_set_status_by(ui->st, a->id, status, ui->opt->staff_id, &err) != LK_OK) {
		lk_ui_message(ui, true, "%s", err.msg);
		return;
	}
	char when[20];
	lk_time_fi(a->start, when, sizeof when);
	lk_ui_message(ui, false, "%s %s: %s", when, a->client_name[0] ? a->client_name : "",
	              _(lk_appointment_state_label(status)));
	load(ui);
	lk_ui_changed(ui, LK_CHANGED_APPOINTMENTS);
}

/* The chosen booking's letter, in the client's language (plain Finnish when
 * the client needs it: store/letter.h), to
 * $XDG_DATA_HOME/luukku/letters/ (else ~/.local/share/luukku/letters/),
 * a directory and file only its owner may read; the file name holds the
 * time and the booking, never a name. Audited as printed. */
static void
write_letter(struct lk_ui *ui)
{
	if (ag.sel < 0) {
		lk_ui_message(ui, false, "%s", _("No booking chosen"));
		return;
	}
	const struct lk_appointment *a = &ag.rows[ag.sel];
	struct lk_err err = { 0 };
	struct lk_letter_made made;
	char text[8192], name[128], when[20], detail[128];
	if (lk_letter_make(ui->st, a->id, NULL, LK_LETTER_PLAIN_CLIENT, text, sizeof text, &made, &err) != LK_OK) {
		lk_ui_message(ui, true, "%s", err.msg);
		return;
	}
	lk_time_iso(a->start, when, sizeof when);   /* "2026-03-03 10:00" */
	snprintf(name, sizeof name, "letter-%.10s-%.2s%.2s-%.8s.txt", when, when + 11, when + 14,
	         a->id);
	snprintf(detail, sizeof detail, "letter %s %s%s screen", a->id, made.lang,
	         made.plain ? " plain" : "");
	lk_ui_save_letter(ui, name, text, (size_t)made.len, made.client_id, detail);
}

/* ---- choosing whose calendar: every staff member and point ---- */

static int
choice_staff(const struct lk_staff *st, void *ctx)
{
	(void)ctx;
	if (!st->active || ag.nall >= CHOICES_MAX)
		return ag.nall >= CHOICES_MAX;
	struct choice *c = &ag.all[ag.nall++];
	c->point = false;
	snprintf(c->id, sizeof c->id, "%s", st->id);
	snprintf(c->name, sizeof c->name, "%s %s", st->surname, st->given_names);
	snprintf(c->where, sizeof c->where, "%s", st->home_point_name);
	return 0;
}

static int
choice_point(const struct lk_point *pt, void *ctx)
{
	(void)ctx;
	if (ag.nall >= CHOICES_MAX)
		return 1;
	struct choice *c = &ag.all[ag.nall++];
	c->point = true;
	snprintf(c->id, sizeof c->id, "%s", pt->id);
	snprintf(c->name, sizeof c->name, "%s", pt->name);
	snprintf(c->where, sizeof c->where, "%s", _("service point"));
	return 0;
}

/* s lowered into w (wide, for ä and ö); false when it is no UTF-8. */
static bool
lower(const char *s, wchar_t *w, size_t n)
{
	size_t k = mbstowcs(w, s, n - 1);
	if (k == (size_t)-1)
		return false;
	w[k] = L'\0';
	for (size_t i = 0; i < k; i++)
		w[i] = (wchar_t)towlower((wint_t)w[i]);
	return true;
}

/* Every word of the query is part of the name (or the place). */
static bool
matches(const struct choice *c, const wchar_t *q)
{
	wchar_t name[400], word[96];
	char both[340];
	snprintf(both, sizeof both, "%s %s", c->name, c->where);
	if (!lower(both, name, sizeof name / sizeof name[0]))
		return false;
	const wchar_t *p = q;
	while (*p) {
		while (*p == L' ')
			p++;
		size_t n = 0;
		while (p[n] && p[n] != L' ' && n + 1 < sizeof word / sizeof word[0])
			n++;
		if (n == 0)
			break;
		wmemcpy(word, p, n);
		word[n] = L'\0';
		if (wcsstr(name, word) == NULL)
			return false;
		p += n;
	}
	return true;
}

static void
filter_choices(void)
{
	wchar_t q[96];
	if (!lower(ag.query, q, sizeof q / sizeof q[0]))
		q[0] = L'\0';
	ag.nshown = 0;
	for (int i = 0; i < ag.nall; i++)
		if (matches(&ag.all[i], q))
			ag.shown[ag.nshown++] = &ag.all[i];
	ag.csel = 0;
	ag.ctop = 0;
}

static void
choose_start(struct lk_ui *ui)
{
	struct lk_err err = { 0 };
	ag.nall = 0;
	lk_staff_list(ui->st, NULL, choice_staff, NULL, &err);
	lk_point_list(ui->st, choice_point, NULL, &err);
	ag.query[0] = '\0';
	ag.choosing = true;
	filter_choices();
}

static bool
typing(struct lk_ui *ui)
{
	(void)ui;
	return ag.choosing;
}

static void
text_input(struct lk_ui *ui, wchar_t ch)
{
	(void)ui;
	char mb[MB_LEN_MAX + 1];
	int n = wctomb(mb, ch);
	size_t len = strlen(ag.query);
	if (!ag.choosing || n <= 0 || len + (size_t)n >= sizeof ag.query)
		return;
	memcpy(ag.query + len, mb, (size_t)n);
	ag.query[len + (size_t)n] = '\0';
	filter_choices();
}

/* The keys while choosing. */
static void
choose_key(struct lk_ui *ui, enum lk_vkey vk)
{
	switch (vk) {
	case LK_VK_BACK:
		ag.choosing = false;
		return;
	case LK_VK_ERASE: {
		size_t len = strlen(ag.query);
		while (len > 0 && ((unsigned char)ag.query[len - 1] & 0xC0) == 0x80)
			len--;   /* the continuation bytes of the last character */
		if (len > 0)
			len--;
		ag.query[len] = '\0';
		filter_choices();
		return;
	}
	case LK_VK_CLEAR:
		ag.query[0] = '\0';
		filter_choices();
		return;
	case LK_VK_UP:
	case LK_VK_DOWN:
	case LK_VK_PGUP:
	case LK_VK_PGDN:
		lk_list_move(&ag.csel, ag.nshown, vk, 10);
		return;
	case LK_VK_OPEN: {
		if (ag.nshown == 0)
			return;
		const struct choice *c = ag.shown[ag.csel];
		ag.choosing = false;
		if (c->point) {
			set_point(ui, c->id);
			ag.by_point = true;
		} else {
			set_staff(ui, c->id);
			ag.by_point = false;
		}
		ag.sel = -1;
		ag.top = 0;
		load(ui);
		return;
	}
	default:
		return;
	}
}

static void
choose_draw(struct lk_ui *ui, WINDOW *w)
{
	int cols = getmaxx(w), rows = getmaxy(w);
	char line[200];
	lk_draw_text(w, 0, 1, cols - 2, _("Calendar: whose? Type part of a name or a point"),
	             lk_style(ui->color, LK_STYLE_TITLE), false);
	snprintf(line, sizeof line, "%s: %s", _("Search"), ag.query);
	lk_draw_text(w, 1, 1, cols - 2, line, A_NORMAL, false);
	if (ag.nshown == 0)
		lk_draw_text(w, LIST_TOP, 2, cols - 3, _("No staff member or point by that name."),
		             A_NORMAL, false);
	int page = rows - LIST_TOP;
	if (page < 1)
		page = 1;
	lk_list_follow(ag.csel, &ag.ctop, page);
	int nw = cols / 2;
	for (int i = ag.ctop; i < ag.nshown && i - ag.ctop < page; i++) {
		const struct choice *c = ag.shown[i];
		int y = LIST_TOP + i - ag.ctop;
		bool sel = i == ag.csel;
		attr_t a = sel ? lk_style(ui->color, LK_STYLE_SELECTED) : A_NORMAL;
		if (sel)
			lk_draw_fill(w, y, 1, cols - 1, a);
		lk_draw_text(w, y, 0, 1, sel ? ">" : " ", A_BOLD, false);
		lk_draw_text(w, y, 2, nw - 3, c->name, c->point ? a | A_BOLD : a, true);
		lk_draw_text(w, y, nw, cols - nw - 1, c->where, a, true);
	}
	lk_draw_scroll_marks(w, LIST_TOP, rows - 1, ag.ctop > 0, ag.ctop + page < ag.nshown);
}

static void
key(struct lk_ui *ui, enum lk_vkey vk)
{
	if (ag.choosing) {
		choose_key(ui, vk);
		return;
	}
	if (vk != LK_VK_CANCEL)
		ag.confirm[0] = '\0';
	switch (vk) {
	case LK_VK_BACK:
		lk_ui_back(ui);
		return;
	case LK_VK_PREV:
	case LK_VK_NEXT:
		ag.day += (vk == LK_VK_PREV ? -1 : 1) * (ag.week ? 7 : 1);
		ag.sel = -1;
		ag.top = 0;
		load(ui);
		return;
	case LK_VK_TODAY:
		ag.day = lk_today();
		ag.top = 0;
		load(ui);
		return;
	case LK_VK_WEEK:
		ag.week = !ag.week;
		ag.top = 0;
		load(ui);
		break;
	case LK_VK_WHO:
		if (ag.by_point && ag.staff[0] == '\0') {
			lk_ui_message(ui, false, "%s", _("Choose a staff member with s"));
			return;
		}
		ag.by_point = !ag.by_point;
		ag.top = 0;
		load(ui);
		return;
	case LK_VK_NEXT_STAFF:
		choose_start(ui);
		return;
	case LK_VK_UP:
	case LK_VK_DOWN:
	case LK_VK_PGUP:
	case LK_VK_PGDN:
		move_sel(vk);
		break;
	case LK_VK_OPEN:
		if (ag.esel >= 0)
			lk_ui_open(ui, LK_SCREEN_EVENTS,
			           &(const struct lk_nav){ .event_id = ag.events[ag.esel].id });
		return;
	case LK_VK_CHECKIN:
		set_status(ui, "checked-in");
		break;
	case LK_VK_DONE:
		set_status(ui, "done");
		break;
	case LK_VK_NOSHOW:
		set_status(ui, "no-show");
		break;
	case LK_VK_CANCEL:
		if (ag.sel < 0) {
			lk_ui_message(ui, false, "%s", _("No booking chosen"));
			return;
		}
		if (strcmp(ag.confirm, ag.rows[ag.sel].id) != 0) {
			snprintf(ag.confirm, sizeof ag.confirm, "%s", ag.rows[ag.sel].id);
			char k[32];
			lk_key_label(LK_VK_CANCEL, false, NULL, 0, false, k, sizeof k);
			lk_ui_message(ui, false, _("Press %s again to cancel the booking"), k);
			return;
		}
		set_status(ui, "cancelled");
		break;
	case LK_VK_LETTER:
		write_letter(ui);
		return;
	case LK_VK_RESCHEDULE:
		if (ag.sel < 0) {
			lk_ui_message(ui, false, "%s", _("No booking chosen"));
			return;
		}
		lk_ui_open(ui, LK_SCREEN_BOOKING, &(const struct lk_nav){
			.appointment_id = ag.rows[ag.sel].id, .flags = LK_NAV_RESCHEDULE });
		return;
	case LK_VK_EVENTS:
		lk_ui_open(ui, LK_SCREEN_EVENTS, &(const struct lk_nav){ .day = ag.day });
		return;
	case LK_VK_BOOK: {
		/* First for whom: type-ahead over the register, then the booking. */
		const char *staff = ag.by_point && ag.sel >= 0 ? ag.rows[ag.sel].staff_id : ag.staff;
		snprintf(ag.book_staff, sizeof ag.book_staff, "%s", staff);
		lk_ui_open(ui, LK_SCREEN_PICK, &(const struct lk_nav){
			.title = N_("Book a meeting: for which client?"),
			.hint = N_("Type part of a name or an identity code; Enter on an empty line "
			           "books a meeting without a client."),
			.flags = LK_NAV_ALLOW_NONE,
			.request = LK_REQ_BOOK_FOR,
		});
		return;
	}
	default:
		break;
	}
	scroll_to_sel(ui);
}

/* Keep the chosen booking in view after a batch of keys. */
static void
settle(struct lk_ui *ui)
{
	scroll_to_sel(ui);
}

/* Read the bookings again after a change made elsewhere. */
static void
reread(struct lk_ui *ui)
{
	load(ui);
	scroll_to_sel(ui);
}

static void
draw(struct lk_ui *ui, WINDOW *w)
{
	if (ag.choosing) {
		choose_draw(ui, w);
		return;
	}
	int cols = getmaxx(w), rows = getmaxy(w);
	char title[320], when[64], a[32], b[32];
	snprintf(title, sizeof title, "%s: %s", _("Calendar"),
	         ag.by_point ? ag.point_name : ag.staff_name);
	if (ag.week) {
		lk_date d0 = first_day();
		snprintf(when, sizeof when, "%s %s – %s", _("Week"), lk_date_fi(d0, a, sizeof a),
		         lk_date_fi(d0 + 6, b, sizeof b));
	} else {
		day_label(ag.day, when, sizeof when);
	}
	int ww = lk_text_width(when);
	lk_draw_text(w, 0, 1, cols - ww - 4, title, lk_style(ui->color, LK_STYLE_TITLE), false);
	lk_draw_right(w, 0, cols - 1, when, A_BOLD);
	if (!ag.by_point && !ag.week && ag.point[0]) {
		char where[200];
		snprintf(where, sizeof where, "%s %s", ag.point_name, ag.hours);
		lk_draw_text(w, 1, 2, cols - 3, where, A_NORMAL, false);
	} else if (ag.by_point && ag.hours[0]) {
		lk_draw_text(w, 1, 2, cols - 3, ag.hours, A_NORMAL, false);
	}

	/* Columns: time, client, kind, where (or who), state. */
	int extra = cols > 80 ? cols - 80 : 0;
	int tx = 2, tw = 11, cx = 14, cw = 20 + extra / 3, kx = cx + cw + 1, kw = 17;
	int wx = kx + kw + 1, sw = 12, sx = cols - sw - 1, wwid = sx - wx - 1;
	if (ag.n == 0 && ag.nev == 0) {
		lk_draw_text(w, LIST_TOP, 2, cols - 3,
		             ag.failed ? _("The calendar cannot be shown.") : _("No bookings."),
		             A_NORMAL, false);
	}
	int page = rows - LIST_TOP - 1;
	for (int i = ag.top; i < ag.nlines && i - ag.top < page; i++) {
		int y = LIST_TOP + i - ag.top;
		const struct line *l = &ag.lines[i];
		if (l->event >= 0) {
			const struct lk_event *e = &ag.events[l->event];
			bool gone = strcmp(e->status, "cancelled") == 0;
			bool esel = l->event == ag.esel;
			attr_t at = esel ? lk_style(ui->color, LK_STYLE_SELECTED) : gone ? A_DIM : A_NORMAL;
			if (esel)
				lk_draw_fill(w, y, 1, cols - 1, at);
			lk_draw_text(w, y, 0, 1, esel ? ">" : " ", A_BOLD, false);
			int m0 = lk_time_minute_of_day(e->start), m1 = m0 + e->minutes;
			char span[32], seats[32], wbuf[200];
			snprintf(span, sizeof span, "%02d:%02d–%02d:%02d", m0 / 60, m0 % 60, m1 / 60 % 24,
			         m1 % 60);
			lk_draw_text(w, y, tx, tw, span, at, true);
			lk_draw_text(w, y, cx, cw, e->title, at | A_BOLD, true);
			lk_draw_text(w, y, kx, kw, strcmp(e->kind, "info") == 0 ? _("Info event")
			             : strcmp(e->kind, "targeted") == 0 ? _("Targeted session") : _("Group"),
			             at, true);
			if (ag.by_point)
				snprintf(wbuf, sizeof wbuf, "%s", e->host_name);
			else
				snprintf(wbuf, sizeof wbuf, "%s%s%s", e->room_name, e->room_name[0] ? ", " : "",
				         e->point_name);
			lk_draw_text(w, y, wx, wwid, wbuf, at, true);
			snprintf(seats, sizeof seats, "%d/%d", e->signed_up + e->attended + e->no_show,
			         e->capacity);
			lk_draw_text(w, y, sx, sw, gone ? _("cancelled") : seats, at, true);
			continue;
		}
		if (l->appt < 0) {
			char d[48];
			lk_draw_text(w, y, 1, cols - 2, day_label(l->day, d, sizeof d), A_BOLD | A_UNDERLINE,
			             false);
			if (i + 1 >= ag.nlines || (ag.lines[i + 1].appt < 0 && ag.lines[i + 1].event < 0))
				lk_draw_text(w, y, 16, cols - 17, "–", A_NORMAL, false);
			continue;
		}
		const struct lk_appointment *ap = &ag.rows[l->appt];
		bool sel = l->appt == ag.sel;
		bool gone = strcmp(ap->status, "cancelled") == 0 || strcmp(ap->status, "no-show") == 0;
		attr_t at = sel ? lk_style(ui->color, LK_STYLE_SELECTED) : gone ? A_DIM : A_NORMAL;
		int m0 = lk_time_minute_of_day(ap->start), m1 = m0 + ap->minutes;
		char span[32];
		snprintf(span, sizeof span, "%02d:%02d–%02d:%02d", m0 / 60, m0 % 60, m1 / 60 % 24, m1 % 60);
		if (sel)
			lk_draw_fill(w, y, 1, cols - 1, at);
		lk_draw_text(w, y, 0, 1, sel ? ">" : " ", A_BOLD, false);
		lk_draw_text(w, y, tx, tw, span, at, true);
		lk_draw_text(w, y, cx, cw, ap->client_name[0] ? ap->client_name : "–", at, true);
		lk_draw_text(w, y, kx, kw, _(lk_appointment_kind_label(ap->kind)), at, true);
		const char *where = ag.by_point ? ap->staff_name
		                  : strcmp(ap->channel, "face") == 0 ? ap->point_name
		                  : _(lk_channel_label(ap->channel));
		char wbuf[200];
		if (!ag.by_point && strcmp(ap->channel, "face") == 0 && ap->room_name[0]) {
			snprintf(wbuf, sizeof wbuf, "%s, %s", ap->room_name, ap->point_name);
			where = wbuf;
		}
		lk_draw_text(w, y, wx, wwid, where, at, true);
		lk_draw_text(w, y, sx, sw, _(lk_appointment_state_label(ap->status)),
		             sel ? at : gone ? A_DIM : A_BOLD, true);
	}
	lk_draw_scroll_marks(w, LIST_TOP, rows - 2, ag.top > 0, ag.top + page < ag.nlines);

	/* The letter keys, on the last line. */
	static const struct {
		enum lk_vkey vk;
		const char *what;
	} hints[] = {
		{ LK_VK_CHECKIN, N_("arrived") }, { LK_VK_DONE, N_("held") },
		{ LK_VK_NOSHOW, N_("did not come") }, { LK_VK_CANCEL, N_("cancel") },
		{ LK_VK_LETTER, N_("letter") }, { LK_VK_PREV, N_("day") },
	};
	int x = 1;
	for (size_t i = 0; i < sizeof hints / sizeof hints[0] && x < cols - 2; i++) {
		char k[32], k2[32] = "";
		lk_key_label(hints[i].vk, false, NULL, 0, false, k, sizeof k);
		if (hints[i].vk == LK_VK_PREV)
			lk_key_label(LK_VK_NEXT, false, NULL, 0, false, k2, sizeof k2);
		x += lk_draw_text(w, rows - 1, x, cols - x - 1, k, A_BOLD, false);
		x += lk_draw_text(w, rows - 1, x, cols - x - 1, k2, A_BOLD, false);
		x += 1;
		x += lk_draw_text(w, rows - 1, x, cols - x - 1, _(hints[i].what), A_NORMAL, false);
		x += 2;
	}
}

static void
status(struct lk_ui *ui, char *buf, size_t size)
{
	if (ui->message[0]) {
		buf[0] = '\0';   /* a refusal needs the whole line */
		return;
	}
	if (ag.choosing) {
		snprintf(buf, size, dngettext(LK_TEXTDOMAIN, "%d match", "%d matches",
		                              (unsigned long)ag.nshown), ag.nshown);
		return;
	}
	int live = 0;
	for (int i = 0; i < ag.n; i++)
		live += strcmp(ag.rows[i].status, "cancelled") != 0 &&
		        strcmp(ag.rows[i].status, "no-show") != 0;
	snprintf(buf, size, dngettext(LK_TEXTDOMAIN, "%d booking", "%d bookings",
	                              (unsigned long)live), live);
}

const struct lk_screen lk_screen_agenda = {
	.title = N_("Calendar"),
	.keys = keys,
	.n_keys = (int)(sizeof keys / sizeof keys[0]),
	.text = false,
	.typing = typing,
	.text_help = N_("After s, letters and digits choose whose calendar."),
	.open = open_agenda,
	.enter = enter,
	.result = result,
	.shows = LK_CHANGED_APPOINTMENTS,
	.reread = reread,
	.draw = draw,
	.key = key,
	.text_input = text_input,
	.settle = settle,
	.status = status,
};
