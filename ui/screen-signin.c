/*
 * screen-signin.c — who is at the desk: the sign-in screen (your own name
 * typed in full, or your user id, then the secret, masked), the growing
 * delay after failures, and the role's home screen once signed in (what
 * the role may see is rights.c's and the screen table's, core/roles.h).
 *
 * The screen never lists staff: whoever sits at the desk sees only the one
 * name the desk pre-fills (the last person signed in here, else [desk]
 * staff). Names match case-insensitively, å ä ö exactly. An unknown name
 * goes on to the secret like a known one, and fails the same way at the
 * same cost (lk_signin_verify).
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

#define NAME_MAX_BYTES 128

static struct {
	enum { NAME, SECRET } stage;
	char name[NAME_MAX_BYTES];
	char secret[LK_SECRET_MAX + 1];
	wchar_t want[NAME_MAX_BYTES];  /* the typed name, folded (fold()) */
	int found;                     /* staff members whose name or id it is */
	struct lk_staff who;           /* the one found; id empty when not one */
} si;

/* [desk] staff of the config, saved before sign-in takes over the options. */
static char desk_staff[65];

static const struct lk_screen_key keys[] = {
	{ LK_VK_OPEN, N_("Next"), N_("Your name in full or your user id, then the secret") },
	{ LK_VK_ERASE, NULL, NULL },
	{ LK_VK_CLEAR, NULL, N_("Start again") },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	{ LK_VK_REDRAW, NULL, NULL },
};

/* A name as typed, for comparing: lower case (å ä ö stay å ä ö, only
 * their case folds), commas as spaces, one space between words. */
static void
fold(const char *s, wchar_t *w, size_t n)
{
	wchar_t raw[NAME_MAX_BYTES * 2];
	size_t k = mbstowcs(raw, s, sizeof raw / sizeof raw[0] - 1);
	if (k == (size_t)-1)
		k = 0;
	raw[k] = 0;
	size_t o = 0;
	bool space = true;   /* drops leading spaces */
	for (size_t i = 0; i < k && o + 1 < n; i++) {
		wchar_t c = raw[i] == L',' || iswspace((wint_t)raw[i]) ? L' ' : raw[i];
		if (c == L' ') {
			if (!space)
				w[o++] = L' ';
			space = true;
			continue;
		}
		w[o++] = (wchar_t)towlower((wint_t)c);
		space = false;
	}
	if (o > 0 && w[o - 1] == L' ')
		o--;
	w[o] = 0;
}

/* Whether the folded name is the staff member's user id, "surname given
 * names" or "given names surname" in full. */
static bool
is_named(const struct lk_staff *s, const wchar_t *want)
{
	char full[256];
	wchar_t a[NAME_MAX_BYTES * 2];
	fold(s->id, a, sizeof a / sizeof a[0]);
	if (wcscmp(a, want) == 0)
		return true;
	snprintf(full, sizeof full, "%s %s", s->surname, s->given_names);
	fold(full, a, sizeof a / sizeof a[0]);
	if (wcscmp(a, want) == 0)
		return true;
	snprintf(full, sizeof full, "%s %s", s->given_names, s->surname);
	fold(full, a, sizeof a / sizeof a[0]);
	return wcscmp(a, want) == 0;
}

static int
collect(const struct lk_staff *s, void *ctx)
{
	(void)ctx;
	if (s->active && is_named(s, si.want)) {
		if (si.found == 0)
			si.who = *s;
		si.found++;
	}
	return 0;
}

/* Who the typed name is: si.who when exactly one active staff member has
 * it; otherwise si.who.id stays empty and the secret is checked against
 * nobody, at the same cost and with the same answer. */
static void
find(struct lk_ui *ui)
{
	memset(&si.who, 0, sizeof si.who);
	si.found = 0;
	fold(si.name, si.want, sizeof si.want / sizeof si.want[0]);
	if (si.want[0])
		lk_staff_list(ui->st, NULL, collect, ui, NULL);
	if (si.found != 1)
		memset(&si.who, 0, sizeof si.who);
}

/* The one name the desk pre-fills: whoever last signed in here, else the
 * config's [desk] staff; never a list of the staff. */
static void
prefill(struct lk_ui *ui)
{
	char id[65] = "";
	struct lk_staff s;
	if (lk_meta_get(ui->st, "desk_last_signin", id, sizeof id) != LK_OK)
		snprintf(id, sizeof id, "%s", desk_staff);
	char full[sizeof s.given_names + sizeof s.surname + 1];
	if (id[0] && lk_staff_get(ui->st, id, &s, NULL) == LK_OK && s.active) {
		snprintf(full, sizeof full, "%s %s", s.given_names, s.surname);
		if (strlen(full) < sizeof si.name)
			memcpy(si.name, full, strlen(full) + 1);
	}
}

static void
wipe(void)
{
	sodium_memzero(si.secret, sizeof si.secret);
}

static void
enter(struct lk_ui *ui)
{
	wipe();
	memset(&si, 0, sizeof si);
	prefill(ui);
}

/* The slow-down: the failed attempts in a row from the audit trail (they
 * survive a restart): of this account from every desk, or of names that
 * are no account at this desk; or of this screen when that is more. */
static int
failures(struct lk_ui *ui)
{
	int f = lk_signin_failures(ui->st, si.who.id[0] ? si.who.id : NULL);
	return f > ui->session.failures ? f : ui->session.failures;
}

/* The signed-in staff member's desk: their role's home screen. */
static void
signed_in(struct lk_ui *ui, const struct lk_staff *s)
{
	struct lk_session *ss = &ui->session;
	ss->in = true;
	ss->failures = 0;
	lk_meta_set(ui->st, "desk_last_signin", s->id);
	snprintf(ss->staff_id, sizeof ss->staff_id, "%s", s->id);
	snprintf(ss->role, sizeof ss->role, "%s", s->role);
	ss->opt.staff_id = ss->staff_id;
	lk_store_set_actor(ui->st, ss->staff_id);
	ui->opt = &ss->opt;
	snprintf(ui->staff_name, sizeof ui->staff_name, "%s %s", s->given_names, s->surname);
	const char *home = lk_role_home(s->role);
	const struct lk_nav nav = { .flags = LK_NAV_HOME };   /* no way back to sign-in */
	if (strcmp(home, "piste") == 0)
		lk_ui_open(ui, LK_SCREEN_PISTE, &nav);
	else if (lk_ui_can(ui, LK_CAP_SEARCH) || lk_ui_can(ui, LK_CAP_TYM_PART))
		lk_ui_open(ui, LK_SCREEN_LOOKUP, &nav);
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
	enum lk_status rc = lk_signin_verify(ui->st, si.who.id[0] ? si.who.id : NULL, si.secret,
	                                     "sign-in", NULL, &err);
	wipe();
	if (rc == LK_OK) {
		struct lk_staff s = si.who;
		memset(&si, 0, sizeof si);
		ui->message[0] = '\0';
		signed_in(ui, &s);
		return;
	}
	ui->session.failures++;
	lk_ui_delay(ui, lk_signin_delay_ms(failures(ui)));
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
			break;
		}
		find(ui);
		if (si.want[0] == 0)
			break;
		if (si.found > 1) {
			lk_ui_message(ui, true, "%s",
			              _("Several staff members have that name; type your user id"));
			break;
		}
		/* Known or not, the same next step; earlier failures of the
		 * account (even before a restart) delay the next attempt. */
		si.stage = SECRET;
		ui->message[0] = '\0';
		if (!ui->session.waiting)
			lk_ui_delay(ui, lk_signin_delay_ms(lk_signin_failures(ui->st,
				si.who.id[0] ? si.who.id : NULL)));
		break;
	case LK_VK_ERASE: {
		char *buf = si.stage == SECRET ? si.secret : si.name;
		size_t n = strlen(buf);
		while (n > 0 && ((unsigned char)buf[n - 1] & 0xc0) == 0x80)
			n--;   /* a UTF-8 continuation byte */
		if (n > 0)
			buf[n - 1] = '\0';
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
	(void)ui;
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
		lk_draw_text(w, 4, 2, cols - 3,
		             _("Type your name in full (e.g. \"Anna Korhonen\") or your user id, then Enter."),
		             A_NORMAL, false);
		wmove(w, 2, x);
	} else {
		char stars[LK_SECRET_MAX + 1];
		/* As typed: the screen never tells whether the name is an account. */
		lk_draw_text(w, 2, 2 + lw, cols - lw - 4, si.name, A_BOLD, false);
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
	snprintf(desk_staff, sizeof desk_staff, "%s", ui->opt->staff_id ? ui->opt->staff_id : "");
	ui->session.opt.staff_id = NULL;
	ui->opt = &ui->session.opt;
	lk_store_set_actor(ui->st, NULL);   /* nobody until someone signs in */
	ui->staff_name[0] = '\0';
	lk_ui_open(ui, LK_SCREEN_SIGNIN, &(const struct lk_nav){ .flags = LK_NAV_HOME });
	return true;
}

unsigned
lk_signin_idle_ms(const struct lk_ui *ui)
{
#ifdef LK_TEST_CLOCK
	/* Test builds only (Makefile TEST_CLOCK): the tmux tests shorten the
	 * lock; an installed desk takes it from its config alone. */
	const char *env = getenv("LUUKKU_LOCK_SECONDS");
	if (env && *env && atol(env) > 0)
		return (unsigned)atol(env) * 1000u;
#endif
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
