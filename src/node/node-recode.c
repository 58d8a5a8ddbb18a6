/*
 * node-recode.c — re-encoding a changeset with only some of its ops, in
 * SQLite's changeset format, so the node sends a desk only the rows its
 * scope allows (node-scope.c decides which; this file only writes bytes).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "node/node-internal.h"
#include "sync/wire.h"   /* the growable buffer (struct lk_buf) */

/* SQLite's varint, for lengths and counts (< 2^56). */
static void
put_varint(struct lk_buf *b, uint64_t v)
{
	unsigned char tmp[10];
	int n = 0;
	do {
		tmp[n++] = (unsigned char)(v & 0x7f);
		v >>= 7;
	} while (v && n < 8);
	for (int i = n - 1; i >= 0; i--)
		lk_buf_byte(b, (unsigned char)(tmp[i] | (i ? 0x80 : 0)));
}

static void
put_value(struct lk_buf *b, sqlite3_value *v)
{
	if (v == NULL) {
		lk_buf_byte(b, 0);
		return;
	}
	int t = sqlite3_value_type(v);
	lk_buf_byte(b, (unsigned char)t);
	if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
		uint64_t u;
		if (t == SQLITE_INTEGER) {
			int64_t i = sqlite3_value_int64(v);
			memcpy(&u, &i, 8);
		} else {
			double d = sqlite3_value_double(v);
			memcpy(&u, &d, 8);
		}
		for (int i = 7; i >= 0; i--)
			lk_buf_byte(b, (unsigned char)(u >> (i * 8)));
	} else if (t == SQLITE_TEXT || t == SQLITE_BLOB) {
		const void *p = t == SQLITE_TEXT ? (const void *)sqlite3_value_text(v)
		                                 : sqlite3_value_blob(v);
		int n = sqlite3_value_bytes(v);
		put_varint(b, (uint64_t)n);
		lk_buf_put(b, p, (size_t)n);
	}
}

/* The first primary-key value of the op as text (every scoped table has a
 * one-column id; composite keys are reference rows). */
void
lk_cs_op_row(sqlite3_changeset_iter *it, int op, char *buf, size_t size)
{
	unsigned char *pk;
	int npk;
	buf[0] = '\0';
	if (sqlite3changeset_pk(it, &pk, &npk) != SQLITE_OK)
		return;
	for (int i = 0; i < npk; i++) {
		if (!pk[i])
			continue;
		sqlite3_value *v = NULL;
		if (op == SQLITE_INSERT)
			sqlite3changeset_new(it, i, &v);
		else
			sqlite3changeset_old(it, i, &v);
		const unsigned char *t = v ? sqlite3_value_text(v) : NULL;
		snprintf(buf, size, "%s", t ? (const char *)t : "");
		return;
	}
}

enum lk_status
lk_cs_keep(const void *cs, int n, lk_cs_keep_fn *keep, void *ctx, void **out, int *outn,
           int *dropped, struct lk_err *err)
{
	sqlite3_changeset_iter *it = NULL;
	struct lk_buf b = { 0 };
	char table[64] = "";
	*out = NULL;
	*outn = 0;
	*dropped = 0;
	if (sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK)
		return lk_err_set(err, LK_EINPUT, "changeset", "a change cannot be read");
	int step;
	while ((step = sqlite3changeset_next(it)) == SQLITE_ROW) {
		const char *name;
		int ncol, op, indirect, npk;
		unsigned char *pk;
		char row[128];
		sqlite3changeset_op(it, &name, &ncol, &op, &indirect);
		sqlite3changeset_pk(it, &pk, &npk);
		lk_cs_op_row(it, op, row, sizeof row);
		if (!keep(ctx, name, row)) {
			(*dropped)++;
			continue;
		}
		if (strcmp(name, table) != 0) {
			snprintf(table, sizeof table, "%s", name);
			lk_buf_byte(&b, 'T');
			put_varint(&b, (uint64_t)ncol);
			for (int i = 0; i < ncol; i++)
				lk_buf_byte(&b, pk[i] ? 1 : 0);
			lk_buf_put(&b, name, strlen(name) + 1);
		}
		lk_buf_byte(&b, (unsigned char)op);
		lk_buf_byte(&b, (unsigned char)indirect);
		if (op != SQLITE_INSERT)
			for (int i = 0; i < ncol; i++) {
				sqlite3_value *v = NULL;
				sqlite3changeset_old(it, i, &v);
				put_value(&b, v);
			}
		if (op != SQLITE_DELETE)
			for (int i = 0; i < ncol; i++) {
				sqlite3_value *v = NULL;
				sqlite3changeset_new(it, i, &v);
				put_value(&b, v);
			}
	}
	sqlite3changeset_finalize(it);
	if (step != SQLITE_DONE || b.oom) {
		free(b.p);
		return b.oom ? lk_err_set(err, LK_EFAIL, "db", "out of memory")
		             : lk_err_set(err, LK_EINPUT, "changeset", "a change cannot be read");
	}
	if (b.n == 0) {
		free(b.p);
		return LK_OK;
	}
	*out = b.p;
	*outn = (int)b.n;
	return LK_OK;
}
