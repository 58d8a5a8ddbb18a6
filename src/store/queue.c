/*
 * queue.c — the Piste walk-in queue (see queue.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store/queue.h"
#include "store/store-internal.h"
#include "store/validate.h"
#include "store/visit.h"

/* Every state a ticket can be in, as the screens show it (translated there
 * with _(state)). */
const char *const lk_queue_states[] = {
	N_("waiting"), N_("called"), N_("serving"), N_("served"), N_("no-show"), N_("referred"), NULL,
};

const char *const lk_queue_moves[] = { "call", "serve", "end", "no-show", "refer", NULL };

/* Which states each move starts from (docs/rules.md#piste-queue: queue systems log
 * arrive, called, served, ended, no-show, transferred as events). */
static const struct {
	const char *move;
	const char *from[4];
	const char *to;   /* the state it leads to (one of lk_queue_states) */
} moves[] = {
	{ "call", { "waiting", "called", NULL }, "called" },       /* calling again is allowed */
	{ "serve", { "waiting", "called", NULL }, "serving" },
	{ "end", { "serving", NULL }, "served" },
	{ "no-show", { "waiting", "called", NULL }, "no-show" },
	{ "refer", { "waiting", "called", "serving", NULL }, "referred" },
};

static const char visit_select[] =
	"SELECT id, coalesce(ticket, 0), topic, coalesce(call_name, ''), source, arrived, called,"
	" served, ended, outcome FROM visit";

static lk_time
col_time(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	lk_time v;
	if (t == NULL || !lk_time_parse((const char *)t, &v))
		return LK_NO_TIME;
	return v;
}

static void
read_entry(sqlite3_stmt *s, struct lk_queue_entry *e, lk_time now)
{
	memset(e, 0, sizeof *e);
	char outcome[12];
	lk_col_text(s, 0, e->id, sizeof e->id);
	e->ticket = sqlite3_column_int(s, 1);
	lk_col_text(s, 2, e->topic, sizeof e->topic);
	lk_col_text(s, 3, e->call_name, sizeof e->call_name);
	lk_col_text(s, 4, e->source, sizeof e->source);
	e->arrived = col_time(s, 5);
	e->called = col_time(s, 6);
	e->served = col_time(s, 7);
	e->ended = col_time(s, 8);
	lk_col_text(s, 9, outcome, sizeof outcome);
	if (e->ended != LK_NO_TIME || outcome[0])
		snprintf(e->state, sizeof e->state, "%s", outcome[0] ? outcome : "served");
	else if (e->served != LK_NO_TIME)
		snprintf(e->state, sizeof e->state, "serving");
	else if (e->called != LK_NO_TIME)
		snprintf(e->state, sizeof e->state, "called");
	else
		snprintf(e->state, sizeof e->state, "waiting");
	lk_time until = e->called != LK_NO_TIME ? e->called
	              : e->served != LK_NO_TIME ? e->served
	              : e->ended != LK_NO_TIME ? e->ended : now;
	e->waited = e->arrived != LK_NO_TIME && until >= e->arrived ? (int)(until - e->arrived) : 0;
	e->service = e->served != LK_NO_TIME && e->ended != LK_NO_TIME && e->ended >= e->served
		? (int)(e->ended - e->served) : -1;
}

enum lk_status
lk_queue_arrive(struct lk_store *st, const struct lk_arrival *in, int *ticket_out, char *id_out,
                struct lk_err *err)
{
	enum lk_status rc;
	if (in->point == NULL || in->point[0] == '\0')
		return lk_err_set(err, LK_EINPUT, "point", "the service point is needed");
	if (in->topic == NULL)
		return lk_err_set(err, LK_EINPUT, "topic", "the topic is needed");
	if ((rc = lk_check_enum("topic", in->topic, lk_visit_topics, err)) != LK_OK)
		return rc;
	if ((rc = lk_visit_check_first_name(in->call_name, err)) != LK_OK)
		return rc;
	if ((rc = lk_visit_check_note(in->note, err)) != LK_OK)
		return rc;
	if (in->oral_consent && strcmp(in->topic, "rinnalla") != 0)
		return lk_err_set(err, LK_EINPUT, "oral-consent",
		                  "one-time oral consent is recorded for Rinnalla visits only");
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT (SELECT 1 FROM service_point WHERE id = ?1),"
		" ?2 IS NULL OR EXISTS (SELECT 1 FROM client WHERE id = ?2)", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, in->point, -1, SQLITE_TRANSIENT);
	lk_bind_text(s, 2, in->client);
	if (sqlite3_step(s) != SQLITE_ROW)
		rc = lk_sql_err(st, err, "visit");
	else if (sqlite3_column_type(s, 0) == SQLITE_NULL)
		rc = lk_err_set(err, LK_ENOTFOUND, "point", "no service point '%.64s'", in->point);
	else if (!sqlite3_column_int(s, 1))
		rc = lk_err_set(err, LK_ENOTFOUND, "client", "no client '%.64s'", in->client);
	sqlite3_finalize(s);
	if (rc != LK_OK)
		goto fail;

	char id[LK_ID_LEN + 1], now[20];
	lk_new_id(id);
	lk_time_iso(lk_now(), now, sizeof now);
	s = lk_prepare(st,
		"INSERT INTO visit(id, point_id, topic, client_id, call_name, note, source, arrived, ticket)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
		" (SELECT coalesce(max(ticket), 0) + 1 FROM visit"
		"  WHERE point_id = ?2 AND substr(arrived, 1, 10) = substr(?8, 1, 10)))"
		" RETURNING ticket", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, in->point, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, in->topic, -1, SQLITE_TRANSIENT);
	lk_bind_text(s, 4, in->client);
	lk_bind_text(s, 5, in->call_name);
	lk_bind_text(s, 6, in->note);
	sqlite3_bind_text(s, 7, in->kiosk ? "kiosk" : "desk", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, now, -1, SQLITE_STATIC);
	int ticket = 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		ticket = sqlite3_column_int(s, 0);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = lk_sql_err(st, err, "visit");
	} else {
		rc = lk_sql_err(st, err, "visit");
	}
	sqlite3_finalize(s);
	if (rc == LK_OK && in->oral_consent)
		rc = lk_visit_record_consent(st, id, in->client, NULL, now, err);
	if (rc != LK_OK)
		goto fail;
	if ((rc = lk_store_commit(st, err)) != LK_OK)
		return rc;
	if (ticket_out)
		*ticket_out = ticket;
	if (id_out)
		memcpy(id_out, id, sizeof id);
	return LK_OK;
fail:
	lk_store_rollback(st);
	return rc;
}

/* A whole number of at most 5 digits: a ticket, not an id. */
static bool
is_ticket(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 5)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* Find the visit by ticket (today at point) or id. */
static enum lk_status
find_visit(struct lk_store *st, const char *point, const char *which, struct lk_queue_entry *e,
           struct lk_err *err)
{
	char sql[512], day[11];
	bool ticket = is_ticket(which);
	if (ticket && (point == NULL || point[0] == '\0'))
		return lk_err_set(err, LK_EINPUT, "point", "a ticket number needs the service point");
	snprintf(sql, sizeof sql, "%s WHERE %s", visit_select,
	         ticket ? "point_id = ?1 AND substr(arrived, 1, 10) = ?2 AND ticket = ?3"
	                : "id = ?3");
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	lk_time now = lk_now();
	lk_bind_text(s, 1, point);
	sqlite3_bind_text(s, 2, lk_date_iso(lk_time_date(now), day, sizeof day), -1, SQLITE_STATIC);
	if (ticket)
		sqlite3_bind_int(s, 3, atoi(which));
	else
		sqlite3_bind_text(s, 3, which, -1, SQLITE_TRANSIENT);
	enum lk_status rc = LK_OK;
	if (sqlite3_step(s) == SQLITE_ROW)
		read_entry(s, e, now);
	else if (ticket)
		rc = lk_err_set(err, LK_ENOTFOUND, "ticket", "no ticket %.8s today at this point", which);
	else
		rc = lk_err_set(err, LK_ENOTFOUND, "ticket", "no visit '%.64s'", which);
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_queue_move(struct lk_store *st, const char *point, const char *which, const char *move,
              const char *staff, struct lk_queue_entry *out, struct lk_err *err)
{
	enum lk_status rc;
	if (which == NULL || which[0] == '\0')
		return lk_err_set(err, LK_EINPUT, "ticket", "a ticket number or a visit id is needed");
	if ((rc = lk_check_enum("move", move, lk_queue_moves, err)) != LK_OK)
		return rc;
	size_t m = 0;
	while (strcmp(moves[m].move, move) != 0)
		m++;
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	struct lk_queue_entry e;
	if ((rc = find_visit(st, point, which, &e, err)) != LK_OK)
		goto fail;
	bool allowed = false;
	for (int i = 0; moves[m].from[i] && !allowed; i++)
		allowed = strcmp(moves[m].from[i], e.state) == 0;
	if (!allowed) {
		rc = lk_err_set(err, LK_ECLASH, "ticket",
		                "ticket %d is marked \"%s\"; it cannot be marked \"%s\"", e.ticket,
		                _(e.state), _(moves[m].to));
		goto fail;
	}
	char now[20];
	lk_time_iso(lk_now(), now, sizeof now);
	/* ?1 id, ?2 now, ?3 staff, ?4 move. Ending empties the first name. */
	sqlite3_stmt *s = lk_prepare(st,
		"UPDATE visit SET"
		" called = CASE WHEN ?4 IN ('call') OR (?4 = 'serve' AND called IS NULL) THEN ?2"
		"          ELSE called END,"
		" served = CASE WHEN ?4 = 'serve' THEN ?2 ELSE served END,"
		" ended = CASE WHEN ?4 IN ('end', 'no-show', 'refer') THEN ?2 ELSE ended END,"
		" outcome = CASE ?4 WHEN 'end' THEN 'served' WHEN 'no-show' THEN 'no-show'"
		"           WHEN 'refer' THEN 'referred' ELSE outcome END,"
		" minutes = CASE WHEN ?4 IN ('end', 'refer') AND served IS NOT NULL THEN"
		"           min(600, (unixepoch(?2) - unixepoch(served)) / 60) ELSE minutes END,"
		" call_name = CASE WHEN ?4 IN ('end', 'no-show', 'refer') THEN NULL ELSE call_name END,"
		" staff_id = coalesce(?3, staff_id)"
		" WHERE id = ?1", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, e.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, now, -1, SQLITE_STATIC);
	lk_bind_text(s, 3, staff);
	sqlite3_bind_text(s, 4, move, -1, SQLITE_STATIC);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "visit");
	sqlite3_finalize(s);
	if (rc == LK_OK && out)
		rc = find_visit(st, NULL, e.id, out, err);
	if (rc != LK_OK)
		goto fail;
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}

enum lk_status
lk_queue_list(struct lk_store *st, const char *point, lk_date day, bool open_only,
              lk_queue_cb cb, void *ctx, struct lk_err *err)
{
	char sql[512], d[11];
	snprintf(sql, sizeof sql, "%s WHERE point_id = ?1 AND substr(arrived, 1, 10) = ?2"
	         " AND (?3 = 0 OR (ended IS NULL AND outcome IS NULL)) ORDER BY ticket, arrived",
	         visit_select);
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	lk_bind_text(s, 1, point);
	sqlite3_bind_text(s, 2, lk_date_iso(day, d, sizeof d), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, open_only);
	lk_time now = lk_now();
	struct lk_queue_entry e;
	int r;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		read_entry(s, &e, now);
		if (cb(&e, ctx))
			break;
	}
	sqlite3_finalize(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return lk_sql_err(st, err, "visit");
	return LK_OK;
}

#define DAY_MAX 2000   /* visits of one day at one point that the medians see */

struct day_acc {
	struct lk_piste_day *d;
	int waits[DAY_MAX], services[DAY_MAX];
	int nw, ns;
};

static int
acc_visit(const struct lk_queue_entry *e, void *ctx)
{
	struct day_acc *a = ctx;
	for (int i = 0; i < LK_TOPICS; i++)
		if (strcmp(lk_visit_topics[i], e->topic) == 0)
			a->d->count[i]++;
	a->d->total++;
	if (strcmp(e->state, "waiting") == 0)
		a->d->waiting++;
	else if (strcmp(e->state, "served") == 0)
		a->d->served++;
	else if (strcmp(e->state, "no-show") == 0)
		a->d->no_show++;
	else if (strcmp(e->state, "referred") == 0)
		a->d->referred++;
	/* Waiting counts for those called from the queue (a visit logged at
	 * the desk was never in it). */
	if (e->called != LK_NO_TIME && e->arrived != LK_NO_TIME && a->nw < DAY_MAX)
		a->waits[a->nw++] = e->waited;
	if (e->service >= 0 && a->ns < DAY_MAX)
		a->services[a->ns++] = e->service;
	return 0;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The median in whole minutes (the mean of the middle two, rounded down). */
static int
median(int *v, int n)
{
	if (n == 0)
		return -1;
	qsort(v, (size_t)n, sizeof *v, cmp_int);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

enum lk_status
lk_piste_day(struct lk_store *st, const char *point, lk_date day, struct lk_piste_day *out,
             struct lk_err *err)
{
	memset(out, 0, sizeof *out);
	struct day_acc *a = calloc(1, sizeof *a);
	if (a == NULL)
		return lk_err_set(err, LK_EFAIL, NULL, "out of memory");
	a->d = out;
	enum lk_status rc = lk_queue_list(st, point, day, false, acc_visit, a, err);
	out->wait_median = median(a->waits, a->nw);
	out->service_median = median(a->services, a->ns);
	free(a);
	return rc;
}
