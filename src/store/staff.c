/*
 * staff.c — adding and listing staff members.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "store/staff.h"
#include "store/store-internal.h"
#include "store/validate.h"

/* docs/rules.md#roles; docs/architecture.md#data-model. */
static const struct lk_role_info roles[] = {
	{ "caseworker", N_("Client officer (asiakasvastaava)"), "area" },
	{ "tym-caseworker", N_("TYM client officer"), "area" },
	{ "social-worker", N_("Social counsellor / worker"), "wellbeing" },
	{ "kela-advisor", N_("Kela work-ability advisor"), "kela" },
	{ "nurse", N_("Nurse for the unemployed"), "wellbeing" },
	{ "coordinator", N_("Work-ability coordinator"), "area" },
	{ "career-counsellor", N_("Career counsellor"), "area" },
	{ "ohjaamo", N_("Ohjaamo expert"), "area" },
	{ "job-coach", N_("Job coach"), "area" },
	{ "lobby", N_("Lobby and phone service"), "area" },
	{ "piste", N_("Piste desk"), "municipality" },
	{ "lead", N_("Team or service lead"), "area" },
	{ "admin", N_("Administrator"), "area" },
	{ "kiosk", N_("Self-service kiosk"), "municipality" },
	{ NULL, NULL, NULL },
};

static const char *const organisations[] = {
	"area", "wellbeing", "kela", "municipality", "other", NULL,
};

const struct lk_role_info *
lk_roles(void)
{
	return roles;
}

const struct lk_role_info *
lk_role_find(const char *code)
{
	for (const struct lk_role_info *r = roles; r->code; r++)
		if (strcmp(r->code, code) == 0)
			return r;
	return NULL;
}

static enum lk_status
point_exists(struct lk_store *st, const char *id, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, "SELECT 1 FROM service_point WHERE id = ?", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	enum lk_status rc = sqlite3_step(s) == SQLITE_ROW
		? LK_OK
		: lk_err_set(err, LK_ENOTFOUND, "point", "no service point '%.64s' (see: luukku point list)", id);
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_staff_serve(struct lk_store *st, const char *staff_id, const char *point_id, int percent,
               const char *weekdays, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO staff_point(staff_id, point_id, percent, weekdays) VALUES (?, ?, ?, ?) "
		"ON CONFLICT DO UPDATE SET percent = excluded.percent, weekdays = excluded.weekdays",
		err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, staff_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, point_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 3, percent);
	sqlite3_bind_text(s, 4, weekdays, -1, SQLITE_TRANSIENT);
	enum lk_status rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "staff point");
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_staff_add(struct lk_store *st, const struct lk_staff_input *in, char *id_out,
             struct lk_err *err)
{
	char surname[128], given[128];
	enum lk_status rc;
	if (in->name == NULL)
		return lk_err_set(err, LK_EINPUT, "name", "a name is needed");
	if ((rc = lk_split_name("name", in->name, surname, sizeof surname, given, sizeof given,
	                        err)) != LK_OK)
		return rc;
	if (in->role == NULL)
		return lk_err_set(err, LK_EINPUT, "role", "a role is needed");
	const struct lk_role_info *role = lk_role_find(in->role);
	if (role == NULL) {
		const char *codes[32];
		size_t n = 0;
		for (const struct lk_role_info *r = roles; r->code; r++)
			codes[n++] = r->code;
		codes[n] = NULL;
		return lk_check_enum("role", in->role, codes, err);
	}
	const char *org = in->organisation ? in->organisation : role->organisation;
	if ((rc = lk_check_enum("organisation", org, organisations, err)) != LK_OK)
		return rc;
	if (in->point == NULL)
		return lk_err_set(err, LK_EINPUT, "point", "a home service point is needed");
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	if ((rc = point_exists(st, in->point, err)) != LK_OK)
		goto fail;
	char id[LK_ID_LEN + 1];
	lk_new_id(id);
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO staff(id, surname, given_names, role, organisation, home_point_id)"
		" VALUES (?, ?, ?, ?, ?, ?)", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, surname, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, given, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, role->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, org, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 6, in->point, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "staff");
	sqlite3_finalize(s);
	if (rc == LK_OK)
		rc = lk_staff_serve(st, id, in->point, 100, "12345", err);
	if (rc != LK_OK)
		goto fail;
	if ((rc = lk_store_commit(st, err)) == LK_OK)
		memcpy(id_out, id, sizeof id);
	return rc;
fail:
	lk_store_rollback(st);
	return rc;
}

static const char staff_select[] =
	"SELECT s.id, s.surname, s.given_names, s.role, s.organisation, s.home_point_id,"
	" p.name, s.active FROM staff s JOIN service_point p ON p.id = s.home_point_id";

static void
read_staff(sqlite3_stmt *s, struct lk_staff *o)
{
	lk_col_text(s, 0, o->id, sizeof o->id);
	lk_col_text(s, 1, o->surname, sizeof o->surname);
	lk_col_text(s, 2, o->given_names, sizeof o->given_names);
	lk_col_text(s, 3, o->role, sizeof o->role);
	lk_col_text(s, 4, o->organisation, sizeof o->organisation);
	lk_col_text(s, 5, o->home_point, sizeof o->home_point);
	lk_col_text(s, 6, o->home_point_name, sizeof o->home_point_name);
	o->active = sqlite3_column_int(s, 7);
}

enum lk_status
lk_staff_get(struct lk_store *st, const char *id, struct lk_staff *out, struct lk_err *err)
{
	char sql[512];
	snprintf(sql, sizeof sql, "%s WHERE s.id = ?", staff_select);
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	enum lk_status rc = LK_OK;
	if (sqlite3_step(s) == SQLITE_ROW)
		read_staff(s, out);
	else
		rc = lk_err_set(err, LK_ENOTFOUND, "staff", "no staff member '%.64s'", id);
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_staff_list(struct lk_store *st, const char *point, lk_staff_cb cb, void *ctx,
              struct lk_err *err)
{
	char sql[768];
	snprintf(sql, sizeof sql,
	         "%s WHERE ?1 IS NULL OR s.id IN (SELECT staff_id FROM staff_point WHERE point_id = ?1)"
	         " ORDER BY s.surname, s.given_names", staff_select);
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	lk_bind_text(s, 1, point);
	struct lk_staff o;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_staff(s, &o);
		if (cb(&o, ctx))
			break;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lk_sql_err(st, err, "staff");
	return LK_OK;
}
