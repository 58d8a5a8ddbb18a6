/*
 * screen-tym.c — a client's TYM case, opened from the client card: open a
 * case with its referral source, assemble the teams (start team,
 * responsible pair, network meeting, work-ability support team) with the
 * roles each still lacks shown as warnings and a refused member shown with
 * the reason, record or withdraw the client's consent, and the timeline
 * from core's cadence (needs assessment, plan updates, reviews, 18 months),
 * and closing the case with its outcome and the final assessment typed in.
 *
 * The rules are core's (core/tym-teams.h), applied by the store (store/tym.h);
 * this screen only asks and shows. An outside staff member without the
 * client's consent is refused the case before anything is shown. Each
 * change says the client changed (lk_ui_changed), so the card behind reads
 * its consents and due list again. Never writes SQL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "i18n.h"
#include "store/client.h"
#include "store/staff.h"
#include "store/tym.h"
#include "ui/draw.h"
#include "ui/ui.h"

#define STAFF_MAX 200
#define FINAL_MAX 400      /* characters of the final assessment */

enum mode { VIEW, REFERRAL, TEAM, STAFF, CLOSE };

/* A question on the way (lk_ui_ask): its answer is the next key. */
enum ask { ASK_NONE, ASK_HOW, ASK_WITHDRAW, ASK_CLOSE };

#define FILTER_MAX 40      /* characters typed to find a person */

static struct {
	char client_id[65];
	char client_name[210];
	bool has_case;
	struct lk_tym_case k;
	enum mode mode;
	int referral;              /* chosen referral source, -1 for none */
	enum lk_tym_team team;     /* the team being added to */
	struct lk_staff staff[STAFF_MAX];
	int n_staff, sel, top;
	/* The picker's type-ahead: the people whose name has a word starting
	 * with the typed text, as indexes into staff[]. */
	wchar_t filter[FILTER_MAX + 1];
	size_t filter_len;
	int shown[STAFF_MAX], n_shown;
	enum ask ask;
	char notice[512];          /* the last refusal or warning, in the body */
	bool notice_error;
	int outcome;               /* closing: index into lk_tym_outcomes */
	wchar_t final[FINAL_MAX + 1];
	size_t flen;
} ty;

static const struct lk_screen_key keys[] = {
	{ LK_VK_HELP, N_("Help"), NULL },
	{ LK_VK_ADD, N_("Add"), N_("Add a member: choose the team, then the person") },
	{ LK_VK_CONSENT, N_("Consent"), N_("Record the client's consent, or its withdrawal") },
	{ LK_VK_FINISH, N_("Close"), N_("Close the case: the outcome and the final assessment") },
	{ LK_VK_PICK1, NULL, N_("Choose item 1 (team or referral source)") },
	{ LK_VK_PICK2, NULL, N_("Choose item 2") },
	{ LK_VK_PICK3, NULL, N_("Choose item 3") },
	{ LK_VK_PICK4, NULL, N_("Choose item 4") },
	{ LK_VK_PICK5, NULL, N_("Choose item 5") },
	{ LK_VK_OPEN, NULL, N_("Confirm the choice") },
	{ LK_VK_UP, NULL, N_("Previous person; when closing, the previous outcome") },
	{ LK_VK_DOWN, NULL, N_("Next person; when closing, the next outcome") },
	{ LK_VK_ERASE, NULL, NULL },
	{ LK_VK_CLEAR, NULL, N_("Cancel the choice") },
	{ LK_VK_BACK, N_("Back"), N_("Back to the client card") },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	{ LK_VK_REDRAW, NULL, NULL },
};

/* Read the case again; false (and a message) when it cannot be shown. */
static bool
load(struct lk_ui *ui)
{
	struct lk_err err = { 0 };
	char id[LK_ID_LEN + 1];
	ty.has_case = false;
	if (lk_tym_find_open(ui->st, ty.client_id, id, &err) != LK_OK)
		return true;
	if (lk_tym_get(ui->st, id, ui->opt->staff_id, &ty.k, &err) != LK_OK) {
		lk_ui_message(ui, true, "%s: %s", _("The TYM case cannot be shown"), err.msg);
		return false;
	}
	ty.has_case = true;
	return true;
}

/* The client's open case, or opening one. */
static bool
open_tym(struct lk_ui *ui, const struct lk_nav *nav)
{
	struct lk_client c;
	struct lk_err err = { 0 };
	const char *client_id = nav->client_id;
	if (lk_client_get(ui->st, client_id, &c, &err) != LK_OK) {
		lk_ui_message(ui, true, "%s: %s", _("The client cannot be shown"), err.msg);
		return false;
	}
	memset(&ty, 0, sizeof ty);
	snprintf(ty.client_id, sizeof ty.client_id, "%s", client_id);
	snprintf(ty.client_name, sizeof ty.client_name, "%s, %s", c.surname, c.given_names);
	ty.referral = -1;
	if (!load(ui))
		return false;
	ty.mode = ty.has_case ? VIEW : REFERRAL;
	return true;
}

/* Read the case again after a change made here; the card shows the case's
 * consent and due items, so it reads them again too. */
static void
changed(struct lk_ui *ui)
{
	load(ui);
	lk_ui_changed(ui, LK_CHANGED_CLIENT);
}

static void
notice(bool error, const char *fmt, const char *a, const char *b)
{
	snprintf(ty.notice, sizeof ty.notice, fmt, a, b);
	ty.notice_error = error;
}

static int
collect_staff(const struct lk_staff *s, void *ctx)
{
	(void)ctx;
	if (ty.n_staff >= STAFF_MAX)
		return 1;
	if (s->active)
		ty.staff[ty.n_staff++] = *s;
	return 0;
}

static void
add_member(struct lk_ui *ui)
{
	if (ty.n_shown == 0)
		return;
	const struct lk_staff *s = &ty.staff[ty.shown[ty.sel]];
	struct lk_err err = { 0 };
	char warning[512];
	const char *team = lk_tym_team_rules()[ty.team].code;
	char name[210];
	snprintf(name, sizeof name, "%s %s", s->surname, s->given_names);
	if (lk_tym_member_add(ui->st, ty.k.id, s->id, team, warning, sizeof warning, &err) != LK_OK) {
		notice(true, _("Not added: %s"), err.msg, NULL);
		lk_ui_message(ui, true, _("%s was not added"), name);
	} else {
		if (warning[0])
			notice(false, "%s", warning, NULL);
		else
			ty.notice[0] = '\0';
		lk_ui_message(ui, false, _("%s added to the %s"), name, _(lk_tym_team_rules()[ty.team].label));
	}
	ty.mode = VIEW;
	changed(ui);
}

/* Whether a word of `name` starts with the typed text (case ignored). */
static bool
name_matches(const char *name)
{
	if (ty.filter_len == 0)
		return true;
	wchar_t w[256];
	size_t n = mbstowcs(w, name, sizeof w / sizeof w[0] - 1);
	if (n == (size_t)-1)
		return false;
	w[n] = L'\0';
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && iswalnum((wint_t)w[i - 1]))
			continue;   /* not the start of a word */
		size_t k = 0;
		while (k < ty.filter_len && i + k < n &&
		       towlower((wint_t)w[i + k]) == towlower((wint_t)ty.filter[k]))
			k++;
		if (k == ty.filter_len)
			return true;
	}
	return false;
}

/* The people the typed text leaves; the first of them chosen. */
static void
refilter(void)
{
	ty.n_shown = 0;
	for (int i = 0; i < ty.n_staff; i++) {
		char name[210];
		snprintf(name, sizeof name, "%s %s", ty.staff[i].surname, ty.staff[i].given_names);
		if (name_matches(name))
			ty.shown[ty.n_shown++] = i;
	}
	ty.sel = ty.top = 0;
}

static void
pick(struct lk_ui *ui, int i)
{
	if (ty.mode == REFERRAL && i < 5) {
		ty.referral = i;
	} else if (ty.mode == TEAM && i < LK_TEAM_COUNT) {
		ty.team = (enum lk_tym_team)i;
		ty.mode = STAFF;
		ty.n_staff = ty.sel = ty.top = 0;
		ty.filter_len = 0;
		ty.filter[0] = L'\0';
		struct lk_err err = { 0 };
		if (lk_staff_list(ui->st, NULL, collect_staff, NULL, &err) != LK_OK)
			lk_ui_message(ui, true, "%s", err.msg);
		refilter();
	}
}

static void close_case(struct lk_ui *ui);

/* The first letter of a translated word, lower case ("written" →
 * k in Finnish, s in Swedish, w in English). */
static wchar_t
first_letter(const char *word)
{
	wchar_t first;
	if (mbtowc(&first, word, strlen(word)) <= 0)
		return L'?';
	return (wchar_t)towlower((wint_t)first);
}

/* Whether ch is the first letter of the translated word, in either case. */
static bool
answer_is(wchar_t ch, const char *word)
{
	return (wchar_t)towlower((wint_t)ch) == first_letter(word);
}

static void
confirm(struct lk_ui *ui)
{
	struct lk_err err = { 0 };
	char id[LK_ID_LEN + 1];
	if (ty.mode == REFERRAL) {
		if (ty.referral < 0) {
			lk_ui_message(ui, false, "%s", _("Choose the referral source first: 1-5"));
			return;
		}
		if (lk_tym_open(ui->st, ty.client_id, lk_tym_referrals[ty.referral], ui->opt->staff_id,
		                id, &err) != LK_OK) {
			notice(true, _("Not opened: %s"), err.msg, NULL);
			return;
		}
		lk_ui_message(ui, false, "%s", _("TYM case opened"));
		ty.mode = VIEW;
		changed(ui);
	} else if (ty.mode == STAFF) {
		add_member(ui);
	} else if (ty.mode == CLOSE) {
		ty.ask = ASK_CLOSE;
		lk_ui_ask(ui, _("Close the TYM case of %s as \"%s\"? y/n"), ty.client_name,
		          _(lk_tym_outcome_label(lk_tym_outcomes[ty.outcome])));
	}
}

/* Close the case with the chosen outcome and the typed assessment. */
static void
close_case(struct lk_ui *ui)
{
	char text[FINAL_MAX * 4 + 1];
	if (wcstombs(text, ty.final, sizeof text) == (size_t)-1)
		text[0] = '\0';
	struct lk_err err = { 0 };
	const char *outcome = lk_tym_outcomes[ty.outcome];
	if (lk_tym_close(ui->st, ty.k.id, outcome, text, &err) != LK_OK) {
		lk_ui_message(ui, true, "%s: %s", _("Not closed"), err.msg);
		return;
	}
	lk_ui_message(ui, false, _("TYM case closed: %s"), _(lk_tym_outcome_label(outcome)));
	ty.flen = 0;
	ty.final[0] = L'\0';
	ty.notice[0] = '\0';
	changed(ui);
	ty.mode = ty.has_case ? VIEW : REFERRAL;
	ty.referral = -1;
}

/* The consent key: ask how it was given, or whether to withdraw it. */
static void
ask_consent(struct lk_ui *ui)
{
	if (!ty.has_case)
		return;
	if (ty.k.consent) {
		ty.ask = ASK_WITHDRAW;
		lk_ui_ask(ui, _("Withdraw the TYM consent of %s? y/n"), ty.client_name);
	} else {
		ty.ask = ASK_HOW;
		lk_ui_ask(ui, _("How did %s give consent to share the TYM case? "
		                "%lc = written, %lc = oral; Esc: nothing is recorded"), ty.client_name,
		          (wint_t)first_letter(_("written")), (wint_t)first_letter(_("oral")));
	}
}

/* Record the consent given `how` (NULL: withdraw the one in force). */
static void
consent(struct lk_ui *ui, const char *how)
{
	if (!ty.has_case)
		return;
	struct lk_err err = { 0 };
	bool give = how != NULL;
	if (lk_tym_consent(ui->st, ty.k.id, give, give ? how : "written", ui->opt->staff_id,
	                   &err) != LK_OK) {
		notice(true, "%s", err.msg, NULL);
		return;
	}
	notice(false, "%s", give ? _("Consent recorded: outside members of the teams may see the case")
	                          : _("Consent withdrawn: outside members no longer see the case"), NULL);
	changed(ui);
}

/* A question's answer: a letter (text_input) or any key, which cancels. */
static void
answer(struct lk_ui *ui, wchar_t ch)
{
	enum ask a = ty.ask;
	ty.ask = ASK_NONE;
	lk_ui_ask(ui, NULL);
	if (a == ASK_HOW && ch && answer_is(ch, _("written")))
		consent(ui, "written");
	else if (a == ASK_HOW && ch && answer_is(ch, _("oral")))
		consent(ui, "oral");
	else if (a == ASK_WITHDRAW && ch && answer_is(ch, _("yes")))
		consent(ui, NULL);
	else if (a == ASK_CLOSE && ch && answer_is(ch, _("yes")))
		close_case(ui);
	else
		lk_ui_message(ui, false, "%s", a == ASK_CLOSE ? _("The case stays open")
		                                              : _("Nothing recorded"));
}

static void
key(struct lk_ui *ui, enum lk_vkey vk)
{
	if (ty.ask != ASK_NONE) {
		answer(ui, 0);
		return;
	}
	switch (vk) {
	case LK_VK_PICK1:
	case LK_VK_PICK2:
	case LK_VK_PICK3:
	case LK_VK_PICK4:
	case LK_VK_PICK5:
		pick(ui, (int)(vk - LK_VK_PICK1));
		break;
	case LK_VK_OPEN:
		confirm(ui);
		break;
	case LK_VK_ADD:
		if (ty.has_case) {
			ty.mode = TEAM;
			ty.notice[0] = '\0';
		}
		break;
	case LK_VK_CONSENT:
		if (ty.mode == VIEW)
			ask_consent(ui);
		break;
	case LK_VK_FINISH:
		if (ty.has_case && ty.mode == VIEW) {
			ty.mode = CLOSE;
			ty.outcome = 0;
			ty.flen = 0;
			ty.final[0] = L'\0';
			ty.notice[0] = '\0';
		}
		break;
	case LK_VK_UP:
		if (ty.mode == CLOSE)
			ty.outcome = ty.outcome > 0 ? ty.outcome - 1 : 0;
		else if (ty.sel > 0)
			ty.sel--;
		break;
	case LK_VK_DOWN:
		if (ty.mode == CLOSE) {
			if (lk_tym_outcomes[ty.outcome + 1])
				ty.outcome++;
		} else if (ty.sel + 1 < ty.n_shown) {
			ty.sel++;
		}
		break;
	case LK_VK_ERASE:
		if (ty.mode == CLOSE && ty.flen > 0)
			ty.final[--ty.flen] = L'\0';
		if (ty.mode == STAFF && ty.filter_len > 0) {
			ty.filter[--ty.filter_len] = L'\0';
			refilter();
		}
		break;
	case LK_VK_CLEAR:
		if (ty.mode == CLOSE && ty.flen > 0) {
			ty.final[ty.flen = 0] = L'\0';
			break;
		}
		if (ty.mode == STAFF && ty.filter_len > 0) {
			ty.filter[ty.filter_len = 0] = L'\0';
			refilter();
			break;
		}
		if (ty.mode == TEAM || ty.mode == STAFF || ty.mode == CLOSE)
			ty.mode = VIEW;
		else if (ty.mode == REFERRAL)
			ty.referral = -1;
		ty.notice[0] = '\0';
		break;
	case LK_VK_BACK:
		if (ty.mode == TEAM || ty.mode == STAFF || ty.mode == CLOSE) {
			ty.mode = VIEW;
			break;
		}
		lk_ui_back(ui);
		break;
	default:
		break;
	}
}

/* Typed text: a question's answer; the picker's type-ahead; closing, the
 * final assessment. */
static void
text_input(struct lk_ui *ui, wchar_t ch)
{
	if (ty.ask != ASK_NONE) {
		answer(ui, ch);
		return;
	}
	if (ty.mode == STAFF && ty.filter_len < FILTER_MAX) {
		ty.filter[ty.filter_len++] = ch;
		ty.filter[ty.filter_len] = L'\0';
		refilter();
		return;
	}
	if (ty.mode != CLOSE || ty.flen >= FINAL_MAX)
		return;
	ty.final[ty.flen++] = ch;
	ty.final[ty.flen] = L'\0';
}

static bool
typing(struct lk_ui *ui)
{
	(void)ui;
	return ty.ask != ASK_NONE || ty.mode == CLOSE || ty.mode == STAFF;
}

/* The keys that act on a case leave the bar while there is none, and
 * while a team, a person or the outcome is being chosen. */
static bool
key_shown(struct lk_ui *ui, enum lk_vkey vk)
{
	(void)ui;
	if (vk == LK_VK_ADD || vk == LK_VK_CONSENT || vk == LK_VK_FINISH)
		return ty.has_case && ty.mode == VIEW && ty.ask == ASK_NONE;
	return true;
}

/* Draw text wrapped at spaces over up to `max` lines; returns lines used. */
static int
wrap(WINDOW *w, int y, int x, int width, int max, const char *s, attr_t a)
{
	char line[512];
	int used = 0;
	while (*s && used < max) {
		size_t len = strlen(s), cut = len;
		if (lk_text_width(s) > width) {
			cut = 0;
			for (size_t i = 0; i < len && i < sizeof line - 1; i++) {
				if (s[i] != ' ')
					continue;
				memcpy(line, s, i);
				line[i] = '\0';
				if (lk_text_width(line) > width)
					break;
				cut = i;
			}
			if (cut == 0)
				cut = len;
		}
		if (cut >= sizeof line)
			cut = sizeof line - 1;
		memcpy(line, s, cut);
		line[cut] = '\0';
		lk_draw_text(w, y + used, x, width, line, a, false);
		used++;
		s += cut;
		while (*s == ' ')
			s++;
	}
	return used;
}

static void
draw_header(struct lk_ui *ui, WINDOW *w, int cols)
{
	char title[320], line[512], d[16], c[64];
	snprintf(title, sizeof title, "%s · %s", _("TYM case"), ty.client_name);
	lk_draw_text(w, 0, 1, cols - 2, title, lk_style(ui->color, LK_STYLE_TITLE), false);
	if (!ty.has_case)
		return;
	if (ty.k.consent)
		snprintf(c, sizeof c, "%s %s", _("given"), lk_date_fi(ty.k.consent_given, d, sizeof d));
	else
		snprintf(c, sizeof c, "%s", ty.k.consent_given != LK_NO_DATE ? _("withdrawn") : _("not given"));
	snprintf(line, sizeof line, "%s: %s", _("Consent"), c);
	lk_draw_right(w, 0, cols - 1, line, ty.k.consent ? A_NORMAL : A_BOLD);
	snprintf(line, sizeof line, _("Opened %s · referred by %s"), lk_date_fi(ty.k.opened, d, sizeof d),
	         _(lk_tym_referral_label(ty.k.referral)));
	lk_draw_text(w, 1, 1, cols - 2, line, A_NORMAL, false);
}

static int
draw_teams(struct lk_ui *ui, WINDOW *w, int cols, int y, int bottom)
{
	const struct lk_tym_team_rule *rules = lk_tym_team_rules();
	for (int t = 0; t < LK_TEAM_COUNT && y < bottom; t++) {
		char title[160];
		if (t == LK_TEAM_START && ty.k.municipality[0])
			snprintf(title, sizeof title, "%d %s (%s)", t + 1, _(rules[t].label), ty.k.municipality);
		else
			snprintf(title, sizeof title, "%d %s", t + 1, _(rules[t].label));
		lk_draw_text(w, y++, 1, cols - 2, title, A_BOLD, false);
		for (int i = 0; i < ty.k.n_members && y < bottom; i++) {
			const struct lk_tym_member *m = &ty.k.members[i];
			if (m->team != (enum lk_tym_team)t)
				continue;
			char role[160];
			snprintf(role, sizeof role, "%s%s", _(lk_tym_role_label(m->role)),
			         t == LK_TEAM_WORKABILITY && !m->core ? _(" (invited)") : "");
			lk_draw_text(w, y, 3, 24, m->name, A_NORMAL, false);
			lk_draw_text(w, y++, 28, cols - 29, role, A_NORMAL, false);
		}
		if (ty.k.n_missing[t] > 0 && y < bottom) {
			char miss[512] = "";
			for (int i = 0; i < ty.k.n_missing[t]; i++) {
				size_t len = strlen(miss);
				snprintf(miss + len, sizeof miss - len, "%s%s", i ? ", " : "",
				         _(lk_tym_role_label(ty.k.missing[t][i])));
			}
			char line[600];
			snprintf(line, sizeof line, "! %s: %s", _("missing"), miss);
			lk_draw_text(w, y++, 3, cols - 4, line, lk_style(ui->color, LK_STYLE_FLAG), false);
		}
	}
	return y;
}

static void
draw_timeline(struct lk_ui *ui, WINDOW *w, int cols, int y, int bottom)
{
	if (y >= bottom)
		return;
	lk_draw_text(w, y++, 1, cols - 2, _("Timeline"), A_BOLD, false);
	for (int i = 0; i < ty.k.n_due && y < bottom; i++) {
		const struct lk_due_item *d = &ty.k.due[i];
		char date[16], state[32];
		snprintf(state, sizeof state, "%s", _(lk_due_state_code(d->state)));
		attr_t a = d->state == LK_DUE_OVERDUE ? lk_style(ui->color, LK_STYLE_OVERDUE)
		         : d->state == LK_DUE_FLAG ? lk_style(ui->color, LK_STYLE_FLAG) : A_NORMAL;
		lk_draw_text(w, y, 0, 1, d->state == LK_DUE_OVERDUE ? "!" : " ", a, false);
		lk_draw_text(w, y, 3, 10, lk_date_fi(d->due, date, sizeof date), a, false);
		lk_draw_text(w, y, 14, 10, state, a, false);
		lk_draw_text(w, y++, 25, cols - 26, _(d->rule->label), a, false);
	}
}

static void
draw_staff(struct lk_ui *ui, WINDOW *w, int cols, int rows)
{
	char title[160];
	snprintf(title, sizeof title, _("Add to the %s: choose the person, then Enter"),
	         _(lk_tym_team_rules()[ty.team].label));
	lk_draw_text(w, 2, 1, cols - 2, title, A_BOLD, false);
	char typed[FILTER_MAX * 4 + 1], line[FILTER_MAX * 4 + 64];
	if (wcstombs(typed, ty.filter, sizeof typed) == (size_t)-1)
		typed[0] = '\0';
	snprintf(line, sizeof line, "%s %s", _("Name:"), typed);
	int x = 1 + lk_draw_text(w, 3, 1, cols - 2, line, A_NORMAL, false);
	if (ty.n_shown == 0)
		lk_draw_text(w, 5, 2, cols - 3, _("Nobody's name starts so"), A_NORMAL, false);
	int top = 5, page = rows - top;
	if (page < 1)
		page = 1;
	lk_list_follow(ty.sel, &ty.top, page);
	for (int i = ty.top; i < ty.n_shown && top + i - ty.top < rows; i++) {
		const struct lk_staff *s = &ty.staff[ty.shown[i]];
		int y = top + i - ty.top;
		bool sel = i == ty.sel;
		attr_t a = sel ? lk_style(ui->color, LK_STYLE_SELECTED) : A_NORMAL;
		char name[210];
		snprintf(name, sizeof name, "%s %s", s->surname, s->given_names);
		if (sel)
			lk_draw_fill(w, y, 1, cols - 1, a);
		lk_draw_text(w, y, 0, 1, sel ? ">" : " ", A_BOLD, false);
		lk_draw_text(w, y, 2, 24, name, a, false);
		lk_draw_text(w, y, 27, cols - 28, _(lk_tym_role_label(s->role)), a, false);
	}
	wmove(w, 3, x < cols ? x : cols - 1);
	ui->cursor = true;
}

/* Closing: the outcomes (↑ ↓), the final assessment being typed. */
static void
draw_close(struct lk_ui *ui, WINDOW *w, int cols, int rows)
{
	lk_draw_text(w, 2, 1, cols - 2, _("Close the case: choose the outcome (↑ ↓), write the final "
	             "assessment, then Enter"), A_BOLD, false);
	int y = 4;
	for (int i = 0; lk_tym_outcomes[i] && y < rows; i++, y++) {
		bool sel = i == ty.outcome;
		attr_t a = sel ? lk_style(ui->color, LK_STYLE_SELECTED) : A_NORMAL;
		lk_draw_text(w, y, 1, 1, sel ? ">" : " ", A_BOLD, false);
		lk_draw_text(w, y, 3, cols - 4, _(lk_tym_outcome_label(lk_tym_outcomes[i])), a, false);
	}
	y++;
	lk_draw_text(w, y++, 1, cols - 2, _("Final assessment"), lk_style(ui->color, LK_STYLE_LABEL),
	             false);
	char text[FINAL_MAX * 4 + 1];
	if (wcstombs(text, ty.final, sizeof text) == (size_t)-1)
		text[0] = '\0';
	/* The end of a long text, so the cursor stays on screen. */
	const char *shown = text;
	while (lk_text_width(shown) > cols - 5 && *shown)
		shown++;
	int x = 3 + lk_draw_text(w, y, 3, cols - 4, shown, A_UNDERLINE, false);
	if (y < rows) {
		wmove(w, y, x < cols ? x : cols - 1);
		ui->cursor = true;
	}
}

static void
draw(struct lk_ui *ui, WINDOW *w)
{
	int cols = getmaxx(w), rows = getmaxy(w);
	draw_header(ui, w, cols);
	if (ty.mode == REFERRAL) {
		lk_draw_text(w, 2, 1, cols - 2,
		             _("No open TYM case. Open one: choose who referred the client, then Enter."),
		             A_BOLD, false);
		for (int i = 0; lk_tym_referrals[i]; i++) {
			char one[128];
			snprintf(one, sizeof one, "%d %s", i + 1, _(lk_tym_referral_label(lk_tym_referrals[i])));
			lk_draw_text(w, 4 + i, 3, cols - 4, one,
			             i == ty.referral ? lk_style(ui->color, LK_STYLE_SELECTED) : A_NORMAL, false);
		}
	} else if (ty.mode == STAFF) {
		draw_staff(ui, w, cols, rows);
		return;
	} else if (ty.mode == CLOSE) {
		draw_close(ui, w, cols, rows);
		return;
	} else {
		int bottom = rows;
		int nlines = 0;
		if (ty.mode == TEAM)
			nlines = 2;
		else if (ty.notice[0])
			nlines = 3;
		bottom = rows - nlines - (nlines ? 1 : 0);
		int y = draw_teams(ui, w, cols, 3, bottom);
		draw_timeline(ui, w, cols, y + 1, bottom);
		if (ty.mode == TEAM) {
			wrap(w, rows - 2, 1, cols - 2, 2,
			     _("Add to which team? 1 start team, 2 responsible pair, 3 network meeting, "
			       "4 work-ability support team; Esc cancels"), A_BOLD);
			return;
		}
	}
	if (ty.notice[0])
		wrap(w, rows - 3, 1, cols - 2, 3, ty.notice,
		     ty.notice_error ? lk_style(ui->color, LK_STYLE_ERROR) : A_BOLD);
}

/* The client whose TYM part is shown (a refusal's audit row, rights.c). */
static const char *
in_view(struct lk_ui *ui)
{
	(void)ui;
	return ty.client_id[0] ? ty.client_id : NULL;
}

const struct lk_screen lk_screen_tym = {
	.title = N_("TYM case"),
	.keys = keys,
	.n_keys = (int)(sizeof keys / sizeof keys[0]),
	.text = false,
	.typing = typing,
	.text_help = N_("Letters and digits go into the final assessment."),
	.open = open_tym,
	.enter = NULL,
	.draw = draw,
	.key = key,
	.text_input = text_input,
	.settle = NULL,
	.status = NULL,
	.key_shown = key_shown,
	.client = in_view,
};
