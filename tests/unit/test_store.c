/*
 * test_store.c — the store's promise: every committed write transaction
 * leaves exactly its changes in the outbox, in the same transaction; a
 * rolled-back one leaves nothing. Checked by reading the changesets back
 * and by replaying them into a second, empty database.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "store/appointment.h"
#include "store/area.h"
#include "store/client.h"
#include "store/staff.h"
#include "store/store.h"

static char dir[] = "/tmp/luukku-test-XXXXXX";

static struct lk_store *
open_new(const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	struct lk_store *st = NULL;
	struct lk_err err = { 0 };
	assert_int_equal(lk_store_open(path, LK_OPEN_CREATE, &st, &err), LK_OK);
	return st;
}

static sqlite3 *
raw(const char *name)
{
	char path[256];
	sqlite3 *db;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	return db;
}

static long
count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* The tables and operations of one outbox changeset, as "op table" lines. */
static void
describe(sqlite3 *db, long seq, char *out, size_t size)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT changeset FROM outbox WHERE seq = ?", -1,
	                                    &s, NULL), SQLITE_OK);
	sqlite3_bind_int64(s, 1, seq);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	sqlite3_changeset_iter *it;
	assert_int_equal(sqlite3changeset_start(&it, sqlite3_column_bytes(s, 0),
	                                        (void *)sqlite3_column_blob(s, 0)), SQLITE_OK);
	out[0] = '\0';
	while (sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *table;
		int ncol, op, indirect;
		sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
		char line[64];
		snprintf(line, sizeof line, "%s %s;", op == SQLITE_INSERT ? "insert"
		         : op == SQLITE_UPDATE ? "update" : "delete", table);
		strncat(out, line, size - strlen(out) - 1);
	}
	sqlite3changeset_finalize(it);
	sqlite3_finalize(s);
}

static void
test_outbox_holds_committed_changes(void **state)
{
	(void)state;
	struct lk_store *st = open_new("a.db");
	struct lk_err err = { 0 };
	assert_int_equal(lk_area_init(st, "pohjois-karjala", &err), LK_OK);
	struct lk_client_input in = { .name = "Virtanen, Matti", .hetu = "010594Y9032" };
	char id[LK_ID_LEN + 1];
	assert_int_equal(lk_client_add(st, &in, id, &err), LK_OK);
	struct lk_client_input ch = { .phone = "040 123" };
	assert_int_equal(lk_client_set(st, id, &ch, &err), LK_OK);

	sqlite3 *db = raw("a.db");
	assert_int_equal(count(db, "SELECT count(*) FROM outbox"), 3);
	char what[4096];
	describe(db, 2, what, sizeof what);
	assert_string_equal(what, "insert client;");   /* not the search index, not meta */
	describe(db, 3, what, sizeof what);
	assert_string_equal(what, "update client;");
	describe(db, 1, what, sizeof what);
	assert_non_null(strstr(what, "insert service_point;"));
	assert_non_null(strstr(what, "insert point_link;"));
	assert_null(strstr(what, "meta"));
	sqlite3_close(db);
	lk_store_close(st);
}

static void
test_refused_write_leaves_nothing(void **state)
{
	(void)state;
	struct lk_store *st = open_new("b.db");
	struct lk_err err = { 0 };
	assert_int_equal(lk_area_init(st, "pohjois-karjala", &err), LK_OK);
	struct lk_client_input in = { .name = "Virtanen, Matti", .hetu = "010594Y9032" };
	char id[LK_ID_LEN + 1];
	assert_int_equal(lk_client_add(st, &in, id, &err), LK_OK);
	/* Refused inside the transaction (duplicate identity code). */
	struct lk_client_input dup = { .name = "Kopio, Matti", .hetu = "010594Y9032" };
	assert_int_equal(lk_client_add(st, &dup, id, &err), LK_ECLASH);
	assert_string_equal(err.field, "hetu");
	/* Refused after a row was written: the clash check of a booking comes
	 * last, so the transaction is rolled back, not merely not started. */
	char s1[LK_ID_LEN + 1];
	struct lk_staff_input si = { .name = "Mäkelä, Liisa", .role = "caseworker",
	                             .point = "joensuun-palvelupiste" };
	assert_int_equal(lk_staff_add(st, &si, s1, &err), LK_OK);
	struct lk_booking b = { .staff = s1, .kind = "muu", .at = "2026-03-03 10:00",
	                        .minutes = 60, .channel = "face" };
	char a1[LK_ID_LEN + 1];
	assert_int_equal(lk_book(st, &b, a1, &err), LK_OK);
	b.at = "2026-03-03 10:59";
	assert_int_equal(lk_book(st, &b, a1, &err), LK_ECLASH);

	sqlite3 *db = raw("b.db");
	assert_int_equal(count(db, "SELECT count(*) FROM outbox"), 4);
	assert_int_equal(count(db, "SELECT count(*) FROM client"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM appointment"), 1);
	sqlite3_close(db);

	/* An explicit rollback: a write inside, nothing after. */
	assert_int_equal(lk_store_begin(st, &err), LK_OK);
	assert_int_equal(lk_meta_set(st, "x", "y"), LK_OK);
	lk_store_rollback(st);
	db = raw("b.db");
	assert_int_equal(count(db, "SELECT count(*) FROM outbox"), 4);
	assert_int_equal(count(db, "SELECT count(*) FROM meta WHERE key = 'x'"), 0);
	sqlite3_close(db);
	lk_store_close(st);
}

static int
replay(sqlite3 *from, sqlite3 *to)
{
	sqlite3_stmt *s;
	int applied = 0;
	assert_int_equal(sqlite3_prepare_v2(from, "SELECT changeset FROM outbox ORDER BY seq", -1,
	                                    &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		assert_int_equal(sqlite3changeset_apply(to, sqlite3_column_bytes(s, 0),
		                                        (void *)sqlite3_column_blob(s, 0), NULL, NULL,
		                                        NULL), SQLITE_OK);
		applied++;
	}
	sqlite3_finalize(s);
	return applied;
}

static void
test_outbox_replays_to_same_content(void **state)
{
	(void)state;
	struct lk_store *st = open_new("c.db");
	struct lk_store *empty = open_new("d.db");   /* schema only */
	struct lk_err err = { 0 };
	assert_int_equal(lk_area_init(st, "mikkelin-seutu", &err), LK_OK);
	char id[LK_ID_LEN + 1];
	struct lk_client_input in = { .name = "Åberg, Sofia", .municipality = "Mikkeli",
	                              .job_search_start = "1.3.2026" };
	assert_int_equal(lk_client_add(st, &in, id, &err), LK_OK);
	struct lk_client_input ch = { .name = "Öhman, Sofia" };
	assert_int_equal(lk_client_set(st, id, &ch, &err), LK_OK);
	lk_store_close(st);
	lk_store_close(empty);

	sqlite3 *a = raw("c.db"), *b = raw("d.db");
	assert_int_equal(replay(a, b), 3);
	const char *q = "SELECT group_concat(id || surname || given_names || coalesce(municipality_id, '')"
	                " || coalesce(job_search_start, ''), ';') FROM client";
	sqlite3_stmt *sa, *sb;
	sqlite3_prepare_v2(a, q, -1, &sa, NULL);
	sqlite3_prepare_v2(b, q, -1, &sb, NULL);
	assert_int_equal(sqlite3_step(sa), SQLITE_ROW);
	assert_int_equal(sqlite3_step(sb), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(sa, 0), sqlite3_column_text(sb, 0));
	assert_non_null(strstr((const char *)sqlite3_column_text(sb, 0), "Öhman"));
	sqlite3_finalize(sa);
	sqlite3_finalize(sb);
	assert_int_equal(count(b, "SELECT count(*) FROM service_point"), 6);
	sqlite3_close(a);
	sqlite3_close(b);
}

static void
test_file_mode_and_ids(void **state)
{
	(void)state;
	struct lk_store *st = open_new("e.db");
	char path[256];
	snprintf(path, sizeof path, "%s/e.db", dir);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	char a[LK_ID_LEN + 1], b[LK_ID_LEN + 1];
	lk_new_id(a);
	lk_new_id(b);
	assert_int_equal(strlen(a), 32);
	assert_string_not_equal(a, b);
	assert_true(lk_id_valid(a));
	assert_false(lk_id_valid("DROP TABLE"));
	lk_store_close(st);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	/* The bookings below lie ahead of this "now" (the booking rule
	 * refuses a start in the past). */
	setenv("LUUKKU_NOW", "2026-03-02 09:00", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_outbox_holds_committed_changes),
		cmocka_unit_test(test_refused_write_leaves_nothing),
		cmocka_unit_test(test_outbox_replays_to_same_content),
		cmocka_unit_test(test_file_mode_and_ids),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
