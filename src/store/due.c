/*
 * due.c — gather one client's facts from the store and ask core's cadence
 * rules what is due. Attendance at events counts as core's table says
 * (core/event-rules.c: an attended obligatory targeted session is a
 * supplementary discussion).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/event-rules.h"
#include "store/due.h"
#include "store/idmap.h"
#include "store/store-internal.h"
#include "store/tym-reviews.h"

#define MAX_ROWS 256

/* Appointment kind → the meeting kind the cadence counts. */
static const struct {
	const char *kind;
	enum lk_meeting_kind meeting;
} meeting_kinds[] = {
	{ "alkuhaastattelu", LK_MEET_INITIAL },
	{ "taydentava", LK_MEET_SUPPLEMENTARY },
	{ "tyonhakukeskustelu", LK_MEET_JOBSEARCH },
	{ "verkostopalaveri", LK_MEET_NETWORK },
	{ "tym-paivitys", LK_MEET_TYM_UPDATE },
};

/* Attendance at events, as "event:KIND:OBLIGATION:ATTENDANCE" kinds that
 * meeting_kind() hands to core's table (docs/rules.md#targeted-session-counts). */
#define EVENT_MEETINGS \
	"SELECT 'event:' || e.kind || ':' || p.obligation || ':' || p.attendance, e.start" \
	" FROM event_participant p JOIN event e ON e.id = p.event_id" \
	" WHERE p.attendance IS NOT NULL AND e.status = 'planned'"

static enum lk_meeting_kind
meeting_kind(const char *kind)
{
	if (strncmp(kind, "event:", 6) == 0) {
		char ev[16] = "", att[16] = "";
		int obligation = 0;
		if (sscanf(kind + 6, "%15[^:]:%d:%15s", ev, &obligation, att) != 3)
			return LK_MEET_OTHER;
		return lk_event_counts_as(ev, obligation != 0, att);
	}
	for (size_t i = 0; i < sizeof meeting_kinds / sizeof meeting_kinds[0]; i++)
		if (strcmp(meeting_kinds[i].kind, kind) == 0)
			return meeting_kinds[i].meeting;
	return LK_MEET_OTHER;
}

/* The statements of one client's facts, prepared once for many clients. */
enum {
	Q_CLIENT, Q_MEETINGS, Q_MEASURES, Q_TYM_CASE, Q_TYM_PLANS, Q_TYM_REVIEWS, Q_COUNT
};
static const char *const due_sql[Q_COUNT] = {
	[Q_CLIENT] =
		"SELECT job_search_start, koto_start, residence_permit,"
		" (SELECT min(made) FROM plan WHERE client_id = ?1 AND type IN"
		"   ('kotoutumissuunnitelma', 'monialainen-kotoutumissuunnitelma'))"
		", job_search_end FROM client WHERE id = ?1",
	[Q_MEETINGS] = "SELECT kind, substr(start, 1, 10) FROM ("
	               "SELECT kind, start FROM appointment WHERE client_id = ?1 AND status = 'done'"
	               " UNION ALL " EVENT_MEETINGS " AND p.client_id = ?1) ORDER BY start",
	[Q_MEASURES] = "SELECT k.exempting, m.start, m.end FROM measure m"
	               " JOIN measure_kind k ON k.code = m.kind WHERE m.client_id = ?",
	/* The newest TYM case, open or closed. */
	[Q_TYM_CASE] = "SELECT id, opened, assessment_done, closed FROM tym_case"
	               " WHERE client_id = ? ORDER BY opened DESC LIMIT 1",
	[Q_TYM_PLANS] =
		"SELECT p.made FROM plan p JOIN tym_case t ON t.client_id = p.client_id"
		" WHERE t.id = ?1 AND p.type = 'tym-suunnitelma' AND p.made >= t.opened",
	[Q_TYM_REVIEWS] = "SELECT day FROM tym_review WHERE case_id = ?",
};

/* Every client's facts at once, in the same statements' terms (a report's
 * preload): the client row (the first integration plan only where the
 * rules read it: a KOTO start or a residence permit), which clients have
 * measures or a TYM case (those few are asked per client with the
 * statements above), and the meetings held. Each is one pass over its
 * table; the order is made in C. */
static const char preload_clients_sql[] =
	"SELECT c.id, c.job_search_start, c.koto_start, c.residence_permit,"
	" CASE WHEN c.koto_start IS NOT NULL OR c.residence_permit IS NOT NULL THEN"
	" (SELECT min(made) FROM plan WHERE client_id = c.id AND type IN"
	"   ('kotoutumissuunnitelma', 'monialainen-kotoutumissuunnitelma')) END,"
	" c.job_search_end FROM client c WHERE c.id IS NOT NULL";
static const char preload_measures_sql[] = "SELECT DISTINCT client_id FROM measure";
static const char preload_tym_sql[] = "SELECT DISTINCT client_id FROM tym_case";
static const char preload_meetings_sql[] =
	"SELECT client_id, kind, substr(start, 1, 10), start, rowid FROM appointment"
	" WHERE client_id IS NOT NULL AND status = 'done'"
	" UNION ALL SELECT p.client_id, 'event:' || e.kind || ':' || p.obligation || ':' ||"
	" p.attendance, substr(e.start, 1, 10), e.start, -p.rowid FROM event_participant p"
	" JOIN event e ON e.id = p.event_id WHERE p.attendance IS NOT NULL AND e.status = 'planned'";

struct due_facts {
	char *id;
	lk_date job_search_start, koto_start, residence_permit, integration_plan;
	lk_date job_search_end;
	bool measures, tym;       /* rows there: asked per client */
	size_t meeting, n_meetings;   /* into the reader's meetings */
};

/* A meeting held while preloading, before it is put in Q_MEETINGS's order
 * (start, then rowid: the index appointment(client_id, start)), whatever
 * order the scan reads them in. */
struct held {
	size_t client;     /* into clients */
	size_t start;      /* into the text pool */
	sqlite3_int64 rowid;
	struct lk_meeting m;
};

/* Q_MEETINGS's order. */
static bool
held_after(const struct held *a, const struct held *b, const char *pool)
{
	int c = strcmp(pool + a->start, pool + b->start);
	return c > 0 || (c == 0 && a->rowid > b->rowid);
}

struct lk_due_reader {
	struct lk_store *st;
	sqlite3_stmt *q[Q_COUNT];
	struct due_facts *clients;    /* preloaded */
	size_t n_clients;
	struct lk_idmap *ids;         /* client id → index into clients */
	struct lk_meeting *meetings;
	size_t n_meetings;
	struct lk_tym_reviews *reviews;
};

struct lk_due_reader *
lk_due_reader_open(struct lk_store *st, struct lk_err *err)
{
	struct lk_due_reader *r = calloc(1, sizeof *r);
	if (r == NULL) {
		lk_err_set(err, LK_EFAIL, "db", "out of memory");
		return NULL;
	}
	r->st = st;
	for (int i = 0; i < Q_COUNT; i++)
		if ((r->q[i] = lk_prepare(st, due_sql[i], err)) == NULL) {
			lk_due_reader_close(r);
			return NULL;
		}
	return r;
}

static void
unload(struct lk_due_reader *r)
{
	for (size_t i = 0; i < r->n_clients; i++)
		free(r->clients[i].id);
	free(r->clients);
	free(r->meetings);
	lk_idmap_free(r->ids);
	lk_tym_reviews_free(r->reviews);
	r->ids = NULL;
	r->clients = NULL;
	r->meetings = NULL;
	r->reviews = NULL;
	r->n_clients = r->n_meetings = 0;
}

void
lk_due_reader_close(struct lk_due_reader *r)
{
	if (r == NULL)
		return;
	for (int i = 0; i < Q_COUNT; i++)
		sqlite3_finalize(r->q[i]);
	unload(r);
	free(r);
}

/* Grow *v (elements of size `size`) to hold n + 1. */
static bool
grow(void *v, size_t size, size_t n, size_t *cap)
{
	if (n < *cap)
		return true;
	size_t c = *cap ? *cap * 2 : 1024;
	void *nv = realloc(*(void **)v, c * size);
	if (nv == NULL)
		return false;
	*(void **)v = nv;
	*cap = c;
	return true;
}

static struct due_facts *
find(const struct lk_due_reader *r, const char *id)
{
	size_t k;
	return r->ids && lk_idmap_get(r->ids, id, &k) ? &r->clients[k] : NULL;
}

static enum lk_status
preload_clients(struct lk_due_reader *r, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(r->st, preload_clients_sql, err);
	if (s == NULL)
		return LK_EFAIL;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (!grow(&r->clients, sizeof r->clients[0], r->n_clients, &cap))
			break;
		struct due_facts *c = &r->clients[r->n_clients];
		memset(c, 0, sizeof *c);
		if ((c->id = strdup((const char *)sqlite3_column_text(s, 0))) == NULL)
			break;
		r->n_clients++;
		c->job_search_start = lk_col_date(s, 1);
		c->koto_start = lk_col_date(s, 2);
		c->residence_permit = lk_col_date(s, 3);
		c->integration_plan = lk_col_date(s, 4);
		c->job_search_end = lk_col_date(s, 5);
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		return lk_err_set(err, LK_EFAIL, "db", "out of memory");
	if (rc != SQLITE_DONE)
		return lk_sql_err(r->st, err, "client");
	if ((r->ids = lk_idmap_new(r->n_clients)) == NULL)
		return lk_err_set(err, LK_EFAIL, "db", "out of memory");
	for (size_t k = 0; k < r->n_clients; k++)
		if (!lk_idmap_put(r->ids, r->clients[k].id, k))
			return lk_err_set(err, LK_EFAIL, "db", "out of memory");
	return LK_OK;
}

/* Mark the clients a one-column query of client ids names. */
static enum lk_status
preload_flags(struct lk_due_reader *r, const char *sql, size_t flag, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(r->st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct due_facts *c = find(r, (const char *)sqlite3_column_text(s, 0));
		if (c)
			*(bool *)((char *)c + flag) = true;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lk_sql_err(r->st, err, "client");
	return LK_OK;
}

static enum lk_status
preload_meetings(struct lk_due_reader *r, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(r->st, preload_meetings_sql, err);
	if (s == NULL)
		return LK_EFAIL;
	struct held *held = NULL;
	size_t *order = NULL;    /* held, by client and start */
	char *pool = NULL;
	size_t n = 0, cap = 0, used = 0, pool_cap = 0;
	bool oom = false;
	int rc;
	struct due_facts *c = NULL;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		/* A client's meetings mostly come together: try the last first. */
		const char *id = (const char *)sqlite3_column_text(s, 0);
		if (c == NULL || strcmp(c->id, id))
			c = find(r, id);
		lk_date day = lk_col_date(s, 2);
		if (c == NULL || day == LK_NO_DATE)
			continue;    /* Q_MEETINGS skips those without counting them */
		const char *start = (const char *)sqlite3_column_text(s, 3);
		size_t len = strlen(start) + 1;
		while (used + len > pool_cap && !oom) {
			size_t pc = pool_cap ? pool_cap * 2 : 1 << 20;
			char *np = realloc(pool, pc);
			if (np == NULL)
				oom = true;
			else {
				pool = np;
				pool_cap = pc;
			}
		}
		if (oom || !grow(&held, sizeof held[0], n, &cap)) {
			oom = true;
			break;
		}
		memcpy(pool + used, start, len);
		held[n].client = (size_t)(c - r->clients);
		held[n].start = used;
		held[n].rowid = sqlite3_column_int64(s, 4);
		held[n].m.kind = meeting_kind((const char *)sqlite3_column_text(s, 1));
		held[n].m.day = day;
		used += len;
		n++;
	}
	sqlite3_finalize(s);
	enum lk_status status = LK_OK;
	if (oom)
		status = lk_err_set(err, LK_EFAIL, "db", "out of memory");
	else if (rc != SQLITE_DONE)
		status = lk_sql_err(r->st, err, "appointment");
	else if (n && ((r->meetings = malloc(n * sizeof r->meetings[0])) == NULL ||
	               (order = malloc(n * sizeof order[0])) == NULL))
		status = lk_err_set(err, LK_EFAIL, "db", "out of memory");
	if (status == LK_OK) {
		/* By client, keeping the order read within each. */
		for (size_t i = 0; i < n; i++)
			r->clients[held[i].client].meeting++;
		size_t at = 0;
		for (size_t i = 0; i < r->n_clients; i++) {
			size_t k = r->clients[i].meeting;
			r->clients[i].meeting = at;
			at += k;
		}
		for (size_t i = 0; i < n; i++) {
			struct due_facts *f = &r->clients[held[i].client];
			order[f->meeting + f->n_meetings++] = i;
		}
		/* Then each client's by start and rowid (an insertion sort: a
		 * client has a few, mostly in order already), and the first
		 * MAX_ROWS of them, as Q_MEETINGS stops there. */
		for (size_t i = 0; i < r->n_clients; i++) {
			struct due_facts *f = &r->clients[i];
			size_t *o = order + f->meeting;
			for (size_t j = 1; j < f->n_meetings; j++) {
				size_t v = o[j], k = j;
				for (; k > 0 && held_after(&held[o[k - 1]], &held[v], pool); k--)
					o[k] = o[k - 1];
				o[k] = v;
			}
			size_t first = r->n_meetings;
			for (size_t j = 0; j < f->n_meetings && j < MAX_ROWS; j++)
				r->meetings[r->n_meetings++] = held[o[j]].m;
			f->meeting = first;
			f->n_meetings = r->n_meetings - first;
		}
	}
	free(order);
	free(held);
	free(pool);
	return status;
}

enum lk_status
lk_due_reader_preload(struct lk_due_reader *r, struct lk_err *err)
{
	unload(r);
	enum lk_status rc = preload_clients(r, err);
	if (rc == LK_OK)
		rc = preload_flags(r, preload_measures_sql, offsetof(struct due_facts, measures), err);
	if (rc == LK_OK)
		rc = preload_flags(r, preload_tym_sql, offsetof(struct due_facts, tym), err);
	if (rc == LK_OK)
		rc = preload_meetings(r, err);
	if (rc != LK_OK)
		unload(r);
	return rc;
}

/* Statement i, reset and bound to id. */
static sqlite3_stmt *
bound(struct lk_due_reader *r, int i, const char *id)
{
	sqlite3_stmt *s = r->q[i];
	sqlite3_reset(s);
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	return s;
}

/* Run a one-column date query bound to an id into dates[]. */
static size_t
load_dates(struct lk_due_reader *r, int q, const char *id, lk_date *dates, size_t cap)
{
	sqlite3_stmt *s = bound(r, q, id);
	size_t n = 0;
	while (n < cap && sqlite3_step(s) == SQLITE_ROW) {
		lk_date d = lk_col_date(s, 0);
		if (d != LK_NO_DATE)
			dates[n++] = d;
	}
	sqlite3_reset(s);
	return n;
}

enum lk_status
lk_due_reader_client(struct lk_due_reader *r, const char *client_id, lk_date today,
                     struct lk_due_item *items, size_t *n, struct lk_err *err)
{
	struct lk_meeting meetings[MAX_ROWS];
	struct lk_measure measures[MAX_ROWS];
	lk_date plans[MAX_ROWS], reviews[MAX_ROWS];
	struct lk_cadence_input in = { .today = today };
	char tym_id[65] = "";
	const struct due_facts *c = find(r, client_id);
	sqlite3_stmt *s;

	if (c) {
		in.job_search_start = c->job_search_start;
		in.job_search_end = c->job_search_end;
		in.koto_start = c->koto_start;
		in.residence_permit = c->residence_permit;
		in.integration_plan = c->integration_plan;
		in.meetings = c->n_meetings ? r->meetings + c->meeting : meetings;
		in.n_meetings = c->n_meetings;
	} else {
		s = bound(r, Q_CLIENT, client_id);
		if (sqlite3_step(s) != SQLITE_ROW) {
			sqlite3_reset(s);
			return lk_err_set(err, LK_ENOTFOUND, "id", "no client '%.64s'", client_id);
		}
		in.job_search_start = lk_col_date(s, 0);
		in.job_search_end = lk_col_date(s, 4);
		in.koto_start = lk_col_date(s, 1);
		in.residence_permit = lk_col_date(s, 2);
		in.integration_plan = lk_col_date(s, 3);
		sqlite3_reset(s);

		s = bound(r, Q_MEETINGS, client_id);
		while (in.n_meetings < MAX_ROWS && sqlite3_step(s) == SQLITE_ROW) {
			struct lk_meeting *m = &meetings[in.n_meetings];
			m->kind = meeting_kind((const char *)sqlite3_column_text(s, 0));
			m->day = lk_col_date(s, 1);
			if (m->day != LK_NO_DATE)
				in.n_meetings++;
		}
		sqlite3_reset(s);
		in.meetings = meetings;
	}

	if (c == NULL || c->measures) {
		s = bound(r, Q_MEASURES, client_id);
		while (in.n_measures < MAX_ROWS && sqlite3_step(s) == SQLITE_ROW) {
			struct lk_measure *m = &measures[in.n_measures];
			m->exempting = sqlite3_column_int(s, 0);
			m->start = lk_col_date(s, 1);
			m->end = lk_col_date(s, 2);
			if (m->start != LK_NO_DATE)
				in.n_measures++;
		}
		sqlite3_reset(s);
	}
	in.measures = measures;

	in.tym_start = in.tym_assessment_done = in.tym_end = LK_NO_DATE;
	if (c == NULL || c->tym) {
		s = bound(r, Q_TYM_CASE, client_id);
		if (sqlite3_step(s) == SQLITE_ROW) {
			lk_col_text(s, 0, tym_id, sizeof tym_id);
			in.tym_start = lk_col_date(s, 1);
			in.tym_assessment_done = lk_col_date(s, 2);
			in.tym_end = lk_col_date(s, 3);
		}
		sqlite3_reset(s);
	}
	if (tym_id[0]) {
		in.n_tym_plan_dates = load_dates(r, Q_TYM_PLANS, tym_id, plans, MAX_ROWS);
		/* All the reviews at once: tym_review has no index by case, so
		 * reading them all costs what one case's query costs. */
		if (r->reviews == NULL)
			r->reviews = lk_tym_reviews_load(r->st, NULL);
		if (r->reviews) {
			/* Q_TYM_REVIEWS's rows: the first MAX_ROWS with a day. */
			const lk_date *days;
			size_t k = lk_tym_reviews_of(r->reviews, tym_id, &days);
			for (size_t i = 0; i < k && in.n_tym_reviews < MAX_ROWS; i++)
				if (days[i] != LK_NO_DATE)
					reviews[in.n_tym_reviews++] = days[i];
		} else {
			in.n_tym_reviews = load_dates(r, Q_TYM_REVIEWS, tym_id, reviews, MAX_ROWS);
		}
		in.tym_plan_dates = plans;
		in.tym_reviews = reviews;
	}
	size_t total = lk_cadence(&in, items, LK_DUE_MAX);
	*n = total < LK_DUE_MAX ? total : LK_DUE_MAX;
	return LK_OK;
}

enum lk_status
lk_client_due(struct lk_store *st, const char *client_id, lk_date today,
              struct lk_due_item *items, size_t *n, struct lk_err *err)
{
	struct lk_due_reader *r = lk_due_reader_open(st, err);
	if (r == NULL)
		return LK_EFAIL;
	enum lk_status rc = lk_due_reader_client(r, client_id, today, items, n, err);
	lk_due_reader_close(r);
	return rc;
}
