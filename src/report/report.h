/*
 * report.h — the figures the areas report against their own targets
 * (docs/rules.md#targets; issue 7): face-to-face shares of
 * initial interviews and job-search discussions, Piste walk-in visits with
 * their waiting and service times, caseworkers' caseloads, the statutory
 * cadence, TYM cases, integration-plan waits, visits outside the home
 * municipality and the channel mix. Each report walks its rows through a
 * callback; the targets are one data table. The statutory rules are
 * core/cadence.c's: the reports ask it, never restate it.
 */
#ifndef LK_REPORT_REPORT_H
#define LK_REPORT_REPORT_H

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

enum lk_target_id {
	LK_TARGET_F2F_INITIAL, LK_TARGET_F2F_JOBSEARCH, LK_TARGET_CASELOAD,
	LK_TARGET_TYM_ASSESSMENT, LK_TARGET_INTEGRATION,
};
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

/* Piste visits by point and topic, hour or weekday (arrival day in the
 * filter's range). Medians in minutes over the visits that have both
 * events; -1 for none. No-shows and referrals are the queue's outcomes. */
enum lk_walkin_by { LK_WALKIN_BY_TOPIC, LK_WALKIN_BY_HOUR, LK_WALKIN_BY_WEEKDAY };
struct lk_walkin_row {
	char point_id[64];
	char point_name[128];
	char topic[16];          /* by topic; "" otherwise */
	long visits, anonymous, identified;
	double median_wait;      /* called - arrived */
	double median_service;   /* ended - served */
	long no_shows, referred;
	int hour;                /* by hour: 0-23 of the arrival; else -1 */
	int weekday;             /* by weekday: 1 Monday .. 7 Sunday; else -1 */
};
typedef int (*lk_walkin_cb)(const struct lk_walkin_row *r, void *ctx);
/* By topic. */
enum lk_status lk_report_walk_in(struct lk_store *st, const struct lk_report_filter *f,
                                 lk_walkin_cb cb, void *ctx, struct lk_err *err);
enum lk_status lk_report_walk_in_by(struct lk_store *st, const struct lk_report_filter *f,
                                    enum lk_walkin_by by, lk_walkin_cb cb, void *ctx,
                                    struct lk_err *err);

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

/* The day a report stands on: the filter's `to`, else today (lk_today,
 * which a test build lets LUUKKU_NOW pin). */
lk_date lk_report_day(const struct lk_report_filter *f);

/* Statutory cadence (core/cadence.c through store/due.c) as of
 * lk_report_day: per responsible caseworker, then a total per their home
 * point, then one row for clients without a caseworker (only when no
 * point or municipality is asked for). A client counts unless the job
 * search ended before the day. Overdue: items not done whose due date has
 * passed (and is on or after `from` when given); coming: open items due
 * within `within` days of the day. --point and --municipality are the
 * caseworker's home point and its municipality. */
enum lk_cadence_level { LK_CADENCE_CASEWORKER, LK_CADENCE_POINT, LK_CADENCE_UNASSIGNED };
struct lk_cadence_row {
	enum lk_cadence_level level;
	char staff_id[64];       /* "" unless a caseworker's row */
	char staff_name[256];
	char point_id[64];       /* "" for clients without a caseworker */
	char point_name[128];
	long clients;
	long overdue, coming;    /* items */
	long clients_overdue;    /* clients with at least one overdue item */
};
typedef int (*lk_cadence_cb)(const struct lk_cadence_row *r, void *ctx);
enum lk_status lk_report_cadence(struct lk_store *st, const struct lk_report_filter *f,
                                 int within, lk_cadence_cb cb, void *ctx, struct lk_err *err);

/* TYM cases per point of the responsible TYM caseworker (the pair's
 * tym-caseworker, else the client's caseworker; "" when neither), as of
 * lk_report_day; dates after the day are not known yet. Assessments:
 * cases opened in the period, assessed within the cadence's 3 months, late
 * (assessed late or overdue now) and pending (not yet due; a case closed
 * before its assessment fell due counts in none). Plan updates: links of
 * the cadence's update chain due in the period up to the day that are
 * decided (done, or overdue), and how many were done by their due date.
 * Past 18 months: open cases the cadence flags. */
struct lk_tym_report_row {
	char point_id[64];
	char point_name[128];
	long open, opened;
	long assessed_in_time, assessed_late, assessment_pending;
	long updates_due, updates_on_time;
	long past_18_months;
};
typedef int (*lk_tym_report_cb)(const struct lk_tym_report_row *r, void *ctx);
enum lk_status lk_report_tym(struct lk_store *st, const struct lk_report_filter *f,
                             lk_tym_report_cb cb, void *ctx, struct lk_err *err);

/* Integration plans per home municipality of KOTO clients (koto_start in
 * the period, up to lk_report_day): the cadence's 30-day rule decides.
 * In time: the first integration plan (kotoutumissuunnitelma or the
 * multidisciplinary one) on or before its due day; late: after it; waiting
 * over: no plan yet and the due day passed (a wait so far that is already
 * too long); waiting: no plan yet, still within the 30 days (not in the
 * share). --point is the caseworker's home point; --municipality the
 * client's. municipality_id "" for clients without one. */
struct lk_integration_row {
	char municipality_id[64];
	char municipality[128];
	long clients, in_time, late, waiting_over, waiting;
};
typedef int (*lk_integration_cb)(const struct lk_integration_row *r, void *ctx);
enum lk_status lk_report_integration(struct lk_store *st, const struct lk_report_filter *f,
                                     lk_integration_cb cb, void *ctx, struct lk_err *err);

/* Visits at a point outside the client's home municipality (001 §4.1),
 * per point and home municipality: held appointments where the client came
 * to the point (channel face or remote-point) and identified walk-in
 * visits. --municipality matches the point's or the client's. */
struct lk_outside_row {
	char point_id[64];
	char point_name[128];
	char home_id[64];
	char home[128];
	long appointments, walk_ins;
};
typedef int (*lk_outside_cb)(const struct lk_outside_row *r, void *ctx);
enum lk_status lk_report_outside_home(struct lk_store *st, const struct lk_report_filter *f,
                                      lk_outside_cb cb, void *ctx, struct lk_err *err);

/* Held meetings per client home municipality by channel (lk_channels of
 * appointment.h, in that order). --point is where the meeting was held;
 * --municipality the client's. municipality_id "" for meetings whose
 * client has no home municipality. */
#define LK_REPORT_CHANNELS 4
struct lk_channel_row {
	char municipality_id[64];
	char municipality[128];
	long meetings;
	long by_channel[LK_REPORT_CHANNELS];
};
typedef int (*lk_channel_cb)(const struct lk_channel_row *r, void *ctx);
enum lk_status lk_report_channels(struct lk_store *st, const struct lk_report_filter *f,
                                  lk_channel_cb cb, void *ctx, struct lk_err *err);

#endif
