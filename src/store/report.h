/*
 * report.h — the figures the areas report against their own targets
 * (domain.md, "Targets the areas report"; issue 7): face-to-face shares of
 * initial interviews and job-search discussions, Piste walk-in visits with
 * their waiting and service times, and caseworkers' caseloads. Each report
 * walks its rows through a callback; the targets are one data table.
 */
#ifndef LK_REPORT_H
#define LK_REPORT_H

#include <stdbool.h>

#include "core/date.h"
#include "store/store.h"

/* A target: the share or count is met when above `low` (or at it, unless
 * `low_strict`) and, when has_high, at most `high`. */
struct lk_target {
	const char *code;       /* "f2f-initial" */
	const char *label;      /* English msgid */
	const char *cite;       /* where the target comes from */
	double low;
	bool low_strict;
	bool has_high;
	double high;
};

enum lk_target_id { LK_TARGET_F2F_INITIAL, LK_TARGET_F2F_JOBSEARCH, LK_TARGET_CASELOAD };
extern const struct lk_target lk_targets[];   /* indexed by enum lk_target_id */

bool lk_target_met(const struct lk_target *t, double value);
/* The target as text: ">= 75", "> 50", "100-200" (buf >= 24). Returns buf. */
char *lk_target_text(const struct lk_target *t, char *buf, size_t size);

/* What a report covers: days from..to (either may be LK_NO_DATE), one
 * point or one municipality (id or name), or the whole area. */
struct lk_report_filter {
	lk_date from, to;
	const char *point_id;       /* NULL: every point */
	const char *municipality;   /* NULL: every municipality */
	char municipality_id[64];   /* set by lk_report_check */
};

/* Check the filter against the database: LK_EINPUT naming "point" or
 * "municipality" when unknown, "to" when to < from. Resolves the
 * municipality to its id. */
enum lk_status lk_report_check(struct lk_store *st, struct lk_report_filter *f,
                               struct lk_err *err);

/* Done meetings by the point they were held at and month. */
struct lk_f2f_row {
	char point_id[64];
	char point_name[128];
	char month[8];                 /* "2026-03" */
	long initial, initial_face;    /* alkuhaastattelu */
	long jobsearch, jobsearch_face; /* tyonhakukeskustelu */
};
typedef int (*lk_f2f_cb)(const struct lk_f2f_row *r, void *ctx);
enum lk_status lk_report_face_to_face(struct lk_store *st, const struct lk_report_filter *f,
                                      lk_f2f_cb cb, void *ctx, struct lk_err *err);

/* Piste visits by point and topic (arrival day in the filter's range).
 * Medians in minutes over the visits that have both events; -1 for none. */
struct lk_walkin_row {
	char point_id[64];
	char point_name[128];
	char topic[16];
	long visits, anonymous, identified;
	double median_wait;      /* called - arrived */
	double median_service;   /* ended - served */
};
typedef int (*lk_walkin_cb)(const struct lk_walkin_row *r, void *ctx);
enum lk_status lk_report_walk_in(struct lk_store *st, const struct lk_report_filter *f,
                                 lk_walkin_cb cb, void *ctx, struct lk_err *err);

/* Clients per responsible caseworker: every active 'caseworker' and anyone
 * else responsible for a client, by their home point; a client counts
 * unless the job search ended before the filter's `to` (else today). */
struct lk_caseload_row {
	char staff_id[64];
	char staff_name[256];    /* "Surname, Given names" */
	char point_id[64];
	long clients;
};
typedef int (*lk_caseload_cb)(const struct lk_caseload_row *r, void *ctx);
enum lk_status lk_report_caseload(struct lk_store *st, const struct lk_report_filter *f,
                                  lk_caseload_cb cb, void *ctx, struct lk_err *err);

#endif
