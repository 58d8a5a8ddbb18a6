/*
 * test_due_reader.c — the due list of many clients at once (store/due.h's
 * lk_due_reader, what the cadence report uses) must be exactly
 * lk_client_due's, client by client: with the statements prepared once,
 * with every client preloaded in a few scans, and for a client added after
 * the preload. The data is made to catch a wrong order: a client with more
 * meetings than are read (256), two held at the same minute where the cut
 * falls, rows out of date order, unreadable dates, meetings of nobody and
 * of no client, two TYM cases of one client, reviews of several cases
 * interleaved. Also the reviews read at once (store/tym-reviews.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "store/due.h"
#include "store/store.h"
#include "store/tym-reviews.h"

static char dir[] = "/tmp/luukku-test-XXXXXX";
static char path[256];

#define A "a0000000000000000000000000000001"
#define B "b0000000000000000000000000000002"
#define C "c0000000000000000000000000000003"
#define D "d0000000000000000000000000000004"
#define E "e0000000000000000000000000000005"
#define F "f0000000000000000000000000000006"
#define G "90000000000000000000000000000007"

static const char *const clients[] = { A, B, C, D, E, F };

static void
exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/* The data, straight into the tables (foreign keys off: a meeting of
 * nobody is possible). */
static const char data_sql[] =
	"INSERT INTO client(id, surname, given_names, created, job_search_start, koto_start,"
	" residence_permit) VALUES"
	" ('" A "', 'Aalto', 'Aino', '2024-01-08', '2024-01-08', NULL, NULL),"
	" ('" B "', 'Berg', 'Bo', '2025-06-02', '2025-06-02', '2025-11-03', '2025-10-01'),"
	" ('" C "', 'Castrén', 'Cia', '2024-02-01', '2024-02-01', NULL, NULL),"
	" ('" D "', 'Dahl', 'Dan', '2026-02-16', '2026-02-16', NULL, NULL),"
	" ('" E "', 'Ek', 'Emil', '2023-05-01', NULL, NULL, '2023-05-01'),"
	" ('" F "', 'Forsman', 'Fia', '2025-01-01', NULL, NULL, NULL);"
	/* A meeting at the same minute as A's 266th (i = 266), before it in
	 * the table: 255 held and readable come before them, so this one is the
	 * 256th read and i = 266 is not. */
	"INSERT INTO appointment(id, client_id, staff_id, kind, channel, start, minutes, status,"
	" created) VALUES ('tie', '" A "', 's', 'tyonhakukeskustelu', 'face',"
	" date('2024-01-10', '+532 days') || ' 09:00', 30, 'done', '2024-01-01');"
	/* A: 300 held, every other day, written newest first; some not held,
	 * some unreadable; job-search discussions only at i = 10, at the tie
	 * and at i = 290 (after the cut: not read). */
	"WITH RECURSIVE n(i) AS (SELECT 300 UNION ALL SELECT i - 1 FROM n WHERE i > 1)"
	" INSERT INTO appointment(id, client_id, staff_id, kind, channel, start, minutes, status,"
	" created) SELECT 'a' || i, '" A "', 's',"
	" CASE i WHEN 1 THEN 'alkuhaastattelu' WHEN 10 THEN 'tyonhakukeskustelu'"
	"  WHEN 290 THEN 'tyonhakukeskustelu' ELSE 'muu' END, 'face',"
	" CASE WHEN i % 50 = 0 THEN 'unknown' ELSE date('2024-01-10', '+' || (i * 2) || ' days')"
	"  || ' 09:00' END, 30, CASE WHEN i % 40 = 0 THEN 'no-show' ELSE 'done' END,"
	" '2024-01-01' FROM n;"
	"INSERT INTO appointment(id, client_id, staff_id, kind, channel, start, minutes, status,"
	" created) VALUES"
	" ('b2', '" B "', 's', 'tyonhakukeskustelu', 'phone', '2025-09-01 10:00', 30, 'done', 'x'),"
	" ('b1', '" B "', 's', 'alkuhaastattelu', 'face', '2025-06-04 10:00', 30, 'done', 'x'),"
	" ('b3', '" B "', 's', 'verkostopalaveri', 'face', '2025-09-15 10:00', 30, 'done', 'x'),"
	" ('b4', '" B "', 's', 'tym-paivitys', 'face', '2026-01-10 10:00', 30, 'done', 'x'),"
	" ('b5', '" B "', 's', 'tyonhakukeskustelu', 'face', '2026-03-10 10:00', 30, 'scheduled', 'x'),"
	" ('c1', '" C "', 's', 'alkuhaastattelu', 'video', '2024-02-05 10:00', 30, 'done', 'x'),"
	" ('c2', '" C "', 's', 'tyonhakukeskustelu', 'face', '2025-11-20 10:00', 30, 'done', 'x'),"
	" ('z1', 'nobody', 's', 'alkuhaastattelu', 'face', '2026-02-17 10:00', 30, 'done', 'x'),"
	" ('z2', NULL, 's', 'muu', 'face', '2026-02-17 11:00', 30, 'done', 'x');"
	"INSERT INTO measure(id, client_id, kind, start, end) VALUES"
	" ('m1', '" B "', 'palkkatuki', '2025-10-01', '2026-01-31'),"
	" ('m2', '" B "', 'muu', '2026-02-01', NULL),"
	" ('m3', '" C "', 'tyokokeilu', '2025-05-01', '2025-08-31');"
	"INSERT INTO plan(id, client_id, type, made) VALUES"
	" ('p1', '" B "', 'kotoutumissuunnitelma', '2025-12-15'),"
	" ('p2', '" B "', 'tym-suunnitelma', '2025-06-01'),"
	" ('p3', '" B "', 'tym-suunnitelma', '2025-08-01'),"
	" ('p4', '" B "', 'tym-suunnitelma', '2026-01-10'),"
	" ('p5', '" C "', 'tym-suunnitelma', '2024-04-01'),"
	" ('p6', '" C "', 'tym-suunnitelma', '2025-05-02'),"
	" ('p7', '" E "', 'monialainen-kotoutumissuunnitelma', '2023-09-01');"
	"INSERT INTO tym_case(id, client_id, referral, opened, assessment_done, closed) VALUES"
	" ('t1', '" B "', 'perus', '2025-07-01', '2025-09-15', NULL),"
	" ('t2', '" C "', 'kela', '2024-03-01', '2024-05-20', '2025-01-15'),"
	" ('t3', '" C "', 'perus', '2025-04-01', NULL, NULL);"
	"INSERT INTO tym_review(id, case_id, day) VALUES"
	" ('r1', 't1', '2026-01-05'), ('r2', 't3', '2025-10-01'), ('r3', 't1', 'bad'),"
	" ('r4', 't2', '2024-09-01'), ('r5', 't1', '2025-12-20'), ('r6', 't3', '2025-10-02');";

static int
setup(void **state)
{
	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/due.db", dir);
	struct lk_store *st = NULL;
	struct lk_err err = { 0 };
	assert_int_equal(lk_store_open(path, LK_OPEN_CREATE, &st, &err), LK_OK);
	lk_store_close(st);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	exec(db, data_sql);
	sqlite3_close(db);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd);
}

static struct lk_store *
open_store(void)
{
	struct lk_store *st = NULL;
	struct lk_err err = { 0 };
	assert_int_equal(lk_store_open(path, 0, &st, &err), LK_OK);
	return st;
}

/* The reader's items for id equal lk_client_due's, field by field. */
static size_t
same_as_one_by_one(struct lk_store *st, struct lk_due_reader *r, const char *id, lk_date day)
{
	struct lk_due_item want[LK_DUE_MAX], got[LK_DUE_MAX];
	size_t nw = 0, ng = 0;
	struct lk_err err = { 0 };
	assert_int_equal(lk_client_due(st, id, day, want, &nw, &err), LK_OK);
	assert_int_equal(lk_due_reader_client(r, id, day, got, &ng, &err), LK_OK);
	assert_int_equal(ng, nw);
	for (size_t i = 0; i < nw; i++) {
		assert_ptr_equal(got[i].rule, want[i].rule);
		assert_int_equal(got[i].seq, want[i].seq);
		assert_int_equal(got[i].of, want[i].of);
		assert_int_equal(got[i].due, want[i].due);
		assert_int_equal(got[i].state, want[i].state);
		assert_int_equal(got[i].done_on, want[i].done_on);
	}
	return nw;
}

static lk_date
day_of(const char *s)
{
	lk_date d;
	assert_true(lk_date_parse(s, &d));
	return d;
}

static void
test_reader_matches_one_by_one(void **state)
{
	(void)state;
	struct lk_store *st = open_store();
	struct lk_err err = { 0 };
	static const char *const days[] = { "2026-03-02", "2025-06-30", "2024-12-31" };
	for (int preload = 0; preload < 2; preload++) {
		struct lk_due_reader *r = lk_due_reader_open(st, &err);
		assert_non_null(r);
		if (preload)
			assert_int_equal(lk_due_reader_preload(r, &err), LK_OK);
		for (size_t d = 0; d < sizeof days / sizeof days[0]; d++) {
			size_t total = 0;
			for (size_t i = 0; i < sizeof clients / sizeof clients[0]; i++)
				total += same_as_one_by_one(st, r, clients[i], day_of(days[d]));
			assert_true(total > 0);
		}
		/* A has items on 2026-03-02: the job-search discussions of 2025. */
		assert_true(same_as_one_by_one(st, r, A, day_of("2026-03-02")) > 3);
		struct lk_due_item items[LK_DUE_MAX];
		size_t n;
		assert_int_equal(lk_due_reader_client(r, "nobody", day_of("2026-03-02"), items, &n,
		                                      &err), LK_ENOTFOUND);
		lk_due_reader_close(r);
	}
	lk_store_close(st);
}

/* Items of A as of 2026-03-02 with one meeting's status changed. */
static size_t
items_of_a(struct lk_store *st, const char *appointment, const char *status,
           struct lk_due_item *items)
{
	char sql[200];
	sqlite3 *db;
	size_t n = 0;
	struct lk_err err = { 0 };
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "UPDATE appointment SET status = '%s' WHERE id = '%s'",
	         status, appointment);
	exec(db, sql);
	assert_int_equal(lk_client_due(st, A, day_of("2026-03-02"), items, &n, &err), LK_OK);
	snprintf(sql, sizeof sql, "UPDATE appointment SET status = 'done' WHERE id = '%s'",
	         appointment);
	exec(db, sql);
	sqlite3_close(db);
	return n;
}

static bool
same_items(const struct lk_due_item *a, size_t na, const struct lk_due_item *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (a[i].rule != b[i].rule || a[i].due != b[i].due || a[i].state != b[i].state ||
		    a[i].done_on != b[i].done_on)
			return false;
	return true;
}

/* Which 256 of A's meetings are read decides A's items, so the first test
 * sees a reader that cuts elsewhere or orders the tie otherwise: without
 * the tie the discussion at the cut is gone; the one after the cut is not
 * read at all. */
static void
test_cut_matters(void **state)
{
	(void)state;
	struct lk_store *st = open_store();
	struct lk_due_item all[LK_DUE_MAX], other[LK_DUE_MAX];
	struct lk_err err = { 0 };
	size_t n = 0;
	assert_int_equal(lk_client_due(st, A, day_of("2026-03-02"), all, &n, &err), LK_OK);
	size_t m = items_of_a(st, "tie", "cancelled", other);
	assert_false(same_items(all, n, other, m));
	m = items_of_a(st, "a290", "cancelled", other);
	assert_true(same_items(all, n, other, m));
	lk_store_close(st);
}

/* A client written after the preload is asked one by one, with the same
 * answer. */
static void
test_client_after_preload(void **state)
{
	(void)state;
	struct lk_store *st = open_store();
	struct lk_err err = { 0 };
	struct lk_due_reader *r = lk_due_reader_open(st, &err);
	assert_non_null(r);
	assert_int_equal(lk_due_reader_preload(r, &err), LK_OK);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	exec(db, "INSERT INTO client(id, surname, given_names, created, job_search_start)"
	         " VALUES ('" G "', 'Gran', 'Gus', '2026-01-05', '2026-01-05');"
	         "INSERT INTO appointment(id, client_id, staff_id, kind, channel, start,"
	         " minutes, status, created) VALUES ('g1', '" G "', 's', 'alkuhaastattelu',"
	         " 'face', '2026-01-07 09:00', 30, 'done', 'x')");
	sqlite3_close(db);
	assert_true(same_as_one_by_one(st, r, G, day_of("2026-03-02")) > 0);
	lk_due_reader_close(r);
	lk_store_close(st);
}

static void
test_reviews_at_once(void **state)
{
	(void)state;
	struct lk_store *st = open_store();
	struct lk_err err = { 0 };
	struct lk_tym_reviews *t = lk_tym_reviews_load(st, &err);
	assert_non_null(t);
	const lk_date *days;
	/* In the table's order, an unreadable day kept as LK_NO_DATE. */
	assert_int_equal(lk_tym_reviews_of(t, "t1", &days), 3);
	assert_int_equal(days[0], day_of("2026-01-05"));
	assert_int_equal(days[1], LK_NO_DATE);
	assert_int_equal(days[2], day_of("2025-12-20"));
	assert_int_equal(lk_tym_reviews_of(t, "t3", &days), 2);
	assert_int_equal(days[0], day_of("2025-10-01"));
	assert_int_equal(days[1], day_of("2025-10-02"));
	assert_int_equal(lk_tym_reviews_of(t, "t2", &days), 1);
	assert_int_equal(lk_tym_reviews_of(t, "t9", &days), 0);
	lk_tym_reviews_free(t);
	lk_store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reader_matches_one_by_one),
		cmocka_unit_test(test_cut_matters),
		cmocka_unit_test(test_client_after_preload),
		cmocka_unit_test(test_reviews_at_once),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
