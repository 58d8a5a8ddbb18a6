/*
 * demo.c — building the demo area. Deterministic: every choice comes from
 * one seeded generator (splitmix64), ids included.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/hetu.h"
#include "store/area.h"
#include "store/demo-events.h"
#include "store/demo-names.h"
#include "store/demo.h"
#include "store/store-internal.h"

struct rng {
	uint64_t s;
};

static uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* 0 … n-1 */
static int
rnd(struct rng *r, int n)
{
	return n <= 1 ? 0 : (int)(rng_next(r) % (uint64_t)n);
}

static bool
chance(struct rng *r, int percent)
{
	return rnd(r, 100) < percent;
}

static void
rng_id(struct rng *r, char *out)
{
	snprintf(out, LK_ID_LEN + 1, "%016llx%016llx", (unsigned long long)rng_next(r),
	         (unsigned long long)rng_next(r));
}

/* Staff at a point by kind, where the planning documents give no FTE. */
static const struct {
	const char *kind;
	int staff;
} staff_by_kind[] = {
	{ "main", 25 }, { "fixed", 5 }, { "point", 2 }, { "branch", 2 }, { "piste", 2 },
	{ "visited", 0 }, { "occasional", 0 },
};

/* The mix of area roles beyond the first caseworker and TYM caseworker of
 * a point, in weights. */
static const struct {
	const char *role;
	int weight;
	bool main_only;
} role_mix[] = {
	{ "caseworker", 52, false }, { "tym-caseworker", 10, false },
	{ "career-counsellor", 6, true }, { "ohjaamo", 6, true }, { "coordinator", 4, false },
	{ "job-coach", 6, false }, { "lobby", 6, true }, { "piste", 2, false },
};

static const char *const measure_kinds[] = {
	"palkkatuki", "tyokokeilu", "koulutus", "omaehtoinen", "kuntoutus", "starttiraha", "muu",
};
static const char *const referrals[] = { "perus", "hyvinvointialue", "kela", "tyokykytiimi", "itse" };
static const char *const outcomes[] = { "perus", "tyo", "opiskelu", "elake", "muu" };
/* Piste topics with weights: job search and digital help are the most common. */
static const struct {
	const char *topic;
	int weight;
} topics[] = { { "tyonhaku", 40 }, { "digi", 30 }, { "koulutus", 15 }, { "rinnalla", 5 }, { "muu", 10 } };

struct dpoint {
	char id[65], mun[65], kind[16];
	double fte;
	int opens, closes;   /* hours */
};

struct dstaff {
	char id[LK_ID_LEN + 1];
	int point;
	const char *role;
};

struct demo {
	struct lk_store *st;
	struct rng r;
	lk_date today;
	struct dpoint *points;
	int npoints, main_point;
	struct dstaff *staff;
	int nstaff, capstaff;
	uint64_t *slots;     /* open-addressing set of booked (staff, day, hour) */
	size_t nslots;
	sqlite3_stmt *ins_staff, *ins_sp, *ins_client, *ins_appt, *ins_measure, *ins_plan,
		*ins_tym, *ins_member, *ins_review, *ins_visit, *ins_room;
	int flags;
	struct lk_demo_stats *stats;
	struct lk_err *err;
};

static enum lk_status
run(struct demo *d, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? LK_OK : lk_sql_err(d->st, d->err, what);
}

static void
bind_s(sqlite3_stmt *s, int i, const char *v)
{
	lk_bind_text(s, i, v);
}

static void
bind_day(sqlite3_stmt *s, int i, lk_date day)
{
	lk_bind_date(s, i, day);
}

static void
bind_time(sqlite3_stmt *s, int i, lk_time t)
{
	char buf[20];
	sqlite3_bind_text(s, i, lk_time_iso(t, buf, sizeof buf), -1, SQLITE_TRANSIENT);
}

static bool
slot_take(struct demo *d, int staff, lk_date day, int hour)
{
	uint64_t key = ((uint64_t)(staff + 1) << 40) | ((uint64_t)(uint32_t)day << 8) | (uint64_t)hour;
	size_t i = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) % d->nslots;
	while (d->slots[i]) {
		if (d->slots[i] == key)
			return false;
		i = (i + 1) % d->nslots;
	}
	d->slots[i] = key;
	return true;
}

/* A free hour for a staff member on `day` or a business day after it. */
static lk_time
find_slot(struct demo *d, int staff, lk_date day)
{
	day = lk_add_business_days(day, 0);
	for (int tries = 0; tries < 400; tries++) {
		int start = 8 + rnd(&d->r, 7);
		for (int h = 0; h < 7; h++) {
			int hour = 8 + (start - 8 + h) % 7;
			if (slot_take(d, staff, day, hour))
				return lk_time_make(day, hour, 0);
		}
		day = lk_add_business_days(day, 1);
	}
	return lk_time_make(day, 16, 0);
}

static enum lk_status
serve(struct demo *d, int staff, int point, int percent, const char *weekdays)
{
	sqlite3_bind_text(d->ins_sp, 1, d->staff[staff].id, -1, SQLITE_STATIC);
	bind_s(d->ins_sp, 2, d->points[point].id);
	sqlite3_bind_int(d->ins_sp, 3, percent);
	bind_s(d->ins_sp, 4, weekdays);
	return run(d, d->ins_sp, "staff point");
}

static enum lk_status
add_staff(struct demo *d, int point, const char *role, const char *org)
{
	if (d->nstaff == d->capstaff) {
		d->capstaff = d->capstaff ? d->capstaff * 2 : 256;
		struct dstaff *n = realloc(d->staff, (size_t)d->capstaff * sizeof *n);
		if (n == NULL)
			return lk_err_set(d->err, LK_EFAIL, "db", "out of memory");
		d->staff = n;
	}
	struct dstaff *s = &d->staff[d->nstaff++];
	rng_id(&d->r, s->id);
	s->point = point;
	s->role = role;
	bool male = chance(&d->r, 35);
	sqlite3_bind_text(d->ins_staff, 1, s->id, -1, SQLITE_STATIC);
	bind_s(d->ins_staff, 2, lk_demo_surnames[rnd(&d->r, (int)lk_demo_n_surnames)]);
	bind_s(d->ins_staff, 3, male ? lk_demo_male[rnd(&d->r, (int)lk_demo_n_male)]
	                             : lk_demo_female[rnd(&d->r, (int)lk_demo_n_female)]);
	bind_s(d->ins_staff, 4, role);
	bind_s(d->ins_staff, 5, org);
	bind_s(d->ins_staff, 6, d->points[point].id);
	enum lk_status rc = run(d, d->ins_staff, "staff");
	if (rc != LK_OK)
		return rc;
	d->stats->staff++;
	return serve(d, d->nstaff - 1, point, 100, "12345");
}

static int
point_index(struct demo *d, const char *id)
{
	for (int i = 0; i < d->npoints; i++)
		if (strcmp(d->points[i].id, id) == 0)
			return i;
	return -1;
}

/* A staff member of `point` with `role` (the n-th such), or -1. */
static int
staff_at(struct demo *d, int point, const char *role, int n)
{
	for (int i = 0; i < d->nstaff; i++)
		if (d->staff[i].point == point && strcmp(d->staff[i].role, role) == 0 && n-- == 0)
			return i;
	return -1;
}

static int
staff_count_at(struct demo *d, int point, const char *role)
{
	int n = 0;
	for (int i = 0; i < d->nstaff; i++)
		n += d->staff[i].point == point && strcmp(d->staff[i].role, role) == 0;
	return n;
}

static enum lk_status
load_points(struct demo *d)
{
	sqlite3_stmt *s = lk_prepare(d->st,
		"SELECT id, municipality_id, kind, coalesce(fte, 0), opens, closes"
		" FROM service_point ORDER BY id", d->err);
	if (s == NULL)
		return LK_EFAIL;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct dpoint *n = realloc(d->points, (size_t)(d->npoints + 1) * sizeof *n);
		if (n == NULL) {
			sqlite3_finalize(s);
			return lk_err_set(d->err, LK_EFAIL, "db", "out of memory");
		}
		d->points = n;
		struct dpoint *p = &d->points[d->npoints];
		lk_col_text(s, 0, p->id, sizeof p->id);
		lk_col_text(s, 1, p->mun, sizeof p->mun);
		lk_col_text(s, 2, p->kind, sizeof p->kind);
		p->fte = sqlite3_column_double(s, 3);
		p->opens = atoi((const char *)sqlite3_column_text(s, 4));
		p->closes = atoi((const char *)sqlite3_column_text(s, 5));
		if (strcmp(p->kind, "main") == 0)
			d->main_point = d->npoints;
		d->npoints++;
	}
	sqlite3_finalize(s);
	return LK_OK;
}

static int
staff_for_point(const struct dpoint *p)
{
	if (p->fte > 0)
		return (int)lround(p->fte) < 1 ? 1 : (int)lround(p->fte);
	for (size_t i = 0; i < sizeof staff_by_kind / sizeof staff_by_kind[0]; i++)
		if (strcmp(staff_by_kind[i].kind, p->kind) == 0)
			return staff_by_kind[i].staff;
	return 1;
}

static const char *
pick_role(struct demo *d, bool main)
{
	int total = 0;
	for (size_t i = 0; i < sizeof role_mix / sizeof role_mix[0]; i++)
		total += main || !role_mix[i].main_only ? role_mix[i].weight : 0;
	int x = rnd(&d->r, total);
	for (size_t i = 0; i < sizeof role_mix / sizeof role_mix[0]; i++) {
		if (!main && role_mix[i].main_only)
			continue;
		if ((x -= role_mix[i].weight) < 0)
			return role_mix[i].role;
	}
	return "caseworker";
}

static enum lk_status
make_staff(struct demo *d)
{
	enum lk_status rc = LK_OK;
	for (int p = 0; p < d->npoints && rc == LK_OK; p++) {
		bool main = p == d->main_point;
		int n = staff_for_point(&d->points[p]);
		for (int k = 0; k < n && rc == LK_OK; k++) {
			const char *role = k == 0 ? "caseworker" : k == 1 ? "tym-caseworker"
			                 : main && k == 2 ? "lead" : main && k == 3 ? "admin"
			                 : pick_role(d, main);
			rc = add_staff(d, p, role, "area");
		}
		/* Rooms: a point's own meeting rooms. */
		int rooms = main ? 6 : n >= 5 ? 3 : n > 0 ? 1 : 0;
		for (int k = 0; k < rooms && rc == LK_OK; k++) {
			char id[LK_ID_LEN + 1], name[32];
			rng_id(&d->r, id);
			snprintf(name, sizeof name, "Huone %d", k + 1);
			sqlite3_bind_text(d->ins_room, 1, id, -1, SQLITE_STATIC);
			bind_s(d->ins_room, 2, d->points[p].id);
			bind_s(d->ins_room, 3, name);
			rc = run(d, d->ins_room, "room");
		}
	}
	/* The wellbeing county's social worker and Kela's advisor for each
	 * municipality's start team (docs/rules.md#start-team), met at its point. */
	for (int p = 0; p < d->npoints && rc == LK_OK; p++) {
		bool first_of_mun = true;
		for (int q = 0; q < p; q++)
			first_of_mun = first_of_mun && strcmp(d->points[q].mun, d->points[p].mun) != 0;
		if (!first_of_mun)
			continue;
		rc = add_staff(d, p, "social-worker", "wellbeing");
		if (rc == LK_OK && (p % 2 == 0 || p == d->main_point))
			rc = add_staff(d, p, "kela-advisor", "kela");
	}
	if (rc == LK_OK)
		rc = add_staff(d, d->main_point, "nurse", "wellbeing");

	/* Commuting: staff of the point named in the data serve the linked point
	 * on fixed weekdays (Tuesday for TYM, Thursday for basic services). */
	sqlite3_stmt *s = lk_prepare(d->st, "SELECT point_id, served_from, services FROM point_link"
	                                    " ORDER BY point_id", d->err);
	if (s == NULL)
		return LK_EFAIL;
	while (rc == LK_OK && sqlite3_step(s) == SQLITE_ROW) {
		int to = point_index(d, (const char *)sqlite3_column_text(s, 0));
		int from = point_index(d, (const char *)sqlite3_column_text(s, 1));
		const char *services = (const char *)sqlite3_column_text(s, 2);
		if (to < 0 || from < 0)
			continue;
		bool tym = strstr(services, "tym") != NULL;
		bool basic = strstr(services, "basic") != NULL || strcmp(services, "all") == 0;
		int t = staff_at(d, from, "tym-caseworker", 0);
		int c = staff_at(d, from, "caseworker", staff_count_at(d, from, "caseworker") > 1 ? 1 : 0);
		if (tym && t >= 0)
			rc = serve(d, t, to, 20, "2");
		if (rc == LK_OK && basic && c >= 0)
			rc = serve(d, c, to, 20, "4");
	}
	sqlite3_finalize(s);
	return rc;
}

/* The staff members of a municipality with a role, for choosing a client's
 * caseworker; falls back to the main office. */
static int
choose_worker(struct demo *d, const char *mun, const char *role)
{
	int found[64], n = 0;
	for (int i = 0; i < d->nstaff && n < 64; i++)
		if (strcmp(d->staff[i].role, role) == 0 &&
		    strcmp(d->points[d->staff[i].point].mun, mun) == 0)
			found[n++] = i;
	if (n == 0)
		for (int i = 0; i < d->nstaff && n < 64; i++)
			if (strcmp(d->staff[i].role, role) == 0 && d->staff[i].point == d->main_point)
				found[n++] = i;
	return n ? found[rnd(&d->r, n)] : 0;
}

static enum lk_status
add_meeting(struct demo *d, const char *client, int staff, const char *kind, lk_date day,
            const char *channel, const char *status, const char *interpreter)
{
	char id[LK_ID_LEN + 1];
	rng_id(&d->r, id);
	lk_time t = find_slot(d, staff, day);
	sqlite3_bind_text(d->ins_appt, 1, id, -1, SQLITE_STATIC);
	bind_s(d->ins_appt, 2, client);
	bind_s(d->ins_appt, 3, d->staff[staff].id);
	bind_s(d->ins_appt, 4, d->points[d->staff[staff].point].id);
	bind_s(d->ins_appt, 5, kind);
	bind_s(d->ins_appt, 6, channel);
	bind_time(d->ins_appt, 7, t);
	sqlite3_bind_int(d->ins_appt, 8, strcmp(kind, "alkuhaastattelu") == 0 ? 60 : 45);
	bind_s(d->ins_appt, 9, status);
	bind_s(d->ins_appt, 10, interpreter);
	bind_time(d->ins_appt, 11, t - 60 * 24 * 7);
	d->stats->appointments++;
	return run(d, d->ins_appt, "appointment");
}

static const char *
channel(struct demo *d, bool initial)
{
	int x = rnd(&d->r, 100);
	if (initial)
		return x < 80 ? "face" : x < 90 ? "video" : "phone";
	return x < 55 ? "face" : x < 80 ? "phone" : "video";
}

static enum lk_status
add_plan(struct demo *d, const char *client, const char *type, lk_date made, int staff)
{
	char id[LK_ID_LEN + 1];
	rng_id(&d->r, id);
	sqlite3_bind_text(d->ins_plan, 1, id, -1, SQLITE_STATIC);
	bind_s(d->ins_plan, 2, client);
	bind_s(d->ins_plan, 3, type);
	bind_day(d->ins_plan, 4, made);
	bind_day(d->ins_plan, 5, lk_add_months(made, 3));
	bind_s(d->ins_plan, 6, d->staff[staff].id);
	d->stats->plans++;
	return run(d, d->ins_plan, "plan");
}

/* Held meetings of a job seeker's statutory process, and the next one
 * booked: most on time, some late or missed, so due lists show all states. */
static enum lk_status
job_seeker_history(struct demo *d, const char *client, int cw, lk_date start, lk_date end,
                   const char *interp)
{
	lk_date stop = end != LK_NO_DATE && end < d->today ? end : d->today;
	enum lk_status rc = LK_OK;
	lk_date initial = lk_add_business_days(start, chance(&d->r, 80) ? 1 + rnd(&d->r, 5)
	                                                                 : 6 + rnd(&d->r, 8));
	if (initial >= stop) {
		if (end == LK_NO_DATE)
			rc = add_meeting(d, client, cw, "alkuhaastattelu",
			                 lk_add_business_days(d->today, 1 + rnd(&d->r, 5)),
			                 channel(d, true), "scheduled", interp);
		return rc;
	}
	const char *st0 = chance(&d->r, 4) ? "no-show" : "done";
	if ((rc = add_meeting(d, client, cw, "alkuhaastattelu", initial, channel(d, true), st0,
	                      interp)) != LK_OK)
		return rc;
	if (strcmp(st0, "done") != 0)
		return rc;
	if ((rc = add_plan(d, client, "tyollistymissuunnitelma", initial, cw)) != LK_OK)
		return rc;
	lk_date next_open = LK_NO_DATE;
	for (int k = 1; k <= 5 && rc == LK_OK; k++) {
		lk_date day = lk_add_business_days(initial, k * 11 + rnd(&d->r, 4));
		if (day >= stop) {
			next_open = next_open == LK_NO_DATE ? day : next_open;
			break;
		}
		if (chance(&d->r, 85))
			rc = add_meeting(d, client, cw, "taydentava", day, channel(d, false), "done", interp);
	}
	lk_date base = initial;
	for (int k = 0; k < 12 && rc == LK_OK; k++) {
		lk_date day = lk_add_business_days(lk_add_months(base, 3), -rnd(&d->r, 8));
		if (day >= stop) {
			next_open = next_open == LK_NO_DATE || day < next_open ? day : next_open;
			break;
		}
		if (!chance(&d->r, 88))
			break;    /* missed: the due list shows it overdue */
		rc = add_meeting(d, client, cw, "tyonhakukeskustelu", day, channel(d, false), "done",
		                 interp);
		if (rc == LK_OK)
			rc = add_plan(d, client, "tyollistymissuunnitelma", day, cw);
		base = day;
	}
	if (rc == LK_OK && end == LK_NO_DATE && next_open != LK_NO_DATE &&
	    next_open < d->today + 30 && chance(&d->r, 70)) {
		const char *kind = next_open - initial < 100 ? "taydentava" : "tyonhakukeskustelu";
		lk_date day = next_open > d->today ? next_open : lk_add_business_days(d->today, 1);
		rc = add_meeting(d, client, cw, kind, day, channel(d, false), "scheduled", interp);
	}
	if (rc == LK_OK && stop - initial > 90 && chance(&d->r, 14)) {
		char id[LK_ID_LEN + 1];
		rng_id(&d->r, id);
		lk_date ms = initial + 30 + rnd(&d->r, 120);
		sqlite3_bind_text(d->ins_measure, 1, id, -1, SQLITE_STATIC);
		bind_s(d->ins_measure, 2, client);
		bind_s(d->ins_measure, 3, measure_kinds[rnd(&d->r, 7)]);
		bind_day(d->ins_measure, 4, ms);
		bind_day(d->ins_measure, 5, ms + 20 + rnd(&d->r, 160));
		d->stats->measures++;
		rc = run(d, d->ins_measure, "measure");
	}
	return rc;
}

static enum lk_status
tym_case(struct demo *d, const char *client, int tymcw, const char *mun)
{
	char id[LK_ID_LEN + 1];
	rng_id(&d->r, id);
	lk_date opened = lk_add_business_days(d->today - 20 - rnd(&d->r, 640), 0);
	lk_date assessed = opened + 30 + rnd(&d->r, 90);
	bool has_assessment = assessed < d->today && chance(&d->r, 85);
	bool closed = has_assessment && d->today - opened > 400 && chance(&d->r, 15);
	lk_date closed_on = closed ? d->today - rnd(&d->r, 30) : LK_NO_DATE;
	sqlite3_bind_text(d->ins_tym, 1, id, -1, SQLITE_STATIC);
	bind_s(d->ins_tym, 2, client);
	bind_s(d->ins_tym, 3, referrals[rnd(&d->r, 5)]);
	bind_day(d->ins_tym, 4, opened);
	bind_day(d->ins_tym, 5, has_assessment ? assessed : LK_NO_DATE);
	bind_day(d->ins_tym, 6, closed_on);
	bind_s(d->ins_tym, 7, closed ? outcomes[rnd(&d->r, 5)] : NULL);
	bind_s(d->ins_tym, 8, closed ? "Loppuarvio kirjattu." : NULL);
	enum lk_status rc = run(d, d->ins_tym, "tym case");
	d->stats->tym_cases++;
	/* The team: the start team and the responsible pair. */
	int sw = choose_worker(d, mun, "social-worker"), kela = choose_worker(d, mun, "kela-advisor");
	const struct {
		int staff;
		const char *team;
	} members[] = { { tymcw, "start" }, { sw, "start" }, { kela, "start" }, { tymcw, "pair" },
	                { chance(&d->r, 70) ? sw : kela, "pair" } };
	for (size_t i = 0; i < sizeof members / sizeof members[0] && rc == LK_OK; i++) {
		char mid[LK_ID_LEN + 1];
		rng_id(&d->r, mid);
		sqlite3_bind_text(d->ins_member, 1, mid, -1, SQLITE_STATIC);
		bind_s(d->ins_member, 2, id);
		bind_s(d->ins_member, 3, d->staff[members[i].staff].id);
		bind_s(d->ins_member, 4, members[i].team);
		rc = run(d, d->ins_member, "tym member");
	}
	if (!has_assessment || rc != LK_OK)
		return rc;
	rc = add_meeting(d, client, tymcw, "verkostopalaveri", assessed, "face", "done", NULL);
	lk_date last = closed ? closed_on : d->today;
	for (lk_date p = assessed; p < last && rc == LK_OK; p = lk_add_months(p, 3) - rnd(&d->r, 10)) {
		rc = add_plan(d, client, "tym-suunnitelma", p, tymcw);
		if (!chance(&d->r, 90))
			break;
	}
	for (lk_date r = lk_add_months(opened, 6) - rnd(&d->r, 15); r < last && rc == LK_OK;
	     r = lk_add_months(r, 6)) {
		char rid[LK_ID_LEN + 1];
		rng_id(&d->r, rid);
		sqlite3_bind_text(d->ins_review, 1, rid, -1, SQLITE_STATIC);
		bind_s(d->ins_review, 2, id);
		bind_day(d->ins_review, 3, r);
		rc = run(d, d->ins_review, "tym review");
	}
	return rc;
}

/* The identity code of the i-th demo client: birth dates 1960–2008 and
 * individual numbers 900–999 (temporary range only), unique for up to
 * 100 × 17 898 clients. */
static void
demo_hetu(long i, unsigned long seed, char *buf, size_t size, lk_date *birth, int *indiv)
{
	lk_date first = lk_date_from_ymd(1960, 1, 1);
	long ndays = lk_date_from_ymd(2008, 12, 31) - first + 1;   /* 17 898, coprime to 7919 */
	long round = i / ndays;
	long day = (long)(((uint64_t)i * 7919u + seed) % (uint64_t)ndays);
	*birth = first + (lk_date)day;
	*indiv = 900 + (int)((round + day * 31 + (long)(seed % 100)) % 100);
	lk_hetu_make(*birth, *indiv, 0, buf, size);
}

static enum lk_status
make_clients(struct demo *d, long n, unsigned long seed)
{
	/* Municipalities weighted by the staff serving there. */
	int weights[64] = { 0 }, mun_point[64], nmun = 0, total = 0;
	for (int p = 0; p < d->npoints && nmun < 64; p++) {
		int m;
		for (m = 0; m < nmun; m++)
			if (strcmp(d->points[mun_point[m]].mun, d->points[p].mun) == 0)
				break;
		if (m == nmun)
			mun_point[nmun++] = p;
		int w = staff_for_point(&d->points[p]);
		weights[m] += w > 0 ? w : 1;
		total += w > 0 ? w : 1;
	}
	enum lk_status rc = LK_OK;
	char now[20];
	lk_time_iso(lk_time_make(d->today, 8, 0), now, sizeof now);
	for (long i = 0; i < n && rc == LK_OK; i++) {
		char id[LK_ID_LEN + 1], hetu[16], given[128], phone[24], address[128];
		lk_date birth;
		int indiv;
		rng_id(&d->r, id);
		demo_hetu(i, seed, hetu, sizeof hetu, &birth, &indiv);
		bool male = indiv % 2 == 1;
		const char *const *names = male ? lk_demo_male : lk_demo_female;
		int nn = (int)(male ? lk_demo_n_male : lk_demo_n_female);
		int a = rnd(&d->r, nn), b = rnd(&d->r, nn);
		if (chance(&d->r, 60) && a != b)
			snprintf(given, sizeof given, "%s %s", names[a], names[b]);
		else
			snprintf(given, sizeof given, "%s", names[a]);
		int x = rnd(&d->r, total), m = 0;
		while (m < nmun - 1 && (x -= weights[m]) >= 0)
			m++;
		const char *mun = d->points[mun_point[m]].mun;
		int lx = rnd(&d->r, 100);
		const char *lang = lx < 93 ? "fi" : lx < 96 ? "sv" : lx < 97 ? "ru" : lx < 98 ? "ar"
		                 : lx < 99 ? "so" : "uk";
		bool foreign = strcmp(lang, "fi") != 0 && strcmp(lang, "sv") != 0;
		int line = rnd(&d->r, 100);
		const char *service = foreign || line < 8 ? "koto" : line < 17 ? "tym"
		                    : line < 27 ? "tuettu" : "tyonvalitys";
		bool tym = strcmp(service, "tym") == 0, koto = strcmp(service, "koto") == 0;
		int cw = choose_worker(d, mun, tym ? "tym-caseworker" : "caseworker");
		lk_date start = LK_NO_DATE, end = LK_NO_DATE;
		if (chance(&d->r, tym ? 60 : 92)) {
			start = lk_add_business_days(d->today - rnd(&d->r, 730), 0);
			if (start > d->today)
				start = lk_add_business_days(d->today, -1);
			if (d->today - start > 200 && chance(&d->r, 25))
				end = start + 60 + rnd(&d->r, (int)(d->today - start - 60));
		}
		lk_date koto_start = koto ? d->today - rnd(&d->r, 500) : LK_NO_DATE;
		lk_date permit = koto ? koto_start - rnd(&d->r, 700) : LK_NO_DATE;
		snprintf(phone, sizeof phone, "04%d %07d", rnd(&d->r, 10), rnd(&d->r, 10000000));
		snprintf(address, sizeof address, "%s %d", lk_demo_streets[rnd(&d->r, (int)lk_demo_n_streets)],
		         1 + rnd(&d->r, 60));
		int age = lk_date_to_ymd(d->today).y - lk_date_to_ymd(birth).y;

		sqlite3_stmt *s = d->ins_client;
		sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
		bind_s(s, 2, lk_demo_surnames[rnd(&d->r, (int)lk_demo_n_surnames)]);
		bind_s(s, 3, given);
		bind_s(s, 4, hetu);
		bind_s(s, 5, mun);
		bind_s(s, 6, lang);
		bind_s(s, 7, foreign ? lang : NULL);
		bind_s(s, 8, chance(&d->r, 85) ? phone : NULL);
		bind_s(s, 9, chance(&d->r, 90) ? address : NULL);
		bind_s(s, 10, service);
		bind_s(s, 11, d->staff[cw].id);
		bind_day(s, 12, start);
		bind_day(s, 13, end);
		bind_day(s, 14, koto_start);
		bind_day(s, 15, permit);
		sqlite3_bind_int(s, 16, age >= 15 && age <= 29);
		sqlite3_bind_int(s, 17, koto);
		bind_s(s, 18, now);
		if ((rc = run(d, s, "client")) != LK_OK)
			break;
		d->stats->clients++;
		const char *interp = foreign ? lang : NULL;
		if (d->flags & LK_DEMO_ONLY_CLIENTS)
			continue;
		if (start != LK_NO_DATE)
			rc = job_seeker_history(d, id, cw, start, end, interp);
		if (rc == LK_OK && tym)
			rc = tym_case(d, id, cw, mun);
		if (rc == LK_OK && koto && chance(&d->r, 75) && koto_start + 60 < d->today)
			rc = add_plan(d, id, "kotoutumissuunnitelma", koto_start + 5 + rnd(&d->r, 55), cw);
	}
	return rc;
}

static enum lk_status
make_visits(struct demo *d)
{
	enum lk_status rc = LK_OK;
	for (int p = 0; p < d->npoints && rc == LK_OK; p++) {
		const struct dpoint *pt = &d->points[p];
		bool main = p == d->main_point, piste = strcmp(pt->kind, "piste") == 0;
		if (!main && !piste && strcmp(pt->kind, "point") != 0 && strcmp(pt->kind, "fixed") != 0)
			continue;
		for (lk_date day = d->today - 60; day < d->today && rc == LK_OK; day++) {
			if (!lk_is_business_day(day))
				continue;
			int n = main ? 10 + rnd(&d->r, 20) : piste ? 3 + rnd(&d->r, 8) : rnd(&d->r, 4);
			lk_time t = lk_time_make(day, pt->opens, 0);
			int span = (pt->closes - pt->opens) * 60;
			for (int k = 0; k < n && rc == LK_OK; k++) {
				char id[LK_ID_LEN + 1];
				rng_id(&d->r, id);
				int x = rnd(&d->r, 100), ti = 0;
				while ((x -= topics[ti].weight) >= 0)
					ti++;
				lk_time arrived = t + (lk_time)(span * k / n) + rnd(&d->r, span / n + 1);
				lk_time called = arrived + rnd(&d->r, 20);
				lk_time ended = called + 5 + rnd(&d->r, 35);
				int o = rnd(&d->r, 100);
				const char *outcome = o < 85 ? "served" : o < 95 ? "referred" : "no-show";
				bool shown = strcmp(outcome, "no-show") != 0;
				sqlite3_stmt *s = d->ins_visit;
				sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
				bind_s(s, 2, pt->id);
				bind_s(s, 3, topics[ti].topic);
				sqlite3_bind_int(s, 4, k + 1);
				bind_time(s, 5, arrived);
				bind_time(s, 6, called);
				if (shown) {
					bind_time(s, 7, called);
					bind_time(s, 8, ended);
					sqlite3_bind_int(s, 10, (int)(ended - called));
				}
				bind_s(s, 9, outcome);
				d->stats->visits++;
				rc = run(d, s, "visit");
			}
		}
	}
	return rc;
}

static enum lk_status
prepare_all(struct demo *d)
{
	struct {
		sqlite3_stmt **s;
		const char *sql;
	} st[] = {
		{ &d->ins_staff, "INSERT INTO staff(id, surname, given_names, role, organisation,"
		                 " home_point_id) VALUES (?, ?, ?, ?, ?, ?)" },
		{ &d->ins_sp, "INSERT OR REPLACE INTO staff_point(staff_id, point_id, percent, weekdays)"
		              " VALUES (?, ?, ?, ?)" },
		{ &d->ins_room, "INSERT INTO room(id, point_id, name) VALUES (?, ?, ?)" },
		{ &d->ins_client, "INSERT INTO client(id, surname, given_names, hetu, municipality_id,"
		                  " lang, interpreter_lang, phone, address, service_line, caseworker_id,"
		                  " job_search_start, job_search_end, koto_start, residence_permit,"
		                  " youth, immigrant, created)"
		                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
		{ &d->ins_appt, "INSERT INTO appointment(id, client_id, staff_id, point_id, kind,"
		                " channel, start, minutes, status, interpreter, created)"
		                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
		{ &d->ins_measure, "INSERT INTO measure(id, client_id, kind, start, end)"
		                   " VALUES (?, ?, ?, ?, ?)" },
		{ &d->ins_plan, "INSERT INTO plan(id, client_id, type, made, next_review, staff_id)"
		                " VALUES (?, ?, ?, ?, ?, ?)" },
		{ &d->ins_tym, "INSERT INTO tym_case(id, client_id, referral, opened, assessment_done,"
		               " closed, outcome, final_assessment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)" },
		{ &d->ins_member, "INSERT INTO tym_member(id, case_id, staff_id, team) VALUES (?, ?, ?, ?)" },
		{ &d->ins_review, "INSERT INTO tym_review(id, case_id, day) VALUES (?, ?, ?)" },
		{ &d->ins_visit, "INSERT INTO visit(id, point_id, topic, ticket, arrived, called, served,"
		                 " ended, outcome, minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	};
	for (size_t i = 0; i < sizeof st / sizeof st[0]; i++)
		if ((*st[i].s = lk_prepare(d->st, st[i].sql, d->err)) == NULL)
			return LK_EFAIL;
	return LK_OK;
}

static void
finalize_all(struct demo *d)
{
	sqlite3_stmt *all[] = { d->ins_staff, d->ins_sp, d->ins_room, d->ins_client, d->ins_appt,
	                        d->ins_measure, d->ins_plan, d->ins_tym, d->ins_member,
	                        d->ins_review, d->ins_visit };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		sqlite3_finalize(all[i]);
}

enum lk_status
lk_demo_build(struct lk_store *st, const char *area, long clients, unsigned long seed,
              int flags, struct lk_demo_stats *stats, struct lk_err *err)
{
	if (clients < 0 || clients > 1700000)
		return lk_err_set(err, LK_EINPUT, "clients", "from 0 to 1 700 000 clients, not %ld",
		                  clients);
	/* The area's reference rows are captured like any init; the synthetic
	 * people are a starting point, written in one uncaptured transaction. */
	enum lk_status rc = lk_area_init(st, area, err);
	if (rc != LK_OK)
		return rc;
	struct demo d = { .st = st, .r = { seed * 0x2545F4914F6CDD1Dull + 1 }, .today = lk_today(),
	                  .flags = flags, .stats = stats, .err = err };
	memset(stats, 0, sizeof *stats);
	d.nslots = (size_t)clients * 16 + 4096;
	d.slots = calloc(d.nslots, sizeof *d.slots);
	if (d.slots == NULL)
		return lk_err_set(err, LK_EFAIL, "db", "out of memory");
	if ((rc = lk_store_begin_bulk(st, err)) != LK_OK)
		goto out;
	if ((rc = load_points(&d)) == LK_OK && (rc = prepare_all(&d)) == LK_OK &&
	    (rc = make_staff(&d)) == LK_OK && (rc = make_clients(&d, clients, seed)) == LK_OK &&
	    !(flags & LK_DEMO_ONLY_CLIENTS) && (rc = make_visits(&d)) == LK_OK)
		rc = lk_demo_events(st, seed, d.today, &stats->events, err);
	finalize_all(&d);
	if (rc == LK_OK) {
		int cw = staff_at(&d, d.main_point, "caseworker", 0);
		if (lk_meta_set(st, "desk_point", d.points[d.main_point].id) != LK_OK ||
		    (cw >= 0 && lk_meta_set(st, "desk_staff", d.staff[cw].id) != LK_OK))
			rc = lk_sql_err(st, err, "settings");
	}
	if (rc == LK_OK)
		rc = lk_store_commit(st, err);
	else
		lk_store_rollback(st);
out:
	free(d.slots);
	free(d.points);
	free(d.staff);
	return rc;
}
