/*
 * screen-events.c — group sessions and info events (store/event.h): a week
 * of events at this desk's point (all points when the desk has none),
 * Left and Right a week at a time; Enter opens the selected event's list,
 * where one or two keys each sign a client up (the picker asks whom; past
 * the capacity the client waits), cancel a sign-up (twice: the first
 * waiting moves up, named on the status line), and mark attendance after
 * the start (attended, no-show). On a targeted session's or a group's list,
 * a (add) opens the target-group filter: municipality, months since the
 * job-search start, age range, language, no meeting booked in the next N
 * days; the group's size is counted live (the store's dry run) as the
 * fields are typed, and Enter invites it; on the week, a opens a new event
 * (title, kind, start, minutes, places, obligation; hosted by the desk's
 * staff member at its point; a group's weekly series as `--repeat` takes
 * it). On the week, r (F8) edits the selected event (title, start, length,
 * places, room) and c cancels it (a reason, then Enter again to confirm;
 * never deleted). On a list, m writes the selected client's invitation
 * letter to a file like the calendar's appointment letter, i takes the
 * head count of an open info event, and o records that the signed-in lead
 * checked a group's benefit effect. Reached through the gate from the
 * lookup and the calendar (F12, or Enter on an event line of the calendar:
 * nav.event_id opens its list); the gate checks the calendar's capability.
 *
 * Reads and writes only through store/event.h; never writes SQL. A mark
 * changes the client's due list: it says so (lk_ui_changed).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "i18n.h"
#include "store/event.h"
#include "store/letter.h"
#include "store/staff.h"
#include "ui/draw.h"
#include "ui/letter-file.h"
#include "ui/ui.h"

#define EVENTS_MAX 200
#define PEOPLE_MAX 1000
#define LIST_TOP 3

static struct {
	bool people;                 /* the list of one event, not the week */
	lk_date from;                /* Monday of the week shown */
	char point[65];              /* "" for every point */
	struct lk_event rows[EVENTS_MAX];
	int n, sel, top;
	struct lk_event cur;         /* the event whose list is open */
	struct lk_participant who[PEOPLE_MAX];
	int np, psel, ptop;
	bool more;
	char confirm[65];            /* the client whose cancel waits for a second press */
	/* The target-group filter (on a list, key a). */
	bool inviting;
	bool creating;               /* the new-event form (on the week, key a) */
	bool editing;                /* the event's form (on the week, key r) */
	int prompt;                  /* a one-field question: P_REASON, P_COUNT */
	bool sure;                   /* the cancel's reason given: Enter again cancels */
	char edit_id[65];            /* the event the form edits or cancels */
	char checked_name[204];      /* the lead who checked a group's benefit effect */
	int field;
	wchar_t val[8][204];        /* a title's 200 characters and more */
	size_t len[8];
	bool stale;                  /* count again after the keys */
	int matched, fresh;          /* the dry run's count */
	char problem[256];           /* why it cannot count ("" when it can) */
} ev;

enum { F_MUNI, F_MONTHS, F_AGE, F_LANG, F_NOMEET, F_COUNT };
static const char *const field_names[F_COUNT] = {
	N_("Municipality"), N_("Months in job search, at least"), N_("Age range (e.g. 25-54)"),
	N_("Language"), N_("No meeting booked in the next days"),
};

/* The new event: hosted by the desk's staff member at the desk's point. */
enum { C_TITLE, C_KIND, C_AT, C_MINUTES, C_CAPACITY, C_OBLIGATION, C_REPEAT, C_COUNT };
static const char *const create_names[C_COUNT] = {
	N_("Title"), N_("Kind (info, targeted, group)"), N_("Start (YYYY-MM-DD HH:MM)"),
	N_("Minutes"), N_("Places"), N_("Attendance an obligation (x)"),
	N_("Weekly (group): mon,wed until DATE"),
};

/* Editing an event: what lk_event_set changes. */
enum { E_TITLE, E_AT, E_MINUTES, E_CAPACITY, E_ROOM, E_COUNT };
static const char *const edit_names[E_COUNT] = {
	N_("Title"), N_("Start (YYYY-MM-DD HH:MM)"), N_("Minutes"), N_("Places"),
	N_("Room (id; empty: none)"),
};

enum { P_NONE, P_REASON, P_COUNT };

static int
nfields(void)
{
	return ev.prompt ? 1 : ev.editing ? E_COUNT : ev.creating ? C_COUNT : F_COUNT;
}

static const struct lk_screen_key keys[] = {
	{ LK_VK_HELP, N_("Help"), NULL },
	{ LK_VK_OPEN, N_("List"), N_("Open the selected event's list") },
	{ LK_VK_BACK, N_("Back"), N_("Back to the week (from a list), else to where you came from") },
	{ LK_VK_BOOK, N_("Sign up"), N_("Sign a client up for the event (the waiting list when full)") },
	{ LK_VK_RESCHEDULE, N_("Edit"), N_("On the week: change the selected event (title, start, "
	                                    "minutes, places, room)") },
	{ LK_VK_CANCEL, N_("Cancel event"), N_("On the week: cancel the selected event (a reason, "
	                                        "then Enter again; never deleted). On a list: cancel "
	                                        "the selected client's sign-up (press twice)") },
	{ LK_VK_LETTER, N_("Letter"), N_("On a list: the selected client's invitation letter, "
	                                  "written to a file") },
	{ LK_VK_CHECKIN, N_("Head count"), N_("On an info event's list: how many people came") },
	{ LK_VK_CONSENT, N_("Benefit checked"), N_("On a group's list: you, a lead, checked its "
	                                            "effect on unemployment benefit") },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	{ LK_VK_DONE, NULL, N_("The selected client attended") },
	{ LK_VK_NOSHOW, NULL, N_("The selected client did not come") },
	{ LK_VK_ADD, NULL, N_("On the week: a new event. On a list: invite a target group "
	                      "(a filter with a live count; Enter invites)") },
	{ LK_VK_ERASE, NULL, NULL },
	{ LK_VK_CLEAR, NULL, N_("Empty the field") },
	{ LK_VK_PREV, NULL, N_("Previous week") },
	{ LK_VK_NEXT, NULL, N_("Next week") },
	{ LK_VK_TODAY, NULL, N_("This week") },
	{ LK_VK_UP, NULL, NULL },
	{ LK_VK_DOWN, NULL, NULL },
	{ LK_VK_PGUP, NULL, NULL },
	{ LK_VK_PGDN, NULL, NULL },
	{ LK_VK_HOME, NULL, NULL },
	{ LK_VK_END, NULL, NULL },
	{ LK_VK_REDRAW, NULL, NULL },
};

/* Narrow: these leave the bar first. */
static const enum lk_vkey bar_drop[] = {
	LK_VK_CONSENT, LK_VK_CHECKIN, LK_VK_LETTER, LK_VK_CANCEL, LK_VK_RESCHEDULE, LK_VK_NONE,
};

static const char *const weekdays[] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

static const char *
kind_label(const char *kind)
{
	return strcmp(kind, "info") == 0 ? _("Info event")
		: strcmp(kind, "targeted") == 0 ? _("Targeted session") : _("Group");
}

static const char *
state_label(const char *state)
{
	static const struct {
		const char *code, *label;
	} labels[] = {
		{ "invited", N_("invited") }, { "signed-up", N_("signed up") },
		{ "waiting", N_("waiting") }, { "cancelled", N_("cancelled") },
		{ "attended", N_("attended") }, { "no-show", N_("no-show") },
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i].code, state) == 0)
			return _(labels[i].label);
	return state;
}

static int
keep_event(const struct lk_event *e, void *ctx)
{
	(void)ctx;
	if (ev.n >= EVENTS_MAX)
		return 1;
	ev.rows[ev.n++] = *e;
	return 0;
}

static int
keep_person(const struct lk_participant *p, void *ctx)
{
	(void)ctx;
	if (ev.np >= PEOPLE_MAX) {
		ev.more = true;
		return 1;
	}
	ev.who[ev.np++] = *p;
	return 0;
}

/* Read the week, or the open event and its list, again. */
static void
load(struct lk_ui *ui)
{
	struct lk_err err = { 0 };
	if (ev.people) {
		ev.np = 0;
		ev.more = false;
		if (lk_event_get(ui->st, ev.cur.id, &ev.cur, &err) != LK_OK ||
		    lk_event_participants(ui->st, ev.cur.id, keep_person, NULL, &err) != LK_OK)
			lk_ui_message(ui, true, "%s", err.msg);
		ev.checked_name[0] = '\0';
		struct lk_staff sf;
		struct lk_err e2 = { 0 };
		if (ev.cur.benefit_checked_by[0] &&
		    lk_staff_get(ui->st, ev.cur.benefit_checked_by, &sf, &e2) == LK_OK)
			snprintf(ev.checked_name, sizeof ev.checked_name, "%s %s", sf.given_names,
			         sf.surname);
		if (ev.psel >= ev.np)
			ev.psel = ev.np - 1;
		if (ev.psel < 0)
			ev.psel = 0;
		return;
	}
	ev.n = 0;
	if (lk_event_list(ui->st, ev.point[0] ? ev.point : NULL, NULL, ev.from, 7, keep_event, NULL,
	                  &err) != LK_OK)
		lk_ui_message(ui, true, "%s", err.msg);
	if (ev.sel >= ev.n)
		ev.sel = ev.n - 1;
	if (ev.sel < 0)
		ev.sel = 0;
}

/* nav.day: a day of the week to show (left out: this week). */
static bool
open_events(struct lk_ui *ui, const struct lk_nav *nav)
{
	lk_date day = nav->day == LK_NO_DATE ? lk_today() : nav->day;
	ev.from = day - (lk_weekday(day) - 1);
	snprintf(ev.point, sizeof ev.point, "%s",
	         ui->opt && ui->opt->point_id ? ui->opt->point_id : "");
	ev.people = false;
	ev.inviting = ev.creating = ev.editing = ev.sure = false;
	ev.prompt = P_NONE;
	ev.sel = ev.top = 0;
	ev.confirm[0] = '\0';
	if (nav->event_id) {   /* the calendar's event line: its list, its week behind */
		struct lk_err err = { 0 };
		if (lk_event_get(ui->st, nav->event_id, &ev.cur, &err) != LK_OK) {
			lk_ui_message(ui, true, "%s", err.msg);
			return false;
		}
		lk_date d = lk_time_date(ev.cur.start);
		ev.from = d - (lk_weekday(d) - 1);
		ev.people = true;
		ev.psel = ev.ptop = 0;
	}
	return true;
}

static void
enter(struct lk_ui *ui)
{
	load(ui);
}

static void
reread(struct lk_ui *ui)
{
	load(ui);
}

/* The picker answered: sign that client up. */
static void
result(struct lk_ui *ui, const struct lk_nav *r)
{
	if (r->request != LK_REQ_SIGN_UP || r->client_id == NULL || !ev.people)
		return;
	struct lk_err err = { 0 };
	char state[12];
	int place = 0;
	const char *by = ui->opt ? ui->opt->staff_id : NULL;
	if (lk_event_sign_up(ui->st, ev.cur.id, r->client_id, by, state, sizeof state, &place,
	                     &err) != LK_OK) {
		lk_ui_message(ui, true, "%s", err.msg);
		return;
	}
	if (strcmp(state, "waiting") == 0)
		lk_ui_message(ui, false, _("On the waiting list, place %d"), place);
	else
		lk_ui_message(ui, false, "%s", _("Signed up"));
	load(ui);
	lk_ui_changed(ui, LK_CHANGED_CLIENT);
}

/* Attendance or a cancellation for the selected client. */
static void
mark(struct lk_ui *ui, enum lk_vkey vk)
{
	if (ev.np == 0) {
		lk_ui_message(ui, false, "%s", _("Nobody on the list"));
		return;
	}
	const struct lk_participant *p = &ev.who[ev.psel];
	const char *by = ui->opt ? ui->opt->staff_id : NULL;
	struct lk_err err = { 0 };
	enum lk_status rc;
	char moved[204] = "";
	if (vk == LK_VK_CANCEL) {
		if (strcmp(ev.confirm, p->client_id) != 0) {
			snprintf(ev.confirm, sizeof ev.confirm, "%s", p->client_id);
			char k[32];
			lk_key_label(LK_VK_CANCEL, false, NULL, 0, false, k, sizeof k);
			lk_ui_message(ui, false, _("Press %s again to cancel the sign-up"), k);
			return;
		}
		ev.confirm[0] = '\0';
		rc = lk_event_cancel_signup(ui->st, ev.cur.id, p->client_id, by, moved, &err);
	} else {
		rc = lk_event_attend(ui->st, ev.cur.id, p->client_id,
		                     vk == LK_VK_DONE ? "attended" : "no-show", by, &err);
	}
	if (rc != LK_OK) {
		lk_ui_message(ui, true, "%s", err.msg);
		return;
	}
	if (moved[0])
		lk_ui_message(ui, false, _("Cancelled; moved up from the waiting list: %s"), moved);
	else
		lk_ui_message(ui, false, "%s", vk == LK_VK_CANCEL ? _("Cancelled")
		              : vk == LK_VK_DONE ? _("Attended") : _("Did not come"));
	if (vk != LK_VK_CANCEL && ev.psel + 1 < ev.np)
		ev.psel++;   /* down the list, one key per person */
	load(ui);
	lk_ui_changed(ui, LK_CHANGED_CLIENT);
}

/* A form's field as text, cut to size (always ended). */
static void
field_text(int i, char *buf, size_t size)
{
	if (wcstombs(buf, ev.val[i], size) == (size_t)-1)
		buf[0] = '\0';
	buf[size - 1] = '\0';
}

/* The filter as the store takes it; false with ev.problem set when a
 * field does not read. strings: room for the text fields. */
static bool
group_filter(struct lk_invite_filter *f, char (*text)[96])
{
	*f = (struct lk_invite_filter){ .months_min = -1, .age_min = -1, .age_max = -1,
	                                .no_meeting_days = -1 };
	ev.problem[0] = '\0';
	for (int i = 0; i < F_COUNT; i++)
		field_text(i, text[i], sizeof text[i]);
	if (text[F_MUNI][0])
		f->municipality = text[F_MUNI];
	if (text[F_LANG][0])
		f->lang = text[F_LANG];
	char *end;
	if (text[F_MONTHS][0]) {
		f->months_min = (int)strtol(text[F_MONTHS], &end, 10);
		if (*end || f->months_min < 0)
			snprintf(ev.problem, sizeof ev.problem, "%s", _("Months: a whole number"));
	}
	if (text[F_NOMEET][0]) {
		f->no_meeting_days = (int)strtol(text[F_NOMEET], &end, 10);
		if (*end || f->no_meeting_days < 0)
			snprintf(ev.problem, sizeof ev.problem, "%s", _("Days: a whole number"));
	}
	if (text[F_AGE][0] && (sscanf(text[F_AGE], "%d-%d", &f->age_min, &f->age_max) != 2 ||
	                       f->age_min > f->age_max))
		snprintf(ev.problem, sizeof ev.problem, "%s", _("Age: MIN-MAX, e.g. 25-54"));
	if (!ev.problem[0] && !f->municipality && !f->lang && f->months_min < 0 &&
	    f->no_meeting_days < 0 && !text[F_AGE][0])
		snprintf(ev.problem, sizeof ev.problem, "%s", _("Fill in at least one field"));
	return ev.problem[0] == '\0';
}

/* Count the group (the store's dry run: nothing written). */
static void
count(struct lk_ui *ui)
{
	struct lk_invite_filter f;
	char text[F_COUNT][96];
	ev.stale = false;
	if (!group_filter(&f, text))
		return;
	struct lk_err err = { 0 };
	if (lk_event_invite(ui->st, ev.cur.id, &f, true, NULL, &ev.matched, &ev.fresh, &err) != LK_OK)
		snprintf(ev.problem, sizeof ev.problem, "%s", err.msg);
}

static void
invite(struct lk_ui *ui)
{
	struct lk_invite_filter f;
	char text[F_COUNT][96];
	if (!group_filter(&f, text)) {
		lk_ui_message(ui, true, "%s", ev.problem);
		return;
	}
	struct lk_err err = { 0 };
	const char *by = ui->opt ? ui->opt->staff_id : NULL;
	if (lk_event_invite(ui->st, ev.cur.id, &f, false, by, &ev.matched, &ev.fresh, &err) != LK_OK) {
		lk_ui_message(ui, true, "%s", err.msg);
		return;
	}
	lk_ui_message(ui, false, _("Invited %d (%d in the target group)"), ev.fresh, ev.matched);
	ev.inviting = false;
	load(ui);
	lk_ui_changed(ui, LK_CHANGED_CLIENT);
}

/* Add the event the form holds; on success its list opens. */
static void
create(struct lk_ui *ui)
{
	char text[C_COUNT][832];
	for (int i = 0; i < C_COUNT; i++)
		field_text(i, text[i], sizeof text[i]);
	char *end;
	long minutes = strtol(text[C_MINUTES], &end, 10);
	if (!text[C_MINUTES][0] || *end)
		minutes = 0;
	long capacity = strtol(text[C_CAPACITY], &end, 10);
	if (!text[C_CAPACITY][0] || *end)
		capacity = 0;
	struct lk_event_input in = {
		.title = text[C_TITLE], .kind = text[C_KIND][0] ? text[C_KIND] : NULL,
		.point = ev.point[0] ? ev.point : NULL, .at = text[C_AT][0] ? text[C_AT] : NULL,
		.minutes = (int)minutes, .capacity = (int)capacity,
		.host = ui->opt && ui->opt->staff_id && ui->opt->staff_id[0] ? ui->opt->staff_id : NULL,
		.obligation = text[C_OBLIGATION][0] != '\0',
		.repeat = text[C_REPEAT][0] ? text[C_REPEAT] : NULL,
		.actor = ui->opt ? ui->opt->staff_id : NULL,
	};
	static char ids[LK_REPEAT_MAX][LK_ID_LEN + 1];
	size_t n = 0;
	struct lk_err err = { 0 };
	if (lk_event_add(ui->st, &in, ids, LK_REPEAT_MAX, &n, &err) != LK_OK) {
		snprintf(ev.problem, sizeof ev.problem, "%.31s: %.200s", err.field, err.msg);
		lk_ui_message(ui, true, "%.31s: %.200s", err.field, err.msg);
		return;
	}
	struct lk_err e2 = { 0 };
	if (lk_event_get(ui->st, ids[0], &ev.cur, &e2) != LK_OK)
		return;
	if (n > 1)
		lk_ui_message(ui, false, _("Weekly series added: %zu events"), n);
	else
		lk_ui_message(ui, false, "%s", _("Event added"));
	ev.creating = false;
	ev.people = true;
	ev.psel = ev.ptop = 0;
	load(ui);
	lk_ui_changed(ui, LK_CHANGED_APPOINTMENTS);
}


static void
field_set(int i, const char *text)
{
	size_t n = mbstowcs(ev.val[i], text, sizeof ev.val[i] / sizeof ev.val[i][0] - 1);
	ev.len[i] = n == (size_t)-1 ? 0 : n;
	ev.val[i][ev.len[i]] = L'\0';
}

/* A whole number typed; -1 (refused by the store, naming the field) else. */
static int
number(const char *text)
{
	char *end;
	long v = strtol(text, &end, 10);
	return !text[0] || *end || v < 0 || v > 1000000 ? -1 : (int)v;
}

static void
refused(struct lk_ui *ui, const struct lk_err *err)
{
	snprintf(ev.problem, sizeof ev.problem, "%.31s: %.200s", err->field, err->msg);
	lk_ui_message(ui, true, "%s", ev.problem);
}

/* The edit form of the selected event, filled with what it holds. */
static void
edit_start(struct lk_ui *ui)
{
	if (ev.n == 0)
		return;
	const struct lk_event *e = &ev.rows[ev.sel];
	if (strcmp(e->status, "cancelled") == 0) {
		lk_ui_message(ui, true, "%s", _("The event is cancelled"));
		return;
	}
	memset(ev.len, 0, sizeof ev.len);
	memset(ev.val, 0, sizeof ev.val);
	char buf[32];
	field_set(E_TITLE, e->title);
	field_set(E_AT, lk_time_iso(e->start, buf, sizeof buf));
	snprintf(buf, sizeof buf, "%d", e->minutes);
	field_set(E_MINUTES, buf);
	snprintf(buf, sizeof buf, "%d", e->capacity);
	field_set(E_CAPACITY, buf);
	field_set(E_ROOM, e->room_id);
	snprintf(ev.edit_id, sizeof ev.edit_id, "%s", e->id);
	ev.editing = true;
	ev.field = 0;
	ev.problem[0] = '\0';
}

/* Save the edit form: only the fields that changed go to the store. */
static void
edit_save(struct lk_ui *ui)
{
	struct lk_event e;
	struct lk_err err = { 0 };
	if (lk_event_get(ui->st, ev.edit_id, &e, &err) != LK_OK) {
		refused(ui, &err);
		return;
	}
	char text[E_COUNT][832], at[32], n[16];
	for (int i = 0; i < E_COUNT; i++)
		field_text(i, text[i], sizeof text[i]);
	struct lk_event_input in = { .actor = ui->opt ? ui->opt->staff_id : NULL };
	if (strcmp(text[E_TITLE], e.title) != 0)
		in.title = text[E_TITLE];
	if (strcmp(text[E_AT], lk_time_iso(e.start, at, sizeof at)) != 0)
		in.at = text[E_AT];
	snprintf(n, sizeof n, "%d", e.minutes);
	if (strcmp(text[E_MINUTES], n) != 0)
		in.minutes = number(text[E_MINUTES]);
	snprintf(n, sizeof n, "%d", e.capacity);
	if (strcmp(text[E_CAPACITY], n) != 0)
		in.capacity = number(text[E_CAPACITY]);
	if (strcmp(text[E_ROOM], e.room_id) != 0)
		in.room = text[E_ROOM];
	if (in.minutes == 0 && strcmp(text[E_MINUTES], "0") == 0)
		in.minutes = -1;   /* 0 would mean "not changed" to the store */
	if (in.capacity == 0 && strcmp(text[E_CAPACITY], "0") == 0)
		in.capacity = -1;
	if (lk_event_set(ui->st, ev.edit_id, &in, &err) != LK_OK) {
		refused(ui, &err);
		return;
	}
	lk_ui_message(ui, false, "%s", _("Event changed"));
	ev.editing = false;
	load(ui);
	lk_ui_changed(ui, LK_CHANGED_CLIENT | LK_CHANGED_APPOINTMENTS);
}

/* A one-field question: the cancel's reason, the head count. */
static void
prompt_start(int which, const struct lk_event *e)
{
	memset(ev.len, 0, sizeof ev.len);
	memset(ev.val, 0, sizeof ev.val);
	snprintf(ev.edit_id, sizeof ev.edit_id, "%s", e->id);
	ev.prompt = which;
	ev.sure = false;
	ev.field = 0;
	ev.problem[0] = '\0';
}

static void
prompt_answer(struct lk_ui *ui)
{
	char text[832];
	field_text(0, text, sizeof text);
	struct lk_err err = { 0 };
	const char *by = ui->opt ? ui->opt->staff_id : NULL;
	if (ev.prompt == P_COUNT) {
		int people = number(text);
		if (lk_event_count(ui->st, ev.edit_id, people, by, &err) != LK_OK) {
			refused(ui, &err);
			return;
		}
		lk_ui_message(ui, false, _("Head count: %d"), people);
		ev.prompt = P_NONE;
		load(ui);
		return;
	}
	if (!text[0]) {
		snprintf(ev.problem, sizeof ev.problem, "%s", _("reason: why is the event cancelled?"));
		lk_ui_message(ui, true, "%s", ev.problem);
		return;
	}
	if (!ev.sure) {
		char k[32], b[32];
		lk_key_label(LK_VK_OPEN, false, NULL, 0, true, k, sizeof k);
		lk_key_label(LK_VK_BACK, false, NULL, 0, true, b, sizeof b);
		ev.sure = true;
		lk_ui_ask(ui, _("Cancel the event for good? %s cancels it, %s keeps it."), k, b);
		return;
	}
	ev.sure = false;
	lk_ui_ask(ui, NULL);
	if (lk_event_cancel(ui->st, ev.edit_id, text, by, &err) != LK_OK) {
		refused(ui, &err);
		return;
	}
	lk_ui_message(ui, false, "%s", _("Event cancelled; the people on its list stay on it"));
	ev.prompt = P_NONE;
	load(ui);
	lk_ui_changed(ui, LK_CHANGED_CLIENT | LK_CHANGED_APPOINTMENTS);
}

/* The selected client's invitation letter, in the client's language, to
 * $XDG_DATA_HOME/luukku/letters/ (else ~/.local/share/luukku/letters/) as
 * the calendar writes the appointment letter: owner-only, no name in the
 * file name, audited as printed. */
static void
write_letter(struct lk_ui *ui)
{
	if (ev.np == 0) {
		lk_ui_message(ui, false, "%s", _("Nobody on the list"));
		return;
	}
	const struct lk_participant *p = &ev.who[ev.psel];
	struct lk_err err = { 0 };
	struct lk_letter_made made;
	char text[8192], name[128], when[20], detail[160];
	if (lk_letter_make_invitation(ui->st, ev.cur.id, p->client_id, NULL, LK_LETTER_PLAIN_CLIENT,
	                              text, sizeof text, &made, &err) != LK_OK) {
		lk_ui_message(ui, true, "%.31s: %.200s", err.field, err.msg);
		return;
	}
	lk_time_iso(ev.cur.start, when, sizeof when);
	snprintf(name, sizeof name, "invitation-%.10s-%.2s%.2s-%.8s-%.8s.txt", when, when + 11,
	         when + 14, ev.cur.id, p->client_id);
	snprintf(detail, sizeof detail, "event-letter %s %s%s screen", ev.cur.id, made.lang,
	         made.plain ? " plain" : "");
	lk_ui_save_letter(ui, name, text, (size_t)made.len, made.client_id, detail);
}

/* The signed-in lead checked the group's effect on unemployment benefit. */
static void
benefit_checked(struct lk_ui *ui)
{
	const char *by = ui->opt ? ui->opt->staff_id : NULL;
	struct lk_err err = { 0 };
	if (by == NULL || by[0] == '\0') {
		lk_ui_message(ui, true, "%s", _("benefit-checked-by: no staff member at this desk"));
		return;
	}
	struct lk_event_input in = { .benefit_checked_by = by, .actor = by };
	if (lk_event_set(ui->st, ev.cur.id, &in, &err) != LK_OK) {
		lk_ui_message(ui, true, "%.31s: %.200s", err.field, err.msg);
		return;
	}
	load(ui);
	lk_ui_message(ui, false, _("Benefit effect checked by %s"), ev.checked_name);
}

static bool
typing(struct lk_ui *ui)
{
	(void)ui;
	return ev.inviting || ev.creating || ev.editing || ev.prompt;
}

static void
text_input(struct lk_ui *ui, wchar_t ch)
{
	(void)ui;
	if (!typing(ui) || ev.len[ev.field] + 1 >= sizeof ev.val[0] / sizeof ev.val[0][0])
		return;
	ev.val[ev.field][ev.len[ev.field]++] = ch;
	ev.val[ev.field][ev.len[ev.field]] = L'\0';
	ev.stale = true;
	if (!ev.inviting)
		ev.problem[0] = '\0';   /* the refusal was of what stood before */
	if (ev.sure) {             /* the reason changed: ask again */
		ev.sure = false;
		lk_ui_ask(ui, NULL);
	}
}

static void
settle(struct lk_ui *ui)
{
	if (ev.inviting && ev.stale)
		count(ui);
}

/* The filter's keys: fields, editing, Enter invites, Back leaves. */
static void
invite_key(struct lk_ui *ui, enum lk_vkey vk)
{
	if (ev.sure && vk != LK_VK_OPEN) {
		ev.sure = false;
		lk_ui_ask(ui, NULL);
		if (vk == LK_VK_BACK)
			return;   /* kept: back on the reason */
	}
	switch (vk) {
	case LK_VK_BACK:
		ev.inviting = ev.creating = ev.editing = false;
		ev.prompt = P_NONE;
		return;
	case LK_VK_UP:
		ev.field = (ev.field + nfields() - 1) % nfields();
		return;
	case LK_VK_DOWN:
		ev.field = (ev.field + 1) % nfields();
		return;
	case LK_VK_ERASE:
		if (ev.len[ev.field] > 0)
			ev.val[ev.field][--ev.len[ev.field]] = L'\0';
		ev.stale = true;
		return;
	case LK_VK_CLEAR:
		ev.len[ev.field] = 0;
		ev.val[ev.field][0] = L'\0';
		ev.stale = true;
		if (!ev.inviting)
			ev.problem[0] = '\0';
		return;
	case LK_VK_OPEN:
		if (ev.prompt)
			prompt_answer(ui);
		else if (ev.editing)
			edit_save(ui);
		else if (ev.creating)
			create(ui);
		else
			invite(ui);
		return;
	default:
		return;
	}
}

static void
key(struct lk_ui *ui, enum lk_vkey vk)
{
	if (vk != LK_VK_CANCEL)
		ev.confirm[0] = '\0';
	if (typing(ui)) {
		invite_key(ui, vk);
		return;
	}
	if (ev.people) {
		switch (vk) {
		case LK_VK_BACK:
			ev.people = false;
			load(ui);
			return;
		case LK_VK_BOOK:
			lk_ui_open(ui, LK_SCREEN_PICK, &(const struct lk_nav){
				.title = N_("Sign up for the event: which client?"),
				.request = LK_REQ_SIGN_UP });
			return;
		case LK_VK_DONE:
		case LK_VK_NOSHOW:
		case LK_VK_CANCEL:
			mark(ui, vk);
			return;
		case LK_VK_LETTER:
			write_letter(ui);
			return;
		case LK_VK_CHECKIN:
			if (strcmp(ev.cur.kind, "info") != 0) {
				lk_ui_message(ui, true, "%s",
				              _("Only an open info event is counted by heads"));
				return;
			}
			prompt_start(P_COUNT, &ev.cur);
			return;
		case LK_VK_CONSENT:
			benefit_checked(ui);
			return;
		case LK_VK_ADD:
			if (strcmp(ev.cur.kind, "info") == 0) {
				lk_ui_message(ui, false, "%s",
				              _("An info event is open to anyone; nobody is invited"));
				return;
			}
			ev.inviting = true;
			ev.field = 0;
			memset(ev.len, 0, sizeof ev.len);
			memset(ev.val, 0, sizeof ev.val);
			ev.stale = true;
			return;
		default:
			lk_list_move(&ev.psel, ev.np, vk, getmaxy(ui->body) - LIST_TOP - 1);
			return;
		}
	}
	switch (vk) {
	case LK_VK_BACK:
		lk_ui_back(ui);
		return;
	case LK_VK_ADD:
		ev.creating = true;
		ev.field = 0;
		memset(ev.len, 0, sizeof ev.len);
		memset(ev.val, 0, sizeof ev.val);
		ev.problem[0] = '\0';
		return;
	case LK_VK_RESCHEDULE:
		edit_start(ui);
		return;
	case LK_VK_CANCEL:
		if (ev.n == 0)
			return;
		if (strcmp(ev.rows[ev.sel].status, "cancelled") == 0) {
			lk_ui_message(ui, true, "%s", _("The event is already cancelled"));
			return;
		}
		prompt_start(P_REASON, &ev.rows[ev.sel]);
		return;
	case LK_VK_OPEN:
		if (ev.n == 0)
			return;
		ev.cur = ev.rows[ev.sel];
		ev.people = true;
		ev.psel = ev.ptop = 0;
		load(ui);
		return;
	case LK_VK_PREV:
	case LK_VK_NEXT:
	case LK_VK_TODAY:
		ev.from = vk == LK_VK_TODAY ? lk_today() - (lk_weekday(lk_today()) - 1)
		        : ev.from + (vk == LK_VK_PREV ? -7 : 7);
		ev.sel = ev.top = 0;
		load(ui);
		return;
	default:
		lk_list_move(&ev.sel, ev.n, vk, getmaxy(ui->body) - LIST_TOP - 1);
		return;
	}
}

/* "12:00-13:30" */
static char *
span(const struct lk_event *e, char *buf, size_t size)
{
	int m0 = lk_time_minute_of_day(e->start), m1 = m0 + e->minutes;
	snprintf(buf, size, "%02d:%02d-%02d:%02d", m0 / 60, m0 % 60, m1 / 60 % 24, m1 % 60);
	return buf;
}

static void
draw_week(struct lk_ui *ui, WINDOW *w)
{
	int cols = getmaxx(w), rows = getmaxy(w);
	char title[256], d0[16], d1[16];
	snprintf(title, sizeof title, _("Events %s–%s"), lk_date_fi(ev.from, d0, sizeof d0),
	         lk_date_fi(ev.from + 6, d1, sizeof d1));
	lk_draw_text(w, 0, 1, cols - 2, title, lk_style(ui->color, LK_STYLE_TITLE), false);
	if (ev.n == 0) {
		lk_draw_text(w, 2, 2, cols - 3, _("No events this week."), A_NORMAL, false);
		return;
	}
	attr_t h = A_BOLD | A_UNDERLINE;
	int tx = 2 + 17 + 1, kw = 26, sw = 12;
	int tw = cols - tx - kw - sw - 3;
	if (tw < 10)
		tw = 10;
	lk_draw_text(w, 2, 2, 17, _("When"), h, true);
	lk_draw_text(w, 2, tx, tw, _("Title"), h, true);
	lk_draw_text(w, 2, tx + tw + 1, kw, _("Kind"), h, true);
	lk_draw_text(w, 2, tx + tw + kw + 2, sw, _("Places"), h, true);
	int page = rows - LIST_TOP;
	if (page < 1)
		page = 1;
	lk_list_follow(ev.sel, &ev.top, page);
	for (int i = ev.top; i < ev.n && i - ev.top < page; i++) {
		const struct lk_event *e = &ev.rows[i];
		int y = LIST_TOP + i - ev.top;
		bool sel = i == ev.sel;
		attr_t a = sel ? lk_style(ui->color, LK_STYLE_SELECTED) : A_NORMAL;
		if (sel)
			lk_draw_fill(w, y, 1, cols - 1, a);
		char when[40], s[24], seats[64];
		snprintf(when, sizeof when, "%s %s", _(weekdays[lk_weekday(lk_time_date(e->start)) - 1]),
		         span(e, s, sizeof s));
		lk_draw_text(w, y, 0, 1, sel ? ">" : " ", A_BOLD, false);
		lk_draw_text(w, y, 2, 17, when, a, true);
		lk_draw_text(w, y, tx, tw, e->title, a, true);
		lk_draw_text(w, y, tx + tw + 1, kw, kind_label(e->kind), a, true);
		if (strcmp(e->status, "cancelled") == 0)
			snprintf(seats, sizeof seats, "%s", _("cancelled"));
		else if (e->waiting)
			snprintf(seats, sizeof seats, "%d/%d +%d", e->signed_up + e->attended + e->no_show,
			         e->capacity, e->waiting);
		else
			snprintf(seats, sizeof seats, "%d/%d", e->signed_up + e->attended + e->no_show,
			         e->capacity);
		lk_draw_text(w, y, tx + tw + kw + 2, sw, seats, a, true);
	}
}

static void
draw_people(struct lk_ui *ui, WINDOW *w)
{
	int cols = getmaxx(w), rows = getmaxy(w);
	const struct lk_event *e = &ev.cur;
	char line[512], d[16], s[24];
	snprintf(line, sizeof line, "%s · %s%s", e->title, kind_label(e->kind),
	         e->obligation ? _(" (attendance an obligation)") : "");
	if (strcmp(e->kind, "group") == 0) {   /* on the title line: the one with room */
		size_t l = strlen(line);
		if (ev.checked_name[0])
			snprintf(line + l, sizeof line - l, _(", benefit checked by %s"), ev.checked_name);
		else
			snprintf(line + l, sizeof line - l, "%s", _(", benefit effect not checked"));
	}
	lk_draw_text(w, 0, 1, cols - 2, line, lk_style(ui->color, LK_STYLE_TITLE), false);
	snprintf(line, sizeof line, "%s %s %s · %s%s%s · %s", _(weekdays[lk_weekday(lk_time_date(e->start)) - 1]),
	         lk_date_fi(lk_time_date(e->start), d, sizeof d), span(e, s, sizeof s), e->point_name,
	         e->room_name[0] ? ", " : "", e->room_name, e->host_name);
	lk_draw_text(w, 1, 1, cols - 2, line, A_NORMAL, false);
	snprintf(line, sizeof line, _("%d places, %d signed up, %d waiting, %d invited"), e->capacity,
	         e->signed_up + e->attended + e->no_show, e->waiting, e->invited);
	if (strcmp(e->kind, "info") == 0 && e->head_count >= 0) {
		size_t l = strlen(line);
		snprintf(line + l, sizeof line - l, _(", head count %d"), e->head_count);
	}
	if (strcmp(e->status, "cancelled") == 0) {
		size_t l = strlen(line);
		snprintf(line + l, sizeof line - l, _(", CANCELLED: %s"), e->cancel_reason);
	}
	lk_draw_text(w, 2, 1, cols - 2, line, A_NORMAL, false);
	if (ev.np == 0) {
		lk_draw_text(w, LIST_TOP + 1, 2, cols - 3, _("Nobody on the list yet."), A_NORMAL, false);
		return;
	}
	int page = rows - LIST_TOP - 1;
	if (page < 1)
		page = 1;
	lk_list_follow(ev.psel, &ev.ptop, page);
	for (int i = ev.ptop; i < ev.np && i - ev.ptop < page; i++) {
		const struct lk_participant *p = &ev.who[i];
		int y = LIST_TOP + 1 + i - ev.ptop;
		bool sel = i == ev.psel;
		attr_t a = sel ? lk_style(ui->color, LK_STYLE_SELECTED) : A_NORMAL;
		if (sel)
			lk_draw_fill(w, y, 1, cols - 1, a);
		lk_draw_text(w, y, 0, 1, sel ? ">" : " ", A_BOLD, false);
		lk_draw_text(w, y, 2, 32, p->client_name, a, true);
		char st[48];
		if (strcmp(p->state, "waiting") == 0)
			snprintf(st, sizeof st, "%s %d", state_label(p->state), p->place - e->capacity);
		else
			snprintf(st, sizeof st, "%s", state_label(p->state));
		attr_t sa = a;
		if (!sel && strcmp(p->state, "no-show") == 0)
			sa = lk_style(ui->color, LK_STYLE_OVERDUE);
		lk_draw_text(w, y, 35, cols - 36, st, sa, true);
	}
}

/* The target-group filter with its live count. */
static void
draw_invite(struct lk_ui *ui, WINDOW *w)
{
	int cols = getmaxx(w);
	char line[512];
	snprintf(line, sizeof line, _("Invite a target group: %s"), ev.cur.title);
	lk_draw_text(w, 0, 1, cols - 2, line, lk_style(ui->color, LK_STYLE_TITLE), false);
	lk_draw_text(w, 1, 1, cols - 2, _("Job seekers of the area; the fields left empty do not narrow it."),
	             A_NORMAL, false);
	int y = 3;
	for (int i = 0; i < F_COUNT; i++, y++) {
		bool sel = i == ev.field;
		char val[96];
		field_text(i, val, sizeof val);
		lk_draw_text(w, y, 0, 1, sel ? ">" : " ", A_BOLD, false);
		lk_draw_text(w, y, 2, 38, _(field_names[i]), lk_style(ui->color, LK_STYLE_LABEL), true);
		int x = 41 + lk_draw_text(w, y, 41, cols - 42, val, sel ? A_BOLD | A_UNDERLINE : A_NORMAL,
		                          false);
		if (sel) {
			wmove(w, y, x);
			ui->cursor = true;
		}
	}
	y++;
	if (ev.problem[0])
		lk_draw_text(w, y, 2, cols - 3, ev.problem, lk_style(ui->color, LK_STYLE_ERROR), false);
	else {
		snprintf(line, sizeof line, _("%d in the target group, %d would be invited"), ev.matched,
		         ev.fresh);
		lk_draw_text(w, y, 2, cols - 3, line, A_BOLD, false);
	}
	char k[32];
	lk_key_label(LK_VK_OPEN, false, NULL, 0, true, k, sizeof k);
	snprintf(line, sizeof line, _("%s invites them; the invitation is an obligation when the event is one."), k);
	lk_draw_text(w, y + 2, 2, cols - 3, line, A_NORMAL, false);
}

/* The new-event form, the edit form and the one-field questions. */
static void
draw_create(struct lk_ui *ui, WINDOW *w)
{
	int cols = getmaxx(w);
	char title[512];
	const char *hint;
	const char *const *names = create_names;
	int count = C_COUNT;
	if (ev.prompt) {
		static const char *const reason[] = { N_("Reason") }, *const people[] = { N_("People") };
		names = ev.prompt == P_REASON ? reason : people;
		count = 1;
		snprintf(title, sizeof title, ev.prompt == P_REASON ? _("Cancel the event: %s")
		         : _("Head count: %s"), ev.cur.title);
		if (ev.prompt == P_REASON)
			for (int i = 0; i < ev.n; i++)
				if (strcmp(ev.rows[i].id, ev.edit_id) == 0)
					snprintf(title, sizeof title, _("Cancel the event: %s"), ev.rows[i].title);
		hint = ev.prompt == P_REASON ? _("The event stays, marked cancelled, with the reason.")
		     : _("How many people came to the open info event.");
	} else if (ev.editing) {
		names = edit_names;
		count = E_COUNT;
		snprintf(title, sizeof title, "%s", _("Edit the event"));
		hint = _("The new time and room are checked for clashes.");
	} else {
		snprintf(title, sizeof title, "%s", _("New event"));
		hint = _("Hosted by you at this desk's point.");
	}
	lk_draw_text(w, 0, 1, cols - 2, title, lk_style(ui->color, LK_STYLE_TITLE), false);
	lk_draw_text(w, 1, 1, cols - 2, hint, A_NORMAL, false);
	int y = 3;
	for (int i = 0; i < count; i++, y++) {
		bool sel = i == ev.field;
		char val[832];
		field_text(i, val, sizeof val);
		lk_draw_text(w, y, 0, 1, sel ? ">" : " ", A_BOLD, false);
		lk_draw_text(w, y, 2, 34, _(names[i]), lk_style(ui->color, LK_STYLE_LABEL), true);
		int x = 37 + lk_draw_text(w, y, 37, cols - 38, val, sel ? A_BOLD | A_UNDERLINE : A_NORMAL,
		                          false);
		if (sel) {
			wmove(w, y, x);
			ui->cursor = true;
		}
	}
	if (ev.problem[0])
		lk_draw_text(w, y + 1, 2, cols - 3, ev.problem, lk_style(ui->color, LK_STYLE_ERROR), false);
}

static void
draw(struct lk_ui *ui, WINDOW *w)
{
	if (ev.creating || ev.editing || ev.prompt) {
		draw_create(ui, w);
		return;
	}
	if (ev.inviting) {
		draw_invite(ui, w);
		return;
	}
	if (ev.people)
		draw_people(ui, w);
	else
		draw_week(ui, w);
}

static void
status(struct lk_ui *ui, char *buf, size_t size)
{
	(void)ui;
	if (ev.people)
		snprintf(buf, size, dngettext(LK_TEXTDOMAIN, "%d on the list", "%d on the list",
		                              (unsigned long)ev.np), ev.np);
	else
		snprintf(buf, size, dngettext(LK_TEXTDOMAIN, "%d event", "%d events",
		                              (unsigned long)ev.n), ev.n);
}

/* The bar: the week's keys on the week, the list's on a list. */
static bool
key_shown(struct lk_ui *ui, enum lk_vkey vk)
{
	(void)ui;
	bool form = ev.inviting || ev.creating || ev.editing || ev.prompt;
	switch (vk) {
	case LK_VK_OPEN:
	case LK_VK_RESCHEDULE:
	case LK_VK_CANCEL:
		return !form && !ev.people;
	case LK_VK_BOOK:
	case LK_VK_LETTER:
		return !form && ev.people;
	case LK_VK_CHECKIN:
		return !form && ev.people && strcmp(ev.cur.kind, "info") == 0;
	case LK_VK_CONSENT:
		return !form && ev.people && strcmp(ev.cur.kind, "group") == 0;
	default:
		return true;
	}
}

const struct lk_screen lk_screen_events = {
	.title = N_("Events"),
	.keys = keys,
	.n_keys = (int)(sizeof keys / sizeof keys[0]),
	.text = false,
	.typing = typing,
	.text_help = N_("In the forms, typed text goes into the chosen field."),
	.about = N_("A week of group sessions and info events at this desk's point.\n"
	            "Enter opens an event's list: sign up, cancel, attended, no-show."),
	.key_shown = key_shown,
	.bar_drop = bar_drop,
	.open = open_events,
	.enter = enter,
	.result = result,
	.shows = LK_CHANGED_CLIENT,
	.reread = reread,
	.draw = draw,
	.key = key,
	.text_input = text_input,
	.settle = settle,
	.status = status,
};
