/*
 * visit.c — logging Piste walk-in visits, and the checks every visit's
 * free text passes (a note, a first name to call by).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "store/store-internal.h"
#include "store/validate.h"
#include "store/visit.h"

/* Topics of the Piste service (docs/rules.md#piste; seed 000). */
const char *const lk_visit_topics[] = { "tyonhaku", "koulutus", "digi", "rinnalla", "muu", NULL };
static const char *const topic_labels[] = {
	N_("Job search"), N_("Education"), N_("Digital services"), N_("Rinnalla"), N_("Other"),
};

const char *
lk_visit_topic_label(const char *code)
{
	for (int i = 0; lk_visit_topics[i]; i++)
		if (code && strcmp(lk_visit_topics[i], code) == 0)
			return topic_labels[i];
	return code ? code : "";
}

enum lk_status
lk_visit_check_note(const char *note, struct lk_err *err)
{
	enum lk_status rc;
	if (note == NULL || note[0] == '\0')
		return LK_OK;
	if ((rc = lk_check_text("note", note, 200, err)) != LK_OK)
		return rc;
	if (lk_text_has_hetu(note))
		return lk_err_set(err, LK_EINPUT, "note",
		                  "looks like it holds an identity code; a visit's note never does");
	return LK_OK;
}

enum lk_status
lk_visit_check_first_name(const char *name, struct lk_err *err)
{
	enum lk_status rc;
	if (name == NULL || name[0] == '\0')
		return LK_OK;
	if ((rc = lk_check_name("first-name", name, 30, err)) != LK_OK)
		return rc;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (isdigit(*p))
			return lk_err_set(err, LK_EINPUT, "first-name",
			                  "a first name only: no digits, never an identity code");
		if (*p < 0x80 && !isalpha(*p) && *p != ' ' && *p != '-' && *p != '\'')
			return lk_err_set(err, LK_EINPUT, "first-name",
			                  "a first name only: letters, spaces and hyphens");
	}
	return LK_OK;
}

enum lk_status
lk_visit_record_consent(struct lk_store *st, const char *id, const char *client,
                        const char *staff, const char *at, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, "UPDATE visit SET oral_consent = ?2 WHERE id = ?1", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, at, -1, SQLITE_TRANSIENT);
	enum lk_status rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "visit");
	sqlite3_finalize(s);
	if (rc != LK_OK || client == NULL || client[0] == '\0')
		return rc;
	/* One-time consent for that situation (docs/rules.md#rinnalla): scoped
	 * to the visit. */
	char cid[LK_ID_LEN + 1], scope[64];
	lk_new_id(cid);
	snprintf(scope, sizeof scope, "visit:%s", id);
	s = lk_prepare(st, "INSERT INTO consent(id, client_id, kind, scope, given_how, staff_id,"
	                   " given_at) VALUES (?, ?, 'rinnalla', ?, 'oral', ?, ?)", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, cid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, client, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, scope, -1, SQLITE_STATIC);
	lk_bind_text(s, 4, staff);
	sqlite3_bind_text(s, 5, at, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "consent");
	sqlite3_finalize(s);
	return rc;
}

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
	if ((rc = lk_visit_check_note(in->note, err)) != LK_OK)
		return rc;
	if (in->oral_consent && strcmp(in->topic, "rinnalla") != 0)
		return lk_err_set(err, LK_EINPUT, "oral-consent",
		                  "one-time oral consent is recorded for Rinnalla visits only");
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
		" outcome, minutes, note, ticket)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, CASE WHEN ?8 >= 0 THEN ?7 END, 'served',"
		" CASE WHEN ?8 >= 0 THEN ?8 END, ?9,"
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
	lk_bind_text(s, 9, in->note);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "visit");
	sqlite3_finalize(s);
	if (rc == LK_OK && in->oral_consent)
		rc = lk_visit_record_consent(st, id, in->client, in->staff, arrived, err);
	if (rc != LK_OK)
		goto fail;
	if ((rc = lk_store_commit(st, err)) == LK_OK)
		memcpy(id_out, id, sizeof id);
	return rc;
fail:
	lk_store_rollback(st);
	return rc;
}
