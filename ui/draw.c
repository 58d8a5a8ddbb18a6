/*
 * draw.c — the frame (header, status line, function-key bar), the styles
 * and UTF-8 text helpers measured in display columns.
 *
 * Draws into windows only; never refreshes the physical screen, never
 * clears it whole, never touches the store.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/text.h"
#include "i18n.h"
#include "store/store.h"
#include "ui/draw.h"

#define TEXT_MAX 512

enum { PAIR_HEADER = 1, PAIR_BAR_LABEL, PAIR_TITLE, PAIR_OVERDUE, PAIR_FLAG, PAIR_DONE,
       PAIR_LABEL };

/* Colour pairs, when the terminal has colour and NO_COLOR is unset. */
bool
lk_draw_init_colors(void)
{
	const char *no = getenv("NO_COLOR");
	if ((no && *no) || !has_colors())
		return false;
	if (start_color() == ERR)
		return false;
	use_default_colors();
	init_pair(PAIR_HEADER, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_BAR_LABEL, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_TITLE, COLOR_CYAN, -1);
	init_pair(PAIR_OVERDUE, COLOR_RED, -1);
	init_pair(PAIR_FLAG, COLOR_YELLOW, -1);
	init_pair(PAIR_DONE, COLOR_GREEN, -1);
	init_pair(PAIR_LABEL, COLOR_CYAN, -1);
	return true;
}

/* Attributes for a style; bold and reverse carry the meaning, colour adds. */
attr_t
lk_style(bool color, enum lk_style s)
{
	switch (s) {
	case LK_STYLE_HEADER:
		return color ? (COLOR_PAIR(PAIR_HEADER) | A_BOLD) : A_REVERSE;
	case LK_STYLE_BAR_KEY:
		return A_BOLD;
	case LK_STYLE_BAR_LABEL:
		return color ? COLOR_PAIR(PAIR_BAR_LABEL) : A_REVERSE;
	case LK_STYLE_TITLE:
		return color ? (COLOR_PAIR(PAIR_TITLE) | A_BOLD) : A_BOLD;
	case LK_STYLE_SELECTED:
		return A_REVERSE;
	case LK_STYLE_LABEL:
		return color ? COLOR_PAIR(PAIR_LABEL) : A_NORMAL;
	case LK_STYLE_OVERDUE:
	case LK_STYLE_ERROR:
		return color ? (COLOR_PAIR(PAIR_OVERDUE) | A_BOLD) : A_BOLD;
	case LK_STYLE_FLAG:
		return color ? (COLOR_PAIR(PAIR_FLAG) | A_BOLD) : A_BOLD;
	case LK_STYLE_DONE:
		return color ? COLOR_PAIR(PAIR_DONE) : A_NORMAL;
	default:
		return A_NORMAL;
	}
}

/* Decode UTF-8 into wide characters, one '?' per undecodable byte and per
 * control character; returns the count. */
static size_t
decode(const char *s, wchar_t *out, size_t cap)
{
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t n = 0, len = strlen(s);
	while (len > 0 && n + 1 < cap) {
		wchar_t wc;
		size_t r = mbrtowc(&wc, s, len, &ps);
		if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
			memset(&ps, 0, sizeof ps);
			wc = L'?';
			r = 1;
		}
		/* The output rule (core/text.h): no control character and no
		 * bidi control from the database reaches the terminal. */
		if (wcwidth(wc) < 0 || lk_cp_control((uint32_t)wc) || lk_cp_bidi((uint32_t)wc) ||
		    ((uint32_t)wc >= 0xD800 && (uint32_t)wc <= 0xDFFF) || (uint32_t)wc > 0x10FFFF)
			wc = L'?';
		out[n++] = wc;
		s += r;
		len -= r;
	}
	out[n] = L'\0';
	return n;
}

/* Display columns of a UTF-8 string. */
int
lk_text_width(const char *s)
{
	wchar_t w[TEXT_MAX];
	size_t n = decode(s, w, TEXT_MAX);
	int cols = 0;
	for (size_t i = 0; i < n; i++)
		cols += wcwidth(w[i]);
	return cols;
}

/* Draw s clipped to `width` columns (with "…" when cut), padded if asked. */
int
lk_draw_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr, bool pad)
{
	if (width <= 0 || y < 0 || x < 0 || y >= getmaxy(w) || x >= getmaxx(w))
		return 0;
	if (x + width > getmaxx(w))
		width = getmaxx(w) - x;
	wchar_t ws[TEXT_MAX];
	size_t n = decode(s, ws, TEXT_MAX);
	int total = 0;
	for (size_t i = 0; i < n; i++)
		total += wcwidth(ws[i]);
	size_t keep = n;
	int cols = total;
	bool cut = total > width;
	if (cut) {
		cols = 0;
		for (keep = 0; keep < n && cols + wcwidth(ws[keep]) <= width - 1; keep++)
			cols += wcwidth(ws[keep]);
	}
	wattrset(w, attr);
	mvwaddnwstr(w, y, x, ws, (int)keep);
	if (cut) {
		waddnwstr(w, L"…", 1);
		cols++;
	}
	if (pad)
		for (; cols < width; cols++)
			mvwaddch(w, y, x + cols, ' ');
	wattrset(w, A_NORMAL);
	return cols;
}

/* Draw s so that it ends just before column `right`. */
void
lk_draw_right(WINDOW *w, int y, int right, const char *s, attr_t attr)
{
	int width = lk_text_width(s);
	int x = right - width;
	if (x < 0) {
		width += x;
		x = 0;
	}
	lk_draw_text(w, y, x, width, s, attr, false);
}

/* Blank `width` columns in attr. */
void
lk_draw_fill(WINDOW *w, int y, int x, int width, attr_t attr)
{
	wattrset(w, attr);
	for (int i = 0; i < width && x + i < getmaxx(w); i++)
		mvwaddch(w, y, x + i, ' ');
	wattrset(w, A_NORMAL);
}

/* "↓" below, "↑" above, in the last column. */
void
lk_draw_scroll_marks(WINDOW *w, int first, int last, bool above, bool below)
{
	int x = getmaxx(w) - 1;
	if (below)
		lk_draw_text(w, last, x, 1, "↓", A_BOLD, false);
	if (above)
		lk_draw_text(w, first, x, 1, "↑", A_BOLD, false);
}

/* Scroll so that row sel is on the page. */
void
lk_list_follow(int sel, int *top, int page)
{
	if (sel < *top)
		*top = sel;
	if (sel >= *top + page)
		*top = sel - page + 1;
}

bool
lk_list_move(int *sel, int n, int vk, int page)
{
	int s = *sel;
	switch (vk) {
	case LK_VK_UP: s--; break;
	case LK_VK_DOWN: s++; break;
	case LK_VK_PGUP: s -= page; break;
	case LK_VK_PGDN: s += page; break;
	case LK_VK_HOME: s = 0; break;
	case LK_VK_END: s = n - 1; break;
	default: return false;
	}
	if (n > 0)
		*sel = s < 0 ? 0 : s >= n ? n - 1 : s;
	return true;
}

/* "20 000": digits grouped by three with a space. */
char *
lk_fmt_count(long n, char *buf, size_t size)
{
	char digits[32];
	snprintf(digits, sizeof digits, "%ld", n < 0 ? -n : n);
	size_t len = strlen(digits), o = 0;
	if (n < 0 && o + 1 < size)
		buf[o++] = '-';
	for (size_t i = 0; i < len && o + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[o++] = ' ';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

/* The top line: Luukku, area and point on the left; staff and date right. */
void
lk_draw_header(struct lk_ui *ui)
{
	WINDOW *w = ui->head;
	attr_t a = lk_style(ui->color, LK_STYLE_HEADER);
	int cols = getmaxx(w);
	werase(w);
	lk_draw_fill(w, 0, 0, cols, a);

	char left[512], right[512], date[16];
	snprintf(left, sizeof left, " Luukku · %s%s%s", ui->area_name[0] ? ui->area_name : "–",
	         ui->point_name[0] ? " · " : "", ui->point_name);
	lk_date_fi(lk_today(), date, sizeof date);
	if (ui->staff_name[0])
		snprintf(right, sizeof right, "%s · %s ", ui->staff_name, date);
	else
		snprintf(right, sizeof right, "%s ", date);
	int rw = lk_text_width(right);
	if (rw > cols - 12) {
		snprintf(right, sizeof right, "%s ", date);
		rw = lk_text_width(right);
	}
	lk_draw_text(w, 0, 0, cols - rw - 1, left, a, false);
	lk_draw_right(w, 0, cols, right, a);
}

/* The status line: a message, else the mode and the register size; the
 * screen's own part on the right. */
void
lk_draw_status(struct lk_ui *ui, const struct lk_screen *s)
{
	WINDOW *w = ui->status;
	int cols = getmaxx(w);
	werase(w);
	char right[256] = "";
	if (s->status)
		s->status(ui, right, sizeof right);
	int rw = right[0] ? lk_text_width(right) + 1 : 0;
	if (ui->message[0]) {
		lk_draw_text(w, 0, 1, cols - rw - 2, ui->message,
		             ui->message_error ? lk_style(ui->color, LK_STYLE_ERROR) : A_BOLD, false);
	} else {
		char n[32], left[320], count[96];
		lk_fmt_count(ui->client_count, n, sizeof n);
		snprintf(count, sizeof count,
		         dngettext(LK_TEXTDOMAIN, "%s client", "%s clients",
		                   (unsigned long)ui->client_count), n);
		char mode[160];
		if (ui->sync.enrolled)
			lk_sync_status_format(&ui->sync, mode, sizeof mode);
		else
			snprintf(mode, sizeof mode, "%s", _("Local mode"));
		snprintf(left, sizeof left, "%s · %s", mode, count);
		lk_draw_text(w, 0, 1, cols - rw - 2, left, A_NORMAL, false);
	}
	if (right[0])
		lk_draw_right(w, 0, cols - 1, right, A_NORMAL);
}

/* The function-key bar, htop style: the key, then its label in reverse. */
void
lk_draw_bar(struct lk_ui *ui, const struct lk_screen *s)
{
	WINDOW *w = ui->bar;
	int cols = getmaxx(w), x = 0;
	werase(w);
	enum lk_vkey active[LK_VK_COUNT];
	int n = 0;
	for (int i = 0; i < s->n_keys && n < LK_VK_COUNT; i++)
		active[n++] = s->keys[i].vk;
	for (int i = 0; i < s->n_keys && x < cols; i++) {
		const struct lk_screen_key *k = &s->keys[i];
		if (k->bar == NULL)
			continue;
		char key[32];
		lk_key_label(k->vk, false, active, n, lk_screen_text(ui, s), key, sizeof key);
		if (key[0] == '\0')
			continue;   /* a letter while a line takes text: not a key now */
		const char *label = _(k->bar);
		int lw = lk_text_width(label);
		if (lw < 6)
			lw = 6;
		if (x + lk_text_width(key) + lw > cols)
			break;
		x += lk_draw_text(w, 0, x, cols - x, key, lk_style(ui->color, LK_STYLE_BAR_KEY), false);
		x += lk_draw_text(w, 0, x, lw, label, lk_style(ui->color, LK_STYLE_BAR_LABEL), true);
		x += 1;
	}
}
