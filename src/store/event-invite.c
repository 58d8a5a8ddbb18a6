/*
 * event-invite.c — inviting a target group to a targeted session or a group
 * (event.h): the filter (municipality, point, service line, months since
 * the job-search start, age range, language, caseworker, no meeting booked
 * in the next N days) is one bound query over the clients in job search,
 * the age is read from the identity code in C (core/hetu.c, event-rules.c),
 * and every invitation of one call is written in one transaction — or,
 * on a dry run, only counted.
 */
#include <stdio.h>
#include <string.h>

#include "core/hetu.h"
#include "i18n.h"
#include "store/client.h"
#include "store/event.h"
#include "store/store-internal.h"
#include "store/validate.h"

static const char group_sql[] =
	"SELECT c.id, c.hetu, EXISTS (SELECT 1 FROM event_participant p"
	"  WHERE p.event_id = ?10 AND p.client_id = c.id AND p.invited IS NOT NULL)"
	" FROM client c"
	" WHERE (?1 IS NULL OR c.id = ?1)"
	" AND (?1 IS NOT NULL OR (c.job_search_start IS NOT NULL AND c.job_search_start <= ?11"
	"      AND (c.job_search_end IS NULL OR c.job_search_end >= ?11)))"
	" AND (?2 IS NULL OR c.municipality_id = ?2)"
	" AND (?3 IS NULL OR c.municipality_id = (SELECT municipality_id FROM service_point"
	"      WHERE id = ?3))"
	" AND (?4 IS NULL OR c.service_line = ?4)"
	" AND (?5 IS NULL OR c.job_search_start <= ?5)"
	" AND (?6 IS NULL OR c.lang = ?6)"
	" AND (?7 IS NULL OR c.caseworker_id = ?7)"
	" AND (?8 IS NULL OR NOT EXISTS (SELECT 1 FROM appointment a WHERE a.client_id = c.id"
	"      AND a.status IN ('scheduled', 'checked-in') AND a.start >= ?9 AND a.start < ?8))"
	" ORDER BY c.rowid";

/* Resolve and check the filter's references; the municipality's id into muni. */
static enum lk_status
check_filter(struct lk_store *st, const struct lk_invite_filter *f, char *muni,
             struct lk_err *err)
{
	enum lk_status rc = LK_OK;
	muni[0] = '\0';
	if (f->service_line &&
	    (rc = lk_check_enum("service-line", f->service_line, lk_service_lines, err)) != LK_OK)
		return rc;
	if (f->lang && (rc = lk_check_lang("lang", f->lang, err)) != LK_OK)
		return rc;
	if (f->months_min < -1 || f->months_min > 600)
		return lk_err_set(err, LK_EINPUT, "months", "months since the job-search start: 0-600");
	if ((f->age_min != -1 && (f->age_min < 0 || f->age_min > 120)) ||
	    (f->age_max != -1 && (f->age_max < 0 || f->age_max > 120)) ||
	    (f->age_min != -1 && f->age_max != -1 && f->age_min > f->age_max))
		return lk_err_set(err, LK_EINPUT, "age", "an age range is MIN-MAX years, 0-120");
	if (f->no_meeting_days < -1 || f->no_meeting_days > 366)
		return lk_err_set(err, LK_EINPUT, "no-meeting-days", "no meeting in the next 0-366 days");
	struct {
		const char *v, *sql, *field, *what;
		char *out;
	} refs[] = {
		{ f->municipality, "SELECT id FROM municipality WHERE id = ?1 OR name = ?1 COLLATE NOCASE",
		  "municipality", "no municipality '%.64s' in this area", muni },
		{ f->point, "SELECT id FROM service_point WHERE id = ?1", "point",
		  "no service point '%.64s'", NULL },
		{ f->caseworker, "SELECT id FROM staff WHERE id = ?1", "caseworker",
		  "no staff member '%.64s'", NULL },
		{ f->client, "SELECT id FROM client WHERE id = ?1", "client", "no client '%.64s'", NULL },
	};
	for (size_t i = 0; i < sizeof refs / sizeof refs[0] && rc == LK_OK; i++) {
		if (refs[i].v == NULL)
			continue;
		sqlite3_stmt *s = lk_prepare(st, refs[i].sql, err);
		if (s == NULL)
			return LK_EFAIL;
		sqlite3_bind_text(s, 1, refs[i].v, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) == SQLITE_ROW) {
			if (refs[i].out)
				lk_col_text(s, 0, refs[i].out, 65);
		} else {
			rc = lk_err_set(err, LK_ENOTFOUND, refs[i].field, refs[i].what, refs[i].v);
		}
		sqlite3_finalize(s);
	}
	return rc;
}

static bool
age_fits(const struct lk_invite_filter *f, const char *hetu, lk_date today)
{
	if (f->age_min == -1 && f->age_max == -1)
		return true;
	struct lk_hetu h;
	if (hetu == NULL || lk_hetu_parse(hetu, &h) != LK_HETU_OK)
		return false;
	int age = lk_age_on(h.birth, today);
	return (f->age_min == -1 || age >= f->age_min) && (f->age_max == -1 || age <= f->age_max);
}

enum lk_status
lk_event_invite(struct lk_store *st, const char *id, const struct lk_invite_filter *f,
                bool dry_run, const char *actor, int *matched, int *added, struct lk_err *err)
{
	*matched = *added = 0;
	char muni[65];
	enum lk_status rc = lk_store_begin(st, err);
	if (rc != LK_OK)
		return rc;
	struct lk_event e;
	if ((rc = lk_event_get(st, id, &e, err)) != LK_OK ||
	    (rc = check_filter(st, f, muni, err)) != LK_OK)
		goto fail;
	if (strcmp(e.status, "cancelled") == 0) {
		rc = lk_err_set(err, LK_ECLASH, "id", "the event is cancelled");
		goto fail;
	}
	if (strcmp(e.kind, "info") == 0) {
		rc = lk_err_set(err, LK_ECLASH, "id", "an info event is open to anyone; nobody is invited");
		goto fail;
	}
	if (lk_now() >= e.start) {
		rc = lk_err_set(err, LK_ECLASH, "id", "the event has already started");
		goto fail;
	}
	lk_date today = lk_today();
	char today_iso[16], since[16], now[20], until[20];
	lk_date_iso(today, today_iso, sizeof today_iso);
	if (f->months_min >= 0)
		lk_date_iso(lk_add_months(today, -f->months_min), since, sizeof since);
	lk_time_iso(lk_now(), now, sizeof now);
	if (f->no_meeting_days >= 0)
		lk_time_iso(lk_time_make(today + f->no_meeting_days + 1, 0, 0), until, sizeof until);
	sqlite3_stmt *q = lk_prepare(st, group_sql, err);
	sqlite3_stmt *ins = q == NULL ? NULL : lk_prepare(st,
		"INSERT INTO event_participant(id, event_id, client_id, invited, obligation, staff_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, (SELECT id FROM staff WHERE id = ?6))"
		" ON CONFLICT(id) DO UPDATE SET invited = excluded.invited,"
		" obligation = excluded.obligation, staff_id = excluded.staff_id"
		" WHERE event_participant.invited IS NULL", err);
	if (ins == NULL) {
		sqlite3_finalize(q);
		rc = LK_EFAIL;
		goto fail;
	}
	lk_bind_text(q, 1, f->client);
	lk_bind_text(q, 2, muni);
	lk_bind_text(q, 3, f->point);
	lk_bind_text(q, 4, f->service_line);
	lk_bind_text(q, 5, f->months_min >= 0 ? since : NULL);
	lk_bind_text(q, 6, f->lang);
	lk_bind_text(q, 7, f->caseworker);
	lk_bind_text(q, 8, f->no_meeting_days >= 0 ? until : NULL);
	sqlite3_bind_text(q, 9, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 10, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 11, today_iso, -1, SQLITE_STATIC);
	sqlite3_bind_text(ins, 2, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(ins, 4, now, -1, SQLITE_STATIC);
	sqlite3_bind_int(ins, 5, f->obligation || e.obligation);
	lk_bind_text(ins, 6, actor);
	int step;
	while (rc == LK_OK && (step = sqlite3_step(q)) == SQLITE_ROW) {
		if (!age_fits(f, (const char *)sqlite3_column_text(q, 1), today))
			continue;
		(*matched)++;
		if (sqlite3_column_int(q, 2))
			continue;   /* invited already */
		if (dry_run) {
			(*added)++;
			continue;
		}
		const char *client = (const char *)sqlite3_column_text(q, 0);
		char pid[LK_ID_LEN + 1];
		lk_event_participant_id(id, client, pid);
		sqlite3_reset(ins);
		sqlite3_bind_text(ins, 1, pid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 3, client, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = lk_sql_err(st, err, "invitation");
		else
			*added += sqlite3_changes(st->db) > 0;
	}
	if (rc == LK_OK && step != SQLITE_DONE)
		rc = lk_sql_err(st, err, "target group");
	sqlite3_finalize(q);
	sqlite3_finalize(ins);
	if (rc != LK_OK)
		goto fail;
	if (f->client && *matched == 0) {
		rc = lk_err_set(err, LK_ENOTFOUND, "client", "no client '%.64s'", f->client);
		goto fail;
	}
	if (dry_run) {
		lk_store_rollback(st);
		return LK_OK;
	}
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}
