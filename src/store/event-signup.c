/*
 * event-signup.c — an event's list: sign-up up to capacity and then the
 * waiting list, cancelling a sign-up, attendance, and reading the list
 * (event.h). No state is stored for signed up or waiting: the view
 * event_participant_state (015_event.sql) derives it from the sign-up
 * stamps, so a cancellation moves the first waiting client up, and sign-ups
 * made offline on two desks end in the same order on every node.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "i18n.h"
#include "store/event.h"
#include "store/store-internal.h"
#include "store/validate.h"

void
lk_event_participant_id(const char *event, const char *client, char *buf)
{
	unsigned char h[16];
	crypto_generichash_state g;
	crypto_generichash_init(&g, NULL, 0, sizeof h);
	crypto_generichash_update(&g, (const unsigned char *)"event_participant\n", 18);
	crypto_generichash_update(&g, (const unsigned char *)event, strlen(event));
	crypto_generichash_update(&g, (const unsigned char *)"\n", 1);
	crypto_generichash_update(&g, (const unsigned char *)client, strlen(client));
	crypto_generichash_final(&g, h, sizeof h);
	sodium_bin2hex(buf, LK_ID_LEN + 1, h, sizeof h);
}

enum lk_status
lk_event_participants(struct lk_store *st, const char *id, lk_participant_cb cb, void *ctx,
                      struct lk_err *err)
{
	struct lk_event e;
	enum lk_status rc = lk_event_get(st, id, &e, err);
	if (rc != LK_OK)
		return rc;
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT x.client_id, c.surname || ' ' || c.given_names, x.state,"
		" coalesce(x.place, 0), x.obligation"
		" FROM event_participant_state x JOIN client c ON c.id = x.client_id"
		" WHERE x.event_id = ?1"
		" ORDER BY x.place IS NULL, x.place, lower(c.surname), c.given_names, c.id", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	struct lk_participant p;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&p, 0, sizeof p);
		lk_col_text(s, 0, p.client_id, sizeof p.client_id);
		lk_col_text(s, 1, p.client_name, sizeof p.client_name);
		lk_col_text(s, 2, p.state, sizeof p.state);
		p.place = sqlite3_column_int(s, 3);
		p.obligation = sqlite3_column_int(s, 4) != 0;
		if (cb(&p, ctx))
			break;
	}
	sqlite3_finalize(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return lk_sql_err(st, err, "participants");
	return LK_OK;
}

/* A client's row on the list: its state ("" when none) and place. */
static enum lk_status
state_of(struct lk_store *st, const char *event, const char *client, char *state, size_t size,
         int *place, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT state, coalesce(place, 0) FROM event_participant_state"
		" WHERE event_id = ?1 AND client_id = ?2", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, event, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, client, -1, SQLITE_TRANSIENT);
	state[0] = '\0';
	if (place)
		*place = 0;
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		lk_col_text(s, 0, state, size);
		if (place)
			*place = sqlite3_column_int(s, 1);
	}
	sqlite3_finalize(s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "participant");
}

/* The event, which must be live; and the client, which must exist. */
static enum lk_status
live_event(struct lk_store *st, const char *id, const char *client, struct lk_event *e,
           struct lk_err *err)
{
	enum lk_status rc = lk_event_get(st, id, e, err);
	if (rc != LK_OK)
		return rc;
	if (strcmp(e->status, "cancelled") == 0)
		return lk_err_set(err, LK_ECLASH, "id", "the event is cancelled");
	if (client == NULL || client[0] == '\0')
		return lk_err_set(err, LK_EINPUT, "client", "which client? (--client ID)");
	sqlite3_stmt *s = lk_prepare(st, "SELECT 1 FROM client WHERE id = ?", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, client, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s) == SQLITE_ROW ? LK_OK
		: lk_err_set(err, LK_ENOTFOUND, "client", "no client '%.64s'", client);
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_event_sign_up(struct lk_store *st, const char *id, const char *client, const char *actor,
                 char *state, size_t size, int *place, struct lk_err *err)
{
	enum lk_status rc = lk_store_begin(st, err);
	if (rc != LK_OK)
		return rc;
	struct lk_event e;
	char now_state[12];
	if ((rc = live_event(st, id, client, &e, err)) != LK_OK ||
	    (rc = state_of(st, id, client, now_state, sizeof now_state, NULL, err)) != LK_OK)
		goto fail;
	if (lk_now() >= e.start) {
		rc = lk_err_set(err, LK_ECLASH, "id", "the event has already started");
		goto fail;
	}
	if (now_state[0] && strcmp(now_state, "invited") != 0 && strcmp(now_state, "cancelled") != 0) {
		rc = lk_err_set(err, LK_ECLASH, "client", "the client is already on the list (%s)",
		                now_state);
		goto fail;
	}
	char pid[LK_ID_LEN + 1];
	lk_event_participant_id(id, client, pid);
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO event_participant(id, event_id, client_id, signup_stamp, staff_id)"
		" VALUES (?1, ?2, ?3, ?4, (SELECT id FROM staff WHERE id = ?5))"
		" ON CONFLICT(id) DO UPDATE SET signup_stamp = excluded.signup_stamp, cancelled = NULL,"
		" staff_id = excluded.staff_id", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, pid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, client, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 4, lk_store_stamp(st));
	lk_bind_text(s, 5, actor);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "sign-up");
	sqlite3_finalize(s);
	if (rc != LK_OK || (rc = state_of(st, id, client, state, size, place, err)) != LK_OK)
		goto fail;
	if (place && *place > e.capacity)
		*place -= e.capacity;   /* the place on the waiting list */
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}

/* The name of the client at `place` among the live sign-ups, into buf (204). */
static void
at_place(struct lk_store *st, const char *id, int place, char *buf)
{
	buf[0] = '\0';
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT c.surname || ' ' || c.given_names FROM event_participant_state x"
		" JOIN client c ON c.id = x.client_id WHERE x.event_id = ?1 AND x.place = ?2", NULL);
	if (s == NULL)
		return;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, place);
	if (sqlite3_step(s) == SQLITE_ROW)
		lk_col_text(s, 0, buf, 204);
	sqlite3_finalize(s);
}


/* One update of a client's row on an event's list: sql (a literal) binds
 * the row's id as ?1, value as ?2 and the acting staff member as ?3. */
static enum lk_status
mark(struct lk_store *st, const char *id, const char *client, const char *sql,
     const char *value, const char *actor, const char *what, struct lk_err *err)
{
	char pid[LK_ID_LEN + 1];
	lk_event_participant_id(id, client, pid);
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, pid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_TRANSIENT);
	lk_bind_text(s, 3, actor);
	enum lk_status rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, what);
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_event_cancel_signup(struct lk_store *st, const char *id, const char *client,
                       const char *actor, char *moved_up, struct lk_err *err)
{
	if (moved_up)
		moved_up[0] = '\0';
	enum lk_status rc = lk_store_begin(st, err);
	if (rc != LK_OK)
		return rc;
	struct lk_event e;
	char now_state[12];
	if ((rc = live_event(st, id, client, &e, err)) != LK_OK ||
	    (rc = state_of(st, id, client, now_state, sizeof now_state, NULL, err)) != LK_OK)
		goto fail;
	if (strcmp(now_state, "signed-up") != 0 && strcmp(now_state, "waiting") != 0) {
		rc = now_state[0]
			? lk_err_set(err, LK_ECLASH, "client", "the client is %s, not signed up", now_state)
			: lk_err_set(err, LK_ENOTFOUND, "client", "the client is not on the list");
		goto fail;
	}
	char first_waiting[204] = "";
	if (strcmp(now_state, "signed-up") == 0)
		at_place(st, id, e.capacity + 1, first_waiting);
	char now[20];
	if ((rc = mark(st, id, client,
	               "UPDATE event_participant SET cancelled = ?2,"
	               " staff_id = (SELECT id FROM staff WHERE id = ?3) WHERE id = ?1",
	               lk_time_iso(lk_now(), now, sizeof now), actor, "cancel", err)) != LK_OK)
		goto fail;
	if ((rc = lk_store_commit(st, err)) == LK_OK && moved_up)
		memcpy(moved_up, first_waiting, sizeof first_waiting);
	return rc;
fail:
	lk_store_rollback(st);
	return rc;
}

enum lk_status
lk_event_attend(struct lk_store *st, const char *id, const char *client, const char *as,
                const char *actor, struct lk_err *err)
{
	static const char *const marks[] = { "attended", "no-show", NULL };
	if (as == NULL)
		return lk_err_set(err, LK_EINPUT, "as", "attended or no-show? (--as)");
	enum lk_status rc = lk_check_enum("as", as, marks, err);
	if (rc != LK_OK)
		return rc;
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	struct lk_event e;
	char now_state[12];
	if ((rc = live_event(st, id, client, &e, err)) != LK_OK ||
	    (rc = state_of(st, id, client, now_state, sizeof now_state, NULL, err)) != LK_OK)
		goto fail;
	if (lk_now() < e.start) {
		rc = lk_err_set(err, LK_ECLASH, "id", "the event has not started yet");
		goto fail;
	}
	if (now_state[0] == '\0') {
		rc = lk_err_set(err, LK_ENOTFOUND, "client", "the client is not on the list");
		goto fail;
	}
	if (strcmp(now_state, "cancelled") == 0) {
		rc = lk_err_set(err, LK_ECLASH, "client", "the client cancelled");
		goto fail;
	}
	if ((rc = mark(st, id, client,
	               "UPDATE event_participant SET attendance = ?2,"
	               " staff_id = (SELECT id FROM staff WHERE id = ?3) WHERE id = ?1",
	               as, actor, "attendance", err)) != LK_OK)
		goto fail;
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}

enum lk_status
lk_event_client_list(struct lk_store *st, const char *client, lk_client_event_cb cb, void *ctx,
                     struct lk_err *err)
{
	/* The client's events by the index on client_id, then each one's state
	 * with event_id bound: SQLite pushes that into the view's window (a
	 * filter on client_id alone would number every list of the area). */
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT e.id, e.title, e.kind, e.start FROM event_participant p"
		" JOIN event e ON e.id = p.event_id"
		" WHERE p.client_id = ?1 AND e.status = 'planned' ORDER BY e.start, e.id", err);
	sqlite3_stmt *q = s == NULL ? NULL : lk_prepare(st,
		"SELECT state, obligation FROM event_participant_state"
		" WHERE event_id = ?1 AND client_id = ?2", err);
	if (q == NULL) {
		sqlite3_finalize(s);
		return LK_EFAIL;
	}
	sqlite3_bind_text(s, 1, client, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, client, -1, SQLITE_TRANSIENT);
	struct lk_client_event ce;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&ce, 0, sizeof ce);
		lk_col_text(s, 0, ce.event_id, sizeof ce.event_id);
		lk_col_text(s, 1, ce.title, sizeof ce.title);
		lk_col_text(s, 2, ce.kind, sizeof ce.kind);
		if (!lk_time_parse((const char *)sqlite3_column_text(s, 3), &ce.start))
			ce.start = 0;
		sqlite3_reset(q);
		sqlite3_bind_text(q, 1, ce.event_id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(q) != SQLITE_ROW)
			continue;
		lk_col_text(q, 0, ce.state, sizeof ce.state);
		ce.obligation = sqlite3_column_int(q, 1) != 0;
		if (cb(&ce, ctx))
			break;
	}
	sqlite3_finalize(s);
	sqlite3_finalize(q);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return lk_sql_err(st, err, "events");
	return LK_OK;
}
