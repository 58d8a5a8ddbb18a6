/*
 * search-list.h — the search-as-you-type client list that the lookup
 * screen and the client picker share: the search line, the result list
 * (name, masked identity code, municipality), the selection, paging and
 * the status text ("3 matches").
 *
 * A screen keeps one struct lk_search_list, sets its layout fields once,
 * passes it typed characters and virtual keys, calls
 * lk_search_list_refresh after each batch of keys (the search runs there,
 * once per batch, through lk_client_search with a limit of a few screens)
 * and lk_search_list_draw from its draw(). Never shows a whole identity
 * code, never writes to the store. With whole_code set the list finds a
 * client only by the whole identity code typed exactly.
 */
#ifndef LK_UI_SEARCH_LIST_H
#define LK_UI_SEARCH_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>
#include <curses.h>

#include "store/client.h"
#include "ui/ui.h"

#define LK_SEARCH_QUERY_MAX 64    /* characters in the search line */
#define LK_SEARCH_ROWS_MAX 200    /* rows kept: a few pages; narrow the search for more */

struct lk_search_list {
	/* Layout and policy, set by the screen (lk_search_list_reset keeps them). */
	int y;                  /* body row of the search line; the list starts two below */
	bool headings;          /* a heading row above the list, columns sized to
	                         * the headings (the lookup); else none (the picker) */
	/* Whether a match may be listed (NULL: every match). */
	bool (*keep)(struct lk_ui *ui, const struct lk_client_row *r);
	/* Only a whole identity code, typed in full, finds a client: no name
	 * search, no partial codes (a role without the search capability,
	 * which may not browse the register; core/roles.h). */
	bool whole_code;

	/* State. */
	wchar_t query[LK_SEARCH_QUERY_MAX + 1];
	size_t qlen;
	bool pending;           /* the query changed since the last search */
	bool failed;
	bool not_code;          /* whole_code: the line is not a whole code, so no search ran */
	bool more;              /* the register holds more matches than rows */
	struct lk_client_row rows[LK_SEARCH_ROWS_MAX + 1];
	int n, sel, top;
	int page;               /* result rows that fit the body */
};

/* The list's keys, for a screen's key table (after the screen's own):
 * Up/Down with their help, PgUp/PgDn, Home/End, Erase and Clear. */
#define LK_SEARCH_LIST_KEYS \
	{ LK_VK_UP, NULL, lk_search_list_help_up }, \
	{ LK_VK_DOWN, NULL, lk_search_list_help_down }, \
	{ LK_VK_PGUP, NULL, NULL }, \
	{ LK_VK_PGDN, NULL, NULL }, \
	{ LK_VK_HOME, NULL, NULL }, \
	{ LK_VK_END, NULL, NULL }, \
	{ LK_VK_ERASE, NULL, NULL }, \
	{ LK_VK_CLEAR, NULL, NULL }
/* Their msgids (in search-list.c, where xgettext finds them). */
extern const char lk_search_list_help_up[], lk_search_list_help_down[];

enum lk_search_list_event {
	LK_SEARCH_LIST_NONE,     /* not the list's key: the screen's own */
	LK_SEARCH_LIST_CHANGED,  /* the query or the selection moved */
	LK_SEARCH_LIST_SELECTED  /* Enter, the search settled: see lk_search_list_chosen */
};

/* Empty the search line and the list (the layout fields stay). */
void lk_search_list_reset(struct lk_search_list *l);
/* One typed character into the search line (a message when it is full). */
enum lk_search_list_event lk_search_list_text(struct lk_search_list *l, struct lk_ui *ui,
                                              wchar_t ch);
/* One virtual key: Search and Clear empty the line, Erase takes a
 * character back, Up/Down/PgUp/PgDn/Home/End move the selection, Open
 * runs a pending search and answers SELECTED. */
enum lk_search_list_event lk_search_list_input(struct lk_search_list *l, struct lk_ui *ui,
                                               enum lk_vkey vk);
/* The chosen row after SELECTED, or NULL (with a message on the status
 * line) when nothing is listed. */
const struct lk_client_row *lk_search_list_chosen(struct lk_search_list *l, struct lk_ui *ui);
/* After a batch of keys or on entering the screen: take the body's page
 * size, run a pending search against ui->st, keep the selection on the
 * page. */
void lk_search_list_refresh(struct lk_search_list *l, struct lk_ui *ui);
/* Draw the search line at row l->y and the list below it to the bottom of
 * w; `hint` (translated, may be NULL) shows while nothing is typed. Puts
 * the cursor at the end of the search line. */
void lk_search_list_draw(struct lk_search_list *l, struct lk_ui *ui, WINDOW *w,
                         const char *hint);
/* The status text: "" while nothing is typed, a search is pending or
 * failed, or (whole_code) the line is not a whole identity code; else "3 matches" or "More than 80 matches: …". */
void lk_search_list_status(const struct lk_search_list *l, char *buf, size_t size);

#endif
