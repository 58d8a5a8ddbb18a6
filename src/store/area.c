/*
 * area.c — create an area from the compiled-in service-point data and read
 * its service points back.
 *
 * The data is data/service_points.csv, copied from the planning documents
 * (shared/data); each row: area, municipality, point, kind, street, postcode,
 * town, fte, served_from, commuted_services, note.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/area.h"
#include "store/csv.h"
#include "store/embedded.h"
#include "store/store-internal.h"

/* Display names and host municipalities (docs/rules.md#areas-and-points). */
static const struct lk_area_info areas[] = {
	{ "pohjois-karjala", "Pohjois-Karjala" },
	{ "pohjoinen-keski-suomi", "Pohjoinen Keski-Suomi" },
	{ "mikkelin-seutu", "Mikkelin seutu" },
	{ "paijat-hame", "Päijät-Häme" },
	{ "etela-karjala", "Etelä-Karjala" },
	{ NULL, NULL },
};

/* Opening hours by kind of point, until a site sets its own: the main office
 * keeps office hours; small points are open for the visits booked there. */
static const struct {
	const char *kind, *opens, *closes;
} hours[] = {
	{ "main", "08:00", "16:00" },
	{ "fixed", "08:00", "16:00" },
	{ "point", "08:30", "15:30" },
	{ "branch", "09:00", "15:00" },
	{ "visited", "09:00", "15:00" },
	{ "occasional", "09:00", "15:00" },
	{ "piste", "10:00", "15:00" },
};

const struct lk_area_info *
lk_areas(void)
{
	return areas;
}

const struct lk_area_info *
lk_area_find(const char *id)
{
	for (const struct lk_area_info *a = areas; a->id; a++)
		if (strcmp(a->id, id) == 0)
			return a;
	return NULL;
}

void
lk_slug(const char *name, char *buf, size_t size)
{
	static const struct {
		const char *utf8, *ascii;
	} fold[] = {
		{ "ä", "a" }, { "Ä", "a" }, { "ö", "o" }, { "Ö", "o" }, { "å", "a" },
		{ "Å", "a" }, { "é", "e" }, { "É", "e" }, { "ü", "u" }, { "Ü", "u" },
	};
	size_t n = 0;
	const char *p = name;
	while (*p && n + 1 < size) {
		char c = 0;
		size_t skip = 1;
		for (size_t i = 0; i < sizeof fold / sizeof fold[0]; i++) {
			size_t l = strlen(fold[i].utf8);
			if (strncmp(p, fold[i].utf8, l) == 0) {
				c = fold[i].ascii[0];
				skip = l;
				break;
			}
		}
		if (c == 0) {
			unsigned char u = (unsigned char)*p;
			if (u >= 'A' && u <= 'Z')
				c = (char)(u - 'A' + 'a');
			else if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9'))
				c = (char)u;
			else if (u < 0x80)
				c = '-';
		}
		if (c == '-' && (n == 0 || buf[n - 1] == '-'))
			c = 0;
		if (c)
			buf[n++] = c;
		p += skip;
	}
	while (n > 0 && buf[n - 1] == '-')
		n--;
	buf[n] = '\0';
}

enum lk_status
lk_area_current(struct lk_store *st, char *buf, size_t size)
{
	if (lk_meta_get(st, "area", buf, size) != LK_OK)
		buf[0] = '\0';
	return LK_OK;
}

static const char *
hours_for(const char *kind, int which)
{
	for (size_t i = 0; i < sizeof hours / sizeof hours[0]; i++)
		if (strcmp(hours[i].kind, kind) == 0)
			return which ? hours[i].closes : hours[i].opens;
	return which ? "16:00" : "08:00";
}

static enum lk_status
step_done(struct lk_store *st, sqlite3_stmt *s, struct lk_err *err, const char *what)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return lk_sql_err(st, err, what);
	return LK_OK;
}

static enum lk_status
insert_area(struct lk_store *st, const struct lk_area_info *area, struct lk_err *err)
{
	const char *csv = lk_embedded_find("service_points.csv");
	if (csv == NULL)
		return lk_err_set(err, LK_EFAIL, "area", "service-point data is missing from this build");
	sqlite3_stmt *ins_area = lk_prepare(st, "INSERT INTO area(id, name, host) VALUES (?, ?, ?)", err);
	sqlite3_stmt *ins_mun = lk_prepare(st,
		"INSERT OR IGNORE INTO municipality(id, area_id, name) VALUES (?, ?, ?)", err);
	sqlite3_stmt *ins_point = lk_prepare(st,
		"INSERT INTO service_point(id, municipality_id, name, kind, street, postcode, town,"
		" fte, opens, closes, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	sqlite3_stmt *ins_link = lk_prepare(st,
		"INSERT INTO point_link(point_id, served_from, services) VALUES (?, ?, ?)", err);
	enum lk_status rc = LK_OK;
	if (!ins_area || !ins_mun || !ins_point || !ins_link) {
		rc = LK_EFAIL;
		goto out;
	}

	/* Three passes: the area (its host is the main office's municipality),
	 * then municipalities and points, then links (a link names another point). */
	struct lk_csv c;
	char host[LK_CSV_FIELD_LEN] = "";
	for (int pass = 0; pass < 3 && rc == LK_OK; pass++) {
		lk_csv_init(&c, csv);
		lk_csv_next(&c); /* header */
		while (rc == LK_OK && lk_csv_next(&c)) {
			if (c.nfields < 11 || strcmp(c.field[0], area->id) != 0)
				continue;
			char mun_id[65], point_id[65], from_id[65];
			lk_slug(c.field[1], mun_id, sizeof mun_id);
			lk_slug(c.field[2], point_id, sizeof point_id);
			if (pass == 0) {
				if (strcmp(c.field[3], "main") == 0 || host[0] == '\0')
					snprintf(host, sizeof host, "%s", c.field[1]);
			} else if (pass == 1) {
				sqlite3_bind_text(ins_mun, 1, mun_id, -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(ins_mun, 2, area->id, -1, SQLITE_STATIC);
				sqlite3_bind_text(ins_mun, 3, c.field[1], -1, SQLITE_TRANSIENT);
				if ((rc = step_done(st, ins_mun, err, "municipality")) != LK_OK)
					break;
				sqlite3_bind_text(ins_point, 1, point_id, -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(ins_point, 2, mun_id, -1, SQLITE_TRANSIENT);
				for (int i = 2; i <= 6; i++)
					lk_bind_text(ins_point, i + 1, c.field[i]);
				if (c.field[7][0])
					sqlite3_bind_double(ins_point, 8, atof(c.field[7]));
				else
					sqlite3_bind_null(ins_point, 8);
				sqlite3_bind_text(ins_point, 9, hours_for(c.field[3], 0), -1, SQLITE_STATIC);
				sqlite3_bind_text(ins_point, 10, hours_for(c.field[3], 1), -1, SQLITE_STATIC);
				lk_bind_text(ins_point, 11, c.field[10]);
				rc = step_done(st, ins_point, err, "service point");
			} else if (c.field[8][0]) {
				lk_slug(c.field[8], from_id, sizeof from_id);
				sqlite3_bind_text(ins_link, 1, point_id, -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(ins_link, 2, from_id, -1, SQLITE_TRANSIENT);
				lk_bind_text(ins_link, 3, c.field[9][0] ? c.field[9] : "all");
				rc = step_done(st, ins_link, err, "commuting link");
			}
		}
		if (pass == 0 && rc == LK_OK) {
			sqlite3_bind_text(ins_area, 1, area->id, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins_area, 2, area->name, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins_area, 3, host, -1, SQLITE_TRANSIENT);
			rc = step_done(st, ins_area, err, "area");
		}
	}
out:
	sqlite3_finalize(ins_area);
	sqlite3_finalize(ins_mun);
	sqlite3_finalize(ins_point);
	sqlite3_finalize(ins_link);
	return rc;
}

enum lk_status
lk_area_init(struct lk_store *st, const char *area_id, struct lk_err *err)
{
	const struct lk_area_info *area = area_id ? lk_area_find(area_id) : NULL;
	if (area == NULL) {
		char known[256] = "";
		for (const struct lk_area_info *a = areas; a->id; a++) {
			strncat(known, known[0] ? ", " : "", sizeof known - strlen(known) - 1);
			strncat(known, a->id, sizeof known - strlen(known) - 1);
		}
		return lk_err_set(err, LK_EINPUT, "area", "unknown area '%s' (known: %s)",
		                  area_id ? area_id : "", known);
	}
	char have[65];
	lk_area_current(st, have, sizeof have);
	if (have[0])
		return lk_err_set(err, LK_ECLASH, "area", "this database already holds the area %s",
		                  have);
	enum lk_status rc = lk_store_begin(st, err);
	if (rc != LK_OK)
		return rc;
	rc = insert_area(st, area, err);
	if (rc == LK_OK && lk_meta_set(st, "area", area->id) != LK_OK)
		rc = lk_sql_err(st, err, "settings");
	if (rc != LK_OK) {
		lk_store_rollback(st);
		return rc;
	}
	return lk_store_commit(st, err);
}

static const char point_select[] =
	"SELECT p.id, p.name, m.name, p.kind, p.street, p.postcode, p.town, p.fte, p.opens,"
	" p.closes, coalesce(l.served_from, ''), coalesce(l.services, '')"
	" FROM service_point p JOIN municipality m ON m.id = p.municipality_id"
	" LEFT JOIN point_link l ON l.point_id = p.id";

static void
read_point(sqlite3_stmt *s, struct lk_point *p)
{
	lk_col_text(s, 0, p->id, sizeof p->id);
	lk_col_text(s, 1, p->name, sizeof p->name);
	lk_col_text(s, 2, p->municipality, sizeof p->municipality);
	lk_col_text(s, 3, p->kind, sizeof p->kind);
	lk_col_text(s, 4, p->street, sizeof p->street);
	lk_col_text(s, 5, p->postcode, sizeof p->postcode);
	lk_col_text(s, 6, p->town, sizeof p->town);
	p->fte = sqlite3_column_double(s, 7);
	lk_col_text(s, 8, p->opens, sizeof p->opens);
	lk_col_text(s, 9, p->closes, sizeof p->closes);
	lk_col_text(s, 10, p->served_from, sizeof p->served_from);
	lk_col_text(s, 11, p->services, sizeof p->services);
}

enum lk_status
lk_point_list(struct lk_store *st, lk_point_cb cb, void *ctx, struct lk_err *err)
{
	char sql[1024];
	snprintf(sql, sizeof sql, "%s ORDER BY p.kind <> 'main', m.name, p.name", point_select);
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	struct lk_point p;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_point(s, &p);
		if (cb(&p, ctx))
			break;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lk_sql_err(st, err, "service points");
	return LK_OK;
}

enum lk_status
lk_point_get(struct lk_store *st, const char *id, struct lk_point *p, struct lk_err *err)
{
	char sql[1024];
	snprintf(sql, sizeof sql, "%s WHERE p.id = ?", point_select);
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	enum lk_status rc = LK_OK;
	if (sqlite3_step(s) == SQLITE_ROW)
		read_point(s, p);
	else
		rc = lk_err_set(err, LK_ENOTFOUND, "point", "no service point '%s'", id);
	sqlite3_finalize(s);
	return rc;
}
