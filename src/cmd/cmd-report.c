/*
 * cmd-report.c — `luukku report NAME [--from DATE] [--to DATE]
 * [--point ID|--municipality NAME] [--csv]`: the areas' targets at a glance
 * (issue 7). NAME is face-to-face, walk-in (--by topic|hour|weekday),
 * caseload, cadence (--within DAYS), tym, integration, outside-home,
 * channels, feedback or events; human columns by default, RFC 4180 CSV with a header row under
 * --csv. The figures and the targets come from report/report.h.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/appointment.h"
#include "store/csv-write.h"
#include "report/report.h"
#include "report/report-events.h"
#include "report/report-feedback.h"
#include "store/visit.h"

#define MAX_COLS 24

/* --tsv: the same rows as --csv, tab-separated (machine codes, ISO dates). */
static bool tsv_cells;

/* One machine-readable cell: CSV, or TSV under --tsv. */
static void
cell(const char *s, bool last)
{
	if (tsv_cells)
		cmd_tsv(stdout, s, last);
	else
		lk_csv_field(stdout, s, last);
}

struct out {
	bool csv;
	long rows;
	int w[3];   /* widths of the numeric columns, from their headings */
	int cw[MAX_COLS];   /* widths of a table's columns (emit) */
	enum lk_walkin_by by;
	int within;
	lk_date day;
};

/* The display width of a heading, at least `min`: numbers line up under a
 * heading however long its translation. */
static int
width(const char *s, int min)
{
	wchar_t w[128];
	size_t n = mbstowcs(w, s, sizeof w / sizeof w[0] - 1);
	int cols = n == (size_t)-1 ? (int)strlen(s) : wcswidth(w, n);
	return cols > min ? cols : min;
}

/* A share in per cent with one decimal ("75.0"), "" when there is none. */
static const char *
share(long part, long whole, char *buf, size_t size)
{
	if (whole <= 0)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%.1f", 100.0 * (double)part / (double)whole);
	return buf;
}

static const char *
num(long v, char *buf, size_t size)
{
	snprintf(buf, size, "%ld", v);
	return buf;
}

/* Minutes with one decimal, "" for none (-1). */
static const char *
minutes(double v, char *buf, size_t size)
{
	if (v < 0)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%.1f", v);
	return buf;
}

static const char *
met(const struct lk_target *t, long part, long whole)
{
	if (whole <= 0)
		return "";
	return lk_target_met(t, 100.0 * (double)part / (double)whole) ? "1" : "0";
}

static void
f2f_human_share(const struct lk_target *t, long part, long whole)
{
	char cell[64], pct[16], tgt[24];
	snprintf(cell, sizeof cell, "%ld/%ld", part, whole);
	cmd_col(cell, 7);
	if (whole > 0)
		snprintf(cell, sizeof cell, "%s %%", share(part, whole, pct, sizeof pct));
	else
		snprintf(cell, sizeof cell, "–");
	cmd_col(cell, 7);
	snprintf(cell, sizeof cell, "%s %%", lk_target_text(t, tgt, sizeof tgt));
	cmd_col(cell, 7);
	const char *m = met(t, part, whole);
	cmd_col(*m == '1' ? _("met") : *m == '0' ? _("below") : "", 7);
}

static int
print_f2f(const struct lk_f2f_row *r, void *vctx)
{
	struct out *o = vctx;
	const struct lk_target *ti = &lk_targets[LK_TARGET_F2F_INITIAL];
	const struct lk_target *tj = &lk_targets[LK_TARGET_F2F_JOBSEARCH];
	char a[24], b[24], c[24], d[24], e[24], g[24], h[24];
	if (o->csv) {
		cell(r->point_id, false);
		cell(r->point_name, false);
		cell(r->month, false);
		cell(num(r->initial, a, sizeof a), false);
		cell(num(r->initial_face, b, sizeof b), false);
		cell(share(r->initial_face, r->initial, c, sizeof c), false);
		cell(lk_target_text(ti, d, sizeof d), false);
		cell(met(ti, r->initial_face, r->initial), false);
		cell(num(r->jobsearch, e, sizeof e), false);
		cell(num(r->jobsearch_face, g, sizeof g), false);
		cell(share(r->jobsearch_face, r->jobsearch, h, sizeof h), false);
		cell(lk_target_text(tj, d, sizeof d), false);
		cell(met(tj, r->jobsearch_face, r->jobsearch), true);
	} else {
		if (o->rows == 0) {
			cmd_col(_("Point"), 30);
			cmd_col(_("Month"), 7);
			cmd_col(_("Initial interviews face to face"), 31);
			printf("%s\n", _("Job-search discussions face to face"));
		}
		cmd_col(r->point_name, 30);
		cmd_col(r->month, 7);
		f2f_human_share(ti, r->initial_face, r->initial);
		f2f_human_share(tj, r->jobsearch_face, r->jobsearch);
		putchar('\n');
	}
	o->rows++;
	return 0;
}

static int
print_caseload(const struct lk_caseload_row *r, void *vctx)
{
	struct out *o = vctx;
	const struct lk_target *t = &lk_targets[LK_TARGET_CASELOAD];
	char a[24], b[24], tgt[24];
	bool ok = lk_target_met(t, (double)r->clients);
	if (o->csv) {
		cell(r->staff_id, false);
		cell(r->staff_name, false);
		cell(r->point_id, false);
		cell(num(r->clients, a, sizeof a), false);
		cell(num((long)t->low, b, sizeof b), false);
		cell(num((long)t->high, tgt, sizeof tgt), false);
		cell(ok ? "1" : "0", true);
	} else {
		if (o->rows == 0) {
			cmd_col(_("Caseworker"), 30);
			cmd_col(_("Point"), 30);
			o->w[0] = width(_("Clients"), 7);
			cmd_col(_("Clients"), o->w[0]);
			cmd_col(_("Target"), 7);
			putchar('\n');
		}
		cmd_col(r->staff_name, 30);
		cmd_col(r->point_id, 30);
		printf("%*ld ", o->w[0], r->clients);
		cmd_col(lk_target_text(t, tgt, sizeof tgt), 7);
		printf("%s\n", ok ? _("within") : r->clients < t->low ? _("below") : _("above"));
	}
	o->rows++;
	return 0;
}

/* ---- tables by column (the reports after the first three) ---------------- */

/* A column: its CSV name (NULL: shown to people only) and its heading
 * (msgid; NULL: CSV only), at least `width` display columns, numbers
 * right-aligned. A table ends with a column that has neither. */
struct col {
	const char *csv;
	const char *head;
	int width;
	bool right;
};

static void
csv_cols(const struct col *cols)
{
	int last = -1;
	for (int i = 0; cols[i].csv || cols[i].head; i++)
		if (cols[i].csv)
			last = i;
	for (int i = 0; i <= last; i++)
		if (cols[i].csv)
			cell(cols[i].csv, i == last);
}

/* s right-aligned in w display columns. */
static void
right(const char *s, int w)
{
	for (int pad = w - width(s, 0); pad > 0; pad--)
		putchar(' ');
	fputs(s, stdout);
}

/* One row: CSV fields, or human columns under headings printed with the
 * first row. cells[] runs alongside cols[]. */
static void
emit(struct out *o, const struct col *cols, const char *const *cells)
{
	if (o->csv) {
		int last = -1;
		for (int i = 0; cols[i].csv || cols[i].head; i++)
			if (cols[i].csv)
				last = i;
		for (int i = 0; i <= last; i++)
			if (cols[i].csv)
				cell(cells[i], i == last);
		o->rows++;
		return;
	}
	int last = -1;
	for (int i = 0; cols[i].csv || cols[i].head; i++)
		if (cols[i].head)
			last = i;
	for (int row = o->rows == 0 ? 0 : 1; row < 2; row++) {
		for (int i = 0; i <= last && i < MAX_COLS; i++) {
			if (!cols[i].head)
				continue;
			const char *c;
			if (row == 0) {
				/* "" heads a verdict column, as wide as its words
				 * (gettext("") would be the catalog's header) */
				c = cols[i].head[0] ? _(cols[i].head) : "";
				o->cw[i] = width(c, cols[i].width);
				if (!*c)
					o->cw[i] = width(_("met"), width(_("below"), o->cw[i]));
			} else {
				c = cells[i][0] ? cells[i] : "–";
			}
			if (cols[i].right) {
				right(c, o->cw[i]);
				putchar(i == last ? '\n' : ' ');
			} else if (i == last) {
				printf("%s\n", c);
			} else {
				cmd_col(c, o->cw[i]);
			}
		}
	}
	o->rows++;
}

/* "3/4 75.0 %" for people, "" when there is nothing to share. */
static const char *
fraction(long part, long whole, char *buf, size_t size)
{
	char pct[16];
	if (whole <= 0)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%ld/%ld %s %%", part, whole, share(part, whole, pct, sizeof pct));
	return buf;
}

/* "met" or "below" for people, "1" or "0" in CSV, "" without a share. */
static const char *
verdict(const struct out *o, const struct lk_target *t, long part, long whole)
{
	const char *m = met(t, part, whole);
	if (o->csv || !*m)
		return m;
	return *m == '1' ? _("met") : _("below");
}

static const char *const weekdays[] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

static const struct col walkin_cols[] = {
	{ "point_id", NULL, 0, false },
	{ "point", N_("Point"), 30, false },
	{ "topic", N_("Topic"), 18, false },   /* or hour, weekday: see print_walkin */
	{ "visits", N_("Visits"), 6, true },
	{ "anonymous", N_("Anonymous"), 9, true },
	{ "identified", N_("Identified"), 10, true },
	{ "median_wait_min", N_("Median wait"), 11, false },
	{ "median_service_min", N_("Median service"), 14, false },
	{ "no_shows", N_("No-shows"), 8, true },
	{ "referred", N_("Referred"), 8, true },
	{ NULL, NULL, 0, false },
};
static const struct col walkin_hour_cols[] = {
	{ "point_id", NULL, 0, false }, { "point", N_("Point"), 30, false },
	{ "hour", N_("Hour"), 11, false },
};
static const struct col walkin_weekday_cols[] = {
	{ "point_id", NULL, 0, false }, { "point", N_("Point"), 30, false },
	{ "weekday", N_("Weekday"), 7, false },
};

#define WALKIN_COLS (sizeof walkin_cols / sizeof walkin_cols[0])

/* The walk-in table for a grouping: the third column names it. */
static void
walkin_table(enum lk_walkin_by by, struct col *cols)
{
	memcpy(cols, walkin_cols, sizeof walkin_cols);
	if (by == LK_WALKIN_BY_HOUR)
		cols[2] = walkin_hour_cols[2];
	else if (by == LK_WALKIN_BY_WEEKDAY)
		cols[2] = walkin_weekday_cols[2];
}

static int
print_walkin(const struct lk_walkin_row *r, void *vctx)
{
	struct out *o = vctx;
	struct col cols[WALKIN_COLS];
	walkin_table(o->by, cols);
	char key[32], a[24], b[24], c[24], d[24], e[24], g[24], h[24];
	if (o->by == LK_WALKIN_BY_HOUR) {
		if (o->csv)
			snprintf(key, sizeof key, "%d", r->hour);
		else
			snprintf(key, sizeof key, "%02d–%02d", r->hour, (r->hour + 1) % 24);
	} else if (o->by == LK_WALKIN_BY_WEEKDAY) {
		if (o->csv)
			snprintf(key, sizeof key, "%d", r->weekday);
		else
			snprintf(key, sizeof key, "%s",
			         r->weekday >= 1 && r->weekday <= 7 ? _(weekdays[r->weekday - 1]) : "");
	} else {
		snprintf(key, sizeof key, "%s", o->csv ? r->topic : _(lk_visit_topic_label(r->topic)));
	}
	if (o->csv) {
		minutes(r->median_wait, d, sizeof d);
		minutes(r->median_service, e, sizeof e);
	} else {
		if (r->median_wait >= 0)
			snprintf(d, sizeof d, _("%.1f min"), r->median_wait);
		else
			d[0] = '\0';
		if (r->median_service >= 0)
			snprintf(e, sizeof e, _("%.1f min"), r->median_service);
		else
			e[0] = '\0';
	}
	const char *cells[] = { r->point_id, r->point_name, key, num(r->visits, a, sizeof a),
		num(r->anonymous, b, sizeof b), num(r->identified, c, sizeof c), d, e,
		num(r->no_shows, g, sizeof g), num(r->referred, h, sizeof h) };
	emit(o, cols, cells);
	return 0;
}

static const struct col cadence_cols[] = {
	{ "level", NULL, 0, false },
	{ "point_id", NULL, 0, false },
	{ "point", N_("Point"), 30, false },
	{ "staff_id", NULL, 0, false },
	{ "caseworker", N_("Caseworker"), 30, false },
	{ "clients", N_("Clients"), 7, true },
	{ "clients_overdue", N_("Clients late"), 7, true },
	{ "overdue", N_("Overdue"), 7, true },
	{ "coming", N_("Coming"), 6, true },
	{ "as_of", NULL, 0, false },
	{ "within_days", NULL, 0, false },
	{ NULL, NULL, 0, false },
};

static int
print_cadence(const struct lk_cadence_row *r, void *vctx)
{
	struct out *o = vctx;
	static const char *const levels[] = {
		[LK_CADENCE_CASEWORKER] = "caseworker", [LK_CADENCE_POINT] = "point",
		[LK_CADENCE_UNASSIGNED] = "unassigned",
	};
	char a[24], b[24], c[24], d[24], day[16], w[16];
	const char *who = r->staff_name, *where = r->point_name;
	if (!o->csv && r->level == LK_CADENCE_POINT)
		who = _("all caseworkers");
	else if (!o->csv && r->level == LK_CADENCE_UNASSIGNED)
		who = _("no caseworker"), where = "";
	const char *cells[] = { levels[r->level], r->point_id, where, r->staff_id, who,
		num(r->clients, a, sizeof a), num(r->clients_overdue, b, sizeof b),
		num(r->overdue, c, sizeof c), num(r->coming, d, sizeof d),
		lk_date_iso(o->day, day, sizeof day), num(o->within, w, sizeof w) };
	emit(o, cadence_cols, cells);
	return 0;
}

static const struct col tym_cols[] = {
	{ "point_id", NULL, 0, false },
	{ "point", N_("Point"), 30, false },
	{ "open_cases", N_("Open cases"), 10, true },
	{ "opened", N_("Opened"), 6, true },
	{ "assessed_in_time", NULL, 0, false },
	{ "assessed_late", NULL, 0, false },
	{ "assessment_pending", NULL, 0, false },
	{ "assessed_in_time_pct", N_("Assessed within 3 months"), 24, false },
	{ "assessment_target_pct", N_("Target"), 7, false },
	{ "assessment_met", "", 5, false },
	{ "plan_updates_due", NULL, 0, false },
	{ "plan_updates_on_time", NULL, 0, false },
	{ "plan_updates_on_time_pct", N_("Plan updates on time"), 20, false },
	{ "past_18_months", N_("Past 18 months"), 14, true },
	{ NULL, NULL, 0, false },
};

static int
print_tym(const struct lk_tym_report_row *r, void *vctx)
{
	struct out *o = vctx;
	const struct lk_target *t = &lk_targets[LK_TARGET_TYM_ASSESSMENT];
	char a[24], b[24], c[24], d[24], e[24], g[40], h[32], i[24], j[24], k[40], l[24];
	long decided = r->assessed_in_time + r->assessed_late;
	lk_target_text(t, h, sizeof h);
	if (!o->csv)
		strcat(h, " %");
	if (o->csv) {
		share(r->assessed_in_time, decided, g, sizeof g);
		share(r->updates_on_time, r->updates_due, k, sizeof k);
	} else {
		fraction(r->assessed_in_time, decided, g, sizeof g);
		fraction(r->updates_on_time, r->updates_due, k, sizeof k);
	}
	const char *cells[] = { r->point_id, r->point_id[0] || o->csv ? r->point_name : _("no caseworker"),
		num(r->open, a, sizeof a), num(r->opened, b, sizeof b),
		num(r->assessed_in_time, c, sizeof c), num(r->assessed_late, d, sizeof d),
		num(r->assessment_pending, e, sizeof e), g, h,
		verdict(o, t, r->assessed_in_time, decided), num(r->updates_due, i, sizeof i),
		num(r->updates_on_time, j, sizeof j), k, num(r->past_18_months, l, sizeof l) };
	emit(o, tym_cols, cells);
	return 0;
}

static const struct col integration_cols[] = {
	{ "municipality_id", NULL, 0, false },
	{ "municipality", N_("Municipality"), 20, false },
	{ "clients", N_("Clients"), 7, true },
	{ "plan_in_time", NULL, 0, false },
	{ "in_time_pct", N_("Plan within 30 days"), 19, false },
	{ "target_pct", N_("Target"), 7, false },
	{ "met", "", 5, false },
	{ "plan_late", N_("Late"), 4, true },
	{ "waiting_over_30_days", N_("Waiting, late"), 13, true },
	{ "waiting", N_("Waiting"), 7, true },
	{ NULL, NULL, 0, false },
};

static int
print_integration(const struct lk_integration_row *r, void *vctx)
{
	struct out *o = vctx;
	const struct lk_target *t = &lk_targets[LK_TARGET_INTEGRATION];
	char a[24], b[24], c[24], d[24], e[24], g[40], h[32];
	long decided = r->in_time + r->late + r->waiting_over;
	lk_target_text(t, h, sizeof h);
	if (!o->csv)
		strcat(h, " %");
	if (o->csv)
		share(r->in_time, decided, g, sizeof g);
	else
		fraction(r->in_time, decided, g, sizeof g);
	const char *cells[] = { r->municipality_id,
		r->municipality_id[0] || o->csv ? r->municipality : _("unknown"),
		num(r->clients, a, sizeof a), num(r->in_time, b, sizeof b), g, h,
		verdict(o, t, r->in_time, decided), num(r->late, c, sizeof c),
		num(r->waiting_over, d, sizeof d), num(r->waiting, e, sizeof e) };
	emit(o, integration_cols, cells);
	return 0;
}

static const struct col outside_cols[] = {
	{ "point_id", NULL, 0, false },
	{ "point", N_("Point"), 30, false },
	{ "home_municipality_id", NULL, 0, false },
	{ "home_municipality", N_("Home municipality"), 20, false },
	{ "appointments", N_("Appointments"), 12, true },
	{ "walk_ins", N_("Walk-in visits"), 14, true },
	{ "visits", N_("Visits"), 6, true },
	{ NULL, NULL, 0, false },
};

static int
print_outside(const struct lk_outside_row *r, void *vctx)
{
	struct out *o = vctx;
	char a[24], b[24], c[24];
	const char *cells[] = { r->point_id, r->point_name, r->home_id, r->home,
		num(r->appointments, a, sizeof a), num(r->walk_ins, b, sizeof b),
		num(r->appointments + r->walk_ins, c, sizeof c) };
	emit(o, outside_cols, cells);
	return 0;
}

/* Municipality, meetings, then per channel its count and share (CSV) or
 * "n (p %)" (people). */
static struct col channel_cols[3 + 2 * LK_REPORT_CHANNELS + 1];
static char channel_csv[2 * LK_REPORT_CHANNELS][32];

static void
channel_table(void)
{
	struct col *c = channel_cols;
	*c++ = (struct col){ "municipality_id", NULL, 0, false };
	*c++ = (struct col){ "municipality", N_("Municipality"), 20, false };
	*c++ = (struct col){ "meetings", N_("Meetings"), 8, true };
	for (int i = 0; i < LK_REPORT_CHANNELS && lk_channels[i]; i++) {
		char *n = channel_csv[2 * i], *p = channel_csv[2 * i + 1];
		snprintf(n, 32, "%s", lk_channels[i]);
		snprintf(p, 32, "%s_pct", lk_channels[i]);
		for (char *q = n; *q; q++)
			if (*q == '-')
				*q = '_';
		for (char *q = p; *q; q++)
			if (*q == '-')
				*q = '_';
		*c++ = (struct col){ n, NULL, 0, false };
		*c++ = (struct col){ p, lk_channel_label(lk_channels[i]), 14, true };
	}
	*c = (struct col){ NULL, NULL, 0, false };
}

static int
print_channels(const struct lk_channel_row *r, void *vctx)
{
	struct out *o = vctx;
	char m[24], cnt[LK_REPORT_CHANNELS][24], pct[LK_REPORT_CHANNELS][40];
	const char *cells[3 + 2 * LK_REPORT_CHANNELS] = { r->municipality_id,
		r->municipality_id[0] || o->csv ? r->municipality : _("unknown"),
		num(r->meetings, m, sizeof m) };
	for (int i = 0; i < LK_REPORT_CHANNELS; i++) {
		num(r->by_channel[i], cnt[i], sizeof cnt[i]);
		if (o->csv) {
			share(r->by_channel[i], r->meetings, pct[i], sizeof pct[i]);
		} else {
			char p[16];
			snprintf(pct[i], sizeof pct[i], "%ld (%s %%)", r->by_channel[i],
			         share(r->by_channel[i], r->meetings, p, sizeof p));
		}
		cells[3 + 2 * i] = cnt[i];
		cells[4 + 2 * i] = pct[i];
	}
	emit(o, channel_cols, cells);
	return 0;
}

static const char *const f2f_header[] = { "point_id", "point", "month", "initial_interviews",
	"initial_face", "initial_face_pct", "initial_target_pct", "initial_met",
	"job_search_discussions", "job_search_face", "job_search_face_pct",
	"job_search_target_pct", "job_search_met", NULL };
static const char *const caseload_header[] = { "staff_id", "caseworker", "point_id", "clients",
	"target_min", "target_max", "within_target", NULL };

static void
csv_header(const char *const *h)
{
	for (; *h; h++)
		cell(*h, h[1] == NULL);
}

/* feedback: per point and month, the count, mean, 1–5 and the words. */
static const char *const feedback_header[] = { "point_id", "point", "month", "answers", "mean",
	"score_1", "score_2", "score_3", "score_4", "score_5", "top_words", NULL };

static int
print_feedback(const struct lk_feedback_row *r, void *vctx)
{
	struct out *o = vctx;
	char mean[24], words[512] = "", n[24];
	size_t len = 0;
	snprintf(mean, sizeof mean, "%.2f", r->mean);
	for (int i = 0; i < r->n_words && len < sizeof words; i++) {
		int w = snprintf(words + len, sizeof words - len, "%s%s (%ld)", i ? ", " : "",
		                 r->words[i].word, r->words[i].n);
		if (w > 0)
			len += (size_t)w;
	}
	if (o->csv) {
		cell(r->point_id, false);
		cell(r->point_name, false);
		cell(r->month, false);
		cell(num(r->count, n, sizeof n), false);
		cell(mean, false);
		for (int i = 0; i < 5; i++)
			cell(num(r->dist[i], n, sizeof n), false);
		cell(words, true);
	} else {
		if (o->rows == 0) {
			cmd_col(_("Point"), 30);
			cmd_col(_("Month"), 7);
			o->w[0] = width(_("Answers"), 7);
			o->w[1] = width(_("Mean"), 4);
			cmd_col(_("Answers"), o->w[0]);
			cmd_col(_("Mean"), o->w[1]);
			printf("%3s %3s %3s %3s %3s %s\n", "1", "2", "3", "4", "5", _("Words"));
		}
		cmd_col(r->point_name, 30);
		cmd_col(r->month, 7);
		printf("%*ld %*s %3ld %3ld %3ld %3ld %3ld %s\n", o->w[0], r->count, o->w[1], mean,
		       r->dist[0], r->dist[1], r->dist[2], r->dist[3], r->dist[4], words);
	}
	o->rows++;
	return 0;
}

/* events: per point and kind, the events and their lists. */
static const struct col events_cols[] = {
	{ "point_id", NULL, 0, false },
	{ "point", N_("Point"), 30, false },
	{ "kind", N_("Kind"), 9, false },
	{ "events", N_("Events"), 6, true },
	{ "invited", N_("Invited"), 7, true },
	{ "signed_up", N_("Signed up"), 9, true },
	{ "waiting", N_("Waiting"), 7, true },
	{ "attended", N_("Attended"), 8, true },
	{ "no_shows", N_("No-shows"), 8, true },
	{ "head_count", N_("Head count"), 10, true },
	{ NULL, NULL, 0, false },
};

static int
print_events(const struct lk_events_row *r, void *vctx)
{
	struct out *o = vctx;
	char n[7][24];
	const long v[] = { r->events, r->invited, r->signed_up, r->waiting, r->attended,
	                   r->no_shows, r->head_count };
	for (int i = 0; i < 7; i++)
		num(v[i], n[i], sizeof n[i]);
	const char *cells[] = { r->point_id, r->point_name, r->kind, n[0], n[1], n[2], n[3], n[4],
	                        n[5], n[6] };
	emit(o, events_cols, cells);
	return 0;
}

static const char *const reports[] = {
	"face-to-face", "walk-in", "caseload", "cadence", "tym", "integration", "outside-home",
	"channels", "feedback", "events", NULL,
};
static const char *const groupings[] = {
	[LK_WALKIN_BY_TOPIC] = "topic", [LK_WALKIN_BY_HOUR] = "hour",
	[LK_WALKIN_BY_WEEKDAY] = "weekday", NULL,
};

static int
find(const char *const *list, const char *s)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

#define DEFAULT_WITHIN 14   /* days ahead that count as coming (issue 7) */

static int
exec_report(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct lk_report_filter f = { .from = LK_NO_DATE, .to = LK_NO_DATE };
	struct out o = { .within = DEFAULT_WITHIN };
	int by = LK_WALKIN_BY_TOPIC;
	struct cmd_opt opts[] = {
		CMD_DATE("from", &f.from),
		CMD_DATE("to", &f.to),
		CMD_STRING("point", &f.point_id),
		CMD_STRING("municipality", &f.municipality),
		CMD_FLAG("csv", &o.csv),
		CMD_FLAG("tsv", &tsv_cells),
		CMD_WORD("by", &by, groupings, N_("'%s' is not topic, hour or weekday")),
		CMD_INT("within", &o.within, 0, 366),
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 1)))
		return status;
	o.by = (enum lk_walkin_by)by;
	if (o.csv && tsv_cells)
		return cmd_usage(ctx, "tsv", _("give --csv or --tsv, not both"));
	o.csv = o.csv || tsv_cells;
	const char *name = argv[optind];
	int which = find(reports, name);
	if (which < 0)
		return cmd_usage(ctx, NULL, _("unknown report '%s' (face-to-face, walk-in, caseload, "
		                              "cadence, tym, integration, outside-home, channels, feedback, "
		                              "events)"),
		                 name);
	if (cmd_opt_seen(opts, "by") && strcmp(name, "walk-in"))
		return cmd_usage(ctx, "by", _("only the walk-in report is grouped by --by"));
	if (cmd_opt_seen(opts, "within") && strcmp(name, "cadence"))
		return cmd_usage(ctx, "within", _("only the cadence report looks ahead --within days"));
	if (f.point_id && f.municipality)
		return cmd_usage(ctx, "municipality", _("give --point or --municipality, not both"));
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	enum lk_status rc = lk_report_check(st, &f, &err);
	o.day = lk_report_day(&f);
	struct col wcols[WALKIN_COLS];
	if (rc != LK_OK) {
		/* reported below */
	} else if (strcmp(name, "face-to-face") == 0) {
		if (o.csv)
			csv_header(f2f_header);
		rc = lk_report_face_to_face(st, &f, print_f2f, &o, &err);
	} else if (strcmp(name, "walk-in") == 0) {
		walkin_table(o.by, wcols);
		if (o.csv)
			csv_cols(wcols);
		rc = lk_report_walk_in_by(st, &f, o.by, print_walkin, &o, &err);
	} else if (strcmp(name, "caseload") == 0) {
		if (o.csv)
			csv_header(caseload_header);
		rc = lk_report_caseload(st, &f, print_caseload, &o, &err);
	} else if (strcmp(name, "cadence") == 0) {
		if (o.csv) {
			csv_cols(cadence_cols);
		} else {
			char d[16];
			printf(_("As of %s; coming: due within %d days.\n"),
			       lk_date_fi(o.day, d, sizeof d), o.within);
		}
		rc = lk_report_cadence(st, &f, o.within, print_cadence, &o, &err);
	} else if (strcmp(name, "tym") == 0) {
		if (o.csv)
			csv_cols(tym_cols);
		rc = lk_report_tym(st, &f, print_tym, &o, &err);
	} else if (strcmp(name, "integration") == 0) {
		if (o.csv)
			csv_cols(integration_cols);
		rc = lk_report_integration(st, &f, print_integration, &o, &err);
	} else if (strcmp(name, "outside-home") == 0) {
		if (o.csv)
			csv_cols(outside_cols);
		rc = lk_report_outside_home(st, &f, print_outside, &o, &err);
	} else if (strcmp(name, "feedback") == 0) {
		if (o.csv)
			csv_header(feedback_header);
		rc = lk_report_feedback(st, &f, true, print_feedback, &o, &err);
	} else if (strcmp(name, "events") == 0) {
		if (o.csv)
			csv_cols(events_cols);
		rc = lk_report_events(st, &f, print_events, &o, &err);
	} else {
		channel_table();
		if (o.csv)
			csv_cols(channel_cols);
		rc = lk_report_channels(st, &f, print_channels, &o, &err);
	}
	if (rc != LK_OK)
		status = cmd_fail(ctx, &err);
	else if (!o.csv && o.rows == 0)
		printf("%s\n", _("Nothing to report."));
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_report_entry = {
	"report", NULL,
	"face-to-face|walk-in|caseload|cadence|tym|integration|outside-home|channels|feedback|events"
	" [--from DATE] [--to DATE] [--point ID|--municipality NAME] [--csv|--tsv]"
	" [--by topic|hour|weekday] [--within DAYS]",
	N_("the areas' targets: face-to-face shares, walk-in visits, caseloads, the statutory "
	   "cadence, TYM, integration plans, visits outside the home municipality, channels, feedback, "
	   "events"),
	exec_report,
};
