/*
 * import-staff.c — `luukku import staff FILE` (import.h): staff members
 * from the municipality's HR list.
 *
 * A row is matched by its user_id, which is the staff member's Luukku id
 * (lower-case letters, digits and '-'; upper case is folded), so HR's
 * user name can serve as it; a new user_id adds a member, who then needs
 * a name, a role and a home point. The served points are written
 * "POINT:PERCENT" or "POINT:PERCENT:WEEKDAYS", separated by spaces
 * ("joensuun-palvelupiste:60 kontiolahden-palvelupiste:40:24"); weekdays
 * default to Monday–Friday. Points the cell lists are added or changed;
 * points it leaves out stay as they are. A new member whose row lists no
 * points serves the home point 100 % as with `staff add`.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/import-internal.h"
#include "store/staff.h"
#include "store/store-internal.h"
#include "store/validate.h"

enum { K_USER, K_NAME, K_ROLE, K_ORG, K_HOME, K_POINTS, NCOL };

static const char *const names[NCOL + 1] = {
	"user_id", "name", "role", "organisation", "home_point", "points", NULL,
};

static const char *const organisations[] = {
	"area", "wellbeing", "kela", "municipality", "other", NULL,
};

#define MAX_POINTS 16

struct served {
	char point[65];
	int percent;
	char weekdays[8];
};

struct row {
	bool have[NCOL];
	char user[65], surname[128], given[128], role[24], org[16], home[65];
	int npoints;
	struct served points[MAX_POINTS];
};

struct stmts {
	sqlite3_stmt *staff, *point, *served, *insert, *update, *serve;
};

static void
finalize_all(void *qv)
{
	struct stmts *q = qv;
	sqlite3_finalize(q->staff);
	sqlite3_finalize(q->point);
	sqlite3_finalize(q->served);
	sqlite3_finalize(q->insert);
	sqlite3_finalize(q->update);
	sqlite3_finalize(q->serve);
}

static enum lk_status
prepare_all(struct lk_store *st, void *qv, struct lk_err *err)
{
	struct stmts *q = qv;
	memset(q, 0, sizeof *q);
	q->staff = lk_prepare(st, "SELECT surname, given_names, role, organisation, home_point_id"
	                      " FROM staff WHERE id = ?", err);
	q->point = lk_prepare(st, "SELECT id FROM service_point WHERE id = ?1"
	                      " OR lower(name) = lower(?1) OR name = ?1", err);
	q->served = lk_prepare(st, "SELECT percent, weekdays FROM staff_point"
	                       " WHERE staff_id = ? AND point_id = ?", err);
	q->insert = lk_prepare(st, "INSERT INTO staff(id, surname, given_names, role, organisation,"
	                       " home_point_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err);
	q->update = lk_prepare(st, "UPDATE staff SET"
	                       " surname = CASE WHEN ?11 THEN ?2 ELSE surname END,"
	                       " given_names = CASE WHEN ?11 THEN ?3 ELSE given_names END,"
	                       " role = CASE WHEN ?12 THEN ?4 ELSE role END,"
	                       " organisation = CASE WHEN ?13 THEN ?5 ELSE organisation END,"
	                       " home_point_id = CASE WHEN ?14 THEN ?6 ELSE home_point_id END"
	                       " WHERE id = ?1", err);
	q->serve = lk_prepare(st, "INSERT INTO staff_point(staff_id, point_id, percent, weekdays)"
	                      " VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET"
	                      " percent = excluded.percent, weekdays = excluded.weekdays", err);
	if (!q->staff || !q->point || !q->served || !q->insert || !q->update || !q->serve) {
		finalize_all(q);
		return LK_EFAIL;
	}
	return LK_OK;
}

static bool
look_up_point(struct stmts *q, const char *v, char *out, size_t size)
{
	sqlite3_reset(q->point);
	sqlite3_bind_text(q->point, 1, v, -1, SQLITE_TRANSIENT);
	bool found = sqlite3_step(q->point) == SQLITE_ROW;
	if (found)
		lk_col_text(q->point, 0, out, size);
	sqlite3_reset(q->point);
	return found;
}

/* "a:60 b:40:24" into r->points; false after adding the problem. */
static bool
parse_points(struct stmts *q, struct lk_import_result *res, int line, const char *cell,
             struct row *r)
{
	char buf[1024];
	snprintf(buf, sizeof buf, "%s", cell);
	r->npoints = 0;
	for (char *save = NULL, *item = strtok_r(buf, " ", &save); item;
	     item = strtok_r(NULL, " ", &save)) {
		if (r->npoints == MAX_POINTS) {
			lk_import_problem(res, line, names[K_POINTS], "more than %d points", MAX_POINTS);
			return false;
		}
		char *pct = strchr(item, ':'), *days = pct ? strchr(pct + 1, ':') : NULL, *end;
		if (pct)
			*pct++ = '\0';
		if (days)
			*days++ = '\0';
		long percent = pct ? strtol(pct, &end, 10) : 0;
		if (pct == NULL || end == pct || *end || percent < 1 || percent > 100) {
			lk_import_problem(res, line, names[K_POINTS],
			                  "'%s' is not POINT:PERCENT (1-100), e.g. "
			                  "joensuun-palvelupiste:60", item);
			return false;
		}
		bool days_ok = days == NULL || (*days && strlen(days) <= 7);
		for (const char *d = days; days_ok && d && *d; d++)
			days_ok = *d >= '1' && *d <= '7' && (d == days || d[-1] < *d);
		if (!days_ok) {
			lk_import_problem(res, line, names[K_POINTS],
			                  "'%s' is not a list of weekdays 1-7 in order, e.g. 135", days);
			return false;
		}
		struct served *p = &r->points[r->npoints];
		if (!look_up_point(q, item, p->point, sizeof p->point)) {
			lk_import_problem(res, line, names[K_POINTS],
			                  "no service point '%s' (see: luukku point list)", item);
			return false;
		}
		for (int i = 0; i < r->npoints; i++)
			if (strcmp(r->points[i].point, p->point) == 0) {
				lk_import_problem(res, line, names[K_POINTS], "'%s' is listed twice", item);
				return false;
			}
		p->percent = (int)percent;
		snprintf(p->weekdays, sizeof p->weekdays, "%s", days ? days : "12345");
		r->npoints++;
	}
	return true;
}

/* Check a row's cells into r; false when any was bad (problems added). */
static bool
check_row(struct stmts *q, struct lk_import_result *res, int line, char **cells, struct row *r)
{
	bool ok = true;
	memset(r, 0, sizeof *r);
	for (int k = 0; k < NCOL; k++) {
		const char *v = cells[k];
		if (!v[0])
			continue;
		if (!lk_import_text(res, line, names[k], v, k == K_NAME ? 201 : k == K_POINTS ? 1000 : 64,
		                    k == K_NAME)) {
			ok = false;
			continue;
		}
		struct lk_err e = { 0 };
		bool good = true;
		switch (k) {
		case K_USER:
			snprintf(r->user, sizeof r->user, "%s", v);
			for (char *p = r->user; *p; p++)
				*p = (char)tolower((unsigned char)*p);
			if (!lk_id_valid(r->user)) {
				lk_import_problem(res, line, names[k],
				                  "'%s' is not a user id (letters a-z, digits and -)", v);
				good = false;
			}
			break;
		case K_NAME:
			if (lk_split_name(names[k], v, r->surname, sizeof r->surname, r->given,
			                  sizeof r->given, &e) != LK_OK) {
				lk_import_problem(res, line, names[k], "%s", e.msg);
				good = false;
			}
			break;
		case K_ROLE: {
			const char *codes[32];
			size_t n = 0;
			for (const struct lk_role_info *ri = lk_roles(); ri->code && n < 31; ri++)
				codes[n++] = ri->code;
			codes[n] = NULL;
			if (lk_check_enum(names[k], v, codes, &e) != LK_OK) {
				lk_import_problem(res, line, names[k], "%s", e.msg);
				good = false;
			}
			snprintf(r->role, sizeof r->role, "%s", v);
			break;
		}
		case K_ORG:
			if (lk_check_enum(names[k], v, organisations, &e) != LK_OK) {
				lk_import_problem(res, line, names[k], "%s", e.msg);
				good = false;
			}
			snprintf(r->org, sizeof r->org, "%s", v);
			break;
		case K_HOME:
			if (!look_up_point(q, v, r->home, sizeof r->home)) {
				lk_import_problem(res, line, names[k],
				                  "no service point '%s' (see: luukku point list)", v);
				good = false;
			}
			break;
		case K_POINTS:
			good = parse_points(q, res, line, v, r);
			break;
		}
		r->have[k] = good;
		ok = ok && good;
	}
	if (ok && !r->have[K_USER]) {
		lk_import_problem(res, line, names[K_USER], "a user id is needed");
		ok = false;
	}
	return ok;
}

static enum lk_status
import_row(struct lk_store *st, void *qv, const struct lk_import_opts *o,
           struct lk_import_result *res, struct lk_seen *seen, int line, char **cells,
           struct lk_err *err)
{
	struct stmts *q = qv;
	(void)o;   /* a staff row has no options */
	struct row r;
	if (!check_row(q, res, line, cells, &r))
		return LK_OK;
	int first = lk_seen_add(seen, r.user, line);
	if (first) {
		lk_import_problem(res, line, names[K_USER], "the same user id as on line %d", first);
		return LK_OK;
	}
	char cur[5][128];
	sqlite3_reset(q->staff);
	sqlite3_bind_text(q->staff, 1, r.user, -1, SQLITE_TRANSIENT);
	bool found = sqlite3_step(q->staff) == SQLITE_ROW;
	for (int i = 0; found && i < 5; i++)
		lk_col_text(q->staff, i, cur[i], sizeof cur[i]);
	sqlite3_reset(q->staff);
	int changed = 0, rc;
	if (!found) {
		if (!r.have[K_NAME] || !r.have[K_ROLE] || !r.have[K_HOME]) {
			lk_import_problem(res, line,
			                  names[!r.have[K_NAME] ? K_NAME : !r.have[K_ROLE] ? K_ROLE : K_HOME],
			                  "a new staff member needs a name, a role and a home_point");
			return LK_OK;
		}
		sqlite3_stmt *s = q->insert;
		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, r.user, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, r.surname, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 3, r.given, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 4, r.role, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 5, r.have[K_ORG] ? r.org : lk_role_find(r.role)->organisation, -1,
		                  SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 6, r.home, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc != SQLITE_DONE)
			return lk_sql_err(st, err, "staff");
		if (r.npoints == 0) {
			r.npoints = 1;
			snprintf(r.points[0].point, sizeof r.points[0].point, "%s", r.home);
			r.points[0].percent = 100;
			snprintf(r.points[0].weekdays, sizeof r.points[0].weekdays, "12345");
		}
	} else {
		bool ch[4] = {
			r.have[K_NAME] && (strcmp(r.surname, cur[0]) || strcmp(r.given, cur[1])),
			r.have[K_ROLE] && strcmp(r.role, cur[2]) != 0,
			r.have[K_ORG] && strcmp(r.org, cur[3]) != 0,
			r.have[K_HOME] && strcmp(r.home, cur[4]) != 0,
		};
		changed = ch[0] + ch[1] + ch[2] + ch[3];
		if (changed) {
			sqlite3_stmt *s = q->update;
			sqlite3_reset(s);
			sqlite3_bind_text(s, 1, r.user, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s, 2, r.surname, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s, 3, r.given, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s, 4, r.role, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s, 5, r.org, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s, 6, r.home, -1, SQLITE_TRANSIENT);
			for (int i = 0; i < 4; i++)
				sqlite3_bind_int(s, 11 + i, ch[i]);
			rc = sqlite3_step(s);
			sqlite3_reset(s);
			if (rc != SQLITE_DONE)
				return lk_sql_err(st, err, "staff");
		}
	}
	bool points_changed = false;
	for (int i = 0; i < r.npoints; i++) {
		sqlite3_reset(q->served);
		sqlite3_bind_text(q->served, 1, r.user, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q->served, 2, r.points[i].point, -1, SQLITE_TRANSIENT);
		bool same = sqlite3_step(q->served) == SQLITE_ROW &&
		            sqlite3_column_int(q->served, 0) == r.points[i].percent &&
		            strcmp((const char *)sqlite3_column_text(q->served, 1),
		                   r.points[i].weekdays) == 0;
		sqlite3_reset(q->served);
		if (same)
			continue;
		points_changed = true;
		sqlite3_reset(q->serve);
		sqlite3_bind_text(q->serve, 1, r.user, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q->serve, 2, r.points[i].point, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(q->serve, 3, r.points[i].percent);
		sqlite3_bind_text(q->serve, 4, r.points[i].weekdays, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(q->serve);
		sqlite3_reset(q->serve);
		if (rc != SQLITE_DONE)
			return lk_sql_err(st, err, "staff point");
	}
	if (!found) {
		res->added++;
	} else if (changed + points_changed) {
		res->updated++;
		res->fields += changed + points_changed;
	} else {
		res->unchanged++;
	}
	return LK_OK;
}

static const struct lk_import_kind kind = {
	"staff", names, sizeof(struct stmts), prepare_all, finalize_all, import_row,
};

enum lk_status
lk_import_staff(struct lk_store *st, const char *text, size_t len,
                const struct lk_import_opts *o, struct lk_import_result *res,
                struct lk_err *err)
{
	return lk_import_run(st, text, len, &kind, o, res, err);
}
