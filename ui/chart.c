/*
 * chart.c — bars with target markers and sparklines (chart.h). The sizes
 * and levels are plain arithmetic; lk_chart_bar is the one function that
 * draws, cell by cell, into the window it is given.
 */
#include <langinfo.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "ui/chart.h"

bool
lk_chart_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

int
lk_chart_bar_len(double value, double max, int width)
{
	if (max <= 0 || width <= 0 || !(value > 0))
		return 0;
	double cells = value / max * width;
	int len = (int)lround(cells);
	if (len < 1)
		len = 1;
	return len > width ? width : len;
}

int
lk_chart_mark_col(double value, double max, int width)
{
	if (max <= 0 || width <= 0 || value < 0 || value > max || isnan(value))
		return -1;
	int col = (int)floor(value / max * width);
	return col >= width ? width - 1 : col;
}

int
lk_chart_spark_level(double v, double lo, double hi)
{
	if (isnan(v))
		return 0;
	if (hi <= lo)
		return v > lo ? LK_CHART_LEVELS - 1 : 0;
	long level = lround((v - lo) / (hi - lo) * (LK_CHART_LEVELS - 1));
	if (level < 0)
		level = 0;
	if (level > LK_CHART_LEVELS - 1)
		level = LK_CHART_LEVELS - 1;
	return (int)level;
}

char *
lk_chart_sparkline(const double *v, int n, double lo, double hi, bool utf8, char *buf,
                   size_t size)
{
	static const char *const blocks[LK_CHART_LEVELS] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	static const char ascii[LK_CHART_LEVELS + 1] = " .:-=+*#";
	size_t len = 0;
	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		char one[8];
		if (isnan(v[i]))
			snprintf(one, sizeof one, " ");
		else if (utf8)
			snprintf(one, sizeof one, "%s", blocks[lk_chart_spark_level(v[i], lo, hi)]);
		else
			snprintf(one, sizeof one, "%c", ascii[lk_chart_spark_level(v[i], lo, hi)]);
		size_t k = strlen(one);
		if (len + k >= size)
			break;
		memcpy(buf + len, one, k + 1);
		len += k;
	}
	return buf;
}

void
lk_chart_bar(WINDOW *w, int y, int x, int width, double value, double max,
             const double *marks, int n_marks, attr_t attr, bool utf8)
{
	if (width <= 0 || y < 0 || y >= getmaxy(w) || x < 0 || x >= getmaxx(w))
		return;
	if (x + width > getmaxx(w))
		width = getmaxx(w) - x;
	int len = lk_chart_bar_len(value, max, width);
	for (int i = 0; i < width; i++) {
		bool mark = false;
		for (int m = 0; m < n_marks; m++)
			if (lk_chart_mark_col(marks[m], max, width) == i)
				mark = true;
		wchar_t c;
		attr_t a = A_NORMAL;
		if (mark) {
			c = utf8 ? L'│' : L'|';
			a = i < len ? (attr | A_REVERSE) : A_BOLD;
		} else if (i < len) {
			c = utf8 ? L'█' : L'#';
			a = attr;
		} else {
			c = L' ';
		}
		wattrset(w, a);
		mvwaddnwstr(w, y, x + i, &c, 1);
	}
	wattrset(w, A_NORMAL);
}
