/*
 * demo-events.c — group sessions and info events for the demo area
 * (store/demo.h), from four weeks before "today" to four weeks after, at
 * the main point and the area's other points with staff: a weekly open
 * info event (a head count once held), a targeted session every other
 * week to which about 30 job seekers of the point's municipality are
 * invited as part of their service process (attendance marked once held,
 * sign-ups before), and a weekly group run with a partner. Hosts are the
 * point's caseworkers at hours their demo bookings leave free (the clash
 * rule of store/event.c decides); ids and choices come from the demo's
 * seed, so the same seed gives the same events. Written inside the demo's
 * bulk transaction, uncaptured like the rest of it.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "store/appointment.h"
#include "store/demo-events.h"
#include "store/event.h"
#include "store/store-internal.h"

struct rng {
	uint64_t s;
};

static uint64_t
next(struct rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static int
rnd(struct rng *r, int n)
{
	return n <= 1 ? 0 : (int)(next(r) % (uint64_t)n);
}

/* What a point holds each week: weekday (1 = Monday), hour, minutes,
 * capacity, kind, title; `every` weeks (2: every other). */
static const struct {
	const char *kind, *title, *partner;
	int weekday, hour, minutes, capacity, every;
} plan[] = {
	{ "info", "Työnhaun infotilaisuus", NULL, 2, 13, 90, 60, 1 },
	{ "targeted", "Kohdennettu info: pitkään työttömänä olleet", NULL, 4, 10, 90, 25, 2 },
	{ "group", "Työnhakuryhmä", "Pohjois-Karjalan Setlementti", 3, 9, 120, 12, 1 },
};

struct ctx {
	struct lk_store *st;
	struct rng r;
	lk_date today;
	lk_time now;
	int64_t stamp;
	sqlite3_stmt *ins_event, *ins_part, *hosts, *group;
	long *events;
	struct lk_err *err;
};

/* The point's caseworkers, one of them by turn; false when it has none. */
static bool
host_for(struct ctx *c, const char *point, int turn, char *host)
{
	sqlite3_reset(c->hosts);
	sqlite3_bind_text(c->hosts, 1, point, -1, SQLITE_STATIC);
	char ids[16][LK_ID_LEN + 1];
	int n = 0;
	while (n < 16 && sqlite3_step(c->hosts) == SQLITE_ROW)
		lk_col_text(c->hosts, 0, ids[n++], LK_ID_LEN + 1);
	if (n == 0)
		return false;
	memcpy(host, ids[turn % n], LK_ID_LEN + 1);
	return true;
}

static enum lk_status
participant(struct ctx *c, const char *event, const char *client, bool invited, bool signed_up,
            const char *attendance, const char *at)
{
	char pid[LK_ID_LEN + 1];
	lk_event_participant_id(event, client, pid);
	sqlite3_stmt *s = c->ins_part;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	sqlite3_bind_text(s, 1, pid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, event, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, client, -1, SQLITE_TRANSIENT);
	if (invited)
		sqlite3_bind_text(s, 4, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 5, invited);
	if (signed_up)
		sqlite3_bind_int64(s, 6, ++c->stamp);
	lk_bind_text(s, 7, attendance);
	return sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(c->st, c->err, "demo participant");
}

/* The list of one event: who was invited or signed up, and how it went. */
static enum lk_status
fill(struct ctx *c, const char *event, const char *kind, const char *muni, lk_time start,
     int capacity)
{
	if (strcmp(kind, "info") == 0)
		return LK_OK;   /* open to anyone: a head count */
	bool held = start + 120 <= c->now;
	int want = strcmp(kind, "targeted") == 0 ? 30 : capacity - rnd(&c->r, 3);
	char invited_at[20];
	lk_time_iso(start - 14 * 24 * 60, invited_at, sizeof invited_at);
	sqlite3_reset(c->group);
	sqlite3_bind_text(c->group, 1, muni, -1, SQLITE_STATIC);
	char today[16];
	sqlite3_bind_text(c->group, 2, lk_date_iso(c->today, today, sizeof today), -1,
	                  SQLITE_TRANSIENT);
	sqlite3_bind_int(c->group, 3, rnd(&c->r, 10));
	sqlite3_bind_int(c->group, 4, want);
	char clients[40][LK_ID_LEN + 1];
	int n = 0;
	while (n < 40 && sqlite3_step(c->group) == SQLITE_ROW)
		lk_col_text(c->group, 0, clients[n++], LK_ID_LEN + 1);
	enum lk_status rc = LK_OK;
	for (int i = 0; i < n && rc == LK_OK; i++) {
		bool targeted = strcmp(kind, "targeted") == 0;
		/* A targeted session's invitees, some of whom sign up; a group's members sign up. */
		bool signed_up = !targeted || rnd(&c->r, 100) < 40;
		const char *att = NULL;
		if (held)
			att = rnd(&c->r, 100) < 82 ? "attended" : "no-show";
		rc = participant(c, event, clients[i], targeted, signed_up, att, invited_at);
	}
	return rc;
}

enum lk_status
lk_demo_events(struct lk_store *st, uint64_t seed, lk_date today, long *events,
               struct lk_err *err)
{
	struct ctx c = { .st = st, .r = { seed * 0xD1B54A32D192ED03ull + 17 }, .today = today,
	                 .now = lk_now(), .stamp = (int64_t)1 << 40, .events = events, .err = err };
	*events = 0;
	c.ins_event = lk_prepare(st,
		"INSERT INTO event(id, title, kind, point_id, room_id, start, minutes, capacity, host_id,"
		" partner, obligation, series_id, head_count, created)"
		" VALUES (?1, ?2, ?3, ?4, (SELECT id FROM room WHERE point_id = ?4 ORDER BY name LIMIT 1),"
		" ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", err);
	c.ins_part = lk_prepare(st,
		"INSERT INTO event_participant(id, event_id, client_id, invited, obligation,"
		" signup_stamp, attendance) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err);
	c.hosts = lk_prepare(st, "SELECT id FROM staff WHERE home_point_id = ?1 AND"
	                         " role = 'caseworker' AND active = 1 ORDER BY id", err);
	c.group = lk_prepare(st,
		"SELECT id FROM client WHERE municipality_id = ?1 AND job_search_start IS NOT NULL"
		" AND job_search_start <= ?2 AND (job_search_end IS NULL OR job_search_end >= ?2)"
		" ORDER BY id LIMIT ?4 OFFSET ?3", err);
	sqlite3_stmt *points = lk_prepare(st,
		"SELECT p.id, p.municipality_id FROM service_point p WHERE p.kind IN ('main', 'point')"
		" AND EXISTS (SELECT 1 FROM staff s WHERE s.home_point_id = p.id"
		" AND s.role = 'caseworker') ORDER BY p.kind <> 'main', p.id", err);
	enum lk_status rc = c.ins_event && c.ins_part && c.hosts && c.group && points
		? LK_OK : LK_EFAIL;
	lk_date monday = today - (lk_weekday(today) - 1);
	char created[20];
	lk_time_iso(lk_time_make(monday - 35, 8, 0), created, sizeof created);
	while (rc == LK_OK && sqlite3_step(points) == SQLITE_ROW) {
		char point[72], muni[72];
		lk_col_text(points, 0, point, sizeof point);
		lk_col_text(points, 1, muni, sizeof muni);
		for (size_t k = 0; k < sizeof plan / sizeof plan[0] && rc == LK_OK; k++) {
			char series[LK_ID_LEN + 1] = "";
			for (int week = -4; week < 4 && rc == LK_OK; week++) {
				if (plan[k].every == 2 && (week & 1))
					continue;
				lk_date day = monday + 7 * week + plan[k].weekday - 1;
				lk_time start = lk_time_make(day, plan[k].hour, 0);
				char host[LK_ID_LEN + 1], id[LK_ID_LEN + 1], at[20];
				bool found = false;
				/* The first of the point's caseworkers free then. */
				for (int turn = 0; turn < 16 && !found; turn++) {
					if (!host_for(&c, point, turn + (int)k, host))
						break;
					found = lk_appointment_clash(st, host, NULL, start, plan[k].minutes, NULL,
					                             NULL) == LK_OK &&
					        lk_event_clash(st, host, NULL, start, plan[k].minutes, NULL,
					                       NULL) == LK_OK;
				}
				if (!found)
					continue;
				snprintf(id, sizeof id, "%016llx%016llx", (unsigned long long)next(&c.r),
				         (unsigned long long)next(&c.r));
				bool group = strcmp(plan[k].kind, "group") == 0;
				if (group && !series[0])
					memcpy(series, id, sizeof series);
				sqlite3_stmt *s = c.ins_event;
				sqlite3_reset(s);
				sqlite3_clear_bindings(s);
				sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(s, 2, plan[k].title, -1, SQLITE_STATIC);
				sqlite3_bind_text(s, 3, plan[k].kind, -1, SQLITE_STATIC);
				sqlite3_bind_text(s, 4, point, -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(s, 5, lk_time_iso(start, at, sizeof at), -1, SQLITE_TRANSIENT);
				sqlite3_bind_int(s, 6, plan[k].minutes);
				sqlite3_bind_int(s, 7, plan[k].capacity);
				sqlite3_bind_text(s, 8, host, -1, SQLITE_TRANSIENT);
				lk_bind_text(s, 9, plan[k].partner);
				sqlite3_bind_int(s, 10, strcmp(plan[k].kind, "targeted") == 0);
				lk_bind_text(s, 11, group ? series : NULL);
				if (strcmp(plan[k].kind, "info") == 0 && start + plan[k].minutes <= c.now)
					sqlite3_bind_int(s, 12, 10 + rnd(&c.r, 45));
				sqlite3_bind_text(s, 13, created, -1, SQLITE_STATIC);
				if (sqlite3_step(s) != SQLITE_DONE) {
					rc = lk_sql_err(st, err, "demo event");
					break;
				}
				(*events)++;
				rc = fill(&c, id, plan[k].kind, muni, start, plan[k].capacity);
			}
		}
	}
	sqlite3_finalize(points);
	sqlite3_finalize(c.ins_event);
	sqlite3_finalize(c.ins_part);
	sqlite3_finalize(c.hosts);
	sqlite3_finalize(c.group);
	return rc;
}
