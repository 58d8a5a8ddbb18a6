/*
 * test_sync_roles.c — the central node's role check of a pushed change
 * (node/node-rights.h), on changesets captured from real writes and rolled
 * back: a Kela advisor may not write bookings or staff rows, may change
 * their own secret but not their own role, nor another's secret; a change
 * naming nobody passes only for the audit trail (or from a kiosk desk)
 * once accounts have secrets; an unknown staff id is refused.
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
#include "store/signin.h"
#include "store/staff.h"
#include "store/store.h"
#include "node/node-rights.h"
#include "store/sync-apply.h"

static char dir[] = "/tmp/luukku-sroles-XXXXXX";
static char path[256];
static char admin[LK_ID_LEN + 1], kela[LK_ID_LEN + 1];
static const char *attach_only;   /* capture one table (NULL: all) */

/* The changeset of `sql` run on a raw connection, then rolled back. */
static void *
capture(const char *sql, int *n)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_session *ses;
	assert_int_equal(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3session_create(db, "main", &ses), SQLITE_OK);
	assert_int_equal(sqlite3session_attach(ses, attach_only), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	void *cs = NULL;
	assert_int_equal(sqlite3session_changeset(ses, n, &cs), SQLITE_OK);
	assert_true(*n > 0);
	sqlite3session_delete(ses);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	return cs;
}

/* The check's answer for `sql` made by staff_id: "ok" or the reason. */
static const char *
judge(struct lk_store *st, bool kiosk, const char *staff_id, const char *sql)
{
	static char out[300];
	int n;
	void *cs = capture(sql, &n);
	struct lk_err err = { 0 };
	enum lk_status rc = lk_hub_role_check(st, kiosk, staff_id, cs, n, &err);
	sqlite3_free(cs);
	snprintf(out, sizeof out, "%s", rc == LK_OK ? "ok" : err.msg);
	return out;
}

static void
test_roles(void **state)
{
	(void)state;
	struct lk_store *st = NULL;
	struct lk_err err = { 0 };
	assert_int_equal(lk_store_open(path, LK_OPEN_CREATE, &st, &err), LK_OK);
	assert_int_equal(lk_area_init(st, "pohjois-karjala", &err), LK_OK);
	struct lk_staff_input in = { .name = "Aalto, Aino", .role = "admin",
	                             .point = "joensuun-palvelupiste" };
	assert_int_equal(lk_staff_add(st, &in, admin, &err), LK_OK);
	in.name = "Kivelä, Kari";
	in.role = "kela-advisor";
	assert_int_equal(lk_staff_add(st, &in, kela, &err), LK_OK);

	char sql[512];
	const char *add_client = "INSERT INTO client(id, surname, given_names, created)"
		" VALUES ('c1', 'V', 'M', '2026-03-02 09:00')";
	/* No secrets yet: a change naming nobody passes, as before. */
	assert_string_equal(judge(st, false, NULL, add_client), "ok");

	assert_int_equal(lk_staff_set_secret(st, admin, "4321", &err), LK_OK);
	assert_int_equal(lk_staff_set_secret(st, kela, "1111", &err), LK_OK);
	assert_string_equal(judge(st, false, NULL, add_client),
	                    "the change to client names no staff member, and sign-in accounts are in use");
	assert_string_equal(judge(st, true, NULL, add_client), "ok");   /* a kiosk desk: its scope judges */
	assert_string_equal(judge(st, false, NULL,
		"INSERT INTO audit(id, at, action) VALUES ('a1', '2026-03-02 09:00', 'sign-in-failed')"),
		"ok");
	assert_string_equal(judge(st, false, admin, add_client), "ok");
	assert_string_equal(judge(st, false, kela, add_client), "the role 'kela-advisor' may not write client");
	assert_string_equal(judge(st, false, "0123456789abcdef0123456789abcdef", add_client),
	                    "the change names '0123456789abcdef0123456789abcdef', who is no active "
	                    "staff member here");

	/* Own secret yes; own role, or another's secret, no. */
	snprintf(sql, sizeof sql, "UPDATE staff SET secret_hash = 'x' WHERE id = '%s'", kela);
	assert_string_equal(judge(st, false, kela, sql), "ok");
	snprintf(sql, sizeof sql, "UPDATE staff SET role = 'admin' WHERE id = '%s'", kela);
	assert_string_equal(judge(st, false, kela, sql), "the role 'kela-advisor' may not write staff");
	snprintf(sql, sizeof sql, "UPDATE staff SET role = 'admin', secret_hash = 'x' WHERE id = '%s'",
	         kela);
	assert_string_equal(judge(st, false, kela, sql), "the role 'kela-advisor' may not write staff");
	snprintf(sql, sizeof sql, "UPDATE staff SET secret_hash = 'x' WHERE id = '%s'", admin);
	assert_string_equal(judge(st, false, kela, sql), "the role 'kela-advisor' may not write staff");
	assert_string_equal(judge(st, false, admin, sql), "ok");
	lk_store_close(st);
}

/* The node's apply of a push (LK_APPLY_TEXT): text that breaks the text
 * rule is refused naming its column, so the push is refused whole (and
 * the desk keeps it in sync_refused); a desk's apply of the node's order
 * takes it as it comes. */
static const char *
apply_text(struct lk_store *st, const char *sql, int flags)
{
	static char out[300];
	int n;
	void *cs = capture(sql, &n);
	struct lk_err err = { 0 };
	assert_int_equal(lk_sync_begin(st, &err), LK_OK);
	enum lk_status rc = lk_sync_apply(st, cs, n, 1000, "desk-1", flags, NULL, &err);
	lk_sync_rollback(st);
	sqlite3_free(cs);
	snprintf(out, sizeof out, "%s", rc == LK_OK ? "ok" : err.field);
	return out;
}

static void
test_text(void **state)
{
	(void)state;
	struct lk_store *st = NULL;
	struct lk_err err = { 0 };
	assert_int_equal(lk_store_open(path, 0, &st, &err), LK_OK);
	const int node = LK_APPLY_DETECT | LK_APPLY_TEXT;
	attach_only = "client";
	static const char *const bad_surname[] = {
		"x\x1b[2Jx", "x\x07x", "x\xc2\x9bx", "x\x9bx", "x\xed\xa0\x80x",
		"x\xc0\xafx", "x\xf4\x90\x80\x80x", "x\xe2\x80\xaex", "x\xe2\x81\xa6x",
	};
	char sql[512];
	for (size_t i = 0; i < sizeof bad_surname / sizeof bad_surname[0]; i++) {
		/* The bytes go in as a blob cast to text: what a broken desk sends. */
		char hex[64] = "";
		const char *p = bad_surname[i];
		for (; *p; p++) {
			if (p[0] == '\\' && p[1] == 'x') {
				strncat(hex, p + 2, 2);
				p += 3;
			} else {
				char h[3];
				snprintf(h, sizeof h, "%02x", (unsigned char)*p);
				strcat(hex, h);
			}
		}
		snprintf(sql, sizeof sql, "INSERT INTO client(id, surname, given_names, created)"
		         " VALUES ('c%zu', CAST(X'%s' AS TEXT), 'M', '2026-03-02 09:00')", i, hex);
		assert_string_equal(apply_text(st, sql, node), "surname");
		assert_string_equal(apply_text(st, sql, LK_APPLY_DETECT), "ok");
	}
	/* Free text: no identity code however written; the marks a note needs pass. */
	attach_only = "consent";
	assert_string_equal(apply_text(st, "INSERT INTO consent(id, client_id, kind, scope, given_how,"
		" staff_id, given_at) VALUES ('k1', 'c1', 'terveydenhuolto', 'koskee 010594 y9032',"
		" 'written', NULL, '2026-03-02 09:00')", node), "scope");
	attach_only = "client";
	assert_string_equal(apply_text(st, "INSERT INTO client(id, surname, given_names, created)"
		" VALUES ('c9', 'Virtanen', 'Åsa', '2026-03-02 09:00')", node), "ok");
	lk_store_close(st);
}

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof path, "%s/node.db", dir);
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
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_text),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
