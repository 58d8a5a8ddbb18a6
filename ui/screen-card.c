/*
 * screen-card.c — the client card: who the client is and how to reach
 * them, their service line and responsible caseworker, upcoming
 * appointments and the statutory due list with overdue items marked (and,
 * under it, no-shows at obligatory targeted sessions).
 *
 * Opening a card is audited (lk_audit "open-card") before anything is
 * shown; if the audit cannot be written, the card stays closed. Shows the
 * identity code masked unless revealed with its key (v), which the role
 * must allow and which is audited ("reveal-hetu") before it shows; never
 * writes anything else to the store but the consent to disclose to
 * healthcare: its key (o) asks on the status line ("… for NAME? y/n",
 * the answer keys the first letters of the language's yes and no: k/e in
 * Finnish, j/n in Swedish), and only yes records one, or withdraws the
 * one in force, audited by the store; no, Esc or any other key writes
 * nothing. The card lists the client's consents, newest first. A TYM
 * partner never gets the card (its row in the screen table needs the card
 * capability; the lookup opens the TYM part instead). What a booking, the
 * calendar or the TYM case change on the card is read again before the
 * card is next drawn (lk_ui_changed).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core/hetu.h"
#include "i18n.h"
#include "store/appointment.h"
#include "store/audit.h"
#include "store/client.h"
#include "store/consent.h"
#include "store/due.h"
#include "store/event.h"
#include "store/signin.h"
#include "store/tym.h"
#include "ui/draw.h"
#include "ui/ui.h"

#define APPT_MAX 32
#define CONSENT_MAX 16
/* What the card's consent key records: disclosure to healthcare for the
 * work-ability assessment (the card's usual case; other scopes with
 * `luukku consent give`). Stored as data, in Finnish like the kinds. */
#define CARD_HEALTH_SCOPE "työkyvyn arviointi"
#define CONTENT_TOP 1     /* body row where the scrolling part starts */

static struct {
	struct lk_client c;
	struct lk_appointment appts[APPT_MAX];
	int n_appts;
	bool appts_more;
	struct lk_due_item due[LK_DUE_MAX];
	size_t n_due;
	bool due_failed, appts_failed;
	/* No-shows at obligatory targeted sessions (store/event.h), under the
	 * due list (docs/rules.md#targeted-session-counts). */
	struct lk_client_event noshow[8];
	int n_noshow;
	int scroll;
	int content;     /* rows of content at the last draw */
	int page;        /* rows that fit */
	bool revealed;   /* the full identity code is shown (audited) */
	struct lk_consent consents[CONSENT_MAX];  /* the newest ones */
	int n_consents;
	bool consents_failed;
	bool asking;     /* the consent key's question is on the status line */
	char tym_open[LK_ID_LEN + 1];   /* the client's open TYM case, or "" */
} card;

static const struct lk_screen_key keys[] = {
	{ LK_VK_HELP, N_("Help"), NULL },
	{ LK_VK_BACK, N_("Back"), N_("Back to the result list") },
	{ LK_VK_AGENDA, N_("Calendar"), NULL },
	{ LK_VK_BOOK, N_("Book"), N_("Book a meeting for this client") },
	{ LK_VK_TYM, NULL, N_("The client's TYM case: team, consent, timeline") },
	{ LK_VK_REVEAL, NULL, N_("Show the full identity code (recorded)") },
	{ LK_VK_CONSENT, NULL, N_("Record or withdraw consent to disclose to healthcare") },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	{ LK_VK_SEARCH, NULL, NULL },
	{ LK_VK_UP, NULL, N_("Scroll up one line") },
	{ LK_VK_DOWN, NULL, N_("Scroll down one line") },
	{ LK_VK_PGUP, NULL, NULL },
	{ LK_VK_PGDN, NULL, NULL },
	{ LK_VK_HOME, NULL, NULL },
	{ LK_VK_END, NULL, NULL },
	{ LK_VK_REDRAW, NULL, NULL },
};

/* Words for codes the store keeps. */
struct word {
	const char *code, *text;
};

static const struct word service_lines[] = {
	{ "tyonvalitys", N_("Placement and skills development") },
	{ "tuettu", N_("Supported employment") },
	{ "tym", N_("Multidisciplinary joint service (TYM)") },
	{ "koto", N_("Integration services (KOTO)") },
	{ NULL, NULL },
};

static const struct word kinds[] = {
	{ "alkuhaastattelu", N_("Initial interview") },
	{ "tyonhakukeskustelu", N_("Job-search discussion") },
	{ "taydentava", N_("Supplementary discussion") },
	{ "verkostopalaveri", N_("Network meeting") },
	{ "tym-paivitys", N_("TYM plan update") },
	{ "muu", N_("Other meeting") },
	{ NULL, NULL },
};

static const struct word channels[] = {
	{ "phone", N_("by phone") },
	{ "video", N_("by video") },
	{ NULL, NULL },
};

static const struct word languages[] = {
	{ "fi", N_("Finnish") }, { "sv", N_("Swedish") }, { "en", N_("English") },
	{ "ru", N_("Russian") }, { "uk", N_("Ukrainian") }, { "et", N_("Estonian") },
	{ "ar", N_("Arabic") }, { "so", N_("Somali") }, { "fa", N_("Persian") },
	{ "ku", N_("Kurdish") }, { "th", N_("Thai") }, { "vi", N_("Vietnamese") },
	{ "zh", N_("Chinese") }, { "tr", N_("Turkish") }, { "pl", N_("Polish") },
	{ "de", N_("German") }, { "fr", N_("French") }, { "es", N_("Spanish") },
	{ NULL, NULL },
};

/* The translated word for a code; the code itself when there is none,
 * "–" for an empty code. */
static const char *
word(const struct word *table, const char *code)
{
	if (code == NULL || code[0] == '\0')
		return "–";
	for (; table->code; table++)
		if (strcmp(table->code, code) == 0)
			return _(table->text);
	return code;
}

static const char *
or_dash(const char *s)
{
	return s && s[0] ? s : "–";
}

/* Keep an upcoming appointment (not held, cancelled or missed). */
static int
collect_appt(const struct lk_appointment *a, void *ctx)
{
	(void)ctx;
	if (strcmp(a->status, "scheduled") != 0 && strcmp(a->status, "checked-in") != 0)
		return 0;
	if (card.n_appts >= APPT_MAX) {
		card.appts_more = true;
		return 1;
	}
	card.appts[card.n_appts++] = *a;
	return 0;
}

/* What needs doing first: overdue, flagged and open items, then exempt
 * ones, then those done; each group keeps core's order (by due date). */
static int
due_rank(enum lk_due_state s)
{
	switch (s) {
	case LK_DUE_OVERDUE:
	case LK_DUE_FLAG:
	case LK_DUE_OPEN:
		return 0;
	case LK_DUE_EXEMPT:
		return 1;
	default:
		return 2;
	}
}

static void
due_order(void)
{
	/* A stable insertion sort: at most LK_DUE_MAX items. */
	for (size_t i = 1; i < card.n_due; i++) {
		struct lk_due_item d = card.due[i];
		size_t j = i;
		for (; j > 0 && due_rank(card.due[j - 1].state) > due_rank(d.state); j--)
			card.due[j] = card.due[j - 1];
		card.due[j] = d;
	}
}

static void read_card(struct lk_ui *ui);

/* Open a client's card: audit first, then read what the card shows. */
static bool
open_card(struct lk_ui *ui, const struct lk_nav *nav)
{
	struct lk_err err = { 0 };
	struct lk_client c;
	const char *client_id = nav->client_id;
	if (lk_client_get(ui->st, client_id, &c, &err) != LK_OK) {
		lk_ui_message(ui, true, "%s: %s", _("The client cannot be shown"), err.msg);
		return false;
	}
	if (lk_audit(ui->st, ui->opt->staff_id, "open-card", client_id, NULL, &err) != LK_OK) {
		lk_ui_message(ui, true, "%s",
		              _("Opening the card could not be recorded, so it stays closed"));
		return false;
	}
	memset(&card, 0, sizeof card);
	card.c = c;
	read_card(ui);
	ui->message[0] = '\0';
	return true;
}

static int
collect_consent(const struct lk_consent *k, void *ctx)
{
	(void)ctx;
	if (card.n_consents == CONSENT_MAX) {   /* keep the newest */
		memmove(card.consents, card.consents + 1, sizeof card.consents[0] * (CONSENT_MAX - 1));
		card.n_consents--;
	}
	card.consents[card.n_consents++] = *k;
	return 0;
}

/* Keep a no-show at an obligatory session. */
static int
collect_noshow(const struct lk_client_event *e, void *ctx)
{
	(void)ctx;
	if (e->obligation && strcmp(e->state, "no-show") == 0 &&
	    card.n_noshow < (int)(sizeof card.noshow / sizeof card.noshow[0]))
		card.noshow[card.n_noshow++] = *e;
	return 0;
}

/* Read the open card's appointments, due list and consents again, without
 * a new audit row (also when a booking, the calendar or the TYM case
 * changed them: the screen's reread). */
static void
read_card(struct lk_ui *ui)
{
	struct lk_err err = { 0 };
	const char *client_id = card.c.id;
	lk_date today = lk_today();
	card.n_appts = 0;
	card.appts_more = card.appts_failed = card.due_failed = false;
	if (lk_appointment_list_client(ui->st, client_id, today, collect_appt, NULL, &err) != LK_OK)
		card.appts_failed = true;
	if (lk_client_due(ui->st, client_id, today, card.due, &card.n_due, &err) != LK_OK) {
		card.due_failed = true;
		card.n_due = 0;
	}
	if (card.n_due > LK_DUE_MAX)
		card.n_due = LK_DUE_MAX;
	due_order();
	card.n_noshow = 0;
	lk_event_client_list(ui->st, client_id, collect_noshow, NULL, &err);
	card.n_consents = 0;
	card.consents_failed = lk_consent_list(ui->st, client_id, collect_consent, NULL, &err) != LK_OK;
	/* A TYM consent lasts as long as its case: after closing, the card no
	 * longer shows it in force. */
	if (lk_tym_find_open(ui->st, client_id, card.tym_open, &err) != LK_OK)
		card.tym_open[0] = '\0';
}

/* The healthcare disclosure in force (the newest), or NULL. */
static const struct lk_consent *
health_in_force(void)
{
	const struct lk_consent *on = NULL;
	for (int i = 0; i < card.n_consents; i++)
		if (strcmp(card.consents[i].kind, "terveydenhuolto") == 0 &&
		    card.consents[i].withdrawn_at[0] == '\0')
			on = &card.consents[i];
	return on;
}

/* The consent key, first press: ask on the status line, write nothing. */
static void
ask_health_consent(struct lk_ui *ui)
{
	char name[sizeof card.c.given_names + sizeof card.c.surname + 1];
	snprintf(name, sizeof name, "%s %s", card.c.given_names, card.c.surname);
	card.asking = true;
	lk_ui_ask(ui, health_in_force()
	          ? _("Withdraw consent to disclose to healthcare for %s? y/n")
	          : _("Record consent to disclose to healthcare for %s? y/n"), name);
}

/* Whether `ch` is the first letter of the translated word `word` ("yes"
 * → k in Finnish, j in Swedish), in either case. */
static bool
answer_is(wchar_t ch, const char *word)
{
	wchar_t first;
	if (mbtowc(&first, word, strlen(word)) <= 0)
		return false;
	return towlower((wint_t)ch) == towlower((wint_t)first);
}

/* The answer yes: withdraw the healthcare disclosure in force, else record
 * one for CARD_HEALTH_SCOPE; audited by the store. */
static void
health_consent(struct lk_ui *ui)
{
	struct lk_err err = { 0 };
	const struct lk_consent *on = health_in_force();
	enum lk_status rc = on
		? lk_consent_withdraw(ui->st, card.c.id, "terveydenhuolto", on->scope,
		                      ui->opt->staff_id, &err)
		: lk_consent_give(ui->st, card.c.id, "terveydenhuolto", CARD_HEALTH_SCOPE, "written",
		                  ui->opt->staff_id, NULL, &err);
	if (rc != LK_OK) {
		lk_ui_message(ui, true, "%s: %s", _("The consent could not be recorded"), err.msg);
		return;
	}
	read_card(ui);
	lk_ui_changed(ui, LK_CHANGED_CLIENT);
	lk_ui_message(ui, false, "%s", on ? _("Consent to disclose to healthcare withdrawn")
	                                  : _("Consent to disclose to healthcare recorded"));
}

/* While asking, letters answer: yes writes, no or any other letter (and
 * any key, see key()) leaves everything as it was. */
static bool
typing(struct lk_ui *ui)
{
	(void)ui;
	return card.asking;
}

static void
text_input(struct lk_ui *ui, wchar_t ch)
{
	card.asking = false;
	lk_ui_ask(ui, NULL);
	if (answer_is(ch, _("yes")))
		health_consent(ui);
	else
		lk_ui_message(ui, false, "%s", _("Nothing recorded"));
}

static void
enter(struct lk_ui *ui)
{
	card.asking = false;
	int h = getmaxy(ui->body) - CONTENT_TOP;
	card.page = h < 1 ? 1 : h;
}

/* Clamp the scroll offset to the content. */
static void
clamp(void)
{
	int max = card.content - card.page;
	if (card.scroll > max)
		card.scroll = max;
	if (card.scroll < 0)
		card.scroll = 0;
}

static void
key(struct lk_ui *ui, enum lk_vkey vk)
{
	if (card.asking) {   /* Esc or any key but yes: nothing written */
		card.asking = false;
		lk_ui_ask(ui, NULL);
		lk_ui_message(ui, false, "%s", _("Nothing recorded"));
		return;
	}
	switch (vk) {
	case LK_VK_BACK:
		lk_ui_back(ui);
		return;
	case LK_VK_SEARCH:
		lk_ui_open(ui, LK_SCREEN_LOOKUP,
		           &(const struct lk_nav){ .flags = LK_NAV_HOME | LK_NAV_CLEAR });
		return;
	case LK_VK_BOOK:
		lk_ui_open(ui, LK_SCREEN_BOOKING, &(const struct lk_nav){ .client_id = card.c.id });
		return;
	case LK_VK_AGENDA:
		lk_ui_open(ui, LK_SCREEN_AGENDA, NULL);
		return;
	case LK_VK_TYM:
		lk_ui_open(ui, LK_SCREEN_TYM, &(const struct lk_nav){ .client_id = card.c.id });
		return;
	case LK_VK_CONSENT:
		ask_health_consent(ui);
		return;
	case LK_VK_REVEAL: {
		struct lk_err err = { 0 };
		if (card.revealed || !card.c.hetu[0])
			return;
		if (lk_audit(ui->st, ui->opt->staff_id, "reveal-hetu", card.c.id, NULL, &err) != LK_OK) {
			lk_ui_message(ui, true, "%s", _("Revealing could not be recorded, so it stays hidden"));
			return;
		}
		card.revealed = true;
		return;
	}
	case LK_VK_UP:
		card.scroll--;
		break;
	case LK_VK_DOWN:
		card.scroll++;
		break;
	case LK_VK_PGUP:
		card.scroll -= card.page - 1;
		break;
	case LK_VK_PGDN:
		card.scroll += card.page - 1;
		break;
	case LK_VK_HOME:
		card.scroll = 0;
		break;
	case LK_VK_END:
		card.scroll = card.content;
		break;
	default:
		break;
	}
	clamp();
}

/* Where the next content row goes: a body row, or -1 when scrolled off. */
struct pen {
	WINDOW *w;
	int row;        /* content row */
	int cols;
};

static int
pen_y(const struct pen *p)
{
	int y = p->row - card.scroll;
	if (y < 0 || y >= card.page)
		return -1;
	return CONTENT_TOP + y;
}

struct field {
	const char *label;   /* msgid */
	const char *value;
	bool wide;           /* takes the whole line */
};

/* Label/value pairs: wide ones on a line of their own, narrow ones two to
 * a line. */
static void
draw_fields(struct lk_ui *ui, struct pen *p, const struct field *f, int n)
{
	int lw = 0;
	for (int i = 0; i < n; i++) {
		int w = lk_text_width(_(f[i].label));
		if (w > lw)
			lw = w;
	}
	lw += 2;
	int half = p->cols / 2 > 48 ? 48 : p->cols / 2;   /* pairs stay together */
	attr_t la = lk_style(ui->color, LK_STYLE_LABEL);
	for (int i = 0; i < n; i++) {
		int y = pen_y(p);
		if (f[i].wide || i + 1 >= n || f[i + 1].wide) {
			lk_draw_text(p->w, y, 2, lw, _(f[i].label), la, false);
			lk_draw_text(p->w, y, 2 + lw, p->cols - lw - 3, f[i].value, A_NORMAL, false);
		} else {
			lk_draw_text(p->w, y, 2, lw, _(f[i].label), la, false);
			lk_draw_text(p->w, y, 2 + lw, half - lw - 3, f[i].value, A_NORMAL, false);
			lk_draw_text(p->w, y, half, lw, _(f[i + 1].label), la, false);
			lk_draw_text(p->w, y, half + lw, p->cols - half - lw - 1, f[i + 1].value,
			             A_NORMAL, false);
			i++;
		}
		p->row++;
	}
}

static void
draw_section_title(struct lk_ui *ui, struct pen *p, const char *title)
{
	lk_draw_text(p->w, pen_y(p), 1, p->cols - 2, title, lk_style(ui->color, LK_STYLE_TITLE),
	             false);
	p->row++;
}

static void
draw_appointments(struct lk_ui *ui, struct pen *p)
{
	draw_section_title(ui, p, _("Upcoming appointments"));
	if (card.appts_failed || card.n_appts == 0) {
		lk_draw_text(p->w, pen_y(p), 2, p->cols - 3,
		             card.appts_failed ? _("The appointments cannot be read.")
		                               : _("No upcoming appointments."),
		             card.appts_failed ? lk_style(ui->color, LK_STYLE_ERROR) : A_NORMAL, false);
		p->row++;
		return;
	}
	/* when 16 | what | where | with whom: extra width to where and who. */
	int extra = p->cols - 80 > 0 ? (p->cols - 80) / 2 : 0;
	int kx = 2 + 16 + 2, kw = 20;
	int px = kx + kw + 1, pw = 22 + extra;
	int sx = px + pw + 1, sw = p->cols - sx - 1;
	for (int i = 0; i < card.n_appts; i++) {
		const struct lk_appointment *a = &card.appts[i];
		int y = pen_y(p);
		char when[24], what[128];
		lk_time_fi(a->start, when, sizeof when);
		if (strcmp(a->status, "checked-in") == 0)
			snprintf(what, sizeof what, "%s (%s)", word(kinds, a->kind), _("checked in"));
		else
			snprintf(what, sizeof what, "%s", word(kinds, a->kind));
		const char *where = (strcmp(a->channel, "phone") == 0 || strcmp(a->channel, "video") == 0)
			? word(channels, a->channel) : or_dash(a->point_name);
		lk_draw_text(p->w, y, 2, 16, when, A_NORMAL, false);
		lk_draw_text(p->w, y, kx, kw, what, A_NORMAL, false);
		lk_draw_text(p->w, y, px, pw, where, A_NORMAL, false);
		lk_draw_text(p->w, y, sx, sw, or_dash(a->staff_name), A_NORMAL, false);
		p->row++;
	}
	if (card.appts_more) {
		lk_draw_text(p->w, pen_y(p), 2, p->cols - 3, "…", A_NORMAL, false);
		p->row++;
	}
}

/* The state of a due item in words, its marker and its style. */
static const char *
due_state(enum lk_due_state s, const char **mark, enum lk_style *style)
{
	*mark = " ";
	*style = LK_STYLE_NORMAL;
	switch (s) {
	case LK_DUE_DONE:
		*style = LK_STYLE_DONE;
		return _("done");
	case LK_DUE_OPEN:
		return _("open");
	case LK_DUE_OVERDUE:
		*mark = "!";
		*style = LK_STYLE_OVERDUE;
		return _("overdue");
	case LK_DUE_EXEMPT:
		return _("exempt");
	case LK_DUE_FLAG:
		*mark = "*";
		*style = LK_STYLE_FLAG;
		return _("flag");
	}
	return "?";
}

/* The no-shows at obligatory sessions, marked like overdue items. */
static void
draw_noshows(struct lk_ui *ui, struct pen *p)
{
	attr_t a = lk_style(ui->color, LK_STYLE_OVERDUE);
	for (int i = 0; i < card.n_noshow; i++) {
		char date[16], label[256];
		int y = pen_y(p);
		lk_date_fi(lk_time_date(card.noshow[i].start), date, sizeof date);
		snprintf(label, sizeof label, _("Obligatory session: %s"), card.noshow[i].title);
		lk_draw_text(p->w, y, 0, 1, "!", a, false);
		lk_draw_text(p->w, y, 2, 10, date, a, false);
		lk_draw_text(p->w, y, 13, 11, _("no-show"), a, false);
		lk_draw_text(p->w, y, 25, p->cols - 26, label, a, false);
		p->row++;
	}
}

static void
draw_due(struct lk_ui *ui, struct pen *p)
{
	int overdue = 0;
	for (size_t i = 0; i < card.n_due; i++)
		if (card.due[i].state == LK_DUE_OVERDUE)
			overdue++;
	int y = pen_y(p);
	draw_section_title(ui, p, _("Statutory due list"));
	if (overdue > 0) {
		char sum[64];
		snprintf(sum, sizeof sum, _("Overdue: %d"), overdue);
		lk_draw_right(p->w, y, p->cols - 1, sum, lk_style(ui->color, LK_STYLE_OVERDUE));
	}
	if (card.due_failed || card.n_due == 0) {
		lk_draw_text(p->w, pen_y(p), 2, p->cols - 3,
		             card.due_failed ? _("The due list cannot be computed.")
		                             : _("Nothing is due by law for this client."),
		             card.due_failed ? lk_style(ui->color, LK_STYLE_ERROR) : A_NORMAL, false);
		p->row++;
		draw_noshows(ui, p);
		return;
	}
	int sx = 13, sw = 11, lx = sx + sw + 1;
	for (size_t i = 0; i < card.n_due; i++) {
		const struct lk_due_item *d = &card.due[i];
		const char *mark;
		enum lk_style st;
		const char *state = due_state(d->state, &mark, &st);
		attr_t a = lk_style(ui->color, st);
		char date[16], seq[32] = "";
		lk_date_fi(d->due, date, sizeof date);
		const char *label = d->rule && d->rule->label ? _(d->rule->label) : "?";
		if (d->of > 0)
			snprintf(seq, sizeof seq, "%d/%d", d->seq, d->of);
		else if (d->seq > 0)
			snprintf(seq, sizeof seq, "%d", d->seq);
		y = pen_y(p);
		attr_t row = d->state == LK_DUE_OVERDUE || d->state == LK_DUE_FLAG ? a : A_NORMAL;
		lk_draw_text(p->w, y, 0, 1, mark, a, false);
		lk_draw_text(p->w, y, 2, 10, date, row, false);
		lk_draw_text(p->w, y, sx, sw, state, a, false);
		/* The number stays visible when a long label is cut. */
		int lw = p->cols - lx - 1, sw2 = seq[0] ? lk_text_width(seq) + 1 : 0;
		int drawn = lk_draw_text(p->w, y, lx, lw - sw2, label, row, false);
		if (seq[0])
			lk_draw_text(p->w, y, lx + drawn + 1, sw2, seq, row, false);
		p->row++;
	}
	draw_noshows(ui, p);
}

static const struct word consent_kinds[] = {
	{ "rinnalla", N_("Rinnalla, one-time") },
	{ "terveydenhuolto", N_("Disclosure to healthcare") },
	{ "tym", N_("TYM team") },
	{ NULL, NULL },
};

static const struct word consent_hows[] = {
	{ "oral", N_("oral") },
	{ "written", N_("written") },
	{ "electronic", N_("electronic") },
	{ NULL, NULL },
};

/* "YYYY-MM-DD HH:MM" as d.m.yyyy. */
static const char *
day_fi(const char *iso, char *buf, size_t size)
{
	lk_time t;
	if (!lk_time_parse(iso, &t))
		return "–";
	return lk_date_fi(lk_time_date(t), buf, size);
}

static void
draw_consents(struct lk_ui *ui, struct pen *p)
{
	draw_section_title(ui, p, _("Consents"));
	if (card.consents_failed || card.n_consents == 0) {
		lk_draw_text(p->w, pen_y(p), 2, p->cols - 3,
		             card.consents_failed ? _("The consents cannot be read.")
		                                  : _("No consents on record."),
		             card.consents_failed ? lk_style(ui->color, LK_STYLE_ERROR) : A_NORMAL,
		             false);
		p->row++;
		return;
	}
	/* kind 26 | how 12 | given/withdrawn 18 | scope */
	for (int i = card.n_consents - 1; i >= 0; i--) {
		const struct lk_consent *k = &card.consents[i];
		char g[16], w[16], state[64];
		bool ended = strcmp(k->kind, "tym") == 0 && strcmp(k->scope, card.tym_open) != 0;
		if (k->withdrawn_at[0])
			snprintf(state, sizeof state, "%s–%s", day_fi(k->given_at, g, sizeof g),
			         day_fi(k->withdrawn_at, w, sizeof w));
		else if (ended)
			snprintf(state, sizeof state, "%s", _("case closed"));
		else
			snprintf(state, sizeof state, _("since %s"), day_fi(k->given_at, g, sizeof g));
		int y = pen_y(p);
		attr_t a = k->withdrawn_at[0] || ended ? lk_style(ui->color, LK_STYLE_DONE) : A_NORMAL;
		lk_draw_text(p->w, y, 2, 26, word(consent_kinds, k->kind), a, false);
		lk_draw_text(p->w, y, 29, 12, word(consent_hows, k->how), a, false);
		lk_draw_text(p->w, y, 42, 18, state, a, false);
		if (strcmp(k->kind, "tym") != 0)   /* a TYM scope is a case id */
			lk_draw_text(p->w, y, 61, p->cols - 62, k->scope, a, false);
		p->row++;
	}
}

static void
draw(struct lk_ui *ui, WINDOW *w)
{
	const struct lk_client *c = &card.c;
	int cols = getmaxx(w);
	card.page = getmaxy(w) - CONTENT_TOP;
	if (card.page < 1)
		card.page = 1;
	clamp();
	lk_draw_text(w, 0, 1, cols - 2, _("Client card"), lk_style(ui->color, LK_STYLE_TITLE),
	             false);

	struct pen p = { w, 0, cols };
	char name[256], mask[16], start[16], end[16], lang[64];
	snprintf(name, sizeof name, "%s, %s", c->surname, c->given_names);
	if (card.revealed)
		snprintf(mask, sizeof mask, "%s", c->hetu);
	else
		lk_hetu_mask(c->hetu, mask, sizeof mask);
	int y = pen_y(&p);
	int mw = c->hetu[0] ? lk_text_width(mask) + 2 : 0;
	lk_draw_text(w, y, 2, cols - 3 - mw, name, A_BOLD, false);
	if (c->hetu[0])
		lk_draw_right(w, y, cols - 1, mask, A_BOLD);
	p.row++;

	lk_date_fi(c->job_search_start, start, sizeof start);
	/* docs/rules.md#job-search-end: an end of this period (not one before
	 * a new start) is shown; its cadence items are gone from the due list. */
	bool ended = c->job_search_end != LK_NO_DATE && c->job_search_start != LK_NO_DATE &&
	             c->job_search_end >= c->job_search_start;
	lk_date_fi(c->job_search_end, end, sizeof end);
	snprintf(lang, sizeof lang, "%s", word(languages, c->lang));
	/* Plain language only when the client needs it, so a card without
	 * it looks as it always has. */
	struct field fields[] = {
		{ N_("Municipality"), or_dash(c->municipality), false },
		{ N_("Phone"), or_dash(c->phone), false },
		{ N_("Address"), or_dash(c->address), true },
		{ N_("Email"), or_dash(c->email), true },
		{ N_("Language"), lang, false },
		{ N_("Interpreter"), c->interpreter_lang[0] ? word(languages, c->interpreter_lang)
		                                            : _("not needed"), false },
		{ N_("Service line"), word(service_lines, c->service_line), true },
		{ N_("Caseworker"), c->caseworker_name[0] ? c->caseworker_name : _("none yet"), false },
		{ N_("Job search since"), start[0] ? start : "–", false },
		{ N_("Job search ended"), end, false },
		{ N_("Plain language"), _("needed (selkokieli)"), true },
	};
	int n = (int)(sizeof fields / sizeof fields[0]);
	if (!ended) {   /* no line for an end that is not there */
		fields[n - 2] = fields[n - 1];
		n--;
	}
	if (c->plain_language) {   /* a line of its own after language and interpreter */
		struct field plain = fields[n - 1];
		memmove(&fields[7], &fields[6], (size_t)(n - 7) * sizeof fields[0]);
		fields[6] = plain;
	} else {
		n--;
	}
	draw_fields(ui, &p, fields, n);
	p.row++;
	draw_appointments(ui, &p);
	p.row++;
	draw_due(ui, &p);
	p.row++;
	draw_consents(ui, &p);

	card.content = p.row;
	clamp();
	lk_draw_scroll_marks(w, CONTENT_TOP, getmaxy(w) - 1, card.scroll > 0,
	                     card.scroll + card.page < card.content);
}

/* The client on the card (a refusal's audit row, rights.c). */
static const char *
in_view(struct lk_ui *ui)
{
	(void)ui;
	return card.c.id[0] ? card.c.id : NULL;
}

const struct lk_screen lk_screen_card = {
	.title = N_("Client card"),
	.keys = keys,
	.n_keys = (int)(sizeof keys / sizeof keys[0]),
	.text = false,
	.typing = typing,
	.open = open_card,
	.enter = enter,
	.shows = LK_CHANGED_APPOINTMENTS | LK_CHANGED_CLIENT,
	.reread = read_card,
	.draw = draw,
	.key = key,
	.text_input = text_input,
	.settle = NULL,
	.status = NULL,
	.client = in_view,
};
