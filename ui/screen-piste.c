/*
 * screen-piste.c — the Piste walk-in desk: log an anonymous visit with a
 * topic key and Enter (two keystrokes here, three from the lookup), work
 * the queue of tickets (call, serve, end, no-show, refer) and see today's
 * counts per topic with the median waiting and service times. The queue
 * reads itself again every few seconds (a live screen: tui.c's timer), so
 * a kiosk ticket shows up without a key press.
 *
 * Visits logged here are anonymous (no client, no name, no free text)
 * unless the visitor wants the visit linked to them: then the link key
 * chooses the client by type-ahead (the picker, whose answer comes back
 * as a result) and logs it for them.
 * Times are the store's, derived from the queue's events. Never writes SQL;
 * every change goes through store/visit.h and store/queue.h.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "store/queue.h"
#include "store/visit.h"
#include "ui/draw.h"
#include "ui/ui.h"

#define QUEUE_MAX 200
#define LIST_TOP 8       /* body row of the first ticket */
#define FOOT_ROWS 4      /* "Today" and its two lines, one blank */

static struct {
	int topic;                          /* chosen topic, -1 for none */
	bool consent;                       /* Rinnalla: oral one-time consent given */
	struct lk_queue_entry q[QUEUE_MAX];
	int n, sel, top;
	bool failed;
	struct lk_piste_day day;
} ps = { .topic = -1 };

static const struct lk_screen_key keys[] = {
	{ LK_VK_HELP, N_("Help"), NULL },
	{ LK_VK_PICK1, NULL, N_("Topic: job search") },
	{ LK_VK_PICK2, NULL, N_("Topic: education") },
	{ LK_VK_PICK3, NULL, N_("Topic: digital services") },
	{ LK_VK_PICK4, NULL, N_("Topic: Rinnalla, alongside to an appointment") },
	{ LK_VK_PICK5, NULL, N_("Topic: other") },
	{ LK_VK_OPEN, N_("Log"), N_("Log the chosen visit, anonymous") },
	{ LK_VK_CONSENT, NULL, N_("Rinnalla: the visitor gave one-time oral consent") },
	{ LK_VK_LINK, NULL, N_("Log the chosen visit for a client, when the visitor wants that") },
	{ LK_VK_CALL, N_("Call"), NULL },
	{ LK_VK_SERVE, N_("Serve"), NULL },
	{ LK_VK_FINISH, N_("End"), NULL },
	{ LK_VK_NOSHOW, NULL, N_("The selected ticket did not come") },
	{ LK_VK_REFER, NULL, NULL },
	{ LK_VK_UP, NULL, N_("Previous ticket") },
	{ LK_VK_DOWN, NULL, N_("Next ticket") },
	{ LK_VK_CLEAR, NULL, N_("Cancel the chosen topic") },
	{ LK_VK_BACK, N_("Back"), NULL },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	{ LK_VK_REDRAW, NULL, NULL },
};

static int
collect(const struct lk_queue_entry *e, void *ctx)
{
	(void)ctx;
	if (ps.n >= QUEUE_MAX)
		return 1;
	ps.q[ps.n++] = *e;
	return 0;
}

/* Read the queue and today's counts again. */
static void
reload(struct lk_ui *ui)
{
	const char *point = ui->opt->point_id;
	char keep[65] = "";
	if (ps.sel >= 0 && ps.sel < ps.n)
		snprintf(keep, sizeof keep, "%s", ps.q[ps.sel].id);
	ps.n = 0;
	ps.failed = false;
	memset(&ps.day, 0, sizeof ps.day);
	if (point == NULL || point[0] == '\0')
		return;
	struct lk_err err = { 0 };
	if (lk_queue_list(ui->st, point, lk_today(), true, collect, NULL, &err) != LK_OK ||
	    lk_piste_day(ui->st, point, lk_today(), &ps.day, &err) != LK_OK)
		ps.failed = true;
	for (int i = 0; i < ps.n; i++)
		if (strcmp(ps.q[i].id, keep) == 0)
			ps.sel = i;
	if (ps.sel >= ps.n)
		ps.sel = ps.n - 1;
	if (ps.sel < 0)
		ps.sel = 0;
}

/* Opened (from the lookup, or as the Piste desk's home): no topic chosen. */
static bool
open_piste(struct lk_ui *ui, const struct lk_nav *nav)
{
	(void)ui;
	(void)nav;
	ps.topic = -1;
	ps.consent = false;
	ps.sel = 0;
	return true;
}

static void
enter(struct lk_ui *ui)
{
	reload(ui);
}

/* Log the chosen topic, anonymous (client NULL) or for a client. */
static void
log_visit(struct lk_ui *ui, const char *client)
{
	if (ps.topic < 0) {
		lk_ui_message(ui, false, "%s", _("Choose the topic first: 1-5"));
		return;
	}
	struct lk_visit_input in = {
		.point = ui->opt->point_id, .topic = lk_visit_topics[ps.topic],
		.client = client, .staff = ui->opt->staff_id, .minutes = -1,
		.oral_consent = ps.consent && strcmp(lk_visit_topics[ps.topic], "rinnalla") == 0,
	};
	if (in.point == NULL || in.point[0] == '\0') {
		lk_ui_message(ui, true, "%s", _("This desk has no service point: set [desk] point"));
		return;
	}
	struct lk_err err = { 0 };
	char id[LK_ID_LEN + 1];
	if (lk_visit_log(ui->st, &in, id, &err) != LK_OK) {
		lk_ui_message(ui, true, "%s: %s", _("The visit was not logged"), err.msg);
		return;
	}
	if (client)
		lk_ui_message(ui, false, _("Visit logged: %s, for the chosen client"),
		              _(lk_visit_topic_label(lk_visit_topics[ps.topic])));
	else
		lk_ui_message(ui, false, _("Visit logged: %s, anonymous"),
		              _(lk_visit_topic_label(lk_visit_topics[ps.topic])));
	ps.topic = -1;
	ps.consent = false;
}

/* The picker's answer: the client the visit is for. */
static void
result(struct lk_ui *ui, const struct lk_nav *r)
{
	if (r->request == LK_REQ_LINK_VISIT && r->client_id)
		log_visit(ui, r->client_id);
}

/* Move the selected ticket on. */
static void
move_ticket(struct lk_ui *ui, const char *what)
{
	if (ps.n == 0) {
		lk_ui_message(ui, false, "%s", _("Nobody is in the queue"));
		return;
	}
	struct lk_err err = { 0 };
	struct lk_queue_entry e;
	if (lk_queue_move(ui->st, ui->opt->point_id, ps.q[ps.sel].id, what, ui->opt->staff_id, &e,
	                  &err) != LK_OK) {
		lk_ui_message(ui, true, "%s", err.msg);
		return;
	}
	if (e.service >= 0)
		lk_ui_message(ui, false, _("Ticket %d: %s (waited %d min, served %d min)"), e.ticket,
		              _(e.state), e.waited, e.service);
	else
		lk_ui_message(ui, false, _("Ticket %d: %s"), e.ticket, _(e.state));
}

static void
key(struct lk_ui *ui, enum lk_vkey vk)
{
	switch (vk) {
	case LK_VK_PICK1:
	case LK_VK_PICK2:
	case LK_VK_PICK3:
	case LK_VK_PICK4:
	case LK_VK_PICK5:
		ps.topic = (int)(vk - LK_VK_PICK1);
		ps.consent = false;
		break;
	case LK_VK_OPEN:
		log_visit(ui, NULL);
		break;
	case LK_VK_LINK:
		if (ps.topic < 0) {
			lk_ui_message(ui, false, "%s", _("Choose the topic first: 1-5"));
			break;
		}
		lk_ui_open(ui, LK_SCREEN_PICK, &(const struct lk_nav){
			.title = N_("Piste: log the visit for which client?"),
			.hint = N_("Type part of a name or an identity code; Enter logs the visit for "
			           "the chosen client."),
			.request = LK_REQ_LINK_VISIT,
		});
		break;
	case LK_VK_CONSENT:
		if (ps.topic >= 0 && strcmp(lk_visit_topics[ps.topic], "rinnalla") == 0)
			ps.consent = !ps.consent;
		else
			lk_ui_message(ui, false, "%s", _("Oral consent is recorded for Rinnalla visits"));
		break;
	case LK_VK_CALL:
		move_ticket(ui, "call");
		break;
	case LK_VK_SERVE:
		move_ticket(ui, "serve");
		break;
	case LK_VK_FINISH:
		move_ticket(ui, "end");
		break;
	case LK_VK_NOSHOW:
		move_ticket(ui, "no-show");
		break;
	case LK_VK_REFER:
		move_ticket(ui, "refer");
		break;
	case LK_VK_UP:
	case LK_VK_DOWN:
		lk_list_move(&ps.sel, ps.n, vk, 1);
		break;
	case LK_VK_CLEAR:
		ps.topic = -1;
		ps.consent = false;
		break;
	case LK_VK_BACK:
		lk_ui_back(ui);
		break;
	default:
		break;
	}
}

static void
settle(struct lk_ui *ui)
{
	reload(ui);
}

static void
draw_queue(struct lk_ui *ui, WINDOW *w, int cols, int bottom)
{
	char title[96];
	snprintf(title, sizeof title, "%s", _("Queue"));
	lk_draw_text(w, 6, 1, cols - 2, title, lk_style(ui->color, LK_STYLE_TITLE), false);
	if (ps.failed) {
		lk_draw_text(w, LIST_TOP, 2, cols - 3, _("The queue cannot be read."),
		             lk_style(ui->color, LK_STYLE_ERROR), false);
		return;
	}
	if (ps.n == 0) {
		lk_draw_text(w, 7, 2, cols - 3, _("Nobody is waiting."), A_NORMAL, false);
		return;
	}
	/* ticket 4 | topic 16 | name 14 | arrived 6 | state 12 | waited */
	int tx = 2, ox = 7, nx = 24, ax = 39, sx = 46, wx = 59;
	attr_t h = A_BOLD | A_UNDERLINE;
	lk_draw_text(w, 7, tx, 4, _("No."), h, false);
	lk_draw_text(w, 7, ox, 16, _("Topic"), h, false);
	lk_draw_text(w, 7, nx, 14, _("Name"), h, false);
	lk_draw_text(w, 7, ax, 6, _("Came"), h, false);
	lk_draw_text(w, 7, sx, 12, _("State"), h, false);
	lk_draw_text(w, 7, wx, cols - wx - 1, _("Waited"), h, false);
	int page = bottom - LIST_TOP;
	if (page < 1)
		page = 1;
	lk_list_follow(ps.sel, &ps.top, page);
	for (int i = ps.top; i < ps.n && LIST_TOP + i - ps.top < bottom; i++) {
		const struct lk_queue_entry *e = &ps.q[i];
		int y = LIST_TOP + i - ps.top;
		bool sel = i == ps.sel;
		attr_t a = sel ? lk_style(ui->color, LK_STYLE_SELECTED) : A_NORMAL;
		char num[16], at[20], min[32];
		snprintf(num, sizeof num, "%3d", e->ticket);
		lk_time_iso(e->arrived, at, sizeof at);
		snprintf(min, sizeof min, _("%d min"), e->waited);
		if (sel)
			lk_draw_fill(w, y, 1, cols - 1, a);
		lk_draw_text(w, y, 0, 1, sel ? ">" : " ", A_BOLD, false);
		lk_draw_text(w, y, tx, 4, num, a, false);
		lk_draw_text(w, y, ox, 16, _(lk_visit_topic_label(e->topic)), a, false);
		lk_draw_text(w, y, nx, 14, e->call_name[0] ? e->call_name : "–", a, false);
		lk_draw_text(w, y, ax, 6, at + 11, a, false);
		lk_draw_text(w, y, sx, 12, _(e->state), a, false);
		lk_draw_text(w, y, wx, cols - wx - 1, min, a, false);
	}
}

/* Today's counts per topic, flowing over the line, and the medians. */
static void
draw_today(struct lk_ui *ui, WINDOW *w, int cols, int y)
{
	lk_draw_text(w, y, 1, cols - 2, _("Today"), lk_style(ui->color, LK_STYLE_TITLE), false);
	int x = 2;
	for (int i = 0; i < LK_TOPICS; i++) {
		char one[96];
		snprintf(one, sizeof one, "%s %d", _(lk_visit_topic_label(lk_visit_topics[i])),
		         ps.day.count[i]);
		int wdt = lk_text_width(one);
		if (x + wdt >= cols - 1 && x > 2)
			break;
		x += lk_draw_text(w, y + 1, x, cols - x - 1, one, A_NORMAL, false) + 3;
	}
	char line[256], wm[32], sm[32];
	if (ps.day.wait_median >= 0)
		snprintf(wm, sizeof wm, _("%d min"), ps.day.wait_median);
	else
		snprintf(wm, sizeof wm, "–");
	if (ps.day.service_median >= 0)
		snprintf(sm, sizeof sm, _("%d min"), ps.day.service_median);
	else
		snprintf(sm, sizeof sm, "–");
	snprintf(line, sizeof line, _("Total %d · median wait %s · median service %s"), ps.day.total,
	         wm, sm);
	lk_draw_text(w, y + 2, 2, cols - 3, line, A_BOLD, false);
}

static void
draw(struct lk_ui *ui, WINDOW *w)
{
	int cols = getmaxx(w), rows = getmaxy(w);
	char title[192];
	snprintf(title, sizeof title, "%s%s%s", _("Piste walk-in desk"), ui->point_name[0] ? " · " : "",
	         ui->point_name);
	lk_draw_text(w, 0, 1, cols - 2, title, lk_style(ui->color, LK_STYLE_TITLE), false);
	if (ui->opt->point_id == NULL || ui->opt->point_id[0] == '\0') {
		lk_draw_text(w, 2, 2, cols - 3, _("This desk has no service point: set [desk] point"),
		             lk_style(ui->color, LK_STYLE_ERROR), false);
		return;
	}
	lk_draw_text(w, 2, 1, cols - 2, _("Log an anonymous visit: choose the topic, then Enter"),
	             A_BOLD, false);
	int x = 2;
	for (int i = 0; i < LK_TOPICS; i++) {
		char one[96];
		snprintf(one, sizeof one, "%d %s", i + 1, _(lk_visit_topic_label(lk_visit_topics[i])));
		attr_t a = i == ps.topic ? lk_style(ui->color, LK_STYLE_SELECTED) : A_NORMAL;
		x += lk_draw_text(w, 3, x, cols - x - 1, one, a, false) + 2;
	}
	if (ps.topic >= 0) {
		char prompt[256], link[32];
		lk_key_label(LK_VK_LINK, false, NULL, 0, false, link, sizeof link);
		const char *topic = _(lk_visit_topic_label(lk_visit_topics[ps.topic]));
		if (strcmp(lk_visit_topics[ps.topic], "rinnalla") == 0)
			snprintf(prompt, sizeof prompt, _("%s: Enter logs it; oral one-time consent: %s (o changes)"),
			         topic, ps.consent ? _("given") : _("not given"));
		else
			snprintf(prompt, sizeof prompt, _("%s: Enter logs it, %s for a client, Esc cancels"),
			         topic, link);
		lk_draw_text(w, 4, 2, cols - 3, prompt, A_BOLD, false);
	}
	int foot = rows - FOOT_ROWS + 1;
	draw_queue(ui, w, cols, foot - 1);
	draw_today(ui, w, cols, foot);
}

static void
status(struct lk_ui *ui, char *buf, size_t size)
{
	(void)ui;
	snprintf(buf, size, _("In the queue: %d"), ps.day.waiting);
}

const struct lk_screen lk_screen_piste = {
	.title = N_("Piste walk-in desk"),
	.keys = keys,
	.n_keys = (int)(sizeof keys / sizeof keys[0]),
	.text = false,
	.open = open_piste,
	.enter = enter,
	.result = result,
	.draw = draw,
	.key = key,
	.text_input = NULL,
	.settle = settle,
	.status = status,
	.live = true,
};
