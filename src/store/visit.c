/*
 * visit.c — logging Piste walk-in visits.
 */
#include <string.h>

#include "store/store-internal.h"
#include "store/validate.h"
#include "store/visit.h"

/* Topics of the Piste service (domain.md, "Piste"; seed 000). */
const char *const lk_visit_topics[] = { "tyonhaku", "koulutus", "digi", "rinnalla", "muu", NULL };

enum lk_status
lk_visit_log(struct lk_store *st, const struct lk_visit_input *in, char *id_out,
             struct lk_err *err)
{
	enum lk_status rc;
	if (in->point == NULL)
		return lk_err_set(err, LK_EINPUT, "point", "the service point is needed");
	if (in->topic == NULL)
		return lk_err_set(err, LK_EINPUT, "topic", "the topic is needed");
	if ((rc = lk_check_enum("topic", in->topic, lk_visit_topics, err)) != LK_OK)
		return rc;
	if (in->minutes != -1 && (in->minutes < 0 || in->minutes > 600))
		return lk_err_set(err, LK_EINPUT, "minutes", "a visit lasts 0-600 minutes, not %d",
		                  in->minutes);
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT (SELECT 1 FROM service_point WHERE id = ?1),"
		" ?2 IS NULL OR EXISTS (SELECT 1 FROM client WHERE id = ?2),"
		" ?3 IS NULL OR EXISTS (SELECT 1 FROM staff WHERE id = ?3)", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, in->point, -1, SQLITE_TRANSIENT);
	lk_bind_text(s, 2, in->client);
	lk_bind_text(s, 3, in->staff);
	if (sqlite3_step(s) == SQLITE_ROW) {
		if (sqlite3_column_type(s, 0) == SQLITE_NULL)
			rc = lk_err_set(err, LK_ENOTFOUND, "point", "no service point '%.64s'", in->point);
		else if (!sqlite3_column_int(s, 1))
			rc = lk_err_set(err, LK_ENOTFOUND, "client", "no client '%.64s'", in->client);
		else if (!sqlite3_column_int(s, 2))
			rc = lk_err_set(err, LK_ENOTFOUND, "staff", "no staff member '%.64s'", in->staff);
	} else {
		rc = lk_sql_err(st, err, "visit");
	}
	sqlite3_finalize(s);
	if (rc != LK_OK)
		goto fail;

	lk_time now = lk_now();
	char id[LK_ID_LEN + 1], arrived[20], ended[20];
	lk_new_id(id);
	lk_time_iso(now, arrived, sizeof arrived);
	lk_time_iso(now + (in->minutes > 0 ? in->minutes : 0), ended, sizeof ended);
	s = lk_prepare(st,
		"INSERT INTO visit(id, point_id, topic, client_id, staff_id, arrived, served, ended,"
		" outcome, minutes, ticket)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, CASE WHEN ?8 >= 0 THEN ?7 END, 'served',"
		" CASE WHEN ?8 >= 0 THEN ?8 END,"
		" (SELECT coalesce(max(ticket), 0) + 1 FROM visit"
		"  WHERE point_id = ?2 AND substr(arrived, 1, 10) = substr(?6, 1, 10)))", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, in->point, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, in->topic, -1, SQLITE_TRANSIENT);
	lk_bind_text(s, 4, in->client);
	lk_bind_text(s, 5, in->staff);
	sqlite3_bind_text(s, 6, arrived, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, ended, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 8, in->minutes);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "visit");
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
