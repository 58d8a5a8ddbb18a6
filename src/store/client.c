/*
 * client.c — the client register: add, change, read and search.
 *
 * add and set share one table of fields (which input, which column, how it
 * is checked), so a field is validated the same way on both paths.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hetu.h"
#include "store/client.h"
#include "store/store-internal.h"
#include "store/validate.h"

const char *const lk_service_lines[] = { "tyonvalitys", "tuettu", "tym", "koto", NULL };
const char *const lk_client_yes_no[] = { "no", "yes", NULL };

enum check { C_NAME, C_HETU, C_MUNICIPALITY, C_DATE, C_PHONE, C_EMAIL, C_TEXT, C_LANG,
	     C_LINE, C_STAFF, C_YESNO };

/* Columns in the order of the INSERT and UPDATE below; name fills two. */
static const struct field {
	const char *name;   /* the option that sets it, for messages */
	size_t offset;      /* into struct lk_client_input */
	enum check check;
	size_t max;
} fields[] = {
	{ "name", offsetof(struct lk_client_input, name), C_NAME, 201 },
	{ "hetu", offsetof(struct lk_client_input, hetu), C_HETU, 11 },
	{ "municipality", offsetof(struct lk_client_input, municipality), C_MUNICIPALITY, 64 },
	{ "job-search-start", offsetof(struct lk_client_input, job_search_start), C_DATE, 10 },
	{ "job-search-end", offsetof(struct lk_client_input, job_search_end), C_DATE, 10 },
	{ "phone", offsetof(struct lk_client_input, phone), C_PHONE, 40 },
	{ "email", offsetof(struct lk_client_input, email), C_EMAIL, 120 },
	{ "address", offsetof(struct lk_client_input, address), C_TEXT, 200 },
	{ "lang", offsetof(struct lk_client_input, lang), C_LANG, 3 },
	{ "interpreter", offsetof(struct lk_client_input, interpreter), C_LANG, 3 },
	{ "service-line", offsetof(struct lk_client_input, service_line), C_LINE, 16 },
	{ "caseworker", offsetof(struct lk_client_input, caseworker), C_STAFF, 64 },
	{ "koto-start", offsetof(struct lk_client_input, koto_start), C_DATE, 10 },
	{ "residence-permit", offsetof(struct lk_client_input, residence_permit), C_DATE, 10 },
	{ "plain-language", offsetof(struct lk_client_input, plain_language), C_YESNO, 16 },
};
#define NFIELDS (sizeof fields / sizeof fields[0])
/* Fields bound in order by bind_values(); plain-language, the last, is
 * bound on its own (its slot there would be the id's). */
#define NBOUND (NFIELDS - 1)

/* Checked and normalised values: val[0] surname, val[NFIELDS] given names. */
struct values {
	bool given[NFIELDS];
	char val[NFIELDS + 1][256];
};

static enum lk_status
lookup_one(struct lk_store *st, const char *sql, const char *arg, char *out, size_t size,
           struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, arg, -1, SQLITE_TRANSIENT);
	enum lk_status rc = LK_ENOTFOUND;
	if (sqlite3_step(s) == SQLITE_ROW) {
		lk_col_text(s, 0, out, size);
		rc = LK_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

static enum lk_status
check_field(struct lk_store *st, const struct field *f, const char *v, char *out, char *given,
            struct lk_err *err)
{
	enum lk_status rc;
	if ((rc = lk_check_text(f->name, v, f->max, err)) != LK_OK)
		return rc;
	lk_date d;
	switch (f->check) {
	case C_NAME:
		return lk_split_name(f->name, v, out, 256, given, 256, err);
	case C_HETU: {
		char up[16];
		size_t i;
		for (i = 0; v[i] && i < sizeof up - 1; i++)
			up[i] = (char)toupper((unsigned char)v[i]);
		up[i] = '\0';
		struct lk_hetu h;
		enum lk_hetu_error e = lk_hetu_parse(up, &h);
		if (e != LK_HETU_OK)
			return lk_err_set(err, LK_EINPUT, f->name, "'%s' is not a valid identity code: %s",
			                  v, lk_hetu_strerror(e));
		/* A client is born already (the desk's clock, lk_today()). */
		if (h.birth > lk_today())
			return lk_err_set(err, LK_EINPUT, f->name,
			                  "'%s' has a birth date in the future", up);
		snprintf(out, 256, "%s", up);
		return LK_OK;
	}
	case C_MUNICIPALITY:
		rc = lookup_one(st, "SELECT id FROM municipality WHERE id = ?1 OR name = ?1 COLLATE NOCASE"
		                " OR lower(name) = lower(?1)", v, out, 256, err);
		if (rc == LK_ENOTFOUND)
			return lk_err_set(err, LK_EINPUT, f->name, "no municipality '%s' in this area", v);
		return rc;
	case C_DATE:
		if ((rc = lk_check_date(f->name, v, &d, err)) != LK_OK)
			return rc;
		lk_date_iso(d, out, 256);
		return LK_OK;
	case C_PHONE:
		for (const char *p = v; *p; p++)
			if (!strchr("0123456789+ -()", *p))
				return lk_err_set(err, LK_EINPUT, f->name,
				                  "'%s' is not a phone number (digits, +, spaces)", v);
		break;
	case C_EMAIL:
		if (strchr(v, '@') == NULL || strchr(v, ' '))
			return lk_err_set(err, LK_EINPUT, f->name, "'%s' is not an e-mail address", v);
		break;
	case C_TEXT:
		break;
	case C_LANG:
		if ((rc = lk_check_lang(f->name, v, err)) != LK_OK)
			return rc;
		break;
	case C_LINE:
		if ((rc = lk_check_enum(f->name, v, lk_service_lines, err)) != LK_OK)
			return rc;
		break;
	case C_YESNO:   /* stored as 0/1 */
		if ((rc = lk_check_enum(f->name, v, lk_client_yes_no, err)) != LK_OK)
			return rc;
		snprintf(out, 256, "%d", strcmp(v, "yes") == 0);
		return LK_OK;
	case C_STAFF:
		rc = lookup_one(st, "SELECT id FROM staff WHERE id = ?", v, out, 256, err);
		if (rc == LK_ENOTFOUND)
			return lk_err_set(err, LK_ENOTFOUND, f->name, "no staff member '%s'", v);
		return rc;
	}
	snprintf(out, 256, "%s", v);
	return LK_OK;
}

static enum lk_status
check_input(struct lk_store *st, const struct lk_client_input *in, bool adding,
            struct values *vals, struct lk_err *err)
{
	memset(vals, 0, sizeof *vals);
	for (size_t i = 0; i < NFIELDS; i++) {
		const char *v = *(const char *const *)((const char *)in + fields[i].offset);
		if (v == NULL)
			continue;
		vals->given[i] = true;
		if (*v == '\0') {
			if (fields[i].check == C_NAME)
				return lk_err_set(err, LK_EINPUT, "name", "the name cannot be empty");
			if (adding)
				vals->given[i] = false;
			continue;   /* clears the field */
		}
		enum lk_status rc = check_field(st, &fields[i], v, vals->val[i], vals->val[NFIELDS], err);
		if (rc != LK_OK)
			return rc;
	}
	if (adding && !vals->given[0])
		return lk_err_set(err, LK_EINPUT, "name", "a name is needed (\"Surname, Given names\")");
	return LK_OK;
}

/* Another client already holding this identity code? */
static enum lk_status
check_hetu_free(struct lk_store *st, const char *hetu, const char *self, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, "SELECT id FROM client WHERE hetu = ? AND id <> ?", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, hetu, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, self, -1, SQLITE_TRANSIENT);
	enum lk_status rc = LK_OK;
	if (sqlite3_step(s) == SQLITE_ROW)
		rc = lk_err_set(err, LK_ECLASH, "hetu", "client %s already has this identity code",
		                (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return rc;
}

static int
is_youth(const char *hetu)
{
	struct lk_hetu h;
	if (hetu[0] == '\0' || lk_hetu_parse(hetu, &h) != LK_HETU_OK)
		return 0;
	int age = lk_date_to_ymd(lk_today()).y - lk_date_to_ymd(h.birth).y;
	return age >= 15 && age <= 29;   /* Ohjaamo serves ages 15–29 (docs/rules.md#youth) */
}

static void
bind_values(sqlite3_stmt *s, const struct values *v, int first)
{
	/* first: surname, given names, then fields[1..] */
	lk_bind_text(s, first, v->given[0] ? v->val[0] : NULL);
	lk_bind_text(s, first + 1, v->given[0] ? v->val[NFIELDS] : NULL);
	for (size_t i = 1; i < NBOUND; i++)
		lk_bind_text(s, first + 1 + (int)i, v->given[i] ? v->val[i] : NULL);
}

enum lk_status
lk_client_check_field(struct lk_store *st, const char *option, const char *v, char *out,
                      size_t size, struct lk_err *err)
{
	for (size_t i = 0; i < NFIELDS; i++) {
		if (strcmp(fields[i].name, option) != 0 || fields[i].check == C_NAME)
			continue;
		char val[256], given[256];
		enum lk_status rc = check_field(st, &fields[i], v, val, given, err);
		if (rc == LK_OK)
			snprintf(out, size, "%s", val);
		return rc;
	}
	return lk_err_set(err, LK_EFAIL, option, "no client field '%s'", option);
}

int
lk_client_youth(const char *hetu)
{
	return is_youth(hetu);
}

enum lk_status
lk_client_add(struct lk_store *st, const struct lk_client_input *in, char *id_out,
              struct lk_err *err)
{
	struct values v;
	enum lk_status rc = check_input(st, in, true, &v, err);
	if (rc != LK_OK)
		return rc;
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	char id[LK_ID_LEN + 1], now[20];
	lk_new_id(id);
	if (v.given[1] && (rc = check_hetu_free(st, v.val[1], id, err)) != LK_OK)
		goto fail;
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO client(surname, given_names, hetu, municipality_id, job_search_start,"
		" job_search_end, phone, email, address, lang, interpreter_lang, service_line,"
		" caseworker_id, koto_start, residence_permit, id, created, youth, immigrant,"
		" plain_language)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, coalesce(?10, 'fi'), ?11,"
		" coalesce(?12, 'tyonvalitys'), ?13, ?14, ?15, ?16, ?17, ?18,"
		" ?14 IS NOT NULL OR ?15 IS NOT NULL, coalesce(CAST(?19 AS INTEGER), 0))", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	bind_values(s, &v, 1);
	sqlite3_bind_text(s, 16, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 17, lk_time_iso(lk_now(), now, sizeof now), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 18, v.given[1] ? is_youth(v.val[1]) : 0);
	lk_bind_text(s, 19, v.given[NFIELDS - 1] ? v.val[NFIELDS - 1] : NULL);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "client");
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
lk_client_set(struct lk_store *st, const char *id, const struct lk_client_input *in,
              struct lk_err *err)
{
	struct values v;
	enum lk_status rc = check_input(st, in, false, &v, err);
	if (rc != LK_OK)
		return rc;
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	char found[65];
	rc = lookup_one(st, "SELECT id FROM client WHERE id = ?", id, found, sizeof found, err);
	if (rc == LK_ENOTFOUND)
		rc = lk_err_set(err, LK_ENOTFOUND, "id", "no client '%.64s'", id);
	if (rc != LK_OK)
		goto fail;
	if (v.given[1] && v.val[1][0] && (rc = check_hetu_free(st, v.val[1], id, err)) != LK_OK)
		goto fail;
	/* ?30 + i says whether field i was given; only given fields change, so
	 * the captured change names just those columns. */
	sqlite3_stmt *s = lk_prepare(st,
		"UPDATE client SET"
		" surname = CASE WHEN ?30 THEN ?1 ELSE surname END,"
		" given_names = CASE WHEN ?30 THEN ?2 ELSE given_names END,"
		" hetu = CASE WHEN ?31 THEN ?3 ELSE hetu END,"
		" municipality_id = CASE WHEN ?32 THEN ?4 ELSE municipality_id END,"
		" job_search_start = CASE WHEN ?33 THEN ?5 ELSE job_search_start END,"
		" job_search_end = CASE WHEN ?34 THEN ?6 ELSE job_search_end END,"
		" phone = CASE WHEN ?35 THEN ?7 ELSE phone END,"
		" email = CASE WHEN ?36 THEN ?8 ELSE email END,"
		" address = CASE WHEN ?37 THEN ?9 ELSE address END,"
		" lang = CASE WHEN ?38 THEN coalesce(?10, 'fi') ELSE lang END,"
		" interpreter_lang = CASE WHEN ?39 THEN ?11 ELSE interpreter_lang END,"
		" service_line = CASE WHEN ?40 THEN coalesce(?12, 'tyonvalitys') ELSE service_line END,"
		" caseworker_id = CASE WHEN ?41 THEN ?13 ELSE caseworker_id END,"
		" koto_start = CASE WHEN ?42 THEN ?14 ELSE koto_start END,"
		" residence_permit = CASE WHEN ?43 THEN ?15 ELSE residence_permit END,"
		" plain_language = CASE WHEN ?44 THEN coalesce(CAST(?18 AS INTEGER), 0)"
		"   ELSE plain_language END,"
		" youth = CASE WHEN ?31 THEN ?17 ELSE youth END,"
		" immigrant = CASE WHEN ?42 OR ?43 THEN"
		"   coalesce(?14, koto_start) IS NOT NULL OR coalesce(?15, residence_permit) IS NOT NULL"
		"   ELSE immigrant END"
		" WHERE id = ?16", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	bind_values(s, &v, 1);
	sqlite3_bind_text(s, 16, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 17, v.given[1] ? is_youth(v.val[1]) : 0);
	lk_bind_text(s, 18, v.given[NFIELDS - 1] ? v.val[NFIELDS - 1] : NULL);
	for (size_t i = 0; i < NFIELDS; i++)
		sqlite3_bind_int(s, 30 + (int)i, v.given[i]);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "client");
	sqlite3_finalize(s);
	if (rc != LK_OK)
		goto fail;
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}

enum lk_status
lk_client_get(struct lk_store *st, const char *id, struct lk_client *c, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT c.id, c.surname, c.given_names, coalesce(c.hetu, ''), coalesce(m.name, ''),"
		" c.lang, c.interpreter_lang, c.phone, c.email, c.address, c.service_line,"
		" c.caseworker_id, coalesce(w.surname || ' ' || w.given_names, ''),"
		" c.job_search_start, c.job_search_end, c.koto_start, c.residence_permit,"
		" c.youth, c.immigrant, c.plain_language"
		" FROM client c LEFT JOIN municipality m ON m.id = c.municipality_id"
		" LEFT JOIN staff w ON w.id = c.caseworker_id WHERE c.id = ?", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	enum lk_status rc = LK_OK;
	if (sqlite3_step(s) == SQLITE_ROW) {
		lk_col_text(s, 0, c->id, sizeof c->id);
		lk_col_text(s, 1, c->surname, sizeof c->surname);
		lk_col_text(s, 2, c->given_names, sizeof c->given_names);
		lk_col_text(s, 3, c->hetu, sizeof c->hetu);
		lk_col_text(s, 4, c->municipality, sizeof c->municipality);
		lk_col_text(s, 5, c->lang, sizeof c->lang);
		lk_col_text(s, 6, c->interpreter_lang, sizeof c->interpreter_lang);
		lk_col_text(s, 7, c->phone, sizeof c->phone);
		lk_col_text(s, 8, c->email, sizeof c->email);
		lk_col_text(s, 9, c->address, sizeof c->address);
		lk_col_text(s, 10, c->service_line, sizeof c->service_line);
		lk_col_text(s, 11, c->caseworker_id, sizeof c->caseworker_id);
		lk_col_text(s, 12, c->caseworker_name, sizeof c->caseworker_name);
		c->job_search_start = lk_col_date(s, 13);
		c->job_search_end = lk_col_date(s, 14);
		c->koto_start = lk_col_date(s, 15);
		c->residence_permit = lk_col_date(s, 16);
		c->youth = sqlite3_column_int(s, 17);
		c->immigrant = sqlite3_column_int(s, 18);
		c->plain_language = sqlite3_column_int(s, 19);
	} else {
		rc = lk_err_set(err, LK_ENOTFOUND, "id", "no client '%.64s'", id);
	}
	sqlite3_finalize(s);
	return rc;
}

long
lk_client_count(struct lk_store *st)
{
	sqlite3_stmt *s = lk_prepare(st, "SELECT count(*) FROM client", NULL);
	long n = 0;
	if (s && sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* "virt  mat" -> "\"virt\"* \"mat\"*": every word a prefix, all must match.
 * Words of punctuation only are dropped. False when no word is left. */
static bool
fts_query(const char *q, char *out, size_t size)
{
	size_t n = 0;
	out[0] = '\0';
	while (*q) {
		while (*q && strchr(" ,\t", *q))
			q++;
		const char *w = q;
		bool letters = false;
		while (*q && !strchr(" ,\t", *q)) {
			unsigned char c = (unsigned char)*q++;
			letters = letters || isalnum(c) || c >= 0x80;
		}
		if (!letters)
			continue;
		if (n + 2 * (size_t)(q - w) + 5 >= size)
			return false;
		out[n++] = '"';
		for (const char *p = w; p < q; p++) {
			if (*p == '"')
				out[n++] = '"';
			out[n++] = *p;
		}
		memcpy(out + n, "\"* ", 4);
		n += 3;
	}
	return n > 0;
}

static bool
hetu_prefix(const char *q, char *lo, char *hi)
{
	size_t n = strlen(q);
	if (n < 6 || n > LK_HETU_LEN)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = q[i];
		bool ok = i < 6 || i == 6 ? isdigit((unsigned char)c) || (i == 6 && strchr("+-YXWVUABCDEF", c))
		                          : isalnum((unsigned char)c);
		if (!ok)
			return false;
	}
	memcpy(lo, q, n + 1);
	memcpy(hi, q, n + 1);
	hi[n - 1]++;
	return true;
}

static const char row_select[] =
	"SELECT c.id, c.surname, c.given_names, coalesce(c.hetu, ''), coalesce(m.name, '')"
	" FROM client c LEFT JOIN municipality m ON m.id = c.municipality_id";

#define MAX_TERMS 5

/* Lower-case ASCII and the Finnish capitals Å Ä Ö (UTF-8 C3 85/84/96). */
static void
lower_fi(char *s)
{
	for (unsigned char *p = (unsigned char *)s; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (unsigned char)(*p + 32);
		else if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97)
			*++p += 0x20;
	}
}

/* Split a query into at most MAX_TERMS lower-case words. */
static int
split_terms(const char *q, char terms[][64])
{
	int n = 0;
	while (*q && n < MAX_TERMS) {
		while (*q && strchr(" ,\t", *q))
			q++;
		size_t k = 0;
		while (*q && !strchr(" ,\t", *q)) {
			if (k < 63)
				terms[n][k++] = *q;
			q++;
		}
		terms[n][k] = '\0';
		if (k) {
			lower_fi(terms[n]);
			n++;
		}
	}
	return n;
}

/* "% term%" for LIKE, with % _ and \ escaped. */
static void
like_word(const char *term, char *out, size_t size)
{
	size_t n = 0;
	out[n++] = '%';
	out[n++] = ' ';
	for (const char *p = term; *p && n + 3 < size; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			out[n++] = '\\';
		out[n++] = *p;
	}
	out[n++] = '%';
	out[n] = '\0';
}

struct emit {
	lk_client_cb cb;
	void *ctx;
	int count;
	bool stop;
};

static enum lk_status
emit_rows(struct lk_store *st, sqlite3_stmt *s, struct emit *e, struct lk_err *err)
{
	struct lk_client_row r;
	int rc;
	while (!e->stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		lk_col_text(s, 0, r.id, sizeof r.id);
		lk_col_text(s, 1, r.surname, sizeof r.surname);
		lk_col_text(s, 2, r.given_names, sizeof r.given_names);
		lk_col_text(s, 3, r.hetu, sizeof r.hetu);
		lk_col_text(s, 4, r.municipality, sizeof r.municipality);
		e->count++;
		if (e->cb(&r, e->ctx))
			e->stop = true;
	}
	sqlite3_finalize(s);
	if (!e->stop && rc != SQLITE_DONE)
		return lk_sql_err(st, err, "search");
	return LK_OK;
}

/* The surname starts with the first word (?1 … ?2) and each further word
 * (?3 of them) starts one of the given names (LIKE patterns ?4 … ?7). Only
 * columns of the client_surname index are read, so rows that fail are
 * skipped without touching the table. */
#define SURNAME_FIRST \
	"lower(c.surname) >= ?1 AND lower(c.surname) < ?2" \
	" AND (?3 = 0 OR (' ' || lower(c.given_names)) LIKE ?4 ESCAPE '\\')" \
	" AND (?3 < 2 OR (' ' || lower(c.given_names)) LIKE ?5 ESCAPE '\\')" \
	" AND (?3 < 3 OR (' ' || lower(c.given_names)) LIKE ?6 ESCAPE '\\')" \
	" AND (?3 < 4 OR (' ' || lower(c.given_names)) LIKE ?7 ESCAPE '\\')"

static void
bind_surname_first(sqlite3_stmt *s, const char *first, const char *hi, int more,
                   char like[][140])
{
	sqlite3_bind_text(s, 1, first, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, hi, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 3, more);
	for (int i = 1; i < MAX_TERMS; i++)
		sqlite3_bind_text(s, 3 + i, like[i], -1, SQLITE_TRANSIENT);
}

struct found {
	struct lk_client_row row;
	bool surname_first;   /* the surname starts with the first word */
};

static int
cmp_found(const void *a, const void *b)
{
	const struct found *x = a, *y = b;
	if (x->surname_first != y->surname_first)
		return x->surname_first ? -1 : 1;
	int c = strcmp(x->row.surname, y->row.surname);
	return c ? c : strcmp(x->row.given_names, y->row.given_names);
}

/* Does some word of the name start with `term` (lower case)? */
static bool
name_has_word(const struct lk_client_row *r, const char *term)
{
	char name[256], needle[70];
	snprintf(name, sizeof name, " %s %s", r->surname, r->given_names);
	lower_fi(name);
	for (char *p = name; *p; p++)
		if (*p == '-')
			*p = ' ';
	snprintf(needle, sizeof needle, " %.63s", term);
	return strstr(name, needle) != NULL;
}

#define FEW 500

/* Two or more words: when the words of two letters or more match at most
 * FEW clients in the full-text index, fetch them all once, keep those whose
 * names also hold the one-letter words, and sort them here: exact, and one
 * index look-up however common the surname. *done is false when the words
 * match more (the caller then walks the surname index instead). */
static enum lk_status
search_few(struct lk_store *st, char terms[][64], int n, const char *hi, int limit,
           struct emit *e, bool *done, struct lk_err *err)
{
	char fts[512] = "", sql[768];
	*done = false;
	for (int i = 0; i < n; i++) {
		if (strlen(terms[i]) < 2)
			continue;
		char quoted[140];
		size_t k = 0;
		quoted[k++] = '"';
		for (const char *p = terms[i]; *p && k < sizeof quoted - 4; p++) {
			if (*p == '"')
				quoted[k++] = '"';
			quoted[k++] = *p;
		}
		memcpy(quoted + k, "\"* ", 4);
		strncat(fts, quoted, sizeof fts - strlen(fts) - 1);
	}
	if (fts[0] == '\0')
		return LK_OK;
	snprintf(sql, sizeof sql,
	         "SELECT c.id, c.surname, c.given_names, coalesce(c.hetu, ''), coalesce(m.name, ''),"
	         " lower(c.surname) >= ?2 AND lower(c.surname) < ?3"
	         " FROM client c LEFT JOIN municipality m ON m.id = c.municipality_id"
	         " WHERE c.rowid IN (SELECT rowid FROM client_fts WHERE client_fts MATCH ?1 LIMIT %d)",
	         FEW + 1);
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, fts, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, terms[0], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, hi, -1, SQLITE_TRANSIENT);
	struct found *f = malloc((FEW + 1) * sizeof *f);
	if (f == NULL) {
		sqlite3_finalize(s);
		return lk_err_set(err, LK_EFAIL, "db", "out of memory");
	}
	int nf = 0, rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && nf <= FEW) {
		struct found *x = &f[nf];
		lk_col_text(s, 0, x->row.id, sizeof x->row.id);
		lk_col_text(s, 1, x->row.surname, sizeof x->row.surname);
		lk_col_text(s, 2, x->row.given_names, sizeof x->row.given_names);
		lk_col_text(s, 3, x->row.hetu, sizeof x->row.hetu);
		lk_col_text(s, 4, x->row.municipality, sizeof x->row.municipality);
		x->surname_first = sqlite3_column_int(s, 5);
		bool keep = true;
		for (int i = 0; i < n && keep; i++)
			keep = strlen(terms[i]) >= 2 || name_has_word(&x->row, terms[i]);
		nf += keep;
	}
	sqlite3_finalize(s);
	enum lk_status st_rc = LK_OK;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		st_rc = lk_sql_err(st, err, "search");
	} else if (rc == SQLITE_DONE) {   /* all candidates seen: exact */
		qsort(f, (size_t)nf, sizeof *f, cmp_found);
		for (int i = 0; i < nf && i < limit && !e->stop; i++) {
			e->count++;
			if (e->cb(&f[i].row, e->ctx))
				e->stop = true;
		}
		*done = true;
	}
	free(f);
	return st_rc;
}

/* Rows kept back until the walk is known to finish within its budget. */
struct row_buffer {
	struct lk_client_row *rows;
	int n, cap;
};

static int
buffer_row(const struct lk_client_row *r, void *ctx)
{
	struct row_buffer *b = ctx;
	if (b->n < b->cap)
		b->rows[b->n++] = *r;
	return b->n >= b->cap;
}

/* About a millisecond of SQLite work (called every 1000 VM steps). */
#define WALK_BUDGET 20

static int
over_budget(void *ctx)
{
	return ++*(long *)ctx > WALK_BUDGET;
}

/* Names: first the clients whose surname starts with the first word, in
 * name order straight from the client_surname index, the other words
 * matching the start of any part of the name; then, to fill the list, the
 * other word orders ("matti virt") from the full-text index, of which at
 * most 500 are sorted. Either way no keystroke sorts the whole register. */
static enum lk_status
search_names(struct lk_store *st, const char *query, int limit, struct emit *e,
             struct lk_err *err)
{
	char terms[MAX_TERMS][64], like[MAX_TERMS][140], hi[64], fts[512], sql[1024];
	int n = split_terms(query, terms);
	if (n == 0 || !fts_query(query, fts, sizeof fts))
		return LK_OK;
	snprintf(hi, sizeof hi, "%s", terms[0]);
	hi[strlen(hi) - 1]++;
	for (int i = 0; i < MAX_TERMS; i++)
		like_word(i < n ? terms[i] : "", like[i], sizeof like[i]);
	snprintf(sql, sizeof sql,
	         "%s WHERE " SURNAME_FIRST " ORDER BY lower(c.surname), c.given_names LIMIT ?8",
	         row_select);
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	bind_surname_first(s, terms[0], hi, n - 1, like);
	sqlite3_bind_int(s, 8, limit);
	enum lk_status rc;
	if (n >= 2) {
		/* Walking the surname index is quick when the other words match
		 * often; when they match rarely it would read every "Virtanen".
		 * So walk it on a budget, and past the budget ask the full-text
		 * index for the few instead. */
		long steps = 0;
		sqlite3_progress_handler(st->db, 1000, over_budget, &steps);
		struct row_buffer rows = { .cap = limit };
		struct row_buffer *buf = &rows;
		struct emit buffered = { .cb = buffer_row, .ctx = buf };
		buf->rows = calloc((size_t)limit, sizeof *buf->rows);
		rc = buf->rows ? emit_rows(st, s, &buffered, err)
		               : lk_err_set(err, LK_EFAIL, "db", "out of memory");
		sqlite3_progress_handler(st->db, 0, NULL, NULL);
		bool interrupted = rc != LK_OK && sqlite3_errcode(st->db) == SQLITE_INTERRUPT;
		if (interrupted) {
			free(buf->rows);
			bool done;
			rc = search_few(st, terms, n, hi, limit, e, &done, err);
			if (rc != LK_OK || done)
				return rc;
			/* Too many for the few: walk the index without a budget. */
			if ((s = lk_prepare(st, sql, err)) == NULL)
				return LK_EFAIL;
			bind_surname_first(s, terms[0], hi, n - 1, like);
			sqlite3_bind_int(s, 8, limit);
			rc = emit_rows(st, s, e, err);
		} else {
			for (int i = 0; i < buf->n && !e->stop; i++) {
				e->count++;
				if (e->cb(&buf->rows[i], e->ctx))
					e->stop = true;
			}
			free(buf->rows);
		}
	} else {
		rc = emit_rows(st, s, e, err);
	}
	if (rc != LK_OK || e->stop || e->count >= limit)
		return rc;

	/* Skip exactly the rows the first query took (its condition again);
	 * accent-folded matches such as "ma" for Mårten come from here. */
	snprintf(sql, sizeof sql,
	         "%s WHERE c.rowid IN (SELECT rowid FROM client_fts WHERE client_fts MATCH ?9 LIMIT 500)"
	         " AND NOT (" SURNAME_FIRST ") ORDER BY c.surname, c.given_names LIMIT ?8",
	         row_select);
	if ((s = lk_prepare(st, sql, err)) == NULL)
		return LK_EFAIL;
	bind_surname_first(s, terms[0], hi, n - 1, like);
	sqlite3_bind_int(s, 8, limit - e->count);
	sqlite3_bind_text(s, 9, fts, -1, SQLITE_TRANSIENT);
	return emit_rows(st, s, e, err);
}

enum lk_status
lk_client_search(struct lk_store *st, const char *query, int limit, lk_client_cb cb, void *ctx,
                 struct lk_err *err)
{
	char q[128], up[128], lo[16], hi[16], sql[512];
	snprintf(q, sizeof q, "%s", query);
	size_t i;
	for (i = 0; q[i]; i++)
		up[i] = (char)toupper((unsigned char)q[i]);
	up[i] = '\0';
	struct emit e = { .cb = cb, .ctx = ctx };

	struct lk_hetu h;
	sqlite3_stmt *s;
	if (lk_hetu_parse(up, &h) == LK_HETU_OK) {
		snprintf(sql, sizeof sql, "%s WHERE c.hetu = ?1 LIMIT ?2", row_select);
		if ((s = lk_prepare(st, sql, err)) == NULL)
			return LK_EFAIL;
		sqlite3_bind_text(s, 1, up, -1, SQLITE_TRANSIENT);
	} else if (hetu_prefix(up, lo, hi)) {
		snprintf(sql, sizeof sql, "%s WHERE c.hetu >= ?1 AND c.hetu < ?3"
		         " ORDER BY c.hetu LIMIT ?2", row_select);
		if ((s = lk_prepare(st, sql, err)) == NULL)
			return LK_EFAIL;
		sqlite3_bind_text(s, 1, lo, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 3, hi, -1, SQLITE_TRANSIENT);
	} else {
		return search_names(st, q, limit, &e, err);
	}
	sqlite3_bind_int(s, 2, limit);
	return emit_rows(st, s, &e, err);
}
