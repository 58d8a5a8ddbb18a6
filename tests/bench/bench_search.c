/*
 * bench_search.c — search-as-you-type latency on a demo register.
 *
 *   bench_search DB [SAMPLES]
 *
 * Takes SAMPLES clients at random, types "surname given" one keystroke at a
 * time (as a caseworker would) and times each lk_client_search call that a
 * keystroke makes (limit 20, a screenful), plus identity-code look-ups.
 * Prints the median and p99 per keystroke. Figures, not a pass/fail test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "store/client.h"
#include "store/store.h"

static int
count_row(const struct lk_client_row *r, void *ctx)
{
	(void)r;
	(*(int *)ctx)++;
	return 0;
}

static double
now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void
report(const char *what, double *t, size_t n)
{
	qsort(t, n, sizeof *t, cmp);
	printf("%-28s n=%-6zu median %8.1f us   p99 %8.1f us   max %8.1f us\n", what, n,
	       t[n / 2], t[(size_t)((double)n * 0.99)], t[n - 1]);
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_search DB [SAMPLES]\n");
		return 2;
	}
	int samples = argc > 2 ? atoi(argv[2]) : 300;
	struct lk_store *st;
	struct lk_err err = { 0 };
	if (lk_store_open(argv[1], 0, &st, &err) != LK_OK) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	sqlite3 *db;
	sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL);
	sqlite3_stmt *s;
	sqlite3_prepare_v2(db, "SELECT surname || ' ' || given_names, hetu FROM client"
	                       " ORDER BY random() LIMIT ?", -1, &s, NULL);
	sqlite3_bind_int(s, 1, samples);
	size_t cap = (size_t)samples * 64, n = 0, nh = 0;
	double *t = malloc(cap * sizeof *t), *th = malloc((size_t)samples * sizeof *th);
	long found = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		char typed[256];
		size_t len = strlen(name);
		for (size_t k = 1; k <= len && n < cap; k++) {
			memcpy(typed, name, k);
			typed[k] = '\0';
			int rows = 0;
			double t0 = now_us();
			lk_client_search(st, typed, 20, count_row, &rows, &err);
			t[n++] = now_us() - t0;
			found += rows;
		}
		const char *hetu = (const char *)sqlite3_column_text(s, 1);
		if (hetu) {
			int rows = 0;
			double t0 = now_us();
			lk_client_search(st, hetu, 20, count_row, &rows, &err);
			th[nh++] = now_us() - t0;
		}
	}
	sqlite3_finalize(s);
	printf("register: %ld clients, %d names typed\n", lk_client_count(st), samples);
	report("per keystroke (name)", t, n);
	report("identity code look-up", th, nh);
	sqlite3_close(db);
	lk_store_close(st);
	free(t);
	free(th);
	return found > 0 ? 0 : 1;
}
