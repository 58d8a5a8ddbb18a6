/*
 * event.c — adding, reading, cancelling and counting events, and the clash
 * rule they share with bookings (event.h). The list itself is in
 * event-signup.c, invitations in event-invite.c.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "store/appointment.h"
#include "store/event.h"
#include "store/store-internal.h"
#include "store/validate.h"

enum lk_status
lk_event_clash(struct lk_store *st, const char *staff, const char *room, lk_time start,
               int minutes, const char *except, struct lk_err *err)
{
	char from[20], to[20], lower[20];
	lk_time_iso(start, from, sizeof from);
	lk_time_iso(start + minutes, to, sizeof to);
	lk_time_iso(start - 480, lower, sizeof lower);  /* no event is longer than 8 h */
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT e.host_id = ?1, e.start, e.minutes, s.surname || ' ' || s.given_names,"
		" coalesce(r.name, ''), e.title"
		" FROM event e JOIN staff s ON s.id = e.host_id"
		" LEFT JOIN room r ON r.id = e.room_id"
		" WHERE (e.host_id = ?1 OR e.room_id = ?2) AND e.status = 'planned'"
		" AND e.start < ?3 AND e.start > ?5 AND (?6 IS NULL OR e.id <> ?6)"
		" AND strftime('%Y-%m-%d %H:%M', e.start, '+' || e.minutes || ' minutes') > ?4"
		" ORDER BY e.start LIMIT 1", err);
	if (s == NULL)
		return LK_EFAIL;
	lk_bind_text(s, 1, staff);
	lk_bind_text(s, 2, room);
	sqlite3_bind_text(s, 3, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, lower, -1, SQLITE_STATIC);
	lk_bind_text(s, 6, except);
	enum lk_status rc = LK_OK;
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		lk_time t;
		char when[20] = "?";
		if (lk_time_parse((const char *)sqlite3_column_text(s, 1), &t))
			lk_time_fi(t, when, sizeof when);
		int m = sqlite3_column_int(s, 2);
		if (sqlite3_column_int(s, 0))
			rc = lk_err_set(err, LK_ECLASH, "at", "%s hosts the event '%s' at %s (%d min)",
			                (const char *)sqlite3_column_text(s, 3),
			                (const char *)sqlite3_column_text(s, 5), when, m);
		else
			rc = lk_err_set(err, LK_ECLASH, "room",
			                "room %s is taken by the event '%s' at %s (%d min)",
			                (const char *)sqlite3_column_text(s, 4),
			                (const char *)sqlite3_column_text(s, 5), when, m);
	} else if (step != SQLITE_DONE) {
		rc = lk_sql_err(st, err, "clash check");
	}
	sqlite3_finalize(s);
	return rc;
}

static enum lk_status
check_input(const struct lk_event_input *in, lk_time *start, struct lk_repeat *rep,
            struct lk_err *err)
{
	enum lk_status rc;
	if (in->title == NULL || in->title[0] == '\0')
		return lk_err_set(err, LK_EINPUT, "title", "the event needs a title (--title T)");
	if ((rc = lk_check_text("title", in->title, 200, err)) != LK_OK)
		return rc;
	if (in->kind == NULL)
		return lk_err_set(err, LK_EINPUT, "kind", "the kind of event is needed (info, targeted, group)");
	if ((rc = lk_check_enum("kind", in->kind, lk_event_kinds, err)) != LK_OK)
		return rc;
	if (in->point == NULL)
		return lk_err_set(err, LK_EINPUT, "point", "where is the event? (--point ID)");
	if (in->at == NULL || !lk_time_parse(in->at, start))
		return lk_err_set(err, LK_EINPUT, "at", "'%s' is not a time (YYYY-MM-DD HH:MM)",
		                  in->at ? in->at : "");
	if (in->minutes < 5 || in->minutes > 480)
		return lk_err_set(err, LK_EINPUT, "minutes", "an event lasts 5-480 minutes, not %d",
		                  in->minutes);
	if (in->capacity < 1 || in->capacity > 10000)
		return lk_err_set(err, LK_EINPUT, "capacity", "the capacity is 1-10000 people, not %d",
		                  in->capacity);
	if (in->host == NULL)
		return lk_err_set(err, LK_EINPUT, "host", "who hosts the event? (--host ID)");
	if (in->lang && (rc = lk_check_lang("lang", in->lang, err)) != LK_OK)
		return rc;
	if (in->partner && (rc = lk_check_text("partner", in->partner, 200, err)) != LK_OK)
		return rc;
	if (in->link && (rc = lk_check_text("link", in->link, 500, err)) != LK_OK)
		return rc;
	if (in->description && (rc = lk_check_text("description", in->description, 1000, err)) != LK_OK)
		return rc;
	if (in->obligation && strcmp(in->kind, "targeted") != 0)
		return lk_err_set(err, LK_EINPUT, "obligation",
		                  "only a targeted session can be an obligation");
	rep->weekdays = 0;
	if (in->repeat) {
		if (strcmp(in->kind, "group") != 0)
			return lk_err_set(err, LK_EINPUT, "repeat", "only a group recurs");
		if (!lk_repeat_parse(in->repeat, rep))
			return lk_err_set(err, LK_EINPUT, "repeat",
			                  "'%s' is not a recurrence (e.g. \"mon,wed until 2026-04-30\")",
			                  in->repeat);
	}
	if (in->benefit_checked_by && strcmp(in->kind, "group") != 0)
		return lk_err_set(err, LK_EINPUT, "benefit-checked-by",
		                  "the benefit effect is checked for groups");
	return LK_OK;
}

static enum lk_status
require(struct lk_store *st, const char *sql, const char *a, const char *b, enum lk_status code,
        const char *field, const char *fmt, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	lk_bind_text(s, 1, a);
	lk_bind_text(s, 2, b);
	enum lk_status rc = sqlite3_step(s) == SQLITE_ROW ? LK_OK
		: lk_err_set(err, code, field, fmt, a);
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_event_add(struct lk_store *st, const struct lk_event_input *in, char (*ids)[LK_ID_LEN + 1],
             size_t cap, size_t *n, struct lk_err *err)
{
	lk_time start;
	struct lk_repeat rep;
	enum lk_status rc = check_input(in, &start, &rep, err);
	if (rc != LK_OK)
		return rc;
	lk_date days[LK_REPEAT_MAX];
	size_t ndays = 1;
	days[0] = lk_time_date(start);
	if (in->repeat) {
		ndays = lk_repeat_expand(days[0], &rep, days, LK_REPEAT_MAX);
		if (ndays == 0)
			return lk_err_set(err, LK_EINPUT, "repeat", "the series ends before it starts");
		if (ndays > LK_REPEAT_MAX)
			return lk_err_set(err, LK_EINPUT, "repeat", "a series has at most %d occurrences, not %zu",
			                  LK_REPEAT_MAX, ndays);
	}
	if (ndays > cap)
		return lk_err_set(err, LK_EFAIL, "repeat", "too many occurrences");
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	if ((rc = require(st, "SELECT 1 FROM service_point WHERE id = ?1", in->point, NULL,
	                  LK_ENOTFOUND, "point", "no service point '%.64s'", err)) != LK_OK ||
	    (rc = require(st, "SELECT 1 FROM staff WHERE id = ?1 AND active = 1", in->host, NULL,
	                  LK_ENOTFOUND, "host", "no staff member '%.64s'", err)) != LK_OK ||
	    (in->room && (rc = require(st, "SELECT 1 FROM room WHERE id = ?1 AND point_id = ?2",
	                               in->room, in->point, LK_ENOTFOUND, "room",
	                               "no room '%.64s' at that point", err)) != LK_OK) ||
	    (in->benefit_checked_by &&
	     (rc = require(st, "SELECT 1 FROM staff WHERE id = ?1 AND role IN ('lead', 'admin')",
	                   in->benefit_checked_by, NULL, LK_EINPUT, "benefit-checked-by",
	                   "'%.64s' is no team or service lead", err)) != LK_OK))
		goto fail;
	int minute = lk_time_minute_of_day(start);
	char now[20];
	lk_time_iso(lk_now(), now, sizeof now);
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO event(id, title, kind, point_id, room_id, link, start, minutes, capacity,"
		" host_id, partner, lang, description, obligation, series_id, benefit_checked_by, created)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, coalesce(?12, 'fi'), ?13, ?14,"
		" ?15, ?16, ?17)", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	for (size_t i = 0; i < ndays && rc == LK_OK; i++) {
		lk_time t = lk_time_make(days[i], minute / 60, minute % 60);
		if ((rc = lk_appointment_clash(st, in->host, in->room, t, in->minutes, NULL, err))
		        != LK_OK ||
		    (rc = lk_event_clash(st, in->host, in->room, t, in->minutes, NULL, err)) != LK_OK)
			break;
		char at[20];
		lk_new_id(ids[i]);
		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, ids[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, in->title, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, in->kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, in->point, -1, SQLITE_STATIC);
		lk_bind_text(s, 5, in->room);
		lk_bind_text(s, 6, in->link);
		sqlite3_bind_text(s, 7, lk_time_iso(t, at, sizeof at), -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(s, 8, in->minutes);
		sqlite3_bind_int(s, 9, in->capacity);
		sqlite3_bind_text(s, 10, in->host, -1, SQLITE_STATIC);
		lk_bind_text(s, 11, in->partner);
		lk_bind_text(s, 12, in->lang);
		lk_bind_text(s, 13, in->description);
		sqlite3_bind_int(s, 14, in->obligation);
		lk_bind_text(s, 15, in->repeat ? ids[0] : NULL);
		lk_bind_text(s, 16, in->benefit_checked_by);
		sqlite3_bind_text(s, 17, now, -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = lk_sql_err(st, err, "event");
	}
	sqlite3_finalize(s);
	if (rc != LK_OK)
		goto fail;
	if ((rc = lk_store_commit(st, err)) == LK_OK)
		*n = ndays;
	return rc;
fail:
	lk_store_rollback(st);
	return rc;
}

#define EVENT_COLUMNS \
	"SELECT e.id, e.title, e.kind, e.point_id, coalesce(p.name, ''), coalesce(e.room_id, '')," \
	" coalesce(r.name, ''), coalesce(e.link, ''), e.start, e.minutes, e.capacity, e.host_id," \
	" s.surname || ' ' || s.given_names, coalesce(e.partner, ''), e.lang," \
	" coalesce(e.description, ''), e.obligation, coalesce(e.series_id, '')," \
	" coalesce(e.benefit_checked_by, ''), coalesce(e.head_count, -1), e.status," \
	" coalesce(e.cancel_reason, '')" \
	" FROM event e JOIN staff s ON s.id = e.host_id" \
	" LEFT JOIN service_point p ON p.id = e.point_id" \
	" LEFT JOIN room r ON r.id = e.room_id"

static void
read_row(sqlite3_stmt *s, struct lk_event *e)
{
	memset(e, 0, sizeof *e);
	lk_col_text(s, 0, e->id, sizeof e->id);
	lk_col_text(s, 1, e->title, sizeof e->title);
	lk_col_text(s, 2, e->kind, sizeof e->kind);
	lk_col_text(s, 3, e->point_id, sizeof e->point_id);
	lk_col_text(s, 4, e->point_name, sizeof e->point_name);
	lk_col_text(s, 5, e->room_id, sizeof e->room_id);
	lk_col_text(s, 6, e->room_name, sizeof e->room_name);
	lk_col_text(s, 7, e->link, sizeof e->link);
	if (!lk_time_parse((const char *)sqlite3_column_text(s, 8), &e->start))
		e->start = 0;
	e->minutes = sqlite3_column_int(s, 9);
	e->capacity = sqlite3_column_int(s, 10);
	lk_col_text(s, 11, e->host_id, sizeof e->host_id);
	lk_col_text(s, 12, e->host_name, sizeof e->host_name);
	lk_col_text(s, 13, e->partner, sizeof e->partner);
	lk_col_text(s, 14, e->lang, sizeof e->lang);
	lk_col_text(s, 15, e->description, sizeof e->description);
	e->obligation = sqlite3_column_int(s, 16) != 0;
	lk_col_text(s, 17, e->series_id, sizeof e->series_id);
	lk_col_text(s, 18, e->benefit_checked_by, sizeof e->benefit_checked_by);
	e->head_count = sqlite3_column_int(s, 19);
	lk_col_text(s, 20, e->status, sizeof e->status);
	lk_col_text(s, 21, e->cancel_reason, sizeof e->cancel_reason);
}

/* The list's figures of one event. With event_id bound, SQLite pushes the
 * filter into the view's window; a correlated subquery would not, and
 * would number every list of the area for each event. */
static void
read_counts(sqlite3_stmt *c, struct lk_event *e)
{
	sqlite3_reset(c);
	sqlite3_bind_text(c, 1, e->id, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(c) == SQLITE_ROW) {
		const char *state = (const char *)sqlite3_column_text(c, 0);
		int n = sqlite3_column_int(c, 1);
		int *to = strcmp(state, "invited") == 0 ? &e->invited
			: strcmp(state, "signed-up") == 0 ? &e->signed_up
			: strcmp(state, "waiting") == 0 ? &e->waiting
			: strcmp(state, "cancelled") == 0 ? &e->cancelled
			: strcmp(state, "attended") == 0 ? &e->attended
			: strcmp(state, "no-show") == 0 ? &e->no_show : NULL;
		if (to)
			*to = n;
	}
}

static enum lk_status
walk(struct lk_store *st, sqlite3_stmt *s, lk_event_cb cb, void *ctx, struct lk_err *err)
{
	struct lk_event e;
	int step;
	sqlite3_stmt *c = lk_prepare(st, "SELECT state, count(*) FROM event_participant_state"
	                                 " WHERE event_id = ?1 GROUP BY state", err);
	if (c == NULL) {
		sqlite3_finalize(s);
		return LK_EFAIL;
	}
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		read_row(s, &e);
		read_counts(c, &e);
		if (cb(&e, ctx))
			break;
	}
	sqlite3_finalize(c);
	sqlite3_finalize(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return lk_sql_err(st, err, "events");
	return LK_OK;
}

static int
copy_one(const struct lk_event *e, void *ctx)
{
	*(struct lk_event *)ctx = *e;
	return 1;
}

enum lk_status
lk_event_get(struct lk_store *st, const char *id, struct lk_event *out, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, EVENT_COLUMNS " WHERE e.id = ?1", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	out->id[0] = '\0';
	enum lk_status rc = walk(st, s, copy_one, out, err);
	if (rc == LK_OK && out->id[0] == '\0')
		rc = lk_err_set(err, LK_ENOTFOUND, "id", "no event '%.64s'", id);
	return rc;
}

enum lk_status
lk_event_list(struct lk_store *st, const char *point, const char *host, lk_date from, int days,
              lk_event_cb cb, void *ctx, struct lk_err *err)
{
	if (days < 1 || days > 366)
		return lk_err_set(err, LK_EINPUT, "days", "a list covers 1-366 days, not %d", days);
	sqlite3_stmt *s = lk_prepare(st, EVENT_COLUMNS
		" WHERE (?1 IS NULL OR e.point_id = ?1) AND (?2 IS NULL OR e.host_id = ?2)"
		" AND e.start >= ?3 AND e.start < ?4 ORDER BY e.start, e.title", err);
	if (s == NULL)
		return LK_EFAIL;
	lk_bind_text(s, 1, point);
	lk_bind_text(s, 2, host);
	lk_bind_date(s, 3, from);
	lk_bind_date(s, 4, from + days);
	return walk(st, s, cb, ctx, err);
}

/* One UPDATE of an event in its own transaction, after `check`. */
static enum lk_status
update_event(struct lk_store *st, const char *sql, const char *id, const char *text, int num,
             struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	lk_bind_text(s, 2, text);
	sqlite3_bind_int(s, 3, num);
	enum lk_status rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "event");
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_event_set(struct lk_store *st, const char *id, const struct lk_event_input *in,
             struct lk_err *err)
{
	enum lk_status rc;
	lk_time start = 0;
	if (in->title && in->title[0] == '\0')
		return lk_err_set(err, LK_EINPUT, "title", "the event needs a title (--title T)");
	if (in->title && (rc = lk_check_text("title", in->title, 200, err)) != LK_OK)
		return rc;
	if (in->at && !lk_time_parse(in->at, &start))
		return lk_err_set(err, LK_EINPUT, "at", "'%s' is not a time (YYYY-MM-DD HH:MM)", in->at);
	if (in->minutes && (in->minutes < 5 || in->minutes > 480))
		return lk_err_set(err, LK_EINPUT, "minutes", "an event lasts 5-480 minutes, not %d",
		                  in->minutes);
	if (in->capacity && (in->capacity < 1 || in->capacity > 10000))
		return lk_err_set(err, LK_EINPUT, "capacity", "the capacity is 1-10000 people, not %d",
		                  in->capacity);
	if (in->lang && (rc = lk_check_lang("lang", in->lang, err)) != LK_OK)
		return rc;
	const char *texts[][2] = { { "partner", in->partner }, { "link", in->link },
	                           { "description", in->description } };
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (texts[i][1] && (rc = lk_check_text(texts[i][0], texts[i][1], 1000, err)) != LK_OK)
			return rc;
	if (in->kind || in->repeat || in->obligation)
		return lk_err_set(err, LK_EINPUT, in->kind ? "kind" : in->repeat ? "repeat" : "obligation",
		                  "the kind, the recurrence and the obligation stay as the event was added");
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	struct lk_event e;
	if ((rc = lk_event_get(st, id, &e, err)) != LK_OK)
		goto fail;
	if (strcmp(e.status, "cancelled") == 0) {
		rc = lk_err_set(err, LK_ECLASH, "id", "the event is cancelled");
		goto fail;
	}
	const char *host = in->host ? in->host : e.host_id;
	const char *room = in->room ? (in->room[0] ? in->room : NULL)
	                            : (e.room_id[0] ? e.room_id : NULL);
	lk_time t = in->at ? start : e.start;
	int minutes = in->minutes ? in->minutes : e.minutes;
	if ((in->host && (rc = require(st, "SELECT 1 FROM staff WHERE id = ?1 AND active = 1", host,
	                               NULL, LK_ENOTFOUND, "host", "no staff member '%.64s'",
	                               err)) != LK_OK) ||
	    (room && in->room && (rc = require(st, "SELECT 1 FROM room WHERE id = ?1 AND point_id = ?2",
	                                       room, e.point_id, LK_ENOTFOUND, "room",
	                                       "no room '%.64s' at that point", err)) != LK_OK) ||
	    (rc = lk_appointment_clash(st, host, room, t, minutes, NULL, err)) != LK_OK ||
	    (rc = lk_event_clash(st, host, room, t, minutes, e.id, err)) != LK_OK)
		goto fail;
	if (in->benefit_checked_by) {
		if (strcmp(e.kind, "group") != 0) {
			rc = lk_err_set(err, LK_EINPUT, "benefit-checked-by",
			                "the benefit effect is checked for groups");
			goto fail;
		}
		if ((rc = require(st, "SELECT 1 FROM staff WHERE id = ?1 AND role IN ('lead', 'admin')",
		                  in->benefit_checked_by, NULL, LK_EINPUT, "benefit-checked-by",
		                  "'%.64s' is no team or service lead", err)) != LK_OK ||
		    (rc = update_event(st, "UPDATE event SET benefit_checked_by = ?2"
		                       " WHERE id = ?1 AND ?3 = ?3", e.id, in->benefit_checked_by, 0,
		                       err)) != LK_OK)
			goto fail;
	}
	char at[20];
	sqlite3_stmt *s = lk_prepare(st,
		"UPDATE event SET title = coalesce(?2, title), start = ?3, minutes = ?4,"
		" capacity = coalesce(?5, capacity), host_id = ?6,"
		" room_id = CASE WHEN ?7 IS NULL THEN room_id WHEN ?7 = '' THEN NULL ELSE ?7 END,"
		" partner = coalesce(?8, partner), lang = coalesce(?9, lang),"
		" description = coalesce(?10, description), link = coalesce(?11, link)"
		" WHERE id = ?1", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, e.id, -1, SQLITE_STATIC);
	lk_bind_text(s, 2, in->title);
	sqlite3_bind_text(s, 3, lk_time_iso(t, at, sizeof at), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, minutes);
	if (in->capacity)
		sqlite3_bind_int(s, 5, in->capacity);
	sqlite3_bind_text(s, 6, host, -1, SQLITE_STATIC);
	if (in->room)
		sqlite3_bind_text(s, 7, in->room, -1, SQLITE_STATIC);
	lk_bind_text(s, 8, in->partner);
	lk_bind_text(s, 9, in->lang);
	lk_bind_text(s, 10, in->description);
	lk_bind_text(s, 11, in->link);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "event");
	sqlite3_finalize(s);
	if (rc != LK_OK)
		goto fail;
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}

enum lk_status
lk_event_cancel(struct lk_store *st, const char *id, const char *reason, const char *actor,
                struct lk_err *err)
{
	(void)actor;
	enum lk_status rc;
	if (reason == NULL || reason[0] == '\0')
		return lk_err_set(err, LK_EINPUT, "reason", "why is the event cancelled? (--reason TEXT)");
	if ((rc = lk_check_text("reason", reason, 500, err)) != LK_OK)
		return rc;
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	struct lk_event e;
	if ((rc = lk_event_get(st, id, &e, err)) != LK_OK)
		goto fail;
	if (strcmp(e.status, "cancelled") == 0) {
		rc = lk_err_set(err, LK_ECLASH, "id", "the event is already cancelled");
		goto fail;
	}
	if ((rc = update_event(st, "UPDATE event SET status = 'cancelled', cancel_reason = ?2"
	                       " WHERE id = ?1 AND ?3 = ?3", id, reason, 0, err)) != LK_OK)
		goto fail;
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}

enum lk_status
lk_event_count(struct lk_store *st, const char *id, int people, const char *actor,
               struct lk_err *err)
{
	(void)actor;
	if (people < 0 || people > 100000)
		return lk_err_set(err, LK_EINPUT, "people", "a head count is 0-100000, not %d", people);
	enum lk_status rc = lk_store_begin(st, err);
	if (rc != LK_OK)
		return rc;
	struct lk_event e;
	if ((rc = lk_event_get(st, id, &e, err)) != LK_OK)
		goto fail;
	if (strcmp(e.kind, "info") != 0) {
		rc = lk_err_set(err, LK_ECLASH, "id", "only an open info event is counted by heads; "
		                "mark the attendance of each participant instead");
		goto fail;
	}
	if (strcmp(e.status, "cancelled") == 0) {
		rc = lk_err_set(err, LK_ECLASH, "id", "the event is cancelled");
		goto fail;
	}
	if (lk_now() < e.start) {
		rc = lk_err_set(err, LK_ECLASH, "id", "the event has not started yet");
		goto fail;
	}
	if ((rc = update_event(st, "UPDATE event SET head_count = ?3 WHERE id = ?1 AND"
	                       " (?2 IS NULL OR 1)", id, NULL, people, err)) != LK_OK)
		goto fail;
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}
