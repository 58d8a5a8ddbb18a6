/*
 * screen-signin.c — who is at the desk: the sign-in screen (a staff name
 * by type-ahead, or a user id, then the secret, masked), the growing delay
 * after failures, and what the signed-in role may see (core/roles.h).
 *
 * Sign-in applies only when some staff member has a secret; otherwise the
 * desk runs as before with every capability. Each attempt is audited by
 * the store (lk_signin_verify); the secret never leaves this file's buffer
 * and is wiped after each attempt. Shows no client data.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include <iniparser.h>
#include <sodium.h>

#include "i18n.h"
#include "store/signin.h"
#include "store/staff.h"
#include "ui/draw.h"
#include "ui/ui.h"

#define MATCH_MAX 8
#define NAME_MAX_BYTES 128

static struct {
	enum { NAME, SECRET } stage;
	char name[NAME_MAX_BYTES];
	char secret[LK_SECRET_MAX + 1];
	struct lk_staff match[MATCH_MAX];
	int n, sel;
	struct lk_staff who;          /* chosen at the NAME stage */
} si;

static const struct lk_screen_key keys[] = {
	{ LK_VK_OPEN, N_("Next"), N_("Choose the name, then sign in with the secret") },
	{ LK_VK_UP, NULL, N_("Previous name") },
	{ LK_VK_DOWN, NULL, N_("Next name") },
	{ LK_VK_ERASE, NULL, NULL },
	{ LK_VK_CLEAR, NULL, N_("Start again") },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	{ LK_VK_REDRAW, NULL, NULL },
};

/* Lower-case wide copy of a UTF-8 string. */
static void
lower(const char *s, wchar_t *w, size_t n)
{
	size_t k = mbstowcs(w, s, n - 1);
	if (k == (size_t)-1)
		k = 0;
	w[k] = 0;
	for (size_t i = 0; i < k; i++)
		w[i] = (wchar_t)towlower((wint_t)w[i]);
}

/* Whether every word of the query starts a word of the name, or the query
 * is the staff id. */
static bool
matches(const struct lk_staff *s, const char *query)
{
	if (strcmp(s->id, query) == 0)
		return true;
	char full[256];
	snprintf(full, sizeof full, "%s %s", s->surname, s->given_names);
	wchar_t name[256], q[NAME_MAX_BYTES];
	lower(full, name, 256);
	lower(query, q, NAME_MAX_BYTES);
	wchar_t *save = NULL;
	for (wchar_t *tok = wcstok(q, L" ,", &save); tok; tok = wcstok(NULL, L" ,", &save)) {
		size_t n = wcslen(tok);
		bool found = false;
		for (wchar_t *p = name; *p && !found; p++)
			found = (p == name || p[-1] == L' ' || p[-1] == L'-') && wcsncmp(p, tok, n) == 0;
		if (!found)
			return false;
	}
	return true;
}

static int
collect(const struct lk_staff *s, void *ctx)
{
	struct lk_ui *ui = ctx;
	if (si.n >= MATCH_MAX)
		return 1;
	if (s->active && matches(s, si.name) && lk_staff_has_secret(ui->st, s->id))
		si.match[si.n++] = *s;
	return 0;
}

static void
find(struct lk_ui *ui)
{
	si.n = si.sel = 0;
	if (si.name[0])
		lk_staff_list(ui->st, NULL, collect, ui, NULL);
}

static void
wipe(void)
{
	sodium_memzero(si.secret, sizeof si.secret);
}

static void
enter(struct lk_ui *ui)
{
	(void)ui;
	wipe();
	memset(&si, 0, sizeof si);
}

/* The signed-in staff member's desk: their role's home screen. */
static void
signed_in(struct lk_ui *ui, const struct lk_staff *s)
{
	struct lk_session *ss = &ui->session;
	ss->in = true;
	ss->failures = 0;
	snprintf(ss->staff_id, sizeof ss->staff_id, "%s", s->id);
	snprintf(ss->role, sizeof ss->role, "%s", s->role);
	ss->opt.staff_id = ss->staff_id;
	ui->opt = &ss->opt;
	snprintf(ui->staff_name, sizeof ui->staff_name, "%s %s", s->given_names, s->surname);
	const char *home = lk_role_home(s->role);
	if (strcmp(home, "piste") == 0)
		lk_piste_open(ui);
	else if (lk_ui_can(ui, LK_CAP_SEARCH) || lk_ui_can(ui, LK_CAP_TYM_PART))
		lk_ui_show(ui, LK_SCREEN_LOOKUP);
	else
		lk_ui_message(ui, true, _("The role %s has no screen on this desk"), s->role);
}

static void
try_secret(struct lk_ui *ui)
{
	struct lk_err err = { 0 };
	if (ui->session.waiting) {
		wipe();
		lk_ui_message(ui, true, "%s", _("Wait a moment before trying again"));
		return;
	}
	enum lk_status rc = lk_signin_verify(ui->st, si.who.id, si.secret, "sign-in", NULL, &err);
	wipe();
	if (rc == LK_OK) {
		struct lk_staff s = si.who;
		memset(&si, 0, sizeof si);
		ui->message[0] = '\0';
		signed_in(ui, &s);
		return;
	}
	ui->session.failures++;
	lk_ui_delay(ui, lk_signin_delay_ms(ui->session.failures));
	lk_ui_message(ui, true, "%s", rc == LK_ECLASH ? _("Wrong name or secret; wait and try again")
	                                              : err.msg);
}

static void
key(struct lk_ui *ui, enum lk_vkey vk)
{
	switch (vk) {
	case LK_VK_OPEN:
		if (si.stage == SECRET) {
			try_secret(ui);
		} else if (si.n > 0) {
			si.who = si.match[si.sel];
			si.stage = SECRET;
		} else {
			lk_ui_message(ui, true, "%s", _("No staff member with a secret by that name"));
		}
		break;
	case LK_VK_UP:
		if (si.stage == NAME && si.sel > 0)
			si.sel--;
		break;
	case LK_VK_DOWN:
		if (si.stage == NAME && si.sel + 1 < si.n)
			si.sel++;
		break;
	case LK_VK_ERASE: {
		char *buf = si.stage == SECRET ? si.secret : si.name;
		size_t n = strlen(buf);
		while (n > 0 && ((unsigned char)buf[n - 1] & 0xc0) == 0x80)
			n--;   /* a UTF-8 continuation byte */
		if (n > 0)
			buf[n - 1] = '\0';
		if (si.stage == NAME)
			find(ui);
		break;
	}
	case LK_VK_CLEAR:
		wipe();
		memset(&si, 0, sizeof si);
		break;
	default:
		break;
	}
}

static void
text_input(struct lk_ui *ui, wchar_t ch)
{
	char mb[MB_LEN_MAX + 1];
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t k = wcrtomb(mb, ch, &ps);
	if (k == (size_t)-1)
		return;
	char *buf = si.stage == SECRET ? si.secret : si.name;
	size_t cap = si.stage == SECRET ? sizeof si.secret : sizeof si.name, n = strlen(buf);
	if (n + k >= cap)
		return;
	memcpy(buf + n, mb, k);
	buf[n + k] = '\0';
	if (si.stage == NAME)
		find(ui);
}

static void
draw(struct lk_ui *ui, WINDOW *w)
{
	int cols = getmaxx(w);
	lk_draw_text(w, 0, 1, cols - 2, _("Sign in"), lk_style(ui->color, LK_STYLE_TITLE), false);
	const char *nl = _("Name:"), *sl = _("Secret:");
	int lw = lk_text_width(nl) > lk_text_width(sl) ? lk_text_width(nl) : lk_text_width(sl);
	lk_draw_text(w, 2, 1, lw, nl, lk_style(ui->color, LK_STYLE_LABEL), false);
	if (si.stage == NAME) {
		int x = 2 + lw + lk_draw_text(w, 2, 2 + lw, cols - lw - 4, si.name, A_NORMAL, false);
		for (int i = 0; i < si.n; i++) {
			const struct lk_staff *s = &si.match[i];
			const struct lk_role_info *r = lk_role_find(s->role);
			char line[300];
			snprintf(line, sizeof line, "%s, %s", s->surname, s->given_names);
			attr_t a = i == si.sel ? lk_style(ui->color, LK_STYLE_SELECTED) : A_NORMAL;
			lk_draw_text(w, 4 + i, 0, 2, i == si.sel ? ">" : " ", a, false);
			lk_draw_text(w, 4 + i, 2, 36, line, a, true);
			lk_draw_text(w, 4 + i, 39, cols - 40, r ? _(r->label) : s->role, a, false);
		}
		if (si.n == 0)
			lk_draw_text(w, 4, 2, cols - 3,
			             _("Type your name (e.g. \"kor an\") or your user id, then Enter."),
			             A_NORMAL, false);
		wmove(w, 2, x);
	} else {
		char who[300], stars[LK_SECRET_MAX + 1];
		snprintf(who, sizeof who, "%s, %s", si.who.surname, si.who.given_names);
		lk_draw_text(w, 2, 2 + lw, cols - lw - 4, who, A_BOLD, false);
		lk_draw_text(w, 3, 1, lw, sl, lk_style(ui->color, LK_STYLE_LABEL), false);
		size_t n = 0;
		for (const char *p = si.secret; *p && n < sizeof stars - 1; p++)
			if (((unsigned char)*p & 0xc0) != 0x80)
				stars[n++] = '*';
		stars[n] = '\0';
		lk_draw_text(w, 3, 2 + lw, cols - lw - 4, stars, A_NORMAL, false);
		lk_draw_text(w, 5, 2, cols - 3, _("Enter signs in; Esc chooses another name."),
		             A_NORMAL, false);
		wmove(w, 3, 2 + lw + (int)n);
	}
	ui->cursor = true;
}

const struct lk_screen lk_screen_signin = {
	.title = N_("Sign in"),
	.keys = keys,
	.n_keys = (int)(sizeof keys / sizeof keys[0]),
	.text = true,
	.enter = enter,
	.draw = draw,
	.key = key,
	.text_input = text_input,
};

bool
lk_signin_start(struct lk_ui *ui)
{
	ui->session.on = lk_signin_required(ui->st);
	if (!ui->session.on)
		return false;
	ui->session.opt = *ui->opt;
	ui->session.opt.staff_id = NULL;
	ui->opt = &ui->session.opt;
	ui->staff_name[0] = '\0';
	lk_ui_show(ui, LK_SCREEN_SIGNIN);
	return true;
}

unsigned
lk_signin_idle_ms(const struct lk_ui *ui)
{
	const char *env = getenv("LUUKKU_LOCK_SECONDS");
	if (env && *env && atol(env) > 0)
		return (unsigned)atol(env) * 1000u;
	long minutes = 5;
	if (ui->opt && ui->opt->config_path) {
		dictionary *ini = iniparser_load(ui->opt->config_path);
		if (ini) {
			minutes = iniparser_getlongint(ini, "ui:lock_minutes", 5);
			iniparser_freedict(ini);
		}
	}
	if (minutes < 1 || minutes > 240)
		minutes = 5;
	return (unsigned)minutes * 60000u;
}

bool
lk_ui_can(const struct lk_ui *ui, enum lk_cap cap)
{
	if (!ui->session.on)
		return true;
	return ui->session.in && lk_role_can(ui->session.role, cap);
}

/* The capability a screen needs (and a second one that also does). */
static const struct {
	enum lk_screen_id id;
	enum lk_cap cap, alt;
} screen_caps[] = {
	{ LK_SCREEN_LOOKUP, LK_CAP_SEARCH, LK_CAP_TYM_PART },
	{ LK_SCREEN_CARD, LK_CAP_CARD, LK_CAP_CARD },
	{ LK_SCREEN_AGENDA, LK_CAP_BOOK, LK_CAP_BOOK },
	{ LK_SCREEN_BOOKING, LK_CAP_BOOK, LK_CAP_BOOK },
	{ LK_SCREEN_TYM, LK_CAP_TYM, LK_CAP_TYM_PART },
	{ LK_SCREEN_PISTE, LK_CAP_PISTE, LK_CAP_PISTE },
};

/* The capability a key needs: on one screen, or (LK_SCREEN_COUNT) on all. */
static const struct {
	enum lk_vkey vk;
	enum lk_cap cap;
	enum lk_screen_id on;
} key_caps[] = {
	{ LK_VK_AGENDA, LK_CAP_BOOK, LK_SCREEN_COUNT },
	{ LK_VK_BOOK, LK_CAP_BOOK, LK_SCREEN_COUNT },
	{ LK_VK_RESCHEDULE, LK_CAP_BOOK, LK_SCREEN_COUNT },
	{ LK_VK_PISTE, LK_CAP_PISTE, LK_SCREEN_COUNT },
	{ LK_VK_REVEAL, LK_CAP_REVEAL, LK_SCREEN_COUNT },
	/* The TYM part a partner sees is read-only: team, consent, closing. */
	{ LK_VK_ADD, LK_CAP_TYM, LK_SCREEN_TYM },
	{ LK_VK_CONSENT, LK_CAP_TYM, LK_SCREEN_TYM },
	{ LK_VK_FINISH, LK_CAP_TYM, LK_SCREEN_TYM },
};

static void
refuse(struct lk_ui *ui)
{
	const struct lk_role_info *r = lk_role_find(ui->session.role);
	lk_ui_message(ui, true, _("Not for the role %s"), r ? _(r->label) : ui->session.role);
}

bool
lk_ui_screen_allowed(struct lk_ui *ui, enum lk_screen_id id)
{
	if (!ui->session.on || id == LK_SCREEN_LOCK || id == LK_SCREEN_HELP)
		return true;
	if (id == LK_SCREEN_SIGNIN)   /* e.g. Back from a role's home screen */
		return !ui->session.in;
	for (size_t i = 0; i < sizeof screen_caps / sizeof screen_caps[0]; i++)
		if (screen_caps[i].id == id) {
			if (lk_ui_can(ui, screen_caps[i].cap) || lk_ui_can(ui, screen_caps[i].alt))
				return true;
			refuse(ui);
			return false;
		}
	return ui->session.in;
}

bool
lk_ui_key_allowed(struct lk_ui *ui, enum lk_vkey vk)
{
	if (!ui->session.on)
		return true;
	for (size_t i = 0; i < sizeof key_caps / sizeof key_caps[0]; i++)
		if (key_caps[i].vk == vk && !lk_ui_can(ui, key_caps[i].cap) &&
		    (key_caps[i].on == LK_SCREEN_COUNT || key_caps[i].on == ui->cur)) {
			refuse(ui);
			return false;
		}
	return true;
}
