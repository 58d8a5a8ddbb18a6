/*
 * appointment.c — booking with clash refusal, and the life of a booking.
 */
#include <stdio.h>
#include <string.h>

#include "core/booking-rules.h"
#include "i18n.h"
#include "store/appointment.h"
#include "store/audit.h"
#include "store/event.h"
#include "store/slots.h"
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

static const struct {
	const char *code, *label;
} labels[] = {
	{ "alkuhaastattelu", N_("Initial interview") },
	{ "tyonhakukeskustelu", N_("Job-search discussion") },
	{ "taydentava", N_("Supplementary discussion") },
	{ "verkostopalaveri", N_("Network meeting") },
	{ "tym-paivitys", N_("TYM plan update") },
	{ "muu", N_("Other meeting") },
	{ "face", N_("face to face") },
	{ "phone", N_("by phone") },
	{ "video", N_("by video") },
	{ "remote-point", N_("remote service point") },
	{ "scheduled", N_("booked") },
	{ "checked-in", N_("arrived") },
	{ "done", N_("held") },
	{ "no-show", N_("did not come") },
	{ "cancelled", N_("cancelled") },
	{ "rescheduled", N_("moved") },
};

static const char *
label(const char *code)
{
	for (size_t i = 0; code && i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i].code, code) == 0)
			return labels[i].label;
	return code ? code : "";
}

const char *
lk_appointment_kind_label(const char *kind)
{
	return label(kind);
}

const char *
lk_channel_label(const char *channel)
{
	return label(channel);
}

const char *
lk_appointment_state_label(const char *status)
{
	return label(status);
}

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

/* Find a live booking of the same staff member, room or client overlapping
 * [start, start + minutes), other than `except`. The staff member's own
 * clash is named first, then the room's, then the client's. */
static enum lk_status
find_clash(struct lk_store *st, const char *staff, const char *room, const char *client,
           lk_time start, int minutes, const char *except, struct lk_err *err)
{
	char from[20], to[20], lower[20];
	lk_time_iso(start, from, sizeof from);
	lk_time_iso(start + minutes, to, sizeof to);
	lk_time_iso(start - 480, lower, sizeof lower);  /* no booking is longer than 8 h */
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT CASE WHEN a.staff_id = ?1 THEN 0 WHEN a.room_id = ?2 THEN 1 ELSE 2 END AS who,"
		" a.start, a.minutes, s.surname || ' ' || s.given_names,"
		" coalesce(r.name, ''), coalesce(p.name, '')"
		" FROM appointment a JOIN staff s ON s.id = a.staff_id"
		" LEFT JOIN room r ON r.id = a.room_id"
		" LEFT JOIN service_point p ON p.id = a.point_id"
		" WHERE (a.staff_id = ?1 OR a.room_id = ?2 OR a.client_id = ?7)"
		" AND a.status NOT IN ('cancelled', 'no-show')"
		" AND a.start < ?3 AND a.start > ?5 AND (?6 IS NULL OR a.id <> ?6)"
		" AND strftime('%Y-%m-%d %H:%M', a.start, '+' || a.minutes || ' minutes') > ?4"
		" ORDER BY who, a.start LIMIT 1", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, staff, -1, SQLITE_TRANSIENT);
	lk_bind_text(s, 2, room);
	sqlite3_bind_text(s, 3, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, lower, -1, SQLITE_STATIC);
	lk_bind_text(s, 6, except);
	lk_bind_text(s, 7, client);
	enum lk_status rc = LK_OK;
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		lk_time t;
		char when[20] = "?";
		if (lk_time_parse((const char *)sqlite3_column_text(s, 1), &t))
			lk_time_fi(t, when, sizeof when);
		int m = sqlite3_column_int(s, 2);
		switch (sqlite3_column_int(s, 0)) {
		case 0:
			rc = lk_err_set(err, LK_ECLASH, "at", "%s already has a booking at %s (%d min)",
			                (const char *)sqlite3_column_text(s, 3), when, m);
			break;
		case 1:
			rc = lk_err_set(err, LK_ECLASH, "room", "room %s is booked at %s (%d min)",
			                (const char *)sqlite3_column_text(s, 4), when, m);
			break;
		default:
			rc = lk_err_set(err, LK_ECLASH, "client",
			                "the client already has a meeting at %s (%d min) with %s at %s",
			                when, m, (const char *)sqlite3_column_text(s, 3),
			                (const char *)sqlite3_column_text(s, 5));
		}
	} else if (step != SQLITE_DONE) {
		rc = lk_sql_err(st, err, "clash check");
	}
	sqlite3_finalize(s);
	return rc;
}

/* docs/rules.md#initial-interview: one initial interview per job-search
 * period — refuse a second live one (booked, arrived or held) on or after
 * the client's job-search start, other than `except`. */
enum lk_status
lk_initial_interview_clash(struct lk_store *st, const char *client, const char *except,
                           struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT a.start, a.status FROM appointment a JOIN client c ON c.id = a.client_id"
		" WHERE a.client_id = ?1 AND a.kind = 'alkuhaastattelu'"
		" AND a.status IN ('scheduled', 'checked-in', 'done')"
		" AND (c.job_search_start IS NULL OR a.start >= c.job_search_start)"
		" AND (?2 IS NULL OR a.id <> ?2) ORDER BY a.start LIMIT 1", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, client, -1, SQLITE_TRANSIENT);
	lk_bind_text(s, 2, except);
	enum lk_status rc = LK_OK;
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		lk_time t;
		char when[20] = "?";
		if (lk_time_parse((const char *)sqlite3_column_text(s, 0), &t))
			lk_time_fi(t, when, sizeof when);
		const char *status = (const char *)sqlite3_column_text(s, 1);
		rc = lk_err_set(err, LK_ECLASH, "kind",
		                strcmp(status, "done") == 0
		                ? N_("the client's initial interview of this job-search period was held on %s")
		                : N_("the client already has an initial interview booked at %s"),
		                when);
	} else if (step != SQLITE_DONE) {
		rc = lk_sql_err(st, err, "initial interview");
	}
	sqlite3_finalize(s);
	return rc;
}

void
lk_store_set_work_hours(struct lk_store *st, const char *staff, int opens, int closes)
{
	if (staff == NULL || staff[0] == '\0') {
		st->work_opens = opens;
		st->work_closes = closes;
		return;
	}
	size_t i = 0;
	while (i < st->n_work && strcmp(st->work[i].staff, staff) != 0)
		i++;
	if (i == sizeof st->work / sizeof st->work[0])
		return;
	snprintf(st->work[i].staff, sizeof st->work[i].staff, "%s", staff);
	st->work[i].opens = opens;
	st->work[i].closes = closes;
	if (i == st->n_work)
		st->n_work++;
}

void
lk_store_work_hours(struct lk_store *st, const char *staff, int *opens, int *closes)
{
	*opens = st->work_opens;
	*closes = st->work_closes;
	for (size_t i = 0; staff && i < st->n_work; i++)
		if (strcmp(st->work[i].staff, staff) == 0) {
			*opens = st->work[i].opens;
			*closes = st->work[i].closes;
		}
}

bool
lk_channel_at_point(const char *channel)
{
	return channel == NULL || (strcmp(channel, "phone") != 0 && strcmp(channel, "video") != 0);
}

/* The hours that apply to w: the point's for a meeting at a point, else
 * the staff member's working hours (work true) or none to hold it to. */
static enum lk_status
hours_of(struct lk_store *st, const char *staff, const char *point, const char *channel,
         bool work, struct lk_book_when *w, struct lk_err *err)
{
	w->opens = w->closes = -1;
	if (lk_channel_at_point(channel)) {
		w->hours = LK_HOURS_POINT;
		sqlite3_stmt *s = lk_prepare(st,
			"SELECT opens, closes FROM service_point WHERE id = ?1", err);
		if (s == NULL)
			return LK_EFAIL;
		lk_bind_text(s, 1, point);
		if (sqlite3_step(s) == SQLITE_ROW) {
			w->opens = lk_hhmm((const char *)sqlite3_column_text(s, 0));
			w->closes = lk_hhmm((const char *)sqlite3_column_text(s, 1));
		}
		sqlite3_finalize(s);
	} else if (work) {
		w->hours = LK_HOURS_WORK;
		lk_store_work_hours(st, staff, &w->opens, &w->closes);
	} else {
		/* The whole day: the day and the clock change still count. */
		w->hours = LK_HOURS_WORK;
		w->opens = 0;
		w->closes = 24 * 60;
	}
	return LK_OK;
}

/* LK_OK, or LK_EINPUT naming the first rule w breaks. */
static enum lk_status
time_judge(const struct lk_book_when *w, struct lk_err *err)
{
	enum lk_book_refusal r = lk_booking_rule(w);
	if (r == LK_BOOK_OK)
		return LK_OK;
	char o[16] = "", c[16] = "";
	if (w->opens >= 0)
		snprintf(o, sizeof o, "%02d:%02d", w->opens / 60, w->opens % 60);
	if (w->closes >= 0)
		snprintf(c, sizeof c, "%02d:%02d", w->closes / 60, w->closes % 60);
	return lk_err_set(err, LK_EINPUT, lk_book_refusal_field(r), lk_book_refusal_msg(r, w->hours),
	                  o, c);
}

enum lk_status
lk_booking_time_ok(struct lk_store *st, const char *staff, const char *point,
                   const char *channel, lk_time start, int minutes, bool held,
                   struct lk_err *err)
{
	struct lk_book_when w = {
		.start = start, .minutes = minutes, .now = lk_now(), .held = held,
	};
	enum lk_status rc = hours_of(st, staff, point, channel, true, &w, err);
	return rc != LK_OK ? rc : time_judge(&w, err);
}

enum lk_status
lk_booking_time_synced(struct lk_store *st, const char *id, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT start, minutes, point_id, channel, status, staff_id FROM appointment"
		" WHERE id = ?1", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(s);
	if (step != SQLITE_ROW) {
		sqlite3_finalize(s);
		return step == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "appointment");
	}
	char at[24], point[72], channel[24], status[16], staff[72];
	lk_col_text(s, 0, at, sizeof at);
	int minutes = sqlite3_column_int(s, 1);
	lk_col_text(s, 2, point, sizeof point);
	lk_col_text(s, 3, channel, sizeof channel);
	lk_col_text(s, 4, status, sizeof status);
	lk_col_text(s, 5, staff, sizeof staff);
	bool no_point = sqlite3_column_type(s, 2) == SQLITE_NULL;
	sqlite3_finalize(s);
	lk_time start;
	if (!lk_time_parse(at, &start))
		return lk_err_set(err, LK_EINPUT, "at", "'%s' is not a time (YYYY-MM-DD HH:MM)", at);
	if (minutes < 5 || minutes > 480)
		return lk_err_set(err, LK_EINPUT, "minutes", "a meeting lasts 5-480 minutes, not %d",
		                  minutes);
	/* Not against "now": a desk syncs what it booked while offline,
	 * hours or days later, and a meeting recorded as held (status done)
	 * lies in the past by nature; now = start passes both past rules. A
	 * held meeting keeps only the rules of the clock change. */
	struct lk_book_when w = {
		.start = start, .minutes = minutes, .now = start,
		.held = strcmp(status, "done") == 0,
	};
	/* Phone and video: the working hours are in each desk's config, which
	 * the node does not have; the day and the clock change still count. */
	enum lk_status rc = hours_of(st, staff, no_point ? NULL : point, channel, false, &w, err);
	if (rc == LK_OK && (rc = time_judge(&w, err)) == LK_EINPUT) {
		char why[sizeof err->msg], when[20];
		snprintf(why, sizeof why, "%s", err->msg);
		lk_time_fi(start, when, sizeof when);
		char field[sizeof err->field];
		snprintf(field, sizeof field, "%s", err->field);
		rc = lk_err_set(err, LK_EINPUT, field, "the booking at %s: %s", when, why);
	}
	return rc;
}

enum lk_status
lk_appointment_clash(struct lk_store *st, const char *staff, const char *room, lk_time start,
                     int minutes, const char *except, struct lk_err *err)
{
	return find_clash(st, staff, room, NULL, start, minutes, except, err);
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
	if (b->note && (rc = lk_check_free_text("note", b->note, 500, err)) != LK_OK)
		return rc;
	if (b->reason && (rc = lk_check_free_text("reason", b->reason, 500, err)) != LK_OK)
		return rc;
	/* docs/rules.md#face-to-face: the initial interview face to face as a rule, remote
	 * only if separately agreed — the agreement is written down. */
	if (strcmp(b->kind, "alkuhaastattelu") == 0 && strcmp(b->channel, "face") != 0 &&
	    (b->reason == NULL || b->reason[0] == '\0'))
		return lk_err_set(err, LK_EINPUT, "reason",
		                  "an initial interview is face to face; booking it %s needs the reason",
		                  _(label(b->channel)));
	return LK_OK;
}

/* Append one step to a booking's history, in the caller's transaction. */
static enum lk_status
add_event(struct lk_store *st, const char *appointment, const char *what, const char *actor,
          const char *old_start, const char *new_start, const char *note, struct lk_err *err)
{
	char id[LK_ID_LEN + 1], now[20];
	lk_new_id(id);
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO appointment_event(id, appointment_id, at, what, staff_id, old_start,"
		" new_start, note) VALUES (?1, ?2, ?3, ?4,"
		" (SELECT id FROM staff WHERE id = ?5), ?6, ?7, ?8)", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, appointment, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, lk_time_iso(lk_now(), now, sizeof now), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, what, -1, SQLITE_TRANSIENT);
	lk_bind_text(s, 5, actor);
	lk_bind_text(s, 6, old_start);
	lk_bind_text(s, 7, new_start);
	lk_bind_text(s, 8, note);
	enum lk_status rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK
		: lk_sql_err(st, err, "appointment history");
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_book(struct lk_store *st, const struct lk_booking *in, char *id_out, struct lk_err *err)
{
	lk_time start;
	struct lk_booking copy = *in;
	const struct lk_booking *b = &copy;
	if (copy.channel == NULL && copy.kind && strcmp(copy.kind, "alkuhaastattelu") == 0)
		copy.channel = "face";
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
	/* No point given: where the staff member works that day, else home. */
	char day_point[65] = "";
	if (b->point == NULL) {
		struct lk_served_point pts[LK_SERVED_MAX];
		size_t npts = 0;
		if (lk_staff_points(st, b->staff, pts, LK_SERVED_MAX, &npts, NULL) == LK_OK) {
			int i = lk_staff_point_on(pts, npts, lk_time_date(start));
			if (i < 0 && npts > 0)
				i = 0;   /* the home point comes first */
			if (i >= 0)
				snprintf(day_point, sizeof day_point, "%.64s", pts[i].point_id);
		}
	}
	/* docs/architecture.md#booking-contract: the time first (exit 2), then
	 * the clashes (exit 4). */
	if ((rc = lk_booking_time_ok(st, b->staff, b->point ? b->point : day_point, b->channel,
	                             start, b->minutes, b->held, err)) != LK_OK)
		goto fail;
	if ((rc = find_clash(st, b->staff, b->room, b->client, start, b->minutes, NULL,
	                     err)) != LK_OK ||
	    (rc = lk_event_clash(st, b->staff, b->room, start, b->minutes, NULL, err)) != LK_OK)
		goto fail;
	if (b->client && strcmp(b->kind, "alkuhaastattelu") == 0 &&
	    (rc = lk_initial_interview_clash(st, b->client, NULL, err)) != LK_OK)
		goto fail;

	char id[LK_ID_LEN + 1], at[20], now[20];
	lk_new_id(id);
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO appointment(id, client_id, staff_id, point_id, room_id, kind, channel,"
		" start, minutes, interpreter, note, created, remote_reason, status)"
		" VALUES (?1, ?2, ?3, coalesce(?4, ?14, (SELECT home_point_id FROM staff WHERE id = ?3)),"
		" ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?15)", err);
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
	lk_bind_text(s, 13, strcmp(b->channel, "face") != 0 ? b->reason : NULL);
	lk_bind_text(s, 14, day_point);
	sqlite3_bind_text(s, 15, b->held ? "done" : "scheduled", -1, SQLITE_STATIC);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "appointment");
	sqlite3_finalize(s);
	if (rc != LK_OK)
		goto fail;
	if ((rc = add_event(st, id, "booked", b->actor, NULL, at, NULL, err)) != LK_OK)
		goto fail;
	if (b->held) {
		/* Recorded after the fact: its own step in the history and in
		 * the audit trail, so a back-dated meeting is never silent. */
		char detail[160];
		snprintf(detail, sizeof detail, "meeting %s recorded as held: %s %s, %d min", id,
		         b->kind, at, b->minutes);
		if ((rc = add_event(st, id, "done", b->actor, NULL, NULL, "recorded as held",
		                    err)) != LK_OK ||
		    (rc = lk_audit(st, b->actor, "meeting-recorded", b->client, detail, err)) != LK_OK)
			goto fail;
	}
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
	return lk_appointment_set_status_by(st, id, status, NULL, err);
}

enum lk_status
lk_appointment_set_status_by(struct lk_store *st, const char *id, const char *status,
                             const char *actor, struct lk_err *err)
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
		rc = lk_err_set(err, LK_ECLASH, "status",
		                "the appointment is already marked \"%s\"; it cannot be marked \"%s\"",
		                _(lk_appointment_state_label(now_status)),
		                _(lk_appointment_state_label(status)));
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
	if ((rc = add_event(st, id, status, actor, NULL, NULL, NULL, err)) != LK_OK)
		goto fail;
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}

/* The columns read_row() reads, from appointment a and its joins. */
#define APPT_COLUMNS \
	"SELECT a.id, coalesce(a.client_id, ''), coalesce(c.surname || ' ' || c.given_names, '')," \
	" a.staff_id, s.surname || ' ' || s.given_names, coalesce(a.point_id, '')," \
	" coalesce(p.name, ''), coalesce(r.name, ''), a.kind, a.channel, a.status," \
	" coalesce(a.interpreter, ''), a.start, a.minutes, coalesce(a.room_id, '')," \
	" coalesce(a.remote_reason, '')" \
	" FROM appointment a JOIN staff s ON s.id = a.staff_id" \
	" LEFT JOIN client c ON c.id = a.client_id" \
	" LEFT JOIN service_point p ON p.id = a.point_id" \
	" LEFT JOIN room r ON r.id = a.room_id"

static void
read_row(sqlite3_stmt *s, struct lk_appointment *a)
{
	lk_col_text(s, 0, a->id, sizeof a->id);
	lk_col_text(s, 1, a->client_id, sizeof a->client_id);
	lk_col_text(s, 2, a->client_name, sizeof a->client_name);
	lk_col_text(s, 3, a->staff_id, sizeof a->staff_id);
	lk_col_text(s, 4, a->staff_name, sizeof a->staff_name);
	lk_col_text(s, 5, a->point_id, sizeof a->point_id);
	lk_col_text(s, 6, a->point_name, sizeof a->point_name);
	lk_col_text(s, 7, a->room_name, sizeof a->room_name);
	lk_col_text(s, 8, a->kind, sizeof a->kind);
	lk_col_text(s, 9, a->channel, sizeof a->channel);
	lk_col_text(s, 10, a->status, sizeof a->status);
	lk_col_text(s, 11, a->interpreter, sizeof a->interpreter);
	if (!lk_time_parse((const char *)sqlite3_column_text(s, 12), &a->start))
		a->start = 0;
	a->minutes = sqlite3_column_int(s, 13);
	lk_col_text(s, 14, a->room_id, sizeof a->room_id);
	lk_col_text(s, 15, a->reason, sizeof a->reason);
}

/* Step a prepared appointment query through the callback, then finalize. */
static enum lk_status
walk(struct lk_store *st, sqlite3_stmt *s, lk_appointment_cb cb, void *ctx, struct lk_err *err)
{
	struct lk_appointment a;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_row(s, &a);
		if (cb(&a, ctx))
			break;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lk_sql_err(st, err, "appointments");
	return LK_OK;
}

enum lk_status
lk_appointment_list_client(struct lk_store *st, const char *client_id, lk_date from,
                           lk_appointment_cb cb, void *ctx, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, APPT_COLUMNS
		" WHERE a.client_id = ?1 AND (?2 IS NULL OR a.start >= ?2) ORDER BY a.start", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, client_id, -1, SQLITE_TRANSIENT);
	lk_bind_date(s, 2, from);
	return walk(st, s, cb, ctx, err);
}

static int
copy_one(const struct lk_appointment *a, void *ctx)
{
	*(struct lk_appointment *)ctx = *a;
	return 1;
}

enum lk_status
lk_appointment_get(struct lk_store *st, const char *id, struct lk_appointment *out,
                   struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, APPT_COLUMNS " WHERE a.id = ?1", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	out->id[0] = '\0';
	enum lk_status rc = walk(st, s, copy_one, out, err);
	if (rc == LK_OK && out->id[0] == '\0')
		rc = lk_err_set(err, LK_ENOTFOUND, "id", "no appointment '%.64s'", id);
	return rc;
}

enum lk_status
lk_agenda(struct lk_store *st, const char *staff, const char *point, lk_date from, int days,
          lk_appointment_cb cb, void *ctx, struct lk_err *err)
{
	if ((staff == NULL || !*staff) && (point == NULL || !*point))
		return lk_err_set(err, LK_EINPUT, "staff", "whose agenda? (--staff ID or --point ID)");
	if (from == LK_NO_DATE)
		return lk_err_set(err, LK_EINPUT, "date", "the day is needed");
	if (days < 1 || days > 92)
		return lk_err_set(err, LK_EINPUT, "days", "an agenda covers 1-92 days, not %d", days);
	sqlite3_stmt *s = lk_prepare(st, APPT_COLUMNS
		" WHERE (?1 IS NULL OR a.staff_id = ?1) AND (?2 IS NULL OR a.point_id = ?2)"
		" AND a.start >= ?3 AND a.start < ?4 ORDER BY a.start, s.surname", err);
	if (s == NULL)
		return LK_EFAIL;
	lk_bind_text(s, 1, staff);
	lk_bind_text(s, 2, point);
	lk_bind_date(s, 3, from);
	lk_bind_date(s, 4, from + days);
	return walk(st, s, cb, ctx, err);
}

enum lk_status
lk_appointment_reschedule(struct lk_store *st, const char *id, const char *at,
                          const char *actor, struct lk_err *err)
{
	lk_time start;
	if (at == NULL || !lk_time_parse(at, &start))
		return lk_err_set(err, LK_EINPUT, "at", "'%s' is not a time (YYYY-MM-DD HH:MM)",
		                  at ? at : "");
	enum lk_status rc = lk_store_begin(st, err);
	if (rc != LK_OK)
		return rc;
	struct lk_appointment a;
	if ((rc = lk_appointment_get(st, id, &a, err)) != LK_OK)
		goto fail;
	if (strcmp(a.status, "scheduled") != 0) {
		rc = lk_err_set(err, LK_ECLASH, "status",
		                "the appointment is marked \"%s\"; it cannot be moved",
		                _(lk_appointment_state_label(a.status)));
		goto fail;
	}
	if ((rc = lk_booking_time_ok(st, a.staff_id, a.point_id, a.channel, start, a.minutes,
	                             false, err)) != LK_OK)
		goto fail;
	if ((rc = find_clash(st, a.staff_id, a.room_id[0] ? a.room_id : NULL,
	                     a.client_id[0] ? a.client_id : NULL, start, a.minutes, a.id,
	                     err)) != LK_OK ||
	    (rc = lk_event_clash(st, a.staff_id, a.room_id[0] ? a.room_id : NULL, start, a.minutes,
	                         NULL, err)) != LK_OK)
		goto fail;
	char from[20], to[20];
	lk_time_iso(a.start, from, sizeof from);
	lk_time_iso(start, to, sizeof to);
	sqlite3_stmt *s = lk_prepare(st, "UPDATE appointment SET start = ?1 WHERE id = ?2", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, a.id, -1, SQLITE_STATIC);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "appointment");
	sqlite3_finalize(s);
	if (rc != LK_OK)
		goto fail;
	if ((rc = add_event(st, a.id, "rescheduled", actor, from, to, NULL, err)) != LK_OK)
		goto fail;
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}

enum lk_status
lk_appointment_history(struct lk_store *st, const char *id, lk_appointment_event_cb cb,
                       void *ctx, struct lk_err *err)
{
	enum lk_status rc = exists(st, "SELECT 1 FROM appointment WHERE id = ?", id, "id",
	                           "appointment", err);
	if (rc != LK_OK)
		return rc;
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT e.at, e.what, coalesce(s.surname || ' ' || s.given_names, ''),"
		" e.old_start, e.new_start, coalesce(e.note, '')"
		" FROM appointment_event e LEFT JOIN staff s ON s.id = e.staff_id"
		" WHERE e.appointment_id = ?1 ORDER BY e.at, e.rowid", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	struct lk_appointment_event e;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&e, 0, sizeof e);
		if (!lk_time_parse((const char *)sqlite3_column_text(s, 0), &e.at))
			e.at = 0;
		lk_col_text(s, 1, e.what, sizeof e.what);
		lk_col_text(s, 2, e.staff_name, sizeof e.staff_name);
		const char *o = (const char *)sqlite3_column_text(s, 3);
		const char *n = (const char *)sqlite3_column_text(s, 4);
		if (o == NULL || !lk_time_parse(o, &e.old_start))
			e.old_start = 0;
		if (n == NULL || !lk_time_parse(n, &e.new_start))
			e.new_start = 0;
		lk_col_text(s, 5, e.note, sizeof e.note);
		if (cb(&e, ctx))
			break;
	}
	sqlite3_finalize(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return lk_sql_err(st, err, "appointment history");
	return LK_OK;
}
