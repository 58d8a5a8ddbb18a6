/*
 * screen-lock.c — the locked terminal: after idle minutes or at once on
 * the lock key (F11, Ctrl-X). It shows who is signed in and a masked
 * secret line, never client data; only the same staff member's secret
 * unlocks, each attempt audited ("unlock", "unlock-failed") with the same
 * growing delay as sign-in. Unlocking returns to the screen as it was:
 * the lock is the screen table's cover (gate.c), so Back from it neither
 * checks that screen again nor calls its enter().
 */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include <sodium.h>

#include "i18n.h"
#include "store/signin.h"
#include "ui/draw.h"
#include "ui/ui.h"

static char secret[LK_SECRET_MAX + 1];

static const struct lk_screen_key keys[] = {
	{ LK_VK_OPEN, N_("Unlock"), N_("Unlock with your secret") },
	{ LK_VK_ERASE, NULL, NULL },
	{ LK_VK_CLEAR, NULL, N_("Empty the secret") },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	{ LK_VK_REDRAW, NULL, NULL },
};

/* Lock now (the lock key, or idle minutes: tui.c): only while someone is
 * signed in, and not twice. */
static bool
open_lock(struct lk_ui *ui, const struct lk_nav *nav)
{
	(void)nav;
	if (!ui->session.on || !ui->session.in || ui->cur == LK_SCREEN_LOCK)
		return false;
	sodium_memzero(secret, sizeof secret);
	ui->message[0] = '\0';
	return true;
}

static void
key(struct lk_ui *ui, enum lk_vkey vk)
{
	if (vk == LK_VK_ERASE) {
		size_t n = strlen(secret);
		while (n > 0 && ((unsigned char)secret[n - 1] & 0xc0) == 0x80)
			n--;
		if (n > 0)
			secret[n - 1] = '\0';
		return;
	}
	if (vk == LK_VK_CLEAR) {
		sodium_memzero(secret, sizeof secret);
		return;
	}
	if (vk != LK_VK_OPEN)
		return;
	if (ui->session.waiting) {
		sodium_memzero(secret, sizeof secret);
		lk_ui_message(ui, true, "%s", _("Wait a moment before trying again"));
		return;
	}
	struct lk_err err = { 0 };
	enum lk_status rc = lk_signin_verify(ui->st, ui->session.staff_id, secret, "unlock", NULL, &err);
	sodium_memzero(secret, sizeof secret);
	if (rc == LK_OK) {
		ui->session.failures = 0;
		ui->message[0] = '\0';
		lk_ui_back(ui);   /* the screen behind, as it was */
		return;
	}
	/* The account's failures in a row from the audit trail (sign-in and
	 * unlock alike, surviving a restart), or this session's if more. */
	int f = lk_signin_failures(ui->st, ui->session.staff_id);
	if (++ui->session.failures > f)
		f = ui->session.failures;
	lk_ui_delay(ui, lk_signin_delay_ms(f));
	lk_ui_message(ui, true, "%s", rc == LK_ECLASH ? _("Wrong secret; wait and try again")
	                                              : err.msg);
}

static void
text_input(struct lk_ui *ui, wchar_t ch)
{
	(void)ui;
	char mb[MB_LEN_MAX + 1];
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t k = wcrtomb(mb, ch, &ps), n = strlen(secret);
	if (k == (size_t)-1 || n + k >= sizeof secret)
		return;
	memcpy(secret + n, mb, k);
	secret[n + k] = '\0';
}

static void
draw(struct lk_ui *ui, WINDOW *w)
{
	int cols = getmaxx(w);
	lk_draw_text(w, 0, 1, cols - 2, _("Locked"), lk_style(ui->color, LK_STYLE_TITLE), false);
	char line[400];
	snprintf(line, sizeof line, _("Luukku is locked. %s, give your secret to continue."),
	         ui->staff_name);
	lk_draw_text(w, 2, 2, cols - 3, line, A_NORMAL, false);
	const char *sl = _("Secret:");
	int lw = lk_text_width(sl);
	lk_draw_text(w, 4, 2, lw, sl, lk_style(ui->color, LK_STYLE_LABEL), false);
	char stars[LK_SECRET_MAX + 1];
	int n = 0;
	for (const char *p = secret; *p && n < LK_SECRET_MAX; p++)
		if (((unsigned char)*p & 0xc0) != 0x80)
			stars[n++] = '*';
	stars[n] = '\0';
	lk_draw_text(w, 4, 3 + lw, cols - lw - 5, stars, A_NORMAL, false);
	wmove(w, 4, 3 + lw + n);
	ui->cursor = true;
}

const struct lk_screen lk_screen_lock = {
	.title = N_("Locked"),
	.keys = keys,
	.n_keys = (int)(sizeof keys / sizeof keys[0]),
	.text = true,
	.open = open_lock,
	.draw = draw,
	.key = key,
	.text_input = text_input,
};
