/*
 * draw.h — the frame around every screen (header, status line,
 * function-key bar), the styles, and text helpers that measure UTF-8 by
 * display columns (wcwidth), so å, ä and ö line up in columns.
 *
 * Draws only into the window it is given, with werase/waddnwstr; never
 * refreshes the physical screen (tui.c does one doupdate per batch) and
 * never touches the store.
 */
#ifndef LK_UI_DRAW_H
#define LK_UI_DRAW_H

#include <stdbool.h>
#include <curses.h>

#include "ui/ui.h"

enum lk_style {
	LK_STYLE_NORMAL,
	LK_STYLE_HEADER,     /* the top line */
	LK_STYLE_BAR_KEY,    /* "F1" on the bar */
	LK_STYLE_BAR_LABEL,  /* "Ohje" on the bar */
	LK_STYLE_TITLE,      /* a screen's or a section's title */
	LK_STYLE_SELECTED,   /* the chosen row of a list */
	LK_STYLE_LABEL,      /* a field name on a card */
	LK_STYLE_OVERDUE,
	LK_STYLE_FLAG,
	LK_STYLE_DONE,
	LK_STYLE_ERROR,
	LK_STYLE_COUNT
};

/* Set up colour pairs when the terminal has colour and NO_COLOR is unset;
 * returns whether colour is used. Call after initscr. */
bool lk_draw_init_colors(void);
/* The attributes of a style: colour when `color`, else bold/reverse only,
 * so every meaning survives on a monochrome terminal. */
attr_t lk_style(bool color, enum lk_style s);

/* Display columns of a UTF-8 string (invalid bytes count one each). */
int lk_text_width(const char *s);
/* Draw s at (y, x) in at most `width` columns, cut with "…" if it does not
 * fit; pad with spaces to `width` when pad. Returns the columns drawn. */
int lk_draw_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr, bool pad);
/* Draw s right-aligned so it ends at column `right` (exclusive). */
void lk_draw_right(WINDOW *w, int y, int right, const char *s, attr_t attr);
/* Fill `width` columns from (y, x) with blanks in attr. */
void lk_draw_fill(WINDOW *w, int y, int x, int width, attr_t attr);
/* s broken at spaces into lines of at most `width` columns (a word longer
 * than a line is cut), at most max_lines of them from row y; returns the
 * lines it takes. Draws nothing when w is NULL (to measure first). */
int lk_draw_wrap(WINDOW *w, int y, int x, int width, int max_lines, const char *s, attr_t attr);
/* A list's scroll marks in the last column of w: "↓" at row `last` when
 * rows are hidden below, then "↑" at row `first` when rows are hidden
 * above. */
void lk_draw_scroll_marks(WINDOW *w, int first, int last, bool above, bool below);
/* Move a list's first shown row *top just as far as it takes to show row
 * `sel` on a page of `page` rows. */
void lk_list_follow(int sel, int *top, int page);
/* A list key on a list of n rows: Up, Down, PgUp/PgDn by `page` rows,
 * Home, End move *sel within 0..n-1 (an empty list's *sel is left as the
 * screen keeps it). True when vk was one of them. */
bool lk_list_move(int *sel, int n, int vk, int page);

/* The frame. */
void lk_draw_header(struct lk_ui *ui);
void lk_draw_status(struct lk_ui *ui, const struct lk_screen *s);
void lk_draw_bar(struct lk_ui *ui, const struct lk_screen *s);

/* "20 000": a count with the Finnish thousands space. */
char *lk_fmt_count(long n, char *buf, size_t size);

#endif
