/*
 * chart.h — charts for people who would rather look than read (issue 7):
 * horizontal bars with target markers and sparklines, drawn with ncursesw.
 *
 * Blocks (U+2588 █, ▁▂▃▄▅▆▇█) where the locale is UTF-8, '#' and " .:-=+*#"
 * where it is not. A target is a marker on the bar ('│', or '|'); where it
 * falls inside the filled part it is drawn in reverse, so it shows on a
 * monochrome terminal too. A stacked bar puts parts end to end, each in its
 * own fill (█ ▓ ▒ ░, or # = + -) so a legend tells them apart without
 * colour. The arithmetic (lk_chart_bar_len, lk_chart_mark_col,
 * lk_chart_stack_lens, lk_chart_fill, lk_chart_spark_level,
 * lk_chart_sparkline) is pure and unit tested (tests/unit/test_chart.c);
 * only lk_chart_bar and lk_chart_stack draw.
 */
#ifndef LK_UI_CHART_H
#define LK_UI_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>
#include <curses.h>

#define LK_CHART_LEVELS 8
#define LK_CHART_PARTS 4      /* parts of a stacked bar, one fill each */

/* Whether the locale's character set is UTF-8 (blocks), else ASCII. */
bool lk_chart_utf8(void);

/* Filled cells of a bar `width` cells long for value on 0..max: rounded,
 * at least 1 for any value above 0, at most width; 0 when max <= 0. */
int lk_chart_bar_len(double value, double max, int width);
/* The cell (0..width-1) a marker at `value` on 0..max falls on; -1 when
 * it is off the bar (below 0, above max, max <= 0). */
int lk_chart_mark_col(double value, double max, int width);

/* The cells of each of the n parts (n <= LK_CHART_PARTS) of a stacked bar
 * `width` cells long on 0..max, into lens: each part ends where its running
 * total rounds to (so the bar is as long as one bar of the sum), and a part
 * above 0 gets at least one cell, taken from the longest part when the bar
 * is full. All 0 when max <= 0. */
void lk_chart_stack_lens(const double *parts, int n, double max, int width, int *lens);
/* The fill of part k (0..LK_CHART_PARTS-1): █ ▓ ▒ ░, or # = + - in ASCII. */
wchar_t lk_chart_fill(int k, bool utf8);

/* The sparkline level 0..7 of v between lo and hi (rounded; clamped).
 * When hi <= lo every value is level 0, unless above lo (then 7). */
int lk_chart_spark_level(double v, double lo, double hi);
/* n values as a sparkline into buf (UTF-8; a NAN value is a space):
 * ▁▂▃▄▅▆▇█ when utf8, else " .:-=+*#". Returns buf. */
char *lk_chart_sparkline(const double *v, int n, double lo, double hi, bool utf8, char *buf,
                         size_t size);

/* Draw a bar at (y, x), `width` cells, for value on 0..max in `attr`;
 * the n_marks markers (targets, a band's ends) on it. */
void lk_chart_bar(WINDOW *w, int y, int x, int width, double value, double max,
                  const double *marks, int n_marks, attr_t attr, bool utf8);

/* Draw a stacked bar: the n parts end to end in their fills, the first in
 * `attr` and the rest plain; markers as on lk_chart_bar. */
void lk_chart_stack(WINDOW *w, int y, int x, int width, const double *parts, int n,
                    double max, const double *marks, int n_marks, attr_t attr, bool utf8);

#endif
