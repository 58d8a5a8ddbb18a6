/*
 * sync-apply.c — merge a changeset made elsewhere into this store, field by
 * field, keeping every losing value in `conflict`.
 *
 * sqlite3changeset_apply() applies whole rows; merging by field needs a
 * decision per column, so each op is read with the changeset iterator and
 * applied here. The statements are built from the local schema's own
 * identifiers (table names checked against the synced tables, column names
 * from pragma_table_info), never from bytes off the wire, and every value is
 * bound.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "i18n.h"
#include "store/appointment.h"
#include "store/store-internal.h"
#include "store/sync-apply.h"
#include "store/validate.h"

#define MAX_COLS 64

struct table {
	bool detect;                 /* LK_APPLY_DETECT */
	char name[64];
	int ncol;
	char col[MAX_COLS][64];
	unsigned char pk[MAX_COLS];
};

struct stamp {
	int64_t hlc;
	char desk[LK_DESK_NAME_MAX + 8];
};

/* Appointment (or event) ids touched by one apply, checked for clashes at the end. */
struct touched {
	char (*id)[72];
	int n, cap;
};

static int
stamp_cmp(const struct stamp *a, const struct stamp *b)
{
	if (a->hlc != b->hlc)
		return a->hlc < b->hlc ? -1 : 1;
	return strcmp(a->desk, b->desk);
}

enum lk_status
lk_sync_begin(struct lk_store *st, struct lk_err *err)
{
	if (st->session || st->bulk)
		return lk_err_set(err, LK_EFAIL, "db", "a write transaction is already open");
	/* The node vouches for what it sends; references are checked there. */
	sqlite3_exec(st->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
		return lk_sql_err(st, err, "begin");
	}
	return LK_OK;
}

enum lk_status
lk_sync_commit(struct lk_store *st, struct lk_err *err)
{
	enum lk_status rc = LK_OK;
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		rc = lk_sql_err(st, err, "commit");
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	}
	sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return rc;
}

void
lk_sync_rollback(struct lk_store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
}

/* Load the local shape of a synced table; LK_EINPUT for any other name. */
static enum lk_status
table_load(struct lk_store *st, const char *name, struct table *t, struct lk_err *err)
{
	if (!lk_store_synced(name) && (t->detect || strcmp(name, "conflict") != 0))
		return lk_err_set(err, LK_EINPUT, "changeset", "table '%.40s' is not synced", name);
	sqlite3_stmt *s = lk_prepare(st, "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid",
	                             err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
	snprintf(t->name, sizeof t->name, "%s", name);
	t->ncol = 0;
	while (sqlite3_step(s) == SQLITE_ROW && t->ncol < MAX_COLS) {
		lk_col_text(s, 0, t->col[t->ncol], sizeof t->col[0]);
		t->pk[t->ncol] = sqlite3_column_int(s, 1) > 0;
		t->ncol++;
	}
	sqlite3_finalize(s);
	return t->ncol > 0 ? LK_OK : lk_err_set(err, LK_EFAIL, "db", "no table %s", name);
}

/* The text rule for every text value an insert or update writes
 * (LK_APPLY_TEXT): the same checks as a desk's own write paths. */
static enum lk_status
text_check(sqlite3_changeset_iter *it, const struct table *t, struct lk_err *err)
{
	static const char *const names[] = { "surname", "given_names", "call_name", NULL };
	static const char *const free_text[] = { "note", "scope", "final_assessment", "word",
	                                         "remote_reason", NULL };
	for (int i = 0; i < t->ncol; i++) {
		sqlite3_value *v = NULL;
		if (sqlite3changeset_new(it, i, &v) != SQLITE_OK || v == NULL ||
		    sqlite3_value_type(v) != SQLITE_TEXT)
			continue;
		const char *s = (const char *)sqlite3_value_text(v);
		/* An embedded NUL is no text either. */
		if (s == NULL || strlen(s) != (size_t)sqlite3_value_bytes(v))
			return lk_err_set(err, LK_EINPUT, t->col[i], "not valid UTF-8 text");
		bool name = false, text = false;
		for (int k = 0; names[k]; k++)
			name = name || strcmp(t->col[i], names[k]) == 0;
		for (int k = 0; free_text[k]; k++)
			text = text || strcmp(t->col[i], free_text[k]) == 0;
		enum lk_status rc = name ? lk_check_name(t->col[i], s, 1u << 20, err) :
		                    text ? lk_check_free_text(t->col[i], s, 1u << 20, err) :
		                           lk_check_text(t->col[i], s, 1u << 20, err);
		if (rc != LK_OK)
			return rc;
	}
	return LK_OK;
}

/* Check the iterator's current op against the local table shape. */
static enum lk_status
op_table(struct lk_store *st, sqlite3_changeset_iter *it, struct table *t, int *op,
         struct lk_err *err)
{
	const char *name;
	int ncol, indirect;
	unsigned char *pk;
	int npk;
	if (sqlite3changeset_op(it, &name, &ncol, op, &indirect) != SQLITE_OK ||
	    sqlite3changeset_pk(it, &pk, &npk) != SQLITE_OK)
		return lk_err_set(err, LK_EINPUT, "changeset", "a change cannot be read");
	if (strcmp(name, t->name) != 0) {
		enum lk_status rc = table_load(st, name, t, err);
		if (rc != LK_OK)
			return rc;
	}
	if (ncol != t->ncol)
		return lk_err_set(err, LK_EINPUT, "changeset",
		                  "table %s has %d columns here, the change has %d; "
		                  "both ends must run the same Luukku", t->name, t->ncol, ncol);
	for (int i = 0; i < ncol; i++)
		if ((pk[i] != 0) != (t->pk[i] != 0))
			return lk_err_set(err, LK_EINPUT, "changeset",
			                  "the primary key of %s differs from this schema", t->name);
	return LK_OK;
}

/* The row's primary key values joined by '|', from the old or new record. */
static void
row_key(sqlite3_changeset_iter *it, const struct table *t, bool use_new, char *buf,
        size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < t->ncol; i++) {
		if (!t->pk[i])
			continue;
		sqlite3_value *v = NULL;
		if (use_new)
			sqlite3changeset_new(it, i, &v);
		else
			sqlite3changeset_old(it, i, &v);
		const unsigned char *txt = v ? sqlite3_value_text(v) : NULL;
		int w = snprintf(buf + len, size - len, "%s%s", len ? "|" : "",
		                 txt ? (const char *)txt : "");
		if (w < 0 || (size_t)w >= size - len)
			break;
		len += (size_t)w;
	}
}

static bool
value_eq(sqlite3_value *a, sqlite3_value *b)
{
	int ta = a ? sqlite3_value_type(a) : SQLITE_NULL;
	int tb = b ? sqlite3_value_type(b) : SQLITE_NULL;
	if (ta != tb)
		return false;
	switch (ta) {
	case SQLITE_NULL:
		return true;
	case SQLITE_INTEGER:
		return sqlite3_value_int64(a) == sqlite3_value_int64(b);
	case SQLITE_FLOAT:
		return sqlite3_value_double(a) == sqlite3_value_double(b);
	default: {
		int na = sqlite3_value_bytes(a), nb = sqlite3_value_bytes(b);
		const void *pa = ta == SQLITE_TEXT ? (const void *)sqlite3_value_text(a)
		                                   : sqlite3_value_blob(a);
		const void *pb = ta == SQLITE_TEXT ? (const void *)sqlite3_value_text(b)
		                                   : sqlite3_value_blob(b);
		return na == nb && (na == 0 || memcmp(pa, pb, (size_t)na) == 0);
	}
	}
}

/* " WHERE "pk1" = ?N AND …" with parameters from `first` on. */
static void
append_where(sqlite3_str *q, const struct table *t, int first)
{
	int k = first;
	sqlite3_str_appendall(q, " WHERE ");
	for (int i = 0; i < t->ncol; i++)
		if (t->pk[i])
			sqlite3_str_appendf(q, "%s\"%w\" = ?%d", k > first ? " AND " : "", t->col[i], k),
				k++;
}

static void
bind_pk(sqlite3_stmt *s, sqlite3_changeset_iter *it, const struct table *t, bool use_new,
        int first)
{
	int k = first;
	for (int i = 0; i < t->ncol; i++) {
		if (!t->pk[i])
			continue;
		sqlite3_value *v = NULL;
		if (use_new)
			sqlite3changeset_new(it, i, &v);
		else
			sqlite3changeset_old(it, i, &v);
		if (v)
			sqlite3_bind_value(s, k, v);
		k++;
	}
}

static sqlite3_stmt *
prepare_str(struct lk_store *st, sqlite3_str *q, struct lk_err *err)
{
	char *sql = sqlite3_str_finish(q);
	if (sql == NULL) {
		lk_err_set(err, LK_EFAIL, "db", "out of memory");
		return NULL;
	}
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	sqlite3_free(sql);
	return s;
}

/* The current local row with that key; NULL with *found false when none. */
static sqlite3_stmt *
select_row(struct lk_store *st, sqlite3_changeset_iter *it, const struct table *t,
           bool use_new, bool *found, struct lk_err *err)
{
	sqlite3_str *q = sqlite3_str_new(st->db);
	sqlite3_str_appendall(q, "SELECT ");
	for (int i = 0; i < t->ncol; i++)
		sqlite3_str_appendf(q, "%s\"%w\"", i ? ", " : "", t->col[i]);
	sqlite3_str_appendf(q, " FROM \"%w\"", t->name);
	append_where(q, t, 1);
	sqlite3_stmt *s = prepare_str(st, q, err);
	if (s == NULL)
		return NULL;
	bind_pk(s, it, t, use_new, 1);
	int rc = sqlite3_step(s);
	*found = rc == SQLITE_ROW;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		lk_sql_err(st, err, "read row");
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

static enum lk_status
stamp_get(struct lk_store *st, const char *tbl, const char *row, const char *col,
          struct stamp *out, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT hlc, desk FROM field_stamp WHERE tbl = ? AND row_id = ? AND col = ?", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, row, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, col, -1, SQLITE_STATIC);
	out->hlc = 0;
	out->desk[0] = '\0';
	if (sqlite3_step(s) == SQLITE_ROW) {
		out->hlc = sqlite3_column_int64(s, 0);
		lk_col_text(s, 1, out->desk, sizeof out->desk);
	}
	sqlite3_finalize(s);
	return LK_OK;
}

static enum lk_status
stamp_set(struct lk_store *st, const char *tbl, const char *row, const char *col,
          const struct stamp *sp, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO field_stamp(tbl, row_id, col, hlc, desk) VALUES (?, ?, ?, ?, ?) "
		"ON CONFLICT(tbl, row_id, col) DO UPDATE SET hlc = excluded.hlc, desk = excluded.desk "
		"WHERE excluded.hlc > field_stamp.hlc OR (excluded.hlc = field_stamp.hlc "
		"AND excluded.desk > field_stamp.desk)", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, row, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, col, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, sp->hlc);
	sqlite3_bind_text(s, 5, sp->desk, -1, SQLITE_STATIC);
	enum lk_status rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "stamp");
	sqlite3_finalize(s);
	return rc;
}

/* Record a conflict once: its id is a hash of what it is about, so every
 * node that meets the same conflict names it alike. */
static enum lk_status
conflict_add(struct lk_store *st, const char *kind, const char *tbl, const char *row,
             const char *field, const char *kept, const char *losing, const char *kept_desk,
             const char *losing_desk, const char *idsrc, int *added, struct lk_err *err)
{
	unsigned char h[16];
	char id[LK_ID_LEN + 1], now[20];
	crypto_generichash(h, sizeof h, (const unsigned char *)idsrc, strlen(idsrc), NULL, 0);
	sodium_bin2hex(id, sizeof id, h, sizeof h);
	lk_time_iso(lk_now(), now, sizeof now);
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT OR IGNORE INTO conflict(id, kind, table_name, row_id, field, kept_value, "
		"losing_value, kept_desk, losing_desk, detected) VALUES (?,?,?,?,?,?,?,?,?,?)", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, row, -1, SQLITE_STATIC);
	lk_bind_text(s, 5, field);
	if (kept) sqlite3_bind_text(s, 6, kept, -1, SQLITE_STATIC);
	if (losing) sqlite3_bind_text(s, 7, losing, -1, SQLITE_STATIC);
	lk_bind_text(s, 8, kept_desk);
	lk_bind_text(s, 9, losing_desk);
	sqlite3_bind_text(s, 10, now, -1, SQLITE_STATIC);
	enum lk_status rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "conflict");
	if (rc == LK_OK && added)
		*added += sqlite3_changes(st->db);
	sqlite3_finalize(s);
	return rc;
}

static enum lk_status
field_conflict(struct lk_store *st, const struct table *t, const char *row, int col,
               sqlite3_value *kept, const struct stamp *ks, sqlite3_value *losing,
               const struct stamp *ls, struct lk_apply_stats *stats, struct lk_err *err)
{
	if (!t->detect)
		return LK_OK;
	char idsrc[512];
	snprintf(idsrc, sizeof idsrc, "field|%s|%s|%s|%" PRId64 "|%s", t->name, row, t->col[col],
	         ls->hlc, ls->desk);
	const unsigned char *k = kept ? sqlite3_value_text(kept) : NULL;
	char *kcopy = k ? strdup((const char *)k) : NULL;
	const unsigned char *l = losing ? sqlite3_value_text(losing) : NULL;
	enum lk_status rc = conflict_add(st, "field", t->name, row, t->col[col],
	                                 kcopy, (const char *)l, ks->desk[0] ? ks->desk : NULL,
	                                 ls->desk[0] ? ls->desk : NULL, idsrc, &stats->conflicts,
	                                 err);
	free(kcopy);
	return rc;
}

static enum lk_status
update_field(struct lk_store *st, sqlite3_changeset_iter *it, const struct table *t,
             bool use_new_pk, int col, sqlite3_value *v, struct lk_err *err)
{
	sqlite3_str *q = sqlite3_str_new(st->db);
	sqlite3_str_appendf(q, "UPDATE \"%w\" SET \"%w\" = ?1", t->name, t->col[col]);
	append_where(q, t, 2);
	sqlite3_stmt *s = prepare_str(st, q, err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_value(s, 1, v);
	bind_pk(s, it, t, use_new_pk, 2);
	enum lk_status rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK
		: lk_err_set(err, LK_EINPUT, "changeset", "%s.%s cannot take the value: %s", t->name,
		             t->col[col], sqlite3_errmsg(st->db));
	sqlite3_finalize(s);
	return rc;
}

/* Merge one incoming field value: the higher stamp wins. `old` is the value
 * the writer saw (NULL when unknown, as for an insert). */
static enum lk_status
merge_field(struct lk_store *st, sqlite3_changeset_iter *it, const struct table *t,
            bool use_new_pk, const char *row, int col, sqlite3_value *nv, sqlite3_value *old,
            sqlite3_value *cur, const struct stamp *in, struct lk_apply_stats *stats,
            struct lk_err *err)
{
	struct stamp here;
	enum lk_status rc = stamp_get(st, t->name, row, t->col[col], &here, err);
	if (rc != LK_OK)
		return rc;
	bool same = value_eq(nv, cur);
	if (stamp_cmp(in, &here) > 0) {
		/* The incoming write is newer. It overwrote a value it never saw
		 * (a concurrent edit) when what it saw differs from what is here. */
		if (!same && old && !value_eq(old, cur) && here.hlc != 0 &&
		    (rc = field_conflict(st, t, row, col, nv, in, cur, &here, stats, err)) != LK_OK)
			return rc;
		if (!same && (rc = update_field(st, it, t, use_new_pk, col, nv, err)) != LK_OK)
			return rc;
		return stamp_set(st, t->name, row, t->col[col], in, err);
	}
	if (same || stamp_cmp(in, &here) == 0)
		return LK_OK;
	stats->lost++;
	return field_conflict(st, t, row, col, cur, &here, nv, in, stats, err);
}

/* Whether an update of an appointment changes when or where it is: its
 * start, length, point or channel. */
static bool
moves(sqlite3_changeset_iter *it, const struct table *t)
{
	static const char *const cols[] = { "start", "minutes", "point_id", "channel", NULL };
	for (int i = 0; i < t->ncol; i++) {
		sqlite3_value *v = NULL;
		if (sqlite3changeset_new(it, i, &v) != SQLITE_OK || v == NULL)
			continue;
		for (int k = 0; cols[k]; k++)
			if (strcmp(t->col[i], cols[k]) == 0)
				return true;
	}
	return false;
}

static enum lk_status
touch(struct touched *tc, const char *id)
{
	for (int i = 0; i < tc->n; i++)
		if (strcmp(tc->id[i], id) == 0)
			return LK_OK;
	if (tc->n == tc->cap) {
		int cap = tc->cap ? tc->cap * 2 : 16;
		void *p = realloc(tc->id, (size_t)cap * sizeof tc->id[0]);
		if (p == NULL)
			return LK_EFAIL;
		tc->id = p;
		tc->cap = cap;
	}
	size_t len = strnlen(id, sizeof tc->id[0] - 1);
	memcpy(tc->id[tc->n], id, len);
	tc->id[tc->n++][len] = '\0';
	return LK_OK;
}

/* An update of a row not here (yet): its fields wait in sync_orphan with
 * their stamps, the highest stamp per field kept (docs/protocol.md,
 * "Restore"). A row outside this store's scope never arrives; its orphans
 * stay, unseen. */
static enum lk_status
orphan_keep(struct lk_store *st, sqlite3_changeset_iter *it, const struct table *t,
            const char *row, const struct stamp *in, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"INSERT INTO sync_orphan(tbl, row_id, col, value, hlc, desk) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
		"ON CONFLICT(tbl, row_id, col) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, "
		"desk = excluded.desk WHERE excluded.hlc > sync_orphan.hlc OR "
		"(excluded.hlc = sync_orphan.hlc AND excluded.desk > sync_orphan.desk)", err);
	if (s == NULL)
		return LK_EFAIL;
	enum lk_status rc = LK_OK;
	for (int i = 0; i < t->ncol && rc == LK_OK; i++) {
		sqlite3_value *nv = NULL;
		sqlite3changeset_new(it, i, &nv);
		if (t->pk[i] || nv == NULL)
			continue;
		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, t->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, row, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, t->col[i], -1, SQLITE_STATIC);
		sqlite3_bind_value(s, 4, nv);
		sqlite3_bind_int64(s, 5, in->hlc);
		sqlite3_bind_text(s, 6, in->desk, -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = lk_sql_err(st, err, "orphan");
	}
	sqlite3_finalize(s);
	return rc;
}


/* The row just born here: merge the fields that waited for it. */
static enum lk_status
orphan_adopt(struct lk_store *st, sqlite3_changeset_iter *it, const struct table *t,
             const char *row, struct lk_apply_stats *stats, struct lk_err *err)
{
	sqlite3_stmt *o = lk_prepare(st,
		"SELECT col, value, hlc, desk FROM sync_orphan WHERE tbl = ? AND row_id = ?", err);
	if (o == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(o, 1, t->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(o, 2, row, -1, SQLITE_STATIC);
	enum lk_status rc = LK_OK;
	bool any = false;
	while (rc == LK_OK && sqlite3_step(o) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(o, 0);
		int i = 0;
		while (i < t->ncol && strcmp(t->col[i], col ? col : "") != 0)
			i++;
		if (i == t->ncol || t->pk[i])
			continue;
		struct stamp sp = { .hlc = sqlite3_column_int64(o, 2) };
		lk_col_text(o, 3, sp.desk, sizeof sp.desk);
		bool found;
		sqlite3_stmt *cur = select_row(st, it, t, true, &found, err);
		if (cur == NULL) {
			rc = LK_EFAIL;
			break;
		}
		if (found)
			rc = merge_field(st, it, t, true, row, i, sqlite3_column_value(o, 1), NULL,
			                 sqlite3_column_value(cur, i), &sp, stats, err);
		sqlite3_finalize(cur);
		any = true;
	}
	sqlite3_finalize(o);
	if (rc == LK_OK && any) {
		o = lk_prepare(st, "DELETE FROM sync_orphan WHERE tbl = ? AND row_id = ?", err);
		if (o == NULL)
			return LK_EFAIL;
		sqlite3_bind_text(o, 1, t->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(o, 2, row, -1, SQLITE_STATIC);
		if (sqlite3_step(o) != SQLITE_DONE)
			rc = lk_sql_err(st, err, "orphan");
		sqlite3_finalize(o);
	}
	return rc;
}

/* *born: the row was not here before (else the insert merged into it). */
static enum lk_status
apply_insert(struct lk_store *st, sqlite3_changeset_iter *it, const struct table *t,
             const char *row, const struct stamp *in, struct lk_apply_stats *stats,
             bool *born, struct lk_err *err)
{
	bool found;
	sqlite3_stmt *cur = select_row(st, it, t, true, &found, err);
	if (cur == NULL)
		return LK_EFAIL;
	*born = !found;
	enum lk_status rc = LK_OK;
	if (found) {
		/* Born twice (reference rows every desk seeds alike): merge. */
		for (int i = 0; i < t->ncol && rc == LK_OK; i++) {
			sqlite3_value *nv = NULL;
			sqlite3changeset_new(it, i, &nv);
			if (t->pk[i] || nv == NULL)
				continue;
			rc = merge_field(st, it, t, true, row, i, nv, NULL,
			                 sqlite3_column_value(cur, i), in, stats, err);
		}
		sqlite3_finalize(cur);
		return rc;
	}
	sqlite3_finalize(cur);
	sqlite3_str *q = sqlite3_str_new(st->db);
	sqlite3_str_appendf(q, "INSERT INTO \"%w\"(", t->name);
	for (int i = 0; i < t->ncol; i++)
		sqlite3_str_appendf(q, "%s\"%w\"", i ? ", " : "", t->col[i]);
	sqlite3_str_appendall(q, ") VALUES (");
	for (int i = 0; i < t->ncol; i++)
		sqlite3_str_appendf(q, "%s?%d", i ? ", " : "", i + 1);
	sqlite3_str_appendall(q, ")");
	sqlite3_stmt *s = prepare_str(st, q, err);
	if (s == NULL)
		return LK_EFAIL;
	for (int i = 0; i < t->ncol; i++) {
		sqlite3_value *v = NULL;
		sqlite3changeset_new(it, i, &v);
		if (v)
			sqlite3_bind_value(s, i + 1, v);
	}
	if (sqlite3_step(s) == SQLITE_DONE) {
		stats->rows++;
		if (strcmp(t->name, "conflict") == 0)
			stats->conflicts++;   /* decided on the node, kept here too */
		sqlite3_finalize(s);
		return orphan_adopt(st, it, t, row, stats, err);
	} else {
		rc = lk_err_set(err, LK_EINPUT, "changeset", "a row of %s cannot be inserted: %s",
		                t->name, sqlite3_errmsg(st->db));
	}
	sqlite3_finalize(s);
	return rc;
}

static enum lk_status
apply_update(struct lk_store *st, sqlite3_changeset_iter *it, const struct table *t,
             const char *row, const struct stamp *in, struct lk_apply_stats *stats,
             struct lk_err *err)
{
	bool found;
	sqlite3_stmt *cur = select_row(st, it, t, false, &found, err);
	if (cur == NULL)
		return LK_EFAIL;
	enum lk_status rc = LK_OK;
	if (found) {
		for (int i = 0; i < t->ncol && rc == LK_OK; i++) {
			sqlite3_value *nv = NULL, *ov = NULL;
			sqlite3changeset_new(it, i, &nv);
			if (t->pk[i] || nv == NULL)
				continue;
			sqlite3changeset_old(it, i, &ov);
			rc = merge_field(st, it, t, false, row, i, nv, ov,
			                 sqlite3_column_value(cur, i), in, stats, err);
		}
		stats->rows++;
	}
	sqlite3_finalize(cur);
	/* A row not here: outside this store's scope, or born on a desk that
	 * has not sent it again yet after a restore; kept until it comes. */
	if (!found)
		rc = orphan_keep(st, it, t, row, in, err);
	return rc;
}

static enum lk_status
apply_delete(struct lk_store *st, sqlite3_changeset_iter *it, const struct table *t,
             const char *row, struct lk_apply_stats *stats, struct lk_err *err)
{
	sqlite3_str *q = sqlite3_str_new(st->db);
	sqlite3_str_appendf(q, "DELETE FROM \"%w\"", t->name);
	append_where(q, t, 1);
	sqlite3_stmt *s = prepare_str(st, q, err);
	if (s == NULL)
		return LK_EFAIL;
	bind_pk(s, it, t, false, 1);
	enum lk_status rc = LK_OK;
	if (sqlite3_step(s) == SQLITE_DONE)
		stats->rows += sqlite3_changes(st->db);
	else
		rc = lk_err_set(err, LK_EINPUT, "changeset", "a row of %s cannot be deleted: %s",
		                t->name, sqlite3_errmsg(st->db));
	sqlite3_finalize(s);
	if (rc != LK_OK)
		return rc;
	s = lk_prepare(st, "DELETE FROM field_stamp WHERE tbl = ? AND row_id = ?", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, t->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, row, -1, SQLITE_STATIC);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "stamp");
	sqlite3_finalize(s);
	return rc;
}

/* Flag every live booking that overlaps booking `id` for the same staff
 * member, room or client, and every other live initial interview of the
 * client in the same job-search period: both stay, a person decides (sync
 * contract 5; docs/architecture.md#booking-contract). One overlap flag per
 * pair, naming the first of staff, room, client that they share (field
 * staff_id, room_id, client_id); a second initial interview has field
 * kind. */
static enum lk_status
clash_check(struct lk_store *st, const char *id, struct lk_apply_stats *stats,
            struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT b.id, CASE WHEN b.staff_id = a.staff_id THEN 'staff_id'"
		"  WHEN a.room_id IS NOT NULL AND b.room_id = a.room_id THEN 'room_id'"
		"  ELSE 'client_id' END"
		" FROM appointment a JOIN appointment b ON b.id <> a.id"
		"  AND (b.staff_id = a.staff_id OR (a.room_id IS NOT NULL AND b.room_id = a.room_id)"
		"   OR (a.client_id IS NOT NULL AND b.client_id = a.client_id))"
		"  AND b.status NOT IN ('cancelled', 'no-show')"
		"  AND b.start < strftime('%Y-%m-%d %H:%M', a.start, '+' || a.minutes || ' minutes')"
		"  AND a.start < strftime('%Y-%m-%d %H:%M', b.start, '+' || b.minutes || ' minutes')"
		" WHERE a.id = ?1 AND a.status NOT IN ('cancelled', 'no-show')"
		/* Two live initial interviews of the client in one job-search
		 * period (docs/rules.md#initial-interview), at any times. */
		" UNION SELECT b.id, 'kind'"
		" FROM appointment a JOIN client c ON c.id = a.client_id"
		" JOIN appointment b ON b.id <> a.id AND b.client_id = a.client_id"
		"  AND b.kind = 'alkuhaastattelu' AND b.status NOT IN ('cancelled', 'no-show')"
		"  AND (c.job_search_start IS NULL OR b.start >= c.job_search_start)"
		" WHERE a.id = ?1 AND a.kind = 'alkuhaastattelu'"
		"  AND a.status NOT IN ('cancelled', 'no-show')"
		"  AND (c.job_search_start IS NULL OR a.start >= c.job_search_start)", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	enum lk_status rc = LK_OK;
	int step;
	while (rc == LK_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
		char other[72], field[16], idsrc[256];
		lk_col_text(s, 0, other, sizeof other);
		lk_col_text(s, 1, field, sizeof field);
		const char *lo = strcmp(id, other) < 0 ? id : other;
		const char *hi = lo == id ? other : id;
		snprintf(idsrc, sizeof idsrc, "clash|%s|%s|%s", lo, hi, field);
		rc = conflict_add(st, "clash", "appointment", lo, field, lo, hi, NULL, NULL, idsrc,
		                  &stats->conflicts, err);
	}
	sqlite3_finalize(s);
	return rc;
}

/* The same for an event and the bookings of its host or room (store/event.h:
 * events clash with bookings both ways): the booking and the event both
 * stand, and a 'clash' conflict on the booking names the event. `id` is a
 * booking's (is_event false) or an event's. */
#define EVENT_CLASH_SQL(where) \
	"SELECT a.id, e.id, CASE WHEN e.host_id = a.staff_id THEN 'staff_id' ELSE 'room_id' END" \
	" FROM appointment a JOIN event e" \
	"  ON (e.host_id = a.staff_id OR (a.room_id IS NOT NULL AND e.room_id = a.room_id))" \
	"  AND e.status = 'planned' AND a.status NOT IN ('cancelled', 'no-show')" \
	"  AND e.start < strftime('%Y-%m-%d %H:%M', a.start, '+' || a.minutes || ' minutes')" \
	"  AND a.start < strftime('%Y-%m-%d %H:%M', e.start, '+' || e.minutes || ' minutes')" \
	" WHERE " where

static enum lk_status
event_clash_check(struct lk_store *st, const char *id, bool is_event,
                  struct lk_apply_stats *stats, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, is_event ? EVENT_CLASH_SQL("e.id = ?")
	                                          : EVENT_CLASH_SQL("a.id = ?"), err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	enum lk_status rc = LK_OK;
	while (rc == LK_OK && sqlite3_step(s) == SQLITE_ROW) {
		char appt[72], event[72], field[16], idsrc[256];
		lk_col_text(s, 0, appt, sizeof appt);
		lk_col_text(s, 1, event, sizeof event);
		lk_col_text(s, 2, field, sizeof field);
		snprintf(idsrc, sizeof idsrc, "clash|%s|%s|%s", appt, event, field);
		rc = conflict_add(st, "clash", "appointment", appt, field, appt, event, NULL, NULL,
		                  idsrc, &stats->conflicts, err);
	}
	sqlite3_finalize(s);
	return rc;
}

/* Two events of the same host or room at overlapping times, made offline:
 * both stand, a 'clash' conflict on the event table flags the pair. */
static enum lk_status
event_pair_check(struct lk_store *st, const char *id, struct lk_apply_stats *stats,
                 struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT b.id, CASE WHEN b.host_id = a.host_id THEN 'host_id' ELSE 'room_id' END"
		" FROM event a JOIN event b ON b.id <> a.id"
		"  AND (b.host_id = a.host_id OR (a.room_id IS NOT NULL AND b.room_id = a.room_id))"
		"  AND b.status = 'planned'"
		"  AND b.start < strftime('%Y-%m-%d %H:%M', a.start, '+' || a.minutes || ' minutes')"
		"  AND a.start < strftime('%Y-%m-%d %H:%M', b.start, '+' || b.minutes || ' minutes')"
		" WHERE a.id = ? AND a.status = 'planned'", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	enum lk_status rc = LK_OK;
	while (rc == LK_OK && sqlite3_step(s) == SQLITE_ROW) {
		char other[72], field[16], idsrc[256];
		lk_col_text(s, 0, other, sizeof other);
		lk_col_text(s, 1, field, sizeof field);
		const char *lo = strcmp(id, other) < 0 ? id : other;
		const char *hi = lo == id ? other : id;
		snprintf(idsrc, sizeof idsrc, "clash|%s|%s|%s", lo, hi, field);
		rc = conflict_add(st, "clash", "event", lo, field, lo, hi, NULL, NULL, idsrc,
		                  &stats->conflicts, err);
	}
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_sync_clock_seen(struct lk_store *st, int64_t hlc)
{
	char buf[32];
	int64_t last = 0;
	if (lk_meta_get(st, "hlc", buf, sizeof buf) == LK_OK)
		last = strtoll(buf, NULL, 10);
	if (hlc <= last)
		return LK_OK;
	snprintf(buf, sizeof buf, "%" PRId64, hlc);
	return lk_meta_set(st, "hlc", buf);
}

enum lk_status
lk_sync_apply(struct lk_store *st, const void *cs, int n, int64_t hlc, const char *desk,
              int flags, struct lk_apply_stats *stats, struct lk_err *err)
{
	struct lk_apply_stats dummy;
	if (stats == NULL)
		stats = &dummy;
	memset(stats, 0, sizeof *stats);
	struct stamp in = { .hlc = hlc };
	snprintf(in.desk, sizeof in.desk, "%s", desk);
	struct table *t = calloc(1, sizeof *t);
	struct touched tc = { 0 }, te = { 0 }, timed = { 0 };   /* bookings, events, bookings to time */
	sqlite3_changeset_iter *it = NULL;
	if (t == NULL)
		return lk_err_set(err, LK_EFAIL, "db", "out of memory");
	t->detect = (flags & LK_APPLY_DETECT) != 0;
	enum lk_status rc = LK_OK;
	if (sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK) {
		rc = lk_err_set(err, LK_EINPUT, "changeset", "a change cannot be read");
		goto out;
	}
	int step;
	while (rc == LK_OK && (step = sqlite3changeset_next(it)) == SQLITE_ROW) {
		int op;
		bool born = false;
		char row[512];
		if ((rc = op_table(st, it, t, &op, err)) != LK_OK)
			break;
		if ((flags & LK_APPLY_TEXT) && op != SQLITE_DELETE &&
		    (rc = text_check(it, t, err)) != LK_OK)
			break;
		row_key(it, t, op == SQLITE_INSERT, row, sizeof row);
		if (op == SQLITE_INSERT)
			rc = apply_insert(st, it, t, row, &in, stats, &born, err);
		else if (op == SQLITE_UPDATE)
			rc = apply_update(st, it, t, row, &in, stats, err);
		else
			rc = apply_delete(st, it, t, row, stats, err);
		if (rc == LK_OK && t->detect && op != SQLITE_DELETE &&
		    ((strcmp(t->name, "appointment") == 0 && touch(&tc, row) != LK_OK) ||
		     (strcmp(t->name, "event") == 0 && touch(&te, row) != LK_OK)))
			rc = lk_err_set(err, LK_EFAIL, "db", "out of memory");
		/* A booking new here, or one moved: its time to the rule. */
		if (rc == LK_OK && (flags & LK_APPLY_TIME) && strcmp(t->name, "appointment") == 0 &&
		    ((op == SQLITE_INSERT && born) || (op == SQLITE_UPDATE && moves(it, t))) &&
		    touch(&timed, row) != LK_OK)
			rc = lk_err_set(err, LK_EFAIL, "db", "out of memory");
	}
	if (rc == LK_OK && step != SQLITE_DONE)
		rc = lk_err_set(err, LK_EINPUT, "changeset", "a change cannot be read");
	/* Judged as the change left them, after the merge. */
	for (int i = 0; rc == LK_OK && i < timed.n; i++)
		rc = lk_booking_time_synced(st, timed.id[i], err);
	for (int i = 0; rc == LK_OK && i < tc.n; i++)
		if ((rc = clash_check(st, tc.id[i], stats, err)) == LK_OK)
			rc = event_clash_check(st, tc.id[i], false, stats, err);
	for (int i = 0; rc == LK_OK && i < te.n; i++)
		if ((rc = event_clash_check(st, te.id[i], true, stats, err)) == LK_OK)
			rc = event_pair_check(st, te.id[i], stats, err);
	if (rc == LK_OK)
		rc = lk_sync_clock_seen(st, hlc) == LK_OK ? LK_OK : lk_sql_err(st, err, "clock");
out:
	if (it)
		sqlite3changeset_finalize(it);
	free(tc.id);
	free(timed.id);
	free(te.id);
	free(t);
	return rc;
}

enum lk_status
lk_sync_check(struct lk_store *st, const void *cs, int n, struct lk_err *err)
{
	struct table *t = calloc(1, sizeof *t);
	sqlite3_changeset_iter *it = NULL;
	if (t == NULL)
		return lk_err_set(err, LK_EFAIL, "db", "out of memory");
	enum lk_status rc = LK_OK;
	if (sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK) {
		free(t);
		return lk_err_set(err, LK_EINPUT, "changeset", "a change cannot be read");
	}
	int step, op;
	while (rc == LK_OK && (step = sqlite3changeset_next(it)) == SQLITE_ROW)
		rc = op_table(st, it, t, &op, err);
	if (rc == LK_OK && step != SQLITE_DONE)
		rc = lk_err_set(err, LK_EINPUT, "changeset", "a change cannot be read");
	sqlite3changeset_finalize(it);
	free(t);
	return rc;
}

enum lk_status
lk_sync_stamp_local(struct lk_store *st, const void *cs, int n, int64_t hlc,
                    struct lk_err *err)
{
	struct stamp sp = { .hlc = hlc };
	if (lk_meta_get(st, "desk_name", sp.desk, sizeof sp.desk) != LK_OK || !sp.desk[0])
		snprintf(sp.desk, sizeof sp.desk, "local");
	struct table *t = calloc(1, sizeof *t);
	sqlite3_changeset_iter *it = NULL;
	if (t == NULL)
		return lk_err_set(err, LK_EFAIL, "db", "out of memory");
	if (sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK) {
		free(t);
		return lk_sql_err(st, err, "change capture");
	}
	enum lk_status rc = LK_OK;
	int op;
	while (rc == LK_OK && sqlite3changeset_next(it) == SQLITE_ROW) {
		if ((rc = op_table(st, it, t, &op, err)) != LK_OK || op != SQLITE_UPDATE)
			continue;
		char row[512];
		row_key(it, t, false, row, sizeof row);
		for (int i = 0; i < t->ncol && rc == LK_OK; i++) {
			sqlite3_value *nv = NULL;
			sqlite3changeset_new(it, i, &nv);
			if (!t->pk[i] && nv)
				rc = stamp_set(st, t->name, row, t->col[i], &sp, err);
		}
	}
	sqlite3changeset_finalize(it);
	free(t);
	return rc;
}
