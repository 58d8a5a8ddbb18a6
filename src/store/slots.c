/*
 * slots.c — free times for a booking: the staff member's days at the
 * points they serve, the points' opening hours, business days, and the
 * live bookings of the staff member and the room.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "store/appointment.h"
#include "store/due.h"
#include "store/slots.h"
#include "store/store-internal.h"
#include "store/validate.h"

#define BUSY_MAX 2048

enum lk_status
lk_staff_points(struct lk_store *st, const char *staff, struct lk_served_point *out, size_t cap,
                size_t *n, struct lk_err *err)
{
	*n = 0;
	if (staff == NULL || staff[0] == '\0')
		return lk_err_set(err, LK_EINPUT, "staff", "who holds the meeting? (--staff ID)");
	/* The home point first (with its row, or 100 % on weekdays), then the
	 * points served, by share. */
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT p.id, p.name, coalesce(sp.percent, 100), coalesce(sp.weekdays, '12345'),"
		" p.opens, p.closes, p.id = st.home_point_id AS home"
		" FROM staff st JOIN service_point p"
		"  ON p.id = st.home_point_id"
		"  OR p.id IN (SELECT point_id FROM staff_point WHERE staff_id = st.id)"
		" LEFT JOIN staff_point sp ON sp.staff_id = st.id AND sp.point_id = p.id"
		" WHERE st.id = ?1 ORDER BY home DESC, coalesce(sp.percent, 100) DESC, p.name", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, staff, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) {
		struct lk_served_point *p = &out[*n];
		lk_col_text(s, 0, p->point_id, sizeof p->point_id);
		lk_col_text(s, 1, p->name, sizeof p->name);
		p->percent = sqlite3_column_int(s, 2);
		lk_col_text(s, 3, p->weekdays, sizeof p->weekdays);
		lk_col_text(s, 4, p->opens, sizeof p->opens);
		lk_col_text(s, 5, p->closes, sizeof p->closes);
		(*n)++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lk_sql_err(st, err, "staff points");
	if (*n == 0)
		return lk_err_set(err, LK_ENOTFOUND, "staff", "no staff member '%.64s'", staff);
	return LK_OK;
}

int
lk_staff_point_on(const struct lk_served_point *pts, size_t n, lk_date day)
{
	if (day == LK_NO_DATE)
		return -1;
	char wd = (char)('0' + lk_weekday(day));
	int best = -1;
	for (size_t i = 0; i < n; i++)
		if (strchr(pts[i].weekdays, wd) && (best < 0 || pts[i].percent < pts[best].percent))
			best = (int)i;
	return best;
}

enum lk_status
lk_point_rooms(struct lk_store *st, const char *point, struct lk_room_info *out, size_t cap,
               size_t *n, struct lk_err *err)
{
	*n = 0;
	sqlite3_stmt *s = lk_prepare(st, "SELECT id, name FROM room WHERE point_id = ?1"
	                                 " ORDER BY name", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, point ? point : "", -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) {
		lk_col_text(s, 0, out[*n].id, sizeof out[*n].id);
		lk_col_text(s, 1, out[*n].name, sizeof out[*n].name);
		(*n)++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lk_sql_err(st, err, "rooms");
	return LK_OK;
}

enum lk_status
lk_next_deadline(struct lk_store *st, const char *client, lk_date today, struct lk_deadline *out,
                 struct lk_err *err)
{
	memset(out, 0, sizeof *out);
	out->due = LK_NO_DATE;
	struct lk_due_item items[LK_DUE_MAX];
	size_t n = 0;
	enum lk_status rc = lk_client_due(st, client, today, items, &n, err);
	if (rc != LK_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		const struct lk_due_item *d = &items[i];
		if (d->state != LK_DUE_OPEN && d->state != LK_DUE_OVERDUE)
			continue;
		if (!out->any || d->due < out->due) {
			out->any = true;
			out->due = d->due;
			out->state = d->state;
			out->rule = d->rule;
			out->seq = d->seq;
			out->of = d->of;
		}
	}
	return LK_OK;
}

/* "08:30" → minutes of the day; -1 when malformed. */
static int
hhmm(const char *s)
{
	if (strlen(s) != 5 || s[2] != ':')
		return -1;
	int h = atoi(s), m = atoi(s + 3);
	if (h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	return h * 60 + m;
}

struct busy {
	lk_time start, end;
};

/* Live bookings of the staff member, the room or the client on [from, to). */
static enum lk_status
load_busy(struct lk_store *st, const struct lk_slot_query *q, lk_date from, lk_date to,
          struct busy *b, size_t *n, struct lk_err *err)
{
	*n = 0;
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT start, minutes FROM appointment"
		" WHERE (staff_id = ?1 OR room_id = ?2 OR client_id = ?6)"
		" AND status NOT IN ('cancelled', 'no-show')"
		" AND start >= ?3 AND start < ?4 AND (?5 IS NULL OR id <> ?5) ORDER BY start", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, q->staff, -1, SQLITE_TRANSIENT);
	lk_bind_text(s, 2, q->room);
	lk_bind_date(s, 3, from - 1);   /* a booking from the evening before */
	lk_bind_date(s, 4, to);
	lk_bind_text(s, 5, q->except);
	lk_bind_text(s, 6, q->client);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < BUSY_MAX) {
		lk_time t;
		if (!lk_time_parse((const char *)sqlite3_column_text(s, 0), &t))
			continue;
		b[*n].start = t;
		b[*n].end = t + sqlite3_column_int(s, 1);
		(*n)++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lk_sql_err(st, err, "bookings");
	return LK_OK;
}

enum lk_status
lk_slots(struct lk_store *st, const struct lk_slot_query *q, struct lk_deadline *deadline,
         lk_slot_cb cb, void *ctx, struct lk_err *err)
{
	struct lk_deadline dl = { .due = LK_NO_DATE };
	if (deadline)
		*deadline = dl;
	if (q->days < 1 || q->days > 92)
		return lk_err_set(err, LK_EINPUT, "days", "look 1-92 days ahead, not %d", q->days);
	if (q->minutes < 5 || q->minutes > 480)
		return lk_err_set(err, LK_EINPUT, "minutes", "a meeting lasts 5-480 minutes, not %d",
		                  q->minutes);
	if (q->from == LK_NO_DATE)
		return lk_err_set(err, LK_EINPUT, "from", "the first day is needed");
	int step = q->step > 0 ? q->step : 30;
	enum lk_status vrc;
	if (q->channel && (vrc = lk_check_enum("channel", q->channel, lk_channels, err)) != LK_OK)
		return vrc;
	if (q->kind && (vrc = lk_check_enum("kind", q->kind, lk_appointment_kinds, err)) != LK_OK)
		return vrc;

	struct lk_served_point pts[LK_SERVED_MAX];
	size_t npts = 0;
	enum lk_status rc = lk_staff_points(st, q->staff, pts, LK_SERVED_MAX, &npts, err);
	if (rc != LK_OK)
		return rc;
	if (q->point) {
		bool serves = false;
		for (size_t i = 0; i < npts; i++)
			serves = serves || strcmp(pts[i].point_id, q->point) == 0;
		if (!serves)
			return lk_err_set(err, LK_EINPUT, "point",
			                  "the staff member does not serve the point '%.64s'", q->point);
	}
	if (q->room) {
		sqlite3_stmt *s = lk_prepare(st, "SELECT point_id FROM room WHERE id = ?1", err);
		if (s == NULL)
			return LK_EFAIL;
		sqlite3_bind_text(s, 1, q->room, -1, SQLITE_TRANSIENT);
		char room_point[65] = "";
		if (sqlite3_step(s) == SQLITE_ROW)
			lk_col_text(s, 0, room_point, sizeof room_point);
		sqlite3_finalize(s);
		if (room_point[0] == '\0')
			return lk_err_set(err, LK_ENOTFOUND, "room", "no room '%.64s'", q->room);
		if (q->point && strcmp(q->point, room_point) != 0)
			return lk_err_set(err, LK_ENOTFOUND, "room", "no room '%.64s' at that point",
			                  q->room);
	}
	if (q->client && (rc = lk_next_deadline(st, q->client, lk_today(), &dl, err)) != LK_OK)
		return rc;
	if (q->client && q->kind && strcmp(q->kind, "alkuhaastattelu") == 0 &&
	    (rc = lk_initial_interview_clash(st, q->client, q->except, err)) != LK_OK) {
		if (deadline)
			*deadline = dl;
		return rc;
	}
	const char *channel = q->channel ? q->channel : "face";
	if (deadline)
		*deadline = dl;

	struct busy *busy = malloc(BUSY_MAX * sizeof *busy);
	if (busy == NULL)
		return lk_err_set(err, LK_EFAIL, "db", "out of memory");
	size_t nbusy = 0;
	if ((rc = load_busy(st, q, q->from, q->from + q->days, busy, &nbusy, err)) != LK_OK) {
		free(busy);
		return rc;
	}
	lk_time now = lk_now();
	bool stop = false;
	for (lk_date day = q->from; day < q->from + q->days && !stop; day++) {
		if (!lk_is_business_day(day))
			continue;
		int i = lk_staff_point_on(pts, npts, day);
		if (i < 0 || (q->point && strcmp(pts[i].point_id, q->point) != 0))
			continue;
		int open = hhmm(pts[i].opens), close = hhmm(pts[i].closes);
		if (open < 0 || close < 0)
			continue;
		struct lk_slot slot;
		snprintf(slot.point_id, sizeof slot.point_id, "%s", pts[i].point_id);
		snprintf(slot.point_name, sizeof slot.point_name, "%s", pts[i].name);
		slot.late = dl.any && day > dl.due;
		for (int m = open; m + q->minutes <= close && !stop; m += step) {
			lk_time t = lk_time_make(day, m / 60, m % 60);
			if (t < now ||
			    lk_booking_time_ok(st, q->staff, pts[i].point_id, channel, t, q->minutes,
			                       false, NULL) != LK_OK)
				continue;
			bool free_ = true;
			for (size_t k = 0; k < nbusy && free_; k++)
				free_ = !lk_overlaps(t, t + q->minutes, busy[k].start, busy[k].end);
			if (!free_)
				continue;
			slot.start = t;
			stop = cb(&slot, ctx) != 0;
		}
	}
	free(busy);
	return LK_OK;
}
