/*
 * screen-booking.c — booking a meeting, from the client card or from the
 * calendar, and moving one: kind, channel, staff member, length, point,
 * room and interpreter as choices (← →), the free slots below them with
 * the ones after the client's next statutory deadline marked late, and
 * the deadline itself on screen. On the staff line a typed name finds the
 * staff member (type-ahead). Enter books the chosen slot, or the time
 * typed in the time field; a clash is refused by the store and named on
 * the status line. An initial interview starts face to face; booked
 * remote it asks for the reason. Booked or moved, it goes back to where
 * it was opened from, handing over where the booking landed (the calendar
 * shows it there), and says the appointments changed (the card reads them
 * again).
 *
 * Writes only through lk_book / lk_appointment_reschedule; never writes
 * SQL, never clears the screen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "i18n.h"
#include "store/appointment.h"
#include "store/client.h"
#include "store/slots.h"
#include "store/staff.h"
#include "ui/draw.h"
#include "ui/ui.h"

#define STAFF_MAX 1024
#define SLOTS_MAX 300
#define TEXT_MAX 120
#define SLOT_DAYS 21

enum field {
	F_KIND, F_CHANNEL, F_STAFF, F_LENGTH, F_POINT, F_ROOM, F_INTERP, F_REASON, F_AT, F_SLOTS,
	F_COUNT
};

static const int lengths[] = { 15, 30, 45, 60, 90, 120 };

static const struct {
	const char *code, *name;
} languages[] = {
	{ "fi", N_("Finnish") }, { "sv", N_("Swedish") }, { "en", N_("English") },
	{ "ru", N_("Russian") }, { "uk", N_("Ukrainian") }, { "et", N_("Estonian") },
	{ "ar", N_("Arabic") }, { "so", N_("Somali") }, { "fa", N_("Persian") },
	{ "ku", N_("Kurdish") }, { "th", N_("Thai") }, { "vi", N_("Vietnamese") },
	{ "zh", N_("Chinese") }, { "tr", N_("Turkish") }, { "pl", N_("Polish") },
	{ "de", N_("German") }, { "fr", N_("French") }, { "es", N_("Spanish") },
};
#define N_LANG ((int)(sizeof languages / sizeof languages[0]))

struct staff_opt {
	char id[65];
	char name[204];
};

static struct {
	bool resched;
	struct lk_appointment moving;      /* the booking being moved */
	bool has_client;
	char client_id[65];
	char client_name[204];
	struct lk_deadline dl;
	bool dl_failed;
	int kind, channel, length, interp;  /* indexes; interp -1: none */
	struct staff_opt staff[STAFF_MAX];
	int nstaff, staff_i;
	struct lk_served_point pts[LK_SERVED_MAX];
	size_t npts;
	int point_i;                        /* -1: where the staff member is that day */
	struct lk_room_info rooms[LK_ROOMS_MAX];
	size_t nrooms;
	int room_i;                         /* -1: no room */
	wchar_t reason[TEXT_MAX + 1], at[TEXT_MAX + 1];
	size_t rlen, alen;
	wchar_t who[TEXT_MAX + 1];          /* typed on the staff line */
	size_t wlen;
	enum field focus;
	lk_date from;
	struct lk_slot slots[SLOTS_MAX];
	int nslots, sel, top;
	bool more, dirty;
} bk;

static const struct lk_screen_key keys[] = {
	{ LK_VK_HELP, N_("Help"), NULL },
	{ LK_VK_PREV, NULL, N_("Previous choice; in the slot list, the previous day") },
	{ LK_VK_NEXT, NULL, N_("Next choice; in the slot list, the next day") },
	{ LK_VK_BACK, N_("Back"), N_("Back without booking") },
	{ LK_VK_OPEN, N_("Book"), N_("Book the chosen slot, or the time typed") },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	{ LK_VK_UP, NULL, N_("Previous field or slot") },
	{ LK_VK_DOWN, NULL, N_("Next field or slot") },
	{ LK_VK_PGUP, NULL, NULL },
	{ LK_VK_PGDN, NULL, NULL },
	{ LK_VK_ERASE, NULL, NULL },
	{ LK_VK_CLEAR, NULL, N_("Empty the field") },
	{ LK_VK_REDRAW, NULL, NULL },
};

static const char *
kind_code(void)
{
	return lk_appointment_kinds[bk.kind];
}

static const char *
channel_code(void)
{
	return lk_channels[bk.channel];
}

/* A remote initial interview needs its reason (docs/rules.md#face-to-face). */
static bool
needs_reason(void)
{
	return strcmp(kind_code(), "alkuhaastattelu") == 0 && strcmp(channel_code(), "face") != 0;
}

static bool
field_shown(enum field f)
{
	if (bk.resched)
		return f == F_AT || f == F_SLOTS;
	if (f == F_REASON)
		return needs_reason();
	return true;
}

static int
find_index(const char *const *list, const char *code)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(list[i], code) == 0)
			return i;
	return 0;
}

static int
collect_staff(const struct lk_staff *s, void *ctx)
{
	(void)ctx;
	if (!s->active)
		return 0;
	if (bk.nstaff >= STAFF_MAX)
		return 1;
	struct staff_opt *o = &bk.staff[bk.nstaff++];
	snprintf(o->id, sizeof o->id, "%s", s->id);
	snprintf(o->name, sizeof o->name, "%s %s", s->surname, s->given_names);
	return 0;
}

/* The chosen staff member's points and the chosen point's rooms. */
static void
load_points(struct lk_ui *ui)
{
	bk.npts = 0;
	if (bk.nstaff > 0)
		lk_staff_points(ui->st, bk.staff[bk.staff_i].id, bk.pts, LK_SERVED_MAX, &bk.npts, NULL);
	if (bk.point_i >= (int)bk.npts)
		bk.point_i = -1;
	bk.nrooms = 0;
	if (bk.point_i >= 0)
		lk_point_rooms(ui->st, bk.pts[bk.point_i].point_id, bk.rooms, LK_ROOMS_MAX, &bk.nrooms,
		               NULL);
	if (bk.room_i >= (int)bk.nrooms)
		bk.room_i = -1;
}

static int
collect_slot(const struct lk_slot *s, void *ctx)
{
	(void)ctx;
	if (bk.nslots >= SLOTS_MAX) {
		bk.more = true;
		return 1;
	}
	bk.slots[bk.nslots++] = *s;
	return 0;
}

/* Free slots for the current choices. */
static void
load_slots(struct lk_ui *ui)
{
	bk.dirty = false;
	bk.nslots = bk.sel = bk.top = 0;
	bk.more = false;
	if (bk.nstaff == 0)
		return;
	struct lk_slot_query q = {
		.staff = bk.staff[bk.staff_i].id,
		.point = bk.point_i >= 0 ? bk.pts[bk.point_i].point_id : NULL,
		.room = bk.room_i >= 0 ? bk.rooms[bk.room_i].id : NULL,
		.client = bk.has_client ? bk.client_id : NULL,
		.except = bk.resched ? bk.moving.id : NULL,
		.channel = channel_code(),
		.kind = kind_code(),
		.from = bk.from,
		.days = SLOT_DAYS,
		.minutes = lengths[bk.length],
	};
	struct lk_err err = { 0 };
	if (lk_slots(ui->st, &q, &bk.dl, collect_slot, NULL, &err) != LK_OK)
		lk_ui_message(ui, true, "%s", err.msg);
}

/* The kind a client's next deadline asks for. */
static const char *
kind_for_deadline(const struct lk_deadline *dl)
{
	if (!dl->any || dl->rule == NULL)
		return "muu";
	switch (dl->rule->id) {
	case LK_RULE_FIRST_CONTACT:
	case LK_RULE_INITIAL_AFTER_SUPPL:
		return "alkuhaastattelu";
	case LK_RULE_SUPPLEMENTARY:
	case LK_RULE_SIX_MONTHS:
		return "taydentava";
	case LK_RULE_JOBSEARCH:
		return "tyonhakukeskustelu";
	case LK_RULE_TYM_ASSESSMENT:
		return "verkostopalaveri";
	case LK_RULE_TYM_PLAN_UPDATE:
		return "tym-paivitys";
	default:
		return "muu";
	}
}

/* Common start of a booking or a move. */
static void
begin(struct lk_ui *ui, const char *staff_id)
{
	bk.nstaff = 0;
	struct lk_err err = { 0 };
	lk_staff_list(ui->st, NULL, collect_staff, NULL, &err);
	bk.staff_i = 0;
	for (int i = 0; i < bk.nstaff && staff_id; i++)
		if (strcmp(bk.staff[i].id, staff_id) == 0)
			bk.staff_i = i;
	bk.point_i = bk.room_i = -1;
	bk.rlen = bk.alen = bk.wlen = 0;
	bk.reason[0] = bk.at[0] = bk.who[0] = L'\0';
	load_points(ui);
	load_slots(ui);
	bk.focus = bk.nslots > 0 ? F_SLOTS : bk.resched ? F_AT : F_KIND;
	ui->message[0] = '\0';
}

/* A new booking for client_id (NULL: a meeting without a client) with
 * staff_id (NULL: the client's caseworker, else the desk's staff member)
 * from `day` (LK_NO_DATE: today). */
static bool
book_new(struct lk_ui *ui, const char *client_id, const char *staff_id, lk_date day)
{
	struct lk_client c;
	struct lk_err err = { 0 };
	memset(&bk.dl, 0, sizeof bk.dl);
	bk.resched = false;
	bk.has_client = false;
	bk.client_name[0] = '\0';
	bk.interp = -1;
	const char *staff = staff_id;
	if (client_id) {
		if (lk_client_get(ui->st, client_id, &c, &err) != LK_OK) {
			lk_ui_message(ui, true, "%s", err.msg);
			return false;
		}
		bk.has_client = true;
		snprintf(bk.client_id, sizeof bk.client_id, "%s", c.id);
		snprintf(bk.client_name, sizeof bk.client_name, "%s, %s", c.surname, c.given_names);
		bk.dl_failed = lk_next_deadline(ui->st, c.id, lk_today(), &bk.dl, &err) != LK_OK;
		for (int i = 0; i < N_LANG && c.interpreter_lang[0]; i++)
			if (strcmp(languages[i].code, c.interpreter_lang) == 0)
				bk.interp = i;
		if (staff == NULL && c.caseworker_id[0])
			staff = c.caseworker_id;
	}
	if (staff == NULL)
		staff = ui->opt->staff_id;
	bk.kind = find_index(lk_appointment_kinds, kind_for_deadline(&bk.dl));
	bk.channel = 0;   /* face to face */
	bk.length = strcmp(kind_code(), "alkuhaastattelu") == 0 ? 3 : 2;
	bk.from = day == LK_NO_DATE || day < lk_today() ? lk_today() : day;
	begin(ui, staff);
	return true;
}

/* Move an existing appointment to a free time. */
static bool
book_move(struct lk_ui *ui, const char *appointment_id)
{
	struct lk_err err = { 0 };
	if (lk_appointment_get(ui->st, appointment_id, &bk.moving, &err) != LK_OK) {
		lk_ui_message(ui, true, "%s", err.msg);
		return false;
	}
	if (strcmp(bk.moving.status, "scheduled") != 0) {
		lk_ui_message(ui, true, _("The booking is %s; it cannot be moved"),
		              _(lk_appointment_state_label(bk.moving.status)));
		return false;
	}
	const struct lk_appointment *a = &bk.moving;
	memset(&bk.dl, 0, sizeof bk.dl);
	bk.resched = true;
	bk.has_client = a->client_id[0] != '\0';
	snprintf(bk.client_id, sizeof bk.client_id, "%s", a->client_id);
	snprintf(bk.client_name, sizeof bk.client_name, "%s", a->client_name);
	bk.kind = find_index(lk_appointment_kinds, a->kind);
	bk.channel = find_index(lk_channels, a->channel);
	bk.length = 0;
	for (int i = 0; i < (int)(sizeof lengths / sizeof lengths[0]); i++)
		if (lengths[i] <= a->minutes)
			bk.length = i;
	bk.interp = -1;
	bk.from = lk_today();
	begin(ui, a->staff_id);
	/* Keep the booking's point and room. */
	for (size_t i = 0; i < bk.npts; i++)
		if (strcmp(bk.pts[i].point_id, a->point_id) == 0)
			bk.point_i = (int)i;
	load_points(ui);
	for (size_t i = 0; i < bk.nrooms; i++)
		if (strcmp(bk.rooms[i].id, a->room_id) == 0)
			bk.room_i = (int)i;
	load_slots(ui);
	bk.focus = bk.nslots > 0 ? F_SLOTS : F_AT;
	return true;
}

/* Book for nav's client, or (LK_NAV_RESCHEDULE) move nav's appointment. */
static bool
open_booking(struct lk_ui *ui, const struct lk_nav *nav)
{
	if (nav->flags & LK_NAV_RESCHEDULE)
		return book_move(ui, nav->appointment_id);
	return book_new(ui, nav->client_id, nav->staff_id, nav->day);
}

static void
enter(struct lk_ui *ui)
{
	(void)ui;
}

/* Step a choice by d (±1), wrapping; first is the lowest index. */
static int
cycle(int i, int d, int first, int count)
{
	int n = count - first;
	if (n <= 0)
		return first;
	return first + ((i - first + d) % n + n) % n;
}

static void
change(struct lk_ui *ui, int d)
{
	switch (bk.focus) {
	case F_KIND: {
		int n = 0;
		while (lk_appointment_kinds[n])
			n++;
		bk.kind = cycle(bk.kind, d, 0, n);
		break;
	}
	case F_CHANNEL: {
		int n = 0;
		while (lk_channels[n])
			n++;
		bk.channel = cycle(bk.channel, d, 0, n);
		break;    /* phone and video keep the working hours */
	}
	case F_STAFF:
		bk.staff_i = cycle(bk.staff_i, d, 0, bk.nstaff);
		bk.point_i = bk.room_i = -1;
		load_points(ui);
		break;
	case F_LENGTH:
		bk.length = cycle(bk.length, d, 0, (int)(sizeof lengths / sizeof lengths[0]));
		break;
	case F_POINT:
		bk.point_i = cycle(bk.point_i, d, -1, (int)bk.npts);
		bk.room_i = -1;
		load_points(ui);
		break;
	case F_ROOM:
		bk.room_i = cycle(bk.room_i, d, -1, (int)bk.nrooms);
		break;
	case F_INTERP:
		bk.interp = cycle(bk.interp, d, -1, N_LANG);
		return;
	case F_SLOTS: {
		/* The first slot of the previous or next day. */
		if (bk.nslots == 0)
			return;
		lk_date day = lk_time_date(bk.slots[bk.sel].start);
		int i = bk.sel;
		if (d > 0) {
			while (i < bk.nslots && lk_time_date(bk.slots[i].start) == day)
				i++;
			if (i < bk.nslots)
				bk.sel = i;
		} else {
			while (i > 0 && lk_time_date(bk.slots[i].start) == day)
				i--;
			lk_date prev = lk_time_date(bk.slots[i].start);
			while (i > 0 && lk_time_date(bk.slots[i - 1].start) == prev)
				i--;
			bk.sel = i;
		}
		return;
	}
	default:
		return;
	}
	bk.dirty = true;
}

static void
move_focus(int d)
{
	enum field f = bk.focus;
	for (;;) {
		int n = (int)f + d;
		if (n < 0 || n >= F_COUNT)
			return;
		f = (enum field)n;
		if (field_shown(f)) {
			bk.focus = f;
			return;
		}
	}
}

/* "d.m.yyyy hh:mm" or "YYYY-MM-DD HH:MM" → a time. */
static bool
parse_time(const char *s, lk_time *out)
{
	if (lk_time_parse(s, out))
		return true;
	char date[32];
	int h, m, used = 0;
	if (sscanf(s, "%31s %d:%d%n", date, &h, &m, &used) != 3 || s[used] != '\0')
		return false;
	lk_date d;
	if (!lk_date_parse(date, &d) || h < 0 || h > 23 || m < 0 || m > 59)
		return false;
	*out = lk_time_make(d, h, m);
	return true;
}

/* Booked or moved: back to the card or the calendar, which shows it (the
 * calendar chooses it on its day in staff_id's calendar). */
static void
booked(struct lk_ui *ui, const char *staff_id, lk_date day, const char *appointment_id)
{
	lk_ui_changed(ui, LK_CHANGED_APPOINTMENTS);
	lk_ui_return(ui, &(const struct lk_nav){
		.request = LK_REQ_BOOKED,
		.staff_id = staff_id,
		.day = day,
		.appointment_id = appointment_id,
	});
}

/* Book (or move) at the slot or the typed time. */
static void
book(struct lk_ui *ui)
{
	char text[TEXT_MAX * 4 + 1], reason[TEXT_MAX * 4 + 1], at[20];
	lk_time t;
	const char *point = NULL;
	if (wcstombs(text, bk.at, sizeof text) == (size_t)-1)
		text[0] = '\0';
	if (bk.alen > 0) {
		if (!parse_time(text, &t)) {
			bk.focus = F_AT;
			lk_ui_message(ui, true, _("'%s' is not a time (d.m.yyyy hh:mm)"), text);
			return;
		}
		point = bk.point_i >= 0 ? bk.pts[bk.point_i].point_id : NULL;
	} else if (bk.nslots > 0) {
		t = bk.slots[bk.sel].start;
		point = bk.slots[bk.sel].point_id;
	} else {
		lk_ui_message(ui, true, "%s", _("No free slot chosen: type a time or change the choices"));
		return;
	}
	lk_time_iso(t, at, sizeof at);
	struct lk_err err = { 0 };
	const char *staff_id = bk.staff[bk.staff_i].id;
	char when[20], id[LK_ID_LEN + 1];
	lk_time_fi(t, when, sizeof when);
	if (bk.resched) {
		if (lk_appointment_reschedule(ui->st, bk.moving.id, at, ui->opt->staff_id, &err) != LK_OK) {
			lk_ui_message(ui, true, "%s: %s", _("Not moved"), err.msg);
			return;
		}
		booked(ui, staff_id, lk_time_date(t), bk.moving.id);
		lk_ui_message(ui, false, "%s: %s %s", _("Moved"), when, bk.client_name);
		return;
	}
	if (wcstombs(reason, bk.reason, sizeof reason) == (size_t)-1)
		reason[0] = '\0';
	struct lk_booking b = {
		.client = bk.has_client ? bk.client_id : NULL,
		.staff = staff_id,
		.kind = kind_code(),
		.at = at,
		.minutes = lengths[bk.length],
		.channel = channel_code(),
		.point = point,
		.room = bk.room_i >= 0 ? bk.rooms[bk.room_i].id : NULL,
		.interpreter = bk.interp >= 0 ? languages[bk.interp].code : NULL,
		.reason = needs_reason() ? reason : NULL,
		.actor = ui->opt->staff_id,
	};
	if (lk_book(ui->st, &b, id, &err) != LK_OK) {
		if (strcmp(err.field, "reason") == 0)
			bk.focus = F_REASON;
		lk_ui_message(ui, true, "%s: %s", _("Not booked"), err.msg);
		return;
	}
	booked(ui, staff_id, lk_time_date(t), id);
	lk_ui_message(ui, false, "%s: %s %s, %s", _("Booked"), _(lk_appointment_kind_label(b.kind)),
	              when, bk.staff[bk.staff_i].name);
}

/* Whether some word of `name` starts with `typed` (case ignored). */
static bool
word_match(const char *name, const wchar_t *typed, size_t n)
{
	wchar_t w[256];
	size_t len = mbstowcs(w, name, 255);
	if (len == (size_t)-1)
		return false;
	w[len] = L'\0';
	for (size_t i = 0; i + n <= len; i++) {
		if (i > 0 && iswalnum((wint_t)w[i - 1]))
			continue;
		size_t k = 0;
		while (k < n && towlower((wint_t)w[i + k]) == towlower((wint_t)typed[k]))
			k++;
		if (k == n)
			return true;
	}
	return false;
}

/* The staff line's type-ahead: choose the first staff member a word of
 * whose name starts with what was typed; false when nobody matches. */
static bool
find_staff(struct lk_ui *ui)
{
	if (bk.wlen == 0)
		return true;
	for (int i = 0; i < bk.nstaff; i++) {
		if (!word_match(bk.staff[i].name, bk.who, bk.wlen))
			continue;
		if (i != bk.staff_i) {
			bk.staff_i = i;
			bk.point_i = bk.room_i = -1;
			load_points(ui);
			bk.dirty = true;
		}
		return true;
	}
	return false;
}

static void
text_input(struct lk_ui *ui, wchar_t ch)
{
	if (bk.focus == F_STAFF && !bk.resched) {
		if (bk.wlen >= TEXT_MAX)
			return;
		bk.who[bk.wlen++] = ch;
		bk.who[bk.wlen] = L'\0';
		if (!find_staff(ui)) {
			char typed[TEXT_MAX * 4 + 1];
			if (wcstombs(typed, bk.who, sizeof typed) == (size_t)-1)
				typed[0] = '\0';
			lk_ui_message(ui, false, _("No staff member's name starts with '%s'"), typed);
			bk.who[--bk.wlen] = L'\0';
		}
		return;
	}
	wchar_t *buf = bk.focus == F_REASON ? bk.reason : bk.focus == F_AT ? bk.at : NULL;
	size_t *len = bk.focus == F_REASON ? &bk.rlen : &bk.alen;
	if (buf == NULL) {
		lk_ui_message(ui, false, "%s",
		              _("Choose with ← →; type in the time and reason fields, or a name "
		                "on the staff line"));
		return;
	}
	if (*len >= (bk.focus == F_AT ? 20 : TEXT_MAX))
		return;
	buf[(*len)++] = ch;
	buf[*len] = L'\0';
}

static void
key(struct lk_ui *ui, enum lk_vkey vk)
{
	int page = getmaxy(ui->body) - 12;
	if (page < 1)
		page = 1;
	if (vk != LK_VK_ERASE && vk != LK_VK_REDRAW)
		bk.who[bk.wlen = 0] = L'\0';   /* the staff type-ahead starts over */
	switch (vk) {
	case LK_VK_BACK:
		lk_ui_back(ui);
		return;
	case LK_VK_OPEN:
		book(ui);
		return;
	case LK_VK_PREV:
	case LK_VK_NEXT:
		change(ui, vk == LK_VK_PREV ? -1 : 1);
		break;
	case LK_VK_UP:
		if (bk.focus == F_SLOTS && bk.sel > 0)
			bk.sel--;
		else
			move_focus(-1);
		break;
	case LK_VK_DOWN:
		if (bk.focus == F_SLOTS) {
			if (bk.sel + 1 < bk.nslots)
				bk.sel++;
		} else {
			move_focus(1);
		}
		break;
	case LK_VK_PGUP:
		if (bk.focus == F_SLOTS)
			bk.sel = bk.sel > page ? bk.sel - page : 0;
		break;
	case LK_VK_PGDN:
		if (bk.focus == F_SLOTS)
			bk.sel = bk.sel + page < bk.nslots ? bk.sel + page : bk.nslots - 1;
		break;
	case LK_VK_ERASE:
		if (bk.focus == F_STAFF && bk.wlen > 0) {
			bk.who[--bk.wlen] = L'\0';
			find_staff(ui);
		} else if (bk.focus == F_REASON && bk.rlen > 0)
			bk.reason[--bk.rlen] = L'\0';
		else if (bk.focus == F_AT && bk.alen > 0)
			bk.at[--bk.alen] = L'\0';
		break;
	case LK_VK_CLEAR:
		if (bk.focus == F_REASON)
			bk.reason[bk.rlen = 0] = L'\0';
		else if (bk.focus == F_AT)
			bk.at[bk.alen = 0] = L'\0';
		break;
	default:
		break;
	}
	if (bk.sel < 0)
		bk.sel = 0;
}

static void
settle(struct lk_ui *ui)
{
	if (bk.dirty)
		load_slots(ui);
}

static const char *const weekdays[] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

/* One label and its value; the focused value in reverse. Returns the x
 * where the value ends. */
static int
draw_field(struct lk_ui *ui, WINDOW *w, int y, int x, int lw, int vw, const char *label,
           const char *value, enum field f)
{
	bool focus = bk.focus == f && !bk.resched;
	lk_draw_text(w, y, x, lw, _(label), lk_style(ui->color, LK_STYLE_LABEL), false);
	if (focus && f != F_REASON && f != F_AT) {
		char v[300];
		snprintf(v, sizeof v, "‹ %s ›", value);
		return x + lw + lk_draw_text(w, y, x + lw, vw, v, lk_style(ui->color, LK_STYLE_SELECTED),
		                             false);
	}
	return x + lw + lk_draw_text(w, y, x + lw, vw, value,
	                             f == F_REASON || f == F_AT ? A_UNDERLINE : A_NORMAL, false);
}

static void
draw(struct lk_ui *ui, WINDOW *w)
{
	int cols = getmaxx(w), rows = getmaxy(w);
	char buf[512], date[16];
	lk_draw_text(w, 0, 1, cols / 2, bk.resched ? _("Move a booking") : _("Book a meeting"),
	             lk_style(ui->color, LK_STYLE_TITLE), false);
	lk_draw_right(w, 0, cols - 1, bk.has_client ? bk.client_name : _("No client"), A_BOLD);

	/* The deadline the booking should meet. */
	if (bk.has_client && bk.dl.any) {
		bool overdue = bk.dl.state == LK_DUE_OVERDUE;
		snprintf(buf, sizeof buf, "%s: %s %s%s%s", _("Next deadline"),
		         lk_date_fi(bk.dl.due, date, sizeof date),
		         bk.dl.rule ? _(bk.dl.rule->label) : "", overdue ? " – " : "",
		         overdue ? _("overdue") : "");
		lk_draw_text(w, 1, 1, cols - 2, buf,
		             overdue ? lk_style(ui->color, LK_STYLE_OVERDUE) : A_BOLD, false);
	} else {
		lk_draw_text(w, 1, 1, cols - 2,
		             bk.has_client ? (bk.dl_failed ? _("The due list cannot be computed.")
		                                           : _("No statutory deadline is open."))
		                           : _("A meeting without a client"), A_NORMAL, false);
	}

	/* The labels' column fits the longest label of the language and a
	 * space, so no label runs into its value. */
	static const char *const labels[] = { N_("Kind"), N_("Channel"), N_("Staff"), N_("Length"),
	                                      N_("Point"), N_("Room"), N_("Interpreter"),
	                                      N_("Reason"), N_("Time") };
	int lw = 12;
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (lk_text_width(_(labels[i])) + 1 > lw)
			lw = lk_text_width(_(labels[i])) + 1;
	int half = cols / 2, vw = half - lw - 3, rx = half, rvw = cols - rx - lw - 1;
	char len[16], text[TEXT_MAX * 4 + 1];
	snprintf(len, sizeof len, "%d min", lengths[bk.length]);
	const char *staff = bk.nstaff ? bk.staff[bk.staff_i].name : "–";
	const char *point = bk.point_i >= 0 ? bk.pts[bk.point_i].name : _("where the staff member is");
	const char *room = bk.room_i >= 0 ? bk.rooms[bk.room_i].name : _("no room");
	const char *interp = bk.interp >= 0 ? _(languages[bk.interp].name) : _("not needed");
	int cy = -1, cx = 0;
	if (!bk.resched) {
		draw_field(ui, w, 3, 2, lw, vw, N_("Kind"), _(lk_appointment_kind_label(kind_code())), F_KIND);
		draw_field(ui, w, 3, rx, lw, rvw, N_("Channel"), _(lk_channel_label(channel_code())),
		           F_CHANNEL);
		int send = draw_field(ui, w, 4, 2, lw, vw, N_("Staff"), staff, F_STAFF);
		if (bk.focus == F_STAFF && bk.wlen > 0 && send + 2 < half) {
			if (wcstombs(text, bk.who, sizeof text) == (size_t)-1)
				text[0] = '\0';
			lk_draw_text(w, 4, send + 1, half - send - 2, text, A_UNDERLINE, false);
		}
		draw_field(ui, w, 4, rx, lw, rvw, N_("Length"), len, F_LENGTH);
		draw_field(ui, w, 5, 2, lw, vw, N_("Point"), point, F_POINT);
		draw_field(ui, w, 5, rx, lw, rvw, N_("Room"), room, F_ROOM);
		draw_field(ui, w, 6, 2, lw, vw, N_("Interpreter"), interp, F_INTERP);
	}
	if (!bk.resched && needs_reason()) {
		if (wcstombs(text, bk.reason, sizeof text) == (size_t)-1)
			text[0] = '\0';
		int end = draw_field(ui, w, 6, rx, lw, rvw, N_("Reason"), text, F_REASON);
		if (bk.rlen == 0 && bk.focus != F_REASON)
			lk_draw_text(w, 6, rx + lw, rvw, _("needed when remote"),
			             lk_style(ui->color, LK_STYLE_OVERDUE), false);
		if (bk.focus == F_REASON) {
			cy = 6;
			cx = end;
		}
	}
	if (wcstombs(text, bk.at, sizeof text) == (size_t)-1)
		text[0] = '\0';
	lk_draw_text(w, 7, 2, lw, _("Time"), lk_style(ui->color, LK_STYLE_LABEL), false);
	int end = 2 + lw + lk_draw_text(w, 7, 2 + lw, vw, text, A_UNDERLINE, false);
	if (bk.alen == 0)
		lk_draw_text(w, 7, 2 + lw, cols - lw - 3,
		             bk.focus == F_AT ? "" : _("or type one: d.m.yyyy hh:mm"), A_DIM, false);
	if (bk.focus == F_AT) {
		cy = 7;
		cx = end;
	}
	if (bk.resched) {
		char was[20];
		snprintf(buf, sizeof buf, "%s: %s %s", _("Now"), lk_time_fi(bk.moving.start, was,
		         sizeof was), _(lk_appointment_kind_label(bk.moving.kind)));
		lk_draw_text(w, 3, 2, cols - 3, buf, A_NORMAL, false);
		snprintf(buf, sizeof buf, "%s: %s · %s", _("Staff"), staff,
		         bk.moving.point_name);
		lk_draw_text(w, 4, 2, cols - 3, buf, A_NORMAL, false);
	}

	/* The free slots. */
	int top = 9;
	lk_draw_text(w, top, 1, cols - 2, _("Free slots"), lk_style(ui->color, LK_STYLE_TITLE), false);
	if (bk.has_client && bk.dl.any)
		lk_draw_right(w, top, cols - 1, _("! = after the deadline"), A_NORMAL);
	int page = rows - top - 1;
	if (page < 1)
		page = 1;
	lk_list_follow(bk.sel, &bk.top, page);
	if (bk.nslots == 0)
		lk_draw_text(w, top + 1, 2, cols - 3, _("No free times in these days."), A_NORMAL, false);
	for (int i = bk.top; i < bk.nslots && i - bk.top < page; i++) {
		const struct lk_slot *s = &bk.slots[i];
		int y = top + 1 + i - bk.top;
		bool sel = i == bk.sel && bk.focus == F_SLOTS;
		attr_t a = sel ? lk_style(ui->color, LK_STYLE_SELECTED) : A_NORMAL;
		lk_date d = lk_time_date(s->start);
		int m = lk_time_minute_of_day(s->start);
		snprintf(buf, sizeof buf, "%s %-10s %02d:%02d", _(weekdays[lk_weekday(d) - 1]),
		         lk_date_fi(d, date, sizeof date), m / 60, m % 60);
		if (sel)
			lk_draw_fill(w, y, 1, cols - 1, a);
		lk_draw_text(w, y, 0, 1, sel ? ">" : s->late ? "!" : " ", A_BOLD, false);
		lk_draw_text(w, y, 2, 20, buf, a, false);
		lk_draw_text(w, y, 23, cols - 37, s->point_name, a, false);
		if (s->late)
			lk_draw_text(w, y, cols - 13, 12, _("late"),
			             sel ? a : lk_style(ui->color, LK_STYLE_OVERDUE), false);
	}
	lk_draw_scroll_marks(w, 0, rows - 1, false, bk.top + page < bk.nslots);
	if (cy >= 0) {
		wmove(w, cy, cx < cols ? cx : cols - 1);
		ui->cursor = true;
	}
}

static void
status(struct lk_ui *ui, char *buf, size_t size)
{
	if (ui->message[0])
		buf[0] = '\0';   /* a refusal needs the whole line */
	else if (bk.more)
		snprintf(buf, size, _("More than %d free times"), bk.nslots);
	else
		snprintf(buf, size, dngettext(LK_TEXTDOMAIN, "%d free time", "%d free times",
		                              (unsigned long)bk.nslots), bk.nslots);
}

/* The client the meeting is booked for (a refusal's audit row, rights.c). */
static const char *
in_view(struct lk_ui *ui)
{
	(void)ui;
	return bk.has_client ? bk.client_id : NULL;
}

const struct lk_screen lk_screen_booking = {
	.title = N_("Book a meeting"),
	.keys = keys,
	.n_keys = (int)(sizeof keys / sizeof keys[0]),
	.text = true,
	.text_help = N_("Typing fills the time and reason fields; on the staff line it finds a name."),
	.open = open_booking,
	.enter = enter,
	.draw = draw,
	.key = key,
	.text_input = text_input,
	.settle = settle,
	.status = status,
	.client = in_view,
};
