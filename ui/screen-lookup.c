/*
 * screen-lookup.c — client lookup: search as you type over the whole
 * register, a result list (name, masked identity code, municipality) and
 * Enter to open the client card (a TYM partner: the client's TYM part).
 * The desk's home screen: opened with LK_NAV_HOME, nothing under it.
 *
 * The search line and the list are the shared search list (search-list.h,
 * also the client picker's); this file adds the title, the hint, the TYM
 * partner's filter and the keys to other screens. Never shows a whole
 * identity code, never writes to the store.
 */
#include "i18n.h"
#include "store/client.h"
#include "store/signin.h"
#include "ui/draw.h"
#include "ui/search-list.h"
#include "ui/ui.h"

/* A TYM partner lists only own TYM clients with consent (core/roles.h). */
static bool
visible(struct lk_ui *ui, const struct lk_client_row *r)
{
	return lk_ui_can(ui, LK_CAP_SEARCH) ||
	       lk_tym_client_visible(ui->st, ui->opt->staff_id, r->id);
}

static struct lk_search_list lk = { .y = 2, .headings = true, .keep = visible };

/* The desk's home: the bar shows every way on from here that the role may
 * take; when narrow, the search key (Esc empties the line too) and the
 * conflicts go first. */
static const struct lk_screen_key keys[] = {
	{ LK_VK_HELP, N_("Help"), NULL },
	{ LK_VK_SEARCH, N_("Search"), N_("Empty the search and start again") },
	{ LK_VK_OPEN, N_("Open"), NULL },
	{ LK_VK_AGENDA, N_("Calendar"), NULL },
	{ LK_VK_REPORTS, N_("Reports"), NULL },
	{ LK_VK_CONFLICTS, N_("Conflicts"), NULL },
	{ LK_VK_PISTE, N_("Piste"), NULL },
	{ LK_VK_LOCK, N_("Lock"), NULL },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	{ LK_VK_EVENTS, NULL, NULL },   /* F12: on the bar where it fits is issue 18's order; in help */
	LK_SEARCH_LIST_KEYS,
	{ LK_VK_REDRAW, NULL, NULL },
};

static const enum lk_vkey bar_drop[] = {
	LK_VK_SEARCH, LK_VK_CONFLICTS, LK_VK_LOCK, LK_VK_PISTE, LK_VK_REPORTS, LK_VK_NONE,
};

/* Opened with LK_NAV_CLEAR (the card's search key): an empty search line. */
static bool
open_lookup(struct lk_ui *ui, const struct lk_nav *nav)
{
	(void)ui;
	if (nav->flags & LK_NAV_CLEAR)
		lk_search_list_reset(&lk);
	return true;
}

/* The chosen client: the card; for a TYM partner (no card) the TYM part of
 * a client they may see (core/roles.h). */
static void
open_client(struct lk_ui *ui, const char *client_id)
{
	const struct lk_nav nav = { .client_id = client_id };
	if (lk_ui_can(ui, LK_CAP_CARD))
		lk_ui_open(ui, LK_SCREEN_CARD, &nav);
	else if (lk_ui_can(ui, LK_CAP_TYM_PART) &&
	         lk_tym_client_visible(ui->st, ui->opt->staff_id, client_id))
		lk_ui_open(ui, LK_SCREEN_TYM, &nav);
	else
		lk_ui_message(ui, true, "%s", _("Your role may not open this client's card"));
}

static void
enter(struct lk_ui *ui)
{
	lk_search_list_refresh(&lk, ui);
}

static void
text_input(struct lk_ui *ui, wchar_t ch)
{
	lk_search_list_text(&lk, ui, ch);
}

static void
key(struct lk_ui *ui, enum lk_vkey vk)
{
	switch (lk_search_list_input(&lk, ui, vk)) {
	case LK_SEARCH_LIST_SELECTED: {
		const struct lk_client_row *r = lk_search_list_chosen(&lk, ui);
		if (r)
			open_client(ui, r->id);
		return;
	}
	case LK_SEARCH_LIST_CHANGED:
		return;
	case LK_SEARCH_LIST_NONE:
		break;
	}
	switch (vk) {
	case LK_VK_AGENDA:
		lk_ui_open(ui, LK_SCREEN_AGENDA, NULL);
		break;
	case LK_VK_PISTE:
		lk_ui_open(ui, LK_SCREEN_PISTE, NULL);
		break;
	case LK_VK_CONFLICTS:
		lk_ui_open(ui, LK_SCREEN_CONFLICTS, NULL);
		break;
	case LK_VK_REPORTS:
		lk_ui_open(ui, LK_SCREEN_REPORT, NULL);
		break;
	case LK_VK_EVENTS:
		lk_ui_open(ui, LK_SCREEN_EVENTS, NULL);
		break;
	default:
		break;
	}
}

/* Search once after a batch of keys; keep the page size current. */
static void
settle(struct lk_ui *ui)
{
	lk_search_list_refresh(&lk, ui);
}

static void
draw(struct lk_ui *ui, WINDOW *w)
{
	lk_draw_text(w, 0, 1, getmaxx(w) - 2, _("Client lookup"),
	             lk_style(ui->color, LK_STYLE_TITLE), false);
	lk_search_list_draw(&lk, ui, w,
	                    _("Type part of a name (e.g. \"virt mat\") or an identity code."));
}

/* "3 matches", "More than 80 matches". */
static void
status(struct lk_ui *ui, char *buf, size_t size)
{
	(void)ui;
	lk_search_list_status(&lk, buf, size);
}

const struct lk_screen lk_screen_lookup = {
	.title = N_("Client lookup"),
	.keys = keys,
	.n_keys = (int)(sizeof keys / sizeof keys[0]),
	.text = true,
	.open = open_lookup,
	.enter = enter,
	.draw = draw,
	.key = key,
	.text_input = text_input,
	.settle = settle,
	.status = status,
	.bar_drop = bar_drop,
};
