/*
 * screen-report.c — the leads' report screen (issue 7: "in the terminal,
 * where people would rather look than read"): the areas' targets as
 * horizontal bars with the target as a marker, met or below in bold or
 * reverse (readable in monochrome), and sparklines for the months or weeks
 * before. Reached from the lookup screen with the reports key, for roles
 * with the reports capability only (core/roles.h).
 *
 * One page = one row of `pages`: a title, a legend and a fill function that
 * calls the store's report (report/report.h callbacks) into generic chart
 * rows (a bar, or a stacked bar whose parts the page names for the legend
 * over the bars); drawing knows nothing of any report, so a new report is a
 * new fill function and a new row. The pages: face-to-face shares, caseload,
 * walk-in visits, feedback, the statutory cadence (overdue and coming), TYM
 * assessments in time, integration plans within 30 days, visits from
 * outside the home municipality, the channel mix and walk-in arrivals by
 * hour and by weekday. Rows that do not fit scroll. Left/Right or Tab change the page, the period key
 * switches between this month and the last 12 months. Reads only; never
 * writes to the store.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report/report-feedback.h"
#include "store/appointment.h"
#include "report/report.h"
#include "store/visit.h"
#include "ui/chart.h"
#include "ui/draw.h"
#include "ui/ui.h"

#define ROWS_MAX 400
#define SPARK_MAX 24     /* cells a sparkline may have (the hours of a day) */
#define TREND_N 12       /* months or weeks in a trend */
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
	char note[64];
	double spark[SPARK_MAX];      /* NAN: no data */
	int n_spark;
	double spark_lo, spark_hi;
	double parts[LK_CHART_PARTS]; /* a stacked bar when n_parts > 0 */
	int n_parts;
	bool strong;                  /* a total: the label in bold */
	bool alarm;                   /* something is wrong: the value in reverse */
};

struct page_data {
	struct chart_row rows[ROWS_MAX];
	int n;
	bool more;
	lk_date from, to;             /* the period */
	lk_date spark_from;           /* the sparkline's first month or week */
	const char *part_names[LK_CHART_PARTS];  /* msgids of a stacked bar's parts */
	int n_parts;
	char trend_head[32];          /* when the span depends on the data */
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
static void fill_cadence(struct lk_ui *ui, struct page_data *d);
static void fill_tym(struct lk_ui *ui, struct page_data *d);
static void fill_integration(struct lk_ui *ui, struct page_data *d);
static void fill_outside(struct lk_ui *ui, struct page_data *d);
static void fill_channels(struct lk_ui *ui, struct page_data *d);
static void fill_by_hour(struct lk_ui *ui, struct page_data *d);
static void fill_by_weekday(struct lk_ui *ui, struct page_data *d);

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
	{ N_("Statutory contacts overdue and coming"), N_("Point, caseworker"), NULL,
	  N_("Today; bar: overdue, then coming within 14 days; number: overdue"),
	  fill_cadence },
	{ N_("TYM needs assessments within 3 months"), N_("Point"), NULL,
	  N_("Bar: share of the period's TYM cases assessed in time; | the target 100 %"),
	  fill_tym },
	{ N_("Integration plans within 30 days"), N_("Home municipality"), NULL,
	  N_("Bar: share of KOTO clients with a plan within 30 days; | the target 80 %"),
	  fill_integration },
	{ N_("Visits from outside the home municipality"), N_("Point"), NULL,
	  N_("Bar: visits by clients from other municipalities; note: most came from"),
	  fill_outside },
	{ N_("Meetings by channel"), N_("Home municipality"), NULL,
	  N_("Bar: held meetings by channel, each municipality 100 %; number: meetings"),
	  fill_channels },
	{ N_("Walk-in arrivals by hour"), N_("Point"), NULL,
	  N_("Bar: visits; no-shows/referred; trend: arrivals per hour of the day"),
	  fill_by_hour },
	{ N_("Walk-in arrivals by weekday"), N_("Point"), N_("Mon-Sun"),
	  N_("Bar: visits; no-shows/referred; trend: arrivals from Monday to Sunday"),
	  fill_by_weekday },
};
#define N_PAGES ((int)(sizeof pages / sizeof pages[0]))

static struct {
	int page;
	bool year;                    /* the last 12 months, else this month */
	int top;
	struct page_data data;
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
	long mpart[ROWS_MAX][TREND_N], mwhole[ROWS_MAX][TREND_N];
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
		if (k >= 0 && k < TREND_N) {
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
		for (int k = 0; k < TREND_N; k++)
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
		c->n_spark = TREND_N;
		for (int k = 0; k < TREND_N; k++)
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
		c->n_spark = TREND_N;
		for (int k = 0; k < TREND_N; k++)
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
	for (int k = 0; k < TREND_N; k++) {
		struct lk_report_filter wf = { .from = monday - 7 * (TREND_N - 1 - k),
		                               .to = monday - 7 * (TREND_N - 1 - k) + 6 };
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

/* Cadence as of today: each point's total (bold) above its caseworkers,
 * then the clients without one; overdue and coming items as one stacked
 * bar, the overdue count in reverse when there is any. The totals (and the
 * clients without a caseworker) share one scale, the caseworkers another. */
#define CADENCE_WITHIN 14   /* days ahead that count as coming, as the CLI's */

struct cadence_acc {
	struct page_data *d;
	int group;               /* the first row of the point being read */
};

static void
cadence_set(struct chart_row *c, const struct lk_cadence_row *r)
{
	c->parts[0] = (double)r->overdue;
	c->parts[1] = (double)r->coming;
	c->n_parts = 2;
	c->value = (double)(r->overdue + r->coming);
	snprintf(c->value_text, sizeof c->value_text, "%ld", r->overdue);
	c->alarm = r->overdue > 0;
	snprintf(c->note, sizeof c->note, _("%ld coming"), r->coming);
}

static int
cadence_row(const struct lk_cadence_row *r, void *vctx)
{
	struct cadence_acc *a = vctx;
	struct page_data *d = a->d;
	if (r->level == LK_CADENCE_POINT) {
		/* The point's total goes above its caseworkers' rows. */
		struct chart_row t;
		memset(&t, 0, sizeof t);
		snprintf(t.label, sizeof t.label, "%s", r->point_name[0] ? r->point_name : "–");
		t.strong = true;
		cadence_set(&t, r);
		if (add_row(d) == NULL)
			return 1;
		memmove(&d->rows[a->group + 1], &d->rows[a->group],
		        (size_t)(d->n - 1 - a->group) * sizeof d->rows[0]);
		d->rows[a->group] = t;
		a->group = d->n;
		return 0;
	}
	struct chart_row *c = add_row(d);
	if (c == NULL)
		return 1;
	if (r->level == LK_CADENCE_CASEWORKER) {
		snprintf(c->label, sizeof c->label, "  %.240s", r->staff_name);
	} else {
		snprintf(c->label, sizeof c->label, "%s", _("No caseworker"));
		c->strong = true;
		a->group = d->n;
	}
	cadence_set(c, r);
	return 0;
}

static void
fill_cadence(struct lk_ui *ui, struct page_data *d)
{
	struct cadence_acc a = { d, 0 };
	struct lk_report_filter f = { .from = LK_NO_DATE, .to = d->to };
	struct lk_err err = { 0 };
	if (lk_report_cadence(ui->st, &f, CADENCE_WITHIN, cadence_row, &a, &err) != LK_OK)
		fail(ui, &err);
	d->part_names[0] = N_("Overdue");
	d->part_names[1] = N_("Coming");
	d->n_parts = 2;
	/* Totals and caseworkers each on their own scale: a big point's total
	 * would flatten every caseworker's bar. */
	double max[2] = { 1, 1 };
	for (int i = 0; i < d->n; i++)
		if (d->rows[i].value > max[d->rows[i].strong])
			max[d->rows[i].strong] = d->rows[i].value;
	for (int i = 0; i < d->n; i++)
		d->rows[i].max = max[d->rows[i].strong];
}

/* A share of part in whole against a target: bar, marker, verdict and
 * "part/whole"; "–" and no verdict when whole is 0. */
static void
share_row(struct chart_row *c, const struct lk_target *t, long part, long whole)
{
	c->max = 100;
	c->marks[0] = t->low;
	c->n_marks = 1;
	if (whole > 0) {
		c->value = 100.0 * (double)part / (double)whole;
		snprintf(c->value_text, sizeof c->value_text, "%.0f %%", c->value);
		c->verdict = lk_target_met(t, c->value) ? V_MET : V_BELOW;
		snprintf(c->note, sizeof c->note, "%ld/%ld", part, whole);
	} else {
		snprintf(c->value_text, sizeof c->value_text, "–");
	}
}

/* Append ", TEXT" (or TEXT) to a row's note. */
static void
note_add(struct chart_row *c, const char *text)
{
	size_t n = strlen(c->note);
	snprintf(c->note + n, sizeof c->note - n, "%s%s", n ? ", " : "", text);
}

/* TYM: assessments within 3 months of the cases opened in the period, per
 * point of the TYM caseworker; the cases past 18 months beside. */
static int
tym_row(const struct lk_tym_report_row *r, void *vctx)
{
	struct page_data *d = vctx;
	struct chart_row *c = add_row(d);
	if (c == NULL)
		return 1;
	snprintf(c->label, sizeof c->label, "%s",
	         r->point_id[0] ? r->point_name : _("No caseworker"));
	share_row(c, &lk_targets[LK_TARGET_TYM_ASSESSMENT], r->assessed_in_time,
	          r->assessed_in_time + r->assessed_late);
	if (r->past_18_months > 0) {
		char past[32];
		snprintf(past, sizeof past, _("%ld past 18 months"), r->past_18_months);
		note_add(c, past);
	}
	return 0;
}

static void
fill_tym(struct lk_ui *ui, struct page_data *d)
{
	struct lk_report_filter f = period_filter(d);
	struct lk_err err = { 0 };
	if (lk_report_tym(ui->st, &f, tym_row, d, &err) != LK_OK)
		fail(ui, &err);
}

/* Integration: KOTO clients who started in the period, per home
 * municipality; those still within their 30 days are not in the share. */
static int
integration_row(const struct lk_integration_row *r, void *vctx)
{
	struct page_data *d = vctx;
	struct chart_row *c = add_row(d);
	if (c == NULL)
		return 1;
	snprintf(c->label, sizeof c->label, "%s",
	         r->municipality_id[0] ? r->municipality : _("No municipality"));
	share_row(c, &lk_targets[LK_TARGET_INTEGRATION], r->in_time,
	          r->in_time + r->late + r->waiting_over);
	if (r->waiting > 0) {
		char wait[32];
		snprintf(wait, sizeof wait, _("%ld waiting"), r->waiting);
		note_add(c, wait);
	}
	return 0;
}

static void
fill_integration(struct lk_ui *ui, struct page_data *d)
{
	struct lk_report_filter f = period_filter(d);
	struct lk_err err = { 0 };
	if (lk_report_integration(ui->st, &f, integration_row, d, &err) != LK_OK)
		fail(ui, &err);
}

/* Outside the home municipality: per point, appointments and identified
 * walk-in visits as one stacked bar; the note names where most came from. */
struct outside_acc {
	struct page_data *d;
	long most[ROWS_MAX];
};

static int
outside_row(const struct lk_outside_row *r, void *vctx)
{
	struct outside_acc *a = vctx;
	struct page_data *d = a->d;
	struct chart_row *c = d->n > 0 ? &d->rows[d->n - 1] : NULL;
	if (c == NULL || strcmp(c->key, r->point_id) != 0) {
		c = add_row(d);
		if (c == NULL)
			return 1;
		snprintf(c->key, sizeof c->key, "%s", r->point_id);
		snprintf(c->label, sizeof c->label, "%s", r->point_name);
		c->n_parts = 2;
		a->most[d->n - 1] = 0;
	}
	c->parts[0] += (double)r->appointments;
	c->parts[1] += (double)r->walk_ins;
	c->value = c->parts[0] + c->parts[1];
	snprintf(c->value_text, sizeof c->value_text, "%.0f", c->value);
	long here = r->appointments + r->walk_ins;
	if (here > a->most[d->n - 1]) {
		a->most[d->n - 1] = here;
		snprintf(c->note, sizeof c->note, "%.40s %ld",
		         r->home_id[0] ? r->home : _("No municipality"), here);
	}
	return 0;
}

static void
fill_outside(struct lk_ui *ui, struct page_data *d)
{
	static struct outside_acc a;
	a.d = d;
	struct lk_report_filter f = period_filter(d);
	struct lk_err err = { 0 };
	if (lk_report_outside_home(ui->st, &f, outside_row, &a, &err) != LK_OK)
		fail(ui, &err);
	d->part_names[0] = N_("Appointments");
	d->part_names[1] = N_("Walk-in visits");
	d->n_parts = 2;
	double max = 1;
	for (int i = 0; i < d->n; i++)
		if (d->rows[i].value > max)
			max = d->rows[i].value;
	for (int i = 0; i < d->n; i++)
		d->rows[i].max = max;
}

/* The channel mix: per home municipality the held meetings by channel,
 * each bar the whole of its municipality's meetings. */
static int
channel_row(const struct lk_channel_row *r, void *vctx)
{
	struct page_data *d = vctx;
	struct chart_row *c = add_row(d);
	if (c == NULL)
		return 1;
	snprintf(c->label, sizeof c->label, "%s",
	         r->municipality_id[0] ? r->municipality : _("No municipality"));
	c->n_parts = LK_REPORT_CHANNELS < LK_CHART_PARTS ? LK_REPORT_CHANNELS : LK_CHART_PARTS;
	for (int k = 0; k < c->n_parts; k++)
		c->parts[k] = (double)r->by_channel[k];
	c->value = (double)r->meetings;
	c->max = (double)r->meetings;
	snprintf(c->value_text, sizeof c->value_text, "%ld", r->meetings);
	return 0;
}

static void
fill_channels(struct lk_ui *ui, struct page_data *d)
{
	struct lk_report_filter f = period_filter(d);
	struct lk_err err = { 0 };
	if (lk_report_channels(ui->st, &f, channel_row, d, &err) != LK_OK)
		fail(ui, &err);
	d->n_parts = 0;
	for (int k = 0; k < LK_REPORT_CHANNELS && k < LK_CHART_PARTS && lk_channels[k]; k++)
		d->part_names[d->n_parts++] = lk_channel_label(lk_channels[k]);
}

/* Walk-in arrivals by hour or weekday: the whole area (bold) and each
 * point; the bar is the period's visits, the note no-shows/referred and the
 * sparkline the arrivals over the hours (those any point had) or Monday to
 * Sunday, each row on its own scale so its busy times stand out. */
struct by_acc {
	struct page_data *d;
	bool hour;
	long n[ROWS_MAX][24];
	long no_shows[ROWS_MAX], referred[ROWS_MAX];
};

static int
by_row(const struct lk_walkin_row *r, void *vctx)
{
	struct by_acc *a = vctx;
	struct page_data *d = a->d;
	struct chart_row *c = &d->rows[d->n - 1];
	if (strcmp(c->key, r->point_id) != 0) {
		c = add_row(d);
		if (c == NULL)
			return 1;
		snprintf(c->key, sizeof c->key, "%s", r->point_id);
		snprintf(c->label, sizeof c->label, "%s", r->point_name);
		memset(a->n[d->n - 1], 0, sizeof a->n[0]);
		a->no_shows[d->n - 1] = a->referred[d->n - 1] = 0;
	}
	int i = d->n - 1;
	int slot = a->hour ? r->hour : r->weekday - 1;
	c->value += (double)r->visits;
	a->no_shows[i] += r->no_shows;
	a->referred[i] += r->referred;
	if (slot >= 0 && slot < 24) {
		a->n[i][slot] += r->visits;
		a->n[0][slot] += r->visits;
	}
	d->rows[0].value += (double)r->visits;
	a->no_shows[0] += r->no_shows;
	a->referred[0] += r->referred;
	return 0;
}

static void
fill_by(struct lk_ui *ui, struct page_data *d, bool hour)
{
	static struct by_acc a;
	memset(&a, 0, sizeof a);
	a.d = d;
	a.hour = hour;
	struct chart_row *area = add_row(d);
	if (area == NULL)
		return;
	snprintf(area->label, sizeof area->label, "%s", _("All points"));
	area->strong = true;
	struct lk_report_filter f = period_filter(d);
	struct lk_err err = { 0 };
	if (lk_report_walk_in_by(ui->st, &f, hour ? LK_WALKIN_BY_HOUR : LK_WALKIN_BY_WEEKDAY,
	                         by_row, &a, &err) != LK_OK)
		fail(ui, &err);
	if (d->n == 1) {
		d->n = 0;     /* no visits: nothing to report */
		return;
	}
	int lo = 0, hi = 6;
	if (hour) {
		lo = 23;
		hi = 0;
		for (int k = 0; k < 24; k++)
			if (a.n[0][k] > 0) {
				lo = k < lo ? k : lo;
				hi = k > hi ? k : hi;
			}
		if (hi < lo)
			lo = hi = 0;
		snprintf(d->trend_head, sizeof d->trend_head, _("hours %d-%d"), lo, hi);
	}
	for (int i = 0; i < d->n; i++) {
		struct chart_row *c = &d->rows[i];
		c->max = d->rows[0].value;
		snprintf(c->value_text, sizeof c->value_text, "%.0f", c->value);
		snprintf(c->note, sizeof c->note, "%ld/%ld", a.no_shows[i], a.referred[i]);
		c->n_spark = hi - lo + 1;
		c->spark_lo = 0;
		c->spark_hi = 0;
		for (int k = 0; k < c->n_spark; k++) {
			c->spark[k] = (double)a.n[i][lo + k];
			if (c->spark[k] > c->spark_hi)
				c->spark_hi = c->spark[k];
		}
	}
}

static void
fill_by_hour(struct lk_ui *ui, struct page_data *d)
{
	fill_by(ui, d, true);
}

static void
fill_by_weekday(struct lk_ui *ui, struct page_data *d)
{
	fill_by(ui, d, false);
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
	d->spark_from = lk_add_months(month, -(TREND_N - 1));
}

/* Read the current page again. */
static void
load(struct lk_ui *ui)
{
	struct page_data *d = &rp.data;
	d->n = 0;
	d->more = false;
	d->n_parts = 0;
	d->trend_head[0] = '\0';
	period(d);
	lk_ui_busy(ui, _("Reading the report…"));
	pages[rp.page].fill(ui, d);
	if (rp.top > d->n - 1)
		rp.top = d->n > 0 ? d->n - 1 : 0;
	if (rp.top < 0)
		rp.top = 0;
}

/* Opened: the page as it was, from its top. */
static bool
open_report(struct lk_ui *ui, const struct lk_nav *nav)
{
	(void)ui;
	(void)nav;
	rp.top = 0;
	return true;
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
		lk_ui_back(ui);
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
	const char *trend = d->trend_head[0] ? d->trend_head : pg->trend_head ? _(pg->trend_head)
	                                                                      : NULL;
	if (has_spark && trend && lk_text_width(trend) > spark_w)
		spark_w = lk_text_width(trend);
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
	if (d->n_parts > 0) {
		/* What each fill is, over the bars ("█ Face  ▓ Phone …"), moved
		 * left over the heading's room and closed up when it is long. */
		char legend[512];
		for (int sep = 2; sep >= 1; sep--) {
			size_t len = 0;
			legend[0] = '\0';
			for (int k = 0; k < d->n_parts; k++) {
				char fill[8];
				wchar_t wc[2] = { lk_chart_fill(k, utf8), L'\0' };
				if (wcstombs(fill, wc, sizeof fill) == (size_t)-1)
					snprintf(fill, sizeof fill, "?");
				snprintf(legend + len, sizeof legend - len, "%*s%s %s", k ? sep : 0, "",
				         fill, _(d->part_names[k]));
				len = strlen(legend);
			}
			if (x_bar + lk_text_width(legend) <= cols - 1)
				break;
		}
		int lw = lk_text_width(legend), head = 1 + lk_text_width(_(pg->label_head)) + 2;
		int x = x_bar;
		if (x + lw > cols - 1)
			x = cols - 1 - lw > head ? cols - 1 - lw : head < x_bar ? head : x_bar;
		lk_draw_text(w, 3, x, cols - 1 - x, legend, A_NORMAL, false);
	}
	if (has_spark && trend)
		lk_draw_text(w, 3, x_spark, cols - x_spark, trend, h, false);
	for (int i = rp.top; i < d->n && LIST_TOP + i - rp.top < rows; i++) {
		const struct chart_row *c = &d->rows[i];
		int y = LIST_TOP + i - rp.top;
		lk_draw_text(w, y, 1, label_w, c->label, c->strong ? A_BOLD : A_NORMAL, false);
		if (has_sub)
			lk_draw_text(w, y, x_sub, sub_w, c->sub, A_NORMAL, false);
		attr_t bar_a = c->verdict == V_MET ? A_BOLD : A_NORMAL;
		if (c->n_parts > 0)
			lk_chart_stack(w, y, x_bar, bar_w, c->parts, c->n_parts, c->max, c->marks,
			               c->n_marks, bar_a, utf8);
		else
			lk_chart_bar(w, y, x_bar, bar_w, c->value, c->max, c->marks, c->n_marks, bar_a,
			             utf8);
		attr_t val_a = c->alarm ? A_REVERSE : c->verdict == V_MET ? A_BOLD : A_NORMAL;
		lk_draw_right(w, y, x_val + value_w, c->value_text, val_a);
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
	.about = N_("Pages: face to face, caseload, walk-in visits, feedback, statutory\n"
	                "contacts overdue and coming, TYM assessments, integration plans,\n"
	                "visits from other municipalities, meetings by channel, walk-in\n"
	                "arrivals by hour and by weekday. | is the target; a stacked bar's\n"
	                "fills are named over the bars; reverse marks what needs attention."),
	.open = open_report,
	.enter = enter,
	.draw = draw,
	.key = key,
	.status = status,
};
