/*
 * tym-reviews.c — every TYM case's review days at once (tym-reviews.h):
 * one ordered read of tym_review, looked up by case with a binary search.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store/store-internal.h"
#include "store/tym-reviews.h"

struct review_case {
	char *id;
	size_t first, n;    /* into days */
};

struct lk_tym_reviews {
	struct review_case *cases;   /* by id, strcmp order */
	size_t n_cases;
	lk_date *days;
	size_t n_days;
};

/* Grow *v (elements of `size`) to hold n + 1. */
static bool
grow(void *v, size_t size, size_t n, size_t *cap)
{
	if (n < *cap)
		return true;
	size_t c = *cap ? *cap * 2 : 256;
	void *nv = realloc(*(void **)v, c * size);
	if (nv == NULL)
		return false;
	*(void **)v = nv;
	*cap = c;
	return true;
}

struct lk_tym_reviews *
lk_tym_reviews_load(struct lk_store *st, struct lk_err *err)
{
	struct lk_tym_reviews *t = calloc(1, sizeof *t);
	if (t == NULL) {
		lk_err_set(err, LK_EFAIL, "db", _("out of memory"));
		return NULL;
	}
	/* A case's rows in rowid order: the order its own full scan walks. */
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT case_id, day FROM tym_review WHERE case_id IS NOT NULL"
		" ORDER BY case_id, rowid", err);
	if (s == NULL) {
		free(t);
		return NULL;
	}
	size_t cap_cases = 0, cap_days = 0;
	bool oom = false;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(s, 0);
		if (t->n_cases == 0 || strcmp(t->cases[t->n_cases - 1].id, id)) {
			if (!grow(&t->cases, sizeof t->cases[0], t->n_cases, &cap_cases) ||
			    (t->cases[t->n_cases].id = strdup(id)) == NULL) {
				oom = true;
				break;
			}
			t->cases[t->n_cases].first = t->n_days;
			t->cases[t->n_cases].n = 0;
			t->n_cases++;
		}
		if (!grow(&t->days, sizeof t->days[0], t->n_days, &cap_days)) {
			oom = true;
			break;
		}
		t->days[t->n_days++] = lk_col_date(s, 1);
		t->cases[t->n_cases - 1].n++;
	}
	sqlite3_finalize(s);
	/* The lookup compares with strcmp: make sure of SQLite's order. */
	for (size_t i = 1; !oom && rc == SQLITE_DONE && i < t->n_cases; i++)
		if (strcmp(t->cases[i - 1].id, t->cases[i].id) >= 0)
			rc = SQLITE_MISUSE;
	if (oom || rc != SQLITE_DONE) {
		if (oom)
			lk_err_set(err, LK_EFAIL, "db", _("out of memory"));
		else if (rc == SQLITE_MISUSE)
			lk_err_set(err, LK_EFAIL, "tym_review", "case ids out of order");
		else
			lk_sql_err(st, err, "tym_review");
		lk_tym_reviews_free(t);
		return NULL;
	}
	return t;
}

static int
cmp_case(const void *key, const void *elem)
{
	return strcmp(key, ((const struct review_case *)elem)->id);
}

size_t
lk_tym_reviews_of(const struct lk_tym_reviews *t, const char *case_id, const lk_date **days)
{
	const struct review_case *c = t->n_cases == 0 ? NULL :
		bsearch(case_id, t->cases, t->n_cases, sizeof t->cases[0], cmp_case);
	*days = c ? t->days + c->first : NULL;
	return c ? c->n : 0;
}

void
lk_tym_reviews_free(struct lk_tym_reviews *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->n_cases; i++)
		free(t->cases[i].id);
	free(t->cases);
	free(t->days);
	free(t);
}
