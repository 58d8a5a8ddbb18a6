/*
 * search-list.c — the search-as-you-type client list of the lookup screen
 * and the client picker (search-list.h): query, results, selection,
 * paging, the rows (name by display width, masked identity code,
 * municipality) and the match count.
 *
 * The search runs once per batch of keystrokes through lk_client_search,
 * with a limit of a few screens, so it stays fast on a million rows. Never
 * shows a whole identity code, never writes to the store.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/hetu.h"
#include "i18n.h"
#include "store/client.h"
#include "ui/draw.h"
#include "ui/search-list.h"

const char lk_search_list_help_up[] = N_("Previous client in the list");
const char lk_search_list_help_down[] = N_("Next client in the list");

/* Body row of the first result. */
static int
list_top(const struct lk_search_list *l)
{
	return l->y + 2 + (l->headings ? 1 : 0);
}

/* Rows of results that fit the body window. */
static int
page_rows(const struct lk_search_list *l, const struct lk_ui *ui)
{
	int h = getmaxy(ui->body) - list_top(l);
	return h < 1 ? 1 : h;
}

void
lk_search_list_reset(struct lk_search_list *l)
{
	l->qlen = 0;
	l->query[0] = L'\0';
	l->n = 0;
	l->more = l->failed = l->not_code = false;
	l->sel = l->top = 0;
	l->pending = false;
}

struct collect {
	struct lk_search_list *l;
	struct lk_ui *ui;
	int cap;
};

/* Keep one search result. */
static int
collect_row(const struct lk_client_row *r, void *ctx)
{
	struct collect *c = ctx;
	struct lk_search_list *l = c->l;
	if (l->keep && !l->keep(c->ui, r))
		return 0;
	if (l->n >= c->cap) {
		l->more = true;
		return 1;
	}
	l->rows[l->n++] = *r;
	return 0;
}

/* Whether `q` is one whole, valid identity code (letters in either case,
 * as lk_client_search takes them) and nothing else. */
static bool
whole_code(const char *q)
{
	char up[LK_HETU_LEN + 1];
	size_t i;
	for (i = 0; q[i] && i < LK_HETU_LEN; i++)
		up[i] = (char)toupper((unsigned char)q[i]);
	if (q[i] != '\0')
		return false;
	up[i] = '\0';
	return lk_hetu_parse(up, NULL) == LK_HETU_OK;
}

/* Run the search for the current line. */
static void
search(struct lk_search_list *l, struct lk_ui *ui)
{
	char q[LK_SEARCH_QUERY_MAX * 4 + 1];
	l->pending = false;
	l->n = 0;
	l->more = l->failed = l->not_code = false;
	l->sel = l->top = 0;
	if (wcstombs(q, l->query, sizeof q) == (size_t)-1)
		return;
	if (l->whole_code && !whole_code(q)) {
		l->not_code = true;   /* no name search, no partial code */
		return;
	}
	int cap = page_rows(l, ui) * 4;
	if (cap < 20)
		cap = 20;
	if (cap > LK_SEARCH_ROWS_MAX)
		cap = LK_SEARCH_ROWS_MAX;
	struct collect c = { l, ui, cap };
	struct lk_err err = { 0 };
	if (lk_client_search(ui->st, q, cap + 1, collect_row, &c, &err) != LK_OK) {
		l->failed = true;
		lk_ui_message(ui, true, "%s: %s", _("Search failed"), err.msg);
	}
}

/* Keep the selection on the page. */
static void
scroll_to_sel(struct lk_search_list *l)
{
	int page = l->page < 1 ? 1 : l->page;
	if (l->sel < 0)
		l->sel = 0;
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
	lk_list_follow(l->sel, &l->top, page);
	if (l->top < 0)
		l->top = 0;
}

void
lk_search_list_refresh(struct lk_search_list *l, struct lk_ui *ui)
{
	l->page = page_rows(l, ui);
	if (l->pending)
		search(l, ui);
	scroll_to_sel(l);
}

enum lk_search_list_event
lk_search_list_text(struct lk_search_list *l, struct lk_ui *ui, wchar_t ch)
{
	if (l->qlen >= LK_SEARCH_QUERY_MAX) {
		lk_ui_message(ui, false, "%s", _("The search is as long as it can be"));
		return LK_SEARCH_LIST_NONE;
	}
	l->query[l->qlen++] = ch;
	l->query[l->qlen] = L'\0';
	l->pending = true;
	return LK_SEARCH_LIST_CHANGED;
}

enum lk_search_list_event
lk_search_list_input(struct lk_search_list *l, struct lk_ui *ui, enum lk_vkey vk)
{
	switch (vk) {
	case LK_VK_SEARCH:
	case LK_VK_CLEAR:
		lk_search_list_reset(l);
		break;
	case LK_VK_ERASE:
		if (l->qlen > 0) {
			l->query[--l->qlen] = L'\0';
			l->pending = true;
		}
		break;
	case LK_VK_UP:
		l->sel--;
		break;
	case LK_VK_DOWN:
		l->sel++;
		break;
	case LK_VK_PGUP:
		l->sel -= l->page;
		l->top -= l->page;
		break;
	case LK_VK_PGDN:
		l->sel += l->page;
		l->top += l->page;
		if (l->top > l->n - l->page)
			l->top = l->n - l->page;
		break;
	case LK_VK_HOME:
		l->sel = 0;
		break;
	case LK_VK_END:
		l->sel = l->n - 1;
		break;
	case LK_VK_OPEN:
		if (l->pending)
			search(l, ui);
		return LK_SEARCH_LIST_SELECTED;
	default:
		return LK_SEARCH_LIST_NONE;
	}
	scroll_to_sel(l);
	return LK_SEARCH_LIST_CHANGED;
}

const struct lk_client_row *
lk_search_list_chosen(struct lk_search_list *l, struct lk_ui *ui)
{
	if (l->n == 0) {
		lk_ui_message(ui, false, "%s", l->whole_code
		              ? _("No client chosen: type the whole identity code first")
		              : _("No client chosen: type part of a name first"));
		return NULL;
	}
	return &l->rows[l->sel];
}

/* Column widths of the list for a window `cols` wide: with headings, wide
 * enough for them; without, the masked code's 11 characters and a
 * municipality column of 18. */
static void
columns(const struct lk_search_list *l, int cols, int *name_w, int *hetu_w, int *muni_w)
{
	if (l->headings) {
		*hetu_w = lk_text_width(_("Identity code"));
		if (*hetu_w < 12)
			*hetu_w = 12;
		if (*hetu_w > 17)
			*hetu_w = 17;
		*muni_w = cols >= 100 ? 24 : 16;
	} else {
		*hetu_w = 12;
		*muni_w = 18;
	}
	*name_w = cols - 2 - *hetu_w - *muni_w - 2;
	if (*name_w < 10)
		*name_w = 10;
}

void
lk_search_list_draw(struct lk_search_list *l, struct lk_ui *ui, WINDOW *w, const char *hint)
{
	int cols = getmaxx(w), rows = getmaxy(w);
	int y = l->y, top = list_top(l);

	char label[64], q[LK_SEARCH_QUERY_MAX * 4 + 1] = "";
	snprintf(label, sizeof label, "%s: ", _("Search"));
	int x = 1 + lk_draw_text(w, y, 1, cols - 2, label, A_BOLD, false);
	if (wcstombs(q, l->query, sizeof q) == (size_t)-1)
		q[0] = '\0';
	/* Show the end of a long query: the cursor stays on screen. */
	const char *shown = q;
	while (lk_text_width(shown) > cols - x - 2 && *shown)
		shown++;
	int cursor_x = x + lk_draw_text(w, y, x, cols - x - 1, shown, A_UNDERLINE, false);

	int name_w, hetu_w, muni_w;
	columns(l, cols, &name_w, &hetu_w, &muni_w);
	int hx = 2 + name_w + 1, mx = hx + hetu_w + 1;
	if (l->qlen == 0 || (l->not_code && !l->pending)) {
		if (hint)
			lk_draw_text(w, y + 2, 2, cols - 3, hint, A_NORMAL, false);
	} else if (l->n == 0 && !l->pending && !l->failed) {
		lk_draw_text(w, y + 2, 2, cols - 3, _("No clients found."), A_NORMAL, false);
	} else if (l->n > 0) {
		if (l->headings) {
			attr_t h = A_BOLD | A_UNDERLINE;
			lk_draw_text(w, top - 1, 2, name_w, _("Name"), h, true);
			lk_draw_text(w, top - 1, hx, hetu_w, _("Identity code"), h, true);
			lk_draw_text(w, top - 1, mx, muni_w, _("Municipality"), h, true);
		}
		for (int i = l->top; i < l->n && top + i - l->top < rows; i++) {
			const struct lk_client_row *r = &l->rows[i];
			int ry = top + i - l->top;
			bool sel = i == l->sel;
			attr_t a = sel ? lk_style(ui->color, LK_STYLE_SELECTED) : A_NORMAL;
			char name[256], mask[16];
			snprintf(name, sizeof name, "%s, %s", r->surname, r->given_names);
			lk_hetu_mask(r->hetu, mask, sizeof mask);
			if (sel)
				lk_draw_fill(w, ry, 1, cols - 1, a);
			lk_draw_text(w, ry, 0, 1, sel ? ">" : " ", A_BOLD, false);
			lk_draw_text(w, ry, 2, name_w, name, a, true);
			lk_draw_text(w, ry, hx, hetu_w, r->hetu[0] ? mask : "–", a, true);
			lk_draw_text(w, ry, mx, muni_w, r->municipality[0] ? r->municipality : "–", a,
			             true);
		}
		lk_draw_scroll_marks(w, top, rows - 1, l->top > 0, l->top + l->page < l->n);
	}
	wmove(w, y, cursor_x < cols ? cursor_x : cols - 1);
	ui->cursor = true;
}

void
lk_search_list_status(const struct lk_search_list *l, char *buf, size_t size)
{
	if (l->qlen == 0 || l->pending || l->failed || l->not_code)
		buf[0] = '\0';
	else if (l->more)
		snprintf(buf, size, _("More than %d matches: narrow the search"), l->n);
	else
		snprintf(buf, size, dngettext(LK_TEXTDOMAIN, "%d match", "%d matches",
		                              (unsigned long)l->n), l->n);
}
