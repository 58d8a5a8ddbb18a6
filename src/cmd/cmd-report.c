/*
 * cmd-report.c — `luukku report NAME [--from DATE] [--to DATE]
 * [--point ID|--municipality NAME] [--csv]`: the areas' targets at a glance
 * (issue 7). NAME is face-to-face, walk-in, caseload or feedback; human columns by
 * default, RFC 4180 CSV with a header row under --csv. The figures and the
 * targets come from store/report.h.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "cmd/cmd.h"
#include "i18n.h"
#include "store/csv-write.h"
#include "store/report.h"
#include "store/report-feedback.h"
#include "store/visit.h"

struct out {
	bool csv;
	long rows;
	int w[3];   /* widths of the numeric columns, from their headings */
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
		lk_csv_field(stdout, r->point_id, false);
		lk_csv_field(stdout, r->point_name, false);
		lk_csv_field(stdout, r->month, false);
		lk_csv_field(stdout, num(r->initial, a, sizeof a), false);
		lk_csv_field(stdout, num(r->initial_face, b, sizeof b), false);
		lk_csv_field(stdout, share(r->initial_face, r->initial, c, sizeof c), false);
		lk_csv_field(stdout, lk_target_text(ti, d, sizeof d), false);
		lk_csv_field(stdout, met(ti, r->initial_face, r->initial), false);
		lk_csv_field(stdout, num(r->jobsearch, e, sizeof e), false);
		lk_csv_field(stdout, num(r->jobsearch_face, g, sizeof g), false);
		lk_csv_field(stdout, share(r->jobsearch_face, r->jobsearch, h, sizeof h), false);
		lk_csv_field(stdout, lk_target_text(tj, d, sizeof d), false);
		lk_csv_field(stdout, met(tj, r->jobsearch_face, r->jobsearch), true);
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
print_walkin(const struct lk_walkin_row *r, void *vctx)
{
	struct out *o = vctx;
	char a[24], b[24], c[24], d[24], e[24];
	if (o->csv) {
		lk_csv_field(stdout, r->point_id, false);
		lk_csv_field(stdout, r->point_name, false);
		lk_csv_field(stdout, r->topic, false);
		lk_csv_field(stdout, num(r->visits, a, sizeof a), false);
		lk_csv_field(stdout, num(r->anonymous, b, sizeof b), false);
		lk_csv_field(stdout, num(r->identified, c, sizeof c), false);
		lk_csv_field(stdout, minutes(r->median_wait, d, sizeof d), false);
		lk_csv_field(stdout, minutes(r->median_service, e, sizeof e), true);
	} else {
		if (o->rows == 0) {
			cmd_col(_("Point"), 30);
			cmd_col(_("Topic"), 18);
			o->w[0] = width(_("Visits"), 6);
			o->w[1] = width(_("Anonymous"), 9);
			o->w[2] = width(_("Identified"), 10);
			cmd_col(_("Visits"), o->w[0]);
			cmd_col(_("Anonymous"), o->w[1]);
			cmd_col(_("Identified"), o->w[2]);
			cmd_col(_("Median wait"), 11);
			printf("%s\n", _("Median service"));
		}
		cmd_col(r->point_name, 30);
		cmd_col(_(lk_visit_topic_label(r->topic)), 18);
		printf("%*ld %*ld %*ld ", o->w[0], r->visits, o->w[1], r->anonymous, o->w[2],
		       r->identified);
		if (r->median_wait >= 0)
			snprintf(a, sizeof a, _("%.1f min"), r->median_wait);
		else
			snprintf(a, sizeof a, "–");
		cmd_col(a, 11);
		if (r->median_service >= 0)
			printf(_("%.1f min"), r->median_service);
		else
			fputs("–", stdout);
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
		lk_csv_field(stdout, r->staff_id, false);
		lk_csv_field(stdout, r->staff_name, false);
		lk_csv_field(stdout, r->point_id, false);
		lk_csv_field(stdout, num(r->clients, a, sizeof a), false);
		lk_csv_field(stdout, num((long)t->low, b, sizeof b), false);
		lk_csv_field(stdout, num((long)t->high, tgt, sizeof tgt), false);
		lk_csv_field(stdout, ok ? "1" : "0", true);
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
		lk_csv_field(stdout, r->point_id, false);
		lk_csv_field(stdout, r->point_name, false);
		lk_csv_field(stdout, r->month, false);
		lk_csv_field(stdout, num(r->count, n, sizeof n), false);
		lk_csv_field(stdout, mean, false);
		for (int i = 0; i < 5; i++)
			lk_csv_field(stdout, num(r->dist[i], n, sizeof n), false);
		lk_csv_field(stdout, words, true);
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

static const char *const f2f_header[] = { "point_id", "point", "month", "initial_interviews",
	"initial_face", "initial_face_pct", "initial_target_pct", "initial_met",
	"job_search_discussions", "job_search_face", "job_search_face_pct",
	"job_search_target_pct", "job_search_met", NULL };
static const char *const walkin_header[] = { "point_id", "point", "topic", "visits",
	"anonymous", "identified", "median_wait_min", "median_service_min", NULL };
static const char *const caseload_header[] = { "staff_id", "caseworker", "point_id", "clients",
	"target_min", "target_max", "within_target", NULL };

static void
csv_header(const char *const *h)
{
	for (; *h; h++)
		lk_csv_field(stdout, *h, h[1] == NULL);
}

static bool
parse_date(const struct cmd_ctx *ctx, const char *field, const char *s, lk_date *out,
           int *status)
{
	if (!lk_date_parse(s, out)) {
		*status = cmd_usage(ctx, field, _("'%s' is not a date (YYYY-MM-DD or d.m.yyyy)"), s);
		return false;
	}
	return true;
}

static int
exec_report(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "point", required_argument, NULL, 'p' },
		{ "municipality", required_argument, NULL, 'm' },
		{ "csv", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	struct lk_report_filter f = { .from = LK_NO_DATE, .to = LK_NO_DATE };
	struct out o = { 0 };
	int c, status = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'f') {
			if (!parse_date(ctx, "from", optarg, &f.from, &status))
				return status;
		} else if (c == 't') {
			if (!parse_date(ctx, "to", optarg, &f.to, &status))
				return status;
		} else if (c == 'p') {
			f.point_id = optarg;
		} else if (c == 'm') {
			f.municipality = optarg;
		} else if (c == 'c') {
			o.csv = true;
		} else {
			return cmd_bad_option(ctx, argv, c);
		}
	}
	if ((status = cmd_extra_args(ctx, argc, argv, 1)))
		return status;
	const char *name = argv[optind];
	if (strcmp(name, "face-to-face") && strcmp(name, "walk-in") && strcmp(name, "caseload") &&
	    strcmp(name, "feedback"))
		return cmd_usage(ctx, NULL,
		                 _("unknown report '%s' (face-to-face, walk-in, caseload, feedback)"),
		                 name);
	if (f.point_id && f.municipality)
		return cmd_usage(ctx, "municipality", _("give --point or --municipality, not both"));
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	enum lk_status rc = lk_report_check(st, &f, &err);
	if (rc == LK_OK && strcmp(name, "face-to-face") == 0) {
		if (o.csv)
			csv_header(f2f_header);
		rc = lk_report_face_to_face(st, &f, print_f2f, &o, &err);
	} else if (rc == LK_OK && strcmp(name, "walk-in") == 0) {
		if (o.csv)
			csv_header(walkin_header);
		rc = lk_report_walk_in(st, &f, print_walkin, &o, &err);
	} else if (rc == LK_OK && strcmp(name, "feedback") == 0) {
		if (o.csv)
			csv_header(feedback_header);
		rc = lk_report_feedback(st, &f, true, print_feedback, &o, &err);
	} else if (rc == LK_OK) {
		if (o.csv)
			csv_header(caseload_header);
		rc = lk_report_caseload(st, &f, print_caseload, &o, &err);
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
	"face-to-face|walk-in|caseload|feedback [--from DATE] [--to DATE] [--point ID|--municipality NAME] [--csv]",
	N_("the areas' targets: face-to-face shares, walk-in visits, caseloads, feedback"), exec_report,
};
