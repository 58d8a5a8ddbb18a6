/*
 * appointment.c — booking with clash refusal, and the life of a booking.
 */
#include <stdio.h>
#include <string.h>

#include "store/appointment.h"
#include "store/store-internal.h"
#include "store/validate.h"

const char *const lk_appointment_kinds[] = {
	"alkuhaastattelu", "tyonhakukeskustelu", "taydentava", "verkostopalaveri",
	"tym-paivitys", "muu", NULL,
};
const char *const lk_channels[] = { "face", "phone", "video", "remote-point", NULL };
const char *const lk_appointment_states[] = {
	"scheduled", "checked-in", "done", "no-show", "cancelled", NULL,
};

/* Which status may follow which: a done, cancelled or missed meeting is
 * history and stays as it is. */
static const struct {
	const char *from, *to;
} transitions[] = {
	{ "scheduled", "checked-in" }, { "scheduled", "done" }, { "scheduled", "no-show" },
	{ "scheduled", "cancelled" }, { "checked-in", "done" }, { "checked-in", "cancelled" },
	{ "checked-in", "no-show" },
};

static enum lk_status
exists(struct lk_store *st, const char *sql, const char *id, const char *field,
       const char *what, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	enum lk_status rc = sqlite3_step(s) == SQLITE_ROW
		? LK_OK : lk_err_set(err, LK_ENOTFOUND, field, "no %s '%.64s'", what, id);
	sqlite3_finalize(s);
	return rc;
}

/* Find a live booking of the same staff member or room overlapping
 * [start, start + minutes). */
static enum lk_status
find_clash(struct lk_store *st, const char *staff, const char *room, lk_time start,
           int minutes, struct lk_err *err)
{
	char from[20], to[20], lower[20];
	lk_time_iso(start, from, sizeof from);
	lk_time_iso(start + minutes, to, sizeof to);
	lk_time_iso(start - 480, lower, sizeof lower);  /* no booking is longer than 8 h */
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT a.staff_id = ?1, a.start, a.minutes, s.surname || ' ' || s.given_names,"
		" coalesce(r.name, '')"
		" FROM appointment a JOIN staff s ON s.id = a.staff_id"
		" LEFT JOIN room r ON r.id = a.room_id"
		" WHERE (a.staff_id = ?1 OR a.room_id = ?2)"
		" AND a.status NOT IN ('cancelled', 'no-show')"
		" AND a.start < ?3 AND a.start > ?5"
		" AND strftime('%Y-%m-%d %H:%M', a.start, '+' || a.minutes || ' minutes') > ?4"
		" ORDER BY a.start LIMIT 1", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, staff, -1, SQLITE_TRANSIENT);
	lk_bind_text(s, 2, room);
	sqlite3_bind_text(s, 3, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, lower, -1, SQLITE_STATIC);
	enum lk_status rc = LK_OK;
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		lk_time t;
		char when[20] = "?";
		if (lk_time_parse((const char *)sqlite3_column_text(s, 1), &t))
			lk_time_fi(t, when, sizeof when);
		int m = sqlite3_column_int(s, 2);
		if (sqlite3_column_int(s, 0))
			rc = lk_err_set(err, LK_ECLASH, "at", "%s already has a booking at %s (%d min)",
			                (const char *)sqlite3_column_text(s, 3), when, m);
		else
			rc = lk_err_set(err, LK_ECLASH, "room", "room %s is booked at %s (%d min)",
			                (const char *)sqlite3_column_text(s, 4), when, m);
	} else if (step != SQLITE_DONE) {
		rc = lk_sql_err(st, err, "clash check");
	}
	sqlite3_finalize(s);
	return rc;
}

static enum lk_status
check_booking(const struct lk_booking *b, lk_time *start, struct lk_err *err)
{
	enum lk_status rc;
	if (b->staff == NULL)
		return lk_err_set(err, LK_EINPUT, "staff", "who holds the meeting? (--staff ID)");
	if (b->kind == NULL)
		return lk_err_set(err, LK_EINPUT, "kind", "the kind of meeting is needed");
	if ((rc = lk_check_enum("kind", b->kind, lk_appointment_kinds, err)) != LK_OK)
		return rc;
	if (b->at == NULL || !lk_time_parse(b->at, start))
		return lk_err_set(err, LK_EINPUT, "at", "'%s' is not a time (YYYY-MM-DD HH:MM)",
		                  b->at ? b->at : "");
	if (b->minutes < 5 || b->minutes > 480)
		return lk_err_set(err, LK_EINPUT, "minutes", "a meeting lasts 5-480 minutes, not %d",
		                  b->minutes);
	if (b->channel == NULL)
		return lk_err_set(err, LK_EINPUT, "channel", "the channel is needed");
	if ((rc = lk_check_enum("channel", b->channel, lk_channels, err)) != LK_OK)
		return rc;
	if (b->interpreter && (rc = lk_check_lang("interpreter", b->interpreter, err)) != LK_OK)
		return rc;
	if (b->note && (rc = lk_check_text("note", b->note, 500, err)) != LK_OK)
		return rc;
	return LK_OK;
}

enum lk_status
lk_book(struct lk_store *st, const struct lk_booking *b, char *id_out, struct lk_err *err)
{
	lk_time start;
	enum lk_status rc = check_booking(b, &start, err);
	if (rc != LK_OK)
		return rc;
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	if (b->client && (rc = exists(st, "SELECT 1 FROM client WHERE id = ?", b->client,
	                              "client", "client", err)) != LK_OK)
		goto fail;
	if ((rc = exists(st, "SELECT 1 FROM staff WHERE id = ?", b->staff, "staff",
	                 "staff member", err)) != LK_OK)
		goto fail;
	if (b->point && (rc = exists(st, "SELECT 1 FROM service_point WHERE id = ?", b->point,
	                             "point", "service point", err)) != LK_OK)
		goto fail;
	if (b->room) {
		sqlite3_stmt *s = lk_prepare(st,
			"SELECT 1 FROM room WHERE id = ?1 AND (?2 IS NULL OR point_id = ?2)", err);
		if (s == NULL) {
			rc = LK_EFAIL;
			goto fail;
		}
		sqlite3_bind_text(s, 1, b->room, -1, SQLITE_TRANSIENT);
		lk_bind_text(s, 2, b->point);
		if (sqlite3_step(s) != SQLITE_ROW)
			rc = lk_err_set(err, LK_ENOTFOUND, "room", "no room '%.64s'%s", b->room,
			                b->point ? " at that point" : "");
		sqlite3_finalize(s);
		if (rc != LK_OK)
			goto fail;
	}
	if ((rc = find_clash(st, b->staff, b->room, start, b->minutes, err)) != LK_OK)
		goto fail;

	char id[LK_ID_LEN + 1], at[20], now[20];
	lk_new_id(id);
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO appointment(id, client_id, staff_id, point_id, room_id, kind, channel,"
		" start, minutes, interpreter, note, created)"
		" VALUES (?1, ?2, ?3, coalesce(?4, (SELECT home_point_id FROM staff WHERE id = ?3)),"
		" ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	lk_bind_text(s, 2, b->client);
	sqlite3_bind_text(s, 3, b->staff, -1, SQLITE_TRANSIENT);
	lk_bind_text(s, 4, b->point);
	lk_bind_text(s, 5, b->room);
	sqlite3_bind_text(s, 6, b->kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 7, b->channel, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 8, lk_time_iso(start, at, sizeof at), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 9, b->minutes);
	lk_bind_text(s, 10, b->interpreter);
	lk_bind_text(s, 11, b->note);
	sqlite3_bind_text(s, 12, lk_time_iso(lk_now(), now, sizeof now), -1, SQLITE_STATIC);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "appointment");
	sqlite3_finalize(s);
	if (rc != LK_OK)
		goto fail;
	if ((rc = lk_store_commit(st, err)) == LK_OK)
		memcpy(id_out, id, sizeof id);
	return rc;
fail:
	lk_store_rollback(st);
	return rc;
}

enum lk_status
lk_appointment_set_status(struct lk_store *st, const char *id, const char *status,
                          struct lk_err *err)
{
	enum lk_status rc = lk_check_enum("status", status, lk_appointment_states, err);
	if (rc != LK_OK)
		return rc;
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	sqlite3_stmt *s = lk_prepare(st, "SELECT status FROM appointment WHERE id = ?", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	char now_status[16] = "";
	if (sqlite3_step(s) == SQLITE_ROW)
		lk_col_text(s, 0, now_status, sizeof now_status);
	sqlite3_finalize(s);
	if (now_status[0] == '\0') {
		rc = lk_err_set(err, LK_ENOTFOUND, "id", "no appointment '%.64s'", id);
		goto fail;
	}
	bool allowed = false;
	for (size_t i = 0; i < sizeof transitions / sizeof transitions[0]; i++)
		allowed = allowed || (strcmp(transitions[i].from, now_status) == 0 &&
		                      strcmp(transitions[i].to, status) == 0);
	if (!allowed) {
		rc = lk_err_set(err, LK_ECLASH, "status", "the appointment is %s; it cannot become %s",
		                now_status, status);
		goto fail;
	}
	s = lk_prepare(st, "UPDATE appointment SET status = ? WHERE id = ?", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, status, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "appointment");
	sqlite3_finalize(s);
	if (rc != LK_OK)
		goto fail;
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}

enum lk_status
lk_appointment_list_client(struct lk_store *st, const char *client_id, lk_date from,
                           lk_appointment_cb cb, void *ctx, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT a.id, coalesce(a.client_id, ''), coalesce(c.surname || ' ' || c.given_names, ''),"
		" a.staff_id, s.surname || ' ' || s.given_names, coalesce(a.point_id, ''),"
		" coalesce(p.name, ''), coalesce(r.name, ''), a.kind, a.channel, a.status,"
		" coalesce(a.interpreter, ''), a.start, a.minutes"
		" FROM appointment a JOIN staff s ON s.id = a.staff_id"
		" LEFT JOIN client c ON c.id = a.client_id"
		" LEFT JOIN service_point p ON p.id = a.point_id"
		" LEFT JOIN room r ON r.id = a.room_id"
		" WHERE a.client_id = ?1 AND (?2 IS NULL OR a.start >= ?2) ORDER BY a.start", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, client_id, -1, SQLITE_TRANSIENT);
	lk_bind_date(s, 2, from);
	struct lk_appointment a;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		lk_col_text(s, 0, a.id, sizeof a.id);
		lk_col_text(s, 1, a.client_id, sizeof a.client_id);
		lk_col_text(s, 2, a.client_name, sizeof a.client_name);
		lk_col_text(s, 3, a.staff_id, sizeof a.staff_id);
		lk_col_text(s, 4, a.staff_name, sizeof a.staff_name);
		lk_col_text(s, 5, a.point_id, sizeof a.point_id);
		lk_col_text(s, 6, a.point_name, sizeof a.point_name);
		lk_col_text(s, 7, a.room_name, sizeof a.room_name);
		lk_col_text(s, 8, a.kind, sizeof a.kind);
		lk_col_text(s, 9, a.channel, sizeof a.channel);
		lk_col_text(s, 10, a.status, sizeof a.status);
		lk_col_text(s, 11, a.interpreter, sizeof a.interpreter);
		if (!lk_time_parse((const char *)sqlite3_column_text(s, 12), &a.start))
			a.start = 0;
		a.minutes = sqlite3_column_int(s, 13);
		if (cb(&a, ctx))
			break;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lk_sql_err(st, err, "appointments");
	return LK_OK;
}
