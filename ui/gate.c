/*
 * gate.c — the one gate between screens (tig's open_view): the table of
 * screens with who may open each, lk_ui_open (the only code that makes
 * another screen current), the back stack that one lk_ui_back pops, and
 * the change flags (calcurse's wins_update) by which a screen that shows
 * some data reads it again after another screen changed it.
 *
 * A screen's rights are checked before it reads anything (its open()).
 * Screens never call one another: they ask the gate, with one struct
 * lk_nav. Never draws, never touches the store itself (a refusal's audit
 * row is rights.c's).
 */
#include <string.h>

#include "ui/ui.h"

/* Who may open a screen while sign-in applies (with sign-in off, anyone). */
enum who {
	ANYONE,       /* help, the lock */
	SIGNED_OUT,   /* the sign-in screen: only while nobody is signed in (silently) */
	SIGNED_IN,    /* anyone signed in (else silently refused) */
	CAP,          /* a role with `cap` or `alt` (else "Not for the role …") */
};

/* One row of the table: the screen, its rights, and how Back treats it. */
struct row {
	const struct lk_screen *screen;
	enum who who;
	enum lk_cap cap, alt;
	/* Help: never itself remembered for Back, so a screen opened over it
	 * (the lock) returns to the screen under it. */
	bool passing;
	/* The lock: covers the screen behind, which keeps its state; Back
	 * returns to it without checking it again or calling its enter(). */
	bool cover;
};

static const struct row rows[LK_SCREEN_COUNT] = {
	[LK_SCREEN_LOOKUP] = { &lk_screen_lookup, CAP, LK_CAP_SEARCH, LK_CAP_TYM_PART, false, false },
	[LK_SCREEN_CARD] = { &lk_screen_card, CAP, LK_CAP_CARD, LK_CAP_CARD, false, false },
	[LK_SCREEN_HELP] = { &lk_screen_help, ANYONE, 0, 0, true, false },
	[LK_SCREEN_AGENDA] = { &lk_screen_agenda, CAP, LK_CAP_BOOK, LK_CAP_BOOK, false, false },
	[LK_SCREEN_BOOKING] = { &lk_screen_booking, CAP, LK_CAP_BOOK, LK_CAP_BOOK, false, false },
	[LK_SCREEN_TYM] = { &lk_screen_tym, CAP, LK_CAP_TYM, LK_CAP_TYM_PART, false, false },
	[LK_SCREEN_PISTE] = { &lk_screen_piste, CAP, LK_CAP_PISTE, LK_CAP_PISTE, false, false },
	[LK_SCREEN_PICK] = { &lk_screen_pick, SIGNED_IN, 0, 0, false, false },
	[LK_SCREEN_SIGNIN] = { &lk_screen_signin, SIGNED_OUT, 0, 0, false, false },
	[LK_SCREEN_LOCK] = { &lk_screen_lock, ANYONE, 0, 0, false, true },
	[LK_SCREEN_CONFLICTS] = { &lk_screen_conflicts, CAP, LK_CAP_SETTLE, LK_CAP_SETTLE_OWN,
	                          false, false },
	[LK_SCREEN_REPORT] = { &lk_screen_report, CAP, LK_CAP_REPORTS, LK_CAP_REPORTS, false, false },
	/* Events are the calendar's (store/event.h; the CLI's `event` needs book too). */
	[LK_SCREEN_EVENTS] = { &lk_screen_events, CAP, LK_CAP_BOOK, LK_CAP_BOOK, false, false },
};

/* A screen's name in the audit trail (a refusal's detail). */
static const char *const screen_names[LK_SCREEN_COUNT] = {
	[LK_SCREEN_LOOKUP] = "lookup", [LK_SCREEN_CARD] = "card", [LK_SCREEN_HELP] = "help",
	[LK_SCREEN_AGENDA] = "calendar", [LK_SCREEN_BOOKING] = "booking", [LK_SCREEN_TYM] = "tym",
	[LK_SCREEN_PISTE] = "piste", [LK_SCREEN_PICK] = "pick", [LK_SCREEN_SIGNIN] = "sign-in",
	[LK_SCREEN_LOCK] = "lock", [LK_SCREEN_CONFLICTS] = "conflicts", [LK_SCREEN_REPORT] = "report",
	[LK_SCREEN_EVENTS] = "events",
};

/* The screen behind an id. */
const struct lk_screen *
lk_ui_screen(enum lk_screen_id id)
{
	return rows[id].screen;
}

/* Whether a screen takes typed text now. */
bool
lk_screen_text(struct lk_ui *ui, const struct lk_screen *s)
{
	return s->typing ? s->typing(ui) : s->text;
}

/* Whether the signed-in role may open screen id; a refusal by capability
 * says so on the status line. */
static bool
allowed(struct lk_ui *ui, enum lk_screen_id id)
{
	const struct row *r = &rows[id];
	if (!ui->session.on)
		return true;
	switch (r->who) {
	case ANYONE:
		return true;
	case SIGNED_OUT:
		return !ui->session.in;
	case SIGNED_IN:
		return ui->session.in;
	case CAP:
		break;
	}
	if (lk_ui_can(ui, r->cap) || lk_ui_can(ui, r->alt))
		return true;
	char what[64];
	snprintf(what, sizeof what, "screen %s", screen_names[id]);
	lk_ui_refuse_what(ui, what);
	return false;
}

/* A message or a question belongs to the screen that made it: another
 * screen starts without them (what it says itself comes after). */
static void
forget_messages(struct lk_ui *ui)
{
	ui->message[0] = '\0';
	ui->question[0] = '\0';
}

/* Remember screen id for Back; a full stack forgets its oldest. */
static void
push(struct lk_ui *ui, enum lk_screen_id id)
{
	if (ui->n_back == LK_BACK_MAX) {
		memmove(ui->back, ui->back + 1, sizeof ui->back[0] * (LK_BACK_MAX - 1));
		ui->n_back--;
	}
	ui->back[ui->n_back++] = id;
}

/* Open a screen: rights, its open(), Back, current, its enter(). */
bool
lk_ui_open(struct lk_ui *ui, enum lk_screen_id id, const struct lk_nav *nav)
{
	static const struct lk_nav none;
	struct lk_nav n = nav ? *nav : none;
	if (n.day == 0)
		n.day = LK_NO_DATE;   /* left out: today */
	if (!allowed(ui, id))
		return false;
	const struct lk_screen *s = rows[id].screen;
	if (ui->cur != id)
		forget_messages(ui);   /* before open(), which may say why it cannot */
	if (s->open && !s->open(ui, &n))
		return false;
	if (n.flags & LK_NAV_HOME)
		ui->n_back = 0;
	else if (ui->cur != id && !rows[ui->cur].passing)
		push(ui, ui->cur);
	ui->cur = id;
	ui->stale[id] = 0;   /* it has just read what it shows */
	if (s->enter)
		s->enter(ui);
	return true;
}

/* Back to where the current screen was opened from. */
bool
lk_ui_back(struct lk_ui *ui)
{
	if (ui->n_back == 0)
		return false;
	enum lk_screen_id to = ui->back[ui->n_back - 1];
	bool cover = rows[ui->cur].cover;
	if (!cover && !allowed(ui, to))
		return false;
	ui->n_back--;
	forget_messages(ui);
	ui->cur = to;
	if (!cover && rows[to].screen->enter)
		rows[to].screen->enter(ui);
	return true;
}

/* Back, with an answer for the screen returned to. */
bool
lk_ui_return(struct lk_ui *ui, const struct lk_nav *r)
{
	if (!lk_ui_back(ui))
		return false;
	const struct lk_screen *s = rows[ui->cur].screen;
	if (s->result)
		s->result(ui, r);
	return true;
}

enum lk_screen_id
lk_ui_under(const struct lk_ui *ui)
{
	return ui->n_back > 0 ? ui->back[ui->n_back - 1] : ui->cur;
}

/* Mark the data as changed for every other screen that shows it. */
void
lk_ui_changed(struct lk_ui *ui, unsigned what)
{
	for (int i = 0; i < LK_SCREEN_COUNT; i++)
		if (i != (int)ui->cur)
			ui->stale[i] |= what & rows[i].screen->shows;
}

/* The current screen reads again what another screen changed. */
void
lk_ui_reread(struct lk_ui *ui)
{
	const struct lk_screen *s = rows[ui->cur].screen;
	if (ui->stale[ui->cur] == 0)
		return;
	ui->stale[ui->cur] = 0;
	if (s->reread)
		s->reread(ui);
}
