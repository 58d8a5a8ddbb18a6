/*
 * migrate.c — apply the numbered migrations of schema/ in order.
 *
 * Each migration NNN_name.sql runs in its own transaction together with
 * `PRAGMA user_version = NNN`, so a file is always at one known version.
 * The migrations are compiled into the binary (scripts/embed.sh). A gap in
 * the numbers (one held for another branch) is skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/embedded.h"
#include "store/store-internal.h"

const char *
lk_embedded_find(const char *name)
{
	for (const struct lk_embedded_file *f = lk_embedded; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f->text;
	return NULL;
}

/* The migration number of a file name like "001_init.sql", or 0. */
static int
migration_number(const char *name)
{
	size_t n = strlen(name);
	if (n < 8 || strcmp(name + n - 4, ".sql") != 0)
		return 0;
	if (name[0] < '0' || name[0] > '9')
		return 0;
	return atoi(name);
}

int
lk_store_schema_version(void)
{
	int newest = 0;
	for (const struct lk_embedded_file *f = lk_embedded; f->name; f++) {
		int v = migration_number(f->name);
		if (v > newest)
			newest = v;
	}
	return newest;
}

enum lk_status
lk_migrate(struct lk_store *st, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, "PRAGMA user_version", err);
	if (s == NULL)
		return LK_EFAIL;
	int have = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);

	for (int want = have + 1; want <= lk_store_schema_version(); want++) {
		const struct lk_embedded_file *f;
		for (f = lk_embedded; f->name; f++)
			if (migration_number(f->name) == want)
				break;
		/* A number with no file is held for a branch not merged yet (013-015
		 * while 016_event.sql came first): skipped. Merging such a branch
		 * must renumber its migration after the newest, as databases made
		 * meanwhile are past the gap. */
		if (f->name == NULL)
			continue;
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", want);
		if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
			return lk_sql_err(st, err, "migration");
		if (sqlite3_exec(st->db, f->text, NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(st->db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
			lk_err_set(err, LK_EFAIL, "db", "migration %s failed: %s", f->name,
			           sqlite3_errmsg(st->db));
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return LK_EFAIL;
		}
		if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
			return lk_sql_err(st, err, "migration");
	}
	return LK_OK;
}
