/*
 * screen-conflicts.c — what sync had to decide, for staff to review and
 * settle: the open conflicts (record, field, kept and losing value, the
 * desks they came from; offline double bookings as clash pairs), and the
 * selected one settled with a key: keep the current value, or take the
 * losing one (a normal change, captured and synced like any other).
 *
 * Signed in, the role decides what may be settled (lk_conflict_may_settle:
 * leads and the administrator any, the caseworker roles their own clients
 * and bookings only). Reads and settles only through store/sync-conflict.h;
 * never writes SQL.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "store/sync-conflict.h"
#include "ui/draw.h"
#include "ui/ui.h"

#define CONFLICTS_MAX 200
#define LIST_TOP 3

static struct {
	struct lk_conflict rows[CONFLICTS_MAX];
	int n;
	bool more;
	int sel, top;
} cf;

static const struct lk_screen_key keys[] = {
	{ LK_VK_HELP, N_("Help"), NULL },
	{ LK_VK_KEEP, N_("Keep"), NULL },
	{ LK_VK_TAKE, N_("Take losing"), NULL },
	{ LK_VK_BACK, N_("Back"), NULL },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	{ LK_VK_UP, NULL, N_("Previous conflict") },
	{ LK_VK_DOWN, NULL, N_("Next conflict") },
	{ LK_VK_HOME, NULL, NULL },
	{ LK_VK_END, NULL, NULL },
	{ LK_VK_REDRAW, NULL, NULL },
};

/* Keep one open conflict. */
static int
collect(const struct lk_conflict *c, void *ctx)
{
	(void)ctx;
	if (cf.n >= CONFLICTS_MAX) {
		cf.more = true;
		return 1;
	}
	cf.rows[cf.n++] = *c;
	return 0;
}

/* Read the open conflicts again, keeping the selection in range. */
static void
load(struct lk_ui *ui)
{
	cf.n = 0;
	cf.more = false;
	struct lk_err err = { 0 };
	if (lk_conflict_list(ui->st, collect, NULL, &err) != LK_OK)
		lk_ui_message(ui, true, "%s: %s", _("Cannot read the conflicts"), err.msg);
	if (cf.sel >= cf.n)
		cf.sel = cf.n - 1;
	if (cf.sel < 0)
		cf.sel = 0;
	ui->sync.conflicts = cf.n;
}

/* Opened: from the first conflict. */
static bool
open_conflicts(struct lk_ui *ui, const struct lk_nav *nav)
{
	(void)ui;
	(void)nav;
	cf.sel = cf.top = 0;
	return true;
}

static void
enter(struct lk_ui *ui)
{
	load(ui);
}

/* Settle the selected conflict. */
static void
settle_sel(struct lk_ui *ui, enum lk_settle how)
{
	if (cf.n == 0) {
		lk_ui_message(ui, false, "%s", _("No open conflicts"));
		return;
	}
	const struct lk_conflict *c = &cf.rows[cf.sel];
	struct lk_err err = { 0 };
	const char *by = ui->opt && ui->opt->staff_id && ui->opt->staff_id[0] ? ui->opt->staff_id
	                                                                        : NULL;
	/* Signed in: leads and the administrator settle any conflict, the
	 * caseworker roles only those on their own clients and bookings. */
	if (ui->session.on &&
	    !lk_conflict_may_settle(ui->st, c->id, ui->session.role, ui->session.staff_id)) {
		lk_ui_message(ui, true, "%s",
		              _("You may settle only conflicts on your own clients and bookings"));
		return;
	}
	if (lk_conflict_settle(ui->st, c->id, how, by, &err) != LK_OK) {
		lk_ui_message(ui, true, "%s", err.msg);
		return;
	}
	lk_ui_message(ui, false, "%s",
	              how == LK_SETTLE_KEEP ? _("Settled: the kept value stays")
	                                    : _("Settled: the losing value was taken"));
	load(ui);
	if (how == LK_SETTLE_TAKE_LOSING)   /* any record may have changed */
		lk_ui_changed(ui, LK_CHANGED_APPOINTMENTS | LK_CHANGED_CLIENT);
}

static void
key(struct lk_ui *ui, enum lk_vkey vk)
{
	switch (vk) {
	case LK_VK_BACK:
		lk_ui_back(ui);
		return;
	case LK_VK_KEEP:
		settle_sel(ui, LK_SETTLE_KEEP);
		break;
	case LK_VK_TAKE:
		settle_sel(ui, LK_SETTLE_TAKE_LOSING);
		break;
	case LK_VK_UP:
	case LK_VK_DOWN:
	case LK_VK_HOME:
	case LK_VK_END:
		lk_list_move(&cf.sel, cf.n, vk, 1);
		break;
	default:
		break;
	}
}

/* "client 3f2a91c0": the table and the start of the record's id. */
static void
record_name(const struct lk_conflict *c, char *buf, size_t size)
{
	snprintf(buf, size, "%s %.8s", c->table, c->row);
}

static void
draw(struct lk_ui *ui, WINDOW *w)
{
	int cols = getmaxx(w), rows = getmaxy(w);
	lk_draw_text(w, 0, 1, cols - 2, _("Sync conflicts"), lk_style(ui->color, LK_STYLE_TITLE),
	             false);
	if (cf.n == 0) {
		lk_draw_text(w, 2, 2, cols - 3, _("No open conflicts: sync has nothing for you to review."),
		             A_NORMAL, false);
		return;
	}
	int rec_w = 18, field_w = 14;
	int val_w = (cols - 2 - rec_w - field_w - 3) / 2;
	if (val_w < 8)
		val_w = 8;
	int fx = 2 + rec_w + 1, kx = fx + field_w + 1, lx = kx + val_w + 1;
	attr_t h = A_BOLD | A_UNDERLINE;
	lk_draw_text(w, 2, 2, rec_w, _("Record"), h, true);
	lk_draw_text(w, 2, fx, field_w, _("Field"), h, true);
	lk_draw_text(w, 2, kx, val_w, _("Kept"), h, true);
	lk_draw_text(w, 2, lx, val_w, _("Losing"), h, true);
	int detail = 5;                       /* rows kept for the selected one */
	int page = rows - LIST_TOP - detail;
	if (page < 1)
		page = 1;
	lk_list_follow(cf.sel, &cf.top, page);
	for (int i = cf.top; i < cf.n && i - cf.top < page; i++) {
		const struct lk_conflict *c = &cf.rows[i];
		int y = LIST_TOP + i - cf.top;
		bool sel = i == cf.sel;
		attr_t a = sel ? lk_style(ui->color, LK_STYLE_SELECTED) : A_NORMAL;
		char rec[64];
		record_name(c, rec, sizeof rec);
		if (sel)
			lk_draw_fill(w, y, 1, cols - 1, a);
		lk_draw_text(w, y, 0, 1, sel ? ">" : " ", A_BOLD, false);
		lk_draw_text(w, y, 2, rec_w, rec, a, true);
		bool clash = strcmp(c->kind, "clash") == 0;
		lk_draw_text(w, y, fx, field_w, clash ? _("double booking") : c->field, a, true);
		lk_draw_text(w, y, kx, val_w, c->kept[0] ? c->kept : "–", a, true);
		lk_draw_text(w, y, lx, val_w, c->losing[0] ? c->losing : "–", a, true);
	}
	/* The selected conflict in full. */
	const struct lk_conflict *c = &cf.rows[cf.sel];
	int y = rows - detail + 1;
	char line[600];
	if (strcmp(c->kind, "clash") == 0) {
		snprintf(line, sizeof line, _("Double booking of the same %s: %s and %s"),
		         c->field[0] == 'r' ? _("room") : _("staff member"), c->kept, c->losing);
		lk_draw_text(w, y++, 2, cols - 3, line, A_BOLD, false);
		lk_draw_text(w, y++, 2, cols - 3,
		             _("Both bookings stand: move one, then settle with Keep."), A_NORMAL, false);
	} else {
		snprintf(line, sizeof line, "%s: %s (%s)", _("Kept"), c->kept,
		         c->kept_desk[0] ? c->kept_desk : "?");
		lk_draw_text(w, y++, 2, cols - 3, line, A_BOLD, false);
		snprintf(line, sizeof line, "%s: %s (%s)", _("Losing"), c->losing,
		         c->losing_desk[0] ? c->losing_desk : "?");
		lk_draw_text(w, y++, 2, cols - 3, line, A_NORMAL, false);
	}
	char when[32];
	lk_time t;
	snprintf(when, sizeof when, "%s", c->detected);
	if (lk_time_parse(c->detected, &t))
		lk_time_fi(t, when, sizeof when);
	snprintf(line, sizeof line, "%s %s · %s %s", _("Detected"), when, _("record"), c->row);
	lk_draw_text(w, y, 2, cols - 3, line, A_NORMAL, false);
}

/* "2 open". */
static void
status(struct lk_ui *ui, char *buf, size_t size)
{
	(void)ui;
	if (cf.more)
		snprintf(buf, size, _("More than %d open"), cf.n);
	else
		snprintf(buf, size, dngettext(LK_TEXTDOMAIN, "%d open", "%d open", (unsigned long)cf.n),
		         cf.n);
}

const struct lk_screen lk_screen_conflicts = {
	.title = N_("Sync conflicts"),
	.keys = keys,
	.n_keys = (int)(sizeof keys / sizeof keys[0]),
	.text = false,
	.open = open_conflicts,
	.enter = enter,
	.draw = draw,
	.key = key,
	.status = status,
};
