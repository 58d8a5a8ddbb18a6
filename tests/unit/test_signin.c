/*
 * test_signin.c — signing in tells nobody whether an account exists: an
 * unknown name, an account without a secret and a wrong secret each run
 * exactly one argon2id verify and answer with the same message; the
 * failure count for the slow-down is read back from the audit trail, so a
 * new process (a restart) sees it, and a success ends the run.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <sqlite3.h>

#include "store/area.h"
#include "store/audit.h"
#include "store/signin.h"
#include "store/staff.h"
#include "store/store.h"

static char dir[] = "/tmp/luukku-signin-XXXXXX";
static char path[256];
static char admin[LK_ID_LEN + 1], other[LK_ID_LEN + 1];

static struct lk_store *
open_db(void)
{
	struct lk_store *st = NULL;
	struct lk_err err = { 0 };
	assert_int_equal(lk_store_open(path, LK_OPEN_CREATE, &st, &err), LK_OK);
	return st;
}

static void
test_same_cost_same_answer(void **state)
{
	(void)state;
	struct lk_store *st = open_db();
	struct lk_err err = { 0 };
	assert_int_equal(lk_area_init(st, "pohjois-karjala", &err), LK_OK);
	char *a = admin, *b = other;
	struct lk_staff_input in = { .name = "Aalto, Aino", .role = "admin",
	                             .point = "joensuun-palvelupiste" };
	assert_int_equal(lk_staff_add(st, &in, a, &err), LK_OK);
	in.name = "Berg, Bo";
	in.role = "caseworker";
	assert_int_equal(lk_staff_add(st, &in, b, &err), LK_OK);
	assert_int_equal(lk_staff_set_secret(st, a, "4321", &err), LK_OK);

	char msg[3][400];
	unsigned long n0 = lk_signin_verify_count();
	struct lk_err e1 = { 0 }, e2 = { 0 }, e3 = { 0 };
	assert_int_equal(lk_signin_verify(st, "0123456789abcdef0123456789abcdef", "4321",
	                                  "sign-in", NULL, &e1), LK_ECLASH);
	assert_int_equal(lk_signin_verify_count(), n0 + 1);   /* unknown name: one verify */
	assert_int_equal(lk_signin_verify(st, b, "4321", "sign-in", NULL, &e2), LK_ECLASH);
	assert_int_equal(lk_signin_verify_count(), n0 + 2);   /* no secret: one verify */
	assert_int_equal(lk_signin_verify(st, a, "1234", "sign-in", NULL, &e3), LK_ECLASH);
	assert_int_equal(lk_signin_verify_count(), n0 + 3);   /* wrong secret: one verify */
	snprintf(msg[0], sizeof msg[0], "%s %s", e1.field, e1.msg);
	snprintf(msg[1], sizeof msg[1], "%s %s", e2.field, e2.msg);
	snprintf(msg[2], sizeof msg[2], "%s %s", e3.field, e3.msg);
	assert_string_equal(msg[0], "secret wrong name or secret");
	assert_string_equal(msg[1], msg[0]);
	assert_string_equal(msg[2], msg[0]);
	/* A NULL secret too is one verify and a refusal. */
	assert_int_equal(lk_signin_verify(st, a, NULL, "sign-in", NULL, &e3), LK_ECLASH);
	assert_int_equal(lk_signin_verify_count(), n0 + 4);
	lk_store_close(st);
}

static void
test_failures_survive_a_restart(void **state)
{
	(void)state;
	/* A new connection is what a restarted program sees. */
	struct lk_store *st = open_db();
	struct lk_err err = { 0 };
	assert_int_equal(lk_signin_failures(st, admin), 2);    /* wrong, then none */
	assert_int_equal(lk_signin_delay_ms(lk_signin_failures(st, admin)), 2000);
	/* No secret: a name that is no account, so this desk's failures of
	 * such names (the unknown name and the account without a secret of
	 * the first test). */
	assert_int_equal(lk_signin_failures(st, other), 2);
	assert_int_equal(lk_signin_failures(st, NULL), 2);
	assert_int_equal(lk_signin_verify(st, admin, "4321", "sign-in", NULL, &err), LK_OK);
	assert_int_equal(lk_signin_failures(st, admin), 0);    /* a success ends the run */
	assert_int_equal(lk_signin_verify(st, admin, "0000", "unlock", NULL, &err), LK_ECLASH);
	lk_store_close(st);
	st = open_db();
	assert_int_equal(lk_signin_failures(st, admin), 1);
	assert_int_equal(lk_signin_delay_ms(1), 1000);
	/* Older than the window: forgotten. */
	setenv("LUUKKU_NOW", "2026-03-02 10:01", 1);
	assert_int_equal(lk_signin_failures(st, admin), 0);
	setenv("LUUKKU_NOW", "2026-03-02 09:00", 1);
	lk_store_close(st);
}

/* Failures of names that are no account: counted from this desk's rows
 * of the audit trail without a staff member, restart or not; the name is
 * stored nowhere; another desk's such rows (synced) do not count. */
static void
test_unknown_names_survive_a_restart(void **state)
{
	(void)state;
	struct lk_store *st = open_db();
	struct lk_err err = { 0 };
	/* A success on this desk ends the earlier run. */
	assert_int_equal(lk_signin_verify(st, admin, "4321", "sign-in", NULL, &err), LK_OK);
	assert_int_equal(lk_signin_failures(st, NULL), 0);
	assert_int_equal(lk_meta_set(st, "desk_name", "joensuu-1"), LK_OK);
	assert_int_equal(lk_signin_verify(st, "58203917", "58203917", "sign-in", NULL, &err),
	                 LK_ECLASH);
	assert_int_equal(lk_signin_failed(st, "58203918", "cli: unknown --staff", &err), LK_OK);
	lk_store_close(st);
	st = open_db();
	assert_int_equal(lk_signin_failures(st, NULL), 2);
	assert_int_equal(lk_signin_failures(st, "58203919"), 2);
	assert_int_equal(lk_signin_delay_ms(lk_signin_failures(st, NULL)), 2000);
	/* An account waits as long here, so the wait tells no account apart. */
	assert_int_equal(lk_signin_failures(st, admin), 2);
	/* The same as an account's two failures after a restart. */
	assert_int_equal(lk_signin_delay_ms(2), 2000);
	/* Rows of another desk, as sync brings them: not this desk's. */
	assert_int_equal(lk_audit(st, NULL, "sign-in-failed", NULL,
	                          "unknown staff member; desk outokumpu-1", &err), LK_OK);
	assert_int_equal(lk_audit(st, admin, "sign-in", NULL, "desk outokumpu-1", &err), LK_OK);
	assert_int_equal(lk_signin_failures(st, NULL), 2);
	lk_store_close(st);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT count(*), sum(detail = 'unknown staff member; desk joensuu-1') FROM audit"
		" WHERE action = 'sign-in-failed' AND staff_id IS NULL AND at >= '2026-03-02'"
		" AND rowid > (SELECT max(rowid) FROM audit WHERE action = 'sign-in'"
		"              AND detail IS NULL)", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 3);
	assert_int_equal(sqlite3_column_int(q, 1), 2);
	sqlite3_finalize(q);
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT count(*) FROM audit WHERE instr(coalesce(staff_id, '') || '|' ||"
		" coalesce(detail, ''), '582039') > 0", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 0);   /* the typed names: nowhere */
	sqlite3_finalize(q);
	sqlite3_close(db);
	st = open_db();
	/* A success on this desk (its rows carry the desk's name) ends the run. */
	assert_int_equal(lk_signin_verify(st, admin, "4321", "sign-in", NULL, &err), LK_OK);
	assert_int_equal(lk_signin_failures(st, NULL), 0);
	lk_store_close(st);
}

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof path, "%s/s.db", dir);
	return 0;
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
	setenv("LUUKKU_NOW", "2026-03-02 09:00", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_cost_same_answer),
		cmocka_unit_test(test_failures_survive_a_restart),
		cmocka_unit_test(test_unknown_names_survive_a_restart),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
