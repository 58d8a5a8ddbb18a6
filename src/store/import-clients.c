/*
 * import-clients.c — `luukku import clients FILE`: the client register
 * from the national client information system's spreadsheet (import.h).
 *
 * A row is matched by its identity code, exactly (century sign included),
 * or by Luukku's own client id when the file has the `id` column (as the
 * export writes it); a row without either adds a new client only when the
 * caller allows rows without an identity code. A matched client is updated
 * field by field — a cell left empty leaves the field as it is — and
 * counted as updated with the fields that changed, or as unchanged. Every
 * value is checked the way `client add` checks it (lk_client_check_field);
 * the municipality may be a name or its official number
 * (core/municipality-code.h), and free text (names, phone, e-mail,
 * address) may not hold anything shaped like an identity code.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/municipality-code.h"
#include "store/client.h"
#include "store/import-internal.h"
#include "store/store-internal.h"

enum { K_ID, K_HETU, K_SURNAME, K_GIVEN, K_MUN, K_LANG, K_LINE, K_START, K_END, K_WORKER,
       K_PHONE, K_EMAIL, K_ADDRESS, K_INTERP, K_PLAIN, NCOL };

/* The file's columns (docs/luukku.1, IMPORT AND EXPORT); the export
 * (register-export.c) writes the same in the same order. */
static const char *const names[NCOL + 1] = {
	"id", "hetu", "surname", "given_names", "municipality", "language", "service_line",
	"job_search_start", "job_search_end", "caseworker", "phone", "email", "address",
	"interpreter", "plain_language", NULL,
};

/* Per column: the option lk_client_check_field() knows it by (NULL: checked
 * here), its longest value, and whether it is free text. */
static const struct {
	const char *option;
	size_t max;
	bool free_text;
} col[NCOL] = {
	[K_ID] = { NULL, 64, false },
	[K_HETU] = { "hetu", 11, false },
	[K_SURNAME] = { NULL, 100, true },
	[K_GIVEN] = { NULL, 100, true },
	[K_MUN] = { NULL, 64, false },
	[K_LANG] = { "lang", 3, false },
	[K_LINE] = { "service-line", 16, false },
	[K_START] = { "job-search-start", 10, false },
	[K_END] = { "job-search-end", 10, false },
	[K_WORKER] = { NULL, 64, false },
	[K_PHONE] = { "phone", 40, true },
	[K_EMAIL] = { "email", 120, true },
	[K_ADDRESS] = { "address", 200, true },
	[K_INTERP] = { "interpreter", 3, false },
	[K_PLAIN] = { "plain-language", 16, false },
};

/* The client's stored fields, in the order of names[]. */
#define CURRENT \
	"SELECT id, coalesce(hetu, ''), surname, given_names, coalesce(municipality_id, ''), lang," \
	" service_line, coalesce(job_search_start, ''), coalesce(job_search_end, '')," \
	" coalesce(caseworker_id, ''), coalesce(phone, ''), coalesce(email, '')," \
	" coalesce(address, ''), coalesce(interpreter_lang, ''), plain_language FROM client"

struct stmts {
	sqlite3_stmt *by_id, *by_hetu, *mun, *worker, *hetu_other, *insert, *update;
};

static void
finalize_all(void *qv)
{
	struct stmts *q = qv;
	sqlite3_finalize(q->by_id);
	sqlite3_finalize(q->by_hetu);
	sqlite3_finalize(q->mun);
	sqlite3_finalize(q->worker);
	sqlite3_finalize(q->hetu_other);
	sqlite3_finalize(q->insert);
	sqlite3_finalize(q->update);
}

static enum lk_status
prepare_all(struct lk_store *st, void *qv, struct lk_err *err)
{
	struct stmts *q = qv;
	memset(q, 0, sizeof *q);
	q->by_id = lk_prepare(st, CURRENT " WHERE id = ?", err);
	q->by_hetu = lk_prepare(st, CURRENT " WHERE hetu = ?", err);
	q->mun = lk_prepare(st, "SELECT id FROM municipality WHERE id = ?1 OR name = ?1"
	                    " OR lower(name) = lower(?1)", err);
	q->worker = lk_prepare(st, "SELECT id FROM staff WHERE id = ?", err);
	q->hetu_other = lk_prepare(st, "SELECT 1 FROM client WHERE hetu = ? AND id <> ?", err);
	q->insert = lk_prepare(st,
		"INSERT INTO client(id, hetu, surname, given_names, municipality_id, lang, service_line,"
		" job_search_start, job_search_end, caseworker_id, phone, email, address,"
		" interpreter_lang, plain_language, created, youth)"
		" VALUES (?1, ?2, ?3, ?4, ?5, coalesce(?6, 'fi'), coalesce(?7, 'tyonvalitys'), ?8, ?9,"
		" ?10, ?11, ?12, ?13, ?14, coalesce(CAST(?15 AS INTEGER), 0), ?16, ?17)", err);
	/* ?(20 + k): whether column k changes; unchanged columns keep their
	 * value, so the captured change names only the changed ones. */
	q->update = lk_prepare(st,
		"UPDATE client SET"
		" hetu = CASE WHEN ?21 THEN ?2 ELSE hetu END,"
		" surname = CASE WHEN ?22 THEN ?3 ELSE surname END,"
		" given_names = CASE WHEN ?23 THEN ?4 ELSE given_names END,"
		" municipality_id = CASE WHEN ?24 THEN ?5 ELSE municipality_id END,"
		" lang = CASE WHEN ?25 THEN ?6 ELSE lang END,"
		" service_line = CASE WHEN ?26 THEN ?7 ELSE service_line END,"
		" job_search_start = CASE WHEN ?27 THEN ?8 ELSE job_search_start END,"
		" job_search_end = CASE WHEN ?28 THEN ?9 ELSE job_search_end END,"
		" caseworker_id = CASE WHEN ?29 THEN ?10 ELSE caseworker_id END,"
		" phone = CASE WHEN ?30 THEN ?11 ELSE phone END,"
		" email = CASE WHEN ?31 THEN ?12 ELSE email END,"
		" address = CASE WHEN ?32 THEN ?13 ELSE address END,"
		" interpreter_lang = CASE WHEN ?33 THEN ?14 ELSE interpreter_lang END,"
		" plain_language = CASE WHEN ?34 THEN CAST(?15 AS INTEGER) ELSE plain_language END,"
		" youth = CASE WHEN ?21 THEN ?17 ELSE youth END"
		" WHERE id = ?1", err);
	if (!q->by_id || !q->by_hetu || !q->mun || !q->worker || !q->hetu_other || !q->insert ||
	    !q->update) {
		finalize_all(q);
		return LK_EFAIL;
	}
	return LK_OK;
}

/* The one text a prepared look-up gives for v, or false. */
static bool
look_up(sqlite3_stmt *s, const char *v, char *out, size_t size)
{
	sqlite3_reset(s);
	sqlite3_bind_text(s, 1, v, -1, SQLITE_TRANSIENT);
	bool found = sqlite3_step(s) == SQLITE_ROW;
	if (found)
		lk_col_text(s, 0, out, size);
	sqlite3_reset(s);
	return found;
}

static void
lower_ascii(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* Check a row's cell of column k into its stored form; false after adding
 * the problem. */
static bool
check_cell(struct lk_store *st, struct stmts *q, struct lk_import_result *res, int line, int k,
           const char *cell, char *out)
{
	if (!lk_import_text(res, line, names[k], cell, col[k].max, col[k].free_text))
		return false;
	char v[256];
	snprintf(v, sizeof v, "%s", cell);
	if (k == K_LANG || k == K_INTERP || k == K_LINE || k == K_PLAIN || k == K_ID ||
	    k == K_WORKER)
		lower_ascii(v);
	if (k == K_PLAIN) {
		static const char *const yes[] = { "yes", "kyllä", "k", "ja", "1", "x", NULL };
		static const char *const no[] = { "no", "ei", "e", "nej", "0", NULL };
		for (int i = 0; yes[i]; i++)
			if (strcmp(v, yes[i]) == 0)
				snprintf(v, sizeof v, "yes");
		for (int i = 0; no[i]; i++)
			if (strcmp(v, no[i]) == 0)
				snprintf(v, sizeof v, "no");
	}
	switch (k) {
	case K_ID:
		if (!lk_id_valid(v)) {
			lk_import_problem(res, line, names[k], "'%s' is not a Luukku client id", cell);
			return false;
		}
		snprintf(out, 256, "%s", v);
		return true;
	case K_SURNAME:
	case K_GIVEN:
		snprintf(out, 256, "%s", v);
		return true;
	case K_MUN: {
		const char *by_code = lk_municipality_by_code(v);
		if (!look_up(q->mun, by_code ? by_code : v, out, 256)) {
			lk_import_problem(res, line, names[k],
			                  "no municipality '%s' in this area (a name or its official number)",
			                  cell);
			return false;
		}
		return true;
	}
	case K_WORKER:
		if (!look_up(q->worker, v, out, 256)) {
			lk_import_problem(res, line, names[k],
			                  "no staff member '%s' (the caseworker's user id, see: luukku staff list)",
			                  cell);
			return false;
		}
		return true;
	default: {
		struct lk_err e = { 0 };
		if (lk_client_check_field(st, col[k].option, v, out, 256, &e) != LK_OK) {
			lk_import_problem(res, line, names[k], "%s", e.msg);
			return false;
		}
		return true;
	}
	}
}

/* The stored fields of the client `key` names (by id or identity code). */
static bool
current(sqlite3_stmt *s, const char *key, char cur[NCOL][256])
{
	sqlite3_reset(s);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
	bool found = sqlite3_step(s) == SQLITE_ROW;
	for (int k = 0; found && k < NCOL; k++)
		lk_col_text(s, k, cur[k], 256);
	sqlite3_reset(s);
	return found;
}

static void
bind_row(sqlite3_stmt *s, const char *id, bool have[NCOL], char val[NCOL][256])
{
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	for (int k = 1; k < NCOL; k++)
		lk_bind_text(s, k + 1, have[k] ? val[k] : NULL);
}

/* One row, checked and (in the open transaction) written. */
static enum lk_status
import_row(struct lk_store *st, void *qv, const struct lk_import_opts *o,
           struct lk_import_result *res, struct lk_seen *seen, int line, char **cells,
           struct lk_err *err)
{
	struct stmts *q = qv;
	static char val[NCOL][256], cur[NCOL][256];
	bool have[NCOL] = { false }, ok = true;
	for (int k = 0; k < NCOL; k++)
		if (cells[k][0])
			ok = (have[k] = check_cell(st, q, res, line, k, cells[k], val[k])) && ok;
	if (!ok)
		return LK_OK;
	bool found = false;
	if (have[K_ID]) {
		if (!(found = current(q->by_id, val[K_ID], cur))) {
			lk_import_problem(res, line, names[K_ID], "no client with this id on this desk");
			return LK_OK;
		}
	} else if (have[K_HETU]) {
		found = current(q->by_hetu, val[K_HETU], cur);
	} else if (!o->allow_without_hetu) {
		lk_import_problem(res, line, names[K_HETU],
		                  "no identity code; a client without one is added only with "
		                  "--allow-without-hetu");
		return LK_OK;
	}
	if (found) {
		int first = lk_seen_add(seen, cur[K_ID], line);
		if (first) {
			lk_import_problem(res, line, have[K_ID] ? names[K_ID] : names[K_HETU],
			                  "the same client as on line %d", first);
			return LK_OK;
		}
	}
	if (have[K_HETU] && (!found || strcmp(cur[K_HETU], val[K_HETU]) != 0)) {
		sqlite3_reset(q->hetu_other);
		sqlite3_bind_text(q->hetu_other, 1, val[K_HETU], -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q->hetu_other, 2, found ? cur[K_ID] : "", -1, SQLITE_TRANSIENT);
		bool taken = sqlite3_step(q->hetu_other) == SQLITE_ROW;
		sqlite3_reset(q->hetu_other);
		if (taken) {
			lk_import_problem(res, line, names[K_HETU],
			                  "another client already has this identity code");
			return LK_OK;
		}
	}
	char id[LK_ID_LEN + 1], now[20];
	int rc;
	if (!found) {
		if (!have[K_SURNAME] || !have[K_GIVEN]) {
			lk_import_problem(res, line, names[have[K_SURNAME] ? K_GIVEN : K_SURNAME],
			                  "a new client needs both surname and given_names");
			return LK_OK;
		}
		lk_new_id(id);
		lk_seen_add(seen, id, line);
		sqlite3_reset(q->insert);
		bind_row(q->insert, id, have, val);
		sqlite3_bind_text(q->insert, 16, lk_time_iso(lk_now(), now, sizeof now), -1,
		                  SQLITE_TRANSIENT);
		sqlite3_bind_int(q->insert, 17, have[K_HETU] ? lk_client_youth(val[K_HETU]) : 0);
		rc = sqlite3_step(q->insert);
		sqlite3_reset(q->insert);
		if (rc != SQLITE_DONE)
			return lk_sql_err(st, err, "client");
		res->added++;
		return LK_OK;
	}
	int changed = 0;
	bool change[NCOL] = { false };
	for (int k = 1; k < NCOL; k++)
		if (have[k] && strcmp(val[k], cur[k]) != 0)
			changed += change[k] = true;
	if (changed == 0) {
		res->unchanged++;
		return LK_OK;
	}
	sqlite3_reset(q->update);
	bind_row(q->update, cur[K_ID], have, val);
	sqlite3_bind_int(q->update, 17, change[K_HETU] ? lk_client_youth(val[K_HETU]) : 0);
	for (int k = 1; k < NCOL; k++)
		sqlite3_bind_int(q->update, 20 + k, change[k]);
	rc = sqlite3_step(q->update);
	sqlite3_reset(q->update);
	if (rc != SQLITE_DONE)
		return lk_sql_err(st, err, "client");
	res->updated++;
	res->fields += changed;
	return LK_OK;
}

static const struct lk_import_kind kind = {
	"clients", names, sizeof(struct stmts), prepare_all, finalize_all, import_row,
};

enum lk_status
lk_import_clients(struct lk_store *st, const char *text, size_t len,
                  const struct lk_import_opts *o, struct lk_import_result *res,
                  struct lk_err *err)
{
	return lk_import_run(st, text, len, &kind, o, res, err);
}
