/*
 * screen-pick.c — choose a client by type-ahead, for another screen: the
 * calendar's booking ("for whom?") and Piste's "link this visit to a
 * client". The search is the lookup's (lk_client_search, once per batch
 * of keys); Enter hands the chosen client's id to the caller's callback,
 * Back returns without one.
 *
 * Shows only what the lookup shows (name, masked identity code,
 * municipality); never writes to the store.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/hetu.h"
#include "i18n.h"
#include "store/client.h"
#include "ui/draw.h"
#include "ui/ui.h"

#define QUERY_MAX 64
#define ROWS_MAX 100
#define LIST_TOP 5

static struct {
	const char *title, *hint;
	bool allow_none;
	void (*done)(struct lk_ui *ui, const char *client_id);
	enum lk_screen_id back;
	wchar_t query[QUERY_MAX + 1];
	size_t qlen;
	bool pending, failed, more;
	struct lk_client_row rows[ROWS_MAX];
	int n, sel, top;
} pk;

static const struct lk_screen_key keys[] = {
	{ LK_VK_HELP, N_("Help"), NULL },
	{ LK_VK_OPEN, N_("Choose"), N_("Choose the selected client") },
	{ LK_VK_BACK, N_("Back"), N_("Back without choosing") },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	{ LK_VK_UP, NULL, N_("Previous client in the list") },
	{ LK_VK_DOWN, NULL, N_("Next client in the list") },
	{ LK_VK_PGUP, NULL, NULL },
	{ LK_VK_PGDN, NULL, NULL },
	{ LK_VK_ERASE, NULL, NULL },
	{ LK_VK_CLEAR, NULL, NULL },
	{ LK_VK_REDRAW, NULL, NULL },
};

void
lk_pick_client(struct lk_ui *ui, const char *title, const char *hint, bool allow_none,
               void (*done)(struct lk_ui *ui, const char *client_id))
{
	memset(&pk, 0, sizeof pk);
	pk.title = title;
	pk.hint = hint;
	pk.allow_none = allow_none;
	pk.done = done;
	pk.back = ui->cur;
	lk_ui_show(ui, LK_SCREEN_PICK);
}

static int
collect(const struct lk_client_row *r, void *ctx)
{
	(void)ctx;
	if (pk.n >= ROWS_MAX) {
		pk.more = true;
		return 1;
	}
	pk.rows[pk.n++] = *r;
	return 0;
}

static void
search(struct lk_ui *ui)
{
	char q[QUERY_MAX * 4 + 1];
	pk.pending = pk.failed = pk.more = false;
	pk.n = pk.sel = pk.top = 0;
	if (wcstombs(q, pk.query, sizeof q) == (size_t)-1)
		return;
	struct lk_err err = { 0 };
	if (lk_client_search(ui->st, q, ROWS_MAX + 1, collect, NULL, &err) != LK_OK) {
		pk.failed = true;
		lk_ui_message(ui, true, "%s: %s", _("Search failed"), err.msg);
	}
}

static void
text_input(struct lk_ui *ui, wchar_t ch)
{
	(void)ui;
	if (pk.qlen >= QUERY_MAX)
		return;
	pk.query[pk.qlen++] = ch;
	pk.query[pk.qlen] = L'\0';
	pk.pending = true;
}

static void
key(struct lk_ui *ui, enum lk_vkey vk)
{
	int page = getmaxy(ui->body) - LIST_TOP;
	if (page < 1)
		page = 1;
	switch (vk) {
	case LK_VK_OPEN: {
		if (pk.pending)
			search(ui);
		void (*done)(struct lk_ui *, const char *) = pk.done;
		if (pk.qlen == 0 && pk.allow_none) {
			lk_ui_show(ui, pk.back);
			done(ui, NULL);
		} else if (pk.n == 0) {
			lk_ui_message(ui, false, "%s", _("No client chosen: type part of a name first"));
		} else {
			char id[65];
			snprintf(id, sizeof id, "%s", pk.rows[pk.sel].id);
			lk_ui_show(ui, pk.back);
			done(ui, id);
		}
		return;
	}
	case LK_VK_BACK:
		lk_ui_show(ui, pk.back);
		return;
	case LK_VK_UP:
		pk.sel--;
		break;
	case LK_VK_DOWN:
		pk.sel++;
		break;
	case LK_VK_PGUP:
		pk.sel -= page;
		break;
	case LK_VK_PGDN:
		pk.sel += page;
		break;
	case LK_VK_ERASE:
		if (pk.qlen > 0) {
			pk.query[--pk.qlen] = L'\0';
			pk.pending = true;
		}
		break;
	case LK_VK_CLEAR:
		pk.qlen = 0;
		pk.query[0] = L'\0';
		pk.pending = true;
		break;
	default:
		break;
	}
	if (pk.sel >= pk.n)
		pk.sel = pk.n - 1;
	if (pk.sel < 0)
		pk.sel = 0;
}

static void
settle(struct lk_ui *ui)
{
	if (pk.pending)
		search(ui);
}

static void
draw(struct lk_ui *ui, WINDOW *w)
{
	int cols = getmaxx(w), rows = getmaxy(w);
	lk_draw_text(w, 0, 1, cols - 2, _(pk.title ? pk.title : N_("Choose a client")),
	             lk_style(ui->color, LK_STYLE_TITLE), false);
	char label[64], q[QUERY_MAX * 4 + 1] = "";
	snprintf(label, sizeof label, "%s: ", _("Search"));
	int x = 1 + lk_draw_text(w, 2, 1, cols - 2, label, A_BOLD, false);
	if (wcstombs(q, pk.query, sizeof q) == (size_t)-1)
		q[0] = '\0';
	const char *shown = q;
	while (lk_text_width(shown) > cols - x - 2 && *shown)
		shown++;
	int cursor_x = x + lk_draw_text(w, 2, x, cols - x - 1, shown, A_UNDERLINE, false);
	if (pk.qlen == 0) {
		if (pk.hint)
			lk_draw_text(w, 4, 2, cols - 3, _(pk.hint), A_NORMAL, false);
	} else if (pk.n == 0 && !pk.pending && !pk.failed) {
		lk_draw_text(w, 4, 2, cols - 3, _("No clients found."), A_NORMAL, false);
	} else {
		int name_w = cols - 2 - 13 - 17 - 2, hx = 2 + name_w + 1, mx = hx + 13;
		if (pk.sel < pk.top)
			pk.top = pk.sel;
		if (pk.sel >= pk.top + rows - LIST_TOP)
			pk.top = pk.sel - (rows - LIST_TOP) + 1;
		for (int i = pk.top; i < pk.n && LIST_TOP - 1 + i - pk.top < rows; i++) {
			const struct lk_client_row *r = &pk.rows[i];
			int y = LIST_TOP - 1 + i - pk.top;
			bool sel = i == pk.sel;
			attr_t a = sel ? lk_style(ui->color, LK_STYLE_SELECTED) : A_NORMAL;
			char name[256], mask[16];
			snprintf(name, sizeof name, "%s, %s", r->surname, r->given_names);
			lk_hetu_mask(r->hetu, mask, sizeof mask);
			if (sel)
				lk_draw_fill(w, y, 1, cols - 1, a);
			lk_draw_text(w, y, 0, 1, sel ? ">" : " ", A_BOLD, false);
			lk_draw_text(w, y, 2, name_w, name, a, false);
			lk_draw_text(w, y, hx, 12, r->hetu[0] ? mask : "–", a, false);
			lk_draw_text(w, y, mx, cols - mx - 1, r->municipality[0] ? r->municipality : "–",
			             a, false);
		}
	}
	wmove(w, 2, cursor_x < cols ? cursor_x : cols - 1);
	ui->cursor = true;
}

static void
status(struct lk_ui *ui, char *buf, size_t size)
{
	(void)ui;
	lk_draw_match_count(buf, size, pk.qlen > 0, !pk.pending && !pk.failed, pk.more,
	                    pk.n);
}

const struct lk_screen lk_screen_pick = {
	.title = N_("Choose a client"),
	.keys = keys,
	.n_keys = (int)(sizeof keys / sizeof keys[0]),
	.text = true,
	.text_help = N_("Letters and digits go into the search line."),
	.enter = NULL,
	.draw = draw,
	.key = key,
	.text_input = text_input,
	.settle = settle,
	.status = status,
};
