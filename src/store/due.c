/*
 * due.c — gather one client's facts from the store and ask core's cadence
 * rules what is due.
 */
#include <string.h>

#include "store/due.h"
#include "store/store-internal.h"

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

static enum lk_meeting_kind
meeting_kind(const char *kind)
{
	for (size_t i = 0; i < sizeof meeting_kinds / sizeof meeting_kinds[0]; i++)
		if (strcmp(meeting_kinds[i].kind, kind) == 0)
			return meeting_kinds[i].meeting;
	return LK_MEET_OTHER;
}

/* Run a one-column date query bound to the client id into dates[]. */
static size_t
load_dates(struct lk_store *st, const char *sql, const char *id, lk_date *dates, size_t cap)
{
	sqlite3_stmt *s = lk_prepare(st, sql, NULL);
	size_t n = 0;
	if (s == NULL)
		return 0;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	while (n < cap && sqlite3_step(s) == SQLITE_ROW) {
		lk_date d = lk_col_date(s, 0);
		if (d != LK_NO_DATE)
			dates[n++] = d;
	}
	sqlite3_finalize(s);
	return n;
}

enum lk_status
lk_client_due(struct lk_store *st, const char *client_id, lk_date today,
              struct lk_due_item *items, size_t *n, struct lk_err *err)
{
	struct lk_meeting meetings[MAX_ROWS];
	struct lk_measure measures[MAX_ROWS];
	lk_date plans[MAX_ROWS], reviews[MAX_ROWS];
	struct lk_cadence_input in = { .today = today };
	char tym_id[65] = "";

	sqlite3_stmt *s = lk_prepare(st,
		"SELECT job_search_start, koto_start, residence_permit,"
		" (SELECT min(made) FROM plan WHERE client_id = ?1 AND type IN"
		"   ('kotoutumissuunnitelma', 'monialainen-kotoutumissuunnitelma'))"
		" FROM client WHERE id = ?1", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, client_id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_finalize(s);
		return lk_err_set(err, LK_ENOTFOUND, "id", "no client '%.64s'", client_id);
	}
	in.job_search_start = lk_col_date(s, 0);
	in.koto_start = lk_col_date(s, 1);
	in.residence_permit = lk_col_date(s, 2);
	in.integration_plan = lk_col_date(s, 3);
	sqlite3_finalize(s);

	s = lk_prepare(st, "SELECT kind, substr(start, 1, 10) FROM appointment"
	                   " WHERE client_id = ? AND status = 'done' ORDER BY start", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, client_id, -1, SQLITE_TRANSIENT);
	while (in.n_meetings < MAX_ROWS && sqlite3_step(s) == SQLITE_ROW) {
		struct lk_meeting *m = &meetings[in.n_meetings];
		m->kind = meeting_kind((const char *)sqlite3_column_text(s, 0));
		m->day = lk_col_date(s, 1);
		if (m->day != LK_NO_DATE)
			in.n_meetings++;
	}
	sqlite3_finalize(s);
	in.meetings = meetings;

	s = lk_prepare(st, "SELECT k.exempting, m.start, m.end FROM measure m"
	                   " JOIN measure_kind k ON k.code = m.kind WHERE m.client_id = ?", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, client_id, -1, SQLITE_TRANSIENT);
	while (in.n_measures < MAX_ROWS && sqlite3_step(s) == SQLITE_ROW) {
		struct lk_measure *m = &measures[in.n_measures];
		m->exempting = sqlite3_column_int(s, 0);
		m->start = lk_col_date(s, 1);
		m->end = lk_col_date(s, 2);
		if (m->start != LK_NO_DATE)
			in.n_measures++;
	}
	sqlite3_finalize(s);
	in.measures = measures;

	/* The newest TYM case, open or closed. */
	in.tym_start = in.tym_assessment_done = in.tym_end = LK_NO_DATE;
	s = lk_prepare(st, "SELECT id, opened, assessment_done, closed FROM tym_case"
	                   " WHERE client_id = ? ORDER BY opened DESC LIMIT 1", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, client_id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW) {
		lk_col_text(s, 0, tym_id, sizeof tym_id);
		in.tym_start = lk_col_date(s, 1);
		in.tym_assessment_done = lk_col_date(s, 2);
		in.tym_end = lk_col_date(s, 3);
	}
	sqlite3_finalize(s);
	if (tym_id[0]) {
		in.n_tym_plan_dates = load_dates(st,
			"SELECT p.made FROM plan p JOIN tym_case t ON t.client_id = p.client_id"
			" WHERE t.id = ?1 AND p.type = 'tym-suunnitelma' AND p.made >= t.opened",
			tym_id, plans, MAX_ROWS);
		in.n_tym_reviews = load_dates(st, "SELECT day FROM tym_review WHERE case_id = ?",
		                              tym_id, reviews, MAX_ROWS);
		in.tym_plan_dates = plans;
		in.tym_reviews = reviews;
	}
	size_t total = lk_cadence(&in, items, LK_DUE_MAX);
	*n = total < LK_DUE_MAX ? total : LK_DUE_MAX;
	return LK_OK;
}
