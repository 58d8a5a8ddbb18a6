/*
 * screen-help.c — the keys of the screen the user came from, read from
 * that screen's key list and the key table (keys.c), so what help says is
 * what the keys do. A screen may say what it shows (its `about`, a line
 * per "\n") above the keys. Help is the screen table's passing screen
 * (gate.c): the screen it came from stays the one Back returns to.
 *
 * Never lists a key the screen does not answer to; never touches the store.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui/draw.h"
#include "ui/ui.h"

static int help_top;

static const struct lk_screen_key keys[] = {
	{ LK_VK_BACK, N_("Back"), N_("Back to the previous screen") },
	{ LK_VK_HELP, NULL, N_("Back to the previous screen") },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	{ LK_VK_UP, NULL, N_("Scroll up one line") },
	{ LK_VK_DOWN, NULL, N_("Scroll down one line") },
	{ LK_VK_REDRAW, NULL, NULL },
};

static void
enter(struct lk_ui *ui)
{
	(void)ui;
	help_top = 0;
}

static void
key(struct lk_ui *ui, enum lk_vkey vk)
{
	switch (vk) {
	case LK_VK_BACK:
	case LK_VK_HELP:
		lk_ui_back(ui);
		break;
	case LK_VK_UP:
		if (help_top > 0)
			help_top--;
		break;
	case LK_VK_DOWN:
		help_top++;
		break;
	default:
		break;
	}
}

static void
draw(struct lk_ui *ui, WINDOW *w)
{
	const struct lk_screen *s = lk_ui_screen(lk_ui_under(ui));
	int cols = getmaxx(w), rows = getmaxy(w);
	char title[256];
	snprintf(title, sizeof title, "%s: %s", _("Help"), _(s->title));
	lk_draw_text(w, 0, 1, cols - 2, title, lk_style(ui->color, LK_STYLE_TITLE), false);

	enum lk_vkey active[LK_VK_COUNT];
	int n = 0;
	for (int i = 0; i < s->n_keys && n < LK_VK_COUNT; i++)
		active[n++] = s->keys[i].vk;
	bool text = lk_screen_text(ui, s);
	int kw = 0;
	char label[96];
	for (int i = 0; i < s->n_keys; i++) {
		lk_key_label(s->keys[i].vk, true, active, n, text, label, sizeof label);
		if (lk_text_width(label) > kw)
			kw = lk_text_width(label);
	}
	kw += 2;
	int top = 2;
	if (text) {
		lk_draw_text(w, top, 2, cols - 3,
		             s->text_help ? _(s->text_help) : _("Letters and digits go into the search line."),
		             A_NORMAL, false);
		top += 2;
	}
	if (s->about) {
		/* What the screen shows, one line per "\n" of the text. */
		const char *t = _(s->about);
		while (*t && top < rows - 1) {
			const char *nl = strchr(t, '\n');
			char line[256];
			int len = nl ? (int)(nl - t) : (int)strlen(t);
			snprintf(line, sizeof line, "%.*s", len, t);
			lk_draw_text(w, top++, 2, cols - 3, line, A_NORMAL, false);
			t += nl ? len + 1 : len;
		}
		top++;
	}
	int max = s->n_keys - (rows - top);
	if (help_top > max)
		help_top = max < 0 ? 0 : max;
	for (int i = help_top; i < s->n_keys && top + i - help_top < rows; i++) {
		const struct lk_screen_key *k = &s->keys[i];
		const struct lk_binding *b = lk_binding(k->vk);
		int y = top + i - help_top;
		lk_key_label(k->vk, true, active, n, text, label, sizeof label);
		lk_draw_text(w, y, 2, kw, label, A_BOLD, false);
		lk_draw_text(w, y, 2 + kw, cols - kw - 3, _(k->help ? k->help : b->desc), A_NORMAL,
		             false);
	}
}

const struct lk_screen lk_screen_help = {
	.title = N_("Help"),
	.keys = keys,
	.n_keys = (int)(sizeof keys / sizeof keys[0]),
	.text = false,
	.enter = enter,
	.draw = draw,
	.key = key,
	.text_input = NULL,
	.settle = NULL,
	.status = NULL,
};
