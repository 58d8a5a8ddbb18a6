/*
 * screen-lookup.c — client lookup: search as you type over the whole
 * register, a result list (name, masked identity code, municipality) and
 * Enter to open the client card.
 *
 * The search runs once per batch of keystrokes through lk_client_search,
 * with a limit of a few screens, so it stays fast on a million rows. Never
 * shows a whole identity code, never writes to the store.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/hetu.h"
#include "store/signin.h"
#include "i18n.h"
#include "store/client.h"
#include "ui/draw.h"
#include "ui/ui.h"

#define QUERY_MAX 64        /* characters in the search line */
#define RESULTS_MAX 200     /* rows kept: a few pages; narrow the search for more */
#define LIST_TOP 5          /* body row of the first result */

static struct {
	wchar_t query[QUERY_MAX + 1];
	size_t qlen;
	bool pending;           /* the query changed since the last search */
	struct lk_client_row rows[RESULTS_MAX + 1];
	int n;
	bool more;              /* the register holds more matches than rows */
	bool failed;
	int sel, top;
	int page;               /* result rows that fit the body */
} lk;

static const struct lk_screen_key keys[] = {
	{ LK_VK_HELP, N_("Help"), NULL },
	{ LK_VK_SEARCH, N_("Search"), N_("Empty the search and start again") },
	{ LK_VK_OPEN, N_("Open"), NULL },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	{ LK_VK_AGENDA, NULL, NULL },
	{ LK_VK_PISTE, NULL, NULL },
	{ LK_VK_CONFLICTS, NULL, NULL },
	{ LK_VK_REPORTS, NULL, NULL },
	{ LK_VK_UP, NULL, N_("Previous client in the list") },
	{ LK_VK_DOWN, NULL, N_("Next client in the list") },
	{ LK_VK_PGUP, NULL, NULL },
	{ LK_VK_PGDN, NULL, NULL },
	{ LK_VK_HOME, NULL, NULL },
	{ LK_VK_END, NULL, NULL },
	{ LK_VK_ERASE, NULL, NULL },
	{ LK_VK_CLEAR, NULL, NULL },
	{ LK_VK_REDRAW, NULL, NULL },
};

/* Empty the search line and the list. */
void
lk_lookup_reset(struct lk_ui *ui)
{
	(void)ui;
	lk.qlen = 0;
	lk.query[0] = L'\0';
	lk.n = 0;
	lk.more = lk.failed = false;
	lk.sel = lk.top = 0;
	lk.pending = false;
}

struct collect {
	int cap;
	struct lk_ui *ui;
};

/* Keep one search result. */
static int
collect_row(const struct lk_client_row *r, void *ctx)
{
	struct collect *c = ctx;
	/* A TYM partner lists only own TYM clients with consent (core/roles.h). */
	if (!lk_ui_can(c->ui, LK_CAP_SEARCH) &&
	    !lk_tym_client_visible(c->ui->st, c->ui->opt->staff_id, r->id))
		return 0;
	if (lk.n >= c->cap) {
		lk.more = true;
		return 1;
	}
	lk.rows[lk.n++] = *r;
	return 0;
}

/* Rows of results that fit the body window. */
static int
page_rows(const struct lk_ui *ui)
{
	int h = getmaxy(ui->body) - LIST_TOP;
	return h < 1 ? 1 : h;
}

/* Run the search for the current line. */
static void
search(struct lk_ui *ui)
{
	char q[QUERY_MAX * 4 + 1];
	lk.pending = false;
	lk.n = 0;
	lk.more = lk.failed = false;
	lk.sel = lk.top = 0;
	if (wcstombs(q, lk.query, sizeof q) == (size_t)-1)
		return;
	int cap = page_rows(ui) * 4;
	if (cap < 20)
		cap = 20;
	if (cap > RESULTS_MAX)
		cap = RESULTS_MAX;
	struct collect c = { cap, ui };
	struct lk_err err = { 0 };
	if (lk_client_search(ui->st, q, cap + 1, collect_row, &c, &err) != LK_OK) {
		lk.failed = true;
		lk_ui_message(ui, true, "%s: %s", _("Search failed"), err.msg);
	}
}

/* Keep the selection on the page. */
static void
scroll_to_sel(void)
{
	int page = lk.page < 1 ? 1 : lk.page;
	if (lk.sel < 0)
		lk.sel = 0;
	if (lk.sel >= lk.n)
		lk.sel = lk.n - 1;
	if (lk.sel < 0)
		lk.sel = 0;
	if (lk.sel < lk.top)
		lk.top = lk.sel;
	if (lk.sel >= lk.top + page)
		lk.top = lk.sel - page + 1;
	if (lk.top < 0)
		lk.top = 0;
}

static void
enter(struct lk_ui *ui)
{
	lk.page = page_rows(ui);
	scroll_to_sel();
}

static void
text_input(struct lk_ui *ui, wchar_t ch)
{
	if (lk.qlen >= QUERY_MAX) {
		lk_ui_message(ui, false, "%s", _("The search is as long as it can be"));
		return;
	}
	lk.query[lk.qlen++] = ch;
	lk.query[lk.qlen] = L'\0';
	lk.pending = true;
}

static void
key(struct lk_ui *ui, enum lk_vkey vk)
{
	switch (vk) {
	case LK_VK_SEARCH:
	case LK_VK_CLEAR:
		lk_lookup_reset(ui);
		break;
	case LK_VK_ERASE:
		if (lk.qlen > 0) {
			lk.query[--lk.qlen] = L'\0';
			lk.pending = true;
		}
		break;
	case LK_VK_UP:
		lk.sel--;
		break;
	case LK_VK_DOWN:
		lk.sel++;
		break;
	case LK_VK_PGUP:
		lk.sel -= lk.page;
		lk.top -= lk.page;
		break;
	case LK_VK_PGDN:
		lk.sel += lk.page;
		lk.top += lk.page;
		if (lk.top > lk.n - lk.page)
			lk.top = lk.n - lk.page;
		break;
	case LK_VK_HOME:
		lk.sel = 0;
		break;
	case LK_VK_END:
		lk.sel = lk.n - 1;
		break;
	case LK_VK_AGENDA:
		lk_agenda_open(ui, NULL, LK_NO_DATE, NULL);
		return;
	case LK_VK_PISTE:
		lk_piste_open(ui);
		return;
	case LK_VK_CONFLICTS:
		lk_conflicts_open(ui);
		return;
	case LK_VK_REPORTS:
		lk_report_open(ui);
		return;
	case LK_VK_OPEN:
		if (lk.pending)
			search(ui);
		if (lk.n == 0)
			lk_ui_message(ui, false, "%s", _("No client chosen: type part of a name first"));
		else
			lk_card_open(ui, lk.rows[lk.sel].id);
		return;
	default:
		break;
	}
	scroll_to_sel();
}

/* Search once after a batch of keys; keep the page size current. */
static void
settle(struct lk_ui *ui)
{
	lk.page = page_rows(ui);
	if (lk.pending)
		search(ui);
	scroll_to_sel();
}

/* Column widths of the list for a window `cols` wide. */
static void
columns(int cols, int *name_w, int *hetu_w, int *muni_w)
{
	*hetu_w = lk_text_width(_("Identity code"));
	if (*hetu_w < 12)
		*hetu_w = 12;
	if (*hetu_w > 17)
		*hetu_w = 17;
	*muni_w = cols >= 100 ? 24 : 16;
	*name_w = cols - 2 - *hetu_w - *muni_w - 2;
	if (*name_w < 10)
		*name_w = 10;
}

static void
draw(struct lk_ui *ui, WINDOW *w)
{
	int cols = getmaxx(w), rows = getmaxy(w);
	lk_draw_text(w, 0, 1, cols - 2, _("Client lookup"), lk_style(ui->color, LK_STYLE_TITLE),
	             false);

	char label[64], q[QUERY_MAX * 4 + 1] = "";
	snprintf(label, sizeof label, "%s: ", _("Search"));
	int x = 1 + lk_draw_text(w, 2, 1, cols - 2, label, A_BOLD, false);
	if (wcstombs(q, lk.query, sizeof q) == (size_t)-1)
		q[0] = '\0';
	/* Show the end of a long query: the cursor stays on screen. */
	const char *shown = q;
	while (lk_text_width(shown) > cols - x - 2 && *shown)
		shown++;
	int cursor_x = x + lk_draw_text(w, 2, x, cols - x - 1, shown, A_UNDERLINE, false);

	int name_w, hetu_w, muni_w;
	columns(cols, &name_w, &hetu_w, &muni_w);
	int hx = 2 + name_w + 1, mx = hx + hetu_w + 1;
	if (lk.qlen == 0) {
		lk_draw_text(w, 4, 2, cols - 3,
		             _("Type part of a name (e.g. \"virt mat\") or an identity code."),
		             A_NORMAL, false);
	} else if (lk.n == 0 && !lk.pending && !lk.failed) {
		lk_draw_text(w, 4, 2, cols - 3, _("No clients found."), A_NORMAL, false);
	} else if (lk.n > 0) {
		attr_t h = A_BOLD | A_UNDERLINE;
		lk_draw_text(w, 4, 2, name_w, _("Name"), h, true);
		lk_draw_text(w, 4, hx, hetu_w, _("Identity code"), h, true);
		lk_draw_text(w, 4, mx, muni_w, _("Municipality"), h, true);
		for (int i = lk.top; i < lk.n && LIST_TOP + i - lk.top < rows; i++) {
			const struct lk_client_row *r = &lk.rows[i];
			int y = LIST_TOP + i - lk.top;
			bool sel = i == lk.sel;
			attr_t a = sel ? lk_style(ui->color, LK_STYLE_SELECTED) : A_NORMAL;
			char name[256], mask[16];
			snprintf(name, sizeof name, "%s, %s", r->surname, r->given_names);
			lk_hetu_mask(r->hetu, mask, sizeof mask);
			if (sel)
				lk_draw_fill(w, y, 1, cols - 1, a);
			lk_draw_text(w, y, 0, 1, sel ? ">" : " ", A_BOLD, false);
			lk_draw_text(w, y, 2, name_w, name, a, true);
			lk_draw_text(w, y, hx, hetu_w, r->hetu[0] ? mask : "–", a, true);
			lk_draw_text(w, y, mx, muni_w, r->municipality[0] ? r->municipality : "–", a,
			             true);
		}
		if (lk.top + lk.page < lk.n)
			lk_draw_text(w, rows - 1, cols - 1, 1, "↓", A_BOLD, false);
		if (lk.top > 0)
			lk_draw_text(w, LIST_TOP, cols - 1, 1, "↑", A_BOLD, false);
	}
	wmove(w, 2, cursor_x < cols ? cursor_x : cols - 1);
	ui->cursor = true;
}

/* "3 matches", "More than 80 matches". */
static void
status(struct lk_ui *ui, char *buf, size_t size)
{
	(void)ui;
	lk_draw_match_count(buf, size, lk.qlen > 0, !lk.pending && !lk.failed, lk.more,
	                    lk.n);
}

const struct lk_screen lk_screen_lookup = {
	.title = N_("Client lookup"),
	.keys = keys,
	.n_keys = (int)(sizeof keys / sizeof keys[0]),
	.text = true,
	.enter = enter,
	.draw = draw,
	.key = key,
	.text_input = text_input,
	.settle = settle,
	.status = status,
};
