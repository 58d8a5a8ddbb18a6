/*
 * privacy.c — the audit trail of a client, the right-of-access export and
 * the retention purge of walk-in visits.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "store/audit.h"
#include "store/privacy.h"
#include "store/store-internal.h"

enum lk_status
lk_audit_list_client(struct lk_store *st, const char *client_id, lk_audit_cb cb, void *ctx,
                     struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT a.at, coalesce(a.staff_id, ''),"
		" coalesce(s.surname || ' ' || s.given_names, ''), a.action, coalesce(a.detail, '')"
		" FROM audit a LEFT JOIN staff s ON s.id = a.staff_id"
		" WHERE a.client_id = ? ORDER BY a.at, a.rowid", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, client_id, -1, SQLITE_TRANSIENT);
	struct lk_audit_row r;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		lk_col_text(s, 0, r.at, sizeof r.at);
		lk_col_text(s, 1, r.staff_id, sizeof r.staff_id);
		lk_col_text(s, 2, r.staff_name, sizeof r.staff_name);
		lk_col_text(s, 3, r.action, sizeof r.action);
		lk_col_text(s, 4, r.detail, sizeof r.detail);
		if (cb(&r, ctx))
			break;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lk_sql_err(st, err, "audit");
	return LK_OK;
}

/* What the export holds: every table with rows about one client, each
 * selected by the client's id (TYM members and reviews through the case). */
static const struct {
	const char *name;
	const char *sql;
} export_parts[] = {
	{ "client", "SELECT * FROM client WHERE id = ?1" },
	{ "appointments", "SELECT * FROM appointment WHERE client_id = ?1 ORDER BY start" },
	{ "plans", "SELECT * FROM plan WHERE client_id = ?1 ORDER BY made" },
	{ "measures", "SELECT * FROM measure WHERE client_id = ?1 ORDER BY start" },
	{ "tym_cases", "SELECT * FROM tym_case WHERE client_id = ?1 ORDER BY opened" },
	{ "tym_members", "SELECT m.*, s.surname || ' ' || s.given_names AS staff_name,"
	                 " s.organisation FROM tym_member m JOIN tym_case t ON t.id = m.case_id"
	                 " JOIN staff s ON s.id = m.staff_id WHERE t.client_id = ?1" },
	{ "tym_reviews", "SELECT r.* FROM tym_review r JOIN tym_case t ON t.id = r.case_id"
	                 " WHERE t.client_id = ?1 ORDER BY r.day" },
	{ "consents", "SELECT * FROM consent WHERE client_id = ?1 ORDER BY given_at" },
	{ "visits", "SELECT * FROM visit WHERE client_id = ?1 ORDER BY arrived" },
	{ "audit", "SELECT a.at, a.action, a.detail, s.surname || ' ' || s.given_names AS staff"
	           " FROM audit a LEFT JOIN staff s ON s.id = a.staff_id"
	           " WHERE a.client_id = ?1 ORDER BY a.at" },
};

static void
json_string(FILE *out, const unsigned char *s)
{
	/* The output rule: control and bidi characters as \uXXXX escapes,
	 * an invalid byte as \ufffd; the JSON is valid UTF-8 whatever the
	 * database holds. */
	fputc('"', out);
	size_t n = strlen((const char *)s);
	while (n > 0) {
		uint32_t cp;
		int len = lk_utf8_next(s, n, &cp);
		if (len == 0) {
			fputs("\\ufffd", out);
			s++, n--;
			continue;
		}
		if (cp == '"' || cp == '\\')
			fprintf(out, "\\%c", (char)cp);
		else if (lk_cp_control(cp) || lk_cp_bidi(cp))
			fprintf(out, "\\u%04x", (unsigned)cp);
		else
			fwrite(s, 1, (size_t)len, out);
		s += len, n -= (size_t)len;
	}
	fputc('"', out);
}

static enum lk_status
export_part(struct lk_store *st, const char *name, const char *sql, const char *client_id,
            bool single, FILE *out, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, client_id, -1, SQLITE_TRANSIENT);
	fprintf(out, "  \"%s\": %s", name, single ? "" : "[");
	int rc, rows = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fprintf(out, "%s{", single ? "" : rows ? ",\n    " : "\n    ");
		for (int i = 0; i < sqlite3_column_count(s); i++) {
			fprintf(out, "%s", i ? ", " : "");
			json_string(out, (const unsigned char *)sqlite3_column_name(s, i));
			fputs(": ", out);
			switch (sqlite3_column_type(s, i)) {
			case SQLITE_NULL: fputs("null", out); break;
			case SQLITE_INTEGER: fprintf(out, "%lld", sqlite3_column_int64(s, i)); break;
			case SQLITE_FLOAT: fprintf(out, "%g", sqlite3_column_double(s, i)); break;
			default: json_string(out, sqlite3_column_text(s, i)); break;
			}
		}
		fputc('}', out);
		rows++;
	}
	sqlite3_finalize(s);
	if (single && rows == 0)
		fputs("null", out);
	if (!single)
		fputs(rows ? "\n  ]" : "]", out);
	if (rc != SQLITE_DONE)
		return lk_sql_err(st, err, name);
	return LK_OK;
}

enum lk_status
lk_export_client(struct lk_store *st, const char *client_id, const char *staff_id, FILE *out,
                 struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, "SELECT 1 FROM client WHERE id = ?", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, client_id, -1, SQLITE_TRANSIENT);
	bool found = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	if (!found)
		return lk_err_set(err, LK_ENOTFOUND, "client", "no client '%.64s'", client_id);
	/* The export is audited first: an export that cannot be recorded is
	 * not made. */
	enum lk_status rc = lk_audit(st, staff_id, "export", client_id, "right of access", err);
	if (rc != LK_OK)
		return rc;
	char now[20];
	fprintf(out, "{\n  \"exported\": \"%s\",\n", lk_time_iso(lk_now(), now, sizeof now));
	for (size_t i = 0; i < sizeof export_parts / sizeof export_parts[0] && rc == LK_OK; i++) {
		rc = export_part(st, export_parts[i].name, export_parts[i].sql, client_id, i == 0,
		                 out, err);
		fputs(i + 1 < sizeof export_parts / sizeof export_parts[0] ? ",\n" : "\n", out);
	}
	fputs("}\n", out);
	return rc;
}

enum lk_status
lk_purge_visits(struct lk_store *st, lk_date before, bool dry_run, struct lk_purge_stats *stats,
                struct lk_err *err)
{
	memset(stats, 0, sizeof *stats);
	enum lk_status rc = lk_store_begin(st, err);
	if (rc != LK_OK)
		return rc;
	char cut[16];
	lk_date_iso(before, cut, sizeof cut);
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT count(*), count(DISTINCT point_id || substr(arrived, 1, 10) || topic)"
		" FROM visit WHERE arrived < ?", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, cut, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		stats->visits = sqlite3_column_int64(s, 0);
		stats->days = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	if (dry_run || stats->visits == 0) {
		lk_store_rollback(st);
		return LK_OK;
	}
	static const char *const steps[] = {
		"INSERT INTO visit_count(point_id, day, topic, visits)"
		" SELECT point_id, substr(arrived, 1, 10), topic, count(*) FROM visit"
		" WHERE arrived < ?1 GROUP BY 1, 2, 3"
		" ON CONFLICT(point_id, day, topic) DO UPDATE SET visits = visits + excluded.visits",
		"DELETE FROM visit WHERE arrived < ?1",
	};
	for (size_t i = 0; i < sizeof steps / sizeof steps[0] && rc == LK_OK; i++) {
		if ((s = lk_prepare(st, steps[i], err)) == NULL) {
			rc = LK_EFAIL;
			break;
		}
		sqlite3_bind_text(s, 1, cut, -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = lk_sql_err(st, err, "purge");
		sqlite3_finalize(s);
	}
	if (rc != LK_OK)
		goto fail;
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}
