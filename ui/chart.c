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
lk_chart_stack_lens(const double *parts, int n, double max, int width, int *lens)
{
	double sum = 0;
	int prev = 0, total = 0;
	for (int k = 0; k < n; k++)
		lens[k] = 0;
	if (max <= 0 || width <= 0)
		return;
	for (int k = 0; k < n; k++) {
		if (parts[k] > 0)
			sum += parts[k];
		int end = (int)lround(sum / max * width);
		if (end > width)
			end = width;
		lens[k] = end - prev;
		prev = end;
	}
	total = prev;
	/* A part there at all shows: one cell, from the room left or else
	 * from the longest part. */
	for (int k = 0; k < n; k++) {
		if (!(parts[k] > 0) || lens[k] > 0)
			continue;
		if (total < width) {
			lens[k] = 1;
			total++;
			continue;
		}
		int longest = -1;
		for (int j = 0; j < n; j++)
			if (lens[j] > 1 && (longest < 0 || lens[j] > lens[longest]))
				longest = j;
		if (longest >= 0) {
			lens[longest]--;
			lens[k] = 1;
		}
	}
}

wchar_t
lk_chart_fill(int k, bool utf8)
{
	static const wchar_t blocks[LK_CHART_PARTS] = { L'█', L'▓', L'▒', L'░' };
	static const char ascii[LK_CHART_PARTS] = { '#', '=', '+', '-' };
	if (k < 0 || k >= LK_CHART_PARTS)
		return L' ';
	return utf8 ? blocks[k] : (wchar_t)ascii[k];
}

void
lk_chart_stack(WINDOW *w, int y, int x, int width, const double *parts, int n, double max,
               const double *marks, int n_marks, attr_t attr, bool utf8)
{
	if (width <= 0 || y < 0 || y >= getmaxy(w) || x < 0 || x >= getmaxx(w))
		return;
	if (x + width > getmaxx(w))
		width = getmaxx(w) - x;
	if (n > LK_CHART_PARTS)
		n = LK_CHART_PARTS;
	int lens[LK_CHART_PARTS];
	lk_chart_stack_lens(parts, n, max, width, lens);
	int part = 0, left = n > 0 ? lens[0] : 0, len = 0;
	for (int k = 0; k < n; k++)
		len += lens[k];
	for (int i = 0; i < width; i++) {
		while (part < n && left == 0 && ++part < n)
			left = lens[part];
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
			c = lk_chart_fill(part, utf8);
			a = part == 0 ? attr : A_NORMAL;
		} else {
			c = L' ';
		}
		if (i < len)
			left--;
		wattrset(w, a);
		mvwaddnwstr(w, y, x + i, &c, 1);
	}
	wattrset(w, A_NORMAL);
}

void
lk_chart_bar(WINDOW *w, int y, int x, int width, double value, double max,
             const double *marks, int n_marks, attr_t attr, bool utf8)
{
	lk_chart_stack(w, y, x, width, &value, 1, max, marks, n_marks, attr, utf8);
}
