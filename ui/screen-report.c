/*
 * screen-report.c — the leads' report screen (issue 7: "in the terminal,
 * where people would rather look than read"): the areas' targets as
 * horizontal bars with the target as a marker, met or below in bold or
 * reverse (readable in monochrome), and sparklines for the months or weeks
 * before. Reached from the lookup screen with the reports key, for roles
 * with the reports capability only (core/roles.h).
 *
 * One page = one row of `pages`: a title, a legend and a fill function that
 * calls the store's report (store/report.h callbacks) into generic chart
 * rows; drawing knows nothing of any report, so a new report is a new fill
 * function and a new row. Left/Right or Tab change the page, the period key
 * switches between this month and the last 12 months. Reads only; never
 * writes to the store.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "store/report-feedback.h"
#include "store/report.h"
#include "store/visit.h"
#include "ui/chart.h"
#include "ui/draw.h"
#include "ui/ui.h"

#define ROWS_MAX 400
#define SPARK_MAX 12
#define LIST_TOP 4       /* body row of the first chart row */

enum verdict { V_NONE, V_MET, V_BELOW, V_ABOVE };

/* One line of a page: a label, a bar on 0..max with markers, a value, a
 * short note (met/below, medians, counts) and a sparkline. */
struct chart_row {
	char label[256];
	char sub[48];                 /* a second label (a topic), may be "" */
	char key[64];                 /* what the row is of (a point's id); not shown */
	double value, max;
	double marks[2];
	int n_marks;
	enum verdict verdict;
	char value_text[24];
	char note[40];
	double spark[SPARK_MAX];      /* NAN: no data */
	int n_spark;
	double spark_lo, spark_hi;
};

struct page_data {
	struct chart_row rows[ROWS_MAX];
	int n;
	bool more;
	lk_date from, to;             /* the period */
	lk_date spark_from;           /* the sparkline's first month or week */
};

struct report_page {
	const char *title;       /* msgid */
	const char *label_head;  /* msgid: what the rows are */
	const char *trend_head;  /* msgid: what the sparkline spans */
	const char *legend;      /* msgid: what bar, marker and sparkline mean */
	void (*fill)(struct lk_ui *ui, struct page_data *d);
};

static void fill_f2f_initial(struct lk_ui *ui, struct page_data *d);
static void fill_f2f_jobsearch(struct lk_ui *ui, struct page_data *d);
static void fill_caseload(struct lk_ui *ui, struct page_data *d);
static void fill_walkin(struct lk_ui *ui, struct page_data *d);
static void fill_feedback(struct lk_ui *ui, struct page_data *d);

/* The pages, in the order Right/Tab goes through them. */
static const struct report_page pages[] = {
	{ N_("Initial interviews face to face"), N_("Point"), N_("12 months"),
	  N_("Bar: share per point; | the target 75 %; trend: the last 12 months"),
	  fill_f2f_initial },
	{ N_("Job-search discussions face to face"), N_("Point"), N_("12 months"),
	  N_("Bar: share per point; | the target over 50 %; trend: the last 12 months"),
	  fill_f2f_jobsearch },
	{ N_("Caseload per caseworker"), N_("Caseworker"), NULL,
	  N_("Bar: clients now; | | the band 100-200 clients per caseworker"),
	  fill_caseload },
	{ N_("Walk-in visits per point"), N_("Point"), N_("12 weeks"),
	  N_("Bar: visits; median wait/service in minutes; trend: visits per week, 12 weeks"),
	  fill_walkin },
	{ N_("Feedback per point"), N_("Point"), N_("1-5"),
	  N_("Bar: mean score of 5; trend: how many gave 1, 2, 3, 4 and 5"),
	  fill_feedback },
};
#define N_PAGES ((int)(sizeof pages / sizeof pages[0]))

static struct {
	int page;
	bool year;                    /* the last 12 months, else this month */
	int top;
	struct page_data data;
	enum lk_screen_id back;
} rp;

static const struct lk_screen_key keys[] = {
	{ LK_VK_HELP, N_("Help"), NULL },
	{ LK_VK_PREV, NULL, N_("Previous page") },
	{ LK_VK_NEXT, NULL, N_("Next page") },
	{ LK_VK_NEXT_PAGE, NULL, NULL },
	{ LK_VK_PERIOD, N_("Period"), NULL },
	{ LK_VK_BACK, N_("Back"), NULL },
	{ LK_VK_QUIT, N_("Quit"), NULL },
	{ LK_VK_UP, NULL, N_("Scroll up") },
	{ LK_VK_DOWN, NULL, N_("Scroll down") },
	{ LK_VK_HOME, NULL, NULL },
	{ LK_VK_END, NULL, NULL },
	{ LK_VK_REDRAW, NULL, NULL },
};

/* ---- filling: the store's reports into chart rows ---- */

/* A new row, or NULL when the page is full. */
static struct chart_row *
add_row(struct page_data *d)
{
	if (d->n >= ROWS_MAX) {
		d->more = true;
		return NULL;
	}
	struct chart_row *r = &d->rows[d->n++];
	memset(r, 0, sizeof *r);
	for (int i = 0; i < SPARK_MAX; i++)
		r->spark[i] = NAN;
	return r;
}

/* The filter of the page's period (the whole area). */
static struct lk_report_filter
period_filter(const struct page_data *d)
{
	struct lk_report_filter f = { .from = d->from, .to = d->to };
	return f;
}

/* Months from a's month to b's month (b later: positive). */
static int
month_diff(lk_date a, lk_date b)
{
	struct lk_ymd x = lk_date_to_ymd(a), y = lk_date_to_ymd(b);
	return (y.y - x.y) * 12 + (y.m - x.m);
}

static void
fail(struct lk_ui *ui, const struct lk_err *err)
{
	lk_ui_message(ui, true, "%s: %s", _("The report could not be read"), err->msg);
}

/* Face to face: per point the share over the period, and the share of each
 * of the last 12 months. */
struct f2f_acc {
	struct page_data *d;
	bool initial;
	long part[ROWS_MAX], whole[ROWS_MAX];
	long mpart[ROWS_MAX][SPARK_MAX], mwhole[ROWS_MAX][SPARK_MAX];
};

static int
f2f_row(const struct lk_f2f_row *r, void *vctx)
{
	struct f2f_acc *a = vctx;
	struct page_data *d = a->d;
	int i = d->n - 1;
	if (i < 0 || strcmp(d->rows[i].key, r->point_id) != 0) {
		struct chart_row *c = add_row(d);
		if (c == NULL)
			return 1;
		i = d->n - 1;
		snprintf(c->label, sizeof c->label, "%s", r->point_name);
		snprintf(c->key, sizeof c->key, "%s", r->point_id);
		a->part[i] = a->whole[i] = 0;
		memset(a->mpart[i], 0, sizeof a->mpart[i]);
		memset(a->mwhole[i], 0, sizeof a->mwhole[i]);
	}
	long part = a->initial ? r->initial_face : r->jobsearch_face;
	long whole = a->initial ? r->initial : r->jobsearch;
	char first[11];
	lk_date_iso(d->from, first, sizeof first);
	if (strncmp(r->month, first, 7) >= 0) {
		a->part[i] += part;
		a->whole[i] += whole;
	}
	lk_date m;
	char day[16];
	snprintf(day, sizeof day, "%.7s-01", r->month);
	if (lk_date_parse(day, &m)) {
		int k = month_diff(d->spark_from, m);
		if (k >= 0 && k < SPARK_MAX) {
			a->mpart[i][k] += part;
			a->mwhole[i][k] += whole;
		}
	}
	return 0;
}

static void
fill_f2f(struct lk_ui *ui, struct page_data *d, bool initial)
{
	static struct f2f_acc a;
	memset(&a, 0, sizeof a);
	a.d = d;
	a.initial = initial;
	const struct lk_target *t = &lk_targets[initial ? LK_TARGET_F2F_INITIAL
	                                                : LK_TARGET_F2F_JOBSEARCH];
	/* One query over the sparkline's twelve months (the period is inside). */
	struct lk_report_filter f = { .from = d->spark_from, .to = d->to };
	struct lk_err err = { 0 };
	if (lk_report_face_to_face(ui->st, &f, f2f_row, &a, &err) != LK_OK)
		fail(ui, &err);
	int out = 0;
	for (int i = 0; i < d->n; i++) {
		bool any = false;
		for (int k = 0; k < SPARK_MAX; k++)
			any = any || a.mwhole[i][k] > 0;
		if (!any)
			continue;   /* a point without these meetings in the year */
		struct chart_row *c = &d->rows[out];
		if (out != i)
			*c = d->rows[i];
		c->max = 100;
		c->marks[0] = t->low;
		c->n_marks = 1;
		c->spark_lo = 0;
		c->spark_hi = 100;
		c->n_spark = SPARK_MAX;
		for (int k = 0; k < SPARK_MAX; k++)
			c->spark[k] = a.mwhole[i][k] > 0
			            ? 100.0 * (double)a.mpart[i][k] / (double)a.mwhole[i][k] : NAN;
		if (a.whole[i] > 0) {
			c->value = 100.0 * (double)a.part[i] / (double)a.whole[i];
			snprintf(c->value_text, sizeof c->value_text, "%.0f %%", c->value);
			c->verdict = lk_target_met(t, c->value) ? V_MET : V_BELOW;
			snprintf(c->note, sizeof c->note, "%ld/%ld", a.part[i], a.whole[i]);
		} else {
			c->value = 0;
			snprintf(c->value_text, sizeof c->value_text, "–");
			c->verdict = V_NONE;
		}
		out++;
	}
	d->n = out;
}

static void
fill_f2f_initial(struct lk_ui *ui, struct page_data *d)
{
	fill_f2f(ui, d, true);
}

static void
fill_f2f_jobsearch(struct lk_ui *ui, struct page_data *d)
{
	fill_f2f(ui, d, false);
}

/* Caseload: clients per caseworker now, against the band. */
static int
caseload_row(const struct lk_caseload_row *r, void *vctx)
{
	struct page_data *d = vctx;
	const struct lk_target *t = &lk_targets[LK_TARGET_CASELOAD];
	struct chart_row *c = add_row(d);
	if (c == NULL)
		return 1;
	snprintf(c->label, sizeof c->label, "%s", r->staff_name);
	c->value = (double)r->clients;
	c->marks[0] = t->low;
	c->marks[1] = t->high;
	c->n_marks = 2;
	snprintf(c->value_text, sizeof c->value_text, "%ld", r->clients);
	c->verdict = lk_target_met(t, c->value) ? V_MET : c->value < t->low ? V_BELOW : V_ABOVE;
	return 0;
}

static void
fill_caseload(struct lk_ui *ui, struct page_data *d)
{
	struct lk_report_filter f = { .from = LK_NO_DATE, .to = d->to };
	struct lk_err err = { 0 };
	if (lk_report_caseload(ui->st, &f, caseload_row, d, &err) != LK_OK)
		fail(ui, &err);
	/* One scale for the page: the band's top and a quarter more, or more. */
	double max = lk_targets[LK_TARGET_CASELOAD].high * 1.25;
	for (int i = 0; i < d->n; i++)
		if (d->rows[i].value > max)
			max = d->rows[i].value;
	for (int i = 0; i < d->n; i++)
		d->rows[i].max = max;
}

/* Walk-in: one row per point and topic, the point's name on its first;
 * the point's visits per week on that row. */
static int
walkin_row(const struct lk_walkin_row *r, void *vctx)
{
	struct page_data *d = vctx;
	bool first = d->n == 0 || strcmp(d->rows[d->n - 1].key, r->point_id) != 0;
	struct chart_row *c = add_row(d);
	if (c == NULL)
		return 1;
	snprintf(c->key, sizeof c->key, "%s", r->point_id);
	snprintf(c->label, sizeof c->label, "%s", first ? r->point_name : "");
	snprintf(c->sub, sizeof c->sub, "%s", _(lk_visit_topic_label(r->topic)));
	c->value = (double)r->visits;
	snprintf(c->value_text, sizeof c->value_text, "%ld", r->visits);
	char wait[12] = "–", service[12] = "–";
	if (r->median_wait >= 0)
		snprintf(wait, sizeof wait, "%.0f", r->median_wait);
	if (r->median_service >= 0)
		snprintf(service, sizeof service, "%.0f", r->median_service);
	snprintf(c->note, sizeof c->note, _("%s/%s min"), wait, service);
	if (first) {
		c->n_spark = SPARK_MAX;
		for (int k = 0; k < SPARK_MAX; k++)
			c->spark[k] = 0;
	}
	return 0;
}

struct week_acc {
	struct page_data *d;
	int week;
};

/* One week's visits, added to the first row of their point. */
static int
week_row(const struct lk_walkin_row *r, void *vctx)
{
	struct week_acc *w = vctx;
	for (int i = 0; i < w->d->n; i++) {
		struct chart_row *c = &w->d->rows[i];
		if (c->n_spark && strcmp(c->key, r->point_id) == 0) {
			c->spark[w->week] += (double)r->visits;
			break;
		}
	}
	return 0;
}

static void
fill_walkin(struct lk_ui *ui, struct page_data *d)
{
	struct lk_report_filter f = period_filter(d);
	struct lk_err err = { 0 };
	if (lk_report_walk_in(ui->st, &f, walkin_row, d, &err) != LK_OK) {
		fail(ui, &err);
		return;
	}
	double max = 1;
	for (int i = 0; i < d->n; i++)
		if (d->rows[i].value > max)
			max = d->rows[i].value;
	for (int i = 0; i < d->n; i++)
		d->rows[i].max = max;
	/* The 12 weeks (Monday to Sunday) up to the period's end. */
	lk_date monday = d->to - (lk_weekday(d->to) - 1);
	for (int k = 0; k < SPARK_MAX; k++) {
		struct lk_report_filter wf = { .from = monday - 7 * (SPARK_MAX - 1 - k),
		                               .to = monday - 7 * (SPARK_MAX - 1 - k) + 6 };
		struct week_acc w = { d, k };
		if (lk_report_walk_in(ui->st, &wf, week_row, &w, &err) != LK_OK) {
			fail(ui, &err);
			return;
		}
	}
	for (int i = 0; i < d->n; i++) {
		struct chart_row *c = &d->rows[i];
		c->spark_lo = 0;
		for (int k = 0; k < c->n_spark; k++)
			if (c->spark[k] > c->spark_hi)
				c->spark_hi = c->spark[k];
	}
}

/* Feedback: the mean of 5 and how the answers spread over 1–5. */
static int
feedback_row(const struct lk_feedback_row *r, void *vctx)
{
	struct page_data *d = vctx;
	struct chart_row *c = add_row(d);
	if (c == NULL)
		return 1;
	snprintf(c->label, sizeof c->label, "%s", r->point_name);
	c->value = r->mean;
	c->max = 5;
	snprintf(c->value_text, sizeof c->value_text, "%.2f", r->mean);
	snprintf(c->note, sizeof c->note,
	         dngettext(LK_TEXTDOMAIN, "%ld answer", "%ld answers", (unsigned long)r->count),
	         r->count);
	c->n_spark = 5;
	c->spark_lo = 0;
	c->spark_hi = 0;
	for (int i = 0; i < 5; i++) {
		c->spark[i] = (double)r->dist[i];
		if (c->spark[i] > c->spark_hi)
			c->spark_hi = c->spark[i];
	}
	return 0;
}

static void
fill_feedback(struct lk_ui *ui, struct page_data *d)
{
	struct lk_report_filter f = period_filter(d);
	struct lk_err err = { 0 };
	if (lk_report_feedback(ui->st, &f, false, feedback_row, d, &err) != LK_OK)
		fail(ui, &err);
}

/* ---- the screen ---- */

/* The period's days and the sparkline's first month, from today. */
static void
period(struct page_data *d)
{
	lk_date today = lk_today();
	struct lk_ymd t = lk_date_to_ymd(today);
	lk_date month = lk_date_from_ymd(t.y, t.m, 1);
	d->to = today;
	d->from = rp.year ? lk_add_months(month, -11) : month;
	d->spark_from = lk_add_months(month, -(SPARK_MAX - 1));
}

/* Read the current page again. */
static void
load(struct lk_ui *ui)
{
	struct page_data *d = &rp.data;
	d->n = 0;
	d->more = false;
	period(d);
	pages[rp.page].fill(ui, d);
	if (rp.top > d->n - 1)
		rp.top = d->n > 0 ? d->n - 1 : 0;
	if (rp.top < 0)
		rp.top = 0;
}

/* Open the report screen; Back returns to the current screen. */
void
lk_report_open(struct lk_ui *ui)
{
	rp.back = ui->cur;
	rp.top = 0;
	lk_ui_show(ui, LK_SCREEN_REPORT);
}

static void
enter(struct lk_ui *ui)
{
	load(ui);
}

static int
page_rows(const struct lk_ui *ui)
{
	int h = getmaxy(ui->body) - LIST_TOP;
	return h < 1 ? 1 : h;
}

static void
key(struct lk_ui *ui, enum lk_vkey vk)
{
	int last = rp.data.n - page_rows(ui);
	if (last < 0)
		last = 0;
	switch (vk) {
	case LK_VK_BACK:
		lk_ui_show(ui, rp.back == LK_SCREEN_REPORT ? LK_SCREEN_LOOKUP : rp.back);
		return;
	case LK_VK_PREV:
		rp.page = (rp.page + N_PAGES - 1) % N_PAGES;
		rp.top = 0;
		load(ui);
		return;
	case LK_VK_NEXT:
	case LK_VK_NEXT_PAGE:
		rp.page = (rp.page + 1) % N_PAGES;
		rp.top = 0;
		load(ui);
		return;
	case LK_VK_PERIOD:
		rp.year = !rp.year;
		load(ui);
		return;
	case LK_VK_UP:
		if (rp.top > 0)
			rp.top--;
		return;
	case LK_VK_DOWN:
		if (rp.top < last)
			rp.top++;
		return;
	case LK_VK_HOME:
		rp.top = 0;
		return;
	case LK_VK_END:
		rp.top = last;
		return;
	default:
		return;
	}
}

static int
max_width(const char *const *msgids, int n, int min, int cap)
{
	int w = min;
	for (int i = 0; i < n; i++) {
		int x = lk_text_width(_(msgids[i]));
		if (x > w)
			w = x;
	}
	return w > cap ? cap : w;
}

static const char *const verdicts[] = { "", N_("met"), N_("below"), N_("above") };

static void
draw(struct lk_ui *ui, WINDOW *w)
{
	const struct report_page *pg = &pages[rp.page];
	const struct page_data *d = &rp.data;
	int cols = getmaxx(w), rows = getmaxy(w);
	bool utf8 = lk_chart_utf8();
	char line[256], a[16], b[16];

	snprintf(line, sizeof line, "%s %d/%d", _("Page"), rp.page + 1, N_PAGES);
	int right_w = lk_text_width(line);
	lk_draw_right(w, 0, cols - 1, line, A_NORMAL);
	snprintf(line, sizeof line, "%s: %s", _("Reports"), _(pg->title));
	lk_draw_text(w, 0, 1, cols - right_w - 3, line, lk_style(ui->color, LK_STYLE_TITLE), false);
	snprintf(line, sizeof line, "%s %s–%s", rp.year ? _("The last 12 months") : _("This month"),
	         lk_date_fi(d->from, a, sizeof a), lk_date_fi(d->to, b, sizeof b));
	lk_draw_text(w, 1, 1, cols - 2, line, A_BOLD, false);
	lk_draw_text(w, 2, 1, cols - 2, _(pg->legend), A_NORMAL, false);

	/* The columns, from what the page's rows hold. */
	bool has_sub = false, has_note = false, has_verdict = false, has_spark = false;
	int spark_w = 0;
	for (int i = 0; i < d->n; i++) {
		has_sub = has_sub || d->rows[i].sub[0];
		has_note = has_note || d->rows[i].note[0];
		has_verdict = has_verdict || d->rows[i].verdict != V_NONE;
		if (d->rows[i].n_spark > spark_w)
			spark_w = d->rows[i].n_spark;
	}
	has_spark = spark_w > 0;
	if (has_spark && pg->trend_head && lk_text_width(_(pg->trend_head)) > spark_w)
		spark_w = lk_text_width(_(pg->trend_head));
	int label_w = cols >= 120 ? 30 : has_sub ? 18 : 22;
	int sub_w = has_sub ? 14 : 0;
	int value_w = 6, note_w = 0, verdict_w = 0;
	for (int i = 0; i < d->n; i++) {
		int x = lk_text_width(d->rows[i].note);
		if (x > note_w)
			note_w = x;
	}
	if (has_verdict)
		verdict_w = max_width(verdicts + 1, 3, 3, 10);
	int fixed = 1 + label_w + 1 + (has_sub ? sub_w + 1 : 0) + 1 + value_w + 1 +
	            (has_note ? note_w + 1 : 0) + (has_verdict ? verdict_w + 1 : 0) +
	            (has_spark ? spark_w : 0);
	int bar_w = cols - fixed;
	if (bar_w < 10) {
		label_w -= 10 - bar_w;
		if (label_w < 10)
			label_w = 10;
		bar_w = 10;
	}
	int x_sub = 1 + label_w + 1, x_bar = x_sub + (has_sub ? sub_w + 1 : 0);
	int x_val = x_bar + bar_w + 1, x_note = x_val + value_w + 1;
	int x_verdict = x_note + (has_note ? note_w + 1 : 0);
	int x_spark = x_verdict + (has_verdict ? verdict_w + 1 : 0);

	if (d->n == 0) {
		lk_draw_text(w, LIST_TOP, 2, cols - 3, _("Nothing to report for this period."),
		             A_NORMAL, false);
		return;
	}
	attr_t h = A_BOLD | A_UNDERLINE;
	lk_draw_text(w, 3, 1, label_w, _(pg->label_head), h, false);
	if (has_spark && pg->trend_head)
		lk_draw_text(w, 3, x_spark, cols - x_spark, _(pg->trend_head), h, false);
	for (int i = rp.top; i < d->n && LIST_TOP + i - rp.top < rows; i++) {
		const struct chart_row *c = &d->rows[i];
		int y = LIST_TOP + i - rp.top;
		lk_draw_text(w, y, 1, label_w, c->label, A_NORMAL, false);
		if (has_sub)
			lk_draw_text(w, y, x_sub, sub_w, c->sub, A_NORMAL, false);
		attr_t bar_a = c->verdict == V_MET ? A_BOLD : A_NORMAL;
		lk_chart_bar(w, y, x_bar, bar_w, c->value, c->max, c->marks, c->n_marks, bar_a, utf8);
		lk_draw_right(w, y, x_val + value_w, c->value_text, c->verdict == V_MET ? A_BOLD
		                                                                        : A_NORMAL);
		if (has_note)
			lk_draw_text(w, y, x_note, note_w, c->note, A_NORMAL, false);
		if (c->verdict != V_NONE)
			lk_draw_text(w, y, x_verdict, verdict_w, _(verdicts[c->verdict]),
			             c->verdict == V_MET ? A_BOLD : A_REVERSE, false);
		if (c->n_spark) {
			char spark[SPARK_MAX * 4 + 1];
			lk_chart_sparkline(c->spark, c->n_spark, c->spark_lo, c->spark_hi, utf8, spark,
			                   sizeof spark);
			lk_draw_text(w, y, x_spark, cols - x_spark, spark, A_NORMAL, false);
		}
	}
	lk_draw_scroll_marks(w, LIST_TOP, rows - 1, rp.top > 0, rp.top + (rows - LIST_TOP) < d->n);
}

/* "12 rows" (and whether more did not fit). */
static void
status(struct lk_ui *ui, char *buf, size_t size)
{
	(void)ui;
	if (rp.data.more)
		snprintf(buf, size, _("More than %d rows"), rp.data.n);
	else
		snprintf(buf, size, dngettext(LK_TEXTDOMAIN, "%d row", "%d rows",
		                              (unsigned long)rp.data.n), rp.data.n);
}

const struct lk_screen lk_screen_report = {
	.title = N_("Reports"),
	.keys = keys,
	.n_keys = (int)(sizeof keys / sizeof keys[0]),
	.text = false,
	.enter = enter,
	.draw = draw,
	.key = key,
	.status = status,
};
