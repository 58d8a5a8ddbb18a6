/*
 * screen-pick.c — choose a client by type-ahead, for another screen: the
 * calendar's booking ("for whom?") and Piste's "link this visit to a
 * client". The search line and the list are the lookup's (search-list.h:
 * lk_client_search once per batch of keys, the same rows and keys, without
 * the heading row); Enter goes back handing the chosen client's id to the
 * screen that asked (lk_ui_return with its request), Back returns without
 * one.
 *
 * A role without the search capability (the Piste desk: docs/rules.md#piste,
 * "no client register"; core/roles.c) may not browse the register from
 * here: the list then finds a client only by the whole identity code typed
 * exactly (the visitor shows their ID card), and the hint line says so.
 *
 * Shows only what the lookup shows (name, masked identity code,
 * municipality); never writes to the store.
 */
#include <stdio.h>

#include "i18n.h"
#include "store/client.h"
#include "ui/draw.h"
#include "ui/search-list.h"
#include "ui/ui.h"

static struct {
	const char *title, *hint;
	bool allow_none;
	enum lk_request request;   /* handed back with the chosen client */
	struct lk_search_list list;
} pk;

static const struct lk_screen_key keys[] = {
	{ LK_VK_HELP, N_("Help"), NULL },
	{ LK_VK_OPEN, N_("Choose"), N_("Choose the selected client") },
	{ LK_VK_BACK, N_("Back"), N_("Back without choosing") },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	LK_SEARCH_LIST_KEYS,
	{ LK_VK_REDRAW, NULL, NULL },
};

/* nav: the title and hint (msgids), LK_NAV_ALLOW_NONE, and the request
 * the answer goes back with. */
static bool
open_pick(struct lk_ui *ui, const struct lk_nav *nav)
{
	pk.title = nav->title;
	pk.hint = nav->hint;
	pk.allow_none = (nav->flags & LK_NAV_ALLOW_NONE) != 0;
	pk.request = nav->request;
	pk.list.y = 2;
	pk.list.headings = false;
	pk.list.whole_code = !lk_ui_can(ui, LK_CAP_SEARCH);
	lk_search_list_reset(&pk.list);
	return true;
}

static void
enter(struct lk_ui *ui)
{
	lk_search_list_refresh(&pk.list, ui);
}

static void
text_input(struct lk_ui *ui, wchar_t ch)
{
	lk_search_list_text(&pk.list, ui, ch);
}

static void
key(struct lk_ui *ui, enum lk_vkey vk)
{
	if (vk == LK_VK_BACK) {
		lk_ui_back(ui);
		return;
	}
	if (lk_search_list_input(&pk.list, ui, vk) != LK_SEARCH_LIST_SELECTED)
		return;
	if (pk.list.qlen == 0 && pk.allow_none) {
		lk_ui_return(ui, &(const struct lk_nav){ .request = pk.request });
		return;
	}
	const struct lk_client_row *r = lk_search_list_chosen(&pk.list, ui);
	if (r) {
		char id[65];
		snprintf(id, sizeof id, "%s", r->id);
		lk_ui_return(ui, &(const struct lk_nav){ .request = pk.request, .client_id = id });
	}
}

static void
settle(struct lk_ui *ui)
{
	lk_search_list_refresh(&pk.list, ui);
}

static void
draw(struct lk_ui *ui, WINDOW *w)
{
	lk_draw_text(w, 0, 1, getmaxx(w) - 2, _(pk.title ? pk.title : N_("Choose a client")),
	             lk_style(ui->color, LK_STYLE_TITLE), false);
	const char *hint = pk.list.whole_code
		? _("Only the whole identity code finds a client: no name search for this role.")
		: pk.hint ? _(pk.hint) : NULL;
	lk_search_list_draw(&pk.list, ui, w, hint);
}

static void
status(struct lk_ui *ui, char *buf, size_t size)
{
	(void)ui;
	lk_search_list_status(&pk.list, buf, size);
}

const struct lk_screen lk_screen_pick = {
	.title = N_("Choose a client"),
	.keys = keys,
	.n_keys = (int)(sizeof keys / sizeof keys[0]),
	.text = true,
	.text_help = N_("Letters and digits go into the search line."),
	.open = open_pick,
	.enter = enter,
	.draw = draw,
	.key = key,
	.text_input = text_input,
	.settle = settle,
	.status = status,
};
